// Hex, octal and binary of every width; negative numbers print their two's complement bits.

fn row(label: &str, hex: String, upper: String, octal: String, binary: String) {
    println!("{label:>10}: {hex} {upper} {octal} {binary}");
}

fn main() {
    row("u8 200", format!("{:x}", 200u8), format!("{:X}", 200u8), format!("{:o}", 200u8), format!("{:b}", 200u8));
    row("i8 -1", format!("{:x}", -1i8), format!("{:X}", -1i8), format!("{:o}", -1i8), format!("{:b}", -1i8));
    row("i16 -2", format!("{:x}", -2i16), format!("{:X}", -2i16), format!("{:o}", -2i16), format!("{:b}", -2i16));
    row("u16 max", format!("{:x}", u16::MAX), format!("{:X}", u16::MAX), format!("{:o}", u16::MAX), format!("{:b}", u16::MAX));
    row("i32 min", format!("{:x}", i32::MIN), format!("{:X}", i32::MIN), format!("{:o}", i32::MIN), format!("{:b}", i32::MIN));
    row("u32 dead", format!("{:x}", 0xdeadbeefu32), format!("{:X}", 0xdeadbeefu32), format!("{:o}", 0xdeadbeefu32), format!("{:b}", 0xdeadbeefu32));
    row("i64 -3", format!("{:x}", -3i64), format!("{:X}", -3i64), format!("{:o}", -3i64), format!("{:b}", -3i64));
    row("u64 big", format!("{:x}", 0x0123456789abcdefu64), format!("{:X}", 0xfedcba9876543210u64), format!("{:o}", u64::MAX), format!("{:b}", 1u64 << 63));
    row("i128 -1", format!("{:x}", -1i128), format!("{:X}", i128::MIN), format!("{:o}", 8i128), format!("{:b}", 5i128));
    row("u128", format!("{:x}", u128::MAX), format!("{:X}", 1u128 << 100), format!("{:o}", 1u128 << 64), format!("{:b}", 255u128));
    // usize/isize: only values whose digits do not depend on the pointer width (32 bits on wasm32).
    row("usize", format!("{:x}", 3_000_000_000usize), format!("{:X}", 48879usize), format!("{:o}", 64usize), format!("{:b}", 6usize));
    row("isize", format!("{:x}", 16isize), format!("{:X}", 2_000_000_000isize), format!("{:o}", 8isize), format!("{:b}", 5isize));
    // A hex dump of a byte string.
    let data = "WasmRust\n\tGC!".as_bytes();
    let mut line = String::new();
    for (i, byte) in data.iter().enumerate() {
        line.push_str(&format!("{byte:02x}"));
        if i % 4 == 3 {
            line.push(' ');
        }
    }
    println!("{}", line.trim_end());
    println!("{:>10x}|{:<10b}|{:^10o}|", 255, 5, 64);
    println!("{:#x?} {:x?} {:X?}", 255, [10u8, 11, 255], vec![3000u16]);
}
