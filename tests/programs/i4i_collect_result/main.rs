// Issue 4 (iterators): collect into Result<Vec<_>, E> / Option<Vec<_>> — the first Err/None wins and
// nothing after it is pulled (the closure's prints stop there).
fn parse_all(items: &[&str]) -> Result<Vec<i32>, String> {
    items.iter().map(|s| s.parse::<i32>().map_err(|e| format!("{s}: {e}"))).collect()
}
fn main() {
    println!("{:?}", parse_all(&["1", "2", "3"]));
    println!("{:?}", parse_all(&["1", "x", "y"]));
    let halves: Option<Vec<i32>> = [2, 4, 6].iter().map(|&x| if x % 2 == 0 { Some(x / 2) } else { None }).collect();
    let bad: Option<Vec<i32>> = [2, 3, 6].iter().map(|&x| {
        println!("checking {x}");
        if x % 2 == 0 { Some(x / 2) } else { None }
    }).collect();
    println!("{halves:?} {bad:?}");
    let words: Result<Vec<String>, String> = ["a", "b"].iter().map(|s| Ok(s.to_uppercase())).collect::<Result<Vec<_>, _>>();
    println!("{words:?}");
}
