// Issue 4: HashMap/HashSet with the entry API; output is sorted since hash order differs between platforms.
use std::collections::{BTreeMap, HashMap, HashSet};

fn main() {
    let text = "one fish two fish red fish blue fish one two three";
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word).or_insert(0) += 1;
    }
    let mut sorted: Vec<(&str, usize)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (word, count) in &sorted {
        println!("{word:<6} {count}");
    }
    println!("len {} contains fish {} get red {:?} get green {:?}", counts.len(), counts.contains_key("fish"), counts.get("red"), counts.get("green"));
    let mut groups: HashMap<usize, Vec<&str>> = HashMap::new();
    for word in text.split_whitespace() {
        groups.entry(word.len()).or_default().push(word);
    }
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort();
    for k in keys {
        let mut words = groups[&k].clone();
        words.sort();
        words.dedup();
        println!("{k}: {words:?}");
    }
    let a: HashSet<i32> = (1..10).collect();
    let b: HashSet<i32> = (5..15).step_by(2).collect();
    let mut both: Vec<_> = a.intersection(&b).copied().collect();
    both.sort();
    let mut either: Vec<_> = a.union(&b).copied().collect();
    either.sort();
    println!("{both:?} {either:?}");
    let ordered: BTreeMap<&str, usize> = counts.into_iter().collect();
    println!("{ordered:?}");
    if let Some(v) = groups.get_mut(&4) {
        v.clear();
    }
    println!("removed {:?}", groups.remove(&3).map(|v| v.len()));
}
