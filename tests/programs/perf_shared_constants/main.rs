// Values the compiler builds once and shares (string literals, constant tables, the empty String
// buffer) must behave as fresh values at every use; integer formatting written straight into the
// output; matches on tuples and on `v.get(i)` without building the tuple or the Option.
use std::collections::HashMap;

const WORDS: [&str; 5] = ["alpha", "beta", "gamma", "", "δέλτα"];
const PRIMES: [u32; 6] = [2, 3, 5, 7, 11, 13];
const SIGNS: [char; 3] = ['+', '-', '→'];
const FLAGS: [bool; 2] = [false, true];
const SCALES: [f64; 3] = [0.5, 1.25, -2.0];
const NEG: [i64; 3] = [-1, -9223372036854775807, 42];

fn literal(i: usize) -> &'static str {
    if i % 2 == 0 { "even" } else { "odd" }
}

fn pick(i: usize) -> &'static str {
    WORDS[i % WORDS.len()]
}

#[derive(Debug, PartialEq)]
enum Tok {
    Comma,
    Colon,
    Word(String),
    Num(i64),
}

fn classify(toks: &[Tok], pos: usize, expected: &Tok) -> &'static str {
    match (toks.get(pos), expected) {
        (Some(Tok::Comma), Tok::Comma) => "comma",
        (Some(Tok::Colon), Tok::Colon) => "colon",
        (Some(Tok::Word(w)), Tok::Word(e)) if w == e => "same word",
        (Some(Tok::Word(_)), _) => "word",
        (Some(Tok::Num(n)), Tok::Num(m)) if n > m => "bigger",
        (Some(_), _) => "other",
        (None, _) => "end",
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    Dot,
    Line(i32),
}

fn stretch(s: &Shape, by: i32) -> Shape {
    let mut c = *s;
    if let Shape::Line(n) = &mut c {
        *n += by;
    } else {
        c = Shape::Line(by);
    }
    c
}

fn key_at(toks: &Vec<Tok>, pos: usize) -> String {
    match toks.get(pos) {
        Some(Tok::Word(w)) => w.clone(),
        Some(Tok::Num(n)) => format!("#{}", n),
        Some(other) => format!("{:?}", other),
        None => String::from("<none>"),
    }
}

fn ends(v: &[i32]) -> String {
    let a = match v.first() {
        Some(x) if *x < 0 => format!("neg {}", x),
        Some(x) => format!("{}", x),
        None => "none".to_string(),
    };
    let b = match (v.last(), v.len()) {
        (Some(&x), 1) => format!("only {}", x),
        (Some(x), n) => format!("{} of {}", x, n),
        (None, _) => "empty".to_string(),
    };
    format!("{} / {}", a, b)
}

fn main() {
    // Literals: owned copies are independent of the shared literal.
    let mut owned = String::from("hello");
    owned.truncate(3);
    owned.push_str("p world");
    owned.remove(0);
    let mut again = "hello".to_string();
    again.push('!');
    let mut third = "hello".to_owned();
    third.insert(0, '>');
    println!("{} | {} | {} | {}", owned, again, third, "hello");
    let mut total = String::new();
    for i in 0..6 {
        total.push_str(literal(i));
        total.push_str(if i < 5 { "," } else { "" });
    }
    println!("{} ({} bytes)", total, total.len());
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for i in 0..50 {
        *counts.entry(literal(i)).or_insert(0) += 1;
        *counts.entry(pick(i)).or_insert(0) += 1;
    }
    let mut keys: Vec<(&&str, &u32)> = counts.iter().collect();
    keys.sort();
    println!("{:?}", keys);
    let mut slot: &str = "first";
    for i in 0..3 {
        if i == 1 {
            slot = "second";
        }
        println!("slot {} = {}, literal still {}", i, slot, "first");
    }

    // Constant tables: reads share one array; copies are fresh.
    let mut sum = 0;
    for i in 0..20 {
        sum += PRIMES[i % 6];
    }
    let mut local = PRIMES;
    local[0] = 100;
    println!("sum {} local {:?} const {:?} first {}", sum, local, PRIMES, PRIMES[0]);
    let mut words = WORDS;
    words[1] = "BETA";
    println!("{:?} {} {} {}", words, WORDS[1], pick(4), pick(3).is_empty());
    println!("{} {} {} {} {}", SIGNS[2], FLAGS[1], SCALES[2], NEG[1], NEG[0] + NEG[2]);
    let mut joined = String::new();
    for i in 0..7 {
        joined.push(SIGNS[i % 3]);
        joined.push_str(WORDS[(i * 3) % 5]);
    }
    println!("{}", joined);

    // Empty Strings share a buffer until they grow.
    let mut a = String::new();
    let b = String::new();
    a.push('x');
    let mut c = String::new();
    c.push_str("yz");
    let d = b.clone() + "tail";
    println!("[{}] [{}] [{}] [{}] {} {}", a, b, c, d, b.is_empty(), a.len() + c.len());

    // Integer formatting.
    let values: [i64; 7] = [0, 7, -7, 255, -1000, i64::MIN, i64::MAX];
    for v in values.iter() {
        println!("[{}] [{:5}] [{:<5}] [{:^7}] [{:+}] [{:08}] [{:+08}] [{:*^9}] [{:→>6}]", v, v, v, v, v, v, v, v, v);
    }
    let unsigned: [u64; 5] = [0, 1, 255, 4096, u64::MAX];
    for u in unsigned.iter() {
        println!("[{:x}] [{:#x}] [{:X}] [{:#X}] [{:o}] [{:#o}] [{:b}] [{:#010b}] [{:#6x}] [{:<#8x}]", u, u, u, u, u, u, u, u, u, u);
    }
    println!("{} {} {} {}", (-128i8).to_string(), 200u8.to_string(), (-32768i16).to_string(), u32::MAX.to_string());
    println!("{:5}|{:<4}|{:^5}|{:05}", 42u8, -3i32, 9usize, -12i16);

    // Tuple and `get` matches.
    let toks = vec![Tok::Word("id".to_string()), Tok::Colon, Tok::Num(5), Tok::Comma, Tok::Word("x".to_string())];
    let probes = [Tok::Comma, Tok::Colon, Tok::Word("id".to_string()), Tok::Num(3), Tok::Num(9)];
    for pos in 0..6 {
        let mut line = String::new();
        for e in probes.iter() {
            line.push_str(classify(&toks, pos, e));
            line.push(';');
        }
        println!("{} {}: {}", pos, key_at(&toks, pos), line);
    }
    println!("{} | {} | {} | {}", ends(&[]), ends(&[-4]), ends(&[3, 1, 2]), ends(&vec![9]));
    // Borrowed unit variants (`&Tok::Comma`) are shared; copies of them are independent.
    let mut commas = 0;
    for pos in 0..toks.len() {
        if classify(&toks, pos, &Tok::Comma) == "comma" {
            commas += 1;
        }
    }
    let mut dot = *&Shape::Dot;
    let line = stretch(&Shape::Dot, 4);
    dot = stretch(&dot, 2);
    println!("{} {:?} {:?} {:?} {:?} {}", commas, dot, line, stretch(&line, 1), &Shape::Dot, &Shape::Dot == &Shape::Dot);
    let owned_pair = (String::from("left"), 3);
    let described = match (owned_pair.0, owned_pair.1 * 2) {
        (s, 6) => format!("{} six", s),
        (s, n) => format!("{} {}", s, n),
    };
    println!("{}", described);
    let grid = vec![vec![1, 2], vec![3]];
    for r in 0..3 {
        for c in 0..3 {
            let cell = match (grid.get(r), c) {
                (Some(row), c) => match row.get(c) {
                    Some(v) => v.to_string(),
                    None => "-".to_string(),
                },
                (None, _) => "x".to_string(),
            };
            print!("{} ", cell);
        }
    }
    println!();
}
