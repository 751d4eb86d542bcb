// Sorting, dedup, reverse, binary search, windows and the iterator consumers of issue 3.

fn main() {
    let mut v = vec![5, 3, 9, 3, 1, 9, 9, 0, -4, 7];
    println!("sum {} count {} max {:?} min {:?}", v.iter().sum::<i32>(), v.iter().count(), v.iter().max(), v.iter().min());
    println!("position of 9 {:?} position of 42 {:?}", v.iter().position(|&x| x == 9), v.iter().position(|&x| x == 42));
    v.sort();
    println!("sorted {v:?}");
    v.dedup();
    println!("dedup {v:?}");
    for target in [7, 2, -10, 100] {
        println!("binary_search({target}) = {:?}", v.binary_search(&target));
    }
    v.reverse();
    println!("reversed {v:?}");
    for w in v.windows(3) {
        print!("{} ", w[0] + w[1] + w[2]);
    }
    println!();
    let mut words = vec!["pear", "apple", "fig", "banana", "apple", "cherry"];
    words.sort();
    println!("{words:?}");
    words.dedup();
    println!("{words:?} first {:?} last {:?}", words.first(), words.last());
    println!("{:?}", words.binary_search(&"cherry"));
    let mut chars: Vec<char> = Vec::new();
    for c in "wasmrust".chars() {
        chars.push(c);
    }
    chars.sort();
    chars.dedup();
    let mut sorted = String::new();
    for c in &chars {
        sorted.push(*c);
    }
    println!("{sorted}");
    let empty: Vec<u8> = Vec::new();
    println!("empty max {:?} sum {}", empty.iter().max(), empty.iter().sum::<u8>());
    let mut scores = [88u32, 92, 75, 92, 60];
    scores.sort();
    scores.reverse();
    println!("{scores:?} top {}", scores[0]);
    let mut big: Vec<i64> = Vec::new();
    let mut seed = 17i64;
    for _ in 0..1000 {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        big.push(seed % 1000);
    }
    big.sort();
    println!("big: first {:?} last {:?} median {}", big.first(), big.last(), big[500]);
}
