// std::process::exit with a non-zero code after some output on both streams; later code must not run.

fn validate(values: &[i32]) -> Result<i32, String> {
    let mut sum = 0;
    for &v in values {
        if v < 0 {
            return Err(format!("negative value {v}"));
        }
        sum += v;
    }
    Ok(sum)
}

fn main() {
    let batches = [vec![1, 2, 3], vec![10, 20], vec![5, -1, 7], vec![100]];
    for (i, batch) in batches.iter().enumerate() {
        match validate(batch) {
            Ok(sum) => println!("batch {i}: sum {sum}"),
            Err(message) => {
                eprintln!("error in batch {i}: {message}");
                std::process::exit(3);
            }
        }
    }
    println!("unreachable: all batches valid");
}
