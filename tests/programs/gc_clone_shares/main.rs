// dependencies: wasm
//! Cloning a value that holds GC references copies the references, not the objects (like `Rc`).

use wasm::{GcArray, GcBox, GcRc, GcString};

#[wasm::gc]
#[derive(Debug, Clone)]
struct Doc {
    title: GcString,
    pages: GcArray<u32>,
    meta: GcBox<(i32, i32)>,
    views: GcRc<u64>,
    notes: Vec<GcString>,
}

fn main() {
    let d = Doc {
        title: GcString::from("draft"),
        pages: GcArray::from(vec![1, 2, 3]),
        meta: GcBox::new((7, 8)),
        views: GcRc::new(0),
        notes: vec![GcString::from("n1")],
    };
    let mut e = d.clone();
    println!("title shared {}", GcString::ptr_eq(&d.title, &e.title));
    println!("pages shared {}", GcArray::ptr_eq(&d.pages, &e.pages));
    println!("meta shared {}", GcBox::ptr_eq(&d.meta, &e.meta));
    println!("views shared {}", GcRc::ptr_eq(&d.views, &e.views));
    e.pages.set(0, 100);
    e.views.set(e.views.get() + 5);
    e.notes.push(GcString::from("n2"));
    e.title = GcString::from("final");
    println!("d = {:?}", d);
    println!("e = {:?}", e);
    let copies: Vec<Doc> = vec![d.clone(), d.clone()];
    for c in copies.iter() {
        c.views.set(c.views.get() + 1);
    }
    println!("views after copies {}", d.views.get());
    let pages_copy = d.pages.clone();
    pages_copy.fill(0);
    println!("pages {:?} meta {:?}", d.pages, d.meta);
}
