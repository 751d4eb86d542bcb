// Issue 4: std::ops traits (Add, Sub, Mul, Neg, AddAssign, Index, IndexMut) and From/Into.
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct V3 {
    x: f64,
    y: f64,
    z: f64,
}

impl Add for V3 {
    type Output = V3;
    fn add(self, o: V3) -> V3 {
        V3 { x: self.x + o.x, y: self.y + o.y, z: self.z + o.z }
    }
}
impl Sub for V3 {
    type Output = V3;
    fn sub(self, o: V3) -> V3 {
        V3 { x: self.x - o.x, y: self.y - o.y, z: self.z - o.z }
    }
}
impl Mul<f64> for V3 {
    type Output = V3;
    fn mul(self, k: f64) -> V3 {
        V3 { x: self.x * k, y: self.y * k, z: self.z * k }
    }
}
impl Neg for V3 {
    type Output = V3;
    fn neg(self) -> V3 {
        self * -1.0
    }
}
impl AddAssign for V3 {
    fn add_assign(&mut self, o: V3) {
        *self = *self + o;
    }
}
impl From<[f64; 3]> for V3 {
    fn from(a: [f64; 3]) -> V3 {
        V3 { x: a[0], y: a[1], z: a[2] }
    }
}

struct Polyline {
    points: Vec<V3>,
}

impl Index<usize> for Polyline {
    type Output = V3;
    fn index(&self, i: usize) -> &V3 {
        &self.points[i]
    }
}
impl IndexMut<usize> for Polyline {
    fn index_mut(&mut self, i: usize) -> &mut V3 {
        &mut self.points[i]
    }
}

fn main() {
    let a = V3::from([1.0, 2.0, 3.0]);
    let b: V3 = [0.5, -1.0, 4.0].into();
    println!("{:?}", a + b);
    println!("{:?}", a - b);
    println!("{:?}", a * 2.0);
    println!("{:?}", -b);
    let mut c = V3::default();
    for _ in 0..3 {
        c += a;
    }
    println!("{c:?} equal {}", c == a * 3.0);
    let mut line = Polyline { points: vec![a, b, c] };
    line[1] = line[0] + line[2];
    line[2].z = 0.0;
    println!("{:?} {:?}", line[1], line[2]);
    let s: String = String::from("from") + &String::from('c');
    let n: i64 = i64::from(7u32) + 3i32 as i64;
    let f: f64 = 3u8.into();
    println!("{s} {n} {f}");
}
