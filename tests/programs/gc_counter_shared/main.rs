// dependencies: wasm
//! Shared mutable state with `GcRc`: several owners of one counter see each other's updates.

use wasm::{GcRc, GcString};

#[wasm::gc]
#[derive(Debug)]
struct Counter {
    label: GcString,
    count: i32,
    history: Vec<i32>,
}

struct Button {
    name: String,
    step: i32,
    counter: GcRc<Counter>,
}

impl Button {
    fn press(&self) {
        let mut c = self.counter.borrow_mut();
        c.count += self.step;
        let now = c.count;
        c.history.push(now);
    }
}

fn main() {
    let clicks = GcRc::new(Counter { label: GcString::from("clicks"), count: 0, history: Vec::new() });
    let buttons = vec![
        Button { name: "plus".to_string(), step: 1, counter: clicks.clone() },
        Button { name: "plus-ten".to_string(), step: 10, counter: clicks.clone() },
        Button { name: "minus".to_string(), step: -3, counter: clicks.clone() },
    ];
    for round in 0..3 {
        for b in buttons.iter() {
            b.press();
            println!("round {round}: {} -> {}", b.name, b.counter.borrow().count);
        }
    }
    println!("{} = {}", clicks.borrow().label, clicks.borrow().count);
    println!("history {:?}", clicks.borrow().history);
    println!("same cell: {}", GcRc::ptr_eq(&clicks, &buttons[1].counter));
    let other = GcRc::new(Counter { label: GcString::from("other"), count: 7, history: vec![7] });
    println!("different cell: {}", GcRc::ptr_eq(&clicks, &other));
    println!("{:?}", other);
    other.borrow_mut().label = GcString::from("renamed");
    println!("{:?}", other.borrow().label);
}
