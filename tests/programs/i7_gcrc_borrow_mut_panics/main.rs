// Issue 7: GcRc follows RefCell's rules: a borrow_mut while a borrow is alive panics with RefCell's message.
use wasm::GcRc;

#[wasm::gc]
#[derive(Debug)]
struct Queue {
    items: Vec<u32>,
}

fn drain_into(source: &GcRc<Queue>, target: &GcRc<Queue>) {
    let from = source.borrow();
    let mut to = target.borrow_mut();
    for item in &from.items {
        to.items.push(*item);
    }
}

fn main() {
    let a = GcRc::new(Queue { items: vec![1, 2, 3] });
    let b = GcRc::new(Queue { items: vec![] });
    drain_into(&a, &b);
    println!("a {:?} b {:?}", a.borrow(), b.borrow());
    println!("try_borrow_mut while borrowed: {}", {
        let _guard = a.borrow();
        a.try_borrow_mut().is_err()
    });
    let alias = a.clone();
    println!("draining a queue into itself");
    drain_into(&a, &alias);
    println!("unreachable");
}
