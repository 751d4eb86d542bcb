//! Word frequency: generates n words of pseudo-random text (syllable words, capitals and
//! punctuation), splits and lower-cases it, counts with a HashMap and sorts by (count desc,
//! word asc). Exercises hashing, String building and sorting. Argument: n words (default 1000).
use std::collections::HashMap;

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "an", "el", "or", "us", "bri", "dro", "ste", "qua",
];

struct Rng {
    state: u32,
}

impl Rng {
    fn next(&mut self) -> u32 {
        self.state = self.state.wrapping_mul(1664525).wrapping_add(1013904223);
        self.state >> 8
    }
    fn below(&mut self, bound: u32) -> u32 {
        self.next() % bound
    }
    /// Skewed choice in 0..bound: the product of two uniform draws favours small indices, so
    /// a few words are frequent and many are rare, as in natural text.
    fn skewed(&mut self, bound: u32) -> u32 {
        let a = self.below(bound);
        let b = self.below(bound);
        a * b / bound
    }
}

fn generate(words: u32, seed: u32) -> String {
    let mut rng = Rng { state: seed };
    let mut text = String::new();
    let mut sentence_start = true;
    let mut w = 0;
    while w < words {
        let syllables = 1 + rng.skewed(3);
        let mut word = String::new();
        let mut s = 0;
        while s <= syllables {
            word.push_str(SYLLABLES[rng.skewed(16) as usize]);
            s += 1;
        }
        if sentence_start {
            let mut capital = String::new();
            for ch in word.chars() {
                if capital.is_empty() {
                    capital.push(ch.to_ascii_uppercase());
                } else {
                    capital.push(ch);
                }
            }
            word = capital;
            sentence_start = false;
        }
        text.push_str(&word);
        match rng.below(20) {
            0 => {
                text.push_str(". ");
                sentence_start = true;
            }
            1 => text.push_str(", "),
            2 => text.push('\n'),
            _ => text.push(' '),
        }
        w += 1;
    }
    text
}

fn count_words(text: &str) -> HashMap<String, u32> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut current = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphabetic() {
            current.push(b.to_ascii_lowercase() as char);
        } else if !current.is_empty() {
            *counts.entry(current.clone()).or_insert(0) += 1;
            current.clear();
        }
    }
    if !current.is_empty() {
        *counts.entry(current).or_insert(0) += 1;
    }
    counts
}

fn fnv1a(hash: u32, bytes: &[u8]) -> u32 {
    let mut hash = hash;
    for b in bytes {
        hash ^= *b as u32;
        hash = hash.wrapping_mul(0x01000193);
    }
    hash
}

fn size_arg(default: u32) -> u32 {
    match std::env::args().nth(1) {
        Some(text) => text.parse().unwrap_or(default),
        None => default,
    }
}

fn main() {
    let words = size_arg(1000);
    let text = generate(words, 7);
    let counts = count_words(&text);
    let mut entries: Vec<(String, u32)> = Vec::new();
    let mut total = 0;
    for (word, count) in counts {
        total += count;
        entries.push((word, count));
    }
    entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("{} words, {} distinct, text {} bytes", total, entries.len(), text.len());
    let mut hash = 0x811c9dc5;
    for (word, count) in &entries {
        hash = fnv1a(hash, word.as_bytes());
        hash = fnv1a(hash, &count.to_le_bytes());
    }
    println!("sorted table fnv1a {:08x}", hash);
    let mut i = 0;
    while i < 10 && i < entries.len() {
        println!("{:>7} {}", entries[i].1, entries[i].0);
        i += 1;
    }
}
