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

fn verify(label: &str, bytes: &[u8], expected: u8) {
    let actual = checksum(bytes);
    let status = if actual == expected { "ok" } else { "MISMATCH" };
    println!("{label}: checksum {actual} expected {expected} {status}");
}

fn main() {
    verify("small", &[1, 2, 3, 4], 10);
    verify("big", &[100, 100, 50, 10, 7], 11);
    println!("all verified");
}
