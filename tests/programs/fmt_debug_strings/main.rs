// Debug output of strings and chars escapes quotes, control characters and some Unicode.

fn main() {
    let texts = ["plain", "with \"quotes\"", "tab\there", "new\nline", "back\\slash", "nul\0byte", "bell\x07", "é and 日本", "zero\u{200b}width", "emoji 🦀", "'single'", "\r\n", "\u{7f}del", "\u{301}combining"];
    for t in texts {
        println!("{t:?}");
    }
    for c in ['a', '\'', '"', '\n', '\t', '\\', '\0', 'é', '\u{1b}', '\u{ffff}', '🦀'] {
        println!("{c:?}");
    }
    println!("{:?}", Some("x"));
    println!("{:?}", (1, "two", '3', 4.0, true));
    println!("{:?}", vec![vec![1, 2], vec![], vec![3]]);
    println!("{:?}", [[0u8; 3]; 2]);
    println!("{:?}", ());
    println!("{:?}", Ok::<i32, String>(5));
    println!("{:?}", Err::<i32, String>("bad \"input\"".to_string()));
    let empty: Vec<i32> = Vec::new();
    println!("{empty:?} {:?} {:?}", String::new(), &[1, 2, 3][1..]);
    println!("{:?}", "multi\nline".lines().count());
}
