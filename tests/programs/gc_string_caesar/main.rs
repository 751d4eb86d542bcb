// dependencies: wasm
//! Character transforms collected into new `GcString`s (Caesar cipher, ROT13 round trip).

use wasm::GcString;

fn rot(text: &GcString, by: u8) -> GcString {
    text.chars()
        .map(|c| {
            if c.is_ascii_lowercase() {
                ((c as u8 - b'a' + by) % 26 + b'a') as char
            } else if c.is_ascii_uppercase() {
                ((c as u8 - b'A' + by) % 26 + b'A') as char
            } else {
                c
            }
        })
        .collect()
}

fn vowels(text: &GcString) -> usize {
    text.chars().filter(|c| "aeiouAEIOU".contains(*c)).count()
}

fn main() {
    let plain = GcString::from("Hello, World! WasmGC strings are immutable.");
    for by in [1u8, 3, 13, 25] {
        let enc = rot(&plain, by);
        let dec = rot(&enc, 26 - by);
        println!("rot{by:>2}: {enc} -> round trip ok: {}", dec == plain);
    }
    let r13 = rot(&plain, 13);
    println!("{:?}", r13);
    println!("vowels: {} vs {}", vowels(&plain), vowels(&r13));
    let only_letters: GcString = plain.chars().filter(|c| c.is_alphabetic()).collect();
    println!("letters: {only_letters} ({} bytes)", only_letters.len());
    let upper: GcString = plain.split(' ').map(|w| w.to_uppercase()).collect::<Vec<String>>().join("-").chars().collect();
    println!("{upper}");
}
