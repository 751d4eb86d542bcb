// dependencies: wasm
//! `GcRc` borrows end where Rust drops their guards: statement ends, `if`/`while` conditions, `let` scopes,
//! early `return`/`break`/`continue` — so none of these sequences panics.

use wasm::GcRc;

#[wasm::gc]
#[derive(Debug)]
struct Stats {
    hits: u32,
    misses: u32,
    log: Vec<String>,
}

fn record(s: &GcRc<Stats>, hit: bool) -> u32 {
    if s.borrow().hits > 100 {
        return 0;
    }
    if hit {
        s.borrow_mut().hits += 1;
        return s.borrow().hits;
    }
    s.borrow_mut().misses += 1;
    s.borrow().misses
}

fn first_big(s: &GcRc<Stats>, limit: usize) -> Option<usize> {
    // `for i in 0..s.borrow().log.len()` would keep the borrow for the whole loop (and panic below).
    let n = s.borrow().log.len();
    for i in 0..n {
        let len = s.borrow().log[i].len();
        if len > limit {
            s.borrow_mut().log.push(format!("found at {i}"));
            return Some(i);
        }
    }
    None
}

fn main() {
    let s = GcRc::new(Stats { hits: 0, misses: 0, log: Vec::new() });
    for i in 0..10 {
        let n = record(&s, i % 3 != 0);
        s.borrow_mut().log.push(format!("{i}:{n}"));
    }
    println!("{:?}", s.borrow());
    {
        let view = s.borrow();
        let again = s.borrow();
        println!("two readers: {} {}", view.hits, again.misses);
    }
    {
        let mut w = s.borrow_mut();
        w.hits *= 2;
        w.log.clear();
    }
    println!("after writer: {}", s.borrow().hits);
    while s.borrow().misses < 10 {
        s.borrow_mut().misses += 3;
    }
    let mut rounds = 0;
    loop {
        rounds += 1;
        if s.borrow().hits > 40 {
            break;
        }
        if rounds % 2 == 0 {
            s.borrow_mut().hits += 1;
            continue;
        }
        s.borrow_mut().hits += 5;
    }
    println!("rounds {rounds} hits {} misses {}", s.borrow().hits, s.borrow().misses);
    for w in ["a", "bbbb", "cc", "dddddd"] {
        s.borrow_mut().log.push(w.to_string());
    }
    println!("first big: {:?} {:?}", first_big(&s, 3), first_big(&s, 10));
    let total = s.borrow().log.iter().map(|l| l.len()).sum::<usize>();
    println!("log {:?} total {}", s.borrow().log, total);
    let c = GcRc::new(5i32);
    c.set(c.get() * 2);
    *c.borrow_mut() += 1;
    let r = c.borrow();
    println!("cell {} while borrowed: get {}", *r, c.get());
    println!("{:?}", c);
}
