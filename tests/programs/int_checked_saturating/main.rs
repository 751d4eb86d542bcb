// checked_* returns None on overflow, saturating_* clamps: across widths and signs.

fn checked_report(a: i32, b: i32) {
    println!(
        "{a}, {b}: add {:?} sub {:?} mul {:?} div {:?} rem {:?}",
        a.checked_add(b),
        a.checked_sub(b),
        a.checked_mul(b),
        a.checked_div(b),
        a.checked_rem(b)
    );
}

fn factorial(n: u64) -> Option<u64> {
    let mut acc: u64 = 1;
    for k in 2..=n {
        acc = acc.checked_mul(k)?;
    }
    Some(acc)
}

fn main() {
    checked_report(7, 2);
    checked_report(i32::MAX, 1);
    checked_report(i32::MIN, -1);
    checked_report(5, 0);
    println!("u8 checked_sub {:?} {:?}", 5u8.checked_sub(6), 6u8.checked_sub(5));
    println!("i8 checked_neg {:?} {:?}", i8::MIN.checked_neg(), 5i8.checked_neg());
    println!("u32 checked_pow {:?} {:?}", 2u32.checked_pow(31), 2u32.checked_pow(32));
    println!("u16 checked_shl {:?} {:?}", 1u16.checked_shl(15), 1u16.checked_shl(16));
    println!("i64 checked_abs {:?}", i64::MIN.checked_abs());
    for n in [5, 20, 21, 25] {
        match factorial(n) {
            Some(value) => println!("{n}! = {value}"),
            None => println!("{n}! overflows u64"),
        }
    }

    println!("u8 saturating_add {} sub {}", 250u8.saturating_add(10), 3u8.saturating_sub(10));
    println!("i8 saturating_add {} sub {}", 120i8.saturating_add(10), (-120i8).saturating_sub(10));
    println!("i8 saturating_mul {} {}", 64i8.saturating_mul(2), (-64i8).saturating_mul(3));
    println!("i32 saturating_mul {}", i32::MIN.saturating_mul(2));
    println!("u64 saturating_pow {}", 10u64.saturating_pow(30));
    println!("i16 saturating_neg {}", i16::MIN.saturating_neg());
    println!("i128 saturating_add {}", i128::MAX.saturating_add(i128::MAX));
    println!("usize saturating_sub {}", 3usize.saturating_sub(4));

    let mut health: u8 = 100;
    for hit in [30, 45, 50, 10] {
        health = health.saturating_sub(hit);
        println!("hit {hit}: health {health}");
    }
    health = health.saturating_add(255);
    println!("healed: {health}");
}
