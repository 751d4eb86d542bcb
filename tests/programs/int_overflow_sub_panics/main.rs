// profile: release
// Stock bookkeeping with usize: taking more than available underflows (panic in dev, wraps in release).

struct Stock {
    name: &'static str,
    count: usize,
}

impl Stock {
    fn take(&mut self, amount: usize) {
        self.count -= amount;
        println!("took {amount} {}, {} left", self.name, self.count);
    }
}

fn main() {
    let mut apples = Stock { name: "apples", count: 10 };
    apples.take(3);
    apples.take(7);
    apples.take(1);
    println!("final count {}", apples.count);
}
