// match on literals, ranges (numbers and chars), `|` alternatives, `@` bindings and guards.

fn describe_number(n: i64) -> String {
    match n {
        i64::MIN..=-1 => format!("{n} is negative"),
        0 => "zero".to_string(),
        1 | 2 | 3 => format!("{n} is small"),
        x @ 4..=9 if x % 2 == 0 => format!("{x} is an even digit"),
        x @ 4..=9 => format!("{x} is an odd digit"),
        10 | 100 | 1000 => format!("{n} is a power of ten"),
        x if x > 1_000_000 => format!("{x} is huge"),
        _ => format!("{n} is something else"),
    }
}

fn classify(c: char) -> &'static str {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        'A'..='Z' => "upper",
        '0'..='9' => "digit",
        ' ' | '\t' | '\n' => "space",
        '\u{80}'..='\u{10ffff}' => "non-ascii",
        _ => "symbol",
    }
}

fn grade(score: u8) -> char {
    match score {
        90..=100 => 'A',
        80..90 => 'B',
        70..80 => 'C',
        0..70 => 'F',
        _ => '?',
    }
}

fn main() {
    for n in [-5, 0, 2, 4, 7, 100, 55, 5_000_000] {
        println!("{}", describe_number(n));
    }
    let mut counts = [0usize; 7];
    let names = ["vowel", "consonant", "upper", "digit", "space", "non-ascii", "symbol"];
    for c in "Hello, World 42!\tçà".chars() {
        let kind = classify(c);
        for (i, name) in names.iter().enumerate() {
            if *name == kind {
                counts[i] += 1;
            }
        }
    }
    for (i, name) in names.iter().enumerate() {
        println!("{name}: {}", counts[i]);
    }
    for s in [100, 95, 85, 80, 79, 12, 200] {
        print!("{s}:{} ", grade(s));
    }
    println!();
    let point = (3, -3);
    match point {
        (0, 0) => println!("origin"),
        (x, 0) | (0, x) => println!("on an axis at {x}"),
        (x, y) if x == y => println!("diagonal"),
        (x, y) if x == -y => println!("anti-diagonal {x} {y}"),
        _ => println!("elsewhere"),
    }
    let msg = match 42u8 {
        n @ (1 | 42 | 99) => format!("special {n}"),
        n => format!("plain {n}"),
    };
    println!("{msg}");
}
