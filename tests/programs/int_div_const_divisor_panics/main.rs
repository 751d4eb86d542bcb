// profile: release
// Division and remainder by constant divisors (the compiler drops the zero check for a nonzero
// constant and the overflow check for one other than -1): results for every integer width, then
// `MIN % -1` with the constant -1 still panics ("attempt to calculate the remainder with overflow").

fn by_consts_i8(a: i8) -> (i8, i8, i8, i8) {
    (a / 3, a % 3, a / -2, a % -7)
}

fn by_consts_u16(a: u16) -> (u16, u16, u16) {
    (a / 10, a % 10, a / 65535)
}

fn by_consts_i32(a: i32) -> (i32, i32, i32, i32) {
    (a / 10, a % 10, a / -10, a % i32::MAX)
}

fn by_consts_u64(a: u64) -> (u64, u64, u64) {
    (a / 10, a % 16, a / u64::MAX)
}

fn by_consts_i64(a: i64) -> (i64, i64, i64) {
    (a / 1000, a % -3, a / i64::MIN)
}

fn neg_div(a: i32) -> i32 {
    a / -1
}

fn neg_rem(a: i64) -> i64 {
    a % -1
}

fn main() {
    for a in [i8::MIN, -100, -1, 0, 1, 7, i8::MAX] {
        println!("i8 {a}: {:?}", by_consts_i8(a));
    }
    for a in [0u16, 9, 10, 65534, u16::MAX] {
        println!("u16 {a}: {:?}", by_consts_u16(a));
    }
    for a in [i32::MIN, -12345, -1, 0, 99, i32::MAX] {
        println!("i32 {a}: {:?}", by_consts_i32(a));
    }
    for a in [0u64, 15, 1 << 40, u64::MAX] {
        println!("u64 {a}: {:?}", by_consts_u64(a));
    }
    for a in [i64::MIN, -5000, 0, 2999, i64::MAX] {
        println!("i64 {a}: {:?}", by_consts_i64(a));
    }
    println!("{} {} {}", neg_div(5), neg_div(-7), neg_rem(i64::MIN + 1));
    println!("{}", neg_rem(i64::MIN));
    println!("{}", neg_div(i32::MIN));
    println!("unreachable");
}
