// Issue 4: a generic Matrix<T> over a numeric trait with operator overloading and Display.
use std::fmt;
use std::ops::{Add, Mul};

trait Numeric: Copy + Default + Add<Output = Self> + Mul<Output = Self> + fmt::Display {}
impl Numeric for i64 {}
impl Numeric for f64 {}

#[derive(Clone, PartialEq, Debug)]
struct Matrix<T> {
    rows: usize,
    cols: usize,
    data: Vec<T>,
}

impl<T: Numeric> Matrix<T> {
    fn from_fn(rows: usize, cols: usize, f: impl Fn(usize, usize) -> T) -> Self {
        let mut data = Vec::with_capacity(rows * cols);
        for r in 0..rows {
            for c in 0..cols {
                data.push(f(r, c));
            }
        }
        Matrix { rows, cols, data }
    }

    fn at(&self, r: usize, c: usize) -> T {
        self.data[r * self.cols + c]
    }
}

impl<T: Numeric> Mul for &Matrix<T> {
    type Output = Matrix<T>;
    fn mul(self, other: &Matrix<T>) -> Matrix<T> {
        Matrix::from_fn(self.rows, other.cols, |r, c| {
            (0..self.cols).fold(T::default(), |acc, k| acc + self.at(r, k) * other.at(k, c))
        })
    }
}

impl<T: Numeric> Add for &Matrix<T> {
    type Output = Matrix<T>;
    fn add(self, other: &Matrix<T>) -> Matrix<T> {
        Matrix::from_fn(self.rows, self.cols, |r, c| self.at(r, c) + other.at(r, c))
    }
}

impl<T: Numeric> fmt::Display for Matrix<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for r in 0..self.rows {
            let row: Vec<String> = (0..self.cols).map(|c| format!("{:>6}", self.at(r, c))).collect();
            writeln!(f, "[{}]", row.join(""))?;
        }
        Ok(())
    }
}

fn main() {
    let a = Matrix::from_fn(2, 3, |r, c| (r * 3 + c) as i64);
    let b = Matrix::from_fn(3, 2, |r, c| if r == c { 1 } else { 2 } as i64);
    print!("{a}{b}{}", &a * &b);
    let f = Matrix::from_fn(2, 2, |r, c| 0.5 * (r + c) as f64);
    print!("{}", &(&f * &f) + &f);
    println!("{}", &a * &b == Matrix { rows: 2, cols: 2, data: vec![6, 5, 21, 20] });
}
