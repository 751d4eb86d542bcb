// Issue 4: `collect` into Result/Option with `_` in the turbofish (this once silently built a Vec),
// from a user iterator and from std sources, short-circuiting at the first Err/None.
struct Numbers {
    n: i32,
    fail_at: i32,
}

impl Iterator for Numbers {
    type Item = Result<i32, String>;
    fn next(&mut self) -> Option<Self::Item> {
        self.n += 1;
        if self.n > 5 {
            None
        } else if self.n == self.fail_at {
            Some(Err(format!("failed at {}", self.n)))
        } else {
            Some(Ok(self.n * 10))
        }
    }
}

fn main() {
    let all = Numbers { n: 0, fail_at: 99 }.collect::<Result<Vec<_>, _>>();
    let early = Numbers { n: 0, fail_at: 3 }.collect::<Result<Vec<i32>, _>>();
    println!("{:?} {:?}", all, early);
    let words = ["1", "22", "x", "4"];
    let parsed = words.iter().map(|w| w.parse::<u8>()).collect::<Result<Vec<_>, _>>();
    println!("{:?}", parsed.map_err(|e| e.to_string()));
    let firsts = words.iter().map(|w| w.chars().next()).collect::<Option<Vec<_>>>();
    let none = ["a", ""].iter().map(|w| w.chars().next()).collect::<Option<Vec<char>>>();
    println!("{:?} {:?}", firsts, none);
    let mut seen = Vec::new();
    let stopped: Result<Vec<_>, _> = (1..10).map(|i| { seen.push(i); if i == 4 { Err(i) } else { Ok(i * i) } }).collect();
    println!("{:?} after {:?}", stopped, seen);
    let sum = "3 4 5".split(' ').map(str::parse::<i64>).collect::<Result<Vec<_>, _>>().map(|v| v.iter().sum::<i64>());
    println!("{:?}", sum);
}
