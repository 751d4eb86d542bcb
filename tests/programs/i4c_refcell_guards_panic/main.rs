// Issue 4 (cells): RefCell borrow guards released where Rust drops them (end of statement for
// temporaries, end of scope for `let` guards, drop(guard)), try_borrow/try_borrow_mut results, Cell
// get/set/replace/take, Debug of RefCell/Cell, and finally the double mutable borrow panic.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Debug)]
struct Counter {
    hits: Cell<u32>,
    log: RefCell<Vec<String>>,
}

impl Counter {
    fn hit(&self, what: &str) {
        self.hits.set(self.hits.get() + 1);
        self.log.borrow_mut().push(what.to_string());
    }
}

fn main() {
    let c = Counter { hits: Cell::new(0), log: RefCell::new(Vec::new()) };
    c.hit("a");
    c.hit("b");
    println!("{} {:?}", c.hits.get(), c.log.borrow());
    println!("{:?}", c);
    let cell = RefCell::new(vec![1, 2, 3]);
    {
        let r1 = cell.borrow();
        let r2 = cell.borrow();
        println!("two readers {} {} try_mut {}", r1.len(), r2[0], cell.try_borrow_mut().is_err());
    }
    println!("after scope try_mut ok {}", cell.try_borrow_mut().is_ok());
    {
        let mut w = cell.borrow_mut();
        w.push(4);
        println!("writer: try_borrow err {}", cell.try_borrow().is_err());
        drop(w);
        println!("after drop(w): try_borrow ok {}", cell.try_borrow().is_ok());
    }
    cell.borrow_mut().push(5);
    let n = cell.borrow().len();
    println!("len {} sum {}", n, cell.borrow().iter().sum::<i32>());
    let replaced = cell.replace(vec![9]);
    println!("{:?} {:?}", replaced, cell);
    let x = Cell::new(10);
    let old = x.replace(20);
    println!("{} {} take {} now {}", old, x.get(), x.take(), x.get());
    let shared = Rc::new(RefCell::new(String::from("ab")));
    let other = Rc::clone(&shared);
    other.borrow_mut().push('c');
    shared.borrow_mut().push_str("de");
    println!("{} {:?}", shared.borrow(), other);
    let total = Cell::new(0i64);
    for i in 1..=4 {
        total.set(total.get() + i * i);
    }
    println!("total {:?}", total);
    let guard = cell.borrow_mut();
    println!("holding a mutable borrow of {:?}", *guard);
    let second = cell.borrow_mut();
    println!("unreachable {:?}", *second);
}
