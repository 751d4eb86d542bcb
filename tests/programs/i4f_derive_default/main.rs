// Issue 4: #[derive(Default)] on structs (nested, tuple structs, unit structs) and enums with a
// #[default] variant; Type::default(), Default::default() where the type is known, ..Default::default()
// in struct literals, hand-written Default impls inside derived ones, std types' defaults,
// unwrap_or_default and mem::take of user types.
#![allow(dead_code)]

#[derive(Debug, Default, Clone, PartialEq)]
enum Level {
    Low,
    #[default]
    Medium,
    High,
}

#[derive(Debug, Default, Clone, PartialEq)]
enum Payload {
    #[default]
    Empty,
    Text(String),
    Pair { a: i32, b: i32 },
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Limits {
    max: u32,
    ratio: f64,
    enabled: bool,
    marker: char,
}

#[derive(Debug, Default, Clone)]
struct Config {
    name: String,
    level: Level,
    limits: Limits,
    tags: Vec<String>,
    parent: Option<Box<Config>>,
    pair: (i64, u8, String),
    grid: [u16; 3],
    payload: Payload,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Meters(f32, i8);

#[derive(Debug, Default)]
struct Unit;

/// A hand-written Default inside derived ones is called as written.
#[derive(Debug, Clone)]
struct Port(u16);

impl Default for Port {
    fn default() -> Self {
        Port(8080)
    }
}

#[derive(Debug, Default)]
struct Server {
    port: Port,
    ports: [Port; 2],
    name: String,
    backup: (Port, Level),
}

fn make(level: Level) -> Config {
    Config { name: "custom".to_string(), level, ..Default::default() }
}

/// Generic over the Default bound.
fn fresh<T: Default>() -> T {
    T::default()
}

fn main() {
    let c = Config::default();
    println!("{c:?}");
    let d: Config = Default::default();
    println!("{} {:?} {:?} {}", d.name.is_empty(), d.level, d.limits, d.tags.len());
    let mut e = make(Level::High);
    e.tags.push("x".to_string());
    e.grid[1] = 7;
    println!("{e:?}");
    let f = Config { limits: Limits { max: 9, ..Limits::default() }, ..make(Level::Low) };
    println!("{:?} {:?} {:?}", f.level, f.limits, f.name);
    println!("{:?} {:?} {:?}", Meters::default(), Unit::default(), Payload::default());
    println!("{:?} {:?}", Level::default() == Level::Medium, Limits::default() == Limits { max: 0, ratio: 0.0, enabled: false, marker: '\0' });
    let s: String = Default::default();
    let v: Vec<i32> = Default::default();
    let n: i64 = Default::default();
    let t: (bool, char, f32) = Default::default();
    let o: Option<Level> = Default::default();
    println!("{s:?} {v:?} {n} {t:?} {o:?} {:?} {:?}", String::default(), i32::default());
    let maybe: Option<Limits> = None;
    println!("{:?}", maybe.unwrap_or_default());
    let mut holder = vec![Payload::Text("hi".to_string()), Payload::Pair { a: 1, b: 2 }];
    let taken = std::mem::take(&mut holder[0]);
    println!("{taken:?} {holder:?}");
    // Defaults are fresh objects: mutating one does not affect another.
    let mut a = Config::default();
    let b = Config::default();
    a.tags.push("only-a".to_string());
    a.pair.2.push('!');
    println!("{:?} {:?} {:?} {:?}", a.tags, b.tags, a.pair, b.pair);
    let arr: [Level; 2] = Default::default();
    println!("{arr:?}");
    let g: Limits = fresh();
    let h: (Level, String) = fresh();
    println!("{g:?} {h:?} {:?}", fresh::<Payload>());
    let srv = Server::default();
    let named = Server { name: "api".into(), ..Default::default() };
    let port: Port = Default::default();
    println!("{srv:?} {named:?} {port:?}");
}
