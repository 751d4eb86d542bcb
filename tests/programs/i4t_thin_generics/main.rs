// Issue 4: thin monomorphization. Generic code whose type parameters have no bounds is instantiated
// with several GC reference types (String, &str, a struct, Vec<i32>, a tuple, an Option) and with
// scalars; the reference instantiations share one wasm body, the scalar ones keep their own. Output
// must be identical to native whatever the sharing.
#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

/// A stack whose only field holds `T` inside a `Vec`: every GC-reference instance has one layout.
struct Stack<T> {
    items: Vec<T>,
    pushes: usize,
}

impl<T> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new(), pushes: 0 }
    }
    fn push(&mut self, x: T) {
        self.pushes += 1;
        self.items.push(x);
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    fn nth_from_top(&self, n: usize) -> Option<&T> {
        if n < self.items.len() {
            Some(&self.items[self.items.len() - 1 - n])
        } else {
            None
        }
    }
    fn into_items(self) -> Vec<T> {
        self.items
    }
}

/// A node holding `T` directly: instances keep their own layout (fields differ), the fns stay fat.
struct Labelled<T> {
    label: &'static str,
    value: T,
}

fn label<T>(label: &'static str, value: T) -> Labelled<T> {
    Labelled { label, value }
}

fn first<T>(v: &[T]) -> Option<&T> {
    v.first()
}

fn last_or<'a, T>(v: &'a [T], fallback: &'a T) -> &'a T {
    match v.last() {
        Some(x) => x,
        None => fallback,
    }
}

fn take_middle<T>(mut v: Vec<T>) -> T {
    let mid = v.len() / 2;
    v.remove(mid)
}

fn rotate_left<T>(v: &mut Vec<T>, n: usize) {
    for _ in 0..n {
        if v.is_empty() {
            return;
        }
        let x = v.remove(0);
        v.push(x);
    }
}

fn interleave<T>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut ia = a.into_iter();
    let mut ib = b.into_iter();
    loop {
        match (ia.next(), ib.next()) {
            (None, None) => break,
            (x, y) => {
                if let Some(x) = x {
                    out.push(x);
                }
                if let Some(y) = y {
                    out.push(y);
                }
            }
        }
    }
    out
}

fn pick<T>(cond: bool, a: T, b: T) -> T {
    if cond {
        a
    } else {
        b
    }
}

fn count_some<T>(v: &[Option<T>]) -> usize {
    v.iter().filter(|x| x.is_some()).count()
}

fn drain_all<T>(s: &mut Stack<T>) -> usize {
    let mut n = 0;
    while let Some(_) = s.pop() {
        n += 1;
    }
    n
}

/// Marker bounds give the body no operation on `T`: still thin.
fn chunk_pairs<T: Send + Sync + 'static>(v: Vec<T>) -> Vec<Vec<T>>
where
    T: Unpin,
{
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for x in v {
        cur.push(x);
        if cur.len() == 2 {
            out.push(cur);
            cur = Vec::new();
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn main() {
    // Stack<String>, Stack<Point>, Stack<Vec<i32>>, Stack<&str>, Stack<i32> (scalar: its own body).
    let mut names: Stack<String> = Stack::new();
    for w in ["ada", "grace", "edsger"] {
        names.push(w.to_uppercase());
    }
    println!("names: len {} empty {} peek {:?} 2nd {:?}", names.len(), names.is_empty(), names.peek(), names.nth_from_top(1));
    let top = names.pop();
    println!("popped {:?}, now {:?}", top, names.peek());

    let mut pts: Stack<Point> = Stack::new();
    for i in 0..4 {
        pts.push(Point { x: i, y: i * i });
    }
    if let Some(p) = pts.peek() {
        println!("peek point {:?} sum {}", p, p.x + p.y);
    }
    let p = pts.pop().unwrap();
    println!("popped {:?}; {} left, {} pushes", p, pts.len(), pts.pushes);
    println!("third from top {:?}, tenth {:?}", pts.nth_from_top(2), pts.nth_from_top(10));

    let mut vecs: Stack<Vec<i32>> = Stack::new();
    vecs.push(vec![1, 2, 3]);
    vecs.push(Vec::new());
    vecs.push((10..14).collect());
    let sum: i32 = vecs.peek().map(|v| v.iter().sum()).unwrap_or(0);
    println!("vec stack top sum {} len {}", sum, vecs.len());
    println!("drained {} vectors, empty {}", drain_all(&mut vecs), vecs.is_empty());

    let mut strs: Stack<&str> = Stack::new();
    strs.push("alpha");
    strs.push("beta");
    println!("strs {:?} {:?}", strs.pop(), strs.peek());

    let mut nums: Stack<i32> = Stack::new();
    for i in 1..=5 {
        nums.push(i * 7);
    }
    println!("nums pop {:?} peek {:?}", nums.pop(), nums.peek());
    println!("nums items {:?}", nums.into_items());
    println!("points left {:?}", pts.into_items());

    // Free generic fns at reference and scalar types.
    let words: Vec<String> = "the quick brown fox".split(' ').map(String::from).collect();
    println!("first {:?} / {:?} / {:?}", first(&words), first(&[1.5f64, 2.5]), first::<Point>(&[]));
    let fallback = String::from("none");
    println!("last_or {} {}", last_or(&words, &fallback), last_or(&Vec::new(), &fallback));
    let origin = Point { x: 0, y: 0 };
    println!("last_or point {:?}", last_or(&[Point { x: 3, y: 4 }], &origin));
    println!("middle {} {:?} {}", take_middle(words.clone()), take_middle(vec![Point { x: 1, y: 1 }, Point { x: 2, y: 2 }]), take_middle(vec![5u8, 6, 7]));

    let mut ring = words.clone();
    rotate_left(&mut ring, 3);
    println!("rotated {:?}", ring);
    let mut ring_pts = vec![Point { x: 1, y: 0 }, Point { x: 2, y: 0 }, Point { x: 3, y: 0 }];
    rotate_left(&mut ring_pts, 1);
    println!("rotated points {:?}", ring_pts);
    let mut ring_nums = vec![1, 2, 3, 4];
    rotate_left(&mut ring_nums, 5);
    println!("rotated numbers {:?}", ring_nums);

    let mixed = interleave(vec!["a".to_string(), "b".to_string(), "c".to_string()], vec!["1".to_string()]);
    println!("interleaved {:?}", mixed);
    let tuples = interleave(vec![(1, 'x')], vec![(2, 'y'), (3, 'z')]);
    println!("interleaved tuples {:?}", tuples);

    let chosen = pick(words.len() > 3, Point { x: 9, y: 9 }, origin.clone());
    println!("picked {:?} {} {:?}", chosen, pick(false, "left", "right"), pick(true, Some(vec![1]), None));

    let opts = vec![Some("x".to_string()), None, Some("z".to_string())];
    println!("some count {} {}", count_some(&opts), count_some(&[Some(1), None, None]));

    let l1 = label("point", Point { x: 5, y: 6 });
    let l2 = label("word", String::from("hi"));
    let l3 = label("number", 42u64);
    println!("{}={:?} {}={} {}={}", l1.label, l1.value, l2.label, l2.value, l3.label, l3.value);

    println!("pairs {:?}", chunk_pairs(vec!["a".to_string(), "b".to_string(), "c".to_string()]));
    println!("pairs {:?}", chunk_pairs(vec![Point { x: 1, y: 2 }, Point { x: 3, y: 4 }]));
    println!("pairs {:?}", chunk_pairs(vec![1, 2, 3, 4, 5]));
    println!("pairs {:?}", chunk_pairs(vec![vec!['x'], vec![], vec!['y', 'z']]));

    let empty: Vec<String> = Vec::new();
    if empty.is_empty() {
        let v: Vec<Point> = vec![Point { x: 1, y: 2 }];
        println!("middle of one {:?}", take_middle(v));
    }
}
