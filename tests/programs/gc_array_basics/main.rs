// dependencies: wasm
//! `GcArray`: fixed length, shared and mutable through every alias; len/get/set/fill/to_vec/iter.

use wasm::GcArray;

fn sum(a: &GcArray<i32>) -> i32 {
    let mut s = 0;
    for i in 0..a.len() {
        s += a.get(i);
    }
    s
}

fn main() {
    let a = GcArray::new(6, 0i32);
    let b = a.clone();
    for i in 0..a.len() {
        b.set(i, (i * i) as i32);
    }
    println!("a = {:?} (len {}, empty {})", a.to_vec(), a.len(), a.is_empty());
    println!("sum {} via iter {}", sum(&a), a.iter().sum::<i32>());
    a.fill(7);
    println!("after fill: {:?}", b);
    let v = vec![5u8, 1, 4, 1, 5, 9, 2, 6];
    let bytes = GcArray::from(v.clone());
    bytes.set(0, 255);
    println!("bytes {:?}, source still {:?}", bytes, v);
    let max = bytes.iter().max().unwrap();
    println!("max {} count>3 {}", max, bytes.iter().filter(|x| *x > 3).count());
    let empty: GcArray<i64> = GcArray::from(Vec::new());
    println!("empty {:?} len {} empty {}", empty, empty.len(), empty.is_empty());
    let floats = GcArray::new(3, 0.5f64);
    floats.copy_from_slice(&[1.25, 2.5, 3.75]);
    println!("floats {:?}", floats.to_vec());
    println!("try_get {:?} {:?}", floats.try_get(2), floats.try_get(3));
    let snapshot = b.to_vec();
    b.set(1, -1);
    println!("snapshot {:?} vs now {:?}", snapshot, a);
    println!("ptr_eq {} {}", GcArray::ptr_eq(&a, &b), GcArray::ptr_eq(&a, &GcArray::from(snapshot)));
}
