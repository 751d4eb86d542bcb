// dependencies: wasm
//! Items shared between shelves: `GcRc<Item>` in several `GcArray`s, stock updated through any of them.

use wasm::{GcArray, GcRc, GcString};

#[wasm::gc]
#[derive(Debug)]
struct Item {
    name: GcString,
    stock: u32,
    price_cents: u32,
}

fn item(name: &str, stock: u32, price_cents: u32) -> GcRc<Item> {
    GcRc::new(Item { name: GcString::from(name), stock, price_cents })
}

fn value(shelf: &GcArray<GcRc<Item>>) -> u64 {
    let mut v = 0u64;
    for it in shelf.iter() {
        let i = it.borrow();
        v += (i.stock as u64) * (i.price_cents as u64);
    }
    v
}

fn sell(shelf: &GcArray<GcRc<Item>>, name: &str, n: u32) -> bool {
    for it in shelf.iter() {
        if it.borrow().name == name {
            if it.borrow().stock >= n {
                it.borrow_mut().stock -= n;
                return true;
            }
            return false;
        }
    }
    false
}

fn main() {
    let apple = item("apple", 40, 35);
    let pear = item("pear", 12, 60);
    let plum = item("plum", 0, 25);
    let fruit = GcArray::from(vec![apple.clone(), pear.clone(), plum.clone()]);
    let sale = GcArray::new(2, apple.clone());
    sale.set(1, plum.clone());
    println!("fruit value {} sale value {}", value(&fruit), value(&sale));
    for (shelf, name, n) in [(&sale, "apple", 15), (&fruit, "pear", 13), (&fruit, "pear", 12), (&sale, "plum", 1)] {
        println!("sell {n} {name}: {}", sell(shelf, name, n));
    }
    plum.borrow_mut().stock += 30;
    println!("fruit value {} sale value {}", value(&fruit), value(&sale));
    for it in fruit.iter() {
        println!("{:?}", it);
    }
    println!("sale[0] is apple: {}", GcRc::ptr_eq(&sale.get(0), &apple));
}
