fn largest_mut(values: &mut [i32]) -> &mut i32 {
    let mut best = 0;
    for i in 1..values.len() {
        if values[i] > values[best] {
            best = i;
        }
    }
    &mut values[best]
}

fn main() {
    let mut arr = [3, 9, 4];
    let slot = Some(largest_mut(&mut arr));
    if let Some(x) = slot {
        *x = 0;
    }
    println!("{arr:?}");
}
