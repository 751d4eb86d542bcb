// `{:?}` (Debug) of floats: always a decimal point, exponent for very large or small magnitudes.

#[derive(Debug)]
struct Sample {
    label: &'static str,
    value: f64,
    weight: f32,
}

fn main() {
    let values = [1.0, 0.5, 100.0, 1e15, 1e16, 1e17, 1e-4, 1e-5, 1e21, 123456.0, -0.0, 0.1 + 0.2];
    for v in values {
        println!("{v:?}");
    }
    println!("{:?} {:?} {:?}", f64::NAN, f64::INFINITY, -f64::INFINITY);
    println!("{:?}", [1.5f32, 2.0, 0.1, 1e20, 1e-10]);
    println!("{:?}", vec![0.25f64, -3.0, 7e-8]);
    let sample = Sample { label: "probe", value: 2.0, weight: 0.75 };
    println!("{sample:?}");
    println!("{} weighs {}", sample.label, sample.value * sample.weight as f64);
    println!("{:?}", (1.0f64, 2.5f32));
    println!("{:?}", Some(3.0f64));
    println!("{:.2?} {:8.1?}|", 3.14159f64, 2.0f64);
}
