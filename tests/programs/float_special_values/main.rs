// NaN, infinities and signed zero: comparisons, arithmetic and printing.

fn classify(x: f64) -> &'static str {
    if x.is_nan() {
        "nan"
    } else if x.is_infinite() {
        if x > 0.0 { "+inf" } else { "-inf" }
    } else if x == 0.0 {
        if x.is_sign_negative() { "-zero" } else { "+zero" }
    } else if x.abs() < f64::MIN_POSITIVE {
        "subnormal"
    } else {
        "normal"
    }
}

fn main() {
    let nan = f64::NAN;
    let inf = f64::INFINITY;
    println!("nan == nan {} nan != nan {} nan < 1 {} nan > 1 {}", nan == nan, nan != nan, nan < 1.0, nan > 1.0);
    println!("0.0 == -0.0 {} ; 1/0.0 {} ; 1/-0.0 {}", 0.0 == -0.0, 1.0 / 0.0, 1.0 / -0.0);
    println!("inf - inf {} ; inf * 0 {} ; inf + 1 {} ; -inf < MIN {}", inf - inf, inf * 0.0, inf + 1.0, -inf < f64::MIN);
    println!("0/0 {} ; sqrt(-4) {}", 0.0f64 / 0.0, (-4.0f64).sqrt());
    for x in [1.0, -0.0, 0.0, 1e-310, inf, -inf, nan, f64::MAX * 10.0] {
        println!("{x:>10} {x:>10?} {}", classify(x));
    }
    println!("0 <= -0 {} ; nan <= nan {} ; 2 >= 1 {}", 0.0f64 <= -0.0, nan <= nan, 2.0f64 >= 1.0);
    println!("max(nan, 1) {} min(1, nan) {}", nan.max(1.0), 1.0f64.min(nan));
    println!("copysign {} {}", 3.0f64.copysign(-0.0), (-2.0f64).copysign(1.0));
    println!("signs {} {} {}", (-0.0f64).is_sign_negative(), 0.0f64.is_sign_positive(), (-1.0f64).is_sign_negative());
    println!("to_bits {:#018x} {:#018x} {:#010x}", 1.0f64.to_bits(), (-0.0f64).to_bits(), 1.0f32.to_bits());
    println!("from_bits {} {}", f64::from_bits(0x4009_21fb_5444_2d18), f32::from_bits(0x3f80_0001));
}
