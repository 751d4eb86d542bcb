// dependencies: wasm
//! `GcString`: immutable shared strings; `concat` builds new ones, `Deref<Target = str>` gives str methods.

use wasm::GcString;

fn greet(name: &GcString) -> GcString {
    GcString::from("Hello, ").concat(name).concat("!")
}

fn shout(s: &GcString) -> GcString {
    GcString::from(s.to_uppercase())
}

fn main() {
    let names = vec![GcString::from("Ada"), GcString::from(String::from("Grace")), GcString::from("Линус")];
    for n in names.iter() {
        let g = greet(n);
        println!("{} / {:?} / len {} / chars {}", g, g, g.len(), g.chars().count());
        println!("  shout: {}", shout(&g));
    }
    let empty = GcString::new();
    println!("empty {:?} is_empty {}", empty, empty.is_empty());
    let a = GcString::from("abc");
    let b = GcString::from("ab").concat("c");
    println!("a == b: {}, same object: {}", a == b, GcString::ptr_eq(&a, &b));
    let c = a.clone();
    println!("clone shares: {}", GcString::ptr_eq(&a, &c));
    println!("a == \"abc\": {}, a < \"abd\": {}", a == "abc", a < GcString::from("abd"));
    println!("starts {} ends {} find {:?}", a.starts_with("ab"), a.ends_with("bc"), a.find('c'));
    let s: &str = &a;
    println!("as &str: {} {}", s, a.as_str().replace("b", "B"));
    let tab = GcString::from("tab\there \"quoted\"");
    println!("{} | {:?}", tab, tab);
    println!("[{:>8}] [{:<8}] [{:^9}]", a, a, a);
}
