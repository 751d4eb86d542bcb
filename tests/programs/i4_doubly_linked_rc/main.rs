// Issue 4: a doubly linked list with Rc<RefCell<Node>> forward links and Weak back links.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Node {
    value: i32,
    next: Option<Rc<RefCell<Node>>>,
    prev: Option<Weak<RefCell<Node>>>,
}

#[derive(Default)]
struct List {
    head: Option<Rc<RefCell<Node>>>,
    tail: Option<Rc<RefCell<Node>>>,
    len: usize,
}

impl List {
    fn push_back(&mut self, value: i32) {
        let node = Rc::new(RefCell::new(Node { value, next: None, prev: None }));
        match self.tail.take() {
            Some(old) => {
                node.borrow_mut().prev = Some(Rc::downgrade(&old));
                old.borrow_mut().next = Some(Rc::clone(&node));
            }
            None => self.head = Some(Rc::clone(&node)),
        }
        self.tail = Some(node);
        self.len += 1;
    }

    fn pop_front(&mut self) -> Option<i32> {
        let old = self.head.take()?;
        match old.borrow_mut().next.take() {
            Some(next) => {
                next.borrow_mut().prev = None;
                self.head = Some(next);
            }
            None => self.tail = None,
        }
        self.len -= 1;
        Some(old.borrow().value)
    }

    fn forward(&self) -> Vec<i32> {
        let mut out = Vec::new();
        let mut cur = self.head.clone();
        while let Some(node) = cur {
            out.push(node.borrow().value);
            cur = node.borrow().next.clone();
        }
        out
    }

    fn backward(&self) -> Vec<i32> {
        let mut out = Vec::new();
        let mut cur = self.tail.clone();
        while let Some(node) = cur {
            out.push(node.borrow().value);
            cur = node.borrow().prev.as_ref().and_then(|w| w.upgrade());
        }
        out
    }
}

fn main() {
    let mut list = List::default();
    for v in [3, 1, 4, 1, 5, 9] {
        list.push_back(v);
    }
    println!("{:?} {:?} len {}", list.forward(), list.backward(), list.len);
    println!("pop {:?} {:?}", list.pop_front(), list.pop_front());
    println!("{:?} {:?}", list.forward(), list.backward());
    if let Some(tail) = &list.tail {
        tail.borrow_mut().value *= 100;
        println!("tail strong {} weak {}", Rc::strong_count(tail), Rc::weak_count(tail));
    }
    while let Some(v) = list.pop_front() {
        print!("{v} ");
    }
    println!("empty {} {:?}", list.len, list.backward());
}
