// Dense f64 matrices: multiplication, transpose, identity, power by squaring, determinant by elimination.

#[derive(Debug, Clone, PartialEq)]
struct Matrix {
    n: usize,
    data: Vec<f64>,
}

impl Matrix {
    fn identity(n: usize) -> Matrix {
        let mut m = Matrix { n, data: vec![0.0; n * n] };
        for i in 0..n {
            m.data[i * n + i] = 1.0;
        }
        m
    }

    fn from(n: usize, values: &[f64]) -> Matrix {
        Matrix { n, data: values.to_vec() }
    }
    fn get(&self, r: usize, c: usize) -> f64 {
        self.data[r * self.n + c]
    }

    fn mul(&self, other: &Matrix) -> Matrix {
        let n = self.n;
        let mut out = Matrix { n, data: vec![0.0; n * n] };
        for r in 0..n {
            for c in 0..n {
                let mut sum = 0.0;
                for k in 0..n {
                    sum += self.get(r, k) * other.get(k, c);
                }
                out.data[r * n + c] = sum;
            }
        }
        out
    }

    fn transpose(&self) -> Matrix {
        let mut out = self.clone();
        for r in 0..self.n {
            for c in 0..self.n {
                out.data[c * self.n + r] = self.get(r, c);
            }
        }
        out
    }

    fn pow(&self, mut e: u32) -> Matrix {
        let mut base = self.clone();
        let mut acc = Matrix::identity(self.n);
        while e > 0 {
            if e & 1 == 1 {
                acc = acc.mul(&base);
            }
            base = base.mul(&base);
            e >>= 1;
        }
        acc
    }

    fn determinant(&self) -> f64 {
        let n = self.n;
        let mut a = self.data.clone();
        let mut det = 1.0;
        for col in 0..n {
            let mut pivot = col;
            for r in col + 1..n {
                if a[r * n + col].abs() > a[pivot * n + col].abs() {
                    pivot = r;
                }
            }
            if a[pivot * n + col] == 0.0 {
                return 0.0;
            }
            if pivot != col {
                for c in 0..n {
                    a.swap(col * n + c, pivot * n + c);
                }
                det = -det;
            }
            det *= a[col * n + col];
            for r in col + 1..n {
                let factor = a[r * n + col] / a[col * n + col];
                for c in col..n {
                    a[r * n + c] -= factor * a[col * n + c];
                }
            }
        }
        det
    }

    fn print(&self, label: &str) {
        println!("{label}:");
        for r in 0..self.n {
            let mut line = String::new();
            for c in 0..self.n {
                line.push_str(&format!("{:>10.3}", self.get(r, c)));
            }
            println!("{line}");
        }
    }
}

fn main() {
    let a = Matrix::from(3, &[1.0, 2.0, 3.0, 0.5, -1.0, 4.0, 2.0, 0.0, 1.0]);
    let b = Matrix::from(3, &[0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
    a.print("A");
    a.mul(&b).print("A*B");
    a.transpose().print("A^T");
    println!("A*I == A: {}", a.mul(&Matrix::identity(3)) == a);
    println!("det A = {} det B = {} det(A*B) = {}", a.determinant(), b.determinant(), a.mul(&b).determinant());
    let fib = Matrix::from(2, &[1.0, 1.0, 1.0, 0.0]);
    for e in [1, 10, 40, 78] {
        println!("fib^{e} top-right = {}", fib.pow(e).get(0, 1));
    }
    let rot = Matrix::from(2, &[0.6, -0.8, 0.8, 0.6]);
    rot.pow(5).print("rotation^5");
}
