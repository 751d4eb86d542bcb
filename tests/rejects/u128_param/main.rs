fn square(x: u128) -> u128 {
    x * x
}

fn main() {
    println!("{}", square(3));
}
