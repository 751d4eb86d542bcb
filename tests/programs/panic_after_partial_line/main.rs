// stdout is line-buffered: text printed without a newline must still appear when the program panics.

fn checked_ratio(a: u32, b: u32) -> u32 {
    if b == 0 {
        panic!("ratio {a}/{b} is undefined");
    }
    a / b
}

fn print_ratios(pairs: &[(u32, u32)]) {
    print!("ratios:");
    for &(a, b) in pairs {
        print!(" {}", checked_ratio(a, b));
    }
    println!();
}

fn main() {
    print_ratios(&[(10, 2), (9, 3)]);
    print_ratios(&[(8, 4), (7, 0), (1, 1)]);
}
