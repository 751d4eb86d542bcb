// Issue 4: derives on generic structs and enums: PartialOrd/Ord (sort, cmp, max), Hash, Default and
// {:#?} of each instance (Pair<i32>, Pair<String>, Tree<f64>), through the monomorphized instances.
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::cmp::Ordering;
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
struct Pair<T> { a: T, b: T }
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Tree<T> { Leaf(T), Node(Box<Tree<T>>, Box<Tree<T>>) }
fn main() {
    let mut v = vec![Pair { a: 3, b: 1 }, Pair { a: 1, b: 9 }, Pair { a: 3, b: 0 }];
    v.sort();
    println!("{v:?} {:?}", v[0].cmp(&v[1]));
    println!("{:?}", v.iter().max());
    let p: Pair<String> = Default::default();
    println!("{p:?} {:?}", Pair::<u8>::default());
    let t1 = Tree::Node(Box::new(Tree::Leaf(1.5)), Box::new(Tree::Leaf(2.0)));
    let t2 = Tree::Leaf(9.0);
    println!("{:?} {}", t1.partial_cmp(&t2), t2 < t1);
    println!("{:#?}", t1);
    let o: Ordering = Pair { a: "x", b: "y" }.cmp(&Pair { a: "x", b: "a" });
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    Pair { a: "k".to_string(), b: String::new() }.hash(&mut h);
    println!("{}", h.finish());
    println!("{o:?}");
}
