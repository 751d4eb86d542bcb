// dependencies: wasm
//! A `GcRc<Option<i32>>` slot shared by a producer and a consumer; taking from an empty slot panics.

use wasm::GcRc;

struct Producer {
    slot: GcRc<Option<i32>>,
    next: i32,
}

struct Consumer {
    slot: GcRc<Option<i32>>,
    total: i32,
}

impl Producer {
    fn produce(&mut self) {
        *self.slot.borrow_mut() = Some(self.next);
        self.next += 7;
    }
}

impl Consumer {
    fn consume(&mut self) -> i32 {
        let v = self.slot.borrow().expect("the slot was empty");
        *self.slot.borrow_mut() = None;
        self.total += v;
        v
    }
}

fn main() {
    let slot = GcRc::new(None);
    let mut p = Producer { slot: slot.clone(), next: 1 };
    let mut c = Consumer { slot: slot.clone(), total: 0 };
    for round in 0..4 {
        p.produce();
        println!("round {round}: slot {:?}", slot.borrow());
        let v = c.consume();
        println!("round {round}: consumed {v}, total {}, slot {:?}", c.total, slot);
    }
    println!("consuming without producing...");
    c.consume();
    println!("unreachable");
}
