struct Counter {
    hits: u32,
}

fn bump(n: &mut u32) {
    *n += 1;
}

fn main() {
    let mut c = Counter { hits: 0 };
    bump(&mut c.hits);
    println!("{}", c.hits);
}
