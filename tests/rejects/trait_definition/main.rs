trait Shape {
    fn area(&self) -> f64;
}

fn main() {
    println!("traits");
}
