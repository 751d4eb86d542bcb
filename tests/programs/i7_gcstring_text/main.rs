// Issue 7: GcString: shared immutable UTF-8; From<&str>/From<String>, Deref<Target = str>, concat, Display,
// Debug, PartialEq, Hash (in a HashSet, printed sorted).
use std::collections::HashSet;
use wasm::GcString;

fn greet(name: &GcString) -> GcString {
    GcString::from("Hello, ").concat(name).concat("!")
}

fn main() {
    let name = GcString::from("Ferris");
    let greeting = greet(&name);
    println!("{greeting} ({} bytes) {greeting:?}", greeting.len());
    let owned: GcString = String::from("crab ").repeat(2).into();
    println!("[{owned}] trimmed [{}] upper {}", owned.trim_end(), owned.to_uppercase());
    let alias = greeting.clone();
    println!("equal {} same object {}", alias == greeting, GcString::ptr_eq(&alias, &greeting));
    let rebuilt = GcString::from("Hello, Ferris!");
    println!("equal by value {} same object {}", rebuilt == greeting, GcString::ptr_eq(&rebuilt, &greeting));
    println!("str methods: {} {:?} {}", greeting.contains("Ferris"), greeting.find(','), greeting.starts_with("Hello"));
    let words: Vec<GcString> = "the quick brown the lazy quick".split(' ').map(GcString::from).collect();
    let unique: HashSet<GcString> = words.iter().cloned().collect();
    let mut sorted: Vec<&str> = unique.iter().map(|s| s.as_str()).collect();
    sorted.sort();
    println!("{} words, unique {sorted:?}", words.len());
    let unicode = GcString::from("héllo 🦀");
    println!("{unicode} chars {} bytes {} debug {unicode:?}", unicode.chars().count(), unicode.len());
    println!("empty {:?} {}", GcString::new(), GcString::new().is_empty());
}
