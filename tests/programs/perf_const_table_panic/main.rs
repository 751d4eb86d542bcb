// Indexing a constant table (built once and cached by the compiler) out of bounds panics with
// rustc's message and location, after the in-bounds reads printed their values.

const NAMES: [&str; 3] = ["zero", "one", "two"];

fn lookup(i: usize) -> &'static str {
    NAMES[i]
}

fn main() {
    let mut i = 0;
    loop {
        println!("{} -> {}", i, lookup(i));
        i += 1;
    }
}
