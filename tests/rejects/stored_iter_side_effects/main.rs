fn main() {
    let v = vec![1, 2, 3];
    let it = v.iter().map(|x| { println!("{x}"); x * 2 }).peekable();
    let mut moved = it;
    println!("{:?}", moved.next());
}
