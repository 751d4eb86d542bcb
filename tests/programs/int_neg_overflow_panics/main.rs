// Negating i32::MIN overflows: "attempt to negate with overflow" in dev.

fn negate_all(values: &mut [i32]) {
    for v in values.iter_mut() {
        *v = -*v;
        println!("negated to {v}");
    }
}

fn main() {
    let mut values = vec![5, -7, 0, i32::MAX, i32::MIN, 9];
    negate_all(&mut values);
    println!("{values:?}");
}
