// Issue 4: full Unicode case mapping and char properties (tables generated from the native std).
// Covers str::to_uppercase/to_lowercase (ß → SS, ligatures, final sigma, İ), char::to_uppercase/
// to_lowercase as iterators, and is_alphabetic/is_numeric/is_alphanumeric/is_lowercase/is_uppercase/
// is_whitespace beyond ASCII.

fn classify(c: char) -> String {
    let mut s = String::new();
    for (flag, name) in [
        (c.is_alphabetic(), "alpha"),
        (c.is_numeric(), "num"),
        (c.is_alphanumeric(), "alnum"),
        (c.is_lowercase(), "lower"),
        (c.is_uppercase(), "upper"),
        (c.is_whitespace(), "space"),
        (c.is_control(), "ctrl"),
    ] {
        if flag {
            s.push_str(name);
            s.push(' ');
        }
    }
    s
}

fn main() {
    let samples = ["straße", "ﬁnish ﬂow", "ΣΊΣΥΦΟΣ ΟΔΟΣ", "İstanbul", "ǅemal ǈ ǋ", "Ǆ ǆ", "ŉ", "ΐ ΰ", "Ⅻ ⅻ", "Ꭰ ꭰ", "𐐀𐐨", "Åström ÿ Ÿ", "ⓐⓑ Ⓐ", "ꙋ Ꙋ ᲀ"];
    for s in samples {
        println!("{s} -> {} / {}", s.to_uppercase(), s.to_lowercase());
    }
    // Final sigma: word-final Σ lowers to ς, also across case-ignorable characters.
    for s in ["ΟΔΟΣ", "ΟΔΟΣ.", "ΟΔΟΣ'Α", "Σ", "ΑΣ'", "ΑΣ Β", "A\u{301}Σ", "ΑΣ\u{301}", "1Σ", "ΑΣ1"] {
        println!("{s:?} -> {:?}", s.to_lowercase());
    }
    for c in ['a', 'ß', 'ﬃ', 'ǅ', 'İ', 'ı', 'ς', 'µ', 'ÿ', 'ᾳ', 'ῼ', '🦀', '٣', 'Ⅷ', '½', '\u{a0}', '\u{2003}', '\u{85}', '\u{1f}'] {
        let up: String = c.to_uppercase().collect();
        let low = c.to_lowercase().to_string();
        let first = c.to_uppercase().next();
        println!("{c:?} up={up:?} low={low:?} first={first:?} n_up={} [{}]", c.to_uppercase().count(), classify(c));
    }
    // Counting properties over whole ranges exercises every table.
    let mut counts = [0u32; 5];
    let mut mapped = 0u32;
    let mut u = 0u32;
    while u < 0x20000 {
        if let Some(c) = char::from_u32(u) {
            counts[0] += c.is_alphabetic() as u32;
            counts[1] += c.is_numeric() as u32;
            counts[2] += c.is_lowercase() as u32;
            counts[3] += c.is_uppercase() as u32;
            counts[4] += c.is_whitespace() as u32;
            if c.to_uppercase().next() != Some(c) {
                mapped += 1;
            }
        }
        u += 7;
    }
    println!("{counts:?} {mapped}");
    let mixed = "Hello, Wörld! ΣΑΣ 123 ٣٤ ½";
    let letters: String = mixed.chars().filter(|c| c.is_alphabetic()).collect();
    let digits = mixed.chars().filter(|c| c.is_numeric()).count();
    println!("{letters} {digits}");
    let swapped: String = mixed.chars().map(|c| if c.is_uppercase() { c.to_lowercase().to_string() } else { c.to_uppercase().to_string() }).collect();
    println!("{swapped}");
}
