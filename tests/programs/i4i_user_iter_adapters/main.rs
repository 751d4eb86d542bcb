// Issue 4 (iterators): std adapters and consumers over a user `impl Iterator` — lazily (next() runs only
// when the chain pulls), infinite iterators cut by take/take_while/zip, by_ref continuing in place.

struct Counter {
    n: u32,
    loud: bool,
}

impl Iterator for Counter {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        self.n += 1;
        if self.loud {
            println!("  next -> {}", self.n);
        }
        Some(self.n)
    }
}

struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest.trim_start();
        if s.is_empty() {
            return None;
        }
        let end = s.find(' ').unwrap_or(s.len());
        let (w, r) = s.split_at(end);
        self.rest = r;
        Some(w)
    }
}

fn main() {
    let firsts: Vec<u32> = Counter { n: 0, loud: true }.map(|x| x * 10).take(3).collect();
    println!("{firsts:?}");
    let odd_squares: u32 = Counter { n: 0, loud: false }.filter(|x| x % 2 == 1).map(|x| x * x).take_while(|&x| x < 100).sum();
    println!("odd squares {odd_squares}");
    let mut c = Counter { n: 0, loud: false };
    let a: Vec<u32> = c.by_ref().take(2).collect();
    let b: Vec<u32> = c.by_ref().skip(1).step_by(2).take(3).collect();
    println!("{a:?} {b:?} then {:?}", c.next());
    let pairs: Vec<(char, u32)> = "xyz".chars().zip(Counter { n: 100, loud: true }).collect();
    println!("{pairs:?}");
    let w = Words { rest: "  the quick  brown fox " };
    let lens: Vec<(usize, usize)> = w.map(|s| s.len()).enumerate().collect();
    println!("{lens:?}");
    println!("count {} longest {:?} has fox {}", Words { rest: "a bb ccc" }.count(), Words { rest: "a bb ccc dd" }.max_by_key(|s| s.len()), Words { rest: "the fox" }.any(|s| s == "fox"));
    let joined = Words { rest: "one two three" }.collect::<Vec<_>>().join("+");
    println!("{joined} {:?}", Words { rest: "b a c" }.position(|s| s == "c"));
    for (i, x) in (Counter { n: 5, loud: false }).enumerate().skip(1).take(2) {
        println!("item {i}: {x}");
    }
    let same = Words { rest: "a b" }.eq(["a", "b"].iter().copied());
    println!("eq {same} {}", Counter { n: 0, loud: false }.take(3).eq(1..=3));
}
