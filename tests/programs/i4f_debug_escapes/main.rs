// Issue 4: {:?} escaping of str and char exactly as rustc (Unicode tables): control characters,
// quotes, backslashes, grapheme extenders (escaped anywhere in a string, as rustc >= 1.8x),
// non-printables, private use, unassigned code points, and printable non-ASCII kept as is.

fn main() {
    let cases = [
        "plain ascii",
        "tab\there\nnew\rret\0nul",
        "quotes \" and ' and \\",
        "e\u{301} combining after a letter",
        "\u{301} combining first",
        "zero\u{200b}width\u{200d}joiner\u{feff}bom",
        "bidi \u{202e}override\u{2066}",
        "soft\u{ad}hyphen \u{85}nel \u{a0}nbsp",
        "private \u{e000} \u{f8ff} \u{f0000}",
        "unassigned \u{378} \u{fffe} \u{10ffff}",
        "emoji 🦀 👍🏽 🇫🇷",
        "scripts: Ελλάδα, русский, العربية, עברית, हिन्दी, 漢字, 한국어",
        "variation \u{fe0f} selector, tag \u{e0041}",
        "line sep \u{2028} para \u{2029}",
        "del \u{7f} c1 \u{9b}",
    ];
    for s in cases {
        println!("{s:?}");
    }
    for c in ['\'', '"', '\u{301}', '\u{200d}', 'é', '\u{e000}', '\u{378}', '🦀', '\u{fe0f}', '\u{7f}', ' ', '\u{3000}', '\u{1f}'] {
        println!("{c:?} {:?}", c.to_string());
    }
    let v = vec!["a\u{300}", "\u{2060}"];
    println!("{v:?}");
    println!("{:#?}", ("x\u{301}", 'y'));
    let mut escaped_in_bmp = 0;
    let mut u = 0x80u32;
    while u < 0x10000 {
        if let Some(c) = char::from_u32(u) {
            if format!("{c:?}").contains("\\u{") {
                escaped_in_bmp += 1;
            }
        }
        u += 1;
    }
    println!("{escaped_in_bmp}");
}
