// The benchmarks game's binary-trees (depth 10): allocate many Box trees and check them.

struct Tree {
    children: Option<(Box<Tree>, Box<Tree>)>,
}

fn bottom_up(depth: u32) -> Box<Tree> {
    if depth == 0 {
        Box::new(Tree { children: None })
    } else {
        Box::new(Tree { children: Some((bottom_up(depth - 1), bottom_up(depth - 1))) })
    }
}

fn check(tree: &Tree) -> u32 {
    match &tree.children {
        None => 1,
        Some((left, right)) => 1 + check(left) + check(right),
    }
}

fn main() {
    let max_depth = 10;
    let min_depth = 4;
    let stretch = max_depth + 1;
    println!("stretch tree of depth {stretch}\t check: {}", check(&bottom_up(stretch)));
    let long_lived = bottom_up(max_depth);
    let mut depth = min_depth;
    while depth <= max_depth {
        let iterations = 1 << (max_depth - depth + min_depth);
        let mut total = 0;
        for _ in 0..iterations {
            total += check(&bottom_up(depth));
        }
        println!("{iterations}\t trees of depth {depth}\t check: {total}");
        depth += 2;
    }
    println!("long lived tree of depth {max_depth}\t check: {}", check(&long_lived));
}
