// Option::expect on None panics with exactly the given message.

struct Item {
    name: &'static str,
    count: u32,
}

fn lookup(inventory: &[Item], wanted: &str) -> Option<u32> {
    for item in inventory {
        if item.name == wanted {
            return Some(item.count);
        }
    }
    None
}

fn main() {
    let inventory = vec![Item { name: "apple", count: 3 }, Item { name: "pear", count: 0 }, Item { name: "plum", count: 12 }];
    for wanted in ["plum", "apple", "kiwi"] {
        let count = lookup(&inventory, wanted).expect("item must be in the inventory");
        println!("{wanted}: {count}");
    }
}
