// Methods and functions returning `&mut` to a scalar field (`&mut self.hits`, a nested tuple field, a u128
// field): written through with `*f() op= v`, bound with `let`, and passed on to another function.

#[derive(Debug)]
struct Counter {
    name: String,
    hits: u32,
    pos: (i64, i64),
    big: u128,
}

impl Counter {
    fn hits_mut(&mut self) -> &mut u32 {
        &mut self.hits
    }
    fn y_mut(&mut self) -> &mut i64 {
        &mut self.pos.1
    }
    fn big_mut(&mut self) -> &mut u128 {
        &mut self.big
    }
}

fn second(t: &mut (i32, i32)) -> &mut i32 {
    &mut t.1
}

fn bump(x: &mut u32) {
    *x += 10;
}

fn main() {
    let mut c = Counter { name: "c".to_string(), hits: 0, pos: (1, 2), big: 1 };
    *c.hits_mut() += 1;
    *c.y_mut() -= 5;
    let h = c.hits_mut();
    *h *= 7;
    bump(c.hits_mut());
    *c.big_mut() <<= 100;
    let mut t = (3, 4);
    *second(&mut t) = 40;
    let s = second(&mut t);
    *s += 2;
    println!("{c:?} {t:?} {}", c.name);
}
