// Issue 4: From/Into/TryFrom between user types, `?` converting errors through From, Default.
use std::convert::TryFrom;
use std::fmt;

#[derive(Debug)]
enum AppError {
    Parse(std::num::ParseIntError),
    Range(u8),
}

impl From<std::num::ParseIntError> for AppError {
    fn from(e: std::num::ParseIntError) -> Self {
        AppError::Parse(e)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            AppError::Parse(e) => write!(f, "parse error: {e}"),
            AppError::Range(v) => write!(f, "{v} is not a valid percentage"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Percent(u8);

impl TryFrom<u8> for Percent {
    type Error = AppError;
    fn try_from(v: u8) -> Result<Self, AppError> {
        if v <= 100 { Ok(Percent(v)) } else { Err(AppError::Range(v)) }
    }
}

impl From<Percent> for f64 {
    fn from(p: Percent) -> f64 {
        p.0 as f64 / 100.0
    }
}

fn parse_percent(s: &str) -> Result<Percent, AppError> {
    let raw: u8 = s.trim().trim_end_matches('%').parse()?;
    let p = Percent::try_from(raw)?;
    Ok(p)
}

fn main() {
    for s in ["42%", " 100 ", "101", "abc", "300", "0%"] {
        match parse_percent(s) {
            Ok(p) => {
                let fraction: f64 = p.into();
                println!("{s:?} -> {p:?} = {fraction}");
            }
            Err(e) => println!("{s:?} -> {e}"),
        }
    }
    println!("{:?}", Percent::default());
    let n: i64 = 5u8.into();
    let s: String = "text".into();
    let v: Vec<u8> = "ab".into();
    let boxed: Box<str> = "boxed".into();
    println!("{n} {s} {v:?} {boxed}");
    println!("{:?} {:?}", u8::try_from(300i32).is_err(), i8::try_from(-5i64));
}
