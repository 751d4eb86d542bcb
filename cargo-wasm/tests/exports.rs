//! `#[wasm::export]` on a library: `cargo wasm build` of `examples/gc-types` gives a reactor module whose
//! exports take and return numbers and GC references, called here through gc-runtime's embedding API
//! and with `cargo wasm run --invoke`.

use std::path::{Path, PathBuf};
use std::process::Command;

use gc_runtime::api::{AnyRef, Engine, Linker, Module, Store, Val};
use gc_runtime::wasi::WasiConfig;

/// Builds the example library into a private target directory; returns the module's path.
fn build_example(target: &Path) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/gc-types");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-wasm"))
        .args(["wasm", "build", "-q"])
        .current_dir(&example)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    target.join("wasm-gc/debug/gc_types.wasm")
}

#[test]
fn reactor_exports_work_through_the_embedding_api_and_invoke() {
    let target = tempfile::tempdir().unwrap();
    let path = build_example(target.path());
    let wasm = std::fs::read(&path).unwrap();

    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    store.set_wasi(WasiConfig { capture_output: true, ..WasiConfig::default() }).unwrap();
    let module = Module::new(&engine, &wasm).unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker.define_wasi().unwrap();
    let inst = linker.instantiate(&mut store, &module).unwrap();
    assert!(inst.get_func(&mut store, "_start").is_none(), "a library is a reactor, not a command");
    inst.get_typed_func::<(), ()>(&mut store, "_initialize").unwrap().call(&mut store, ()).unwrap();

    let fib = inst.get_typed_func::<i32, i64>(&mut store, "fib").unwrap();
    assert_eq!(fib.call(&mut store, 90).unwrap(), 2880067194370816120);
    let vowel = inst.get_typed_func::<i32, i32>(&mut store, "is_vowel").unwrap();
    assert_eq!((vowel.call(&mut store, 'e' as i32).unwrap(), vowel.call(&mut store, 'x' as i32).unwrap()), (1, 0));

    // `makePoint` (renamed export) returns a `GcBox<Point>`: the `Point` struct itself, fields x and y.
    let make = inst.get_typed_func::<(f64, f64), Option<AnyRef>>(&mut store, "makePoint").unwrap();
    let p = make.call(&mut store, (3.0, 4.0)).unwrap().unwrap();
    let origin = make.call(&mut store, (0.0, 0.0)).unwrap().unwrap();
    let fields = p.struct_fields(&mut store).unwrap();
    assert_eq!((fields[0].f64(), fields[1].f64()), (Some(3.0), Some(4.0)));
    let distance = inst.get_func(&mut store, "distance").unwrap();
    let mut out = [Val::F64(0)];
    distance.call(&mut store, &[Val::AnyRef(Some(p)), Val::AnyRef(Some(origin))], &mut out).unwrap();
    assert_eq!(out[0].f64(), Some(5.0));
    assert!(inst.get_func(&mut store, "make_point").is_none(), "exported under its `name = ...` only");

    // The same through the CLI.
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_cargo-wasm")).args(["wasm", "run", "-q"]).arg(&path).args(args).output().unwrap();
        (o.status.code(), String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    assert_eq!(run(&["--invoke", "fib", "10"]), (Some(0), "55".to_string()));
    assert_eq!(run(&["--invoke", "is_vowel", "117"]), (Some(0), "1".to_string()));
}
