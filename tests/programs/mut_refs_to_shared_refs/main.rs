// Writing through `&mut &str` / `&mut &T` rebinds the reference (it used to be silently ignored):
// fn parameters, fields, iter_mut (plain, enumerate, for_each), first_mut/last_mut/get_mut,
// HashMap get_mut/entry, mem::swap/replace/take on references.
use std::collections::HashMap;

#[derive(Debug)]
struct Point {
    x: i32,
}

struct Label {
    text: &'static str,
    target: &'static Point,
}

static ORIGIN: Point = Point { x: 0 };
static ONE: Point = Point { x: 1 };

fn set(r: &mut &str, to: &'static str) {
    *r = to;
}

fn longest<'a>(slot: &mut &'a str, candidates: &[&'a str]) {
    for c in candidates {
        if c.len() > slot.len() {
            *slot = c;
        }
    }
}

impl Label {
    fn text_mut(&mut self) -> &mut &'static str {
        &mut self.text
    }
}

fn main() {
    let mut a = "x";
    set(&mut a, "world");
    let mut best = "";
    longest(&mut best, &["ab", "abcd", "abc"]);
    println!("{a} {best}");

    let mut l = Label { text: "hello", target: &ORIGIN };
    let t = &mut l.text;
    *t = "bye";
    *l.text_mut() = "method";
    l.target = &ONE;
    let tr = &mut l.target;
    *tr = &ORIGIN;
    println!("{} {:?} {}", l.text, l.target, l.target.x);

    let mut v = vec!["a", "b", "c", "d"];
    for x in v.iter_mut() {
        if *x == "b" {
            *x = "B";
        }
    }
    for (i, x) in v.iter_mut().enumerate() {
        if i == 2 {
            *x = "C";
        }
    }
    v.iter_mut().filter(|x| **x == "d").for_each(|x| *x = "D");
    if let Some(f) = v.first_mut() {
        *f = "A";
    }
    *v.last_mut().unwrap() = "last";
    if let Some(m) = v.get_mut(1) {
        *m = "second";
    }
    println!("{:?}", v);

    let mut pts: Vec<&Point> = vec![&ORIGIN, &ORIGIN];
    pts[1] = &ONE;
    if let Some(p) = pts.first_mut() {
        *p = &ONE;
    }
    println!("{:?}", pts);

    let mut m: HashMap<u8, &str> = HashMap::new();
    m.insert(1, "one");
    if let Some(s) = m.get_mut(&1) {
        *s = "uno";
    }
    *m.entry(2).or_insert("two") = "dos";
    let mut kv: Vec<_> = m.into_iter().collect();
    kv.sort();
    println!("{:?}", kv);

    let (mut p, mut q) = ("p", "q");
    std::mem::swap(&mut p, &mut q);
    let old = std::mem::replace(&mut p, "new");
    let mut opt = Some("taken");
    let took = opt.take();
    println!("{p} {q} {old} {:?} {:?}", opt, took);
}
