//! Compiles one Rust file: `wasmrustc <main.rs> <out.wasm> [--release]`. For tests and debugging.
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: wasmrustc <main.rs> <out.wasm> [--release]");
        std::process::exit(2);
    }
    let root = PathBuf::from(&args[1]).canonicalize().expect("input file");
    let release = args.iter().any(|a| a == "--release");
    let pkg = root.parent().and_then(|p| if p.ends_with("src") { p.parent() } else { Some(p) }).unwrap().to_path_buf();
    let opts = wasmrust_compiler::CompileOptions {
        package_root: pkg,
        crate_root: root,
        crate_name: "main".into(),
        kind: wasmrust_compiler::CrateKind::Bin,
        overflow_checks: !release,
        debug_assertions: !release,
        optimize: release,
        features: vec![],
    };
    match wasmrust_compiler::compile(&opts) {
        Ok(out) => {
            std::fs::write(&args[2], &out.wasm).expect("write output");
            eprintln!("{} bytes, {} functions, {} bytes before first export", out.wasm.len(), out.stats.functions, out.stats.bytes_before_first_export);
        }
        Err(d) => {
            eprint!("{}", d.render(false));
            std::process::exit(1);
        }
    }
}
