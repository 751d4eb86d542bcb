//! Numeric code on `GcArray<f64>`: vectors and row-major matrices.

use wasm::GcArray;

pub fn dot(a: &GcArray<f64>, b: &GcArray<f64>) -> f64 {
    assert_eq!(
        a.len(),
        b.len(),
        "dot product of vectors of different lengths"
    );
    let mut sum = 0.0;
    for i in 0..a.len() {
        sum += a.get(i) * b.get(i);
    }
    sum
}

/// `a` (n×m) times `b` (m×p), both row-major.
pub fn mat_mul(a: &GcArray<f64>, b: &GcArray<f64>, n: usize, m: usize, p: usize) -> GcArray<f64> {
    let out = GcArray::new(n * p, 0.0);
    for i in 0..n {
        for j in 0..p {
            let mut sum = 0.0;
            for k in 0..m {
                sum += a.get(i * m + k) * b.get(k * p + j);
            }
            out.set(i * p + j, sum);
        }
    }
    out
}

/// Running sums, in place.
pub fn prefix_sums(a: &GcArray<i64>) {
    for i in 1..a.len() {
        a.set(i, a.get(i) + a.get(i - 1));
    }
}

/// Insertion sort, in place.
pub fn sort(a: &GcArray<i32>) {
    for i in 1..a.len() {
        let x = a.get(i);
        let mut j = i;
        while j > 0 && a.get(j - 1) > x {
            a.set(j, a.get(j - 1));
            j -= 1;
        }
        a.set(j, x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_product() {
        let a = GcArray::from(vec![1.0, 2.0, 3.0]);
        let b = GcArray::from(vec![4.0, -5.0, 6.0]);
        assert_eq!(dot(&a, &b), 12.0);
    }

    #[test]
    fn matrix_product() {
        let a = GcArray::from(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]); // 2×3
        let b = GcArray::from(vec![7.0, 8.0, 9.0, 10.0, 11.0, 12.0]); // 3×2
        let c = mat_mul(&a, &b, 2, 3, 2);
        assert_eq!(c.to_vec(), vec![58.0, 64.0, 139.0, 154.0]);
    }

    #[test]
    fn sums_and_sorts_in_place() {
        let a = GcArray::new(5, 2i64);
        prefix_sums(&a);
        assert_eq!(a.to_vec(), vec![2, 4, 6, 8, 10]);
        let v = GcArray::from(vec![5, -1, 3, 3, 0]);
        let alias = v.clone();
        sort(&v);
        assert_eq!(alias.to_vec(), vec![-1, 0, 3, 3, 5]);
    }

    #[test]
    fn fill_and_copy() {
        let a = GcArray::new(3, 0u8);
        a.fill(9);
        assert_eq!(a.get(2), 9);
        a.copy_from_slice(&[1, 2, 3]);
        assert_eq!(a.to_vec(), vec![1, 2, 3]);
        assert_eq!(a.try_get(3), None);
    }

    #[test]
    #[should_panic(expected = "index out of bounds: the len is 3 but the index is 3")]
    fn reading_past_the_end_panics() {
        let a = GcArray::new(3, 0.5);
        let _ = a.get(3);
    }

    #[test]
    #[ignore = "slow in an interpreter: 200×200 matrix product"]
    fn large_matrix_product() {
        let n = 200;
        let identity = GcArray::new(n * n, 0.0);
        for i in 0..n {
            identity.set(i * n + i, 1.0);
        }
        let m: GcArray<f64> = (0..n * n).map(|x| x as f64).collect();
        assert_eq!(mat_mul(&m, &identity, n, n, n).to_vec(), m.to_vec());
    }
}
