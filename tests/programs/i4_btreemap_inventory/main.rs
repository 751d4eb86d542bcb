// Issue 4: BTreeMap/BTreeSet keep keys ordered, so output is identical everywhere: entry API, ranges, first/last.
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Default)]
struct Stock {
    quantity: u32,
    locations: BTreeSet<String>,
}

fn main() {
    let deliveries = [("widget", 5, "A1"), ("gadget", 2, "B4"), ("widget", 3, "C2"), ("bolt", 100, "A1"), ("gadget", 1, "B4"), ("nut", 250, "A2")];
    let mut inventory: BTreeMap<&str, Stock> = BTreeMap::new();
    for (item, qty, location) in deliveries {
        let stock = inventory.entry(item).or_default();
        stock.quantity += qty;
        stock.locations.insert(location.to_string());
    }
    for (item, stock) in &inventory {
        println!("{item:<8} {:>4} {:?}", stock.quantity, stock.locations);
    }
    println!("first {:?} last {:?}", inventory.keys().next(), inventory.keys().next_back());
    let range: Vec<_> = inventory.range("c".."o").map(|(k, v)| (*k, v.quantity)).collect();
    println!("c..o {range:?}");
    if let Some(stock) = inventory.get_mut("bolt") {
        stock.quantity -= 40;
    }
    let removed = inventory.remove("gadget").map(|s| s.quantity);
    println!("removed gadget {removed:?}, {} items left", inventory.len());
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    for c in "mississippi".chars() {
        *counts.entry(c).or_insert(0) += 1;
    }
    println!("{counts:?}");
    let a: BTreeSet<u32> = [1, 3, 5, 7, 9].into_iter().collect();
    let b: BTreeSet<u32> = (4..=8).collect();
    println!("{:?} {:?} {:?}", a.intersection(&b).collect::<Vec<_>>(), a.difference(&b).collect::<Vec<_>>(), a.union(&b).count());
    println!("{:?} {:?}", a.first(), b.last());
    let by_total: BTreeMap<u32, &str> = inventory.iter().map(|(k, v)| (v.quantity, *k)).collect();
    println!("{by_total:?}");
}
