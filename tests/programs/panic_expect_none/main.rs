// Option::expect on None panics with exactly the given message.

fn main() {
    let inventory = vec![("apple", 3), ("pear", 0), ("plum", 12)];
    for wanted in ["plum", "apple", "kiwi"] {
        let mut found = None;
        for (name, count) in &inventory {
            if *name == wanted {
                found = Some(*count);
            }
        }
        let count = found.expect("item must be in the inventory");
        println!("{wanted}: {count}");
    }
}
