// Shadowing, block scopes, nested functions, early returns and expressions used as values.

fn sign_label(x: i32) -> &'static str {
    if x < 0 {
        return "negative";
    }
    if x == 0 { "zero" } else { "positive" }
}

fn main() {
    let x = 5;
    let x = x * 2;
    {
        let x = "inner string";
        println!("inner x = {x}");
    }
    println!("outer x = {x}");
    let x = x as f64 / 4.0;
    println!("shadowed as float {x}");
    let value = {
        let a = 3;
        let b = 4;
        a * a + b * b
    };
    println!("block value {value}");
    let label = if value > 20 { "big" } else { "small" };
    println!("{label}");
    let parity = match value % 2 {
        0 => "even",
        _ => "odd",
    };
    println!("{parity}");
    fn helper(n: u32) -> u32 {
        n * 3
    }
    println!("helper {}", helper(14));
    for n in [-4, 0, 9] {
        println!("{n} is {}", sign_label(n));
    }
    let mut counter = 0;
    let result = loop {
        counter += 3;
        if counter > 10 {
            break counter;
        }
    };
    println!("loop result {result}");
    let data = vec![1, 2, 3];
    let data: Vec<String> = {
        let mut out = Vec::new();
        for d in &data {
            out.push(format!("<{d}>"));
        }
        out
    };
    println!("{}", data.join(""));
    let unit = {
        println!("side effect in a unit block");
    };
    println!("{unit:?}");
}
