// Issue 4 (iterators): `Iterator::sum` overflowing in a debug build panics with "attempt to add with
// overflow", reported (like rustc) at the addition inside core's `Sum` impl, after the output so far.

fn main() {
    let small: Vec<u8> = vec![10, 20, 30];
    let s: u8 = small.iter().sum();
    let p: u8 = small.iter().take(2).product();
    println!("sum {s} product {p}");
    let big: Vec<u8> = small.iter().map(|x| x * 4).collect();
    println!("{big:?}");
    let total: u8 = big.iter().copied().sum();
    println!("unreachable {total}");
}
