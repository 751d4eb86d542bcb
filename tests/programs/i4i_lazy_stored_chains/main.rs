// Issue 4 (iterators): stored chains with closures stay lazy — `let mut it = src.map(..).filter(..)`
// runs its closures only when an item is pulled (prints interleave with the consumer, an item that is never
// pulled is never parsed), with peek/next_if, take/skip/step_by/take_while/skip_while/enumerate/scan
// state kept across pulls, an open range or a user iterator as the source.

struct Naturals(u64);

impl Iterator for Naturals {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        self.0 += 1;
        println!("  naturals yields {}", self.0);
        Some(self.0)
    }
}

fn main() {
    let words = ["10", "20", "x", "40"];
    let mut nums = words.iter().map(|w| {
        println!("  parsing {w}");
        w.parse::<i32>().unwrap()
    });
    println!("built");
    let a = nums.next().unwrap();
    println!("a = {a}");
    let b = nums.next().unwrap();
    println!("b = {b}, stopping before the bad item");

    let v = vec![1, 2, 3, 4, 5, 6, 7, 8];
    let mut evens = v.iter().filter(|&&x| {
        println!("  test {x}");
        x % 2 == 0
    }).peekable();
    println!("peek {:?}", evens.peek());
    println!("peek again {:?}", evens.peek());
    println!("next {:?}", evens.next());
    println!("next_if >5 {:?}", evens.next_if(|&&x| x > 5));
    println!("next_if <5 {:?}", evens.next_if(|&&x| x < 5));
    while let Some(x) = evens.next() {
        println!("loop {x}");
    }
    println!("after {:?}", evens.next());

    let mut count = 0;
    let mut squares = (1..).map(|x: u32| {
        count += 1;
        x * x
    }).skip(2).step_by(3);
    println!("{:?} {:?} {:?}", squares.next(), squares.next(), squares.next());
    println!("closure ran {count} times");

    let mut limited = v.iter().inspect(|x| println!("  inspect {x}")).take_while(|&&x| x < 4).enumerate();
    println!("{:?}", limited.next());
    let rest: Vec<(usize, &i32)> = limited.collect();
    println!("{rest:?}");

    let mut running = v.iter().scan(0, |acc, &x| {
        *acc += x;
        if *acc > 12 { None } else { Some(*acc) }
    }).skip_while(|&s| s < 3);
    println!("{:?}", running.next());
    for s in running.by_ref().take(2) {
        println!("scan {s}");
    }
    println!("{:?}", running.next());

    let mut nat = Naturals(0).filter(|n| n % 3 == 0).take(2);
    println!("first {:?}", nat.next());
    println!("second {:?}", nat.next());
    println!("third {:?}", nat.next());

    let text = "alpha beta gamma delta";
    let mut long_words = text.split(' ').filter(|w| w.len() > 4).map(|w| w.to_uppercase());
    let first = long_words.next();
    let others: Vec<String> = long_words.collect();
    println!("{first:?} {others:?}");
}
