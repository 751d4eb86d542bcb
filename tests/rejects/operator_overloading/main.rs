use std::ops::Add;

#[derive(Clone, Copy)]
struct V(i32, i32);

impl Add for V {
    type Output = V;
    fn add(self, o: V) -> V {
        V(self.0 + o.0, self.1 + o.1)
    }
}

fn main() {
    let v = V(1, 2) + V(3, 4);
    println!("{} {}", v.0, v.1);
}
