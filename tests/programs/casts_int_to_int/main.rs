// `as` between integer types truncates or sign-/zero-extends; bool and char casts too.

fn main() {
    let big: i32 = 0x1234_5678;
    println!("i32 {big:#x} as u8 {:#x}, as i8 {}, as u16 {:#x}, as i16 {}", big as u8, big as i8, big as u16, big as i16);
    let negative: i32 = -2;
    println!("-2i32 as u32 {}, as u64 {}, as u8 {}, as i64 {}, as u128 {}", negative as u32, negative as u64, negative as u8, negative as i64, negative as u128);
    let byte: u8 = 200;
    println!("200u8 as i8 {}, as i32 {}, as char {:?}", byte as i8, byte as i32, byte as char);
    let small: i8 = -100;
    println!("-100i8 as u8 {}, as u16 {}, as i16 {}, as u32 {}", small as u8, small as u16, small as i16, small as u32);
    let wide: u64 = 0xffff_ffff_0000_0001;
    println!("u64 as u32 {}, as i32 {}, as i64 {}, as u16 {}", wide as u32, wide as i32, wide as i64, wide as u16);
    let huge: i128 = -170_141_183_460_469_231_731_687_303_715_884_105_728;
    println!("i128::MIN as u128 {}, as i64 {}, as u8 {}", huge as u128, huge as i64, huge as u8);
    // usize is 32 bits on wasm32 and 64 natively: only width-independent casts are printed.
    let index: usize = 3_000_000;
    println!("usize as i32 {}, as i16 {}, as u64 {}, as u8 {}", index as i32, index as i16, index as u64, index as u8);
    let offset: isize = -7;
    println!("isize as i64 {}, as i8 {}, as u8 {}", offset as i64, offset as i8, offset as u8);
    println!("bool: {} {} {}", true as i32, false as u8, true as u64 + 41);
    for c in ['A', 'z', '0', 'é', '€', '🦀'] {
        println!("{c:?} as u32 {} as u8 {}", c as u32, c as u8);
    }
    let mut text = String::new();
    for code in 65u8..71 {
        text.push(code as char);
    }
    println!("{text}");
    let codes = [0x41u32, 0xe9, 0x1f980, 0xd800, 0x110000];
    for code in codes {
        println!("char::from_u32({code:#x}) = {:?}", char::from_u32(code));
    }
    println!("u16::from(200u8) = {}, i64::from(-3i32) = {}", u16::from(200u8), i64::from(-3i32));
    let chained = ((300i32 as u8) as i8) as i64;
    println!("chained {chained}");
}
