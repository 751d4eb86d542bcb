fn main() {
    let x = 3;
    let y = dbg!(x * 2);
    println!("{y}");
}
