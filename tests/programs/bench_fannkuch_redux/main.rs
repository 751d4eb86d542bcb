// The benchmarks game's fannkuch-redux for n = 7: permutations, prefix reversals, checksum.

fn fannkuch(n: usize) -> (i32, i32) {
    let mut perm = vec![0usize; n];
    let mut perm1: Vec<usize> = Vec::new();
    for i in 0..n {
        perm1.push(i);
    }
    let mut count = vec![0usize; n];
    let mut max_flips = 0;
    let mut checksum = 0;
    let mut permutation_index = 0;
    let mut r = n;
    loop {
        while r != 1 {
            count[r - 1] = r;
            r -= 1;
        }
        perm.copy_from_slice(&perm1);
        let mut flips = 0;
        let mut k = perm[0];
        while k != 0 {
            perm[..=k].reverse();
            flips += 1;
            k = perm[0];
        }
        max_flips = max_flips.max(flips);
        checksum += if permutation_index % 2 == 0 { flips } else { -flips };
        loop {
            if r == n {
                return (checksum, max_flips);
            }
            let first = perm1[0];
            for i in 0..r {
                perm1[i] = perm1[i + 1];
            }
            perm1[r] = first;
            count[r] -= 1;
            if count[r] > 0 {
                break;
            }
            r += 1;
        }
        permutation_index += 1;
    }
}

fn main() {
    for n in [3, 5, 7] {
        let (checksum, max_flips) = fannkuch(n);
        println!("{checksum}\nPfannkuchen({n}) = {max_flips}");
    }
}
