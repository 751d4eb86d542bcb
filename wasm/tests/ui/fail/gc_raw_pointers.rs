use std::cell::Cell;

#[wasm::gc]
struct Node {
    value: i32,
    raw: *const Node,
    cell: Cell<*mut u8>,
}

#[wasm::gc]
enum Shape {
    Circle(f64),
    Blob { points: Vec<*const f64> },
}

fn main() {}
