// Fibonacci numbers: u64 until overflow (checked), u128 further, and a decimal big-number for F(500).

fn fib_u128(n: u32) -> u128 {
    let (mut a, mut b) = (0u128, 1u128);
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

/// Little-endian base-10^9 digits.
fn big_add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().max(b.len()) + 1);
    let mut carry = 0u64;
    for i in 0..a.len().max(b.len()) {
        let sum = carry + *a.get(i).unwrap_or(&0) as u64 + *b.get(i).unwrap_or(&0) as u64;
        out.push((sum % 1_000_000_000) as u32);
        carry = sum / 1_000_000_000;
    }
    if carry > 0 {
        out.push(carry as u32);
    }
    out
}

fn big_to_string(digits: &[u32]) -> String {
    let mut s = digits.last().unwrap().to_string();
    for d in digits.iter().rev().skip(1) {
        s.push_str(&format!("{d:09}"));
    }
    s
}

fn main() {
    let (mut a, mut b) = (0u64, 1u64);
    let mut n = 0;
    loop {
        match a.checked_add(b) {
            Some(next) => {
                a = b;
                b = next;
                n += 1;
            }
            None => break,
        }
    }
    println!("largest u64 Fibonacci: F({}) = {b}", n + 1);
    // F(185) is the last whose successor (computed by the loop) still fits in u128.
    for k in [0, 1, 2, 10, 50, 93, 100, 150, 185] {
        println!("F({k}) = {}", fib_u128(k));
    }
    let (mut x, mut y) = (vec![0u32], vec![1u32]);
    for _ in 0..500 {
        let next = big_add(&x, &y);
        x = y;
        y = next;
    }
    let f500 = big_to_string(&x);
    println!("F(500) has {} digits: {}", f500.len(), f500);
}
