// #[derive(Debug)] on structs (named, tuple, unit) and enums (unit, tuple, struct variants), nested.
// The fields are only read through Debug, which rustc's dead-code lint deliberately ignores.
#![allow(dead_code)]

#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Meters(f64);

#[derive(Debug)]
struct Pair(i32, &'static str);

#[derive(Debug)]
struct Config {
    name: String,
    verbose: bool,
    level: u8,
    tags: Vec<&'static str>,
    limit: Option<u32>,
}

#[derive(Debug)]
enum Shape {
    Empty,
    Circle(f64),
    Rect { w: u32, h: u32 },
    Group(Vec<Shape>),
}

#[derive(Debug)]
enum Token {
    Num(i64),
    Op(char),
    Ident(String),
}

fn main() {
    println!("{:?}", Unit);
    println!("{:?}", Meters(2.5));
    println!("{:?}", Pair(-1, "x"));
    let config = Config { name: "main".to_string(), verbose: true, level: 3, tags: vec!["a", "b c"], limit: None };
    println!("{config:?}");
    let shapes = vec![Shape::Empty, Shape::Circle(1.0), Shape::Rect { w: 2, h: 3 }, Shape::Group(vec![Shape::Circle(0.5), Shape::Empty])];
    for shape in &shapes {
        println!("{shape:?}");
    }
    println!("{shapes:?}");
    let tokens = [Token::Num(12), Token::Op('+'), Token::Ident("x\ty".to_string())];
    println!("{tokens:?}");
    println!("{:?}", Some(Pair(0, "")));
    println!("[{:>12?}]", Meters(1.0));
}
