use std::rc::Rc;

struct Holder {
    shared: Rc<String>,
    tag: u8,
}

fn main() {
    let h = Holder { shared: Rc::new("x".to_string()), tag: 1 };
    let s = h.shared;
    println!("{} {} {}", s, h.tag, Rc::strong_count(&s));
}
