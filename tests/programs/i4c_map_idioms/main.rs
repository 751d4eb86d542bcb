// Issue 4 (collections): everyday map/set idioms from tutorials and Advent of Code: counting with a
// let-bound entry, get().copied().unwrap_or, unwrap_or(&0), insert().is_none(), turbofish constructors,
// tuple keys on a grid, min/max over keys and values, enumerate over iteration, reverse BTreeMap
// iteration, nested or_insert_with, and a HashMap<char, usize> frequency table printed sorted.
use std::collections::{BTreeMap, HashMap, HashSet};

fn main() {
    let text = "the cat and the hat and the bat";
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for w in text.split(' ') {
        let count = freq.entry(w).or_insert(0);
        *count += 1;
    }
    println!("the={} cat={} dog={} dog2={}", freq["the"], freq.get("cat").copied().unwrap_or(0), freq.get("dog").copied().unwrap_or(0), freq.get("dog").unwrap_or(&0));
    let mut keys: Vec<_> = freq.keys().collect();
    keys.sort_unstable();
    println!("{:?}", keys);
    println!("max count {:?} min key {:?}", freq.values().max(), freq.keys().min());
    let mut grid = HashSet::<(i32, i32)>::new();
    for (y, line) in ["#..#", ".##.", "#..."].iter().enumerate() {
        for (x, c) in line.chars().enumerate() {
            if c == '#' {
                grid.insert((x as i32, y as i32));
            }
        }
    }
    let neighbours = |p: (i32, i32)| -> usize {
        let mut n = 0;
        for dy in -1..=1 {
            for dx in -1..=1 {
                if (dx, dy) != (0, 0) && grid.contains(&(p.0 + dx, p.1 + dy)) {
                    n += 1;
                }
            }
        }
        n
    };
    let mut counts: Vec<((i32, i32), usize)> = grid.iter().map(|&p| (p, neighbours(p))).collect();
    counts.sort();
    println!("{:?}", counts);
    let min_x = grid.iter().map(|p| p.0).min().unwrap();
    let max_y = grid.iter().map(|&(_, y)| y).max().unwrap();
    println!("bounds {} {} len {}", min_x, max_y, grid.len());
    let mut seen = HashMap::new();
    let mut firsts = Vec::new();
    for (i, c) in "abracadabra".chars().enumerate() {
        if seen.insert(c, i).is_none() {
            firsts.push(c);
        }
    }
    let mut last_seen: Vec<(char, usize)> = seen.into_iter().collect();
    last_seen.sort();
    println!("{:?} {:?}", firsts, last_seen);
    let mut by_len: BTreeMap<usize, BTreeMap<char, Vec<&str>>> = BTreeMap::new();
    for w in text.split(' ') {
        by_len.entry(w.len()).or_insert_with(BTreeMap::new).entry(w.chars().next().unwrap()).or_insert_with(Vec::new).push(w);
    }
    for (len, inner) in by_len.iter().rev() {
        for (i, (c, ws)) in inner.iter().enumerate() {
            println!("{len} #{i} {c} {ws:?}");
        }
    }
    let total: u32 = freq.values().sum();
    let distinct = freq.len();
    println!("total {total} distinct {distinct} empty {}", freq.is_empty());
    let mut letters: HashMap<char, usize> = HashMap::new();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        *letters.entry(c).or_default() += 1;
    }
    let mut lv: Vec<(char, usize)> = letters.into_iter().collect();
    lv.sort();
    println!("{:?}", &lv[..4]);
}
