// Issue 4: a stack VM (Result + ?, ok_or/ok_or_else, assoc consts), a Display table with width$ args,
// slice patterns with @ and guards, let-else, mem::swap/replace, Option::take, Box<dyn Fn> via `as`,
// integer helpers, chunks/product, split by closure.
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Default)]
struct Config { name: String, width: usize, verbose: bool, ratio: f32 }

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op { Push(i64), Add, Mul, Dup, Swap, Jz(usize), Jmp(usize), Halt }

struct Vm { stack: Vec<i64>, pc: usize, steps: usize }

impl Vm {
    const MAX_STEPS: usize = 1000;
    fn run(&mut self, prog: &[Op]) -> Result<i64, String> {
        loop {
            if self.steps >= Self::MAX_STEPS { return Err(format!("step limit at pc={}", self.pc)); }
            self.steps += 1;
            let op = *prog.get(self.pc).ok_or_else(|| format!("pc out of range: {}", self.pc))?;
            self.pc += 1;
            match op {
                Op::Push(v) => self.stack.push(v),
                Op::Add | Op::Mul => {
                    let (b, a) = (self.pop()?, self.pop()?);
                    self.stack.push(if op == Op::Add { a + b } else { a * b });
                }
                Op::Dup => { let t = *self.stack.last().ok_or("empty")?; self.stack.push(t); }
                Op::Swap => { let n = self.stack.len(); if n < 2 { return Err("swap".into()); } self.stack.swap(n - 1, n - 2); }
                Op::Jz(t) => { if self.pop()? == 0 { self.pc = t; } }
                Op::Jmp(t) => self.pc = t,
                Op::Halt => return self.pop(),
            }
        }
    }
    fn pop(&mut self) -> Result<i64, String> { self.stack.pop().ok_or_else(|| String::from("stack underflow")) }
}

struct Table<'a> { rows: Vec<(&'a str, u32, f64)> }
impl fmt::Display for Table<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let w = self.rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        for (name, n, x) in &self.rows {
            writeln!(f, "{:<w$} | {:>4} | {:>8.3}", name, n, x, w = w)?;
        }
        write!(f, "{}", "-".repeat(w + 18))
    }
}

fn classify(xs: &[i32]) -> &'static str {
    match xs {
        [] => "empty",
        [x] if *x < 0 => "one negative",
        [_] => "one",
        [first, .., last] if first == last => "bookends",
        [_, rest @ ..] => if rest.len() > 2 { "long" } else { "short" },
    }
}

fn main() {
    let base = Config { name: "base".into(), width: 8, ..Default::default() };
    let c2 = Config { verbose: true, ratio: 0.5, ..base.clone() };
    println!("{:?}\n{:?}", base, c2);
    println!("{} {} {} {}", c2.name, c2.width, c2.verbose, c2.ratio);
    // countdown: 5*4*3*2*1 via a loop
    let prog = vec![Op::Push(1), Op::Push(5), Op::Dup, Op::Jz(13), Op::Dup, Op::Push(-1), Op::Add, Op::Swap, Op::Halt];
    let mut vm = Vm { stack: vec![], pc: 0, steps: 0 };
    println!("{:?} after {} steps, stack {:?}", vm.run(&prog), vm.steps, vm.stack);
    let mut vm2 = Vm { stack: vec![], pc: 0, steps: 0 };
    println!("{:?}", vm2.run(&[Op::Add]));
    let mut vm4 = Vm { stack: vec![], pc: 0, steps: 0 };
    println!("{:?}", vm4.run(&[Op::Push(6), Op::Push(7), Op::Mul, Op::Halt]));
    let mut vm3 = Vm { stack: vec![], pc: 0, steps: 0 };
    println!("{:?}", vm3.run(&[Op::Jmp(0)]));
    let t = Table { rows: vec![("alpha", 3, 1.0 / 3.0), ("be", 1234, -2.5), ("gamma-ray", 7, 1e3)] };
    println!("{t}");
    for xs in [&[][..], &[-1], &[4], &[1, 2, 1], &[1, 2, 3], &[1, 2, 3, 4, 5]] { print!("{} ", classify(xs)); }
    println!();
    let Some(first_word) = "  hello world ".split_whitespace().next() else { panic!("no words") };
    let mut a = String::from("left");
    let mut b = String::from("right");
    std::mem::swap(&mut a, &mut b);
    let mut slot = Some(3);
    let taken = slot.take();
    let old = std::mem::replace(&mut a, "new".to_string());
    println!("{first_word} {a} {b} {old} {:?} {:?}", slot, taken);
    let fs: Vec<Box<dyn Fn(i32) -> i32>> = (1..=3).map(|k| Box::new(move |x| x * k + 1) as Box<dyn Fn(i32) -> i32>).collect();
    println!("{:?}", fs.iter().map(|f| f(10)).collect::<Vec<_>>());
    let x: u8 = 200;
    println!("{:?} {:?} {} {} {}", x.checked_add(100), x.checked_sub(1), x.wrapping_mul(3), x.saturating_add(99), (x as i8));
    println!("{} {} {:e} {}", 2u64.pow(40), i64::MAX.count_ones(), 1234.5f64, (-7i32).rem_euclid(3));
    let grid = vec![vec!['#', '.', '#'], vec!['.', '#', '.']];
    for row in &grid { println!("{}", row.iter().collect::<String>()); }
    let counts = grid.iter().flatten().fold(HashMap::new(), |mut m: HashMap<char, i32>, c| { *m.entry(*c).or_default() += 1; m });
    let mut cv: Vec<_> = counts.iter().collect();
    cv.sort();
    println!("{:?}", cv);
    for (i, w) in ["x", "y", "z"].iter().rev().enumerate() { print!("{i}{w} "); }
    println!();
    let v: Vec<u32> = (1..=10).collect();
    println!("{:?}", v.chunks(3).map(|c| c.iter().product::<u32>()).collect::<Vec<_>>());
    let text = "one,two;three four";
    let parts: Vec<&str> = text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).collect();
    println!("{:?} {}", parts, parts.iter().map(|p| p.len()).max().unwrap());
}
