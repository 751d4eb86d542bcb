// `{:.N}` rounds exactly (on the binary value): halfway cases, carries, big precisions, f32 values.

fn main() {
    let halves = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005, 0.045];
    for h in halves {
        println!("{h}: {h:.0} {h:.1} {h:.2}");
    }
    println!("{:.3} {:.3} {:.3}", 9.9995, 99.9999, 0.0005);
    println!("{:.20}", 0.1);
    println!("{:.30}", 1e-10);
    println!("{:.0} {:.0}", 1e21, 123456789012345678901234.0);
    println!("{:.5} {:.5}", f64::NAN, -f64::INFINITY);
    println!("{:.2} {:.2}", -0.0, -0.001);
    println!("{:.10}", 1.0 / 7.0);
    println!("{:.3}", f64::MAX);
    println!("{:.4}", 5e-324);
    let f: f32 = 0.1;
    println!("f32 {f:.10} {f:.1} {:.3}", 2.0f32 / 3.0);
    let prices = [19.999, 4.5, 0.005, 1234.5678];
    let mut total = 0.0;
    for p in prices {
        total += p;
        println!("item {p:>10.2} running {total:>10.2}");
    }
    println!("total {total:.4}");
    for digits in 0..6 {
        println!("pi to {digits}: {:.*}", digits, std::f64::consts::PI);
    }
}
