// Issue 4: generic structs/enums with generic impls, instantiated with several types (mono from main).
#[derive(Debug, Clone, PartialEq)]
struct Pair<A, B> {
    left: A,
    right: B,
}

impl<A: Clone, B: Clone> Pair<A, B> {
    fn new(left: A, right: B) -> Self {
        Pair { left, right }
    }
    fn swap(&self) -> Pair<B, A> {
        Pair { left: self.right.clone(), right: self.left.clone() }
    }
}

#[derive(Debug)]
struct Ring<T> {
    items: Vec<T>,
    cap: usize,
}

impl<T: Clone + std::fmt::Debug> Ring<T> {
    fn with_capacity(cap: usize) -> Self {
        Ring { items: Vec::new(), cap }
    }
    fn push(&mut self, x: T) -> Option<T> {
        self.items.push(x);
        if self.items.len() > self.cap { Some(self.items.remove(0)) } else { None }
    }
    fn newest(&self) -> Option<&T> {
        self.items.last()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tree<T> {
    Leaf(T),
    Empty,
}

fn first_or<T: Copy>(xs: &[T], default: T) -> T {
    if xs.is_empty() { default } else { xs[0] }
}

fn count_matching<T: PartialEq>(xs: &[T], needle: &T) -> usize {
    let mut n = 0;
    for x in xs {
        if x == needle {
            n += 1;
        }
    }
    n
}

fn wrap<T>(x: T) -> Vec<T> {
    let mut v = Vec::new();
    v.push(x);
    v
}

fn main() {
    let p = Pair::new(1u8, "one".to_string());
    let q = p.swap();
    println!("{:?} {:?} {}", p, q, p == Pair::new(1, "one".to_string()));
    let mut r: Ring<i64> = Ring::with_capacity(3);
    for i in 0..5 {
        let evicted = r.push(i * 10);
        println!("push {} evicted {:?} newest {:?} len {}", i * 10, evicted, r.newest(), r.len());
    }
    let mut names = Ring::with_capacity(2);
    names.push("a".to_string());
    names.push("b".to_string());
    println!("{:?} {:?}", names.push("c".to_string()), names);
    let t: Tree<f64> = Tree::Leaf(2.5);
    let e: Tree<char> = Tree::Empty;
    println!("{:?} {:?} {}", t, e, t == Tree::Leaf(2.5));
    println!("{} {} {}", first_or(&[7, 8], 0), first_or::<char>(&[], 'z'), first_or(&[1.5f32], 0.0));
    println!("{} {}", count_matching(&[1, 2, 1, 3, 1], &1), count_matching(&["x", "y"], &"y"));
    println!("{:?} {:?}", wrap(Pair::new('a', 1)), wrap(wrap(true)));
}
