// Float → int casts saturate (NaN → 0) and truncate toward zero; int → float rounds to nearest.

fn main() {
    let floats = [0.0, -0.0, 0.9, -0.9, 1.5, -1.5, 255.5, 256.0, -129.7, 1e10, -1e10, 3e9, f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
    for f in floats {
        println!(
            "{f:>8}: u8 {:>3} i8 {:>4} u32 {:>10} i32 {:>11} i64 {:>12} u64 {}",
            f as u8, f as i8, f as u32, f as i32, f as i64, f as u64
        );
    }
    let small: f32 = -3.99;
    println!("f32 {small} as i16 {} as u16 {}", small as i16, small as u16);
    println!("f32 max as i128 {}", f32::MAX as i128);
    println!("f64 1e40 as u128 {}", 1e40f64 as u128);
    println!("f64 -1e40 as i128 {}", -1e40f64 as i128);
    println!("2^63 as i64 {}", 9.223372036854775807e18f64 as i64);

    println!("u64::MAX as f64 {}", u64::MAX as f64);
    println!("u64::MAX as f32 {}", u64::MAX as f32);
    println!("i64::MIN as f64 {}", i64::MIN as f64);
    println!("(2^53 + 1) as f64 {}", 9_007_199_254_740_993u64 as f64);
    println!("16777217 as f32 {}", 16_777_217i32 as f32);
    println!("u128::MAX as f32 {}", u128::MAX as f32);
    println!("u128::MAX as f64 {}", u128::MAX as f64);
    println!("-1i8 as f64 {}", -1i8 as f64);
    println!("0.1f64 as f32 {}", 0.1f64 as f32);
    println!("1e300 as f32 {}", 1e300f64 as f32);
    println!("f32 0.1 as f64 {}", 0.1f32 as f64);
    println!("char from float: {}", (65.7f64 as u8) as char);
    let celsius: [f64; 4] = [-40.0, 0.0, 36.6, 100.0];
    for c in celsius {
        let f = c * 9.0 / 5.0 + 32.0;
        println!("{c}°C = {f}°F (rounded {})", f.round() as i32);
    }
}
