// Issue 4 (cells): a tree with Rc children and Weak parents: parent lookup through upgrade, counts as
// nodes are attached and detached, a subtree surviving its parent (upgrade gives None), and Weak::new().
use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Node {
    name: String,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
}

fn new_node(name: &str) -> Rc<Node> {
    Rc::new(Node { name: name.to_string(), parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) })
}

fn attach(parent: &Rc<Node>, child: &Rc<Node>) {
    *child.parent.borrow_mut() = Rc::downgrade(parent);
    parent.children.borrow_mut().push(Rc::clone(child));
}

fn ancestry(n: &Rc<Node>) -> Vec<String> {
    let mut out = vec![n.name.clone()];
    let mut cur = n.parent.borrow().upgrade();
    while let Some(p) = cur {
        out.push(p.name.clone());
        cur = p.parent.borrow().upgrade();
    }
    out
}

fn count(n: &Rc<Node>) -> usize {
    1 + n.children.borrow().iter().map(count).sum::<usize>()
}

fn main() {
    let leaf = new_node("leaf");
    println!("leaf strong {} weak {} parent {:?}", Rc::strong_count(&leaf), Rc::weak_count(&leaf), leaf.parent.borrow().upgrade().map(|p| p.name.clone()));
    {
        let branch = new_node("branch");
        attach(&branch, &leaf);
        let root = new_node("root");
        attach(&root, &branch);
        println!("{:?} nodes {}", ancestry(&leaf), count(&root));
        println!("leaf strong {} weak {}", Rc::strong_count(&leaf), Rc::weak_count(&leaf));
        println!("branch strong {} weak {}", Rc::strong_count(&branch), Rc::weak_count(&branch));
        println!("root strong {} weak {}", Rc::strong_count(&root), Rc::weak_count(&root));
        let detached = root.children.borrow_mut().pop();
        println!("detached {:?} branch strong {}", detached.as_ref().map(|n| n.name.clone()), Rc::strong_count(&branch));
        println!("{:?}", ancestry(&leaf));
    }
    println!("after scope: leaf strong {} parent {:?}", Rc::strong_count(&leaf), leaf.parent.borrow().upgrade().map(|p| p.name.clone()));
    println!("{:?}", ancestry(&leaf));
    let orphan: Weak<Node> = Weak::new();
    println!("{} {}", orphan.upgrade().is_none(), orphan.strong_count());
}
