// profile: release
// i32::MIN / -1 overflows; unlike + - *, this panics in release too ("attempt to divide with overflow").

fn ratio(a: i32, b: i32) -> i32 {
    a / b
}

fn remainder(a: i32, b: i32) -> i32 {
    a % b
}

fn main() {
    let pairs = [(100, 7), (-100, 7), (i32::MIN, 2), (i32::MIN + 1, -1), (i32::MIN, -1), (1, 1)];
    for (a, b) in pairs {
        println!("{a} / {b} = {}", ratio(a, b));
        println!("{a} % {b} = {}", remainder(a, b));
    }
    println!("done");
    println!("wrapping_div would give {}", i32::MIN.wrapping_div(-1));
}
