fn main() {
    let big: i128 = 1 << 100;
    println!("{big}");
}
