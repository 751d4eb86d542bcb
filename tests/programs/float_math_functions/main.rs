// f64 math: exactly rounded operations printed in full, transcendental ones at 10 digits.

fn main() {
    let xs: [f64; 7] = [0.0, 0.5, 1.0, 2.0, 10.0, 1e-3, 12345.678];
    for x in xs {
        println!("sqrt({x}) = {}", f64::sqrt(x));
    }
    println!("sqrt(-1) = {}", (-1.0f64).sqrt());
    for x in [2.5f64, -2.5, 3.7, -3.7, 0.49999999999999994, -0.0] {
        println!("{x}: floor {} ceil {} round {} trunc {} abs {} fract {}", x.floor(), x.ceil(), x.round(), x.trunc(), x.abs(), x.fract());
    }
    println!("powi: {} {} {} {}", 2.0f64.powi(10), 1.5f64.powi(-2), (-3.0f64).powi(3), 10.0f64.powi(0));
    println!("powf: {:.10} {:.10} {}", 2.0f64.powf(0.5), 10.0f64.powf(-1.5), 4.0f64.powf(0.5));
    for angle in [0.0f64, 0.5, 1.0, std::f64::consts::FRAC_PI_4, 3.0] {
        println!("angle {angle:.4}: sin {:.10} cos {:.10} tan {:.10}", angle.sin(), angle.cos(), angle.tan());
    }
    println!("atan2: {:.10} {:.10} {:.10}", 1.0f64.atan2(1.0), (-1.0f64).atan2(-1.0), 0.0f64.atan2(-1.0));
    println!("exp: {:.10} {:.10} {}", 1.0f64.exp(), (-2.0f64).exp(), 0.0f64.exp());
    println!("ln: {:.10} {} {}", 10.0f64.ln(), 1.0f64.ln(), 0.0f64.ln());
    println!("log10: {} {:.10} {}", 1000.0f64.log10(), 2.0f64.log10(), (-1.0f64).log10());
    println!("hypot: {} {:.10}", 3.0f64.hypot(4.0), 1.0f64.hypot(1.0));
    println!("min/max: {} {} {} {}", 1.0f64.min(2.0), 1.0f64.max(2.0), f64::NAN.min(3.0), 4.0f64.max(f64::NAN));
    println!("consts: {} {} {}", std::f64::consts::E, std::f64::consts::PI, std::f64::consts::SQRT_2);
    println!("nan/inf: {} {} {}", f64::NAN.is_nan(), f64::INFINITY.is_infinite(), (1.0f64 / 0.0).is_finite());
    println!("signum: {} {} {}", (-2.0f64).signum(), 0.0f64.signum(), f64::NAN.signum().is_nan());
    println!("mul_add-free: {}", 0.1 * 3.0);
    // Newton's method for a cube root, compared with the exact sqrt-based answer.
    let target = 2.0f64;
    let mut guess = 1.0;
    for step in 1..=6 {
        guess = guess - (guess * guess * guess - target) / (3.0 * guess * guess);
        println!("newton step {step}: {guess:.15}");
    }
    println!("distance: {}", ((3.0f64 - 0.0).powi(2) + (4.0f64 - 0.0).powi(2)).sqrt());
}
