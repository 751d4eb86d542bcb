// Arithmetic on every integer width: + - * / % with truncating division and the sign of remainders.

fn show_i8(a: i8, b: i8) {
    println!("i8: {a} {b} -> {} {} {} {} {}", a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b), a / b, a % b);
}

fn show_u16(a: u16, b: u16) {
    println!("u16: {a} {b} -> {} {} {} {}", a + b, a - b, a / b, a % b);
}

fn show_i32(a: i32, b: i32) {
    println!("i32: {a} {b} -> {} {} {} {} {}", a + b, a - b, a * b, a / b, a % b);
}

fn show_u32(a: u32, b: u32) {
    println!("u32: {a} {b} -> {} {} {} {}", a + b, a * b, a / b, a % b);
}

fn show_i64(a: i64, b: i64) {
    println!("i64: {a} {b} -> {} {} {} {} {}", a + b, a - b, a * b, a / b, a % b);
}

fn show_u64(a: u64, b: u64) {
    println!("u64: {a} {b} -> {} {} {} {}", a + b, a * b, a / b, a % b);
}

fn show_i128(a: i128, b: i128) {
    println!("i128: {a} {b} -> {} {} {} {} {}", a + b, a - b, a * b, a / b, a % b);
}

fn show_u128(a: u128, b: u128) {
    println!("u128: {a} {b} -> {} {} {} {}", a + b, a * b, a / b, a % b);
}

fn show_sizes(a: usize, b: isize) {
    println!("usize/isize: {} {} {} {}", a * 3, a / 7, b * -2, b % 5);
}

fn main() {
    show_i8(-128, 1);
    show_i8(100, 27);
    show_i8(-7, 2);
    show_i8(7, -2);
    show_u16(65000, 300);
    show_u16(10, 9);
    show_i32(-17, 5);
    show_i32(17, -5);
    show_i32(46340, 46340);
    show_i32(-715827882, 3);
    show_u32(1_000_000_000, 3);
    show_u32(12345, 67);
    show_i64(-9_000_000_000_000, 7);
    show_i64(i64::MIN / 4, -3);
    show_u64(18_000_000_000_000_000_000, 1);
    show_u64(1 << 40, 1 << 20);
    show_i128(-85070591730234615865843651857942052863, 2);
    show_i128(123456789012345678901234567890, -987654321);
    show_u128(1u128 << 100, 3);
    show_u128(u128::MAX / 9, 7);
    show_sizes(1_000_000, -123_456);
    let mut total: u8 = 0;
    for step in [10u8, 20, 30, 40] {
        total += step;
        total -= 1;
    }
    println!("u8 loop total: {total}");
    let mut x: i16 = 1;
    for _ in 0..14 {
        x *= 2;
    }
    println!("i16 2^14 = {x}, min {} max {}", i16::MIN, i16::MAX);
    println!("mixed: {}", (7i64 * -3 + 100) / 4 % 6);
}
