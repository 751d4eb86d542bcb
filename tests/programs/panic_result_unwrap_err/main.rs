// Result::unwrap on Err: "called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }".

fn main() {
    let inputs = ["10", "0x20", "30"];
    let mut total = 0;
    for input in inputs {
        let value: i32 = input.parse().unwrap();
        total += value;
        println!("parsed {input} -> running total {total}");
    }
    println!("total {total}");
}
