// args: alpha beta gamma
// Exiting with code 42 from deep inside a call chain; buffered stdout must be flushed first.

fn check_arg(index: usize, arg: &str) {
    if arg.starts_with('g') {
        println!("argument {index} ({arg}) is forbidden");
        eprintln!("fatal: exiting");
        std::process::exit(42);
    }
    println!("argument {index} ({arg}) ok");
}

fn walk(args: &[String]) {
    for (i, a) in args.iter().enumerate() {
        check_arg(i, a);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("{} arguments", args.len() - 1);
    print!("partial line without newline ");
    walk(&args[1..]);
    println!("never printed");
}
