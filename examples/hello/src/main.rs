//! The smallest tour of WasmRust: ordinary Rust, built natively by rustc and to WebAssembly GC by
//! `cargo wasm build`, printing the same thing both ways.

struct Greeting {
    name: &'static str,
    times: u32,
}

fn main() {
    let greeting = Greeting { name: "WasmGC", times: 3 };
    println!("Hello, {}!", greeting.name);
    let mut squares = Vec::new();
    for n in 1..=greeting.times + 2 {
        squares.push(n * n);
    }
    println!("squares: {:?}", squares);
    let total: u32 = squares.iter().sum();
    println!("sum = {total}, mean = {:.2}", total as f64 / squares.len() as f64);
}
