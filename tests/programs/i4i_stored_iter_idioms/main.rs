// Issue 4 (iterators): stored iterators consumed piecewise — split_whitespace/chars/lines/filter/map values
// with next, nth, last, while-let, a for loop over the rest, peek-based run grouping, Option/Result iter.
fn parse_list(s: &str) -> Vec<Vec<u32>> {
    s.split(';').map(|part| part.split(',').filter(|x| !x.is_empty()).map(|x| x.trim().parse().unwrap()).collect()).collect()
}
fn group_runs(v: &[i32]) -> Vec<(i32, usize)> {
    let mut out: Vec<(i32, usize)> = Vec::new();
    let mut it = v.iter().peekable();
    while let Some(&x) = it.next() {
        let mut n = 1;
        while it.peek() == Some(&&x) {
            it.next();
            n += 1;
        }
        out.push((x, n));
    }
    out
}
fn main() {
    println!("{:?}", parse_list("1,2,3;4;;5, 6"));
    println!("{:?}", group_runs(&[1, 1, 2, 2, 2, 3, 1]));
    let mut tokens = "let x = 10 ;".split_whitespace();
    let kw = tokens.next();
    let name = tokens.next();
    let rest: Vec<&str> = tokens.collect();
    println!("{kw:?} {name:?} {rest:?}");
    let mut chars = "abc".chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        out.push(c);
        if let Some(d) = chars.next() {
            out.push(d.to_ascii_uppercase());
        }
    }
    println!("{out}");
    let v: Vec<i32> = (1..=20).collect();
    let mut evens = v.iter().filter(|&&x| x % 2 == 0);
    println!("{:?} {:?}", evens.next(), evens.nth(2));
    println!("{:?}", evens.last());
    let mut lines = "a\nb\nc\nd".lines().enumerate().skip(1);
    while let Some((i, l)) = lines.next() {
        print!("{i}{l} ");
    }
    println!();
    let data = [3, 7, 1, 8];
    let mut iter = data.iter().copied();
    let mut best = iter.next().unwrap();
    for x in iter {
        if x > best {
            best = x;
        }
    }
    println!("{best}");
    let mut p = data.iter().peekable();
    let mut ups = 0;
    while let Some(a) = p.next() {
        if let Some(&&b) = p.peek() {
            if b > *a {
                ups += 1;
            }
        }
    }
    println!("ups {ups}");
    let words = vec!["apple".to_string(), "bob".to_string()];
    let mut wi = words.iter().map(|w| w.len());
    println!("{:?} {:?} {:?}", wi.next(), wi.next(), wi.next());
    let opt: Option<Vec<i32>> = Some(vec![1, 2]);
    let n = opt.as_ref().map_or(0, |v| v.len());
    let s: i32 = opt.iter().flatten().sum();
    println!("{n} {s}");
    let r: Result<i32, String> = "12".parse::<i32>().map_err(|e| e.to_string());
    let doubled = r.as_ref().map(|x| x * 2).unwrap_or(0);
    println!("{doubled} {:?}", r.iter().next());
}
