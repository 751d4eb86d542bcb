// f32 arithmetic keeps single precision: accumulation error, conversions to f64, Display vs Debug.

fn mean(values: &[f32]) -> f32 {
    let mut sum = 0.0f32;
    for v in values {
        sum += v;
    }
    sum / values.len() as f32
}

fn main() {
    let mut acc = 0.0f32;
    for _ in 0..10 {
        acc += 0.1;
    }
    println!("f32 sum of ten 0.1: {acc} ({acc:?}), as f64 {}", acc as f64);
    let mut acc64 = 0.0f64;
    for _ in 0..10 {
        acc64 += 0.1;
    }
    println!("f64 sum of ten 0.1: {acc64}");
    println!("mean {}", mean(&[1.5, 2.25, 3.125, 4.0]));
    let a: f32 = 16777216.0;
    println!("{} {}", a + 1.0, a + 2.0);
    println!("{} {} {}", 1.0f32 / 3.0, 2.0f32.sqrt(), (0.1f32 * 3.0) as f64);
    println!("{} {}", f32::MAX * 2.0, -f32::MAX * 2.0);
    println!("{} {}", f32::MIN_POSITIVE, f32::EPSILON);
    println!("{} {} {}", 1e10f32, 1e-10f32, 123456789.0f32);
    println!("{:.3} {:e} {:?}", 2.0f32 / 3.0, 1234.5f32, 1e16f32);
    let v = 3.75f32;
    println!("floor {} ceil {} round {} trunc {} abs {}", v.floor(), v.ceil(), v.round(), v.trunc(), (-v).abs());
    println!("powi {} min {} max {}", v.powi(3), v.min(1.0), v.max(10.0));
    println!("f32 == check: {} {}", 0.1f32 + 0.2f32 == 0.3f32, 0.1f64 + 0.2 == 0.3);
}
