//! The .wast runner counts passes and reports failures with positions.

use gc_runtime::wast::run_wast_str;

#[test]
fn counts_passes_and_failures_with_positions() {
    let script = r#"
(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
(assert_trap (invoke "add" (i32.const 1) (i32.const 2)) "unreachable")
(assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
"#;
    let r = run_wast_str(script, "t.wast").unwrap();
    assert_eq!(r.passed, 3);
    assert_eq!(r.failed, 2);
    // Positions point at the directive keyword (1-based).
    assert_eq!((r.failures[0].line, r.failures[0].col), (4, 2));
    assert_eq!(r.failures[1].line, 5);
}

#[test]
fn nan_patterns_and_traps_match() {
    let script = r#"
(module
  (func (export "nan") (result f32) (f32.div (f32.const 0) (f32.const 0)))
  (func (export "div") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0))))
(assert_return (invoke "nan") (f32.const nan:arithmetic))
(assert_return (invoke "nan") (f32.const nan:canonical))
(assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")
"#;
    let r = run_wast_str(script, "t.wast").unwrap();
    assert_eq!((r.passed, r.failed), (4, 0), "{:?}", r.failures);
}

#[test]
fn script_syntax_errors_are_errors_with_position() {
    let e = run_wast_str("(module\n  (func (i32.bogus)))", "bad.wast").unwrap_err();
    let m = e.to_string();
    assert!(m.contains("bad.wast:2:"), "{m}");
}
