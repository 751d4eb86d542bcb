// Slicing a &str in the middle of a multi-byte char panics with rustc's char-boundary message.

fn prefix(s: &str, n: usize) -> &str {
    &s[..n]
}

fn main() {
    let words = ["hello", "naïve", "日本語"];
    for w in words {
        println!("{w}: first 2 bytes {:?}", prefix(w, 2));
    }
    println!("{}", &"日本語"[3..6]);
    println!("{}", prefix("日本語", 4));
}
