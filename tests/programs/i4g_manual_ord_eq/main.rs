// Issue 4: hand-written Ord/PartialOrd/PartialEq impls decide sort, max, <, contains and Vec ==.
use std::cmp::Ordering;
#[derive(Debug, Clone, PartialEq, Eq)]
struct Task {
    pri: u32,
    name: String,
}
impl Ord for Task {
    fn cmp(&self, other: &Self) -> Ordering {
        other.pri.cmp(&self.pri).then_with(|| self.name.cmp(&other.name))
    }
}
impl PartialOrd for Task {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
#[derive(Debug)]
struct Approx(f64);
impl PartialEq for Approx {
    fn eq(&self, o: &Approx) -> bool {
        (self.0 - o.0).abs() < 0.01
    }
}
fn main() {
    let mut v = vec![
        Task { pri: 1, name: "b".into() },
        Task { pri: 3, name: "z".into() },
        Task { pri: 1, name: "a".into() },
    ];
    v.sort();
    println!("{:?}", v);
    println!("{}", v[0] < v[1]);
    println!("{:?}", v.iter().max());
    let xs = vec![Approx(1.0), Approx(2.0)];
    println!("{} {}", xs.contains(&Approx(2.001)), xs == vec![Approx(1.001), Approx(1.999)]);
}
