// stdout is line-buffered: text printed without a newline must still appear when the program panics.

fn checked_ratio(a: u32, b: u32) -> u32 {
    if b == 0 {
        panic!("ratio {a}/{b} is undefined");
    }
    a / b
}

fn main() {
    let pairs = [(10, 2), (9, 3), (7, 0), (1, 1)];
    print!("ratios:");
    for (a, b) in pairs {
        print!(" {}", checked_ratio(a, b));
    }
    println!();
}
