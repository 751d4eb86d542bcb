// Issue 4: grouping anagrams with a HashMap keyed by sorted letters; deterministic sorted output.
use std::collections::HashMap;

fn key(word: &str) -> String {
    let mut letters: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    letters.sort_unstable();
    letters.into_iter().collect()
}

fn main() {
    let words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "Inlets", "god", "banana"];
    let mut groups: HashMap<String, Vec<&str>> = HashMap::new();
    for w in words {
        groups.entry(key(w)).or_insert_with(Vec::new).push(w);
    }
    let mut result: Vec<Vec<&str>> = groups.into_values().filter(|g| g.len() > 1).collect();
    for g in result.iter_mut() {
        g.sort();
    }
    result.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    for g in &result {
        println!("{} {:?}", g.len(), g);
    }
    let letters: HashMap<char, usize> = "banana".chars().fold(HashMap::new(), |mut m, c| {
        *m.entry(c).or_default() += 1;
        m
    });
    let mut counts: Vec<_> = letters.into_iter().collect();
    counts.sort();
    println!("{counts:?}");
}
