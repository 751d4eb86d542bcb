// Vec::swap_remove and Vec::split_off with GC-reference and scalar elements; the last call panics
// with rustc's message (exit code 101).
fn main() {
    let mut v: Vec<String> = ["a", "b", "c", "d", "e"].iter().map(|s| s.to_string()).collect();
    let x = v.swap_remove(1);
    println!("{x} {:?}", v);
    let last = v.swap_remove(v.len() - 1);
    println!("{last} {:?}", v);
    let tail = v.split_off(1);
    println!("{:?} {:?}", v, tail);
    let mut n = vec![1u8, 2, 3, 4];
    let all = n.split_off(0);
    let none = n.split_off(0);
    println!("{:?} {:?} {:?}", n, all, none);
    let mut w = vec![10i64, 20, 30];
    let end = w.split_off(3);
    let first = w.swap_remove(0);
    println!("{:?} {:?} {}", w, end, first);
    let mut pts = vec![(1, 'a'), (2, 'b')];
    let p = pts.swap_remove(0);
    println!("{:?} {:?}", p, pts);
    let mut e: Vec<f32> = vec![0.5];
    e.swap_remove(0);
    println!("empty now: {:?}", e);
    let i = e.len() + 2;
    e.swap_remove(i);
}
