use std::rc::Rc;

fn main() {
    let r = Rc::new(5);
    let v = Rc::try_unwrap(r);
    println!("{:?}", v);
}
