// args: 10 -3 4.5 abc 1e2
// Reads numbers from the command line, reports the ones that do not parse, prints sum and mean.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("{} arguments", args.len() - 1);
    let mut sum = 0.0f64;
    let mut count = 0;
    for (i, arg) in args.iter().enumerate() {
        if i == 0 {
            continue;
        }
        match arg.parse::<f64>() {
            Ok(value) => {
                sum += value;
                count += 1;
                println!("arg {i}: {value}");
            }
            Err(e) => eprintln!("arg {i}: {arg:?} is not a number ({e})"),
        }
    }
    println!("sum {sum} mean {:.3}", sum / count as f64);
}
