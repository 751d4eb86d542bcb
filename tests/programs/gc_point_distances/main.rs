// dependencies: wasm
//! Immutable points behind `GcBox`: field access through `Deref`, Debug forwarding, shared references.

use wasm::GcBox;

#[wasm::gc]
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

#[wasm::gc]
#[derive(Debug)]
struct Segment {
    from: GcBox<Point>,
    to: GcBox<Point>,
}

fn distance(a: &GcBox<Point>, b: &GcBox<Point>) -> f64 {
    let dx = a.x - b.x;
    let dy = a.y - b.y;
    (dx * dx + dy * dy).sqrt()
}

fn length(s: &Segment) -> f64 {
    distance(&s.from, &s.to)
}

fn midpoint(s: &Segment) -> GcBox<Point> {
    GcBox::new(Point { x: (s.from.x + s.to.x) / 2.0, y: (s.from.y + s.to.y) / 2.0 })
}

fn main() {
    let origin = GcBox::new(Point { x: 0.0, y: 0.0 });
    let corners = vec![
        GcBox::new(Point { x: 3.0, y: 4.0 }),
        GcBox::new(Point { x: -6.0, y: 8.0 }),
        GcBox::new(Point { x: 1.5, y: -2.0 }),
    ];
    for (i, c) in corners.iter().enumerate() {
        println!("corner {i}: {:?} at distance {}", c, distance(&origin, c));
    }
    let segs: Vec<Segment> = vec![
        Segment { from: origin.clone(), to: corners[0].clone() },
        Segment { from: corners[0].clone(), to: corners[1].clone() },
    ];
    let mut total = 0.0;
    for s in segs.iter() {
        total += length(s);
        let m = midpoint(s);
        println!("segment {:?} -> {:?}: length {:.3}, midpoint ({}, {})", s.from, s.to, length(s), m.x, m.y);
    }
    println!("total length {:.4}", total);
    println!("{:?}", segs[0]);
    let p: Point = *corners[2];
    println!("copied out: {:?}, equal {}", p, p == *corners[2]);
    println!("shared start: {}", GcBox::ptr_eq(&segs[0].from, &origin));
    println!("{:#?}", *origin);
}
