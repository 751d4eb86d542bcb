// profile: release
// A running u8 checksum: in dev, the addition overflows and panics; in release it wraps.

fn checksum(bytes: &[u8]) -> u8 {
    let mut sum: u8 = 0;
    for &b in bytes {
        sum += b;
        println!("after {b:3}: {sum}");
    }
    sum
}

fn main() {
    let small = checksum(&[1, 2, 3, 4]);
    println!("small checksum {small}");
    let big = checksum(&[100, 100, 50, 10, 7]);
    println!("big checksum {big}");
}
