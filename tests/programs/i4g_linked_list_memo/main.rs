// Issue 4: an Option<Box<Node>> linked list (take/reverse), impl FnMut callers with a captured counter,
// memoized recursion, three-way zip, flat_map with move closures, stats, split_once + ? in filter_map,
// from_digit, find/rfind/matches, width$ alignment, sort_by_cached_key, grouping via last_mut.
use std::collections::HashMap;

struct Node { val: i32, next: Option<Box<Node>> }
struct List { head: Option<Box<Node>>, len: usize }
impl List {
    fn new() -> Self { List { head: None, len: 0 } }
    fn push(&mut self, v: i32) { let old = self.head.take(); self.head = Some(Box::new(Node { val: v, next: old })); self.len += 1; }
    fn pop(&mut self) -> Option<i32> { self.head.take().map(|n| { self.head = n.next; self.len -= 1; n.val }) }
    fn reverse(&mut self) {
        let mut prev: Option<Box<Node>> = None;
        let mut cur = self.head.take();
        while let Some(mut n) = cur { cur = n.next.take(); n.next = prev; prev = Some(n); }
        self.head = prev;
    }
    fn to_vec(&self) -> Vec<i32> { let mut v = vec![]; let mut c = &self.head; while let Some(n) = c { v.push(n.val); c = &n.next; } v }
}

fn apply_n(mut f: impl FnMut() -> i32, n: usize) -> Vec<i32> { (0..n).map(|_| f()).collect() }

fn collatz(n: u64, memo: &mut HashMap<u64, u64>) -> u64 {
    if n == 1 { return 0; }
    if let Some(&v) = memo.get(&n) { return v; }
    let next = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
    let r = 1 + collatz(next, memo);
    memo.insert(n, r);
    r
}

fn main() {
    let mut l = List::new();
    for i in 1..=5 { l.push(i * i); }
    println!("{:?} len {}", l.to_vec(), l.len);
    l.reverse();
    println!("{:?} pop {:?} {:?}", l.to_vec(), l.pop(), l.to_vec());
    let mut counter = 0;
    println!("{:?}", apply_n(|| { counter += 3; counter }, 4));
    println!("counter {counter}");
    let mut memo = HashMap::new();
    let best = (1..30u64).max_by_key(|&n| collatz(n, &mut memo)).unwrap();
    println!("best {} steps {} memo {}", best, collatz(best, &mut memo), memo.len());
    let names = ["ann", "bo", "cyd"]; let ages = [31, 22, 45]; let towns = ["Oslo", "Rome", "Lima"];
    for ((n, a), t) in names.iter().zip(ages.iter()).zip(towns.iter()) { print!("{n}/{a}/{t} "); }
    println!();
    let pairs: Vec<(u32, u32)> = (1..4).flat_map(|a| (a..4).map(move |b| (a, b))).collect();
    println!("{:?} sorted {}", pairs, [1, 2, 2, 5].windows(2).all(|w| w[0] <= w[1]));
    let data = [3, 8, 1, 9, 4];
    let mean = data.iter().sum::<i32>() as f64 / data.len() as f64;
    let var = data.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / data.len() as f64;
    println!("{mean:.2} {var:.3} {:?}", data.iter().position(|&x| x == 9));
    let text = "  alpha: 1\n beta: 22 \n\ngamma:333\n";
    let parsed: Vec<(String, u32)> = text.lines().map(str::trim).filter(|l| !l.is_empty()).filter_map(|l| { let (k, v) = l.split_once(':')?; Some((k.to_owned(), v.trim().parse().ok()?)) }).collect();
    println!("{:?}", parsed);
    let digits: String = (0..16).map(|d| std::char::from_digit(d, 16).unwrap()).collect();
    println!("{} {} {:?} {:?}", digits, (b'a' + 2) as char, "hello".find('l'), "hello".rfind("l"));
    println!("{} {} {}", "a.b.c".replace('.', "::"), "abcabc".matches("bc").count(), b"bytes".len());
    let w = 12;
    println!("|{:>w$}|{:^w$}|{:-<w$}|", "right", "mid", "left");
    let mut words = vec!["banana", "Apple", "cherry", "apple"];
    words.sort_by_cached_key(|s| s.to_lowercase());
    println!("{:?} longest {:?}", words, words.iter().max_by_key(|s| s.len()));
    let mut groups: Vec<(char, Vec<&str>)> = Vec::new();
    for w in ["ant", "ape", "bee", "bat", "cat"] {
        let c = w.chars().next().unwrap();
        match groups.last_mut() { Some((g, v)) if *g == c => v.push(w), _ => groups.push((c, vec![w])) }
    }
    println!("{:?}", groups);
}
