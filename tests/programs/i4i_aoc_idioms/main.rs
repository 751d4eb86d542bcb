// Issue 4 (iterators): Advent-of-Code style pipelines — unzip of parsed pairs, zip/abs/sum, windows checks,
// transposing a grid with nested collect, max_by_key over enumerate, fold with a fn path, flat_map with move.
#[derive(Debug, Clone, PartialEq)]
struct Item { name: String, w: u32 }
fn main() {
    let input = "3 4\n4 3\n2 5\n1 3\n3 9\n3 3";
    let (mut left, mut right): (Vec<i64>, Vec<i64>) = input.lines().map(|l| {
        let mut p = l.split_whitespace().map(|x| x.parse::<i64>().unwrap());
        (p.next().unwrap(), p.next().unwrap())
    }).unzip();
    left.sort();
    right.sort_unstable();
    let dist: i64 = left.iter().zip(right.iter()).map(|(a, b)| (a - b).abs()).sum();
    println!("{dist}");
    let sim: i64 = left.iter().map(|a| a * right.iter().filter(|&&b| b == *a).count() as i64).sum();
    println!("{sim}");
    let items: Vec<Item> = vec![Item { name: "a".into(), w: 3 }, Item { name: "b".into(), w: 1 }, Item { name: "c".into(), w: 2 }];
    let heaviest = items.iter().max_by_key(|i| i.w).unwrap();
    let lightest = items.iter().min_by(|a, b| a.w.cmp(&b.w)).unwrap();
    println!("{} {}", heaviest.name, lightest.name);
    let mut sorted = items.clone();
    sorted.sort_by(|a, b| b.w.cmp(&a.w));
    println!("{:?}", sorted.iter().map(|i| &i.name).collect::<Vec<_>>());
    let names: Vec<String> = items.iter().map(|i| i.name.clone()).rev().collect();
    println!("{}", names.join(","));
    let grid: Vec<Vec<char>> = "ab\ncd\nef".lines().map(|l| l.chars().collect()).collect();
    let transposed: Vec<String> = (0..2).map(|c| grid.iter().map(|row| row[c]).collect()).collect();
    println!("{transposed:?}");
    let reports = vec![vec![7, 6, 4, 2, 1], vec![1, 2, 7, 8, 9], vec![1, 3, 2, 4, 5]];
    let safe = reports.iter().filter(|r| {
        let inc = r.windows(2).all(|w| w[1] > w[0] && w[1] - w[0] <= 3);
        let dec = r.windows(2).all(|w| w[0] > w[1] && w[0] - w[1] <= 3);
        inc || dec
    }).count();
    println!("safe {safe}");
    let total: u32 = items.iter().map(|i| i.w).filter(|w| *w > 1).product();
    println!("{total}");
    let mut counts = [0usize; 26];
    "hello world".bytes().filter(|b| b.is_ascii_lowercase()).for_each(|b| counts[(b - b'a') as usize] += 1);
    let top = counts.iter().enumerate().max_by_key(|&(_, c)| c).map(|(i, c)| ((b'a' + i as u8) as char, *c));
    println!("{top:?}");
    let s: String = vec!["x", "y", "z"].into_iter().rev().collect();
    println!("{s}");
    let nested: Vec<(usize, usize)> = (0..3).flat_map(|i| (0..i).map(move |j| (i, j))).collect();
    println!("{nested:?}");
    let v2: Vec<i32> = vec![1, 2, 3].iter().map(|x| x * 2).rev().collect();
    println!("{v2:?}");
    let last_word = "alpha beta gamma".split(' ').last();
    let second = "alpha beta gamma".split(' ').nth(1);
    println!("{last_word:?} {second:?}");
    let pos = "alpha beta gamma".split(' ').position(|w| w.starts_with('g'));
    println!("{pos:?}");
    let avg = { let xs = [1.5, 2.5, 3.0]; xs.iter().sum::<f64>() / xs.len() as f64 };
    println!("{avg}");
    let maxf = [1.5f64, 9.25, 3.0].iter().cloned().fold(f64::MIN, f64::max);
    println!("{maxf}");
}
