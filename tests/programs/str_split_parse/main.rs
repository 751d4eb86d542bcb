// split, splitn, rsplit, split_whitespace, lines, split_once, split_terminator; parsing records.

#[derive(Debug)]
struct Record {
    name: String,
    age: u32,
    score: f64,
}

fn parse_record(line: &str) -> Result<Record, String> {
    let mut fields = line.split(';');
    let name = fields.next().ok_or("no name")?.trim().to_string();
    let age = fields.next().ok_or("no age")?.trim().parse::<u32>().map_err(|e| format!("age: {e}"))?;
    let score = fields.next().ok_or("no score")?.trim().parse::<f64>().map_err(|e| format!("score: {e}"))?;
    Ok(Record { name, age, score })
}

fn main() {
    let csv = "alice; 30; 91.5\nbob;17;78\ncarol; x; 60\n\ndave; 45\nerin;22;88.25";
    let mut total = 0.0;
    let mut count = 0;
    for (n, line) in csv.lines().enumerate() {
        match parse_record(line) {
            Ok(r) => {
                println!("{n}: {} ({}) scored {}", r.name, r.age, r.score);
                total += r.score;
                count += 1;
            }
            Err(e) => println!("{n}: error {e}"),
        }
    }
    println!("average {:.3}", total / count as f64);
    for piece in "a,b,,c,".split(',') {
        print!("[{piece}]");
    }
    println!();
    for piece in "one two  three".split(' ') {
        print!("[{piece}]");
    }
    println!();
    for piece in "   leading and   trailing   ".split_whitespace() {
        print!("<{piece}>");
    }
    println!();
    for piece in "k=v=w".splitn(2, '=') {
        print!("({piece})");
    }
    println!();
    for piece in "a.b.c".rsplit('.') {
        print!("{piece} ");
    }
    println!();
    for piece in "x;y;z;".split_terminator(';') {
        print!("{piece}|");
    }
    println!();
    println!("{:?} {:?} {:?}", "key: value".split_once(": "), "novalue".split_once(':'), "a=b=c".rsplit_once('='));
    for line in "first\r\nsecond\n\nfourth".lines() {
        println!("line {line:?}");
    }
    let path = "/usr/local/bin/cargo-wasm";
    let mut components = Vec::new();
    for part in path.split('/') {
        if !part.is_empty() {
            components.push(part);
        }
    }
    println!("{components:?} last {:?}", components.last());
    let sentence = "The rain in Spain";
    let mut word_lengths = Vec::new();
    for w in sentence.split(char::is_whitespace) {
        word_lengths.push(w.len());
    }
    println!("{word_lengths:?}");
    let mut date = Vec::new();
    for part in "2024-11-20".split('-') {
        date.push(part.parse::<u32>().unwrap());
    }
    println!("{date:?}");
}
