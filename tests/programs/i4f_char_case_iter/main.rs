// Issue 4: char::to_uppercase/to_lowercase as iterators (next, count, collect, to_string, for loops,
// rev), word capitalisation with char_indices and len_utf8, counting letters/digits in mixed scripts,
// and a caseless comparison built on to_lowercase.

fn capitalize(word: &str) -> String {
    let mut out = String::new();
    for (i, c) in word.char_indices() {
        if i == 0 {
            out.push_str(&c.to_uppercase().to_string());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn caseless_eq(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

fn main() {
    for w in ["ßtraße", "ǆungla", "éCOLE", "ﬁne", "ΣΟΦΙΑ", "istanbul", "İZMİR"] {
        println!("{} -> {}", w, capitalize(w));
    }
    for c in ['ß', 'ŉ', 'ǰ', 'ﬀ', 'ᾀ', 'A', '1'] {
        let mut it = c.to_uppercase();
        let first = it.next();
        let rest: String = it.collect();
        print!("{c}: first={first:?} rest={rest:?} n={} |", c.to_uppercase().count());
        for u in c.to_uppercase().rev() {
            print!(" {}", u as u32);
        }
        println!();
    }
    let lower: Vec<char> = 'İ'.to_lowercase().collect();
    println!("{lower:?} {}", lower.len());
    let text = "Ünïcödé 2024 — ٣ cats & 5 ДОГОВ";
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(|c| c.is_numeric()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let spaces = text.chars().filter(|c| c.is_whitespace()).count();
    println!("{letters} {digits} {upper} {spaces}");
    let widths: Vec<usize> = text.chars().map(|c| c.len_utf8()).collect();
    println!("{widths:?}");
    println!("{} {} {}", caseless_eq("Straße", "STRASSE"), caseless_eq("ΣΑΣ", "σας"), caseless_eq("Ǆ", "ǆ"));
    let mut shout = String::new();
    for c in text.chars() {
        shout.extend(c.to_uppercase());
    }
    shout.extend(["!", "?"]);
    shout.extend(vec![String::from(" ok")].into_iter());
    println!("{shout}");
}
