// Issue 4: move closures owning Rc clones (plain and boxed as dyn Fn): exact strong counts as they drop.
use std::cell::RefCell;
use std::rc::Rc;
fn main() {
    let log = Rc::new(RefCell::new(Vec::new()));
    {
        let l2 = Rc::clone(&log);
        let push = move |x: i32| l2.borrow_mut().push(x);
        push(1);
        push(2);
        println!("inside {}", Rc::strong_count(&log));
    }
    println!("after {}", Rc::strong_count(&log));
    let l3 = Rc::clone(&log);
    let f: Box<dyn Fn(i32)> = Box::new(move |x| l3.borrow_mut().push(x * 10));
    f(3);
    println!("boxed {}", Rc::strong_count(&log));
    drop(f);
    println!("dropped {} {:?}", Rc::strong_count(&log), log.borrow());
}
