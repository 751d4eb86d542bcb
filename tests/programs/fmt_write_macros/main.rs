// write!/writeln! into a String through fmt::Write, format! building a report.

use std::fmt::Write;

fn render_table(rows: &[(&str, u32)]) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    writeln!(out, "+{:-<10}+{:->6}+", "", "")?;
    for (name, score) in rows {
        writeln!(out, "|{name:<10}|{score:>6}|")?;
    }
    write!(out, "+{:-<10}+{:->6}+", "", "")?;
    Ok(out)
}

fn main() {
    let table = render_table(&[("alice", 90), ("bob", 7), ("carol", 1234)]).unwrap();
    println!("{table}");
    let mut csv = String::new();
    for row in 1..=3 {
        for col in 1..=4 {
            if col > 1 {
                csv.push(',');
            }
            write!(csv, "{}", row * col).unwrap();
        }
        csv.push('\n');
    }
    print!("{csv}");
    let summary = format!("{} rows, {} bytes", csv.lines().count(), csv.len());
    println!("{summary}");
    let mut log = String::new();
    for level in ["info", "warn", "error"] {
        writeln!(&mut log, "[{level:^7}] event").unwrap();
    }
    print!("{log}");
    let nested = format!("<{}>", format!("[{}]", format!("{:03}", 7)));
    println!("{nested}");
    eprint!("to stderr without newline; ");
    eprintln!("then a newline");
    print!("a");
    print!("b");
    println!("c");
}
