struct Pair<T> {
    a: T,
    b: T,
}

fn main() {
    let p = Pair { a: 1, b: 2 };
    println!("{}", p.a + p.b);
}
