// Word frequencies without HashMap: normalize, sort, count runs, order by count then word.

fn normalize(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if c.is_alphanumeric() || c == '\'' {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn main() {
    let text = "It was the best of times, it was the worst of times, it was the age of wisdom, \
                it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, \
                it was the season of Light, it was the season of Darkness.";
    let mut words: Vec<String> = Vec::new();
    for raw in text.split_whitespace() {
        let w = normalize(raw);
        if !w.is_empty() {
            words.push(w);
        }
    }
    println!("{} words", words.len());
    words.sort();
    let mut counts: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j] == words[i] {
            j += 1;
        }
        counts.push((j - i, words[i].clone()));
        i = j;
    }
    println!("{} distinct", counts.len());
    // Selection sort by (count desc, word asc) to keep to issue-3 methods.
    for a in 0..counts.len() {
        let mut best = a;
        for b in a + 1..counts.len() {
            let better = counts[b].0 > counts[best].0 || (counts[b].0 == counts[best].0 && counts[b].1 < counts[best].1);
            if better {
                best = b;
            }
        }
        counts.swap(a, best);
    }
    for (count, word) in &counts[..8] {
        println!("{word:>12} {count:>3} {}", "*".repeat(*count));
    }
    let mut longest = "";
    for (_, w) in &counts {
        if w.len() > longest.len() {
            longest = w;
        }
    }
    println!("longest word: {longest}");
}
