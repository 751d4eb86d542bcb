// Issue 4 (iterators): stored iterator values — `let mut it = ….peekable()` with peek / next / next_if /
// next_if_eq, `while let Some(x) = it.next()`, iterators held in struct fields and passed by `&mut`.
use std::iter::Peekable;
use std::slice::Iter;
use std::str::Chars;

struct Lexer<'a> {
    chars: Peekable<Chars<'a>>,
    line: u32,
}

#[derive(Debug, PartialEq)]
enum Tok {
    Num(u64),
    Ident(String),
    Op(char),
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Self {
        Lexer { chars: src.chars().peekable(), line: 1 }
    }

    fn next_tok(&mut self) -> Option<Tok> {
        while let Some(c) = self.chars.next_if(|c| c.is_whitespace()) {
            if c == '\n' {
                self.line += 1;
            }
        }
        let c = *self.chars.peek()?;
        if c.is_ascii_digit() {
            let mut n = 0u64;
            while let Some(d) = self.chars.next_if(|c| c.is_ascii_digit()) {
                n = n * 10 + d.to_digit(10).unwrap() as u64;
            }
            return Some(Tok::Num(n));
        }
        if c.is_alphabetic() || c == '_' {
            let mut s = String::new();
            while let Some(&c) = self.chars.peek() {
                if c.is_alphanumeric() || c == '_' {
                    s.push(c);
                    self.chars.next();
                } else {
                    break;
                }
            }
            return Some(Tok::Ident(s));
        }
        self.chars.next();
        Some(Tok::Op(c))
    }
}

/// Sums a run of equal numbers from a shared stored iterator.
fn run_length(it: &mut Peekable<Iter<'_, i32>>) -> Option<(i32, usize)> {
    let first = *it.next()?;
    let mut n = 1;
    while it.next_if_eq(&&first).is_some() {
        n += 1;
    }
    Some((first, n))
}

fn main() {
    let mut lx = Lexer::new("let x1 = 42 +\n  foo_bar*7;\n\n z");
    while let Some(t) = lx.next_tok() {
        print!("{t:?} ");
    }
    println!("\nlines {}", lx.line);

    let data = vec![1, 1, 2, 3, 3, 3, 1];
    let mut it = data.iter().peekable();
    let mut runs = Vec::new();
    while let Some(r) = run_length(&mut it) {
        runs.push(r);
    }
    println!("{runs:?} exhausted {:?}", it.peek());
    println!("next {:?}", it.next());

    // peek does not consume; next after peek returns the same item.
    let mut p = (10..15).peekable();
    println!("{:?}", p.peek());
    println!("{:?}", p.peek().copied());
    println!("{:?} {:?}", p.next(), p.next());
    let rest: Vec<i32> = p.collect();
    println!("rest {rest:?}");

    // A stored chain of pure adapters consumed piecewise.
    let words = ["alpha", "beta", "gamma", "delta", "epsilon"];
    let mut lens = words.iter().map(|w| w.len()).enumerate().peekable();
    if let Some(&(i, n)) = lens.peek() {
        println!("first peeked ({i}, {n})");
    }
    let firsts: Vec<(usize, usize)> = lens.by_ref().take(2).collect();
    println!("took {firsts:?}, then {:?}", lens.next());
    let left: usize = lens.map(|(_, n)| n).sum();
    println!("left sum {left}");

    let mut c = "aaab".chars().peekable();
    let mut count = 0;
    while c.next_if_eq(&'a').is_some() {
        count += 1;
    }
    println!("{count} a's then {:?} then {:?}", c.next(), c.next());
}
