// dependencies: wasm
//! Equality of GC values compares contents (like `Rc`), `ptr_eq` compares identity; `for` over `&GcArray`.

use wasm::{GcArray, GcBox, GcRc, GcString};

#[wasm::gc]
#[derive(Debug, PartialEq, Clone, Copy)]
struct Cell {
    row: i32,
    col: i32,
}

#[wasm::gc]
#[derive(Debug, PartialEq)]
struct Person {
    name: GcString,
    home: GcBox<Cell>,
    tags: GcArray<i32>,
}

fn person(name: &str, row: i32, tags: Vec<i32>) -> Person {
    Person { name: GcString::from(name), home: GcBox::new(Cell { row, col: 0 }), tags: GcArray::from(tags) }
}

fn main() {
    let a = GcArray::from(vec![1, 2, 3]);
    let b = GcArray::from(vec![1, 2, 3]);
    let c = GcArray::from(vec![1, 2, 4]);
    println!("a == b {} a == c {} a != c {}", a == b, a == c, a != c);
    println!("ptr_eq(a, b) {} ptr_eq(a, a.clone()) {}", GcArray::ptr_eq(&a, &b), GcArray::ptr_eq(&a, &a.clone()));
    let mut total = 0;
    for x in &a {
        total += x * 10;
    }
    println!("total {total}");
    let p = GcBox::new(Cell { row: 1, col: 2 });
    let q = GcBox::new(Cell { row: 1, col: 2 });
    let r = GcBox::new(Cell { row: 2, col: 1 });
    println!("boxes: p == q {} p == r {} *p == *r {}", p == q, p == r, *p == *r);
    let s = GcRc::new(Cell { row: 0, col: 0 });
    let t = GcRc::new(Cell { row: 0, col: 0 });
    println!("rcs equal before {}", s == t);
    t.borrow_mut().col = 5;
    println!("rcs equal after {} (t = {:?})", s == t, t);
    let words = vec![GcString::from("one"), GcString::from("two"), GcString::from("one")];
    for (i, w) in words.iter().enumerate() {
        for (j, v) in words.iter().enumerate() {
            if i < j {
                println!("{w} vs {v}: eq {} ne {} same object {}", w == v, w != v, GcString::ptr_eq(w, v));
            }
        }
    }
    let grid = GcArray::new(3, GcBox::new(Cell { row: 9, col: 9 }));
    let mut shared = 0;
    for cell in &grid {
        if GcBox::ptr_eq(&cell, &grid.get(0)) {
            shared += 1;
        }
    }
    println!("{shared} of {} grid slots share one box: {:?}", grid.len(), grid);
    let people = [person("ann", 1, vec![1]), person("ann", 1, vec![1]), person("ann", 2, vec![1]), person("bob", 1, vec![1]), person("ann", 1, vec![1, 2])];
    for (i, p) in people.iter().enumerate().skip(1) {
        println!("people[0] == people[{i}]: {}", people[0] == *p);
    }
    let names = vec![GcString::from("x"), GcString::from("y")];
    println!("vec eq {} {}", names == vec![GcString::from("x"), GcString::from("y")], names == vec![GcString::from("x"), GcString::from("z")]);
    let maybe = Some(GcBox::new(Cell { row: 3, col: 4 }));
    println!("option eq {} {}", maybe == Some(GcBox::new(Cell { row: 3, col: 4 })), maybe == None);
}
