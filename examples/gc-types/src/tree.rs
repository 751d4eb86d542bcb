//! A persistent binary search tree: inserting shares every untouched subtree with the old tree.

use wasm::{GcArray, GcBox};

#[wasm::gc]
pub enum Tree {
    Leaf,
    Node {
        left: GcBox<Tree>,
        key: i32,
        right: GcBox<Tree>,
    },
}

pub fn empty() -> GcBox<Tree> {
    GcBox::new(Tree::Leaf)
}

pub fn insert(tree: &GcBox<Tree>, key: i32) -> GcBox<Tree> {
    match &**tree {
        Tree::Leaf => GcBox::new(Tree::Node {
            left: empty(),
            key,
            right: empty(),
        }),
        Tree::Node {
            left,
            key: k,
            right,
        } => {
            if key < *k {
                GcBox::new(Tree::Node {
                    left: insert(left, key),
                    key: *k,
                    right: right.clone(),
                })
            } else if key > *k {
                GcBox::new(Tree::Node {
                    left: left.clone(),
                    key: *k,
                    right: insert(right, key),
                })
            } else {
                tree.clone()
            }
        }
    }
}

pub fn contains(tree: &GcBox<Tree>, key: i32) -> bool {
    match &**tree {
        Tree::Leaf => false,
        Tree::Node {
            left,
            key: k,
            right,
        } => {
            if key < *k {
                contains(left, key)
            } else if key > *k {
                contains(right, key)
            } else {
                true
            }
        }
    }
}

pub fn size(tree: &GcBox<Tree>) -> usize {
    match &**tree {
        Tree::Leaf => 0,
        Tree::Node { left, right, .. } => size(left) + 1 + size(right),
    }
}

pub fn height(tree: &GcBox<Tree>) -> usize {
    match &**tree {
        Tree::Leaf => 0,
        Tree::Node { left, right, .. } => 1 + height(left).max(height(right)),
    }
}

/// The keys in order, in a new array.
pub fn keys(tree: &GcBox<Tree>) -> GcArray<i32> {
    let out = GcArray::new(size(tree), 0);
    fill(tree, &out, 0);
    out
}

fn fill(tree: &GcBox<Tree>, out: &GcArray<i32>, at: usize) -> usize {
    match &**tree {
        Tree::Leaf => at,
        Tree::Node { left, key, right } => {
            let at = fill(left, out, at);
            out.set(at, *key);
            fill(right, out, at + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_in_order() {
        let mut t = empty();
        for k in [50, 30, 70, 20, 40, 60, 80, 30] {
            t = insert(&t, k);
        }
        assert_eq!(size(&t), 7);
        assert_eq!(height(&t), 3);
        assert!(contains(&t, 60));
        assert!(!contains(&t, 65));
        assert_eq!(keys(&t).to_vec(), vec![20, 30, 40, 50, 60, 70, 80]);
    }

    #[test]
    fn old_versions_are_unchanged() {
        let v1 = insert(&insert(&empty(), 2), 1);
        let v2 = insert(&v1, 3);
        assert_eq!(size(&v1), 2);
        assert_eq!(size(&v2), 3);
        assert!(!contains(&v1, 3));
        match (&*v1, &*v2) {
            (Tree::Node { left: l1, .. }, Tree::Node { left: l2, .. }) => {
                assert!(GcBox::ptr_eq(l1, l2))
            }
            _ => panic!("expected nodes"),
        }
    }
}
