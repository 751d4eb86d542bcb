// Taking a sub-slice whose end is past the length: "range end index 7 out of range for slice of length 5".

fn chunk_sums(data: &[i32], size: usize) -> Vec<i32> {
    let mut sums = Vec::new();
    let mut start = 0;
    while start < data.len() {
        let chunk = &data[start..start + size];
        let mut sum = 0;
        for v in chunk {
            sum += v;
        }
        println!("chunk at {start}: {chunk:?} sum {sum}");
        sums.push(sum);
        start += size;
    }
    sums
}

fn main() {
    println!("{:?}", chunk_sums(&[1, 2, 3, 4, 5, 6], 2));
    println!("{:?}", chunk_sums(&[1, 2, 3, 4, 5], 3));
}
