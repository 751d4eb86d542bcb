fn main() {
    let mut v = vec![1, 2, 3];
    if let Some(x) = v.iter_mut().max() {
        *x += 1;
    }
    println!("{v:?}");
}
