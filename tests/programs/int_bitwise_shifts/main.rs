// Bitwise operators and shifts: logical shifts on unsigned, arithmetic on signed, on every width.

fn bits8(x: u8, y: u8) {
    println!("u8 {x:08b} {y:08b}: and {:08b} or {:08b} xor {:08b} not {:08b}", x & y, x | y, x ^ y, !x);
}

fn shifts_i8(x: i8, n: u32) {
    println!("i8 {x} << {n} = {}, >> {n} = {}", x << n, x >> n);
}

fn shifts_u32(x: u32, n: u32) {
    println!("u32 {x:#x} << {n} = {:#x}, >> {n} = {:#x}", x << n, x >> n);
}

fn shifts_i64(x: i64, n: u32) {
    println!("i64 {x} << {n} = {}, >> {n} = {}", x << n, x >> n);
}

fn main() {
    bits8(0b1100_1010, 0b1010_0110);
    bits8(0, 255);
    shifts_i8(-1, 3);
    shifts_i8(-128, 7);
    shifts_i8(37, 2);
    shifts_u32(0x8000_0001, 1);
    shifts_u32(0xdead_beef, 31);
    shifts_u32(1, 0);
    shifts_i64(-1_000_000_007, 5);
    shifts_i64(i64::MIN, 63);
    let a: i32 = -0x1234_5678;
    println!("i32 not {} and {} or {} xor {}", !a, a & 0xff, a | 0xff, a ^ -1);
    let b: u16 = 0xf00f;
    println!("u16 {:#06x} {:#06x} {:#06x}", !b, b >> 4, b << 4);
    let c: u128 = (1u128 << 127) | 5;
    println!("u128 {c:#x} >> 64 = {:#x}", c >> 64);
    let d: i128 = -(1i128 << 100);
    println!("i128 {d} >> 90 = {}", d >> 90);
    let mut flags = 0u32;
    for bit in [0, 3, 5, 31] {
        flags |= 1 << bit;
    }
    flags &= !(1 << 3);
    flags ^= 0b11;
    println!("flags {flags:032b} ({flags})");
    let mut m: i16 = 0x0ff0;
    m <<= 2;
    m >>= 1;
    println!("i16 compound {m} {m:#x}");
    println!("bool ops: {} {} {} {}", true & false, true | false, true ^ true, !false);
}
