// Issue 4: number methods: total_cmp sorting (-0.0 < 0.0), float clamp/rem_euclid/hypot/atan2/to_bits,
// bit ops, isqrt/div_ceil/ilog2/ilog10, next_power_of_two, try_from, char helpers; ends with an
// overflowing pow, which std reports at core's own line (pow is not #[track_caller]).
fn main() {
    let mut v = vec![3.5f64, -1.0, 2.25, f64::INFINITY, 0.0, -0.0];
    v.sort_by(|a, b| a.total_cmp(b));
    println!("{:?}", v);
    let x = 7.3f64;
    println!("{} {} {:.4} {:.4} {} {}", x.clamp(0.0, 5.0), (-7.5f64).rem_euclid(2.0), 3f64.hypot(4.0), 1f64.atan2(1.0), x.to_bits(), f64::EPSILON > 0.0);
    println!("{} {} {} {} {}", 40u32.leading_zeros(), 40u32.trailing_zeros(), 0x12345678u32.rotate_left(8), 0x1234u16.rotate_right(4), u32::MAX.wrapping_add(2));
    println!("{} {} {} {} {}", 17u64.isqrt(), 17u32.div_ceil(5), 1000u32.ilog2(), 12345u64.ilog10(), 10i32.checked_div(0).is_none());
    println!("{} {} {}", i64::MIN.unsigned_abs(), (-5i32).pow(3), 2.0f32.powf(0.5));
    println!("{:?} {:?}", 255u8.checked_next_power_of_two(), 100u32.next_power_of_two());
    println!("{} {}", u8::try_from(300i32).is_err(), i16::try_from(-5i64).unwrap());
    let c = 'Z';
    println!("{} {} {:?} {}", c.is_ascii_uppercase(), (c as u8 + 1) as char, char::from_u32(0x1F600).map(|c| c.len_utf8()), ('a'..='e').collect::<String>());
    println!("{}", i32::MAX.pow(2));
}
