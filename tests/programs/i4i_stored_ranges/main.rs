// Issue 4 (iterators): a `mut` range is itself an iterator — next, find, by_ref().take, a while-let loop
// and collect continue where the previous call stopped; `is_empty` and `{:?}` show the remaining range.

fn take_evens(r: &mut std::ops::Range<u32>, n: usize) -> Vec<u32> {
    let mut out = Vec::new();
    while out.len() < n {
        match r.next() {
            Some(x) if x % 2 == 0 => out.push(x),
            Some(_) => {}
            None => break,
        }
    }
    out
}

fn main() {
    let mut r = 0..10;
    println!("{:?} {:?} left {:?}", r.next(), r.next(), r);
    println!("find {:?} left {:?} empty {}", r.find(|&x| x % 3 == 0), r, r.is_empty());
    let three: Vec<i32> = r.by_ref().take(3).collect();
    println!("{three:?} then {:?}", r);
    let rest: Vec<i32> = r.collect();
    println!("rest {rest:?}");

    let mut letters = 'w'..='z';
    while let Some(c) = letters.next() {
        print!("{c}");
        if c == 'x' {
            break;
        }
    }
    println!(" | remaining {:?} empty {}", letters, letters.is_empty());
    let tail: String = letters.collect();
    println!("tail {tail}");

    let mut top = 253u8..=255;
    println!("{:?} {:?} {:?} {:?}", top.next(), top.next(), top.next(), top.next());
    println!("exhausted empty {}", top.is_empty());

    let mut shared = 1..20;
    println!("{:?}", take_evens(&mut shared, 3));
    println!("{:?}", take_evens(&mut shared, 2));
    println!("left {:?} sum {}", shared, shared.clone().sum::<u32>());
    let mut blocks = (0..5).map(|i| i * 100);
    println!("{:?} {:?}", blocks.next(), blocks.next());
    println!("{:?}", blocks.collect::<Vec<_>>());
}
