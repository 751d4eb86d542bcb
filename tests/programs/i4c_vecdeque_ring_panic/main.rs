// Issue 4 (collections): VecDeque as a ring buffer: push/pop at both ends across wrap-around and growth,
// front/back/get/indexing, contains, rotate_left/right, iteration order, extend, from a Vec, Debug, a
// sliding-window maximum, and the out-of-bounds panic of indexing.
use std::collections::VecDeque;

fn window_max(v: &[i32], k: usize) -> Vec<i32> {
    let mut q: VecDeque<usize> = VecDeque::new();
    let mut out = Vec::new();
    for i in 0..v.len() {
        while let Some(&b) = q.back() {
            if v[b] <= v[i] {
                q.pop_back();
            } else {
                break;
            }
        }
        q.push_back(i);
        if let Some(&f) = q.front() {
            if f + k <= i {
                q.pop_front();
            }
        }
        if i + 1 >= k {
            out.push(v[*q.front().unwrap()]);
        }
    }
    out
}

fn main() {
    let mut d: VecDeque<i32> = VecDeque::new();
    let none = d.pop_back();
    println!("{:?} {:?} {:?} {}", d, d.front(), none, d.is_empty());
    for i in 0..5 {
        d.push_back(i);
        d.push_front(-i);
    }
    println!("{:?} len {}", d, d.len());
    for _ in 0..3 {
        d.pop_front();
    }
    d.push_back(100);
    d.push_back(101);
    println!("{:?} front {:?} back {:?} get(2) {:?} get(50) {:?} [3]={}", d, d.front(), d.back(), d.get(2), d.get(50), d[3]);
    println!("contains 100 {} contains -4 {}", d.contains(&100), d.contains(&-4));
    d.rotate_left(3);
    println!("rotl {:?}", d);
    d.rotate_right(5);
    println!("rotr {:?}", d);
    let doubled: Vec<i32> = d.iter().map(|x| x * 2).collect();
    println!("{:?}", doubled);
    let mut names: VecDeque<String> = VecDeque::from(vec!["b".to_string(), "c".to_string()]);
    names.push_front("a".to_string());
    names.extend(vec!["d".to_string()]);
    let joined: Vec<String> = names.iter().cloned().collect();
    println!("{} {:?}", joined.join("-"), names);
    for n in &names {
        print!("{} ", n.len());
    }
    println!();
    let total: usize = names.into_iter().map(|s| s.len()).sum();
    println!("total {}", total);
    println!("{:?}", window_max(&[1, 3, -1, -3, 5, 3, 6, 7], 3));
    let mut big: VecDeque<u32> = (0..1000).collect();
    let mut acc = 0u64;
    while big.len() > 1 {
        let a = big.pop_front().unwrap();
        let b = big.pop_front().unwrap();
        acc += (a as u64) * 3 + b as u64;
        big.push_back((a + b) % 977);
    }
    println!("{} {:?}", acc, big);
    let q: VecDeque<u8> = VecDeque::from(vec![1, 2]);
    println!("{}", q[5]);
}
