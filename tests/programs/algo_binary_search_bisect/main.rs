// Hand-written binary search (lower/upper bound), integer square root by bisection, root finding on f64.

fn lower_bound(v: &[i32], target: i32) -> usize {
    let (mut lo, mut hi) = (0, v.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if v[mid] < target { lo = mid + 1 } else { hi = mid }
    }
    lo
}

fn upper_bound(v: &[i32], target: i32) -> usize {
    let (mut lo, mut hi) = (0, v.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if v[mid] <= target { lo = mid + 1 } else { hi = mid }
    }
    lo
}

fn isqrt(n: u64) -> u64 {
    let (mut lo, mut hi) = (0u64, n.min(4_294_967_295) + 1);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if mid * mid <= n { lo = mid } else { hi = mid }
    }
    lo
}

/// The functions whose roots are searched (an enum rather than fn pointers, which are beyond issue 3).
#[derive(Clone, Copy)]
enum Equation {
    Cubic,
    CosFixedPoint,
}

impl Equation {
    fn eval(self, x: f64) -> f64 {
        match self {
            Equation::Cubic => x * x * x - x - 2.0,
            Equation::CosFixedPoint => x.cos() - x,
        }
    }
}

fn bisect(f: Equation, mut a: f64, mut b: f64) -> (f64, u32) {
    let mut iterations = 0;
    while b - a > 1e-12 {
        let mid = (a + b) / 2.0;
        if f.eval(a).signum() == f.eval(mid).signum() { a = mid } else { b = mid }
        iterations += 1;
    }
    ((a + b) / 2.0, iterations)
}

fn main() {
    let v = [1, 3, 3, 3, 7, 9, 9, 12];
    for t in [0, 3, 4, 9, 12, 13] {
        let (lo, hi) = (lower_bound(&v, t), upper_bound(&v, t));
        println!("{t:>2}: lower {lo} upper {hi} count {} std {:?}", hi - lo, v.binary_search(&t).is_ok());
    }
    for n in [0, 1, 15, 16, 17, 1_000_000, 999_999_999_999, u64::MAX] {
        println!("isqrt({n}) = {}", isqrt(n));
    }
    let (root, iterations) = bisect(Equation::Cubic, 1.0, 2.0);
    println!("root of x^3-x-2: {root:.10} after {iterations} iterations");
    let (root, _) = bisect(Equation::CosFixedPoint, 0.0, 1.0);
    println!("fixed point of cos: {root:.10}");
}
