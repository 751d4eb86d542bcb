// Issue 4: closures as values — captured by shared and mutable reference and by move, passed to generic
// fns with Fn/FnMut/FnOnce bounds, returned as `impl Fn`, composed, and stored in structs.
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x + 1)
}

fn call_twice<F: FnMut()>(mut f: F) {
    f();
    f();
}

fn consume<F: FnOnce() -> String>(f: F) -> usize {
    f().len()
}

fn make_counter() -> impl FnMut() -> u32 {
    let mut n = 0;
    move || {
        n += 1;
        n
    }
}

fn adder(k: i32) -> impl Fn(i32) -> i32 {
    move |x| x + k
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

struct Button<F: Fn(&str) -> String> {
    label: String,
    on_click: F,
}

impl<F: Fn(&str) -> String> Button<F> {
    fn click(&self) -> String {
        (self.on_click)(&self.label)
    }
}

fn main() {
    let k = 10;
    println!("{} {}", apply(|v| v * 2, 5), apply(|v| v + k, 5));
    let mut total = 0;
    let mut add = |x: i32| total += x;
    add(5);
    add(7);
    println!("total {total}");
    let mut hits = 0;
    call_twice(|| hits += 10);
    println!("hits {hits}");
    let names = vec!["ann".to_string(), "bob".to_string()];
    let show = |i: usize| format!("{}!", names[i]);
    println!("{} {} {}", show(0), show(1), names.len());
    let mut v = Vec::new();
    let mut push = |x| v.push(x * x);
    push(3);
    push(4);
    println!("{:?}", v);
    let owned = String::from("moved");
    println!("{}", consume(move || owned + "!"));
    let mut c1 = make_counter();
    let mut c2 = make_counter();
    println!("{} {} {} / {}", c1(), c1(), c1(), c2());
    let h = compose(|x: i32| x * 2, |y: i32| format!("<{y}>"));
    println!("{} {}", h(3), h(10));
    let twice = compose(adder(1), adder(2));
    println!("{} {}", adder(5)(1), twice(10));
    let prefix = String::from("clicked");
    let b = Button { label: "ok".to_string(), on_click: |l: &str| format!("{prefix} {l}") };
    println!("{}", b.click());
}
