// Issue 4: #[derive(Hash)] and std's DefaultHasher (SipHash-1-3, keys 0/0): the hash of integers of
// every width, bool, char, str/String, tuples, slices/Vec/arrays, Option/Result, user structs and enums
// (discriminant, then fields) matches the native program bit for bit, as do the write_* methods.
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

#[derive(Hash, Debug, Clone, PartialEq, Eq)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Hash, Debug, Clone, PartialEq, Eq)]
enum Shape {
    Dot(Point),
    Line { from: Point, to: Point },
    Named(String, Vec<u8>),
    Nothing,
}

#[derive(Hash, Clone, Copy, PartialEq, Eq, Debug)]
enum Color {
    Red = 3,
    Green = 10,
    Blue,
}

#[derive(Hash)]
struct Wrapper(Option<Color>, (u8, i64), [u16; 3]);

#[derive(Hash)]
enum Solo {
    Only(u32),
}

/// Generic over the Hash bound: each instance hashes its concrete type.
fn hash_of<T: Hash>(v: &T) -> u64 {
    let mut s = DefaultHasher::new();
    v.hash(&mut s);
    s.finish()
}

fn main() {
    println!("{}", DefaultHasher::new().finish());
    let mut s = DefaultHasher::new();
    42u8.hash(&mut s);
    (-1i8).hash(&mut s);
    1000u16.hash(&mut s);
    (-5i16).hash(&mut s);
    7u32.hash(&mut s);
    (-7i32).hash(&mut s);
    u64::MAX.hash(&mut s);
    i64::MIN.hash(&mut s);
    123usize.hash(&mut s);
    (-3isize).hash(&mut s);
    true.hash(&mut s);
    'é'.hash(&mut s);
    "hello".hash(&mut s);
    String::from("world").hash(&mut s);
    ().hash(&mut s);
    println!("{}", s.finish());
    let p = Point { x: 1, y: -2 };
    let mut a = DefaultHasher::new();
    p.hash(&mut a);
    let mut b = DefaultHasher::new();
    p.clone().hash(&mut b);
    println!("{} {}", a.finish(), a.finish() == b.finish());
    let shapes = vec![
        Shape::Dot(Point { x: 0, y: 0 }),
        Shape::Line { from: Point { x: 1, y: 2 }, to: Point { x: 3, y: 4 } },
        Shape::Named("tri".to_string(), vec![1, 2, 3]),
        Shape::Nothing,
    ];
    for sh in &shapes {
        let mut st = DefaultHasher::new();
        sh.hash(&mut st);
        println!("{:?} -> {}", sh, st.finish());
    }
    let mut st = DefaultHasher::new();
    shapes.hash(&mut st);
    println!("vec {}", st.finish());
    for c in [Color::Red, Color::Green, Color::Blue] {
        let mut st = DefaultHasher::new();
        c.hash(&mut st);
        println!("{c:?} {}", st.finish());
    }
    let mut st = DefaultHasher::new();
    Wrapper(Some(Color::Blue), (9, -9), [1, 2, 3]).hash(&mut st);
    Wrapper(None, (0, 0), [0; 3]).hash(&mut st);
    Solo::Only(5).hash(&mut st);
    println!("{}", st.finish());
    let mut st = DefaultHasher::new();
    (1, "a", [Some(2u64), None]).hash(&mut st);
    Ok::<i32, String>(3).hash(&mut st);
    Err::<i32, String>("e".into()).hash(&mut st);
    std::cmp::Ordering::Less.hash(&mut st);
    (&[1u8, 2, 3][..]).hash(&mut st);
    println!("{}", st.finish());
    let mut st = DefaultHasher::new();
    st.write(b"raw bytes");
    st.write_u8(1);
    st.write_u32(0xdeadbeef);
    st.write_u64(99);
    st.write_usize(7);
    st.write_i64(-1);
    println!("{}", st.finish());
    // Equal values hash equally; a long input crosses many 8-byte blocks.
    let long: String = (0..100).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    let mut x = DefaultHasher::new();
    long.hash(&mut x);
    let mut y = DefaultHasher::new();
    long.clone().hash(&mut y);
    println!("{} {}", x.finish(), x.finish() == y.finish());
    println!("{} {} {}", hash_of(&Point { x: 1, y: -2 }) == a.finish(), hash_of(&"str"), hash_of(&(Color::Green, vec![1u64])));
}
