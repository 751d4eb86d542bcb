// dependencies: wasm
//! A persistent binary search tree: inserting returns a new tree that shares untouched subtrees.

use wasm::GcBox;

#[wasm::gc]
enum Tree {
    Leaf,
    Node(GcBox<Tree>, i32, GcBox<Tree>),
}

fn leaf() -> GcBox<Tree> {
    GcBox::new(Tree::Leaf)
}

fn insert(t: &GcBox<Tree>, v: i32) -> GcBox<Tree> {
    match &**t {
        Tree::Leaf => GcBox::new(Tree::Node(leaf(), v, leaf())),
        Tree::Node(l, x, r) => {
            if v < *x {
                GcBox::new(Tree::Node(insert(l, v), *x, r.clone()))
            } else if v > *x {
                GcBox::new(Tree::Node(l.clone(), *x, insert(r, v)))
            } else {
                t.clone()
            }
        }
    }
}

fn contains(t: &GcBox<Tree>, v: i32) -> bool {
    match &**t {
        Tree::Leaf => false,
        Tree::Node(l, x, r) => {
            if v == *x {
                true
            } else if v < *x {
                contains(l, v)
            } else {
                contains(r, v)
            }
        }
    }
}

fn in_order(t: &GcBox<Tree>, out: &mut Vec<i32>) {
    if let Tree::Node(l, x, r) = &**t {
        in_order(l, out);
        out.push(*x);
        in_order(r, out);
    }
}

fn depth(t: &GcBox<Tree>) -> usize {
    match &**t {
        Tree::Leaf => 0,
        Tree::Node(l, _, r) => 1 + depth(l).max(depth(r)),
    }
}

fn main() {
    let mut versions = vec![leaf()];
    let values = [50, 30, 70, 20, 40, 60, 80, 35, 65, 30];
    for v in values {
        let next = insert(&versions[versions.len() - 1], v);
        versions.push(next);
    }
    for (i, t) in versions.iter().enumerate() {
        let mut items = Vec::new();
        in_order(t, &mut items);
        println!("v{i}: depth {} {:?}", depth(t), items);
    }
    let last = &versions[versions.len() - 1];
    let prev = &versions[versions.len() - 2];
    println!("inserting a duplicate returns the same tree: {}", GcBox::ptr_eq(last, prev));
    if let (Tree::Node(_, _, r_old), Tree::Node(_, _, r_new)) = (&*versions[3], &*versions[4]) {
        println!("v4 shares v3's right subtree: {}", GcBox::ptr_eq(r_old, r_new));
    }
    for probe in [35, 36, 80, 10] {
        println!("contains {probe}: v5 {} v10 {}", contains(&versions[5], probe), contains(last, probe));
    }
}
