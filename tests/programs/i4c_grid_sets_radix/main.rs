// Issue 4: AoC-style helpers: AddAssign, Index/IndexMut with a tuple index, a returned
// `impl Iterator + '_`, nested iter_mut, HashSet algebra, BTreeMap::range/first_key_value/next_back,
// entry().or_insert_with(Vec::new), fn paths as filters, from_str_radix (errors included),
// get_or_insert_with, Option::zip, split_terminator, min_by_key with Reverse.
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::{AddAssign, Index, IndexMut};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct P { x: i64, y: i64 }
impl AddAssign for P { fn add_assign(&mut self, o: P) { self.x += o.x; self.y += o.y; } }

struct Grid { w: usize, h: usize, cells: Vec<u8> }
impl Index<(usize, usize)> for Grid { type Output = u8; fn index(&self, (x, y): (usize, usize)) -> &u8 { &self.cells[y * self.w + x] } }
impl IndexMut<(usize, usize)> for Grid { fn index_mut(&mut self, (x, y): (usize, usize)) -> &mut u8 { &mut self.cells[y * self.w + x] } }
impl Grid {
    fn render(&self) -> String { self.cells.chunks(self.w).map(|r| r.iter().map(|&c| c as char).collect::<String>()).collect::<Vec<_>>().join("\n") }
    fn neighbors(&self, x: usize, y: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let (w, h) = (self.w as i64, self.h as i64);
        [(-1i64, 0i64), (1, 0), (0, -1), (0, 1)].into_iter().map(move |(dx, dy)| (x as i64 + dx, y as i64 + dy)).filter(move |&(a, b)| a >= 0 && b >= 0 && a < w && b < h).map(|(a, b)| (a as usize, b as usize))
    }
}

fn main() {
    let mut p = P::default();
    for d in [P { x: 1, y: 2 }, P { x: -3, y: 5 }] { p += d; }
    println!("{:?} {} {}", p, p.x.signum(), p.x.abs_diff(p.y));
    let mut g = Grid { w: 4, h: 3, cells: vec![b'.'; 12] };
    g[(1, 1)] = b'#';
    g[(3, 2)] = b'@';
    let n: Vec<_> = g.neighbors(3, 2).collect();
    println!("{}\n{:?} {}", g.render(), n, g[(1, 1)] as char);
    let mut rows = vec![vec![0u32; 3]; 2];
    for (y, row) in rows.iter_mut().enumerate() { for (x, c) in row.iter_mut().enumerate() { *c = (x * 10 + y) as u32; } }
    rows[1][2] += 100;
    println!("{:?}", rows);
    let a: HashSet<i32> = (1..7).collect();
    let b: HashSet<i32> = (4..10).collect();
    let mut inter: Vec<_> = a.intersection(&b).copied().collect(); inter.sort();
    let mut diff: Vec<_> = a.difference(&b).collect(); diff.sort();
    let mut uni: Vec<_> = a.union(&b).collect(); uni.sort();
    println!("{:?} {:?} {:?}", inter, diff, uni.len());
    let mut bt = BTreeMap::new();
    for (i, w) in "zeta alpha mid beta omega".split(' ').enumerate() { bt.insert(w.to_string(), i); }
    let mid: Vec<_> = bt.range("b".to_string().."n".to_string()).map(|(k, v)| format!("{k}={v}")).collect();
    println!("{:?} first {:?} last {:?}", mid, bt.first_key_value(), bt.keys().next_back());
    let mut idx: HashMap<char, Vec<&str>> = HashMap::new();
    for w in ["apple", "avocado", "banana", "blueberry", "cherry"] { idx.entry(w.chars().next().unwrap()).or_insert_with(Vec::new).push(w); }
    let mut ks: Vec<_> = idx.iter().map(|(k, v)| (*k, v.len())).collect(); ks.sort();
    println!("{:?} {}", ks, idx.contains_key(&'z'));
    let digits: u32 = "a1b2c3".chars().filter(char::is_ascii_digit).map(|c| c.to_digit(10).unwrap()).sum();
    println!("{} {:?} {} {}", digits, u64::from_str_radix("ff_", 16).is_err(), i64::from_str_radix("-1010", 2).unwrap(), "ab".repeat(3));
    for (s, r) in [("zz", 36u32), ("-7f", 16), ("80", 16), ("-81", 16), ("", 2), ("12", 2), ("+1_0", 10), ("Ff", 16)] {
        print!("{:?} ", i8::from_str_radix(s, r).map_err(|e| e.to_string()));
    }
    println!("{:?}", u16::from_str_radix("zz", 36));
    let line: String = std::iter::repeat("=-").take(5).collect();
    let mut cache: Option<Vec<u8>> = None;
    cache.get_or_insert_with(Vec::new).push(7);
    println!("{line} {:?} {:?} {:?}", cache, Some(1).zip(Some('a')), Some(4).and_then(|x| if x > 3 { Some(x * 2) } else { None }));
    println!("{:?} {}", "a;b;c;".split_terminator(';').collect::<Vec<_>>(), "stressed".bytes().rev().map(|b| b as char).collect::<String>());
    let best = [(3, 'c'), (1, 'z'), (1, 'a')].iter().min_by_key(|&&(n, c)| (n, std::cmp::Reverse(c))).unwrap();
    println!("{:?} {}", best, None::<i32>.unwrap_or_else(|| -1));
}
