// Issue 4 (iterators): word statistics — sort/dedup, sort_by with then, partition, scan, windows, chunks,
// rev/skip/step_by, rposition, FizzBuzz via map+match, String::len as a fn path, nested collect into String.
fn main() {
    let text = "one two three two one two";
    let mut words: Vec<&str> = text.split(' ').collect();
    words.sort();
    words.dedup();
    println!("{words:?}");
    let lens: Vec<usize> = words.iter().map(|w| w.len()).collect();
    let longest = lens.iter().copied().max().unwrap_or(0);
    println!("{longest}");
    let mut pairs: Vec<(String, usize)> = words.iter().map(|w| (w.to_string(), text.matches(w).count())).collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (w, c) in &pairs {
        println!("{w:>6}: {}", "*".repeat(*c));
    }
    let v = vec![5, 3, 8, 1, 9, 2];
    let (evens, odds): (Vec<i32>, Vec<i32>) = v.iter().partition(|&&x| x % 2 == 0);
    println!("{evens:?} {odds:?}");
    let idx_of_max = v.iter().enumerate().max_by_key(|&(_, &x)| x).map(|(i, _)| i);
    println!("{idx_of_max:?}");
    let running: Vec<i32> = v.iter().scan(0, |s, &x| { *s += x; Some(*s) }).collect();
    println!("{running:?}");
    let pairs2: Vec<i32> = v.windows(2).map(|w| w[1] - w[0]).collect();
    println!("{pairs2:?}");
    let chunks: Vec<Vec<i32>> = v.chunks(4).map(|c| c.to_vec()).collect();
    println!("{chunks:?}");
    let s: i32 = v.iter().rev().skip(1).step_by(2).sum();
    println!("{s}");
    let found = v.iter().rposition(|&x| x > 4);
    println!("{found:?}");
    let flat: Vec<char> = vec!["ab", "cd"].iter().flat_map(|s| s.chars()).collect();
    println!("{flat:?}");
    let m: Vec<String> = (1..=15).map(|i| match (i % 3, i % 5) { (0, 0) => "FizzBuzz".to_string(), (0, _) => "Fizz".to_string(), (_, 0) => "Buzz".to_string(), _ => i.to_string() }).collect();
    println!("{}", m.join(" "));
    let total_len = m.iter().map(String::len).sum::<usize>();
    println!("{total_len}");
    let upper: Vec<String> = m.iter().take(3).map(|s| s.to_uppercase()).collect();
    println!("{upper:?}");
    let mut grid = vec![vec!['.'; 3]; 2];
    grid[1][2] = '#';
    let rendered: Vec<String> = grid.iter().map(|r| r.iter().collect()).collect();
    println!("{}", rendered.join("\n"));
    let count_hash = grid.iter().flatten().filter(|&&c| c == '#').count();
    println!("{count_hash}");
    let digits: u32 = "a1b2c3".chars().filter_map(|c| c.to_digit(10)).sum();
    println!("{digits}");
    let any_neg = [1, -2, 3].iter().any(|x| *x < 0);
    let all_pos = [1, 2, 3].iter().all(|&x| x > 0);
    println!("{any_neg} {all_pos}");
}
