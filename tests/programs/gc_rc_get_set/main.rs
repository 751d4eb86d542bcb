// dependencies: wasm
//! `GcRc` of `Copy` values: `get`, `set` and `replace` through every alias.

use wasm::GcRc;

fn bump(cell: &GcRc<i64>, by: i64) -> i64 {
    cell.set(cell.get() + by);
    cell.get()
}

fn main() {
    let n = GcRc::new(1i64);
    let alias = n.clone();
    for i in 1..=10 {
        let v = bump(&alias, i * i);
        if i % 3 == 0 {
            println!("after {i}: {v}");
        }
    }
    println!("n = {}, alias = {}", n.get(), alias.get());
    let old = n.replace(-5);
    println!("replaced {old} with {}", alias.get());

    let flag = GcRc::new(false);
    let f2 = flag.clone();
    f2.set(!flag.get());
    println!("flag {}", flag.get());

    let temp = GcRc::new(36.6f64);
    let readers = vec![temp.clone(), temp.clone(), temp.clone()];
    temp.set(temp.get() * 2.0);
    let total: f64 = readers.iter().map(|r| r.get()).sum();
    println!("temp {} total {}", temp.get(), total);

    let letter = GcRc::new('a');
    for _ in 0..5 {
        let c = letter.get();
        letter.set(((c as u8) + 2) as char);
    }
    println!("letter {}", letter.get());
    *n.borrow_mut() += 100;
    println!("borrowed {}", *n.borrow());
    println!("{:?} {:?}", n, letter);
}
