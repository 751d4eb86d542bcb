// Bucketing numbers with `%`; a zero bucket count triggers the remainder-by-zero panic.

fn bucket(value: u32, buckets: u32) -> u32 {
    value % buckets
}

fn distribution(buckets: u32) -> Vec<u32> {
    let mut counts = vec![0; buckets as usize];
    for value in 0..20 {
        counts[bucket(value, buckets) as usize] += 1;
    }
    counts
}

fn main() {
    let counts = [4u32, 3, 0, 2];
    for buckets in counts {
        let mut line = String::new();
        for value in 10..15 {
            line.push_str(&format!("{} ", bucket(value, buckets)));
        }
        println!("buckets {buckets}: {}", line.trim_end());
        println!("distribution {:?}", distribution(buckets));
    }
}
