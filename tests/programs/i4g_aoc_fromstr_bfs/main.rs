// Issue 4: an Advent-of-Code style program: user FromStr through str::parse (turbofish and inferred),
// Result::ok as a fn value, BFS over a grid with HashMap/VecDeque, BTreeMap grouping, partition/windows.
use std::collections::{HashMap, HashSet, VecDeque, BTreeMap};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Dir { N, E, S, W }

impl Dir {
    fn turn_right(self) -> Dir {
        match self { Dir::N => Dir::E, Dir::E => Dir::S, Dir::S => Dir::W, Dir::W => Dir::N }
    }
    fn delta(self) -> (i32, i32) {
        match self { Dir::N => (0, -1), Dir::E => (1, 0), Dir::S => (0, 1), Dir::W => (-1, 0) }
    }
}

#[derive(Debug)]
struct ParseErr(String);

impl fmt::Display for ParseErr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "parse error: {}", self.0) }
}

#[derive(Debug, Clone, PartialEq)]
struct Move { dir: Dir, steps: u32 }

impl FromStr for Move {
    type Err = ParseErr;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (d, n) = s.split_at(1);
        let dir = match d { "N" => Dir::N, "E" => Dir::E, "S" => Dir::S, "W" => Dir::W, _ => return Err(ParseErr(format!("bad dir {d:?}"))) };
        let steps = n.parse().map_err(|e| ParseErr(format!("{e}")))?;
        Ok(Move { dir, steps })
    }
}

fn bfs(grid: &[Vec<char>], start: (usize, usize)) -> HashMap<(usize, usize), usize> {
    let mut dist = HashMap::new();
    let mut q = VecDeque::new();
    dist.insert(start, 0);
    q.push_back(start);
    while let Some((x, y)) = q.pop_front() {
        let d = dist[&(x, y)];
        for (dx, dy) in [(0i32, 1i32), (1, 0), (0, -1), (-1, 0)] {
            let (nx, ny) = (x as i32 + dx, y as i32 + dy);
            if nx < 0 || ny < 0 || ny as usize >= grid.len() || nx as usize >= grid[0].len() { continue; }
            let p = (nx as usize, ny as usize);
            if grid[p.1][p.0] == '#' || dist.contains_key(&p) { continue; }
            dist.insert(p, d + 1);
            q.push_back(p);
        }
    }
    dist
}

fn main() {
    let input = "N3\nE2\nS10\nW1\nX4\nN2x";
    let moves: Vec<Result<Move, ParseErr>> = input.lines().map(|l| l.parse::<Move>()).collect();
    for m in &moves {
        match m { Ok(m) => println!("{:?}", m), Err(e) => println!("{}", e) }
    }
    let inferred: Move = "E5".parse().unwrap();
    let annotated: Result<Move, ParseErr> = "Q1".parse();
    println!("{:?} {}", inferred, annotated.unwrap_err());
    let lens: Vec<usize> = ["ab", "cde"].iter().map(|s| str::len(s)).collect();
    println!("{:?} {} {:?}", lens, i32::abs(-4), Option::unwrap_or(None, 3));
    let ok: Vec<Move> = moves.into_iter().filter_map(Result::ok).collect();
    let mut pos = (0i32, 0i32);
    let mut seen = HashSet::new();
    for m in &ok {
        let (dx, dy) = m.dir.delta();
        for _ in 0..m.steps { pos.0 += dx; pos.1 += dy; seen.insert(pos); }
    }
    println!("final {:?} manhattan {} visited {}", pos, pos.0.abs() + pos.1.abs(), seen.len());
    let mut d = Dir::N;
    let dirs: Vec<Dir> = (0..5).map(|_| { let c = d; d = d.turn_right(); c }).collect();
    println!("{:?} max {:?}", dirs, dirs.iter().max());
    let maze = ["..#....", ".##.##.", "...#...", "#.....#"];
    let grid: Vec<Vec<char>> = maze.iter().map(|r| r.chars().collect()).collect();
    let dist = bfs(&grid, (0, 0));
    let far = dist.values().max().unwrap();
    let mut by_d: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (p, d) in &dist { by_d.entry(*d).or_default().push(*p); }
    for v in by_d.values_mut() { v.sort(); }
    println!("farthest {} cells {}; at 3: {:?}", far, dist.len(), by_d.get(&3));
    let words = "one two three two one two";
    let mut freq: Vec<(&str, usize)> = words.split(' ').fold(HashMap::new(), |mut m, w| { *m.entry(w).or_insert(0) += 1; m }).into_iter().collect();
    freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    println!("{:?}", freq);
    let nums: Vec<i64> = "3 -1 4 1 -5 9".split_whitespace().map(|x| x.parse().unwrap()).collect();
    let (pos_n, neg_n): (Vec<i64>, Vec<i64>) = nums.iter().partition(|&&x| x > 0);
    let windows: Vec<i64> = nums.windows(3).map(|w| w.iter().sum()).collect();
    println!("{:?} {:?} {:?} {:?}", pos_n, neg_n, windows, nums.iter().rev().skip_while(|&&x| x > 0).collect::<Vec<_>>());
    let s = String::from("Hello, Wörld!");
    let caesar: String = s.chars().map(|c| if c.is_ascii_lowercase() { (((c as u8 - b'a' + 3) % 26) + b'a') as char } else { c }).collect();
    println!("{caesar} {} {}", s.len(), s.chars().count());
    let matrix = vec![vec![1, 2, 3], vec![4, 5, 6]];
    let transposed: Vec<Vec<i32>> = (0..3).map(|c| matrix.iter().map(|row| row[c]).collect()).collect();
    println!("{:?}", transposed);
}
