// dependencies: wasm
//! A FIFO queue of `GcRc` nodes linked with `Option<GcRc<Node>>` (head and tail share the last node).

use wasm::GcRc;

#[wasm::gc]
struct Node {
    value: i32,
    next: Option<GcRc<Node>>,
}

struct Queue {
    head: Option<GcRc<Node>>,
    tail: Option<GcRc<Node>>,
    len: usize,
}

impl Queue {
    fn new() -> Queue {
        Queue { head: None, tail: None, len: 0 }
    }
    fn push(&mut self, value: i32) {
        let node = GcRc::new(Node { value, next: None });
        match &self.tail {
            Some(t) => t.borrow_mut().next = Some(node.clone()),
            None => self.head = Some(node.clone()),
        }
        self.tail = Some(node);
        self.len += 1;
    }
    fn pop(&mut self) -> Option<i32> {
        let head = self.head.clone()?;
        let value = head.borrow().value;
        self.head = head.borrow().next.clone();
        if self.head.is_none() {
            self.tail = None;
        }
        self.len -= 1;
        Some(value)
    }
    fn sum(&self) -> i64 {
        let mut s = 0i64;
        let mut cur = self.head.clone();
        while let Some(n) = cur {
            s += n.borrow().value as i64;
            cur = n.borrow().next.clone();
        }
        s
    }
}

fn main() {
    let mut q = Queue::new();
    for i in 1..=5 {
        q.push(i * 10);
    }
    println!("len {} sum {}", q.len, q.sum());
    while let Some(v) = q.pop() {
        print!("{v} ");
        if v == 30 {
            q.push(99);
        }
    }
    println!();
    println!("empty: len {} head none {} tail none {}", q.len, q.head.is_none(), q.tail.is_none());
    for i in 0..1000 {
        q.push(i);
    }
    let mut popped = 0;
    for _ in 0..400 {
        popped += q.pop().unwrap_or(0);
    }
    println!("popped sum {popped}, remaining {} sum {}", q.len, q.sum());
}
