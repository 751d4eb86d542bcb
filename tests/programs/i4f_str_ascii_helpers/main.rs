// Issue 4: ASCII and parsing helpers of str/char: split_once/rsplit_once, strip_prefix/strip_suffix,
// eq_ignore_ascii_case (ASCII only, unlike to_lowercase), is_ascii_* classes, to_digit(radix),
// char::from_digit, char::from(u8) and `u8 as char`.

fn parse_kv(line: &str) -> Option<(&str, &str)> {
    let line = line.strip_prefix("set ").unwrap_or(line);
    let line = line.strip_suffix(';').unwrap_or(line);
    line.split_once('=')
}

fn main() {
    for line in ["set a=1;", "b=2=3", "novalue", "set path=/usr/bin;"] {
        println!("{:?}", parse_kv(line));
    }
    println!("{:?} {:?} {:?}", "a.b.c".rsplit_once('.'), "a.b.c".split_once("."), "abc".rsplit_once("x"));
    println!("{:?} {:?}", "key: value".split_once(": "), "k::v::w".rsplit_once("::"));
    println!("{:?} {:?} {:?}", "prefix-body".strip_prefix("prefix-"), "body".strip_prefix("x"), "file.rs".strip_suffix(".rs"));
    println!("{} {} {}", "HeLLo".eq_ignore_ascii_case("hello"), "Straße".eq_ignore_ascii_case("STRASSE"), "É".eq_ignore_ascii_case("é"));
    println!("{} {}", 'A'.eq_ignore_ascii_case(&'a'), 'Ä'.eq_ignore_ascii_case(&'ä'));
    for c in ['a', 'Z', '7', ' ', '\n', '!', '~', 'é', '\u{7f}', 'f', 'G'] {
        println!(
            "{c:?}: ascii={} alpha={} alnum={} digit={} hex={} upper={} lower={} punct={} graphic={} ws={} ctrl={} d16={:?} d36={:?}",
            c.is_ascii(),
            c.is_ascii_alphabetic(),
            c.is_ascii_alphanumeric(),
            c.is_ascii_digit(),
            c.is_ascii_hexdigit(),
            c.is_ascii_uppercase(),
            c.is_ascii_lowercase(),
            c.is_ascii_punctuation(),
            c.is_ascii_graphic(),
            c.is_ascii_whitespace(),
            c.is_ascii_control(),
            c.to_digit(16),
            c.to_digit(36)
        );
    }
    let digits: Vec<Option<char>> = (0..17).map(|d| char::from_digit(d, 16)).collect();
    println!("{digits:?}");
    println!("{:?} {:?} {:?}", char::from_digit(35, 36), char::from_digit(2, 2), char::from_digit(9, 10));
    let bytes = [72u8, 105, 33, 0xe9];
    let s: String = bytes.iter().map(|&b| b as char).collect();
    let t: String = bytes.iter().map(|&b| char::from(b)).collect();
    println!("{s} {t} {}", s == t);
    let n: u32 = "7f3".chars().map(|c| c.to_digit(16).unwrap()).fold(0, |acc, d| acc * 16 + d);
    println!("{n}");
    let upper: String = "mixed Case ß".chars().map(|c| c.to_ascii_uppercase()).collect();
    println!("{upper} {}", "mixed Case ß".to_ascii_lowercase());
}
