// Operations that read a String where a &str is expected (push_str(&s), len/is_empty, to_string,
// clone, hashing String keys, `+ &s`, extend) give the same results when the compiler reads the
// String directly instead of building a &str view first.
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

fn words(n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut state: u32 = 12345;
    for _ in 0..n {
        state = state.wrapping_mul(1103515245).wrapping_add(12345);
        let len = 1 + (state >> 16) as usize % 6;
        let mut w = String::new();
        for k in 0..len {
            w.push((b'a' + ((state >> (k * 3)) % 5) as u8) as char);
        }
        out.push(w);
    }
    out
}

fn main() {
    let ws = words(200);
    let mut joined = String::new();
    let mut lens = 0;
    let mut empties = 0;
    for w in &ws {
        joined.push_str(w);
        joined.push_str(&w.to_uppercase());
        lens += w.len();
        if w.is_empty() {
            empties += 1;
        }
    }
    println!("{} {} {} {}", joined.len(), lens, empties, &joined[..40]);

    let mut copy = joined.clone();
    copy.truncate(10);
    let mut again = copy.to_string();
    again.push('!');
    let doubled = copy.clone();
    copy.push_str(&doubled);
    println!("{} | {} | {} | {} | {}", copy, again, doubled, copy.len(), joined.len());

    let mut counts: HashMap<String, usize> = HashMap::new();
    for w in &ws {
        *counts.entry(w.clone()).or_insert(0) += 1;
    }
    let mut seen: HashSet<String> = HashSet::new();
    for w in &ws {
        seen.insert(w.to_string());
    }
    let mut top: Vec<(&String, &usize)> = counts.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{} distinct ({} in set), top {:?}", counts.len(), seen.len(), &top[..5]);
    println!("lookup {:?} {:?} {}", counts.get(&ws[0]), counts.get("zzz"), seen.contains(&ws[7]));

    let a = String::from("left");
    let b = String::from("right");
    let c = a.clone() + &b + "-" + &a;
    let mut d = String::new();
    d.extend(vec![a.clone(), b.clone(), String::new(), c.clone()]);
    let mut e = String::new();
    write!(e, "{}/{}/{:>8}/{:<6}|", a, b, c, a).unwrap();
    e += &d;
    println!("{} {} {} {} {}", c, d, e, e.len(), String::new().is_empty());
}
