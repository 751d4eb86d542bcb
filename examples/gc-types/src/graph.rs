//! A mutable directed graph with cycles: vertices are `GcRc` cells pointing at each other.

use wasm::{GcRc, GcString};

#[wasm::gc]
pub struct Vertex {
    pub name: GcString,
    pub visited: bool,
    pub edges: Vec<GcRc<Vertex>>,
}

pub fn vertex(name: &str) -> GcRc<Vertex> {
    GcRc::new(Vertex {
        name: GcString::from(name),
        visited: false,
        edges: Vec::new(),
    })
}

pub fn connect(from: &GcRc<Vertex>, to: &GcRc<Vertex>) {
    from.borrow_mut().edges.push(to.clone());
}

/// Marks and counts the vertices reachable from `start` (depth first, with an explicit stack).
pub fn reachable(start: &GcRc<Vertex>) -> usize {
    let mut count = 0;
    let mut stack = vec![start.clone()];
    while let Some(v) = stack.pop() {
        if v.borrow().visited {
            continue;
        }
        v.borrow_mut().visited = true;
        count += 1;
        for next in v.borrow().edges.iter() {
            stack.push(next.clone());
        }
    }
    count
}

/// A ring of `n` vertices, each pointing at the next; returns the first.
pub fn ring(n: usize) -> GcRc<Vertex> {
    let first = vertex("v0");
    let mut last = first.clone();
    for i in 1..n {
        let v = vertex(&format!("v{i}"));
        connect(&last, &v);
        last = v;
    }
    connect(&last, &first);
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_a_graph_with_cycles() {
        let a = vertex("a");
        let b = vertex("b");
        let c = vertex("c");
        let d = vertex("d");
        connect(&a, &b);
        connect(&b, &c);
        connect(&c, &a);
        connect(&c, &d);
        assert_eq!(reachable(&a), 4);
        assert!(d.borrow().visited);
        assert_eq!(reachable(&a), 0, "everything is marked already");
    }

    #[test]
    fn ring_closes_on_itself() {
        let first = ring(5);
        let mut v = first.clone();
        for _ in 0..5 {
            let next = v.borrow().edges[0].clone();
            v = next;
        }
        assert!(GcRc::ptr_eq(&v, &first));
        assert_eq!(v.borrow().name, "v0");
        assert_eq!(reachable(&first), 5);
    }

    #[test]
    #[should_panic(expected = "RefCell already borrowed")]
    fn mutating_a_vertex_while_reading_it_panics() {
        let a = vertex("a");
        connect(&a, &a);
        let edges = &a.borrow().edges;
        edges[0].borrow_mut().visited = true;
    }

    /// Native only: the WasmGC engine's collector gives no statistics.
    #[cfg(not(target_family = "wasm"))]
    #[test]
    fn dropped_rings_are_collected() {
        let before = wasm::gc::stats().live_objects;
        for _ in 0..100 {
            ring(50);
        }
        wasm::gc::collect();
        assert_eq!(wasm::gc::stats().live_objects, before);
    }
}
