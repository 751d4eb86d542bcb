// Issue 4 (collections): HashSet with integer, char, String and derived-Hash struct/enum keys; insert
// returning whether the value was new, remove, contains, set algebra, is_subset/is_disjoint, extend,
// retain; output sorted since hash order differs from native.
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Shape {
    Dot,
    Line(i32),
    Rect { w: u16, h: u16 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct P {
    x: i8,
    y: i8,
}

fn sorted<T: Ord + Clone>(v: Vec<T>) -> Vec<T> {
    let mut v = v;
    v.sort();
    v
}

fn main() {
    let mut seen = HashSet::new();
    let dups: Vec<i32> = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5].iter().copied().filter(|x| !seen.insert(*x)).collect();
    println!("dups {:?} unique {}", dups, seen.len());
    let a: HashSet<char> = "hello world".chars().filter(|c| c.is_alphabetic()).collect();
    let b: HashSet<char> = "lower case".chars().filter(|c| *c != ' ').collect();
    let mut i: Vec<char> = a.intersection(&b).copied().collect();
    i.sort();
    let mut u: Vec<&char> = a.union(&b).collect();
    u.sort();
    let mut d: Vec<char> = a.difference(&b).cloned().collect();
    d.sort();
    let mut s: Vec<char> = a.symmetric_difference(&b).cloned().collect();
    s.sort();
    println!("{:?}\n{:?}\n{:?}\n{:?}", i, u, d, s);
    println!("subset {} disjoint {}", HashSet::from(['o', 'l']).is_subset(&a), a.is_disjoint(&HashSet::from(['z', 'q'])));

    let mut shapes: HashSet<Shape> = HashSet::new();
    for s in [Shape::Dot, Shape::Line(3), Shape::Rect { w: 2, h: 3 }, Shape::Line(3), Shape::Dot, Shape::Rect { w: 3, h: 2 }] {
        shapes.insert(s);
    }
    println!("{:?}", sorted(shapes.iter().cloned().collect()));
    println!("{} {}", shapes.contains(&Shape::Line(3)), shapes.contains(&Shape::Line(4)));
    println!("remove {} {}", shapes.remove(&Shape::Dot), shapes.remove(&Shape::Dot));

    let mut visited: HashSet<P> = HashSet::new();
    let (mut x, mut y) = (0i8, 0i8);
    for step in "RRUULDDDLLUR".chars() {
        match step {
            'R' => x += 1,
            'L' => x -= 1,
            'U' => y += 1,
            _ => y -= 1,
        }
        visited.insert(P { x, y });
    }
    println!("{} {:?}", visited.len(), sorted(visited.iter().copied().collect()));
    let mut names: HashSet<String> = HashSet::new();
    names.extend(["ann", "bob", "cy"].iter().map(|s| s.to_string()));
    names.extend(vec!["bob".to_string(), "dee".to_string()]);
    names.retain(|n| n != "cy");
    println!("{:?} {}", sorted(names.into_iter().collect()), seen.contains(&9));
    let big: HashSet<u64> = (0..5000u64).map(|i| i * i % 7919).collect();
    println!("{} {}", big.len(), (0..7919u64).filter(|i| big.contains(i)).count());
}
