// Issue 4 (collections): HashMap insert/get/get_mut/remove/contains_key/len, the entry API
// (or_insert, or_default, or_insert_with, and_modify), iteration sorted before printing, growth and removal
// over many keys (real hash table: rehash and backward-shift deletion), String and tuple keys.
use std::collections::HashMap;

fn main() {
    let mut m: HashMap<i32, i32> = HashMap::new();
    println!("{:?} {} {}", m.insert(1, 10), m.len(), m.is_empty());
    println!("{:?}", m.insert(1, 11));
    m.insert(2, 20);
    println!("get {:?} {:?} contains {} {}", m.get(&1), m.get(&3), m.contains_key(&2), m.contains_key(&5));
    if let Some(v) = m.get_mut(&2) {
        *v += 5;
    }
    println!("after get_mut {:?}", m.get(&2));
    *m.entry(3).or_insert(0) += 7;
    *m.entry(3).or_insert(0) += 7;
    m.entry(1).and_modify(|v| *v *= 2).or_insert(99);
    m.entry(4).and_modify(|v| *v *= 2).or_insert(99);
    let mut items: Vec<(i32, i32)> = m.iter().map(|(k, v)| (*k, *v)).collect();
    items.sort();
    println!("{:?}", items);
    println!("remove {:?} {:?} len {}", m.remove(&1), m.remove(&1), m.len());

    // many keys: growth, lookups, removals
    let mut sq: HashMap<u64, u64> = HashMap::with_capacity(4);
    for i in 0..1000u64 {
        sq.insert(i * 7919 % 1009, i);
    }
    let mut removed = 0;
    for i in 0..1009u64 {
        if i % 3 == 0 && sq.remove(&i).is_some() {
            removed += 1;
        }
    }
    let mut total = 0u64;
    for i in 0..1009u64 {
        if let Some(v) = sq.get(&i) {
            total += *v;
        }
    }
    println!("len {} removed {} total {}", sq.len(), removed, total);

    // String keys, lookups by &str
    let text = "the quick brown fox jumps over the lazy dog the end";
    let mut counts: HashMap<String, usize> = HashMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w.to_string()).or_default() += 1;
    }
    let mut cs: Vec<(&String, &usize)> = counts.iter().collect();
    cs.sort();
    println!("{:?}", cs);
    println!("the={:?} cat={:?}", counts.get("the"), counts.get("cat"));

    // tuple keys, Vec values
    let mut grid: HashMap<(i32, i32), Vec<char>> = HashMap::new();
    for (i, c) in "abcdef".chars().enumerate() {
        let i = i as i32;
        grid.entry((i % 2, i % 3)).or_insert_with(Vec::new).push(c);
    }
    let mut keys: Vec<(i32, i32)> = grid.keys().copied().collect();
    keys.sort();
    for k in &keys {
        println!("{:?} -> {:?}", k, grid[k]);
    }
    let mut total_len = 0;
    for (_, v) in &grid {
        total_len += v.len();
    }
    for v in grid.values_mut() {
        v.push('!');
    }
    let mut vals: Vec<String> = grid.values().map(|v| v.iter().collect::<String>()).collect();
    vals.sort();
    println!("{} {:?}", total_len, vals);
    let pairs = HashMap::from([("a", 1), ("b", 2)]);
    let mut ps: Vec<_> = pairs.into_iter().collect();
    ps.sort();
    println!("{:?}", ps);
    let mut sq2: HashMap<u8, bool> = (0..5u8).map(|x| (x, x % 2 == 0)).collect();
    sq2.retain(|k, _| *k != 2);
    let mut v2: Vec<_> = sq2.into_iter().collect();
    v2.sort();
    println!("{:?}", v2);
}
