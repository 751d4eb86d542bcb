// profile: release
// Factorials in i32: 13! does not fit, so the multiplication overflows.

fn factorial(n: i32) -> i32 {
    let mut acc = 1;
    for k in 1..=n {
        acc *= k;
    }
    acc
}

fn main() {
    for n in [5, 10, 12, 13, 14] {
        println!("{n}! = {}", factorial(n));
    }
}
