// Indexing a Vec past its end panics: "index out of bounds: the len is 4 but the index is 4".

fn moving_average(values: &Vec<f64>, window: usize) -> Vec<f64> {
    let mut out = Vec::new();
    let mut start = 0;
    while start + window <= values.len() + 1 {
        let mut sum = 0.0;
        for i in start..start + window {
            sum += values[i];
        }
        out.push(sum / window as f64);
        println!("window at {start}: {:.3}", sum / window as f64);
        start += 1;
    }
    out
}

fn main() {
    let values = vec![1.0, 2.5, 4.0, 3.5];
    let averages = moving_average(&values, 2);
    println!("{averages:?}");
}
