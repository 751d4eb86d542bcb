//! binary-trees (Computer Language Benchmarks Game), single-threaded: allocation-heavy.
//! Argument: maximum tree depth (default 10).

struct Node {
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

fn bottom_up(depth: u32) -> Box<Node> {
    if depth == 0 {
        Box::new(Node { left: None, right: None })
    } else {
        Box::new(Node {
            left: Some(bottom_up(depth - 1)),
            right: Some(bottom_up(depth - 1)),
        })
    }
}

fn check(node: &Node) -> u32 {
    let mut count = 1;
    if let Some(left) = &node.left {
        count += check(left);
    }
    if let Some(right) = &node.right {
        count += check(right);
    }
    count
}

fn size_arg(default: u32) -> u32 {
    match std::env::args().nth(1) {
        Some(text) => text.parse().unwrap_or(default),
        None => default,
    }
}

fn main() {
    let n = size_arg(10);
    let min_depth = 4;
    let max_depth = if min_depth + 2 > n { min_depth + 2 } else { n };

    let stretch_depth = max_depth + 1;
    {
        // The stretch tree is freed at the end of this block, before the long-lived tree exists.
        let stretch = bottom_up(stretch_depth);
        println!("stretch tree of depth {}\t check: {}", stretch_depth, check(&stretch));
    }

    let long_lived = bottom_up(max_depth);

    let mut depth = min_depth;
    while depth <= max_depth {
        let iterations = 1u32 << (max_depth - depth + min_depth);
        let mut total = 0u32;
        let mut i = 0;
        while i < iterations {
            let tree = bottom_up(depth);
            total += check(&tree);
            i += 1;
        }
        println!("{}\t trees of depth {}\t check: {}", iterations, depth, total);
        depth += 2;
    }

    println!("long lived tree of depth {}\t check: {}", max_depth, check(&long_lived));
}
