// Issue 4: user traits with default methods, associated consts, supertraits, impls on std types and
// generic functions with trait bounds (static dispatch).
use std::fmt::Display;

trait Describe {
    const KIND: &'static str;
    fn name(&self) -> String;
    fn describe(&self) -> String {
        format!("{} `{}`", Self::KIND, self.name())
    }
}

trait Measure: Describe {
    fn size(&self) -> f64;
    fn report(&self) -> String {
        format!("{} has size {:.2}", self.describe(), self.size())
    }
}

struct Circle {
    r: f64,
}
struct Word(String);

impl Describe for Circle {
    const KIND: &'static str = "circle";
    fn name(&self) -> String {
        format!("r={}", self.r)
    }
}
impl Measure for Circle {
    fn size(&self) -> f64 {
        3.14159 * self.r * self.r
    }
}
impl Describe for Word {
    const KIND: &'static str = "word";
    fn name(&self) -> String {
        self.0.clone()
    }
    fn describe(&self) -> String {
        format!("the word {}", self.0)
    }
}
impl Measure for Word {
    fn size(&self) -> f64 {
        self.0.len() as f64
    }
}

trait Double {
    fn double(&self) -> Self;
}
impl Double for i32 {
    fn double(&self) -> i32 {
        self * 2
    }
}
impl Double for String {
    fn double(&self) -> String {
        format!("{self}{self}")
    }
}

fn biggest<M: Measure>(items: &[M]) -> String {
    let mut best = 0;
    for i in 1..items.len() {
        if items[i].size() > items[best].size() {
            best = i;
        }
    }
    items[best].report()
}

fn twice<T: Double>(x: T) -> T {
    x.double().double()
}

fn show_all<T: Display>(label: &str, xs: &[T]) -> String {
    let mut s = String::from(label);
    for x in xs {
        s.push_str(&format!(" <{x}>"));
    }
    s
}

fn main() {
    let c = Circle { r: 1.5 };
    let w = Word("hello".to_string());
    println!("{}", c.describe());
    println!("{}", w.describe());
    println!("{}", c.report());
    println!("{}", w.report());
    println!("{}", biggest(&[Circle { r: 1.0 }, Circle { r: 3.0 }, Circle { r: 2.0 }]));
    println!("{}", biggest(&[Word("ab".into()), Word("abcd".into())]));
    println!("{} {}", twice(5), twice("ab".to_string()));
    println!("{}", show_all("ints:", &[1, 2, 3]));
    println!("{}", show_all("strs:", &["x", "y"]));
    println!("{} {}", Circle::KIND, <Word as Describe>::KIND);
}
