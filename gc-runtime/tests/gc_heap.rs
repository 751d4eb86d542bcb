//! The collector keeps a loop of short-lived allocations in bounded memory, and keeps reachable
//! objects alive.

mod common;

use gc_runtime::{wasi::WasiConfig, Extern, Store, Val};

const LOOP: &str = r#"
(module
  (type $node (struct (field $v (mut i64)) (field $next (ref null $node))))
  (global $keep (mut (ref null $node)) (ref.null $node))
  ;; Allocates `n` structs; only every 100_000th one is kept (chained from a global).
  (func (export "churn") (param $n i32) (result i64)
    (local $i i32) (local $s (ref null $node)) (local $sum i64)
    (loop $l
      (local.set $s (struct.new $node (i64.extend_i32_u (local.get $i)) (ref.null $node)))
      (local.set $sum (i64.add (local.get $sum) (struct.get $node $v (local.get $s))))
      (if (i32.eqz (i32.rem_u (local.get $i) (i32.const 100000)))
        (then (global.set $keep (struct.new $node (i64.extend_i32_u (local.get $i)) (global.get $keep)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum))
  ;; Walks the kept chain and counts it.
  (func (export "kept") (result i32)
    (local $p (ref null $node)) (local $n i32)
    (local.set $p (global.get $keep))
    (block $done
      (loop $l
        (br_if $done (ref.is_null (local.get $p)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $p (struct.get $node $next (local.get $p)))
        (br $l)))
    (local.get $n)))
"#;

fn churn(n: i32) -> (Store, u32) {
    let mut store = Store::new();
    let module = store.compile(&common::wat(LOOP)).unwrap();
    let inst = store.instantiate(&module, &mut |_, _, _| None).unwrap();
    let Some(Extern::Func(f)) = store.instance_export(inst, "churn") else { panic!("no churn") };
    let r = store.call_func(f, &[Val::I32(n)]).unwrap();
    let expected: i64 = (0..n as i64).sum();
    assert_eq!(r, vec![Val::I64(expected)]);
    (store, inst)
}

#[test]
fn ten_million_short_lived_structs_stay_under_64_mib() {
    // Debug builds interpret ~20x slower; the full 10M run is for release (`cargo test --release`).
    let n = if cfg!(debug_assertions) { 1_000_000 } else { 10_000_000 };
    let (mut store, inst) = churn(n);
    let stats = store.gc_stats();
    assert!(stats.collections > 0, "no collection happened: {stats:?}");
    assert!(stats.peak_bytes < 64 << 20, "peak heap {} bytes", stats.peak_bytes);
    assert!(stats.heap_capacity_bytes < 64 << 20, "slot capacity {} bytes", stats.heap_capacity_bytes);
    // Everything kept from the global survives collections.
    let Some(Extern::Func(kept)) = store.instance_export(inst, "kept") else { panic!() };
    assert_eq!(store.call_func(kept, &[]).unwrap(), vec![Val::I32((n + 99_999) / 100_000)]);
    // A full collection leaves just the kept chain.
    store.collect_garbage();
    assert_eq!(store.gc_stats().live_objects, ((n + 99_999) / 100_000) as usize);
}

#[test]
fn wasi_config_default_is_empty() {
    let c = WasiConfig::default();
    assert!(c.args.is_empty() && c.fuel.is_none() && !c.capture_output);
}
