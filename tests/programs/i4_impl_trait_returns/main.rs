// Issue 4: `impl Trait` in argument and return position: iterators and closures returned from functions.

fn evens(limit: u32) -> impl Iterator<Item = u32> {
    (0..limit).filter(|n| n % 2 == 0)
}

fn squares_of(values: impl IntoIterator<Item = u32>) -> impl Iterator<Item = u32> {
    values.into_iter().map(|v| v * v)
}

fn multiplier(k: i64) -> impl Fn(i64) -> i64 {
    move |x| x * k
}

fn describe_all(items: &[impl std::fmt::Debug]) -> String {
    items.iter().map(|i| format!("{i:?}")).collect::<Vec<_>>().join(", ")
}

fn running_total() -> impl FnMut(i32) -> i32 {
    let mut total = 0;
    move |x| {
        total += x;
        total
    }
}

fn main() {
    println!("{:?}", evens(10).collect::<Vec<_>>());
    println!("{:?}", squares_of(evens(7)).collect::<Vec<_>>());
    println!("{:?}", squares_of(vec![3, 4]).sum::<u32>());
    let triple = multiplier(3);
    let negate = multiplier(-1);
    println!("{} {}", triple(14), negate(triple(2)));
    println!("{}", describe_all(&["a", "b"]));
    println!("{}", describe_all(&[Some(1.5), None]));
    let mut total = running_total();
    for x in [5, 10, -3] {
        print!("{} ", total(x));
    }
    println!();
}
