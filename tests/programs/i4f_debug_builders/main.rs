// Issue 4: hand-written Debug impls through Formatter's builders (debug_struct, debug_tuple,
// debug_list, debug_set, debug_map; field/entry/entries; finish/finish_non_exhaustive), in `{:?}` and
// `{:#?}`, nested in derived Debug and in each other: output byte-identical to std's.
use std::collections::BTreeMap;
use std::fmt;

struct Celsius(f64);
impl fmt::Debug for Celsius {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_tuple("Celsius").field(&self.0).finish()
    }
}

struct Sensor {
    id: u32,
    name: String,
    readings: Vec<Celsius>,
    secret: u64,
}
impl fmt::Debug for Sensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = self.secret;
        f.debug_struct("Sensor").field("id", &self.id).field("name", &self.name).field("readings", &self.readings).finish_non_exhaustive()
    }
}

struct Empty;
impl fmt::Debug for Empty {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Empty").finish()
    }
}

struct Opaque;
impl fmt::Debug for Opaque {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Opaque").finish_non_exhaustive()
    }
}

struct Bag(Vec<i32>);
impl fmt::Debug for Bag {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

struct Tags(Vec<&'static str>);
impl fmt::Debug for Tags {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_set().entries(self.0.iter()).entry(&"extra").finish()
    }
}

struct Index(BTreeMap<String, Vec<u8>>);
impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).entry(&"total", &self.0.len()).finish()
    }
}

struct Single(i32);
impl fmt::Debug for Single {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // An empty name with one field is a 1-tuple: `(5,)`.
        f.debug_tuple("").field(&self.0).finish()
    }
}

struct Pair(i32, &'static str);
impl fmt::Debug for Pair {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_tuple("Pair").field(&self.0).field(&self.1).finish_non_exhaustive()
    }
}

#[derive(Debug)]
struct Station {
    sensors: Vec<Sensor>,
    empty: Empty,
    opaque: Opaque,
    single: Single,
}

fn main() {
    let s = Sensor { id: 7, name: "roof".to_string(), readings: vec![Celsius(21.5), Celsius(-3.0)], secret: 99 };
    println!("{:?}", s);
    println!("{:#?}", s);
    println!("{:?} {:?} {:?} {:?}", Empty, Opaque, Single(5), Pair(1, "x"));
    println!("{:#?} {:#?} {:#?}", Empty, Opaque, Single(5));
    println!("{:#?}", Pair(2, "y"));
    println!("{:?} {:?}", Bag(vec![]), Bag(vec![1, 2, 3]));
    println!("{:#?}", Bag(vec![4, 5]));
    println!("{:?}", Tags(vec!["a", "b"]));
    println!("{:#?}", Tags(vec![]));
    let mut m = BTreeMap::new();
    m.insert("b".to_string(), vec![2u8, 3]);
    m.insert("a".to_string(), vec![]);
    let idx = Index(m);
    println!("{:?}", idx);
    println!("{:#?}", idx);
    let st = Station { sensors: vec![s, Sensor { id: 8, name: String::new(), readings: vec![], secret: 0 }], empty: Empty, opaque: Opaque, single: Single(-1) };
    println!("{:?}", st);
    println!("{:#?}", st);
    println!("{} sensors, {:?} {:?} {:?}", st.sensors.len(), st.empty, st.opaque, st.single);
    let text = format!("{:?}|{:#?}", Celsius(0.1), Some(Celsius(1e21)));
    println!("{} ({} bytes)", text, text.len());
}
