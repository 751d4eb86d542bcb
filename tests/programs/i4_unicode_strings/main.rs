// Issue 4: full Unicode: char_indices, len_utf8, to_uppercase/lowercase beyond ASCII, from_utf8, as_bytes.

fn main() {
    let text = "Grüße, Ελλάδα! straße İstanbul ǅ ﬁ";
    println!("{}", text.to_uppercase());
    println!("{}", text.to_lowercase());
    for (i, c) in "añ🦀z".char_indices() {
        println!("{i}: {c} len_utf8 {} upper {:?}", c.len_utf8(), c.to_uppercase().collect::<String>());
    }
    for c in ['a', 'É', 'ß', 'Σ', 'ǆ', '٣', '漢', '🦀', '\u{2167}'] {
        println!("{c}: alphabetic {} numeric {} upper {} lower {} lower→ {:?} upper→ {:?}", c.is_alphabetic(), c.is_numeric(), c.is_uppercase(), c.is_lowercase(), c.to_lowercase().to_string(), c.to_uppercase().to_string());
    }
    let bytes = "héllo".as_bytes().to_vec();
    println!("{bytes:?}");
    println!("{:?}", String::from_utf8(bytes.clone()));
    println!("{:?}", String::from_utf8(vec![0x66, 0x6f, 0xff]).is_err());
    println!("{}", String::from_utf8_lossy(&[0x61, 0xe2, 0x82, 0xac, 0xff, 0x62]));
    println!("{:?} {:?}", "key=value=x".split_once('='), "no-separator".split_once('='));
    let reversed: String = "añ🦀z".chars().rev().collect();
    println!("{reversed}");
    let title: String = "hello wide world".split(' ').map(|w| {
        let mut chars = w.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
            None => String::new(),
        }
    }).collect::<Vec<_>>().join(" ");
    println!("{title}");
}
