// Negating i32::MIN overflows: "attempt to negate with overflow" in dev.

fn negate_all(values: &mut [i32]) {
    for v in values.iter_mut() {
        *v = -*v;
        println!("negated to {v}");
    }
}

fn absolute_sum(values: &[i32]) -> i64 {
    let mut sum = 0i64;
    for &v in values {
        sum += (v as i64).abs();
    }
    sum
}

fn main() {
    let mut values = vec![5, -7, 0, i32::MAX, i32::MIN, 9];
    println!("absolute sum before: {}", absolute_sum(&values));
    negate_all(&mut values);
    println!("{values:?}");
}
