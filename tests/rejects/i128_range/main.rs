fn main() {
    let mut total: i128 = 0;
    for i in 0..10i128 {
        total += i;
    }
    println!("{total}");
}
