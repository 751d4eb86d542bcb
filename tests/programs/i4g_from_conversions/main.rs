// Issue 4: From impls used through Type::from, .into() and `?` error conversion.
use std::num::ParseIntError;

#[derive(Debug)]
enum AppError {
    Parse(ParseIntError),
    Negative(i64),
    Message(String),
}

impl From<ParseIntError> for AppError {
    fn from(e: ParseIntError) -> Self {
        AppError::Parse(e)
    }
}
impl From<&str> for AppError {
    fn from(s: &str) -> Self {
        AppError::Message(s.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Celsius(f64);
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fahrenheit(f64);

impl From<Celsius> for Fahrenheit {
    fn from(c: Celsius) -> Self {
        Fahrenheit(c.0 * 9.0 / 5.0 + 32.0)
    }
}
impl From<i32> for Celsius {
    fn from(d: i32) -> Self {
        Celsius(d as f64)
    }
}

fn parse_positive(s: &str) -> Result<i64, AppError> {
    let n: i64 = s.trim().parse()?;
    if n < 0 {
        return Err(AppError::Negative(n));
    }
    if n == 0 {
        return Err("zero is not allowed".into());
    }
    Ok(n)
}

fn main() {
    for s in ["42", " 7 ", "-3", "x1", "0", ""] {
        match parse_positive(s) {
            Ok(n) => println!("{s:?} -> ok {n}"),
            Err(e) => println!("{s:?} -> {e:?}"),
        }
    }
    let f = Fahrenheit::from(Celsius(100.0));
    let g: Fahrenheit = Celsius::from(-40).into();
    let c: Celsius = 37.into();
    println!("{:?} {:?} {:?} {}", f, g, c, g == Fahrenheit(-40.0));
    let wide: i64 = 7i32.into();
    let fl: f64 = 3u8.into();
    let code: u32 = 'A'.into();
    println!("{wide} {fl} {code}");
    println!("{:?} {:?}", u8::try_from(300i32).is_err(), i8::try_from(-5i64));
    println!("{:?} {:?} {:?}", u32::try_from(-1i32), i8::try_from(200u8), u16::try_from(65535u32));
    match u8::try_from(256u16) {
        Ok(v) => println!("ok {v}"),
        Err(e) => println!("err {e}"),
    }
    let bytes: Vec<u8> = "ab".into();
    let text: String = "text".into();
    println!("{bytes:?} {text}");
}
