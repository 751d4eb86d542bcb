// profile: release
// Factorials in i32: 13! does not fit, so the multiplication overflows.

fn factorial(n: i32) -> i32 {
    let mut acc = 1;
    for k in 1..=n {
        acc *= k;
    }
    acc
}

fn binomial(n: i32, k: i32) -> i32 {
    factorial(n) / (factorial(k) * factorial(n - k))
}

fn main() {
    for n in [5, 10, 12] {
        println!("{n}! = {}", factorial(n));
    }
    println!("C(12, 5) = {}", binomial(12, 5));
    for n in [13, 14] {
        println!("{n}! = {}", factorial(n));
    }
}
