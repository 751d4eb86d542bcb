//! Metering and resource limits: fuel, epochs, memory, tables, instances, GC heap, call depth.
//! Every exceeded limit is an error or trap with a clear message, never a host abort.

use gc_runtime::api::{
    Config, Engine, Instance, Linker, Module, Store, StoreLimitsBuilder, TypedFunc,
};

const SPIN: &str = r#"(module (func (export "spin") (loop (br 0))))"#;

const COUNT: &str = r#"(module
  (func (export "count") (param $n i32) (result i32) (local $i i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (local.get $i)))"#;

fn fuel_engine() -> Engine {
    Engine::new(Config::new().consume_fuel(true))
}

fn instance(engine: &Engine, text: &str) -> (Store<()>, Instance) {
    let module = Module::new(engine, text).unwrap();
    let mut store = Store::new(engine, ());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    (store, inst)
}

#[test]
fn infinite_loop_runs_out_of_fuel() {
    let engine = fuel_engine();
    let (mut store, inst) = instance(&engine, SPIN);
    store.set_fuel(1_000_000).unwrap();
    let spin = inst.get_typed_func::<(), ()>(&mut store, "spin").unwrap();
    let err = spin.call(&mut store, ()).unwrap_err();
    assert_eq!(err.trap_message(), Some("all fuel consumed"));
    assert_eq!(store.get_fuel().unwrap(), 0);
}

/// Fuel is charged per instruction executed, so the same call costs the same every time.
#[test]
fn fuel_consumption_is_deterministic_and_matches_the_cost_table() {
    let engine = fuel_engine();
    let mut costs = Vec::new();
    for _ in 0..3 {
        let (mut store, inst) = instance(&engine, COUNT);
        store.set_fuel(u64::MAX / 2).unwrap();
        let count = inst
            .get_typed_func::<i32, i32>(&mut store, "count")
            .unwrap();
        assert_eq!(count.call(&mut store, 100).unwrap(), 100);
        costs.push(u64::MAX / 2 - store.get_fuel().unwrap());
    }
    assert!(costs.windows(2).all(|w| w[0] == w[1]), "{costs:?}");
    // Per iteration: local.get, local.get, i32.ge_u, br_if, local.get, i32.const, i32.add,
    // local.set, br = 9 instructions; the last check exits (4), then local.get and the return.
    let per_iteration = 9;
    let (mut store, inst) = instance(&engine, COUNT);
    store.set_fuel(1 << 40).unwrap();
    let count = inst
        .get_typed_func::<i32, i32>(&mut store, "count")
        .unwrap();
    count.call(&mut store, 200).unwrap();
    let c200 = (1u64 << 40) - store.get_fuel().unwrap();
    assert_eq!(
        c200 - costs[0],
        100 * per_iteration,
        "each extra iteration costs 9 units"
    );
}

#[test]
fn store_is_usable_again_after_refuelling() {
    let engine = fuel_engine();
    let (mut store, inst) = instance(&engine, COUNT);
    let count = inst
        .get_typed_func::<i32, i32>(&mut store, "count")
        .unwrap();
    store.set_fuel(50).unwrap();
    assert_eq!(
        count.call(&mut store, 1000).unwrap_err().trap_message(),
        Some("all fuel consumed")
    );
    store.set_fuel(1_000_000).unwrap();
    assert_eq!(count.call(&mut store, 1000).unwrap(), 1000);
}

#[test]
fn set_fuel_without_consume_fuel_is_an_error() {
    let mut store = Store::new(&Engine::default(), ());
    assert!(
        store
            .set_fuel(10)
            .unwrap_err()
            .to_string()
            .contains("consume_fuel")
    );
}

#[test]
fn epoch_deadline_interrupts_an_infinite_loop() {
    let engine = Engine::new(Config::new().epoch_interruption(true));
    let (mut store, inst) = instance(&engine, SPIN);
    store.set_epoch_deadline(1);
    let spin = inst.get_typed_func::<(), ()>(&mut store, "spin").unwrap();
    let ticker = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            engine.increment_epoch();
        })
    };
    let err = spin.call(&mut store, ()).unwrap_err();
    ticker.join().unwrap();
    assert_eq!(err.trap_message(), Some("interrupt"));
}

#[test]
fn memory_limit_makes_grow_fail_and_large_memories_unlinkable() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (memory (export "m") 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    store.limiter(StoreLimitsBuilder::new().memory_size(4 * 65536).build());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    let grow: TypedFunc<i32, i32> = inst.get_typed_func(&mut store, "grow").unwrap();
    assert_eq!(grow.call(&mut store, 3).unwrap(), 1);
    assert_eq!(
        grow.call(&mut store, 1).unwrap(),
        -1,
        "a fifth page exceeds the limit"
    );

    let big = Module::new(&engine, r#"(module (memory 8))"#).unwrap();
    let err = Instance::new(&mut store, &big, &[]).unwrap_err();
    assert!(
        err.to_string().contains("exceeds the store's memory limit"),
        "{err}"
    );
}

#[test]
fn table_element_limit() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (table 1 funcref) (func (export "grow") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    store.limiter(StoreLimitsBuilder::new().table_elements(10).build());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    let grow: TypedFunc<i32, i32> = inst.get_typed_func(&mut store, "grow").unwrap();
    assert_eq!(grow.call(&mut store, 9).unwrap(), 1);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1);
    let big = Module::new(&engine, r#"(module (table 11 funcref))"#).unwrap();
    let err = Instance::new(&mut store, &big, &[]).unwrap_err();
    assert!(
        err.to_string().contains("exceeds the store's table limit"),
        "{err}"
    );
}

#[test]
fn instance_limit() {
    let engine = Engine::default();
    let module = Module::new(&engine, "(module)").unwrap();
    let mut store = Store::new(&engine, ());
    store.limiter(StoreLimitsBuilder::new().instances(2).build());
    let linker = Linker::<()>::new(&engine);
    linker.instantiate(&mut store, &module).unwrap();
    linker.instantiate(&mut store, &module).unwrap();
    let err = linker.instantiate(&mut store, &module).unwrap_err();
    assert_eq!(err.to_string(), "instance limit of 2 exceeded");
}

#[test]
fn gc_heap_limit_traps_when_live_objects_exceed_it() {
    let engine = Engine::default();
    // Keeps every allocated struct reachable through a linked list.
    let module = Module::new(
        &engine,
        r#"(module
          (type $node (struct (field (ref null $node)) (field i64)))
          (func (export "build") (param $n i32) (result i32) (local $head (ref null $node))
            (loop $l
              (local.set $head (struct.new $node (local.get $head) (i64.const 0)))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br_if $l (local.get $n)))
            (i32.const 1))
          (func (export "churn") (param $n i32) (result i32)
            (loop $l
              (drop (struct.new $node (ref.null $node) (i64.const 0)))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br_if $l (local.get $n)))
            (i32.const 1)))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    store.limiter(StoreLimitsBuilder::new().gc_heap_bytes(1 << 20).build());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    let build: TypedFunc<i32, i32> = inst.get_typed_func(&mut store, "build").unwrap();
    let churn: TypedFunc<i32, i32> = inst.get_typed_func(&mut store, "churn").unwrap();
    // Garbage is collected, so many short-lived objects stay under the limit...
    assert_eq!(churn.call(&mut store, 200_000).unwrap(), 1);
    // ...but a live structure beyond 1 MiB traps.
    let err = build.call(&mut store, 200_000).unwrap_err();
    assert_eq!(err.trap_message(), Some("GC heap limit exceeded"));
}

#[test]
fn call_depth_limit() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (func $f (export "f") (param i32) (result i32)
            (if (result i32) (local.get 0)
              (then (i32.add (i32.const 1) (call $f (i32.sub (local.get 0) (i32.const 1)))))
              (else (i32.const 0)))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    store.limiter(StoreLimitsBuilder::new().call_depth(100).build());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    let f: TypedFunc<i32, i32> = inst.get_typed_func(&mut store, "f").unwrap();
    assert_eq!(f.call(&mut store, 50).unwrap(), 50);
    assert_eq!(
        f.call(&mut store, 500).unwrap_err().trap_message(),
        Some("call stack exhausted")
    );
}

/// Fuel counts wasm instructions, whatever the interpreter fuses them into.
#[test]
fn fuel_counts_wasm_instructions_not_fused_interpreter_ops() {
    let engine = fuel_engine();
    // local.get, local.get, i32.add, i32.const, i32.add, local.get, i32.const, i32.add, local.set,
    // local.get, (end = return): 11 instructions; `block`/`end` of the block cost nothing.
    let (mut store, inst) = instance(
        &engine,
        r#"(module (func (export "f") (param i32) (result i32)
            (block local.get 0 local.get 0 i32.add i32.const 5 i32.add
              local.get 0 i32.const 1 i32.add local.set 0 drop)
            local.get 0))"#,
    );
    store.set_fuel(1000).unwrap();
    let f = inst.get_typed_func::<i32, i32>(&mut store, "f").unwrap();
    assert_eq!(f.call(&mut store, 1).unwrap(), 2);
    assert_eq!(
        1000 - store.get_fuel().unwrap(),
        12,
        "11 instructions + drop"
    );
}
