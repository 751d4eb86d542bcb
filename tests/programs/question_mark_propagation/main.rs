// `?` on Option and Result, with an error enum and From-free mapping via map_err.

#[derive(Debug, PartialEq)]
enum ConfigError {
    Missing(&'static str),
    BadNumber(String),
    OutOfRange(i64),
}

fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    for line in text.lines() {
        let (k, v) = line.split_once('=')?;
        if k.trim() == key {
            return Some(v.trim());
        }
    }
    None
}

fn number(text: &str, key: &'static str) -> Result<i64, ConfigError> {
    let raw = field(text, key).ok_or(ConfigError::Missing(key))?;
    let value = raw.parse::<i64>().map_err(|e| ConfigError::BadNumber(format!("{key}: {e}")))?;
    if value < 0 || value > 1000 {
        return Err(ConfigError::OutOfRange(value));
    }
    Ok(value)
}

fn area(text: &str) -> Result<i64, ConfigError> {
    let w = number(text, "width")?;
    let h = number(text, "height")?;
    Ok(w * h)
}

fn first_even_square(values: &[i32]) -> Option<i32> {
    let mut index = 0;
    while values.get(index)? % 2 != 0 {
        index += 1;
    }
    let v = values.get(index)?;
    v.checked_mul(*v)
}

fn main() {
    let configs = [
        "width = 20\nheight = 30",
        "width = 20",
        "width = x\nheight = 3",
        "height = 5\nwidth = 2000",
        "broken line\nwidth = 1",
        "width=7\nheight=6",
    ];
    for config in configs {
        println!("{:?}", area(config));
    }
    println!("{:?}", first_even_square(&[1, 3, 4, 5]));
    println!("{:?}", first_even_square(&[1, 3, 5]));
    println!("{:?}", first_even_square(&[50000]));
    println!("{}", area("width=1\nheight=1") == Ok(1));
}
