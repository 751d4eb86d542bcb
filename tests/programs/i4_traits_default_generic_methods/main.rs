// Issue 4: traits with default methods, generic methods, supertraits and blanket-free static dispatch.
use std::fmt::Display;

trait Animal {
    fn name(&self) -> String;
    fn sound(&self) -> &'static str;
    fn speak(&self) -> String {
        format!("{} says {}", self.name(), self.sound())
    }
    fn speak_times(&self, n: usize) -> String {
        vec![self.sound(); n].join("-")
    }
}

trait Pet: Animal {
    fn owner(&self) -> &str;
    fn tag(&self) -> String {
        format!("{} (owner: {})", self.name(), self.owner())
    }
}

struct Dog {
    name: String,
    owner: String,
}
struct Cow;

impl Animal for Dog {
    fn name(&self) -> String {
        self.name.clone()
    }
    fn sound(&self) -> &'static str {
        "woof"
    }
}
impl Pet for Dog {
    fn owner(&self) -> &str {
        &self.owner
    }
}
impl Animal for Cow {
    fn name(&self) -> String {
        "cow".into()
    }
    fn sound(&self) -> &'static str {
        "moo"
    }
    fn speak(&self) -> String {
        "the cow moos loudly".into()
    }
}

struct Logger {
    lines: Vec<String>,
}

impl Logger {
    fn log<T: Display>(&mut self, label: &str, value: T) {
        self.lines.push(format!("{label}={value}"));
    }
    fn log_all<I, T>(&mut self, label: &str, values: I)
    where
        I: IntoIterator<Item = T>,
        T: Display,
    {
        for (i, v) in values.into_iter().enumerate() {
            self.log(&format!("{label}[{i}]"), v);
        }
    }
}

fn loudest<A: Animal, B: Animal>(a: &A, b: &B) -> String {
    if a.sound().len() >= b.sound().len() { a.speak() } else { b.speak() }
}

fn main() {
    let dog = Dog { name: "rex".into(), owner: "sam".into() };
    println!("{} / {} / {}", dog.speak(), dog.speak_times(3), dog.tag());
    println!("{} / {}", Cow.speak(), Cow.speak_times(2));
    println!("{}", loudest(&dog, &Cow));
    let mut logger = Logger { lines: Vec::new() };
    logger.log("pi", 3.14);
    logger.log("name", "wasm");
    logger.log_all("xs", [1, 2, 3]);
    logger.log_all("cs", "ab".chars());
    println!("{}", logger.lines.join("; "));
}
