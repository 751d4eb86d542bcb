// dependencies: wasm
//! `GcArray::copy_from_slice` copies equal lengths and panics like `slice::copy_from_slice` otherwise.

use wasm::GcArray;

fn main() {
    let frame = GcArray::new(4, 0u16);
    let views = vec![frame.clone(), frame.clone()];
    let inputs: Vec<Vec<u16>> = vec![vec![1, 2, 3, 4], vec![65535, 0, 7, 9], vec![5, 6, 7]];
    for (i, input) in inputs.iter().enumerate() {
        println!("copy #{i} ({} values)", input.len());
        views[i % 2].copy_from_slice(input);
        println!("frame now {:?}", frame);
    }
    println!("unreachable");
}
