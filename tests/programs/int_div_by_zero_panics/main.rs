// Averages of groups; an empty group divides by zero, which panics in every profile.

fn average(values: &[i64]) -> i64 {
    let mut total = 0;
    for v in values {
        total += v;
    }
    total / values.len() as i64
}

fn main() {
    let groups: Vec<Vec<i64>> = vec![vec![3, 4, 5], vec![10, -20], vec![], vec![1]];
    for (index, group) in groups.iter().enumerate() {
        println!("group {index}: average {}", average(group));
    }
}
