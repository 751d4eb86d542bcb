// dependencies: wasm
//! `ExternRef`: opaque values passed through unchanged; identity, type tests and downcasts.

use wasm::ExternRef;

#[wasm::gc]
#[derive(Debug, PartialEq)]
struct Config {
    retries: i32,
    verbose: bool,
}

fn pick(first: bool, a: ExternRef, b: ExternRef) -> ExternRef {
    if first { a } else { b }
}

fn main() {
    let cfg = ExternRef::new(Config { retries: 3, verbose: true });
    let name = ExternRef::new("gc-runtime");
    let picked = pick(true, cfg.clone(), name.clone());
    println!("picked the config: {}", ExternRef::ptr_eq(&picked, &cfg));
    println!("picked the name: {}", ExternRef::ptr_eq(&picked, &name));
    println!("is Config: {} is &str: {}", picked.is::<Config>(), picked.is::<&str>());
    match picked.downcast_ref::<Config>() {
        Some(c) => println!("retries {} verbose {}", c.retries, c.verbose),
        None => println!("not a config"),
    }
    let other = pick(false, cfg.clone(), name.clone());
    println!("name: {:?}", other.downcast_ref::<&str>());
    println!("as config: {:?}", other.downcast_ref::<Config>());
    let copies = vec![cfg.clone(), cfg.clone(), name.clone()];
    let same = copies.iter().filter(|r| ExternRef::ptr_eq(r, &cfg)).count();
    println!("{same} of {} copies are the config", copies.len());
}
