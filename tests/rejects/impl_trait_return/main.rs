fn counter() -> impl Fn(i32) -> i32 {
    |x| x + 1
}

fn main() {
    println!("{}", counter()(1));
}
