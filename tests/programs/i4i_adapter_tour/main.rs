// Issue 4 (iterators): the std adapters/consumers of i4_iterator_adapters without its user `impl Iterator`.



fn main() {
    let v: Vec<i32> = (1..=10).collect();
    let evens: Vec<i32> = v.iter().filter(|&&x| x % 2 == 0).cloned().collect();
    let squares: Vec<i32> = v.iter().map(|x| x * x).collect();
    println!("{evens:?} {squares:?}");
    println!("sum {} product {} count {}", v.iter().sum::<i32>(), v.iter().take(5).product::<i32>(), v.iter().skip(3).count());
    println!("{:?}", v.iter().zip(v.iter().rev()).map(|(a, b)| a * b).collect::<Vec<_>>());
    println!("{:?}", v.chunks(3).map(|c| c.iter().sum::<i32>()).collect::<Vec<_>>());
    println!("{:?}", v.windows(2).all(|w| w[0] < w[1]));
    println!("{:?}", ["a", "bb", "ccc"].iter().flat_map(|s| s.chars()).collect::<String>());
    println!("{:?}", vec![vec![1, 2], vec![3], vec![]].into_iter().flatten().collect::<Vec<i32>>());
    println!("{:?}", "a1b22c333".chars().filter_map(|c| c.to_digit(10)).collect::<Vec<_>>());
    println!("{:?}", (0..20).step_by(5).chain(100..102).collect::<Vec<_>>());
    println!("{:?}", v.iter().skip_while(|&&x| x < 4).take_while(|&&x| x < 8).collect::<Vec<_>>());
    println!("{:?}", v.iter().scan(0, |acc, &x| { *acc += x; Some(*acc) }).collect::<Vec<_>>());
    println!("{:?} {:?}", v.iter().position(|&x| x == 7), v.iter().find(|&&x| x * x > 50));
    println!("{:?} {:?} {:?}", v.iter().max_by_key(|&&x| (x % 4, x)), v.iter().min_by(|a, b| (*a % 3).cmp(&(*b % 3))), v.iter().last());
    println!("fold {}", v.iter().fold(String::new(), |acc, x| format!("{acc}{x}")));
    let (small, large): (Vec<i32>, Vec<i32>) = v.iter().partition(|&&x| x <= 5);
    println!("{small:?} {large:?}");
    let mut peek = v.iter().peekable();
    while let Some(x) = peek.next() {
        if let Some(&&next) = peek.peek() {
            if next % 5 == 0 {
                print!("[{x}->{next}] ");
            }
        }
    }
    println!();
    let words = ["apple", "bob", "kayak", "rust", "level"];
    let palindromes: Vec<&str> = words.iter().copied().filter(|w| w.chars().eq(w.chars().rev())).collect();
    println!("{palindromes:?} any {} nth {:?}", words.iter().any(|w| w.len() > 4), words.iter().nth(3));
    let mut inspected = Vec::new();
    let total: usize = words.iter().inspect(|w| inspected.push(w.len())).map(|w| w.len()).sum();
    println!("{total} {inspected:?}");
    let joined = words.iter().enumerate().map(|(i, w)| format!("{i}:{w}")).collect::<Vec<_>>().join(",");
    println!("{joined}");
}
