// Issue 4: generic functions and structs, trait bounds, where clauses, default methods, associated types/consts.

use std::fmt::Display;

trait Shape {
    const SIDES: u32;
    fn area(&self) -> f64;
    fn name(&self) -> String {
        format!("{}-sided shape", Self::SIDES)
    }
}

struct Square(f64);
struct Triangle(f64, f64);

impl Shape for Square {
    const SIDES: u32 = 4;
    fn area(&self) -> f64 {
        self.0 * self.0
    }
    fn name(&self) -> String {
        "square".to_string()
    }
}

impl Shape for Triangle {
    const SIDES: u32 = 3;
    fn area(&self) -> f64 {
        0.5 * self.0 * self.1
    }
}

fn total_area<S: Shape>(shapes: &[S]) -> f64 {
    let mut total = 0.0;
    for s in shapes {
        total += s.area();
    }
    total
}

fn largest<T: PartialOrd + Copy>(items: &[T]) -> Option<T> {
    let mut best = *items.first()?;
    for &item in items {
        if item > best {
            best = item;
        }
    }
    Some(best)
}

#[derive(Debug)]
struct Stack<T> {
    items: Vec<T>,
}

impl<T: Clone + Display> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new() }
    }
    fn push(&mut self, item: T) -> &mut Self {
        self.items.push(item);
        self
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    fn render(&self) -> String
    where
        T: Display,
    {
        let mut parts = Vec::new();
        for item in &self.items {
            parts.push(item.to_string());
        }
        parts.join(" | ")
    }
}

trait Counter {
    type Item;
    fn next_item(&mut self) -> Option<Self::Item>;
}

struct Countdown(u32);

impl Counter for Countdown {
    type Item = u32;
    fn next_item(&mut self) -> Option<u32> {
        if self.0 == 0 {
            None
        } else {
            self.0 -= 1;
            Some(self.0 + 1)
        }
    }
}

fn describe(value: impl Display, times: usize) -> String {
    format!("{value}").repeat(times)
}

fn main() {
    println!("{} {}", total_area(&[Square(2.0), Square(3.0)]), total_area(&[Triangle(3.0, 4.0)]));
    println!("{} / {}", Square(1.0).name(), Triangle(1.0, 1.0).name());
    println!("{:?} {:?} {:?}", largest(&[3, 9, 2]), largest(&[1.5, -2.0]), largest::<char>(&[]));
    let mut stack = Stack::new();
    stack.push("a".to_string()).push("b".to_string()).push("c".to_string());
    println!("{} peek {:?}", stack.render(), stack.peek());
    let mut numbers: Stack<i64> = Stack::new();
    numbers.push(10).push(-20);
    println!("{numbers:?} {}", numbers.render());
    let mut countdown = Countdown(3);
    while let Some(n) = countdown.next_item() {
        print!("{n} ");
    }
    println!("liftoff");
    println!("{} {}", describe(7, 3), describe("ab", 2));
    println!("{} {}", Square::SIDES, <Triangle as Shape>::SIDES);
}
