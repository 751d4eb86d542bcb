// impl fmt::Display for user types: write! in fmt, padding via Formatter::pad, and using the value in format!.

use std::fmt;

struct Point {
    x: i32,
    y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

enum Suit {
    Hearts,
    Spades,
}

impl fmt::Display for Suit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad` honours width, fill and alignment, like str's Display.
        let name = match self {
            Suit::Hearts => "hearts",
            Suit::Spades => "spades",
        };
        f.pad(name)
    }
}

struct Money {
    cents: i64,
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.abs();
        write!(f, "{sign}${}.{:02}", abs / 100, abs % 100)
    }
}

struct Matrix {
    rows: Vec<Vec<i32>>,
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            for value in row {
                write!(f, "{value:4}")?;
            }
        }
        Ok(())
    }
}

fn main() {
    let p = Point { x: 3, y: -7 };
    println!("point {p}");
    println!("[{p:>20}] (write! ignores the width)");
    let text = format!("{p}{p}");
    println!("{text} len {}", text.len());
    println!("[{:>8}] [{:<8}] [{:^10}] [{:.3}]", Suit::Hearts, Suit::Spades, Suit::Hearts, Suit::Spades);
    for cents in [0, 5, 199, -1050, 123456789] {
        println!("{}", Money { cents });
    }
    let m = Matrix { rows: vec![vec![1, 2, 3], vec![40, 50, 60], vec![-7, 800, 9]] };
    println!("{m}");
    println!("{}", Point { x: 0, y: 0 }.to_string().len());
}
