// Slicing a &str in the middle of a multi-byte char panics with rustc's char-boundary message.

fn prefix(s: &str, n: usize) -> &str {
    &s[..n]
}

fn initials(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        out.push_str(prefix(w, 1));
    }
    out
}

fn main() {
    println!("{}", initials(&["wasm", "rust", "gc"]));
    let words = ["hello", "naïve", "日本語"];
    for w in words {
        println!("{w}: first 2 bytes {:?}", prefix(w, 2));
    }
    println!("{}", &"日本語"[3..6]);
    println!("{}", prefix("日本語", 4));
}
