// dependencies: wasm
//! Memoization in a shared `GcArray<u64>` table (0 = not computed yet).

use wasm::GcArray;

fn fib(n: usize, memo: &GcArray<u64>) -> u64 {
    if n < 2 {
        return n as u64;
    }
    let known = memo.get(n);
    if known != 0 {
        return known;
    }
    let v = fib(n - 1, memo) + fib(n - 2, memo);
    memo.set(n, v);
    v
}

fn collatz_len(n: u64, cache: &GcArray<u32>) -> u32 {
    if n == 1 {
        return 1;
    }
    if (n as usize) < cache.len() && cache.get(n as usize) != 0 {
        return cache.get(n as usize);
    }
    let next = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
    let len = 1 + collatz_len(next, cache);
    if (n as usize) < cache.len() {
        cache.set(n as usize, len);
    }
    len
}

fn main() {
    let memo = GcArray::new(91, 0u64);
    for n in [10, 20, 50, 90] {
        println!("fib({n}) = {}", fib(n, &memo));
    }
    let filled = memo.iter().filter(|v| *v != 0).count();
    println!("{filled} entries memoized");
    let cache = GcArray::new(10000, 0u32);
    let mut best = (1, 1);
    for n in 1..10000u64 {
        let l = collatz_len(n, &cache);
        if l > best.1 {
            best = (n, l);
        }
    }
    println!("longest collatz below 10000: {} with {} steps", best.0, best.1);
    println!("cache[27] = {}", cache.get(27));
}
