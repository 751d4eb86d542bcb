//! spectral-norm (Computer Language Benchmarks Game), single-threaded: float division in
//! tight nested loops over Vec<f64>. Argument: n (default 100).

fn eval_a(i: usize, j: usize) -> f64 {
    let ij = i + j;
    1.0 / ((ij * (ij + 1) / 2 + i + 1) as f64)
}

fn mul_av(v: &Vec<f64>, out: &mut Vec<f64>) {
    let n = v.len();
    let mut i = 0;
    while i < n {
        let mut sum = 0.0;
        let mut j = 0;
        while j < n {
            sum += eval_a(i, j) * v[j];
            j += 1;
        }
        out[i] = sum;
        i += 1;
    }
}

fn mul_atv(v: &Vec<f64>, out: &mut Vec<f64>) {
    let n = v.len();
    let mut i = 0;
    while i < n {
        let mut sum = 0.0;
        let mut j = 0;
        while j < n {
            sum += eval_a(j, i) * v[j];
            j += 1;
        }
        out[i] = sum;
        i += 1;
    }
}

fn mul_atav(v: &Vec<f64>, out: &mut Vec<f64>, tmp: &mut Vec<f64>) {
    mul_av(v, tmp);
    mul_atv(tmp, out);
}

fn size_arg(default: usize) -> usize {
    match std::env::args().nth(1) {
        Some(text) => text.parse().unwrap_or(default),
        None => default,
    }
}

fn main() {
    let n = size_arg(100);
    let mut u = vec![1.0; n];
    let mut v = vec![0.0; n];
    let mut tmp = vec![0.0; n];
    let mut i = 0;
    while i < 10 {
        mul_atav(&u, &mut v, &mut tmp);
        mul_atav(&v, &mut u, &mut tmp);
        i += 1;
    }
    let mut vbv = 0.0;
    let mut vv = 0.0;
    let mut i = 0;
    while i < n {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
        i += 1;
    }
    println!("{:.9}", (vbv / vv).sqrt());
}
