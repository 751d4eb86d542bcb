// Issue 4 (iterators): dot products with zip, transposes with nested collect, sort_by_key on (enum, Reverse)
// tuples, three-way zip, flatten of Options, sum into Option, fold to (min, max), rev+max_by_key ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Suit { Clubs, Hearts }
#[derive(Debug, Clone)]
struct Card { suit: Suit, rank: u8 }
fn dot(a: &[f64], b: &[f64]) -> f64 { a.iter().zip(b).map(|(x, y)| x * y).sum() }
fn transpose(m: &[Vec<i32>]) -> Vec<Vec<i32>> {
    (0..m[0].len()).map(|c| m.iter().map(|r| r[c]).collect()).collect()
}
fn main() {
    println!("{}", dot(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]));
    let m = vec![vec![1, 2, 3], vec![4, 5, 6]];
    println!("{:?}", transpose(&m));
    let row_sums: Vec<i32> = m.iter().map(|r| r.iter().sum()).collect();
    let col_max: Vec<i32> = transpose(&m).iter().map(|c| *c.iter().max().unwrap()).collect();
    println!("{row_sums:?} {col_max:?}");
    let mut cards = vec![Card { suit: Suit::Hearts, rank: 3 }, Card { suit: Suit::Clubs, rank: 12 }, Card { suit: Suit::Hearts, rank: 1 }, Card { suit: Suit::Clubs, rank: 2 }];
    cards.sort_by_key(|c| (c.suit, std::cmp::Reverse(c.rank)));
    println!("{:?}", cards.iter().map(|c| format!("{:?}{}", c.suit, c.rank)).collect::<Vec<_>>());
    let by_suit: Vec<(Suit, usize)> = [Suit::Clubs, Suit::Hearts].iter().map(|&s| (s, cards.iter().filter(|c| c.suit == s).count())).collect();
    println!("{by_suit:?}");
    let a = [1, 2, 3];
    let b = [10, 20, 30];
    let c = [100, 200, 300];
    let triple: Vec<i32> = a.iter().zip(b.iter()).zip(c.iter()).map(|((x, y), z)| x + y + z).collect();
    println!("{triple:?}");
    let opts = [Some(1), None, Some(3)];
    let somes: Vec<i32> = opts.iter().flatten().copied().collect();
    let total: Option<i32> = opts.iter().copied().sum::<Option<i32>>().or(Some(-1));
    println!("{somes:?} {total:?}");
    let mut names = vec!["bob".to_string(), "Alice".to_string(), "carol".to_string()];
    names.sort_by_key(|n| n.to_lowercase());
    println!("{names:?}");
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    println!("{names:?}");
    let initials: String = names.iter().filter_map(|n| n.chars().next()).map(|c| c.to_ascii_uppercase()).collect();
    println!("{initials}");
    let mut it = names.iter();
    let first = it.next().unwrap();
    let rest: Vec<&String> = it.collect();
    println!("{first} {rest:?}");
    let nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    let mut sorted = nums.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    println!("{sorted:?} median {}", sorted[sorted.len() / 2]);
    let (mn, mx) = nums.iter().fold((i32::MAX, i32::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    println!("{mn} {mx}");
    let groups: Vec<Vec<i32>> = nums.chunks(3).map(|c| c.iter().rev().cloned().collect()).collect();
    println!("{groups:?}");
    let pos_max = nums.iter().enumerate().rev().max_by_key(|&(_, &v)| v).map(|(i, _)| i);
    println!("{pos_max:?}");
    let s = nums.iter().map(|n| n.to_string()).collect::<Vec<_>>().join("");
    println!("{s} {}", s.chars().rev().collect::<String>());
}
