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

fn render(buckets: &[u32; 5]) {
    for (i, count) in buckets.iter().enumerate() {
        println!("{:>3}-{:<3} {}", i * 20, i * 20 + 19, "#".repeat(*count as usize));
    }
}

fn main() {
    render(&histogram(&[5, 27, 99, 41, 60]));
    render(&histogram(&[10, 100, 3]));
}
