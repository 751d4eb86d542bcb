// `&mut` to scalar elements and fields: first_mut/last_mut/get_mut in if let, match, while let and unwrap,
// a function returning `&mut v[i]`, tuple-pattern field borrows with mem::swap, i128 elements, and
// expect() on a missing element (panics, exit 101).

struct S {
    x: i32,
    y: i32,
    big: i128,
}

fn bump(x: &mut i32) {
    *x += 1;
}

fn largest_mut(values: &mut [i32]) -> &mut i32 {
    let mut best = 0;
    for i in 1..values.len() {
        if values[i] > values[best] {
            best = i;
        }
    }
    &mut values[best]
}

fn at(v: &mut Vec<i128>, i: usize) -> &mut i128 {
    &mut v[i]
}

fn main() {
    let mut v = vec![4, 9, 2];
    let mut empty: Vec<i32> = Vec::new();
    if let Some(x) = empty.first_mut() {
        *x = 5;
    } else {
        println!("empty has no first");
    }
    match v.get_mut(10) {
        Some(x) => *x = 1,
        None => println!("no 10"),
    }
    match v.get_mut(1) {
        Some(x) if *x > 100 => println!("big"),
        Some(x) => *x *= 3,
        None => {}
    }
    *v.last_mut().unwrap() = 30;
    bump(v.first_mut().unwrap());
    let r = largest_mut(&mut v);
    *r += 1;
    println!("{v:?}");
    {
        let s = &mut v[1..];
        if let Some(x) = s.first_mut() {
            *x = -9;
        }
        if let Some(x) = s.last_mut() {
            *x = -10;
        }
    }
    println!("{v:?}");
    let mut arr = [1u8, 2, 3];
    if let Some(x) = arr.last_mut() {
        *x += 100;
    }
    println!("{arr:?}");
    let mut w = vec![1, 2, 3];
    while let Some(x) = w.last_mut() {
        if *x > 50 {
            break;
        }
        *x *= 3;
    }
    println!("{w:?}");
    let mut bigs: Vec<i128> = vec![1, 2, 3];
    *bigs.last_mut().unwrap() <<= 100;
    *at(&mut bigs, 0) -= 5;
    if let Some(b) = bigs.get_mut(1) {
        *b = i128::MIN;
    }
    println!("{bigs:?}");
    let mut s = S { x: 1, y: 2, big: 7 };
    let (a, b) = (&mut s.x, &mut s.y);
    *a += *b;
    std::mem::swap(a, b);
    let c = &mut s.big;
    *c *= -3;
    println!("{} {} {}", s.x, s.y, s.big);
    let mut pair = (1i128, 2i128);
    let (p, q) = (&mut pair.0, &mut pair.1);
    std::mem::swap(p, q);
    println!("{pair:?}");
    let mut big = 5i128;
    let rb = &mut big;
    *rb += 10;
    println!("{big}");
    let n = std::env::args().count();
    let mut e: Vec<i32> = Vec::new();
    if n > 5 {
        e.push(1);
    }
    *e.first_mut().expect("no first element") = 3;
}
