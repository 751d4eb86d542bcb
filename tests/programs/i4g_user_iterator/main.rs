// Issue 4: user `impl Iterator` driven by `for` (by value and through `&mut`), `while let` and `next()`.
struct Countdown(u32);

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 {
            None
        } else {
            self.0 -= 1;
            Some(self.0)
        }
    }
}

struct Fib {
    a: u64,
    b: u64,
    limit: u64,
}

impl Iterator for Fib {
    type Item = (usize, u64);
    fn next(&mut self) -> Option<(usize, u64)> {
        if self.a > self.limit {
            return None;
        }
        let out = self.a;
        let next = self.a + self.b;
        self.a = self.b;
        self.b = next;
        Some((out as usize % 7, out))
    }
}

fn main() {
    for x in Countdown(3) {
        print!("{x} ");
    }
    println!();
    let mut fib = Fib { a: 0, b: 1, limit: 100 };
    for (m, v) in &mut fib {
        if v > 20 {
            println!("stop at {v} (mod7 {m})");
            break;
        }
        print!("{v}/{m} ");
    }
    println!("rest: {:?} {:?}", fib.next(), fib.next());
    let mut c = Countdown(2);
    while let Some(x) = c.next() {
        println!("while-let {x}");
    }
    println!("{:?}", c.next());
    'outer: for i in Countdown(4) {
        for j in Countdown(i) {
            if j == 1 {
                continue 'outer;
            }
            println!("{i},{j}");
        }
    }
}
