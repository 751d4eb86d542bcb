// Issue 4 (collections): BTreeMap/BTreeSet keep Rust's Ord order (strings bytewise, tuples
// lexicographic, negative numbers first): Debug output, iteration, first/last, pop_first/pop_last, range,
// entry, remove, set algebra, and a derived-Ord enum key.
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Suit {
    Clubs,
    Diamonds,
    Hearts,
    Spades,
}

fn main() {
    let mut m = BTreeMap::new();
    for (i, w) in ["pear", "Apple", "fig", "apple", "banana", "Zebra", "éclair", "fig"].iter().enumerate() {
        m.insert(*w, i);
    }
    println!("{:?}", m);
    println!("len {} first {:?} last {:?}", m.len(), m.first_key_value(), m.last_key_value());
    println!("get fig {:?} kiwi {:?} contains pear {}", m.get("fig"), m.get("kiwi"), m.contains_key("pear"));
    let mid: Vec<(&&str, &usize)> = m.range("b".."g").collect();
    println!("b..g {:?}", mid);
    let upto: Vec<&str> = m.range(..="banana").map(|(k, _)| *k).collect();
    println!("..=banana {:?}", upto);
    println!("remove {:?} {:?}", m.remove("Apple"), m.remove("Apple"));
    println!("pop_first {:?} pop_last {:?}", m.pop_first(), m.pop_last());
    for (k, v) in m.iter_mut() {
        if k.len() > 3 {
            *v *= 100;
        }
    }
    println!("{:?}", m);

    let mut nums: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for x in [5i64, -3, 12, 0, -3, 7, 5, -100] {
        nums.entry(x.rem_euclid(4)).or_default().push(x);
    }
    println!("{:?}", nums);
    let keys: Vec<i64> = nums.keys().cloned().collect();
    let sums: Vec<i64> = nums.values().map(|v| v.iter().sum()).collect();
    println!("{:?} {:?}", keys, sums);

    let mut pts: BTreeSet<(i32, i32)> = BTreeSet::new();
    for (x, y) in [(2, 1), (1, 5), (1, -2), (2, 1), (-1, 0)] {
        let fresh = pts.insert((x, y));
        print!("{} ", fresh);
    }
    println!();
    println!("{:?} first {:?} last {:?}", pts, pts.first(), pts.last());
    let evens: BTreeSet<u32> = (0..20).filter(|x| x % 2 == 0).collect();
    let threes: BTreeSet<u32> = (0..20).filter(|x| x % 3 == 0).collect();
    let both: Vec<&u32> = evens.intersection(&threes).collect();
    let either: BTreeSet<u32> = evens.union(&threes).cloned().collect();
    let only: Vec<u32> = evens.difference(&threes).copied().collect();
    println!("{:?}\n{:?}\n{:?}", both, either, only);
    println!("subset {} {}", BTreeSet::from([0u32, 6]).is_subset(&threes), evens.is_subset(&threes));

    let mut hands: BTreeMap<Suit, BTreeSet<u8>> = BTreeMap::new();
    for (s, r) in [(Suit::Spades, 3u8), (Suit::Clubs, 12), (Suit::Hearts, 1), (Suit::Spades, 1), (Suit::Clubs, 2), (Suit::Diamonds, 7)] {
        hands.entry(s).or_insert_with(BTreeSet::new).insert(r);
    }
    println!("{:?}", hands);
    println!("{:#?}", hands.get(&Suit::Clubs));
    let words: BTreeSet<String> = "the cat sat on the mat".split(' ').map(String::from).collect();
    println!("{:?} {}", words, words.contains("cat"));
    let mut empty: BTreeMap<u8, u8> = BTreeMap::new();
    println!("{:?} {:?} {}", empty, empty.first_key_value(), empty.is_empty());
    empty.insert(1, 2);
    empty.clear();
    println!("{:?}", empty);
}
