// for over ranges (.., ..=, rev, step_by), arrays, &Vec, slices, iter(), iter_mut(), enumerate(); while.

fn main() {
    let mut line = String::new();
    for i in 0..5 {
        line.push_str(&format!("{i} "));
    }
    println!("0..5: {}", line.trim_end());
    line.clear();
    for i in 1..=5 {
        line.push_str(&format!("{i} "));
    }
    println!("1..=5: {}", line.trim_end());
    line.clear();
    for i in (0..10).rev() {
        line.push_str(&format!("{i} "));
    }
    println!("rev: {}", line.trim_end());
    line.clear();
    for i in (0..20).step_by(6) {
        line.push_str(&format!("{i} "));
    }
    println!("step_by 6: {}", line.trim_end());
    line.clear();
    for i in (1..=10).rev().step_by(3) {
        line.push_str(&format!("{i} "));
    }
    println!("rev step_by 3: {}", line.trim_end());
    for c in 'a'..='e' {
        print!("{c}");
    }
    println!();
    let empty_start = 5;
    for i in empty_start..3 {
        println!("never {i}");
    }
    let arr = [10, 20, 30];
    for x in arr {
        print!("{x} ");
    }
    println!();
    let mut v = vec![1.5, 2.5, 3.5];
    for x in &v {
        print!("{x} ");
    }
    println!();
    for x in v.iter_mut() {
        *x *= 2.0;
    }
    for x in &mut v {
        *x += 0.25;
    }
    println!("{v:?}");
    for (i, x) in v.iter().enumerate() {
        println!("v[{i}] = {x}");
    }
    let slice = &arr[1..];
    for x in slice.iter() {
        print!("{x} ");
    }
    println!();
    let mut n = 27u64;
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    println!("collatz(27) takes {steps} steps");
    let mut total = 0u64;
    for i in (0..=1000u64).step_by(7) {
        total += i;
    }
    println!("sum of multiples of 7 up to 1000: {total}");
}
