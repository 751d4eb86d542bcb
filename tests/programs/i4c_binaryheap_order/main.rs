// Issue 4 (collections): BinaryHeap as std implements it: pop order, peek, the internal order shown by
// Debug/into_vec (sift-up on push, sift-down-to-bottom on pop, heapify in from), into_sorted_vec, min-heap
// via Reverse on numbers and tuples, extend, iteration, a k-smallest selection and an event simulation.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

fn main() {
    let mut h = BinaryHeap::new();
    for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7] {
        h.push(x);
    }
    println!("{:?}", h);
    println!("peek {:?} len {}", h.peek(), h.len());
    let mut popped = Vec::new();
    for _ in 0..5 {
        popped.push(h.pop().unwrap());
        println!("{:?}", h);
    }
    println!("{:?}", popped);
    let from = BinaryHeap::from(vec![2, 7, 1, 8, 2, 8, 1, 8, 2, 8]);
    println!("{:?}", from.clone().into_vec());
    println!("{:?}", from.into_sorted_vec());
    let mut mins: BinaryHeap<Reverse<i64>> = BinaryHeap::new();
    for x in [10i64, -3, 7, 0, -3, 22] {
        mins.push(Reverse(x));
    }
    println!("{:?}", mins);
    print!("mins:");
    while let Some(Reverse(x)) = mins.pop() {
        print!(" {}", x);
    }
    println!();
    let mut tasks: BinaryHeap<(u32, Reverse<String>)> = BinaryHeap::new();
    tasks.push((2, Reverse("write".to_string())));
    tasks.push((5, Reverse("deploy".to_string())));
    tasks.push((2, Reverse("build".to_string())));
    tasks.push((5, Reverse("alert".to_string())));
    while let Some((p, Reverse(name))) = tasks.pop() {
        println!("{} {}", p, name);
    }
    let mut e: BinaryHeap<u8> = BinaryHeap::new();
    e.extend(vec![4u8, 9, 1]);
    e.extend([7u8, 3]);
    let mut all: Vec<u8> = e.iter().copied().collect();
    all.sort();
    println!("{:?} {} {:?}", all, e.len(), e.peek());
    e.clear();
    println!("{:?} {:?} {}", e.pop(), e.peek(), e.is_empty());
    // k smallest with a bounded max-heap
    let data: Vec<u32> = (0..200u32).map(|i| (i * 7919 + 13) % 1009).collect();
    let mut best: BinaryHeap<u32> = BinaryHeap::new();
    for &x in &data {
        best.push(x);
        if best.len() > 5 {
            best.pop();
        }
    }
    println!("{:?}", best.into_sorted_vec());
    // event simulation: (time, id) min-heap
    let mut events: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
    for id in 0..4 {
        events.push(Reverse(((id as u64 * 37) % 11, id)));
    }
    let mut log = Vec::new();
    while let Some(Reverse((t, id))) = events.pop() {
        log.push(format!("{}@{}", id, t));
        if t < 30 {
            events.push(Reverse((t + 7 + id as u64, id)));
        }
    }
    println!("{}", log.join(" "));
}
