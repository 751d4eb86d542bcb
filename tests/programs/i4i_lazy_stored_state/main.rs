// Issue 4 (iterators): lazy stored chains keep their state across uses — re-created per loop round, pulled
// from inside other closures, by_ref partial consumption, next_if grouping, peek after exhaustion.
fn main() {
    for round in 0..2 {
        let mut it = (round..round + 5).map(|x| x * 10).filter(|x| x % 20 == 0);
        println!("round {round}: {:?} {:?}", it.next(), it.nth(1));
        println!("  rest count {}", it.count());
    }
    let src = vec![5, 1, 4];
    let mut doubled = src.iter().map(|x| x * 2).peekable();
    let firsts: Vec<i32> = (0..2).map(|_| doubled.next().unwrap_or(-1)).collect();
    println!("{firsts:?} then peek {:?}", doubled.peek());
    println!("{:?}", doubled.next());
    println!("{:?}", doubled.peek());
    println!("{:?}", doubled.next());
    let mut e = src.iter().map(|&x| x + 1).enumerate().skip(1);
    let total: usize = e.by_ref().map(|(i, _)| i).sum();
    println!("total {total} then {:?}", e.next());
    let mut w = "a bb ccc dddd".split(' ').map(|s| s.len()).peekable();
    let mut groups = Vec::new();
    while let Some(n) = w.next() {
        let mut g = vec![n];
        while let Some(m) = w.next_if(|&m| m == n + g.len()) {
            g.push(m);
        }
        groups.push(g);
    }
    println!("{groups:?}");
    let mut last = src.iter().map(|x| x * 3);
    println!("last {:?} max {:?}", last.next(), last.max());
    let mut sm = src.iter().map(|x| x - 1).filter(|x| *x > 0);
    let first = sm.next();
    let s: i32 = sm.sum();
    println!("{first:?} {s}");
    let mut fused = src.iter().map(|&x| x).take_while(|&x| x > 2);
    println!("{:?} {:?} {:?}", fused.next(), fused.next(), fused.next());
}
