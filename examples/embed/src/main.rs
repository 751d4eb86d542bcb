//! `cargo run -p embed -- N`: computes fib(N) in the guest and prints what it logged.

fn main() {
    let n = std::env::args().nth(1).map_or(Ok(40), |a| a.parse::<i32>());
    let Ok(n) = n else {
        eprintln!("usage: embed [N]   (N: a non-negative integer)");
        std::process::exit(2);
    };
    match embed::fib(n) {
        Ok((value, log)) => {
            for line in log {
                println!("guest: {line}");
            }
            println!("fib({n}) = {value}");
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
