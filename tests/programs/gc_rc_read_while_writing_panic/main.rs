// dependencies: wasm
//! Reading a `GcRc` while a `borrow_mut` guard is alive panics: "RefCell already mutably borrowed".

use wasm::GcRc;

fn total(cells: &[GcRc<i64>]) -> i64 {
    cells.iter().map(|c| c.get()).sum()
}

fn main() {
    let cells = vec![GcRc::new(1i64), GcRc::new(2), GcRc::new(3)];
    println!("total {}", total(&cells));
    {
        let mut first = cells[0].borrow_mut();
        *first += 10;
    }
    println!("total {}", total(&cells));
    let mut last = cells[2].borrow_mut();
    *last = 100;
    println!("writing the last cell...");
    println!("total {}", total(&cells));
}
