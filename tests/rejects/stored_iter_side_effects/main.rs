fn main() {
    let v = vec![1, 2, 3];
    let mut it = v.iter().map(|x| { println!("{x}"); x * 2 }).peekable();
    println!("{:?}", it.next());
}
