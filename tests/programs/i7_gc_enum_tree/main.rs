// Issue 7: a #[wasm::gc] enum tree with GcBox children; shared subtrees (a DAG) and ptr_eq.
use wasm::{GcBox, GcString};

#[wasm::gc]
#[derive(Debug)]
enum Expr {
    Num(f64),
    Var(GcString),
    Add(GcBox<Expr>, GcBox<Expr>),
    Mul(GcBox<Expr>, GcBox<Expr>),
}

fn eval(e: &Expr, x: f64) -> f64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Var(_) => x,
        Expr::Add(a, b) => eval(a, x) + eval(b, x),
        Expr::Mul(a, b) => eval(a, x) * eval(b, x),
    }
}

fn show(e: &Expr) -> String {
    match e {
        Expr::Num(n) => n.to_string(),
        Expr::Var(name) => name.to_string(),
        Expr::Add(a, b) => format!("({} + {})", show(a), show(b)),
        Expr::Mul(a, b) => format!("{} * {}", show(a), show(b)),
    }
}

fn count_nodes(e: &Expr) -> usize {
    match e {
        Expr::Num(_) | Expr::Var(_) => 1,
        Expr::Add(a, b) | Expr::Mul(a, b) => 1 + count_nodes(a) + count_nodes(b),
    }
}

fn main() {
    let x = GcBox::new(Expr::Var("x".into()));
    let x_plus_one = GcBox::new(Expr::Add(x.clone(), GcBox::new(Expr::Num(1.0))));
    // (x + 1) * (x + 1), with the subtree shared rather than copied.
    let square = GcBox::new(Expr::Mul(x_plus_one.clone(), x_plus_one.clone()));
    println!("{}", show(&square));
    for value in [0.0, 1.5, -3.0] {
        println!("at x = {value}: {}", eval(&square, value));
    }
    if let Expr::Mul(left, right) = &*square {
        println!("children shared: {}", GcBox::ptr_eq(left, right));
    }
    println!("nodes counted as a tree: {}", count_nodes(&square));
    let mut chain = GcBox::new(Expr::Num(0.0));
    for i in 1..=100 {
        chain = GcBox::new(Expr::Add(chain, GcBox::new(Expr::Num(i as f64))));
    }
    println!("chain sum {} nodes {}", eval(&chain, 0.0), count_nodes(&chain));
    println!("{:?}", GcBox::new(Expr::Add(GcBox::new(Expr::Num(2.0)), x)));
}
