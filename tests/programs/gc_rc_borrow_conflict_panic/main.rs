// dependencies: wasm
//! Mutably borrowing a `GcRc` that is being read panics like `RefCell`: "RefCell already borrowed".

use wasm::{GcRc, GcString};

#[wasm::gc]
struct Vertex {
    name: GcString,
    visited: bool,
    edges: Vec<GcRc<Vertex>>,
}

fn main() {
    let a = GcRc::new(Vertex { name: GcString::from("a"), visited: false, edges: Vec::new() });
    let b = GcRc::new(Vertex { name: GcString::from("b"), visited: false, edges: Vec::new() });
    a.borrow_mut().edges.push(b.clone());
    b.borrow_mut().edges.push(a.clone());
    a.borrow_mut().edges.push(a.clone());
    for e in a.borrow().edges.iter() {
        println!("a -> {}", e.borrow().name);
    }
    let edges = &a.borrow().edges;
    edges[0].borrow_mut().visited = true;
    println!("b visited: {}", b.borrow().visited);
    edges[1].borrow_mut().visited = true;
    println!("unreachable");
}
