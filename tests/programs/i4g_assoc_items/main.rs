// Issue 4: associated consts through type parameters (T::ZERO), associated types in default methods and
// bounds (Self::Item, Container<Item = u8>, Iterator<Item = i64>), blanket-style impls on Vec<T>, Fn-bound keys.
use std::collections::HashMap;
use std::fmt::Display;
trait Zero {
    const ZERO: Self;
    fn is_zero(&self) -> bool;
}
impl Zero for i32 {
    const ZERO: i32 = 0;
    fn is_zero(&self) -> bool {
        *self == 0
    }
}
impl Zero for f64 {
    const ZERO: f64 = 0.0;
    fn is_zero(&self) -> bool {
        *self == 0.0
    }
}
fn count_zeros<T: Zero>(xs: &[T]) -> usize {
    xs.iter().filter(|x| x.is_zero()).count()
}
fn first_or_zero<T: Zero + Copy>(xs: &[T]) -> T {
    if xs.is_empty() { T::ZERO } else { xs[0] }
}
trait Describe {
    fn describe(&self) -> String;
}
impl<T: Display> Describe for Vec<T> {
    fn describe(&self) -> String {
        let parts: Vec<String> = self.iter().map(|x| format!("<{x}>")).collect();
        parts.join("")
    }
}
trait Container {
    type Item;
    fn items(&self) -> Vec<Self::Item>;
    fn first(&self) -> Option<Self::Item> {
        self.items().into_iter().next()
    }
}
struct Bag(Vec<u8>);
impl Container for Bag {
    type Item = u8;
    fn items(&self) -> Vec<u8> {
        self.0.clone()
    }
}
fn total<C: Container<Item = u8>>(c: &C) -> u32 {
    c.items().iter().map(|&x| x as u32).sum()
}
fn sum_all<I: Iterator<Item = i64>>(it: I) -> i64 {
    let mut s = 0;
    for x in it {
        s += x;
    }
    s
}
fn largest_by<T, K: PartialOrd, F: Fn(&T) -> K>(xs: &[T], key: F) -> Option<&T> {
    let mut best: Option<&T> = None;
    for x in xs {
        match best {
            None => best = Some(x),
            Some(b) => {
                if key(x) > key(b) {
                    best = Some(x);
                }
            }
        }
    }
    best
}
fn group<K: std::hash::Hash + Eq + Clone + Ord, V: Clone>(pairs: &[(K, V)]) -> Vec<(K, Vec<V>)> {
    let mut m: HashMap<K, Vec<V>> = HashMap::new();
    for (k, v) in pairs {
        m.entry(k.clone()).or_insert_with(Vec::new).push(v.clone());
    }
    let mut out: Vec<(K, Vec<V>)> = m.into_iter().collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
fn main() {
    println!("{} {}", count_zeros(&[0, 1, 0, 3]), count_zeros(&[0.0, 2.5]));
    println!("{} {}", first_or_zero::<i32>(&[]), first_or_zero(&[4.5]));
    println!("{}", vec![1, 2, 3].describe());
    println!("{}", vec!["a", "b"].describe());
    let b = Bag(vec![3, 4, 5]);
    println!("{:?} {}", b.first(), total(&b));
    println!("{}", sum_all(vec![1i64, 2, 3].into_iter()));
    println!("{}", sum_all((1..=4).map(|x: i64| x * x)));
    let words = ["apple", "fig", "banana"];
    println!("{:?}", largest_by(&words, |w| w.len()));
    println!("{:?}", group(&[("b", 1), ("a", 2), ("b", 3)]));
}
