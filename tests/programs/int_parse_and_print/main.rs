// Parsing integers from text (with rustc's error values) and printing them back.

fn parse_all(inputs: &[&str]) {
    for input in inputs {
        match input.parse::<i32>() {
            Ok(value) => println!("i32 {input:?} -> {value}"),
            Err(error) => println!("i32 {input:?} -> error: {error} / {error:?}"),
        }
    }
}

fn main() {
    parse_all(&["42", "-17", "+8", "", "-", "12a", "2147483647", "2147483648", "-2147483649", " 5", "007"]);
    println!("u8 {:?}", "255".parse::<u8>());
    println!("u8 {:?}", "256".parse::<u8>());
    println!("u8 {:?}", "-1".parse::<u8>());
    println!("i64 {:?}", "-9223372036854775808".parse::<i64>());
    println!("u64 {:?}", "18446744073709551615".parse::<u64>());
    println!("u128 {:?}", "340282366920938463463374607431768211455".parse::<u128>());
    println!("i16 {:?}", "-32769".parse::<i16>());
    println!("usize {:?}", "4294967295".parse::<usize>().is_ok());
    let mut total: i64 = 0;
    for word in "10 20 -5 x 35".split(' ') {
        if let Ok(value) = word.parse::<i64>() {
            total += value;
        }
    }
    println!("sum of valid numbers: {total}");
    let mut digits: Vec<u32> = Vec::new();
    for c in "90210".chars() {
        digits.push(c.to_digit(10).unwrap());
    }
    println!("digits {digits:?}");
    let mut parts: Vec<String> = Vec::new();
    for d in &digits {
        parts.push(d.to_string());
    }
    println!("joined {}", parts.join("-"));
    println!("to_string {} {} {}", (-0i32).to_string(), u64::MAX.to_string(), i8::MIN.to_string().len());
}
