// Issue 4 (cells): exact Rc::strong_count / weak_count through clones, moves into functions, Vec and
// Option storage, scope ends, early returns, loops with break, reassignment, drop(), temporaries, and
// Weak::upgrade returning None once the last strong reference is gone.
use std::rc::{Rc, Weak};

struct Holder {
    items: Vec<Rc<String>>,
    extra: Option<Rc<String>>,
}

fn consume(r: Rc<String>) -> usize {
    r.len()
}

fn keep_if_long(r: Rc<String>, out: &mut Vec<Rc<String>>) -> bool {
    if r.len() < 3 {
        return false;
    }
    out.push(r);
    true
}

fn main() {
    let s = Rc::new(String::from("hello"));
    println!("start {}", Rc::strong_count(&s));
    let t = Rc::clone(&s);
    let u = s.clone();
    println!("two clones {} {}", Rc::strong_count(&s), Rc::strong_count(&t));
    println!("consume {} -> {}", consume(u), Rc::strong_count(&s));
    {
        let inner = t.clone();
        println!("inner {} {}", inner, Rc::strong_count(&s));
    }
    println!("after block {}", Rc::strong_count(&s));
    let mut kept = Vec::new();
    println!("kept {} {}", keep_if_long(s.clone(), &mut kept), Rc::strong_count(&s));
    let short = Rc::new("ab".to_string());
    println!("short {} {}", keep_if_long(short.clone(), &mut kept), Rc::strong_count(&short));
    let mut h = Holder { items: vec![s.clone(), s.clone()], extra: None };
    println!("holder {}", Rc::strong_count(&s));
    h.extra = Some(Rc::clone(&s));
    println!("extra {}", Rc::strong_count(&s));
    h.extra = None;
    println!("extra cleared {}", Rc::strong_count(&s));
    h.items.pop();
    println!("popped {} len {}", Rc::strong_count(&s), h.items.len());
    drop(h);
    println!("holder dropped {}", Rc::strong_count(&s));
    let w: Weak<String> = Rc::downgrade(&s);
    println!("weak {} {} upgrade {:?}", Rc::weak_count(&s), w.strong_count(), w.upgrade());
    println!("upgrade is temporary {}", Rc::strong_count(&s));
    let mut current = Rc::clone(&s);
    for i in 0..5 {
        let next = Rc::new(format!("n{i}"));
        if i == 3 {
            break;
        }
        current = next;
    }
    println!("loop {} current {}", Rc::strong_count(&s), current);
    drop(kept);
    drop(t);
    println!("before last {} weak {}", Rc::strong_count(&s), w.weak_count());
    drop(s);
    println!("after last: upgrade {:?} strong {} weak {}", w.upgrade(), w.strong_count(), w.weak_count());
    let empty: Weak<i32> = Weak::new();
    println!("empty {:?} {}", empty.upgrade(), empty.strong_count());
    let shared = Rc::new(5);
    let many: Vec<Rc<i32>> = (0..4).map(|_| Rc::clone(&shared)).collect();
    println!("many {} sum {}", Rc::strong_count(&shared), many.iter().map(|r| **r).sum::<i32>());
    let total: i32 = many.into_iter().map(|r| *r).sum();
    println!("consumed {} {}", total, Rc::strong_count(&shared));
    println!("ptr_eq {} {}", Rc::ptr_eq(&shared, &shared.clone()), Rc::ptr_eq(&shared, &Rc::new(5)));
    println!("final {}", Rc::strong_count(&shared));
}
