// Parsing floats from text: decimal, exponent, special values, errors; round-trip through Display.

fn main() {
    let inputs = ["3.14", "-0.5", "1e10", "2.5E-3", ".5", "5.", "inf", "-infinity", "NaN", "1_000", "", "abc", "1e400", "1e-400", "0.1", "+7"];
    for input in inputs {
        match input.parse::<f64>() {
            Ok(value) => println!("{input:?} -> {value} ({value:?})"),
            Err(error) => println!("{input:?} -> error: {error}"),
        }
    }
    for input in ["0.1", "16777217", "3.4028236e38", "1e-46"] {
        println!("f32 {input:?} -> {:?}", input.parse::<f32>());
    }
    let text = "12.5 7.25 -3 1e2";
    let mut total = 0.0f64;
    for word in text.split_whitespace() {
        total += word.parse::<f64>().unwrap();
    }
    println!("total {total}");
    let value = 0.1 + 0.7;
    let printed = value.to_string();
    let back: f64 = printed.parse().unwrap();
    println!("round trip {printed} -> {} equal {}", back, back == value);
}
