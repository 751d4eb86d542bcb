// Result (issue-3 surface): map, map_err, and_then, ok, unwrap_or(_else), is_ok/is_err, unwrap, unwrap_err, expect.

#[derive(Debug)]
enum MathError {
    DivByZero,
    Negative(f64),
}

fn divide(a: f64, b: f64) -> Result<f64, MathError> {
    if b == 0.0 { Err(MathError::DivByZero) } else { Ok(a / b) }
}

fn checked_sqrt(x: f64) -> Result<f64, MathError> {
    if x < 0.0 { Err(MathError::Negative(x)) } else { Ok(x.sqrt()) }
}

fn describe(e: &MathError) -> String {
    match e {
        MathError::DivByZero => "division by zero".to_string(),
        MathError::Negative(x) => format!("sqrt of negative {x}"),
    }
}

fn main() {
    let cases = [(16.0, 4.0), (9.0, 0.0), (-8.0, 2.0), (2.0, 8.0)];
    for (a, b) in cases {
        let result = divide(a, b).and_then(|q| checked_sqrt(q));
        println!("sqrt({a}/{b}) = {result:?}");
        println!("  is_ok {} is_err {}", result.is_ok(), result.is_err());
        println!("  unwrap_or {} described {:?}", result.as_ref().map(|v| *v).unwrap_or(-1.0), result.as_ref().map_err(|e| describe(e)));
        println!("  ok {:?}", result.ok());
    }
    let parsed: Result<i32, String> = "12x".parse::<i32>().map_err(|e| e.to_string());
    println!("{parsed:?} unwrap_err {}", parsed.clone().unwrap_err());
    let doubled = "21".parse::<i32>().map(|n| n * 2);
    println!("doubled {doubled:?} unwrap {}", doubled.clone().unwrap());
    let lazy = "oops".parse::<u8>().unwrap_or_else(|e| {
        println!("  handling {e}");
        255
    });
    println!("lazy {lazy}");
    let all: Vec<Result<u8, String>> = vec![Ok(1), Err("bad".into()), Ok(3)];
    let mut good = 0u32;
    for r in &all {
        if let Ok(v) = r {
            good += *v as u32;
        }
    }
    println!("good sum {good}");
    println!("expect {}", divide(1.0, 4.0).expect("non-zero divisor"));
    let chained = "8".parse::<i32>().map_err(|e| e.to_string()).and_then(|n| if n > 5 { Ok(n) } else { Err(format!("{n} too small")) });
    println!("chained {chained:?}");
}
