// Interleaved stdout and stderr: each stream must carry exactly its own lines.

fn process(item: i32) -> Result<i32, String> {
    if item % 3 == 0 {
        Err(format!("item {item} is divisible by three"))
    } else {
        Ok(item * item)
    }
}

fn main() {
    let mut ok = 0;
    let mut failed = 0;
    for item in 1..=10 {
        match process(item) {
            Ok(value) => {
                ok += 1;
                println!("item {item}: {value}");
            }
            Err(message) => {
                failed += 1;
                eprintln!("warning: {message}");
            }
        }
    }
    eprint!("summary: ");
    eprintln!("{ok} ok, {failed} failed");
    println!("done");
}
