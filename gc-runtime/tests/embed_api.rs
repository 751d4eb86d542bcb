//! The embedding API: modules, linkers, host functions with callers, typed calls, memories,
//! globals, tables and rooted GC references.

use gc_runtime::Error;
use gc_runtime::api::{
    AnyRef, Caller, Engine, Extern, ExternRef, ExternType, FuncType, Global, GlobalType, Instance,
    Linker, Memory, MemoryType, Module, RefType, Store, Table, TableType, Val, ValType,
};

#[test]
fn module_lists_imports_and_exports_with_types() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (import "a" "f" (func (param i64) (result f32))) (import "a" "g" (global (mut i32)))
            (memory (export "mem") 2 3) (table (export "t") 4 externref)
            (func (export "id") (param i32) (result i32) local.get 0))"#,
    )
    .unwrap();
    let imports: Vec<_> = m
        .imports()
        .map(|i| (i.module().to_string(), i.name().to_string(), i.ty().clone()))
        .collect();
    assert_eq!(
        imports[0].2,
        ExternType::Func(FuncType::new([ValType::I64], [ValType::F32]))
    );
    assert!(matches!(
        imports[1].2,
        ExternType::Global(GlobalType { mutable: true, .. })
    ));
    let mem = m.exports().find(|e| e.name() == "mem").unwrap();
    assert!(matches!(
        mem.ty(),
        ExternType::Memory(MemoryType {
            initial: 2,
            maximum: Some(3),
            ..
        })
    ));
    let t = m.exports().find(|e| e.name() == "t").unwrap();
    assert!(matches!(
        t.ty(),
        ExternType::Table(TableType { initial: 4, .. })
    ));
}

#[test]
fn invalid_module_is_an_error() {
    let engine = Engine::default();
    let e = Module::new(&engine, b"\0asm\x01\0\0\0\x01").err().unwrap();
    assert!(matches!(e, Error::Invalid(_)), "{e}");
    assert!(Module::new(&engine, "(module (func (result i32)))").is_err());
}

#[test]
fn missing_and_mistyped_imports_are_unlinkable() {
    let engine = Engine::default();
    let m = Module::new(&engine, r#"(module (import "env" "f" (func (param i32))))"#).unwrap();
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::<()>::new(&engine);
    let e = linker.instantiate(&mut store, &m).unwrap_err();
    assert_eq!(e.to_string(), "unlinkable module: unknown import: env::f");
    linker.func_wrap("env", "f", |_: i64| {}).unwrap();
    let e = linker.instantiate(&mut store, &m).unwrap_err();
    assert!(e.to_string().contains("incompatible import type"), "{e}");
    assert!(
        linker.func_wrap("env", "f", |_: i32| {}).is_err(),
        "redefinition needs allow_shadowing"
    );
    linker
        .allow_shadowing(true)
        .func_wrap("env", "f", |_: i32| {})
        .unwrap();
    linker.instantiate(&mut store, &m).unwrap();
}

#[test]
fn host_function_reads_and_writes_caller_memory() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "upper" (func $u (param i32 i32)))
            (memory (export "memory") 1) (data (i32.const 8) "shout")
            (func (export "run") (call $u (i32.const 8) (i32.const 5))))"#,
    )
    .unwrap();
    let mut linker = Linker::<u32>::new(&engine);
    linker
        .func_wrap(
            "env",
            "upper",
            |mut c: Caller<'_, u32>, ptr: u32, len: u32| -> gc_runtime::api::Result<()> {
                let mem = c
                    .get_export("memory")
                    .and_then(Extern::into_memory)
                    .unwrap();
                let mut buf = vec![0; len as usize];
                mem.read(&c, ptr as usize, &mut buf)
                    .map_err(|e| Error::Host(e.to_string()))?;
                buf.make_ascii_uppercase();
                mem.write(&mut c, ptr as usize, &buf)
                    .map_err(|e| Error::Host(e.to_string()))?;
                *c.data_mut() += 1;
                Ok(())
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, 0u32);
    let inst = linker.instantiate(&mut store, &m).unwrap();
    inst.get_typed_func::<(), ()>(&mut store, "run")
        .unwrap()
        .call(&mut store, ())
        .unwrap();
    let mem = inst.get_memory(&mut store, "memory").unwrap();
    assert_eq!(&mem.data(&store)[8..13], b"SHOUT");
    assert_eq!(*store.data(), 1);
    let mut buf = [0u8; 4];
    assert!(
        mem.read(&store, 65534, &mut buf).is_err(),
        "out of bounds read is an error"
    );
}

#[test]
fn host_error_traps_the_guest_and_propagates() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "fail" (func $f)) (func (export "run") call $f))"#,
    )
    .unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap("env", "fail", || -> gc_runtime::api::Result<()> {
            Err(Error::Host("nope".into()))
        })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let e = inst
        .get_typed_func::<(), ()>(&mut store, "run")
        .unwrap()
        .call(&mut store, ())
        .unwrap_err();
    assert_eq!(e.to_string(), "nope");
}

#[test]
fn typed_func_checks_signature_at_lookup_and_dynamic_calls_check_values() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (func (export "f") (param i32 i64) (result f64) f64.const 1.5))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    assert!(
        inst.get_typed_func::<(i32, i64), f64>(&mut store, "f")
            .is_ok()
    );
    assert!(
        inst.get_typed_func::<(i32, i32), f64>(&mut store, "f")
            .is_err()
    );
    assert!(
        inst.get_typed_func::<(i32, i64), f32>(&mut store, "f")
            .is_err()
    );
    let f = inst.get_func(&mut store, "f").unwrap();
    let mut out = [Val::I32(0)];
    let e = f
        .call(&mut store, &[Val::I32(1), Val::I32(2)], &mut out)
        .unwrap_err();
    assert!(e.to_string().contains("type mismatch"), "{e}");
    f.call(&mut store, &[Val::I32(1), Val::I64(2)], &mut out)
        .unwrap();
    assert_eq!(out[0].f64(), Some(1.5));
}

#[test]
fn func_new_defines_a_dynamically_typed_host_function() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "swap" (func $s (param i32 i64) (result i64 i32)))
            (func (export "run") (result i64 i32) (call $s (i32.const 7) (i64.const 9))))"#,
    )
    .unwrap();
    let mut linker = Linker::<()>::new(&engine);
    let ty = FuncType::new([ValType::I32, ValType::I64], [ValType::I64, ValType::I32]);
    linker
        .func_new("env", "swap", ty, |_c, params, results| {
            results[0] = Val::I64(params[1].i64().unwrap());
            results[1] = Val::I32(params[0].i32().unwrap());
            Ok(())
        })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst
        .get_typed_func::<(), (i64, i32)>(&mut store, "run")
        .unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), (9, 7));
}

#[test]
fn globals_tables_and_memories_created_by_the_host_can_be_imported() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (import "h" "g" (global $g (mut i32))) (import "h" "m" (memory 1))
            (import "h" "t" (table 2 funcref))
            (func (export "bump") (global.set $g (i32.add (global.get $g) (i32.load (i32.const 0)))))
            (func (export "size") (result i32) table.size 0))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let g = Global::new(
        &mut store,
        GlobalType {
            content_type: ValType::I32,
            mutable: true,
            shared: false,
        },
        Val::I32(5),
    )
    .unwrap();
    let mem = Memory::new(
        &mut store,
        MemoryType {
            memory64: false,
            shared: false,
            initial: 1,
            maximum: None,
            page_size_log2: None,
        },
    )
    .unwrap();
    mem.write(&mut store, 0, &10i32.to_le_bytes()).unwrap();
    let t = Table::new(
        &mut store,
        TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            initial: 2,
            maximum: None,
            shared: false,
        },
        Val::FuncRef(None),
    )
    .unwrap();
    let inst = Instance::new(&mut store, &m, &[g.into(), mem.into(), t.into()]).unwrap();
    inst.get_typed_func::<(), ()>(&mut store, "bump")
        .unwrap()
        .call(&mut store, ())
        .unwrap();
    assert_eq!(g.get(&mut store).i32(), Some(15));
    t.grow(&mut store, 3, Val::FuncRef(None)).unwrap();
    assert_eq!(
        inst.get_typed_func::<(), i32>(&mut store, "size")
            .unwrap()
            .call(&mut store, ())
            .unwrap(),
        5
    );
    assert!(g.set(&mut store, Val::I64(1)).is_err(), "wrong type");
}

#[test]
fn objects_of_another_store_are_refused() {
    let engine = Engine::default();
    let m = Module::new(&engine, r#"(module (func (export "f")))"#).unwrap();
    let mut a = Store::new(&engine, ());
    let mut b = Store::new(&engine, ());
    let inst = Instance::new(&mut a, &m, &[]).unwrap();
    let f = inst.get_func(&mut a, "f").unwrap();
    assert!(f.call(&mut b, &[], &mut []).is_err());
    let r = ExternRef::new(&mut a, 1u8);
    assert!(r.data(&b).is_none());
}

/// A guest struct held by the host survives collections; once the handle drops it is freed.
#[test]
fn rooted_anyref_keeps_a_gc_object_alive() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (type $p (struct (field i32) (field i64)))
            (func (export "make") (param i32) (result anyref) (struct.new $p (local.get 0) (i64.const 99)))
            (func (export "get") (param anyref) (result i32)
              (struct.get $p 0 (ref.cast (ref $p) (local.get 0))))
            (func (export "churn") (local i32)
              (loop $l (drop (struct.new $p (i32.const 0) (i64.const 0)))
                (local.set 0 (i32.add (local.get 0) (i32.const 1)))
                (br_if $l (i32.lt_u (local.get 0) (i32.const 300000))))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    let make = inst
        .get_typed_func::<i32, Option<AnyRef>>(&mut store, "make")
        .unwrap();
    let get = inst
        .get_typed_func::<Option<AnyRef>, i32>(&mut store, "get")
        .unwrap();
    let churn = inst.get_typed_func::<(), ()>(&mut store, "churn").unwrap();
    let obj = make.call(&mut store, 1234).unwrap().unwrap();
    let before = store.gc_stats().live_objects;
    churn.call(&mut store, ()).unwrap();
    store.gc();
    assert!(store.gc_stats().collections > 0);
    assert!(obj.is_struct(&store));
    assert_eq!(get.call(&mut store, Some(obj.clone())).unwrap(), 1234);
    let fields = obj.struct_fields(&mut store).unwrap();
    assert_eq!((fields[0].i32(), fields[1].i64()), (Some(1234), Some(99)));
    drop(fields);
    drop(obj);
    store.gc();
    assert!(
        store.gc_stats().live_objects < before,
        "the released struct was collected"
    );
}

#[test]
fn externref_host_values_round_trip_through_the_guest() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (table $t 1 externref)
            (func (export "keep") (param externref) (table.set $t (i32.const 0) (local.get 0)))
            (func (export "fetch") (result externref) (table.get $t (i32.const 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    let keep = inst
        .get_typed_func::<Option<ExternRef>, ()>(&mut store, "keep")
        .unwrap();
    let fetch = inst
        .get_typed_func::<(), Option<ExternRef>>(&mut store, "fetch")
        .unwrap();
    let r = ExternRef::new(&mut store, vec![1u32, 2, 3]);
    keep.call(&mut store, Some(r)).unwrap();
    store.gc();
    let back = fetch.call(&mut store, ()).unwrap().unwrap();
    let v = back
        .data(&store)
        .unwrap()
        .downcast_ref::<Vec<u32>>()
        .unwrap();
    assert_eq!(v, &[1, 2, 3]);
}

#[test]
fn i31_refs_cross_the_boundary_unboxed() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (func (export "inc") (param anyref) (result anyref)
            (ref.i31 (i32.add (i31.get_s (ref.cast (ref i31) (local.get 0))) (i32.const 1)))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    let inc = inst
        .get_typed_func::<Option<AnyRef>, Option<AnyRef>>(&mut store, "inc")
        .unwrap();
    let x = AnyRef::from_i31(&mut store, -5);
    assert_eq!(
        inc.call(&mut store, Some(x)).unwrap().unwrap().as_i31(),
        Some(-4)
    );
    let e = inc.call(&mut store, None).unwrap_err();
    assert_eq!(e.trap_message(), Some("cast failure"));
}

#[test]
fn linker_instance_and_module_registration_link_modules_together() {
    let engine = Engine::default();
    let lib = Module::new(
        &engine,
        r#"(module (func (export "seven") (result i32) i32.const 7))"#,
    )
    .unwrap();
    let app = Module::new(
        &engine,
        r#"(module (import "lib" "seven" (func $s (result i32))) (func (export "run") (result i32) (i32.mul (call $s) (i32.const 6))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::<()>::new(&engine);
    linker.module(&mut store, "lib", &lib).unwrap();
    let inst = linker.instantiate(&mut store, &app).unwrap();
    assert_eq!(
        inst.get_typed_func::<(), i32>(&mut store, "run")
            .unwrap()
            .call(&mut store, ())
            .unwrap(),
        42
    );
    assert!(linker.get(&mut store, "lib", "seven").is_some());
}

/// Host values are freed once nothing refers to them; those the guest keeps survive.
#[test]
fn unreferenced_host_values_are_dropped() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    struct Counted(Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (global $g (mut externref) (ref.null extern))
            (func (export "keep") (param externref) (global.set $g (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    let keep = inst
        .get_typed_func::<Option<ExternRef>, ()>(&mut store, "keep")
        .unwrap();
    let dropped = Arc::new(AtomicUsize::new(0));
    let kept = ExternRef::new(&mut store, Counted(dropped.clone()));
    keep.call(&mut store, Some(kept)).unwrap();
    let held = ExternRef::new(&mut store, Counted(dropped.clone()));
    for _ in 0..10_000 {
        ExternRef::new(&mut store, Counted(dropped.clone()));
    }
    assert!(
        store.host_value_count() < 5_000,
        "automatic sweeps ran: {}",
        store.host_value_count()
    );
    store.gc();
    assert_eq!(
        store.host_value_count(),
        2,
        "the global's value and the held one remain"
    );
    assert_eq!(dropped.load(Ordering::SeqCst), 10_000);
    assert!(held.data(&store).unwrap().is::<Counted>());
    drop(held);
    store.gc();
    assert_eq!(store.host_value_count(), 1);
}

/// Engines and modules are shared across threads; stores and call futures move between them.
#[test]
fn thread_safety_markers() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Engine>();
    send_sync::<Module>();
    send::<Store<Vec<String>>>();
    send::<gc_runtime::api::CallFuture<&mut Store<()>, i32>>();
    send_sync::<ExternRef>();
    send_sync::<AnyRef>();
}

#[test]
fn host_reads_guest_arrays() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (type $bytes (array (mut i8))) (type $refs (array (ref null $bytes)))
            (func (export "make") (result anyref)
              (array.new_fixed $refs 2
                (array.new_fixed $bytes 3 (i32.const 104) (i32.const 105) (i32.const 255))
                (ref.null $bytes))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    let make = inst
        .get_typed_func::<(), Option<AnyRef>>(&mut store, "make")
        .unwrap();
    let outer = make.call(&mut store, ()).unwrap().unwrap();
    assert!(outer.is_array(&store));
    let elems = outer.array_elements(&mut store).unwrap();
    assert_eq!(elems.len(), 2);
    let Val::AnyRef(Some(inner)) = &elems[0] else {
        panic!("{elems:?}")
    };
    let bytes: Vec<i32> = inner
        .array_elements(&mut store)
        .unwrap()
        .iter()
        .map(|v| v.i32().unwrap())
        .collect();
    assert_eq!(
        bytes,
        [104, 105, 255],
        "packed i8 elements are zero-extended"
    );
    assert!(matches!(elems[1], Val::AnyRef(None)));
}

/// A host function may call back into the guest through its caller (re-entrancy).
#[test]
fn host_function_calls_back_into_the_guest() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "twice" (func $twice (param i32) (result i32)))
            (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
            (func (export "run") (param i32) (result i32) (call $twice (local.get 0))))"#,
    )
    .unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap(
            "env",
            "twice",
            |mut c: Caller<'_, ()>, x: i32| -> gc_runtime::api::Result<i32> {
                let inc = c.get_export("inc").and_then(Extern::into_func).unwrap();
                let inc = inc.typed::<i32, i32>(&c)?;
                let once = inc.call(&mut c, x)?;
                inc.call(&mut c, once)
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst.get_typed_func::<i32, i32>(&mut store, "run").unwrap();
    assert_eq!(run.call(&mut store, 40).unwrap(), 42);
    assert_eq!(
        gc_runtime::api::block_on(run.call_async(&mut store, 1)).unwrap(),
        3
    );
}
