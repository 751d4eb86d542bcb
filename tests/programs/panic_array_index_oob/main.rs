// Indexing a fixed array with a computed index out of range panics (bounds check at run time).

fn histogram(samples: &[u32]) -> [u32; 5] {
    let mut buckets = [0u32; 5];
    for &s in samples {
        let bucket = (s / 20) as usize;
        buckets[bucket] += 1;
        println!("sample {s} -> bucket {bucket}");
    }
    buckets
}

fn main() {
    let h = histogram(&[5, 27, 99, 41, 60]);
    println!("{h:?}");
    let h = histogram(&[10, 100, 3]);
    println!("{h:?}");
}
