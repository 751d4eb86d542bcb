// dependencies: wasm
//! A `#[wasm::gc]` enum with data: one WasmGC struct type, matched through `GcBox`.

use wasm::{GcArray, GcBox, GcString};

#[wasm::gc]
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

#[wasm::gc]
#[derive(Debug)]
enum Shape {
    Circle { center: Point, radius: f64 },
    Rect { corner: Point, w: f64, h: f64 },
    Polygon(GcArray<f64>),
    Label(GcString),
    Empty,
}

fn area(s: &GcBox<Shape>) -> f64 {
    match &**s {
        Shape::Circle { radius, .. } => 3.0 * radius * radius,
        Shape::Rect { w, h, .. } => w * h,
        Shape::Polygon(xy) => {
            let n = xy.len() / 2;
            let mut twice = 0.0;
            for i in 0..n {
                let j = (i + 1) % n;
                twice += xy.get(2 * i) * xy.get(2 * j + 1) - xy.get(2 * j) * xy.get(2 * i + 1);
            }
            twice.abs() / 2.0
        }
        Shape::Label(_) | Shape::Empty => 0.0,
    }
}

fn describe(s: &GcBox<Shape>) -> String {
    match &**s {
        Shape::Circle { center, radius } => format!("circle at ({}, {}) r={}", center.x, center.y, radius),
        Shape::Rect { corner, w, h } => format!("rect at {:?} {}x{}", corner, w, h),
        Shape::Polygon(xy) => format!("polygon with {} vertices", xy.len() / 2),
        Shape::Label(text) => format!("label {:?}", text),
        Shape::Empty => "nothing".to_string(),
    }
}

fn main() {
    let shapes = vec![
        GcBox::new(Shape::Circle { center: Point { x: 1.0, y: 2.0 }, radius: 2.0 }),
        GcBox::new(Shape::Rect { corner: Point { x: 0.0, y: 0.0 }, w: 3.0, h: 4.5 }),
        GcBox::new(Shape::Polygon(GcArray::from(vec![0.0, 0.0, 4.0, 0.0, 4.0, 3.0]))),
        GcBox::new(Shape::Label(GcString::from("hi"))),
        GcBox::new(Shape::Empty),
    ];
    let mut total = 0.0;
    for s in shapes.iter() {
        let a = area(s);
        total += a;
        println!("{:<32} area {:>6.2}", describe(s), a);
    }
    println!("total area {total}");
    println!("{:?}", shapes[0]);
    println!("{:?}", shapes[3]);
    println!("{:?}", shapes[4]);
}
