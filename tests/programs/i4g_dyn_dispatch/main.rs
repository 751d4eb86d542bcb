// Issue 4: trait objects — Box<dyn Trait> in a Vec, &dyn Trait, default methods through dyn, and
// Box<dyn Fn>/Box<dyn FnMut> closures (capturing and stateful), dispatched by tag.
trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        format!("shape with area {:.1}", self.area())
    }
}
struct Sq(f64);
struct Circ {
    r: f64,
}
impl Shape for Sq {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}
impl Shape for Circ {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
    fn name(&self) -> String {
        "circle".to_string()
    }
}
fn total(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}
fn describe(s: &dyn Shape) -> String {
    s.name()
}
fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Sq(2.0)), Box::new(Circ { r: 1.0 })];
    for s in &shapes {
        println!("{} {}", s.area(), s.name());
    }
    println!("{}", total(&shapes));
    println!("{}", describe(&Sq(3.0)));
    let mut fs: Vec<Box<dyn Fn(i32) -> i32>> = Vec::new();
    let k = 10;
    fs.push(Box::new(|x| x + 1));
    fs.push(Box::new(move |x| x * k));
    for f in &fs {
        print!("{} ", f(5));
    }
    println!();
    let mut counter = 0;
    let mut inc: Box<dyn FnMut() -> i32> = Box::new(move || {
        counter += 1;
        counter
    });
    println!("{} {}", inc(), inc());
}
