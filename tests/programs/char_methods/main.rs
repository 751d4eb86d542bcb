// char methods: classification, to_digit/from_digit, from_u32, ASCII case, len_utf8, arithmetic via u32.
// Unicode classification of non-ASCII chars needs Unicode tables (issue 4, see i4_unicode_strings).

fn main() {
    for c in ['é', 'ß', '九', '🦀', '٣'] {
        println!("{c:?}: ascii {} ascii_alpha {} len_utf8 {} code {:#x}", c.is_ascii(), c.is_ascii_alphabetic(), c.len_utf8(), c as u32);
    }
    let samples = ['a', 'Z', '7', ' ', '\n', '_', '\u{0}', '~', '\t', 'q'];
    for c in samples {
        println!(
            "{c:?}: alpha {} num {} alnum {} ws {} upper {} lower {} ascii {} ctrl {} punct {} len_utf8 {}",
            c.is_alphabetic(),
            c.is_numeric(),
            c.is_alphanumeric(),
            c.is_whitespace(),
            c.is_uppercase(),
            c.is_lowercase(),
            c.is_ascii(),
            c.is_control(),
            c.is_ascii_punctuation(),
            c.len_utf8()
        );
    }
    for c in ['0', '9', 'a', 'f', 'F', 'z', 'G', '/'] {
        println!("{c}: base10 {:?} base16 {:?} base36 {:?}", c.to_digit(10), c.to_digit(16), c.to_digit(36));
    }
    for d in [0, 9, 10, 35, 36] {
        println!("from_digit({d}, 36) = {:?}, ({d}, 10) = {:?}", char::from_digit(d, 36), char::from_digit(d, 10));
    }
    println!("{} {} {} {}", 'q'.to_ascii_uppercase(), 'Q'.to_ascii_lowercase(), 'é'.to_ascii_uppercase(), '1'.to_ascii_lowercase());
    println!("{} {} {}", 'a'.is_ascii_hexdigit(), 'g'.is_ascii_hexdigit(), 'x'.is_ascii_alphabetic());
    println!("{} {} {}", '5'.is_ascii_digit(), ' '.is_ascii_whitespace(), 'A'.is_ascii_graphic());
    println!("eq_ignore_ascii_case {}", 'k'.eq_ignore_ascii_case(&'K'));
    let next = char::from_u32('a' as u32 + 1).unwrap();
    println!("after a: {next}; MAX {:?}; replacement {:?}", char::MAX, char::REPLACEMENT_CHARACTER);
    let mut alphabet = String::new();
    for code in ('a' as u32)..=('z' as u32) {
        if let Some(c) = char::from_u32(code) {
            if code % 2 == 0 {
                alphabet.push(c.to_ascii_uppercase());
            } else {
                alphabet.push(c);
            }
        }
    }
    println!("{alphabet}");
    let mut digit_sum = 0;
    for c in "a1b2c3d45".chars() {
        if let Some(d) = c.to_digit(10) {
            digit_sum += d;
        }
    }
    println!("digit sum {digit_sum}");
    println!("{} {} {}", 'a' < 'b', 'Z' < 'a', 'é' > 'z');
    println!("{}", 'x'.to_string() + &'y'.to_string());
}
