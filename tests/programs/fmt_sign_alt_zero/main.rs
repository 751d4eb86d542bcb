// Sign `+`, alternate `#` and zero padding `0`, alone and combined with width and precision.

fn main() {
    for n in [0i32, 5, -5, 255, -255] {
        println!("[{n:+}] [{n:+6}] [{n:06}] [{n:+06}] [{n:<06}] [{n:^+8}]");
    }
    for f in [0.0f64, 1.5, -1.5, 3.14159, -0.0, 1e-7] {
        println!("[{f:+}] [{f:+.2}] [{f:08.3}] [{f:+010.2}] [{f:<08.1}]");
    }
    for n in [0u32, 1, 10, 255, 4096] {
        println!("[{n:#x}] [{n:#X}] [{n:#o}] [{n:#b}] [{n:#010x}] [{n:#06b}] [{n:08x}]");
    }
    for n in [-1i8, -128, 127] {
        println!("[{n:#x}] [{n:#b}] [{n:+#x}] [{n:#06x}]");
    }
    println!("[{:+}] [{:+}]", f64::INFINITY, f64::NAN);
    println!("[{:05}] [{:05}] [{:+05}]", f64::NEG_INFINITY, f64::NAN, 1e21);
    println!("[{:#?}] [{:#}]", 1.0f64, 42);
    println!("[{:+e}] [{:010.2e}] [{:#x}]", 12345.0, -0.00042, u64::MAX);
}
