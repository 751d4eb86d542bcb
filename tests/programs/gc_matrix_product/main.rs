// dependencies: wasm
//! Row-major matrices over `GcArray<f64>`: identity, product, transpose, dot products.

use wasm::GcArray;

#[wasm::gc]
struct Matrix {
    rows: usize,
    cols: usize,
    data: GcArray<f64>,
}

impl Matrix {
    fn new(rows: usize, cols: usize) -> Matrix {
        Matrix { rows, cols, data: GcArray::new(rows * cols, 0.0) }
    }
    fn identity(n: usize) -> Matrix {
        let m = Matrix::new(n, n);
        for i in 0..n {
            m.set(i, i, 1.0);
        }
        m
    }
    fn get(&self, r: usize, c: usize) -> f64 {
        self.data.get(r * self.cols + c)
    }
    fn set(&self, r: usize, c: usize, v: f64) {
        self.data.set(r * self.cols + c, v);
    }
    fn mul(&self, other: &Matrix) -> Matrix {
        let out = Matrix::new(self.rows, other.cols);
        for i in 0..self.rows {
            for j in 0..other.cols {
                let mut s = 0.0;
                for k in 0..self.cols {
                    s += self.get(i, k) * other.get(k, j);
                }
                out.set(i, j, s);
            }
        }
        out
    }
    fn transpose(&self) -> Matrix {
        let out = Matrix::new(self.cols, self.rows);
        for i in 0..self.rows {
            for j in 0..self.cols {
                out.set(j, i, self.get(i, j));
            }
        }
        out
    }
    fn print(&self, name: &str) {
        println!("{name} ({}x{}):", self.rows, self.cols);
        for i in 0..self.rows {
            let mut line = String::new();
            for j in 0..self.cols {
                line.push_str(&format!("{:8.2}", self.get(i, j)));
            }
            println!("{line}");
        }
    }
}

fn dot(a: &GcArray<f64>, b: &GcArray<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..a.len() {
        s += a.get(i) * b.get(i);
    }
    s
}

fn main() {
    let a = Matrix::new(2, 3);
    for i in 0..6 {
        a.data.set(i, (i as f64) * 1.5 - 2.0);
    }
    let b = a.transpose();
    a.print("a");
    b.print("b = a^T");
    a.mul(&b).print("a * b");
    b.mul(&a).print("b * a");
    let id = Matrix::identity(3);
    let same = a.mul(&id);
    println!("a * I == a: {}", same.data.to_vec() == a.data.to_vec());
    let v = GcArray::from(vec![1.0, 2.0, 3.0]);
    let w = GcArray::new(3, 0.5);
    println!("dot {} {}", dot(&v, &w), dot(&v, &v));
}
