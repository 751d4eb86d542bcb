fn make_adder(n: i32) -> Box<dyn Fn(i32) -> i32> {
    Box::new(move |x| x + n)
}

fn main() {
    let add2 = make_adder(2);
    println!("{}", add2(40));
}
