// `{}` (Display) of f64 and f32 values that are hard to print: shortest round-trip digits, no exponent.

fn main() {
    let values: [f64; 24] = [
        0.1 + 0.2,
        0.3,
        1.0,
        -1.0,
        100.0,
        1e15,
        1e16,
        1e21,
        1e22,
        1.5e300,
        1e-7,
        1.23e-5,
        0.000001,
        123456789.123456789,
        9007199254740993.0,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        f64::EPSILON,
        -0.0,
        2.5,
        1.0 / 3.0,
        2.0f64.sqrt(),
        std::f64::consts::PI,
    ];
    for v in values {
        println!("{v}");
    }
    println!("{} {} {}", f64::NAN, f64::INFINITY, f64::NEG_INFINITY);
    println!("{} {}", -f64::NAN, 0.0 * -1.0);
    let singles: [f32; 10] = [0.1, 0.1 + 0.2, 1.0 / 3.0, 16777216.0, 16777217.0, 3.4028235e38, 1e-45, 1.17549435e-38, 7.0e-10, -2.5];
    for v in singles {
        println!("f32 {v}");
    }
    println!("{}", f32::NAN);
    let mut x = 1.0f64;
    for _ in 0..5 {
        x /= 10.0;
        print!("{x} ");
    }
    println!();
    let mut y = 1.0f64;
    for _ in 0..5 {
        y *= 1000.0;
        print!("{y} ");
    }
    println!();
}
