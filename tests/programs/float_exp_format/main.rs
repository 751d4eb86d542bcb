// Scientific notation `{:e}` / `{:E}` for floats and integers, with precision, width and sign.

struct Measurement {
    quantity: &'static str,
    value: f64,
}

fn main() {
    let values = [0.0, 1.0, -1.0, 1234.5, 0.00012, 1e21, 1e-7, 6.02214076e23, 5e-324, f64::MAX, 0.1 + 0.2];
    for v in values {
        println!("{v}: {v:e} {v:E} {v:.2e} {v:.0e}");
    }
    println!("{:e} {:e} {:e}", f64::NAN, f64::INFINITY, -0.0f64);
    println!("f32: {:e} {:e} {:.3e}", 0.1f32, 16777216.0f32, 1.0f32 / 3.0);
    println!("ints: {:e} {:e} {:E} {:e}", 1234i32, 100u64, -5000i64, 0u8);
    println!("int precision: {:.2e} {:.0e}", 123456u32, 987i32);
    println!("halfway: {:.0e} {:.0e} {:.1e} {:.1e}", 2.5, 3.5, 1.25, 1.35);
    println!("padded: [{:>12.3e}] [{:<12e}] [{:+e}]", 1234.5, 0.5, 42.0);
    let table = [
        Measurement { quantity: "electron mass (kg)", value: 9.1093837015e-31 },
        Measurement { quantity: "speed of light (m/s)", value: 299_792_458.0 },
        Measurement { quantity: "planck (J s)", value: 6.62607015e-34 },
        Measurement { quantity: "earth mass (kg)", value: 5.9722e24 },
    ];
    for m in &table {
        println!("{:<22} {:>12.4e} {:>10.1E}", m.quantity, m.value, m.value);
    }
}
