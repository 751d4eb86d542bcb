// Issue 4 (iterators): adapters over string sources — chars, bytes, char_indices, split, split_whitespace,
// lines — with rev, zip, enumerate, skip/take, flat_map, filter_map, eq and collect into String/Vec.

fn main() {
    let text = "Hello, wörld! 42 apples\nand 7 pears\n\nend";
    let rev: String = text.lines().next().unwrap().chars().rev().collect();
    println!("{rev}");
    let upper: String = text.chars().filter(|c| c.is_alphabetic()).map(|c| c.to_ascii_uppercase()).take(8).collect();
    println!("{upper}");
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    println!("{digits:?} sum {}", digits.iter().sum::<u32>());
    let positions: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| !c.is_ascii()).collect();
    println!("{positions:?}");
    let byte_sum: u32 = text.bytes().take(5).map(|b| b as u32).sum();
    println!("bytes {byte_sum} {:?}", "abc".bytes().rev().collect::<Vec<u8>>());
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        println!("{n}: {} words, longest {:?}", words.len(), words.iter().max_by_key(|w| w.len()));
    }
    let numbers: Vec<i64> = text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    println!("{numbers:?}");
    let csv = "name,qty\napple,3\npear,10\nfig,1";
    let total: u32 = csv.lines().skip(1).filter_map(|l| l.split(',').nth(1)).map(|q| q.parse::<u32>().unwrap()).sum();
    println!("total {total}");
    let letters: String = ["ab", "cd", "e"].iter().flat_map(|s| s.chars().rev()).collect();
    println!("{letters}");
    let pal = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).eq(s.chars().rev().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()));
    for s in ["A man, a plan, a canal: Panama", "rust", "No lemon, no melon"] {
        println!("{s:?} palindrome {}", pal(s));
    }
    let hamming = "karolin".chars().zip("kathrin".chars()).filter(|(a, b)| a != b).count();
    println!("hamming {hamming}");
    let caesar: String = "attack at dawn".chars().map(|c| if c.is_ascii_lowercase() { (((c as u8 - b'a' + 3) % 26) + b'a') as char } else { c }).collect();
    println!("{caesar}");
    let title: Vec<String> = "the rust book".split(' ').map(|w| {
        let mut cs = w.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().chain(cs).collect::<String>(),
            None => String::new(),
        }
    }).collect();
    println!("{}", title.join(" "));
    let run_lengths: Vec<(char, usize)> = "aaabccdddd".chars().fold(Vec::new(), |mut acc: Vec<(char, usize)>, c| {
        match acc.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => acc.push((c, 1)),
        }
        acc
    });
    println!("{run_lengths:?}");
}
