// Sieve of Eratosthenes, prime counting, twin primes and factorization.

fn sieve(limit: usize) -> Vec<bool> {
    let mut is_prime = vec![true; limit + 1];
    is_prime[0] = false;
    if limit >= 1 {
        is_prime[1] = false;
    }
    let mut p = 2;
    while p * p <= limit {
        if is_prime[p] {
            let mut multiple = p * p;
            while multiple <= limit {
                is_prime[multiple] = false;
                multiple += p;
            }
        }
        p += 1;
    }
    is_prime
}

fn factorize(mut n: u64) -> Vec<(u64, u32)> {
    let mut factors = Vec::new();
    let mut d = 2;
    while d * d <= n {
        let mut exponent = 0;
        while n % d == 0 {
            n /= d;
            exponent += 1;
        }
        if exponent > 0 {
            factors.push((d, exponent));
        }
        d += if d == 2 { 1 } else { 2 };
    }
    if n > 1 {
        factors.push((n, 1));
    }
    factors
}

fn main() {
    let limit = 100_000;
    let is_prime = sieve(limit);
    let mut count = 0;
    let mut twins = 0;
    let mut last = 0;
    for n in 0..=limit {
        if is_prime[n] {
            count += 1;
            if n >= 2 && n - last == 2 {
                twins += 1;
            }
            last = n;
        }
    }
    println!("{count} primes below {limit}, {twins} twin pairs, largest {last}");
    let mut first = Vec::new();
    for n in 0..60 {
        if is_prime[n] {
            first.push(n);
        }
    }
    println!("{first:?}");
    for n in [360u64, 97, 1_000_000_007, 600_851_475_143, 2u64.pow(40) - 1] {
        let mut parts = Vec::new();
        for (p, e) in factorize(n) {
            parts.push(if e == 1 { p.to_string() } else { format!("{p}^{e}") });
        }
        println!("{n} = {}", parts.join(" * "));
    }
}
