// Issue 4 (collections): collections inside structs and each other, equality of maps/sets (hash order
// independent), BTreeSet and Vec as hash keys, clone independence, get_mut + unwrap, max_by_key over a
// map, values().sum(), and a word-graph adjacency list of HashMap<String, BTreeSet<String>>.
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

#[derive(Debug, Clone, PartialEq)]
struct Library {
    name: String,
    shelves: BTreeMap<u32, Vec<String>>,
    tags: HashSet<String>,
}

fn main() {
    let mut lib = Library { name: "main".to_string(), shelves: BTreeMap::new(), tags: HashSet::new() };
    for (i, title) in ["dune", "emma", "ulysses", "beloved", "hamlet"].iter().enumerate() {
        lib.shelves.entry(i as u32 % 2).or_default().push(title.to_string());
        lib.tags.insert(title[..1].to_string());
    }
    let copy = lib.clone();
    lib.shelves.get_mut(&0).unwrap().push("odyssey".to_string());
    println!("{:?}", lib.shelves);
    println!("{:?}", copy.shelves);
    println!("equal {} {}", lib == copy, copy == copy.clone());
    let mut tags: Vec<&String> = lib.tags.iter().collect();
    tags.sort();
    println!("{} {:?}", lib.name, tags);

    let a: HashMap<&str, i32> = [("x", 1), ("y", 2), ("z", 3)].into_iter().collect();
    let mut b: HashMap<&str, i32> = HashMap::new();
    for (k, v) in [("z", 3), ("x", 1), ("y", 2)] {
        b.insert(k, v);
    }
    println!("maps equal {}", a == b);
    b.insert("y", 20);
    println!("after change {} sum {} max {:?}", a == b, b.values().sum::<i32>(), b.iter().max_by_key(|(_, v)| **v).map(|(k, _)| *k));
    let s1: HashSet<u8> = (1..6).collect();
    let s2: HashSet<u8> = (1..6).rev().collect();
    println!("sets equal {}", s1 == s2);

    let mut seen: HashSet<BTreeSet<char>> = HashSet::new();
    for w in ["listen", "silent", "enlist", "google", "banana", "nabana"] {
        let letters: BTreeSet<char> = w.chars().collect();
        println!("{} {:?} new {}", w, letters, seen.insert(letters.clone()));
    }
    let mut paths: HashMap<Vec<u8>, usize> = HashMap::new();
    for p in [vec![1, 2], vec![2, 1], vec![1, 2], vec![]] {
        *paths.entry(p).or_insert(0) += 1;
    }
    let mut pv: Vec<_> = paths.into_iter().collect();
    pv.sort();
    println!("{:?}", pv);

    let edges = [("ant", "bee"), ("bee", "cat"), ("ant", "cat"), ("cat", "dog"), ("dog", "ant")];
    let mut graph: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (x, y) in edges {
        graph.entry(x.to_string()).or_default().insert(y.to_string());
        graph.entry(y.to_string()).or_default().insert(x.to_string());
    }
    let mut names: Vec<&String> = graph.keys().collect();
    names.sort();
    for n in names {
        println!("{} -> {:?}", n, graph[n]);
    }
    // BFS over the graph with a VecDeque of owned names
    let mut dist: BTreeMap<String, u32> = BTreeMap::new();
    let mut queue: VecDeque<String> = VecDeque::new();
    dist.insert("ant".to_string(), 0);
    queue.push_back("ant".to_string());
    while let Some(cur) = queue.pop_front() {
        let d = dist[&cur];
        for next in &graph[&cur] {
            if !dist.contains_key(next) {
                dist.insert(next.clone(), d + 1);
                queue.push_back(next.clone());
            }
        }
    }
    println!("{:?}", dist);
    let grid: Vec<HashMap<char, usize>> = ["aab", "bcc"].iter().map(|row| {
        let mut m = HashMap::new();
        for c in row.chars() {
            *m.entry(c).or_insert(0) += 1;
        }
        m
    }).collect();
    for m in &grid {
        let mut v: Vec<(char, usize)> = m.iter().map(|(c, n)| (*c, *n)).collect();
        v.sort();
        println!("{:?}", v);
    }
    let q1: VecDeque<i32> = (1..4).collect();
    let mut q2 = VecDeque::new();
    q2.push_front(1);
    q2.push_back(2);
    q2.push_back(3);
    println!("deques equal {} {:?}", q1 == q2, q1.iter().rev().collect::<Vec<_>>());
    println!("{:#?}", BTreeMap::from([(1, "one"), (2, "two")]));
    println!("{:#?}", BTreeSet::from([3, 1]));
}
