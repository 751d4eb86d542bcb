// Issue 4: an observer list holding Weak references; dropped observers disappear; Rc counts are reported.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Observer {
    name: String,
    seen: RefCell<Vec<String>>,
}

#[derive(Default)]
struct Subject {
    observers: Vec<Weak<Observer>>,
}

impl Subject {
    fn subscribe(&mut self, o: &Rc<Observer>) {
        self.observers.push(Rc::downgrade(o));
    }

    fn notify(&mut self, event: &str) -> usize {
        self.observers.retain(|w| w.upgrade().is_some());
        for w in &self.observers {
            if let Some(o) = w.upgrade() {
                o.seen.borrow_mut().push(event.to_string());
            }
        }
        self.observers.len()
    }
}

fn observer(name: &str) -> Rc<Observer> {
    Rc::new(Observer { name: name.to_string(), seen: RefCell::new(Vec::new()) })
}

fn main() {
    let mut subject = Subject::default();
    let a = observer("a");
    subject.subscribe(&a);
    {
        let b = observer("b");
        subject.subscribe(&b);
        println!("delivered to {}", subject.notify("first"));
        println!("b saw {:?}, strong {} weak {}", b.seen.borrow(), Rc::strong_count(&b), Rc::weak_count(&b));
    }
    println!("delivered to {}", subject.notify("second"));
    let c = observer("c");
    subject.subscribe(&c);
    subject.subscribe(&c);
    println!("delivered to {}", subject.notify("third"));
    for o in [&a, &c] {
        println!("{} saw {:?}", o.name, o.seen.borrow());
    }
    println!("weak(c) {}", Rc::weak_count(&c));
    drop(c);
    println!("delivered to {}", subject.notify("fourth"));
}
