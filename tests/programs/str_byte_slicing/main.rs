// Slicing &str by byte ranges at char boundaries: find + slice, get() returning None, is_char_boundary, bytes.

fn between<'a>(s: &'a str, open: char, close: char) -> Option<&'a str> {
    let start = s.find(open)? + open.len_utf8();
    let end = start + s[start..].find(close)?;
    Some(&s[start..end])
}

fn main() {
    let text = "name=[Zoë] city=[Kraków] tag=[🦀]";
    let mut rest = text;
    while let Some(inner) = between(rest, '[', ']') {
        println!("found {inner:?} ({} bytes, {} chars)", inner.len(), inner.chars().count());
        let close = rest.find(']').unwrap();
        rest = &rest[close + 1..];
    }
    let word = "héllo";
    for i in 0..=word.len() {
        println!("{i}: boundary {} get(..i) {:?}", word.is_char_boundary(i), word.get(..i));
    }
    println!("{} | {} | {} | {}", &word[..1], &word[3..], &word[1..3], &word[..]);
    let mut sum = 0u32;
    for b in word.bytes() {
        sum += b as u32;
    }
    println!("byte sum {sum} first byte {:#x} as_bytes {:?}", word.as_bytes()[0], &word.as_bytes()[1..3]);
    let path = "src/main.rs";
    if let Some(dot) = path.rfind('.') {
        println!("stem {} ext {}", &path[..dot], &path[dot + 1..]);
    }
    let s = String::from("ownership");
    let slice: &str = &s[3..];
    println!("{slice} {}", slice.len());
    println!("{:?} {:?}", "abc".get(1..10), "abc".get(3..));
}
