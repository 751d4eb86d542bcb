// dependencies: wasm
//! Writing past the end of a `GcArray` panics; what was written before stays visible to aliases.

use wasm::GcArray;

struct Ring {
    slots: GcArray<i64>,
    next: usize,
}

impl Ring {
    fn push(&mut self, v: i64) {
        self.slots.set(self.next, v);
        self.next += 1;
    }
}

fn main() {
    let slots = GcArray::new(4, -1i64);
    let view = slots.clone();
    let mut ring = Ring { slots, next: 0 };
    for v in [10, 20, 30, 40] {
        ring.push(v);
        println!("pushed {v}: {:?}", view);
    }
    println!("full, next = {}", ring.next);
    ring.push(50);
    println!("unreachable {:?}", view);
}
