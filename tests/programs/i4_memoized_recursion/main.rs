// Issue 4: memoization with HashMap inside a struct and via a closure-driven helper; u64 results.
use std::collections::HashMap;

struct Memo {
    cache: HashMap<(usize, usize), u64>,
    calls: u32,
}

impl Memo {
    /// Number of lattice paths through a grid of w x h cells.
    fn paths(&mut self, w: usize, h: usize) -> u64 {
        self.calls += 1;
        if w == 0 || h == 0 {
            return 1;
        }
        if let Some(&v) = self.cache.get(&(w, h)) {
            return v;
        }
        let v = self.paths(w - 1, h) + self.paths(w, h - 1);
        self.cache.insert((w, h), v);
        v
    }
}

fn collatz_len(n: u64, cache: &mut HashMap<u64, u32>) -> u32 {
    if n == 1 {
        return 1;
    }
    if let Some(&len) = cache.get(&n) {
        return len;
    }
    let next = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
    let len = 1 + collatz_len(next, cache);
    cache.insert(n, len);
    len
}

fn main() {
    let mut memo = Memo { cache: HashMap::new(), calls: 0 };
    for size in [2, 5, 10, 20] {
        println!("paths {size}x{size} = {}", memo.paths(size, size));
    }
    println!("calls {} cached {}", memo.calls, memo.cache.len());
    let mut cache = HashMap::new();
    let (best, len) = (1..10_000u64).map(|n| (n, collatz_len(n, &mut cache))).max_by_key(|&(n, len)| (len, std::cmp::Reverse(n))).unwrap();
    println!("longest collatz below 10000: {best} with {len} terms");
    let mut ways: HashMap<u32, u64> = HashMap::new();
    ways.insert(0, 1);
    for total in 1..=50u32 {
        let mut count = 0;
        for coin in [1, 2, 5] {
            if total >= coin {
                count += ways[&(total - coin)];
            }
        }
        ways.insert(total, count);
    }
    println!("ordered ways to pay 50 with 1,2,5: {}", ways[&50]);
}
