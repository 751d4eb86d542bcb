// Building strings in loops: a word wrapper, a caesar cipher, run-length encoding, a centered banner.

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.len() + 1 + word.len() > width {
            lines.push(current);
            current = String::new();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn caesar(text: &str, shift: u8) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_lowercase() {
            out.push((b'a' + (c as u8 - b'a' + shift) % 26) as char);
        } else if c.is_ascii_uppercase() {
            out.push((b'A' + (c as u8 - b'A' + shift) % 26) as char);
        } else {
            out.push(c);
        }
    }
    out
}

fn run_length(text: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<char> = None;
    let mut count = 0;
    for c in text.chars() {
        if Some(c) == previous {
            count += 1;
            continue;
        }
        if let Some(p) = previous {
            out.push_str(&format!("{count}{p}"));
        }
        previous = Some(c);
        count = 1;
    }
    if let Some(p) = previous {
        out += &format!("{count}{p}");
    }
    out
}

fn main() {
    let text = "WebAssembly GC lets languages with garbage collection target the web without shipping their own collector in linear memory.";
    for (i, line) in wrap(text, 28).iter().enumerate() {
        println!("{:2}: {line:<28}|", i + 1);
    }
    let secret = caesar("Hello, World! xyz", 3);
    println!("{secret} -> {}", caesar(&secret, 23));
    for sample in ["aaabccddddd", "", "abc", "zzzzzzzzzzzz", "ééé!"] {
        println!("rle({sample:?}) = {:?}", run_length(sample));
    }
    let title = " WasmRust ";
    let width = 30;
    let side = (width - title.len()) / 2;
    println!("{}{}{}", "=".repeat(side), title, "=".repeat(width - side - title.len()));
    let mut acc = String::new();
    for i in 0..20 {
        acc.push_str(&i.to_string());
        acc.push(if i % 5 == 4 { '\n' } else { ',' });
    }
    print!("{acc}");
    println!("capacity-independent len {}", acc.len());
}
