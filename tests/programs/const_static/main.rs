// const and static items: arrays, strings, computed consts, const fn, associated consts, shadowing by locals.

const MAX_ITEMS: usize = 8;
const SCALE: i64 = 1_000;
const HALF_SCALE: i64 = SCALE / 2;
const GREETING: &str = "hello";
const PRIMES: [u32; 6] = [2, 3, 5, 7, 11, 13];
const MASK: u32 = (1 << 12) - 1;
static BANNER: &str = "== const & static ==";
static TABLE: [(char, u8); 3] = [('a', 1), ('b', 2), ('c', 3)];
static COUNTER_NAME: &str = "counter";

const fn cube(x: i64) -> i64 {
    x * x * x
}

const CUBE_OF_SEVEN: i64 = cube(7);

struct Limits;

impl Limits {
    const LOW: i32 = -10;
    const HIGH: i32 = 10;

    fn clamp(x: i32) -> i32 {
        if x < Self::LOW {
            Self::LOW
        } else if x > Limits::HIGH {
            Limits::HIGH
        } else {
            x
        }
    }
}

fn fixed_point(x: f64) -> i64 {
    (x * SCALE as f64) as i64 + HALF_SCALE / SCALE
}

fn main() {
    println!("{BANNER}");
    println!("max {MAX_ITEMS} scale {SCALE} half {HALF_SCALE} mask {MASK:#x}");
    println!("{GREETING} has {} bytes", GREETING.len());
    let mut sum = 0;
    for p in PRIMES {
        sum += p;
    }
    println!("primes {PRIMES:?} sum {sum} count {}", PRIMES.len());
    for (c, n) in TABLE.iter() {
        print!("{c}={n} ");
    }
    println!();
    println!("cube(7) = {CUBE_OF_SEVEN}, cube(-3) = {}", cube(-3));
    for x in [-50, -10, 0, 9, 11] {
        print!("{} ", Limits::clamp(x));
    }
    println!();
    println!("fixed {} {}", fixed_point(1.2345), fixed_point(-0.5));
    let buffer = [0u8; MAX_ITEMS];
    println!("buffer {buffer:?}");
    let doubled_limit = MAX_ITEMS * 2;
    println!("local {doubled_limit} name {COUNTER_NAME}");
}
