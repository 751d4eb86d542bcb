use std::cmp::Ordering;

#[derive(PartialEq)]
struct Score(f64);

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        other.0.partial_cmp(&self.0)
    }
}

fn main() {
    let a = Score(1.0);
    let b = Score(2.0);
    println!("{}", a < b);
}
