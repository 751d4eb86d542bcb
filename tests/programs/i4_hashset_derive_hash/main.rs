// Issue 4: #[derive(Hash, Eq)] keys in HashSet/HashMap; results printed in sorted order.
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Wall,
    Door(u8),
}

fn main() {
    let moves = "RRUULDDDLLUR";
    let mut visited = HashSet::new();
    let mut pos = Point { x: 0, y: 0 };
    visited.insert(pos);
    let mut revisits = 0;
    for m in moves.chars() {
        match m {
            'R' => pos.x += 1,
            'L' => pos.x -= 1,
            'U' => pos.y += 1,
            'D' => pos.y -= 1,
            _ => unreachable!(),
        }
        if !visited.insert(pos) {
            revisits += 1;
        }
    }
    let mut cells: Vec<_> = visited.iter().copied().collect();
    cells.sort();
    println!("{} cells, {revisits} revisits", cells.len());
    println!("{cells:?}");
    let mut map: HashMap<Point, Kind> = HashMap::new();
    map.insert(Point { x: 1, y: 0 }, Kind::Wall);
    map.insert(Point { x: 2, y: 2 }, Kind::Door(3));
    map.insert(Point { x: 1, y: 0 }, Kind::Door(1));
    let mut entries: Vec<_> = map.into_iter().collect();
    entries.sort();
    println!("{entries:?}");
    let kinds: HashSet<Kind> = [Kind::Wall, Kind::Door(1), Kind::Wall, Kind::Door(2)].into_iter().collect();
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort();
    println!("{kinds:?} contains wall {}", kinds.contains(&Kind::Wall));
}
