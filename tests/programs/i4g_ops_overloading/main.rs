// Issue 4: operator overloading through std::ops (Add/Sub/Mul with two Rhs types, AddAssign, Index,
// IndexMut) and a hand-written PartialEq.
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Sub};

#[derive(Debug, Clone, Copy)]
struct V2 {
    x: i32,
    y: i32,
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}
impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 {
        V2 { x: self.x - o.x, y: self.y - o.y }
    }
}
impl Mul<i32> for V2 {
    type Output = V2;
    fn mul(self, k: i32) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}
impl Mul for V2 {
    type Output = i32;
    fn mul(self, o: V2) -> i32 {
        self.x * o.x + self.y * o.y
    }
}
impl AddAssign for V2 {
    fn add_assign(&mut self, o: V2) {
        self.x += o.x;
        self.y += o.y;
    }
}
impl PartialEq for V2 {
    fn eq(&self, o: &V2) -> bool {
        // Equal up to sign: a deliberately non-structural equality.
        self.x.abs() == o.x.abs() && self.y.abs() == o.y.abs()
    }
}

struct Grid {
    w: usize,
    cells: Vec<char>,
}
impl Index<(usize, usize)> for Grid {
    type Output = char;
    fn index(&self, (r, c): (usize, usize)) -> &char {
        &self.cells[r * self.w + c]
    }
}
impl IndexMut<(usize, usize)> for Grid {
    fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut char {
        &mut self.cells[r * self.w + c]
    }
}

fn main() {
    let a = V2 { x: 1, y: 2 };
    let b = V2 { x: 10, y: -20 };
    println!("{:?} {:?} {:?}", a + b, b - a, a * 3);
    println!("dot {}", a * b);
    let mut acc = V2 { x: 0, y: 0 };
    for i in 1..=4 {
        acc += V2 { x: i, y: -i };
    }
    println!("{:?}", acc);
    println!("{} {} {}", a == V2 { x: -1, y: 2 }, a != b, acc == V2 { x: 10, y: 10 });
    let mut g = Grid { w: 3, cells: "abcdefghi".chars().collect() };
    println!("{} {} {}", g[(0, 0)], g[(1, 2)], g[(2, 1)]);
    g[(1, 1)] = '#';
    g[(0, 2)] = g[(2, 0)];
    println!("{}", g.cells.iter().collect::<String>());
    unary::demo();
}

mod unary {
    use std::ops::{Neg, Not};
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Money(pub i64);
    impl Neg for Money {
        type Output = Money;
        fn neg(self) -> Money {
            Money(-self.0)
        }
    }
    #[derive(Debug, Clone, Copy)]
    pub struct Flags(pub u8);
    impl Not for Flags {
        type Output = Flags;
        fn not(self) -> Flags {
            Flags(!self.0)
        }
    }
    pub fn demo() {
        let m = Money(250);
        println!("{:?} {:?} {}", -m, -(-m), -m == Money(-250));
        println!("{:?}", !Flags(0b1010_0000));
    }
}
