// i128/u128: checked/overflowing/saturating/wrapping arithmetic, division, shifts, bit methods, casts to and
// from floats (saturating, correctly rounded), parsing, every format trait with width/fill/sign, patterns,
// sorting and sums of Vec<u128>, `&mut` through fields and locals.

#[derive(Debug, Clone, Copy, PartialEq)]
struct P {
    a: i128,
    b: u128,
}

fn classify(x: i128) -> &'static str {
    match x {
        0 => "zero",
        1..=9 => "small",
        -9..=-1 => "neg small",
        i128::MIN => "min",
        i128::MAX => "max",
        -170141183460469231731687303715884105727 => "min + 1",
        _ => "other",
    }
}

fn main() {
    let xs: [i128; 6] = [0, 1, -1, i128::MAX, i128::MIN, 123456789012345678901234567890];
    let us: [u128; 5] = [0, 1, u128::MAX, 1 << 127, 98765432109876543210987654321];
    for &a in xs.iter() {
        for &b in xs.iter() {
            println!("{a} {b}: {:?} {:?} {:?} {:?} {:?} {} {}", a.checked_add(b), a.checked_sub(b), a.checked_mul(b), a.checked_div(b), a.checked_rem(b), a.wrapping_mul(b), a < b);
            println!("  {:?} {:?} {} {} {:?}", a.overflowing_add(b), a.overflowing_mul(b), a.saturating_mul(b), a.saturating_sub(b), a.max(b));
            if b != 0 && !(a == i128::MIN && b == -1) {
                println!("  div {} rem {} eu {} {}", a / b, a % b, a.div_euclid(b), a.rem_euclid(b));
            }
        }
        println!("{a}: {} {} {} {} {} {:x} {:o} {:b} {:e} {:X}", a.count_ones(), a.leading_zeros(), a.trailing_zeros(), a.signum(), a.wrapping_abs(), a, a, a, a, a);
        println!("  {} {} {} {} {}", a.rotate_left(7), a.rotate_right(100), a >> 3, a << 5, !a);
        println!("  {} {} {} {}", a as f64, a as f32, a as i64, a as u8);
        println!("  {:>45}|{:<45}|{:^+45}|{:045}", a, a, a, a);
        println!("  {} {:?} {}", classify(a), a.checked_abs(), a.unsigned_abs());
    }
    for &a in us.iter() {
        for &b in us.iter() {
            println!("{a} {b}: {:?} {:?} {:?} {:?} {} {}", a.checked_add(b), a.checked_sub(b), a.checked_mul(b), a.checked_div(b), a.wrapping_sub(b), a.abs_diff(b));
            if b != 0 {
                println!("  {} {}", a / b, a % b);
            }
        }
        println!("{a:#x} {a:#b} {a:e} {a:.3e} {} {} {}", a.is_power_of_two(), a as f64, a as f32);
    }
    let fs = [0.0f64, -1.5, 1e20, -1e20, 1.7e38, -1.7e38, 3.5e38, -3.5e38, f64::NAN, f64::INFINITY, 12345678901234567890123.0, 0.999];
    for f in fs {
        println!("{f}: {} {} {} {}", f as i128, f as u128, (f as f32) as i128, (f as f32) as u128);
    }
    for s in ["0", "-0", "+5", "170141183460469231731687303715884105727", "170141183460469231731687303715884105728", "-170141183460469231731687303715884105728", "-170141183460469231731687303715884105729", "", "-", "12a", "340282366920938463463374607431768211456"] {
        println!("{s:?}: {:?} {:?}", s.parse::<i128>(), s.parse::<u128>());
    }
    let mut p = P { a: -5, b: 7 };
    p.a *= 3;
    p.b <<= 100;
    let q = p;
    p.a += 1;
    println!("{:?} {:?} {}", p, q, p == q);
    let mut v: Vec<u128> = Vec::new();
    let mut x: u128 = 1;
    for i in 0..40u32 {
        v.push(x);
        x = x.wrapping_mul(3) + i as u128;
    }
    v.sort();
    println!("{:?}", &v[35..]);
    println!("{} {:?} {:?}", v.iter().sum::<u128>(), v.iter().max(), v.contains(&1));
    let r = &mut x;
    *r += 1;
    println!("{x} {}", 2i128.pow(100));
    println!("{:?} {:?} {}", 3u128.checked_pow(81), 3u128.checked_pow(80), 10u128.saturating_pow(50));
    println!("{} {} {}", (-7i128).rem_euclid(3), (-7i128).div_euclid(3), 7i128.clamp(-3, 3));
    println!("{}", i128::MAX.wrapping_add(1) == i128::MIN);
    let t = (5u128, -6i128);
    println!("{:?} {}", t, t.0 as i128 + t.1);
    println!("{:5}|{:<5}|{:x?}|{:#?}", 42i128, 42u128, [255u128], (1i128,));
    println!("{}", (1u64 << 63) as u128 * 4);
    println!("{}", -(i128::MAX));
    let z: i128 = "-42".parse().unwrap();
    println!("{}", z * z * z);
}
