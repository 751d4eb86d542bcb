// Result::unwrap on Err: "called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }".

fn parse_line(line: &str) -> Vec<i32> {
    let mut values = Vec::new();
    for field in line.split(',') {
        let value: i32 = field.trim().parse().unwrap();
        values.push(value);
    }
    values
}

fn main() {
    let lines = ["1, 2, 3", "10,20", "7, 0x20, 9"];
    let mut total = 0;
    for line in lines {
        let values = parse_line(line);
        for v in &values {
            total += v;
        }
        println!("{line:?} -> {values:?}, running total {total}");
    }
    println!("total {total}");
}
