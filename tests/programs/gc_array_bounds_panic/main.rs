// dependencies: wasm
//! Reading past the end of a `GcArray` panics with rustc's bounds message at the call site.

use wasm::GcArray;

fn running_totals(values: &GcArray<u32>) -> GcArray<u32> {
    let out = GcArray::new(values.len(), 0u32);
    let mut acc = 0;
    for i in 0..values.len() {
        acc += values.get(i);
        out.set(i, acc);
    }
    out
}

fn main() {
    let values = GcArray::from(vec![3u32, 1, 4, 1, 5, 9, 2, 6]);
    let totals = running_totals(&values);
    println!("totals {:?}", totals);
    let mut i = 0;
    while i < 12 {
        println!("totals[{i}] = {}", totals.get(i));
        i += 3;
    }
    println!("unreachable");
}
