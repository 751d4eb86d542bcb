// profile: release
// 128-bit overflow follows the profile: release wraps + - * << and neg, dev panics with rustc's message at
// the first overflowing operation (here the addition).

fn step(x: i128, k: u32) -> i128 {
    x + (k as i128)
}

fn main() {
    let k = std::env::args().count() as u32; // 1
    let top = i128::MAX - 1;
    let a = step(top, k + 1);
    println!("wrapped add {a}");
    let m = (u128::MAX / 3) * (4 + k as u128);
    println!("wrapped mul {m}");
    let s = (1u128 << 120) << (7 + k);
    println!("shifted {s}");
    let n = -(i128::MIN + (k as i128) - 1);
    println!("negated {n}");
    let d = i128::MIN / (k as i128 + 1);
    println!("divided {d}");
}
