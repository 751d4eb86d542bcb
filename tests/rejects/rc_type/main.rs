use std::rc::Rc;

fn main() {
    let shared: Rc<String> = Rc::new("hi".to_string());
    println!("{shared}");
}
