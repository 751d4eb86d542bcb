use std::rc::Rc;

fn main() {
    let shared = Rc::new(5);
    let peek = || *shared + 1;
    println!("{} {}", peek(), Rc::strong_count(&shared));
}
