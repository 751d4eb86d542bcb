// dependencies: wasm
//! Splitting a `GcString` into a `GcArray<GcString>` of words and joining them back.

use wasm::{GcArray, GcString};

fn join(words: &GcArray<GcString>, sep: &str) -> GcString {
    let mut out = GcString::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out = out.concat(sep);
        }
        out = out.concat(&word);
    }
    out
}

fn words(text: &GcString) -> GcArray<GcString> {
    text.split(' ').filter(|w| !w.is_empty()).map(|w| GcString::from(w)).collect()
}

fn reverse(words: &GcArray<GcString>) -> GcArray<GcString> {
    let n = words.len();
    let out = GcArray::new(n, GcString::new());
    for i in 0..n {
        out.set(n - 1 - i, words.get(i));
    }
    out
}

fn longest(words: &GcArray<GcString>) -> GcString {
    let mut best = GcString::new();
    for w in words.iter() {
        if w.len() > best.len() {
            best = w;
        }
    }
    best
}

fn main() {
    let text = GcString::from("the quick  brown fox jumps over   the lazy dog");
    let ws = words(&text);
    println!("{} words: {:?}", ws.len(), ws);
    println!("joined: {}", join(&ws, "_"));
    println!("reversed: {}", join(&reverse(&ws), " "));
    println!("longest: {}", longest(&ws));
    let mut count_the = 0;
    for w in ws.iter() {
        if w == "the" {
            count_the += 1;
        }
    }
    println!("'the' appears {count_the} times");
    let first = ws.get(0);
    println!("first word shared with array: {}", GcString::ptr_eq(&first, &ws.get(0)));
    println!("empty join: {:?}", join(&GcArray::from(Vec::new()), ", "));
}
