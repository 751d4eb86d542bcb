//! Traps, recursion depth, fuel, WASI commands and `invoke_export`.

mod common;

use gc_runtime::wasi::{run_command, WasiConfig};
use gc_runtime::{invoke_export, Error, Extern, Store, Val};

fn call(text: &str, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    let mut store = Store::new();
    let m = store.compile(&common::wat(text))?;
    let inst = store.instantiate(&m, &mut |_, _, _| None)?;
    let Some(Extern::Func(f)) = store.instance_export(inst, name) else { panic!("no export {name}") };
    store.call_func(f, args)
}

#[test]
fn divide_by_zero_traps_with_spec_message() {
    let e = call(
        r#"(module (func (export "d") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))"#,
        "d",
        &[Val::I32(1), Val::I32(0)],
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "wasm trap: integer divide by zero");
}

#[test]
fn deep_recursion_is_call_stack_exhausted_not_a_crash() {
    let e = call(r#"(module (func $f (export "f") (call $f)))"#, "f", &[]).unwrap_err();
    assert_eq!(e.trap_message(), Some("call stack exhausted"));
}

#[test]
fn recursion_depth_within_limit_works() {
    let r = call(
        r#"(module (func $f (export "f") (param i64) (result i64)
             (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 0))
               (else (i64.add (i64.const 1) (call $f (i64.sub (local.get 0) (i64.const 1))))))))"#,
        "f",
        &[Val::I64(10_000)],
    )
    .unwrap();
    assert_eq!(r, vec![Val::I64(10_000)]);
}

#[test]
fn fuel_stops_infinite_loop_deterministically() {
    let text = r#"(module (func (export "spin") (loop $l (br $l))))"#;
    for _ in 0..2 {
        let mut store = Store::new();
        let m = store.compile(&common::wat(text)).unwrap();
        let inst = store.instantiate(&m, &mut |_, _, _| None).unwrap();
        let Some(Extern::Func(f)) = store.instance_export(inst, "spin") else { panic!() };
        store.set_fuel(Some(1000));
        let e = store.call_func(f, &[]).unwrap_err();
        assert_eq!(e.trap_message(), Some("all fuel consumed"));
        assert_eq!(store.fuel(), Some(0));
    }
}

#[test]
fn invalid_module_is_reported() {
    let mut store = Store::new();
    let bad = common::wat(r#"(module (func (result i32) (i64.const 1)))"#);
    let e = store.compile(&bad).err().expect("must be rejected");
    assert!(e.to_string().starts_with("invalid module:"), "{e}");
    assert!(store.compile(b"\0asm\x01\0\0\0\x99").is_err());
}

const HELLO: &str = r#"
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $as (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 6))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $as (i32.const 32) (i32.const 36)))
    ;; exit code = argc
    (call $exit (i32.load (i32.const 32)))))
"#;

#[test]
fn wasi_command_writes_stdout_and_exits_with_status() {
    let config = WasiConfig {
        args: vec!["prog".into(), "a".into(), "b".into()],
        capture_output: true,
        ..Default::default()
    };
    let out = run_command(&common::wat(HELLO), config).unwrap();
    assert_eq!(out.stdout, b"hello\n");
    assert_eq!(out.exit_code, 3);
}

#[test]
fn unknown_wasi_import_is_unlinkable_and_named() {
    let text = r#"(module (import "wasi_snapshot_preview1" "path_frobnicate" (func (param i32))) (func (export "_start")))"#;
    let e = run_command(&common::wat(text), WasiConfig::default()).unwrap_err();
    assert!(matches!(e, Error::Unlinkable(_)), "{e}");
    assert!(e.to_string().contains("path_frobnicate"), "{e}");
}

#[test]
fn invoke_export_parses_args_and_formats_results() {
    let text = r#"(module (func (export "mix") (param i32 i64 f32 f64) (result i32 i64 f32 f64)
        (i32.add (local.get 0) (i32.const 1)) (i64.mul (local.get 1) (i64.const 2))
        (f32.div (local.get 2) (f32.const 2)) (f64.neg (local.get 3))))"#;
    let out = invoke_export(
        &common::wat(text),
        "mix",
        &["41".into(), "-3".into(), "3".into(), "1.5".into()],
        WasiConfig::default(),
    )
    .unwrap();
    assert_eq!(out, vec!["42", "-6", "1.5", "-1.5"]);
    let e = invoke_export(&common::wat(text), "mix", &["x".into()], WasiConfig::default()).unwrap_err();
    assert!(e.to_string().contains("argument"), "{e}");
}

#[test]
fn exceptions_cross_frames_and_escape_as_errors() {
    let text = r#"(module
      (tag $e (param i32))
      (func $thrower (param i32) (throw $e (local.get 0)))
      (func (export "catch") (param i32) (result i32)
        (block $h (result i32)
          (try_table (catch $e $h) (call $thrower (local.get 0)))
          (i32.const -1)))
      (func (export "escape") (call $thrower (i32.const 7))))"#;
    assert_eq!(call(text, "catch", &[Val::I32(5)]).unwrap(), vec![Val::I32(5)]);
    assert!(matches!(call(text, "escape", &[]), Err(Error::Exception(_))));
}

/// Regression (fuzz timeout): a huge zero-initialized packed array in a constant expression is
/// allocated directly, not through a temporary buffer of 16-byte values (which took seconds and GBs).
#[test]
fn huge_packed_array_in_global_initializer_is_cheap() {
    let text = r#"(module
      (type $bytes (array (mut i8)))
      (global $g (ref $bytes) (array.new_default $bytes (i32.const 200000000)))
      (func (export "len") (result i32) (array.len (global.get $g))))"#;
    let t = std::time::Instant::now();
    assert_eq!(call(text, "len", &[]).unwrap(), vec![Val::I32(200_000_000)]);
    assert!(t.elapsed().as_secs() < 5, "took {:?}", t.elapsed());
}

#[test]
fn arrays_beyond_the_allocation_limit_trap() {
    let text = r#"(module
      (type $vals (array (mut i64)))
      (func (export "big") (result i32) (array.len (array.new_default $vals (i32.const -1)))))"#;
    let e = call(text, "big", &[]).unwrap_err();
    assert_eq!(e.trap_message(), Some("allocation size too large"));
}
