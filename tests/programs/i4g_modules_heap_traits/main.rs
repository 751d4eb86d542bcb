// Issue 4: nested modules with pub(crate) and assoc consts, manual Ord driving a BinaryHeap, a blanket
// trait impl on Vec<T: Display> with a `where Self: Sized` default method, nested generic Display
// (Wrapper<Wrapper<&str>>), statics/const fn, sort keys with Reverse, HashMap::retain, dedup_by_key,
// fn paths as closures (f64::max), float formatting corner cases.
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, BTreeSet};
use std::fmt::{self, Display};

mod geometry {
    pub mod shapes {
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct Pt { pub x: f64, pub y: f64 }
        impl Pt {
            pub const ORIGIN: Pt = Pt { x: 0.0, y: 0.0 };
            pub fn dist(&self, o: &Pt) -> f64 { ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt() }
        }
        pub(crate) fn centroid(ps: &[Pt]) -> Pt {
            let n = ps.len() as f64;
            Pt { x: ps.iter().map(|p| p.x).sum::<f64>() / n, y: ps.iter().map(|p| p.y).sum::<f64>() / n }
        }
    }
}
use geometry::shapes::{self, Pt};

#[derive(Debug, PartialEq, Eq)]
struct Task { pri: u32, name: String }
impl Ord for Task {
    fn cmp(&self, o: &Self) -> Ordering { self.pri.cmp(&o.pri).then_with(|| o.name.cmp(&self.name)) }
}
impl PartialOrd for Task { fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) } }

trait Describe { fn describe(&self) -> String; fn twice(&self) -> String where Self: Sized { format!("{0} {0}", self.describe()) } }
impl<T: Display> Describe for Vec<T> { fn describe(&self) -> String { self.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("+") } }

struct Wrapper<T>(T);
impl<T: Display> Display for Wrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "[{}]", self.0) }
}

static PRIMES: [u32; 5] = [2, 3, 5, 7, 11];
const fn square(x: u32) -> u32 { x * x }

fn main() {
    let ps = [Pt { x: 1.0, y: 2.0 }, Pt { x: 3.0, y: 4.0 }, Pt { x: -1.0, y: 0.5 }];
    let c = shapes::centroid(&ps);
    println!("{:?} {:.4} {:.4}", c, c.dist(&Pt::ORIGIN), ps[0].dist(&ps[1]));
    let far = ps.iter().copied().max_by(|a, b| a.dist(&Pt::ORIGIN).partial_cmp(&b.dist(&Pt::ORIGIN)).unwrap());
    let max_x = ps.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max);
    println!("{:?} {}", far, max_x);
    let mut heap = BinaryHeap::new();
    for (p, n) in [(2, "write"), (5, "deploy"), (2, "alpha"), (9, "fix")] { heap.push(Task { pri: p, name: n.to_string() }); }
    let order: Vec<String> = std::iter::from_fn(|| heap.pop()).map(|t| format!("{}:{}", t.pri, t.name)).collect();
    println!("{}", order.join(" "));
    println!("{} | {}", vec![1, 2, 3].describe(), vec!["a", "b"].twice());
    println!("{} {}", Wrapper(3.5), Wrapper(Wrapper("in")));
    println!("{:?} {}", PRIMES.iter().map(|&p| square(p)).collect::<Vec<_>>(), PRIMES.binary_search(&7).unwrap());
    let mut people = vec![("bob", 25, 1.80), ("alice", 30, 1.65), ("carol", 25, 1.70), ("dave", 30, 1.90)];
    people.sort_by_key(|&(n, age, _)| (std::cmp::Reverse(age), n));
    println!("{:?}", people);
    people.sort_by(|a, b| a.2.partial_cmp(&b.2).unwrap().reverse());
    println!("{:?}", people.iter().map(|p| p.0).collect::<Vec<_>>());
    let mut inv: HashMap<&str, i32> = [("apple", 3), ("pear", 0), ("fig", 7)].into_iter().collect();
    inv.retain(|_, v| *v > 0);
    let mut keys: Vec<_> = inv.keys().copied().collect();
    keys.sort_unstable();
    println!("{:?} {}", keys, inv.values().sum::<i32>());
    let s = "The quick brown fox";
    let caps: String = s.split(' ').map(|w| { let mut c = w.chars(); match c.next() { Some(f) => f.to_uppercase().collect::<String>() + c.as_str(), None => String::new() } }).collect::<Vec<_>>().join(" ");
    let idx: Vec<usize> = s.char_indices().filter(|(_, c)| c.is_uppercase()).map(|(i, _)| i).collect();
    let uniq: BTreeSet<char> = s.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    println!("{caps} {:?} {} {}", idx, uniq.len(), uniq.iter().rev().take(3).collect::<String>());
    let mut v = vec![1, 1, 2, 3, 3, 3, 4, 1];
    v.dedup_by_key(|x| *x / 2);
    println!("{:?} {:?} {:?}", v, (0..20).rev().step_by(7).collect::<Vec<_>>(), "a-b-c".rsplit('-').last());
    println!("{:.0} {:.0} {:.1} {:10.3e}| {:<8?}|", 2.5f64, 3.5f64, 0.05f64, 123456.0f64, Some(1));
}
