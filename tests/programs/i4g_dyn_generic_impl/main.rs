// Issue 4: a generic impl of a trait used through dyn: each instance (Wrapper<i32>, Wrapper<&str>) is its own entry.
trait Show {
    fn show(&self) -> String;
    fn twice(&self) -> String {
        format!("{0}{0}", self.show())
    }
}

struct Wrapper<T>(T);

impl<T: std::fmt::Debug> Show for Wrapper<T> {
    fn show(&self) -> String {
        format!("{:?}", self.0)
    }
}

struct Pair<A, B>(A, B);

impl<A: std::fmt::Display, B: std::fmt::Display> Show for Pair<A, B> {
    fn show(&self) -> String {
        format!("({}, {})", self.0, self.1)
    }
}

fn main() {
    let items: Vec<Box<dyn Show>> = vec![Box::new(Wrapper(1)), Box::new(Wrapper("a")), Box::new(Pair(2.5, 'x')), Box::new(Wrapper(vec![1u8, 2]))];
    for i in &items {
        println!("{} / {}", i.show(), i.twice());
    }
}
