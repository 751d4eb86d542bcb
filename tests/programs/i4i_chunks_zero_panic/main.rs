// Issue 4 (iterators): `chunks(0)` panics with std's message "chunk size must be non-zero" (exit 101).

fn main() {
    let data = [1, 2, 3, 4, 5, 6, 7];
    for (i, c) in data.chunks(3).enumerate() {
        println!("chunk {i}: {c:?} sum {}", c.iter().sum::<i32>());
    }
    let sizes: Vec<usize> = data.windows(4).map(|w| w.len()).collect();
    println!("{sizes:?}");
    let n = sizes.len() - 4;
    let count = data.chunks(n).count();
    println!("unreachable {count}");
}
