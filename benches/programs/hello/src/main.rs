//! Hello world: measures the fixed cost of a module (size, start-up) rather than throughput.
fn main() {
    println!("Hello, world!");
}
