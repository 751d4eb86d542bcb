// Every literal form: integer bases and suffixes, underscores, floats, chars and escapes, byte and raw strings.

fn main() {
    let ints = (0x1F, 0o17, 0b1010_1010, 1_000_000, 0xffu8, 7i8, 255u8, -3_i16);
    println!("{ints:?}");
    let big = 0xFFFF_FFFF_FFFF_FFFFu64;
    let signed = -0x8000_0000i64;
    println!("{big} {signed} {}", 1u128 << 99);
    let floats = (1.0, 1e3, 2.5E-3, 1_000.000_1, 6f64, 0.1f32, 1e-7_f64);
    println!("{floats:?}");
    let chars = ['a', '\n', '\t', '\\', '\'', '"', '\0', '\x41', '\u{e9}', '\u{1F980}'];
    for c in chars {
        print!("{} ", c as u32);
    }
    println!();
    let s = "quote \" backslash \\ tab\tnewline\\n unicode \u{263A} hex \x7e";
    println!("{s}");
    let continued = "line one \
                     continues here";
    println!("{continued}");
    let raw = r"C:\path\no\escapes";
    let raw_hash = r#"she said "hi" # ok"#;
    let raw_double = r##"a "# inside"##;
    println!("{raw} | {raw_hash} | {raw_double}");
    let bytes = b"bytes\x00\xff";
    println!("{:?} len {}", bytes, bytes.len());
    let byte = b'A';
    let escaped = b'\n';
    println!("{byte} {escaped} {}", b'\\');
    let raw_bytes = br"raw\n";
    println!("{raw_bytes:?}");
    let multiline = "first
second";
    println!("{multiline:?}");
    let unit = ();
    let tuple1 = (5,);
    println!("{unit:?} {tuple1:?} {}", true && !false);
    println!("{}", "-255".parse::<i32>().unwrap() + 0b101);
}
