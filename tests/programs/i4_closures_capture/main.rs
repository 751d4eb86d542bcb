// Issue 4: closures capturing by reference, by mutable reference and by move; Fn/FnMut/FnOnce; returned closures.

fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x)
}

fn repeat_mut<F: FnMut()>(mut f: F, times: usize) {
    for _ in 0..times {
        f();
    }
}

fn consume<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn make_counter() -> impl FnMut() -> u32 {
    let mut count = 0;
    move || {
        count += 1;
        count
    }
}

fn compose(f: Box<dyn Fn(i32) -> i32>, g: Box<dyn Fn(i32) -> i32>) -> Box<dyn Fn(i32) -> i32> {
    Box::new(move |x| g(f(x)))
}

struct Button {
    label: String,
    on_click: Box<dyn Fn(&str) -> String>,
}

fn main() {
    let factor = 3;
    println!("{}", apply(|x| x * factor, 14));
    let mut log = Vec::new();
    repeat_mut(|| log.push(log.len() * 10), 4);
    println!("{log:?}");
    let name = String::from("ferris");
    let greeting = consume(move || format!("hello {name}"));
    println!("{greeting}");
    let add5 = make_adder(5);
    println!("{} {}", add5(1), apply(&add5, 10));
    let mut c1 = make_counter();
    let mut c2 = make_counter();
    println!("{} {} {} {}", c1(), c1(), c2(), c1());
    let pipeline = compose(Box::new(|x| x + 1), Box::new(|x| x * 2));
    println!("{}", pipeline(5));
    let handlers: Vec<Box<dyn Fn(i32) -> i32>> = vec![Box::new(|x| x - 1), Box::new(make_adder(100)), Box::new(move |x| x * factor)];
    for h in &handlers {
        print!("{} ", h(7));
    }
    println!();
    let buttons = [
        Button { label: "ok".into(), on_click: Box::new(|who| format!("{who} pressed ok")) },
        Button { label: "cancel".into(), on_click: Box::new(|who| who.to_uppercase()) },
    ];
    for b in &buttons {
        println!("{}: {}", b.label, (b.on_click)("user"));
    }
    fn nested(x: u64) -> u64 {
        if x < 2 { x } else { nested(x - 1) + nested(x - 2) }
    }
    println!("nested fn {}", nested(20));
}
