//! fannkuch-redux (Computer Language Benchmarks Game), single-threaded: small-array
//! permutation and reversal, integer-only. Argument: n (default 7).

fn fannkuch(n: usize) -> (i32, i32) {
    let mut perm1: Vec<usize> = Vec::new();
    let mut perm: Vec<usize> = Vec::new();
    let mut count: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        perm1.push(i);
        perm.push(0);
        count.push(0);
        i += 1;
    }
    let mut max_flips = 0;
    let mut checksum = 0;
    let mut perm_count = 0;
    let mut r = n;
    loop {
        while r != 1 {
            count[r - 1] = r;
            r -= 1;
        }
        let mut i = 0;
        while i < n {
            perm[i] = perm1[i];
            i += 1;
        }
        let mut flips = 0;
        let mut k = perm[0];
        while k != 0 {
            let mut lo = 0;
            let mut hi = k;
            while lo < hi {
                let t = perm[lo];
                perm[lo] = perm[hi];
                perm[hi] = t;
                lo += 1;
                hi -= 1;
            }
            flips += 1;
            k = perm[0];
        }
        if flips > max_flips {
            max_flips = flips;
        }
        if perm_count % 2 == 0 {
            checksum += flips;
        } else {
            checksum -= flips;
        }
        // Next permutation in the counting order.
        loop {
            if r == n {
                return (checksum, max_flips);
            }
            let perm0 = perm1[0];
            let mut i = 0;
            while i < r {
                perm1[i] = perm1[i + 1];
                i += 1;
            }
            perm1[r] = perm0;
            count[r] -= 1;
            if count[r] > 0 {
                break;
            }
            r += 1;
        }
        perm_count += 1;
    }
}

fn size_arg(default: usize) -> usize {
    match std::env::args().nth(1) {
        Some(text) => text.parse().unwrap_or(default),
        None => default,
    }
}

fn main() {
    let n = size_arg(7);
    let (checksum, max_flips) = fannkuch(n);
    println!("{}", checksum);
    println!("Pfannkuchen({}) = {}", n, max_flips);
}
