// A binary search tree with Option<Box<Node>>: insert, contains, in-order walk, height, min/max, removal of min.

#[derive(Debug)]
struct Node {
    key: i32,
    count: u32,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

#[derive(Debug)]
struct Tree {
    root: Option<Box<Node>>,
    size: usize,
}

impl Tree {
    fn new() -> Tree {
        Tree { root: None, size: 0 }
    }

    fn insert(&mut self, key: i32) {
        let mut slot = &mut self.root;
        while let Some(node) = slot {
            if key == node.key {
                node.count += 1;
                return;
            }
            slot = if key < node.key { &mut node.left } else { &mut node.right };
        }
        *slot = Some(Box::new(Node { key, count: 1, left: None, right: None }));
        self.size += 1;
    }

    fn contains(&self, key: i32) -> bool {
        let mut node = &self.root;
        while let Some(n) = node {
            if key == n.key {
                return true;
            }
            node = if key < n.key { &n.left } else { &n.right };
        }
        false
    }

    fn in_order(node: &Option<Box<Node>>, out: &mut Vec<String>) {
        if let Some(n) = node {
            Tree::in_order(&n.left, out);
            out.push(if n.count > 1 { format!("{}x{}", n.key, n.count) } else { n.key.to_string() });
            Tree::in_order(&n.right, out);
        }
    }

    fn height(node: &Option<Box<Node>>) -> usize {
        match node {
            None => 0,
            Some(n) => 1 + Tree::height(&n.left).max(Tree::height(&n.right)),
        }
    }

    fn pop_min(&mut self) -> Option<i32> {
        let mut slot = &mut self.root;
        while slot.as_ref()?.left.is_some() {
            slot = &mut slot.as_mut()?.left;
        }
        let node = slot.take()?;
        *slot = node.right;
        self.size -= 1;
        Some(node.key)
    }
}

fn main() {
    let mut tree = Tree::new();
    for key in [50, 30, 70, 20, 40, 60, 80, 30, 65, 20, 20, 10] {
        tree.insert(key);
    }
    let mut keys = Vec::new();
    Tree::in_order(&tree.root, &mut keys);
    println!("in order: {}", keys.join(" "));
    println!("size {} height {}", tree.size, Tree::height(&tree.root));
    for probe in [65, 66, 10, 90] {
        println!("contains {probe}: {}", tree.contains(probe));
    }
    while let Some(min) = tree.pop_min() {
        print!("{min} ");
        if tree.size == 3 {
            break;
        }
    }
    println!();
    let mut rest = Vec::new();
    Tree::in_order(&tree.root, &mut rest);
    println!("left: {} (height {})", rest.join(" "), Tree::height(&tree.root));
    let mut degenerate = Tree::new();
    for key in 0..200 {
        degenerate.insert(key);
    }
    println!("degenerate height {}", Tree::height(&degenerate.root));
}
