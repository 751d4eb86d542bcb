fn main() {
    let name = "WasmGC";
    println!("Hello, {name}!");
    let squares: Vec<u32> = (1..=5).map(|n| n * n).collect();
    println!("squares: {:?}", squares);
}
