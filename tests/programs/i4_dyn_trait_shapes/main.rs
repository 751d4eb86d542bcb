// Issue 4: trait objects: Vec<Box<dyn Trait>>, &dyn Trait, supertraits, default methods through vtables.
use std::fmt;

trait Named {
    fn name(&self) -> String;
}

trait Shape: Named {
    fn area(&self) -> f64;
    fn perimeter(&self) -> f64;
    fn summary(&self) -> String {
        format!("{} area={:.2} perimeter={:.2}", self.name(), self.area(), self.perimeter())
    }
}

struct Circle {
    r: f64,
}
struct Rect {
    w: f64,
    h: f64,
}

impl Named for Circle {
    fn name(&self) -> String {
        "circle".into()
    }
}
impl Named for Rect {
    fn name(&self) -> String {
        if self.w == self.h { "square".into() } else { "rect".into() }
    }
}
impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.r * self.r
    }
    fn perimeter(&self) -> f64 {
        2.0 * std::f64::consts::PI * self.r
    }
}
impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn perimeter(&self) -> f64 {
        2.0 * (self.w + self.h)
    }
    fn summary(&self) -> String {
        format!("{}x{} {}", self.w, self.h, self.name())
    }
}

impl<'a> fmt::Display for dyn Shape + 'a {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "<{}>", self.name())
    }
}

fn biggest<'a>(shapes: &'a [Box<dyn Shape>]) -> &'a dyn Shape {
    let mut best = &shapes[0];
    for s in shapes {
        if s.area() > best.area() {
            best = s;
        }
    }
    best.as_ref()
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle { r: 1.0 }), Box::new(Rect { w: 2.0, h: 3.0 }), Box::new(Rect { w: 2.5, h: 2.5 }), Box::new(Circle { r: 0.5 })];
    for s in &shapes {
        println!("{}", s.summary());
    }
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("total area {total:.4}");
    println!("biggest {}", biggest(&shapes));
    let borrowed: &dyn Named = &Circle { r: 2.0 };
    println!("named {}", borrowed.name());
}
