// Issue 4: Rc<RefCell<..>> shared mutable nodes, Weak parent links, strong counts, Rc::ptr_eq, Cell.
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

#[derive(Debug)]
struct Node {
    name: String,
    value: Cell<i32>,
    children: RefCell<Vec<Rc<Node>>>,
    parent: RefCell<Weak<Node>>,
}

fn node(name: &str, value: i32) -> Rc<Node> {
    Rc::new(Node { name: name.to_string(), value: Cell::new(value), children: RefCell::new(Vec::new()), parent: RefCell::new(Weak::new()) })
}

fn add_child(parent: &Rc<Node>, child: Rc<Node>) {
    *child.parent.borrow_mut() = Rc::downgrade(parent);
    parent.children.borrow_mut().push(child);
}

fn sum(n: &Rc<Node>) -> i32 {
    n.value.get() + n.children.borrow().iter().map(sum).sum::<i32>()
}

fn path(n: &Rc<Node>) -> String {
    match n.parent.borrow().upgrade() {
        Some(p) => format!("{}/{}", path(&p), n.name),
        None => n.name.clone(),
    }
}

fn main() {
    let root = node("root", 1);
    let a = node("a", 10);
    let b = node("b", 20);
    let leaf = node("leaf", 300);
    add_child(&root, a.clone());
    add_child(&root, b.clone());
    add_child(&a, leaf.clone());
    println!("sum {} path {}", sum(&root), path(&leaf));
    println!("strong(a) {} weak(a) {} strong(root) {}", Rc::strong_count(&a), Rc::weak_count(&a), Rc::strong_count(&root));
    leaf.value.set(leaf.value.get() * 2);
    println!("sum after set {}", sum(&root));
    let first = root.children.borrow()[0].clone();
    println!("ptr_eq {} {}", Rc::ptr_eq(&first, &a), Rc::ptr_eq(&first, &b));
    let shared = Rc::new(RefCell::new(vec![1, 2, 3]));
    let alias = Rc::clone(&shared);
    alias.borrow_mut().push(4);
    {
        let view = shared.borrow();
        println!("{:?} len {} strong {}", *view, view.len(), Rc::strong_count(&shared));
    }
    drop(alias);
    println!("strong after drop {}", Rc::strong_count(&shared));
    let orphan_parent = {
        let temp = node("temp", 0);
        let child = node("child", 5);
        add_child(&temp, child.clone());
        child
    };
    println!("orphan parent alive: {}", orphan_parent.parent.borrow().upgrade().is_some());
    println!("try_borrow_mut while borrowed: {}", {
        let _guard = shared.borrow();
        shared.try_borrow_mut().is_err()
    });
}
