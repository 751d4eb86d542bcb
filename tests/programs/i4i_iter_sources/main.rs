// Issue 4 (iterators): std::iter sources — successors (successor computed before the item is handed out),
// from_fn with a captured counter, repeat/repeat_n (clones), once, empty, and cycle over pure chains.
use std::iter;
fn main() {
    let pows: Vec<u64> = iter::successors(Some(1u64), |&x| if x < 1000 { Some(x * 3) } else { None }).collect();
    println!("{pows:?}");
    let collatz: Vec<u32> = std::iter::successors(Some(27u32), |&n| if n == 1 { None } else if n % 2 == 0 { Some(n / 2) } else { Some(3 * n + 1) }).take(10).collect();
    println!("{collatz:?}");
    let mut count = 0;
    let counter: Vec<i32> = iter::from_fn(|| {
        count += 1;
        if count <= 4 { Some(count * count) } else { None }
    }).collect();
    println!("{counter:?}");
    let line: String = iter::repeat('=').take(12).collect();
    println!("{line}");
    let words: Vec<String> = iter::repeat("ab".to_string()).take(3).collect();
    println!("{words:?} {:?}", iter::repeat_n(7, 3).collect::<Vec<_>>());
    let all: Vec<i32> = iter::once(0).chain(vec![1, 2]).chain(iter::empty()).collect();
    println!("{all:?}");
    let cyc: Vec<char> = "abc".chars().cycle().take(8).collect();
    println!("{cyc:?}");
    let pattern: Vec<(usize, &i32)> = [1, 2].iter().cycle().enumerate().skip(3).take(3).collect();
    println!("{pattern:?}");
    let seq: Vec<u32> = iter::successors(Some(1u32), |&x| {
        println!("succ of {x}");
        x.checked_mul(10)
    }).take(3).collect();
    println!("{seq:?}");
}
