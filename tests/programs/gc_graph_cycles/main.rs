// dependencies: wasm
//! A mutable directed graph with cycles: `GcRc` vertices pointing at each other (no leaks in WasmGC).

use wasm::{GcRc, GcString};

#[wasm::gc]
struct Vertex {
    name: GcString,
    visited: bool,
    edges: Vec<GcRc<Vertex>>,
}

fn vertex(name: &str) -> GcRc<Vertex> {
    GcRc::new(Vertex { name: GcString::from(name), visited: false, edges: Vec::new() })
}

fn connect(from: &GcRc<Vertex>, to: &GcRc<Vertex>) {
    from.borrow_mut().edges.push(to.clone());
}

fn reachable(start: &GcRc<Vertex>) -> Vec<String> {
    let mut order = Vec::new();
    let mut stack = vec![start.clone()];
    while let Some(v) = stack.pop() {
        if v.borrow().visited {
            continue;
        }
        v.borrow_mut().visited = true;
        order.push(v.borrow().name.to_string());
        let n = v.borrow().edges.len();
        for i in (0..n).rev() {
            stack.push(v.borrow().edges[i].clone());
        }
    }
    order
}

fn reset(all: &[GcRc<Vertex>]) {
    for v in all.iter() {
        v.borrow_mut().visited = false;
    }
}

fn main() {
    let names = ["a", "b", "c", "d", "e", "f"];
    let all: Vec<GcRc<Vertex>> = names.iter().map(|n| vertex(n)).collect();
    connect(&all[0], &all[1]);
    connect(&all[1], &all[2]);
    connect(&all[2], &all[0]);
    connect(&all[2], &all[3]);
    connect(&all[3], &all[3]);
    connect(&all[4], &all[5]);
    connect(&all[5], &all[4]);
    for (i, v) in all.iter().enumerate() {
        reset(&all);
        let r = reachable(v);
        println!("from {}: {} reachable {:?}", names[i], r.len(), r);
    }
    let ring_start = vertex("r0");
    let mut last = ring_start.clone();
    for i in 1..100 {
        let v = vertex(&format!("r{i}"));
        connect(&last, &v);
        last = v;
    }
    connect(&last, &ring_start);
    let r = reachable(&ring_start);
    println!("ring: {} vertices, last {}", r.len(), r[r.len() - 1]);
    let back = last.borrow().edges[0].clone();
    println!("ring closes: {}", GcRc::ptr_eq(&back, &ring_start));
}
