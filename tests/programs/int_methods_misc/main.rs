// Integer methods: pow, abs, signum, rem_euclid, div_euclid, bit counting, rotations, MIN/MAX.

fn main() {
    println!("pow: {} {} {} {}", 2i32.pow(10), 3u64.pow(20), (-2i64).pow(5), 7u8.pow(2));
    println!("abs: {} {} {}", (-5i32).abs(), 5i32.abs(), (-128i16).abs());
    println!("signum: {} {} {}", (-9i32).signum(), 0i64.signum(), 12i8.signum());
    for (a, b) in [(7, 3), (-7, 3), (7, -3), (-7, -3)] {
        println!(
            "{a} / {b}: div {} rem {} div_euclid {} rem_euclid {}",
            a / b,
            a % b,
            i32::div_euclid(a, b),
            i32::rem_euclid(a, b)
        );
    }
    let values: [u32; 5] = [0, 1, 0x80, 0xf0f0_0000, u32::MAX];
    for v in values {
        println!(
            "{v:#010x}: ones {} leading {} trailing {} rotl8 {:#010x} rotr4 {:#010x}",
            v.count_ones(),
            v.leading_zeros(),
            v.trailing_zeros(),
            v.rotate_left(8),
            v.rotate_right(4)
        );
    }
    println!("u8 leading_zeros(1) {} i8 count_ones(-1) {}", 1u8.leading_zeros(), (-1i8).count_ones());
    println!("u64 trailing_zeros(0) {} rotate {:#x}", 0u64.trailing_zeros(), 0x0123_4567_89ab_cdefu64.rotate_left(12));
    println!("i16 count_zeros {}", 0x00ffi16.count_zeros());
    println!("is_power_of_two {} {}", 64u32.is_power_of_two(), 65u32.is_power_of_two());
    println!("min/max: {} {} {} {}", 3.min(9), 3.max(9), (-4i8).max(-8), 200u8.min(100));
    println!("u8 {} {}", u8::MIN, u8::MAX);
    println!("i8 {} {}", i8::MIN, i8::MAX);
    println!("u16 {} {}", u16::MIN, u16::MAX);
    println!("i16 {} {}", i16::MIN, i16::MAX);
    println!("u32 {} {}", u32::MIN, u32::MAX);
    println!("i32 {} {}", i32::MIN, i32::MAX);
    println!("u64 {} {}", u64::MIN, u64::MAX);
    println!("i64 {} {}", i64::MIN, i64::MAX);
    println!("u128 {} {}", u128::MIN, u128::MAX);
    println!("i128 {} {}", i128::MIN, i128::MAX);
    println!("usize::MIN {} (MAX depends on the target's pointer width)", usize::MIN);
    println!("BITS {} {} {}", u8::BITS, i64::BITS, u128::BITS);
    let mut gcd = (1071u32, 462u32);
    while gcd.1 != 0 {
        gcd = (gcd.1, gcd.0 % gcd.1);
    }
    println!("gcd(1071, 462) = {}", gcd.0);
    let mut root = 0u32;
    while (root + 1) * (root + 1) <= 2024 {
        root += 1;
    }
    println!("isqrt(2024) = {root}");
}
