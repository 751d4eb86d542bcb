// An arithmetic expression tree (Box'ed children), parsed from tokens, evaluated, simplified and printed.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Num(i64),
    Var(char),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Expr::Num(n) => write!(f, "{n}"),
            Expr::Var(v) => write!(f, "{v}"),
            Expr::Add(a, b) => write!(f, "({a} + {b})"),
            Expr::Mul(a, b) => write!(f, "{a} * {b}"),
            Expr::Neg(e) => write!(f, "-{e}"),
        }
    }
}

fn eval(e: &Expr, x: i64) -> i64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Var(_) => x,
        Expr::Add(a, b) => eval(a, x) + eval(b, x),
        Expr::Mul(a, b) => eval(a, x) * eval(b, x),
        Expr::Neg(inner) => -eval(inner, x),
    }
}

fn simplify(e: Expr) -> Expr {
    match e {
        Expr::Add(a, b) => match (simplify(*a), simplify(*b)) {
            (Expr::Num(0), other) | (other, Expr::Num(0)) => other,
            (Expr::Num(x), Expr::Num(y)) => Expr::Num(x + y),
            (a, b) => Expr::Add(Box::new(a), Box::new(b)),
        },
        Expr::Mul(a, b) => match (simplify(*a), simplify(*b)) {
            (Expr::Num(0), _) | (_, Expr::Num(0)) => Expr::Num(0),
            (Expr::Num(1), other) | (other, Expr::Num(1)) => other,
            (Expr::Num(x), Expr::Num(y)) => Expr::Num(x * y),
            (a, b) => Expr::Mul(Box::new(a), Box::new(b)),
        },
        Expr::Neg(inner) => match simplify(*inner) {
            Expr::Num(n) => Expr::Num(-n),
            Expr::Neg(twice) => *twice,
            other => Expr::Neg(Box::new(other)),
        },
        leaf => leaf,
    }
}

/// Reverse Polish notation to a tree: numbers, `x`, `+`, `*`, `neg`.
fn parse_rpn(source: &str) -> Option<Expr> {
    let mut stack: Vec<Expr> = Vec::new();
    for token in source.split_whitespace() {
        let e = match token {
            "+" | "*" => {
                let b = Box::new(stack.pop()?);
                let a = Box::new(stack.pop()?);
                if token == "+" { Expr::Add(a, b) } else { Expr::Mul(a, b) }
            }
            "neg" => Expr::Neg(Box::new(stack.pop()?)),
            "x" => Expr::Var('x'),
            number => Expr::Num(number.parse().ok()?),
        };
        stack.push(e);
    }
    if stack.len() == 1 { stack.pop() } else { None }
}

fn main() {
    let sources = ["x 2 * 3 +", "x 0 + 1 * neg neg", "2 3 * x 0 * +", "x x * x * 1 neg +", "1 +", "4 5"];
    for source in sources {
        match parse_rpn(source) {
            Some(expr) => {
                let simple = simplify(expr.clone());
                println!("{source:<20} => {expr}  ~>  {simple}  at x=3: {} / {}", eval(&expr, 3), eval(&simple, 3));
                println!("  unchanged: {}", simple == expr);
            }
            None => println!("{source:<20} => parse error"),
        }
    }
    let mut deep = Expr::Var('x');
    for i in 0..500 {
        deep = Expr::Add(Box::new(deep), Box::new(Expr::Num(i % 3)));
    }
    println!("deep eval {}", eval(&deep, 1));
}
