// Result::expect on Err prints "<msg>: <Debug of the error>".

#[derive(Debug)]
enum LoadError {
    NotFound { path: String },
    Corrupt(u32),
}

fn load(path: &str) -> Result<Vec<u8>, LoadError> {
    match path {
        "a.bin" => Ok(vec![1, 2, 3]),
        "b.bin" => Err(LoadError::Corrupt(17)),
        other => Err(LoadError::NotFound { path: other.to_string() }),
    }
}

fn main() {
    let first = load("a.bin").expect("a.bin loads");
    println!("a.bin: {first:?}");
    if let Err(e) = load("missing.bin") {
        let text = match &e {
            LoadError::NotFound { path } => format!("{path} not found"),
            LoadError::Corrupt(offset) => format!("corrupt at {offset}"),
        };
        println!("handled: {e:?} ({text})");
    }
    let second = load("b.bin").expect("b.bin must load");
    println!("b.bin: {second:?}");
}
