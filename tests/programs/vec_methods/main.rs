// Vec methods: push, pop, insert, remove, extend, truncate, clear, contains, first/last, get, indexing, ranges.

fn main() {
    let mut v: Vec<i32> = Vec::new();
    println!("empty: len {} is_empty {} first {:?}", v.len(), v.is_empty(), v.first());
    println!("pop on empty {:?}", v.pop());
    for i in 1..=5 {
        v.push(i * 10);
    }
    println!("{v:?} len {}", v.len());
    v.insert(0, 5);
    v.insert(3, 25);
    v.insert(v.len(), 99);
    println!("after inserts {v:?}");
    let removed = v.remove(2);
    println!("removed {removed} -> {v:?}");
    println!("pop {:?} -> {v:?}", v.pop());
    v.extend([60, 70, 80].iter());
    v.extend(vec![1, 2]);
    println!("extended {v:?}");
    println!("contains 70 {} contains 71 {}", v.contains(&70), v.contains(&71));
    println!("first {:?} last {:?} get(3) {:?} get(100) {:?}", v.first(), v.last(), v.get(3), v.get(100));
    println!("v[2] = {} slice [1..4] = {:?} [..2] = {:?} [8..] = {:?}", v[2], &v[1..4], &v[..2], &v[8..]);
    v[0] = -5;
    if let Some(last) = v.last_mut() {
        *last *= 100;
    }
    if let Some(x) = v.get_mut(1) {
        *x += 1;
    }
    println!("mutated {v:?}");
    v.truncate(4);
    println!("truncated {v:?}");
    let mut copy = v.clone();
    copy.push(1000);
    println!("clone {copy:?} original {v:?}");
    v.clear();
    println!("cleared {v:?} len {}", v.len());
    let filled = vec![7u8; 4];
    let words = vec!["a".to_string(), "bc".to_string()];
    println!("{filled:?} {words:?}");
    let mut nested: Vec<Vec<i32>> = vec![Vec::new(); 3];
    for i in 0..9 {
        nested[i % 3].push(i as i32);
    }
    println!("{nested:?}");
    let mut with_cap = Vec::with_capacity(10);
    with_cap.push('x');
    println!("{with_cap:?} {}", with_cap.len());
    let mut swapped = vec![1, 2, 3, 4];
    swapped.swap(0, 3);
    println!("{swapped:?} {}", swapped == vec![4, 2, 3, 1]);
}
