use std::fmt::Debug;

fn show(items: &[Box<dyn Debug>]) {
    for i in items {
        println!("{i:?}");
    }
}

fn main() {
    show(&[Box::new(1), Box::new("x")]);
}
