//! Runs a WASI command module in gc-runtime with nothing else in the process (no cargo-wasm, no
//! compiler), so callgrind counts measure the interpreter:
//! `cargo run --release -p gc-runtime --example wasi_run -- [--fuel N] MODULE.wasm [ARGS...]`.
//! With `--fuel N`, the fuel consumed is printed to stderr (fuel counts wasm instructions, so this
//! checks that superinstructions are metered exactly).

use gc_runtime::wasi::{run, RunResult, WasiConfig};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut fuel = None;
    if args.first().map(String::as_str) == Some("--fuel") && args.len() > 1 {
        fuel = Some(args[1].parse::<u64>().expect("--fuel N"));
        args.drain(..2);
    }
    let Some(path) = args.first() else {
        eprintln!("usage: wasi_run MODULE.wasm [ARGS...]");
        std::process::exit(2);
    };
    let wasm = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("could not read {path}: {e}");
        std::process::exit(2);
    });
    let config = WasiConfig { args: args.clone(), fuel, ..WasiConfig::default() };
    let outcome = run(&wasm, config, None);
    if let Some(used) = outcome.fuel_consumed {
        eprintln!("fuel consumed: {used}");
    }
    match outcome.result {
        Ok(RunResult::Exit(code)) => std::process::exit(code),
        Ok(RunResult::Values(_)) => {}
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(134);
        }
    }
}
