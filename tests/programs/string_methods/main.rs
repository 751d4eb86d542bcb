// String and &str methods: push, push_str, len, trim*, find, replace, starts/ends_with, case, repeat, join, +, compare.

fn main() {
    let mut s = String::new();
    s.push('W');
    s.push_str("asm");
    s.push_str("Rust");
    s += "!";
    println!("{s} len {} is_empty {}", s.len(), s.is_empty());
    let greeting = String::from("Hello") + ", " + "world" + &"!".repeat(3);
    println!("{greeting}");
    let padded = "  \t spaced out \n ";
    println!("[{}] [{}] [{}]", padded.trim(), padded.trim_start(), padded.trim_end());
    println!("[{}] [{}]", "xxabcxx".trim_matches('x'), "--a-b--".trim_start_matches('-'));
    println!("[{:?}] [{:?}]", "prefix_body".strip_prefix("prefix_"), "body.rs".strip_suffix(".txt"));
    let text = "the quick brown fox jumps over the lazy dog";
    println!("find 'the' {:?} rfind 'the' {:?} find 'cat' {:?} find 'q' {:?}", text.find("the"), text.rfind("the"), text.find("cat"), text.find('q'));
    println!("{}", text.replace("the", "a"));
    println!("{}", text.replacen("o", "0", 2));
    println!("starts {} ends {} contains {}", text.starts_with("the quick"), text.ends_with("dog"), text.contains("fox"));
    // Non-ASCII case mapping needs Unicode tables (issue 4, see i4_unicode_strings).
    println!("{} {}", "MiXeD Case 42".to_uppercase(), "MiXeD Case".to_lowercase());
    println!("{} {}", "ascii Only".to_ascii_uppercase(), "ASCII ÉÈ".to_ascii_lowercase());
    let parts = vec!["a", "b", "c"];
    println!("{} {} {}", parts.join("/"), parts.concat(), ["x".to_string(), "y".to_string()].join(", "));
    println!("cmp: {} {} {} {}", "apple" < "banana", "Zebra" < "apple", "abc" == "abc", String::from("b") > String::from("abc"));
    println!("eq_ignore_ascii_case {}", "HeLLo".eq_ignore_ascii_case("hello"));
    let unicode = "héllo wörld 🦀";
    println!("bytes {} chars {}", unicode.len(), unicode.chars().count());
    let mut reversed = String::new();
    for c in unicode.chars().rev() {
        reversed.push(c);
    }
    println!("{reversed}");
    let mut owned = unicode.to_string();
    owned.insert(0, '¡');
    owned.insert_str(2, "OK ");
    println!("{owned}");
    let popped = owned.pop();
    let removed = owned.remove(0);
    println!("pop {popped:?} remove(0) {removed:?} -> {owned}");
    owned.truncate(6);
    println!("truncated [{owned}]");
    owned.clear();
    println!("cleared [{owned}] {}", owned.len());
    let num = 42.to_string() + &3.5.to_string() + &true.to_string() + &'c'.to_string();
    println!("{num}");
    println!("{:?}", "a,b,,c".split(',').count());
    println!("char_at {:?} {:?}", "hello".chars().nth(1), "hello".chars().last());
}
