use std::collections::HashMap;

fn main() {
    let mut m: HashMap<u8, u32> = HashMap::new();
    let e = m.entry(1);
    *e.or_insert(0) += 1;
    println!("{:?}", m);
}
