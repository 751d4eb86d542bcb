// Issue 4: `?` and `return` inside closures passed to std adapters (map → collect into Result/Option,
// filter_map, for_each), leaving only the closure.
fn parse_pairs(s: &str) -> Result<Vec<(i32, i32)>, String> {
    s.split(';')
        .map(|p| {
            let (a, b) = p.split_once(',').ok_or(format!("no comma in {p:?}"))?;
            let a: i32 = a.trim().parse().map_err(|e| format!("{e}"))?;
            if a < 0 {
                return Err("negative".to_string());
            }
            Ok((a, b.trim().parse::<i32>().map_err(|e| e.to_string())?))
        })
        .collect()
}

fn main() {
    println!("{:?}", parse_pairs("1,2; 3 ,4"));
    println!("{:?}", parse_pairs("1,2;34"));
    println!("{:?}", parse_pairs("1,x"));
    println!("{:?}", parse_pairs("-1,2"));
    let mut seen = vec![];
    (1..8).for_each(|i| {
        if i % 3 == 0 {
            return;
        }
        seen.push(i);
    });
    println!("{:?}", seen);
    let firsts: Option<Vec<char>> = ["ab", "cd", ""].iter().map(|w| Some(w.chars().next()?.to_ascii_uppercase())).collect();
    let lens: Vec<usize> = ["a1", "b", "c22"].iter().filter_map(|w| { let d = w.find(|c: char| c.is_ascii_digit())?; Some(w.len() - d) }).collect();
    println!("{:?} {:?}", firsts, lens);
    let nested: Vec<Option<i32>> = vec![vec!["1", "2"], vec!["x"]].iter().map(|v| v.iter().map(|s| s.parse::<i32>().ok()).sum::<Option<i32>>()).collect();
    println!("{:?}", nested);
}
