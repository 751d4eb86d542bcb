// A 128-bit literal in an expression must be refused, not typed as a narrower integer.
fn main() {
    let shifted = 1u128 << 99;
    println!("{shifted}");
}
