fn main() {
    let mut v = vec![1, 2, 3];
    let last = v.last_mut();
    if let Some(x) = last {
        *x = 10;
    }
    println!("{v:?}");
}
