// Issue 4: everyday idioms: Formatter builders in hand-written Debug, swap_remove/retain/dedup/split_off,
// entry().and_modify().or_insert(), successors/from_fn/once, labeled breaks, @ bindings, {:08b}.
use std::collections::HashMap;
use std::fmt;

struct Grid {
    w: usize,
    h: usize,
    cells: Vec<u8>,
}

impl fmt::Debug for Grid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Grid").field("w", &self.w).field("h", &self.h).finish()
    }
}

struct Pt(i32, i32);
impl fmt::Debug for Pt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pt").field(&self.0).field(&self.1).finish()
    }
}

fn main() {
    let g = Grid { w: 3, h: 2, cells: vec![b'.'; 6] };
    println!("{:?} {}", g, g.cells.len());
    println!("{:?} {:#?}", Pt(1, 2), Pt(3, 4));
    let mut v = vec![5, 1, 4, 1, 5, 9, 2, 6];
    let x = v.swap_remove(1);
    v.retain(|&x| x != 5);
    v.dedup();
    let tail = v.split_off(2);
    println!("{x} {:?} {:?}", v, tail);
    let mut counts: HashMap<char, usize> = HashMap::new();
    for c in "hello world".chars().filter(|c| c.is_alphabetic()) {
        counts.entry(c).and_modify(|n| *n += 1).or_insert(1);
    }
    let mut cs: Vec<_> = counts.into_iter().collect();
    cs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("{:?}", &cs[..3]);
    let s: String = "abc".chars().rev().collect();
    println!("{s} {:?} {:?}", "xxabcxx".trim_matches('x'), "prefix-rest".strip_prefix("prefix-"));
    let fib: Vec<u64> = std::iter::successors(Some((0u64, 1u64)), |&(a, b)| Some((b, a + b))).map(|p| p.0).take(10).collect();
    println!("{:?}", fib);
    let mut n = 0;
    let squares: Vec<i32> = std::iter::from_fn(|| { n += 1; if n < 5 { Some(n * n) } else { None } }).collect();
    println!("{:?} {:08b} {:>6.2}", squares, 37u8, 3.14159);
    'outer: for i in 0..5 {
        for j in 0..5 {
            if i * j == 6 { println!("found {i} {j}"); break 'outer; }
        }
    }
    let msg = match 42 { n @ 40..=49 => format!("forties {n}"), _ => String::new() };
    println!("{msg}");
    let total: i32 = [1, 2, 3].iter().chain(std::iter::once(&4)).sum();
    println!("{total} {:?}", "1,2,,3".split(',').map(|p| p.parse::<i32>().ok()).collect::<Vec<_>>());
}
