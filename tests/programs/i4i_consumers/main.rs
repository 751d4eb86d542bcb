// Issue 4 (iterators): consumers — fold, sum, product, count, min/max (ties: max takes the last, min
// the first), min_by/max_by(_key), reduce, any, all, find, find_map, position, last, nth, eq/lt/cmp,
// partition, unzip, collect into Vec/String/Vec<String>, join, concat.

#[derive(Debug, Clone, Copy, PartialEq)]
struct P {
    id: u32,
    score: i32,
}

fn main() {
    let no_bytes: Vec<u8> = Vec::new();
    let no_ints: Vec<i32> = Vec::new();
    let ps = [P { id: 1, score: 5 }, P { id: 2, score: 9 }, P { id: 3, score: 9 }, P { id: 4, score: 1 }, P { id: 5, score: 1 }];
    println!("max_by_key {:?}", ps.iter().max_by_key(|p| p.score).map(|p| p.id));
    println!("min_by_key {:?}", ps.iter().min_by_key(|p| p.score).map(|p| p.id));
    println!("max_by {:?}", ps.iter().max_by(|a, b| a.score.cmp(&b.score)).map(|p| p.id));
    println!("min_by {:?}", ps.iter().min_by(|a, b| a.score.cmp(&b.score)).map(|p| p.id));
    let fs = [2.5f64, -1.25, 7.0, 7.0, 0.5];
    println!("float max_by {:?} min_by {:?}", fs.iter().copied().max_by(|a, b| a.total_cmp(b)), fs.iter().cloned().min_by(|a, b| a.partial_cmp(b).unwrap()));
    println!("sum {} product {} f-sum {}", (1..=10).sum::<i32>(), (1..=10u64).product::<u64>(), fs.iter().sum::<f64>());
    println!("count {} evens {}", ps.len(), (0..17).filter(|n| n % 2 == 0).count());
    println!("reduce {:?} {:?}", (1..=5).reduce(|a, b| a * 10 + b), (0..0).reduce(|a: i32, b| a + b));
    println!("max {:?} min {:?} empty {:?}", [3, 8, 2].iter().max(), ["pear", "fig", "apple"].iter().min(), no_bytes.iter().max());
    println!("any {} all {} all-empty {}", ps.iter().any(|p| p.score > 8), ps.iter().all(|p| p.id > 0), no_ints.iter().all(|&x| x > 100));
    println!("find {:?} find_map {:?}", ps.iter().find(|p| p.score == 1).map(|p| p.id), ["a", "12", "b", "7"].iter().find_map(|s| s.parse::<i32>().ok()));
    println!("position {:?} last {:?} nth {:?} nth-out {:?}", ps.iter().position(|p| p.score == 9), ps.iter().last().map(|p| p.id), ps.iter().nth(2).map(|p| p.id), ps.iter().nth(9));
    let a = [1, 2, 3];
    let b = vec![1, 2, 3];
    let c = [1, 2, 4];
    println!("eq {} {} ne {} lt {} {} le {} gt {} cmp {:?} {:?}", a.iter().eq(b.iter()), a.iter().eq(c.iter()), a.iter().ne(c.iter()), a.iter().lt(c.iter()), a.iter().lt(a[..2].iter()), a.iter().le(b.iter()), c.iter().gt(a.iter()), a.iter().cmp(c.iter()), (1..3).cmp(1..2));
    let (even, odd): (Vec<u32>, Vec<u32>) = ps.iter().map(|p| p.id).partition(|id| id % 2 == 0);
    println!("partition {even:?} {odd:?}");
    let (ids, scores): (Vec<u32>, Vec<i32>) = ps.iter().map(|p| (p.id, p.score)).unzip();
    println!("unzip {ids:?} {scores:?}");
    let words: Vec<String> = "the quick brown fox".split(' ').map(|w| w.to_uppercase()).collect();
    println!("{words:?} joined {} concat {}", words.join("-"), words.concat());
    let refs: Vec<&str> = words.iter().map(|s| s.as_str()).filter(|s| s.len() > 3).collect();
    println!("{} / {}", refs.join(", "), ["x", "y"].concat());
    let initials: String = words.iter().map(|w| w.chars().next().unwrap()).collect();
    let spaced: String = words.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" ");
    println!("{initials} {spaced}");
    let folded = (1..=4).fold(Vec::new(), |mut acc, x| {
        acc.push(x * x);
        acc
    });
    println!("fold {folded:?} {}", ps.iter().fold(0, |acc, p| acc + p.score));
    let nested = vec![vec![1, 2], vec![], vec![3]];
    println!("concat {:?} flatten-sum {}", nested.concat(), nested.iter().flatten().sum::<i32>());
    let copies: Vec<P> = ps.iter().filter(|p| p.score > 4).copied().collect();
    println!("{copies:?}");
}
