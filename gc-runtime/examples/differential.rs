//! Differential check, part 1: generates wasm-smith modules (GC on), runs every export in
//! gc-runtime and writes `DIR/N.wasm` + `DIR/N.json` (our outcomes). Part 2,
//! `gc-runtime/scripts/differential.py DIR`, runs the same modules in wasmtime and compares.
//!
//! `cargo run --release -p gc-runtime --features smith --example differential -- DIR [COUNT] [FIRST_SEED]`

use gc_runtime::smith::{module_from_seed, run_exports_with_heap_limit, Outcome};

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().expect("usage: differential DIR [COUNT] [FIRST_SEED]");
    let count: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(500);
    let first: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    std::fs::create_dir_all(dir).expect("create output dir");
    let (mut written, mut calls) = (0, 0);
    let mut seed = first;
    while written < count {
        seed += 1;
        let Some(bytes) = module_from_seed(seed) else { continue };
        // 1 GiB heap: as close to wasmtime's lazily reserved GC heap as this machine affords.
        let body = match run_exports_with_heap_limit(&bytes, 50_000_000, 1 << 30) {
            Ok(results) => {
                calls += results.len();
                let items: Vec<String> = results
                    .iter()
                    .map(|(name, o)| {
                        let o = match o {
                            Outcome::Values(v) => {
                                format!("{{\"values\":[{}]}}", v.iter().map(|s| json_str(s)).collect::<Vec<_>>().join(","))
                            }
                            Outcome::Trap(k) => format!("{{\"trap\":{}}}", json_str(k)),
                            Outcome::Exception => "{\"exception\":true}".to_string(),
                            Outcome::Error(e) => format!("{{\"error\":{}}}", json_str(e)),
                        };
                        format!("[{},{}]", json_str(name), o)
                    })
                    .collect();
                format!("{{\"seed\":{seed},\"exports\":[{}]}}", items.join(","))
            }
            Err(e) => format!("{{\"seed\":{seed},\"instantiate_error\":{}}}", json_str(&e.to_string())),
        };
        std::fs::write(format!("{dir}/{written}.wasm"), &bytes).expect("write wasm");
        std::fs::write(format!("{dir}/{written}.json"), body).expect("write json");
        written += 1;
    }
    println!("wrote {written} modules ({calls} export calls) to {dir}");
}
