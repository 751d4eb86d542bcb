// Insertion sort, merge sort, quicksort and counting sort on the same pseudo-random data; all must agree.

fn insertion_sort(v: &mut Vec<i32>) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn merge_sort(v: &[i32]) -> Vec<i32> {
    if v.len() <= 1 {
        return v.to_vec();
    }
    let mid = v.len() / 2;
    let left = merge_sort(&v[..mid]);
    let right = merge_sort(&v[mid..]);
    let mut out = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if left[i] <= right[j] {
            out.push(left[i]);
            i += 1;
        } else {
            out.push(right[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    out
}

/// Sorts `v[lo..hi]` (Lomuto partition around the middle element, moved to the end first).
fn quicksort(v: &mut [i32], lo: usize, hi: usize) {
    if hi - lo <= 1 {
        return;
    }
    let last = hi - 1;
    v.swap(lo + (hi - lo) / 2, last);
    let pivot = v[last];
    let mut store = lo;
    for i in lo..last {
        if v[i] < pivot {
            v.swap(i, store);
            store += 1;
        }
    }
    v.swap(store, last);
    quicksort(v, lo, store);
    quicksort(v, store + 1, hi);
}

fn counting_sort(v: &[i32], min: i32, max: i32) -> Vec<i32> {
    let mut counts = vec![0usize; (max - min + 1) as usize];
    for &x in v {
        counts[(x - min) as usize] += 1;
    }
    let mut out = Vec::new();
    for (offset, &c) in counts.iter().enumerate() {
        for _ in 0..c {
            out.push(offset as i32 + min);
        }
    }
    out
}

fn main() {
    let mut seed: u32 = 2024;
    let mut data = Vec::new();
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        data.push((seed % 1000) as i32 - 500);
    }
    println!("first ten {:?}", &data[..10]);
    let mut a = data.clone();
    insertion_sort(&mut a);
    let b = merge_sort(&data);
    let mut c = data.clone();
    let len = c.len();
    quicksort(&mut c, 0, len);
    let d = counting_sort(&data, -500, 499);
    let mut e = data.clone();
    e.sort();
    println!("agree: {} {} {} {}", a == b, b == c, c == d, d == e);
    println!("smallest {:?} largest {:?} median {}", &a[..5], &a[295..], a[150]);
    let mut words = vec!["delta", "alpha", "echo", "bravo", "charlie"];
    words.sort();
    println!("{words:?}");
}
