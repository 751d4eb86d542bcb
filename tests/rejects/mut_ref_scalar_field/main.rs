struct Counter {
    hits: u32,
}

fn pick(n: &mut u32) -> &mut u32 {
    n
}

fn main() {
    let mut c = Counter { hits: 0 };
    *pick(&mut c.hits) += 1;
    println!("{}", c.hits);
}
