//! Runs a WASI command module in gc-runtime with nothing else in the process (no cargo-wasm, no
//! compiler), so callgrind counts measure the interpreter:
//! `cargo run --release -p gc-runtime --example wasi_run -- MODULE.wasm [ARGS...]`.

use gc_runtime::wasi::{run, RunResult, WasiConfig};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: wasi_run MODULE.wasm [ARGS...]");
        std::process::exit(2);
    };
    let wasm = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("could not read {path}: {e}");
        std::process::exit(2);
    });
    let config = WasiConfig { args: args.clone(), ..WasiConfig::default() };
    let outcome = run(&wasm, config, None);
    match outcome.result {
        Ok(RunResult::Exit(code)) => std::process::exit(code),
        Ok(RunResult::Values(_)) => {}
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(134);
        }
    }
}
