//! Replays fuzz inputs outside libFuzzer (stable toolchain), timing each:
//! `cargo run --release -p gc-runtime --features smith --example fuzz_repro -- FILE...`

use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let data = std::fs::read(&path).expect("read input");
        let mut u = arbitrary::Unstructured::new(&data);
        let t = Instant::now();
        let Ok(module) = wasm_smith::Module::new(gc_runtime::smith::config(), &mut u) else {
            println!("{path}: no module");
            continue;
        };
        let bytes = module.to_bytes();
        let r = gc_runtime::smith::run_exports(&bytes, 20_000);
        println!("{path}: {} bytes, {:.3}s: {r:?}", bytes.len(), t.elapsed().as_secs_f64());
    }
}
