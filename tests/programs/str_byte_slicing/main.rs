// Slicing &str by byte ranges at char boundaries: find/rfind + slice, len_utf8, bytes.

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
    let mut offset = 0;
    for c in word.chars() {
        println!("{offset}: {c} then {:?}", &word[offset + c.len_utf8()..]);
        offset += c.len_utf8();
    }
    println!("{} | {} | {} | {}", &word[..1], &word[3..], &word[1..3], &word[..]);
    let mut sum = 0u32;
    for b in word.bytes() {
        sum += b as u32;
    }
    println!("byte sum {sum}");
    let path = "src/main.rs";
    if let Some(dot) = path.rfind('.') {
        println!("stem {} ext {}", &path[..dot], &path[dot + 1..]);
    }
    let s = String::from("ownership");
    let slice: &str = &s[3..];
    println!("{slice} {}", slice.len());
    println!("{:?} {:?}", &"abc"[1..], &"abc"[3..]);
}
