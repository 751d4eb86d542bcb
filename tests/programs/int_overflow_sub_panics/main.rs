// profile: release
// Stock bookkeeping with u32: taking more than available underflows (panic in dev, wraps in release).

struct Stock {
    name: &'static str,
    count: u32,
}

impl Stock {
    fn take(&mut self, amount: u32) {
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
