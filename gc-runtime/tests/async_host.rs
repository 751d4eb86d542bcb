//! Async host functions: the wasm stack is parked while the host future is pending.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

use gc_runtime::api::{Caller, Engine, Linker, Module, Store, block_on};

/// A future that is pending once (waking itself) before resolving: forces a real suspension.
struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Counts how often the wrapped future returned `Pending`.
struct CountPending<F> {
    inner: Pin<Box<F>>,
    pending: Arc<AtomicUsize>,
}
impl<F: Future> Future for CountPending<F> {
    type Output = F::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let r = self.inner.as_mut().poll(cx);
        if r.is_pending() {
            self.pending.fetch_add(1, Ordering::SeqCst);
        }
        r
    }
}

const LOOP: &str = r#"(module
  (import "host" "add" (func $add (param i32 i32) (result i32)))
  (func (export "run") (param $n i32) (result i32) (local $acc i32) (local $i i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (call $add (local.get $acc) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (local.get $acc)))"#;

/// The host import yields once per call and counts its calls in the store data.
fn setup() -> (Store<usize>, gc_runtime::api::TypedFunc<i32, i32>) {
    let engine = Engine::default();
    let module = Module::new(&engine, LOOP).unwrap();
    let mut linker = Linker::<usize>::new(&engine);
    linker
        .func_wrap_async(
            "host",
            "add",
            |mut caller: Caller<'_, usize>, (a, b): (i32, i32)| {
                *caller.data_mut() += 1;
                async move {
                    YieldOnce(false).await;
                    Ok(a.wrapping_add(b))
                }
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, 0usize);
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance
        .get_typed_func::<i32, i32>(&mut store, "run")
        .unwrap();
    (store, run)
}

fn expected(n: i32) -> i32 {
    (0..n).fold(0i32, |a, i| a.wrapping_add(i))
}

#[test]
fn ten_thousand_async_calls_suspend_and_sum_correctly_with_block_on() {
    let (mut store, run) = setup();
    let pending = Arc::new(AtomicUsize::new(0));
    let fut = CountPending {
        inner: Box::pin(run.call_async(&mut store, 10_000)),
        pending: pending.clone(),
    };
    let result = block_on(fut).unwrap();
    assert_eq!(result, expected(10_000));
    assert_eq!(
        pending.load(Ordering::SeqCst),
        10_000,
        "each host call suspended the wasm stack once"
    );
    assert_eq!(*store.data(), 10_000);
}

#[test]
fn ten_thousand_async_calls_under_tokio() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let (mut store, run) = setup();
    let pending = Arc::new(AtomicUsize::new(0));
    let result = rt.block_on(async {
        CountPending {
            inner: Box::pin(run.call_async(&mut store, 10_000)),
            pending: pending.clone(),
        }
        .await
    });
    assert_eq!(result.unwrap(), expected(10_000));
    assert_eq!(pending.load(Ordering::SeqCst), 10_000);
}

#[test]
fn tokio_sleep_inside_a_host_function() {
    let engine = Engine::default();
    let module = Module::new(&engine, LOOP).unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap_async(
            "host",
            "add",
            |_c: Caller<'_, ()>, (a, b): (i32, i32)| async move {
                tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                Ok(a + b)
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance
        .get_typed_func::<i32, i32>(&mut store, "run")
        .unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    assert_eq!(rt.block_on(run.call_async(&mut store, 5)).unwrap(), 10);
}

#[test]
fn synchronous_call_of_an_async_import_is_an_error_not_a_hang() {
    let (mut store, run) = setup();
    let err = run.call(&mut store, 3).unwrap_err();
    assert!(err.to_string().contains("use `call_async`"), "{err}");
    // The store remains usable afterwards.
    assert_eq!(block_on(run.call_async(&mut store, 3)).unwrap(), 3);
}

#[test]
fn host_error_after_suspension_unwinds_and_store_stays_usable() {
    let engine = Engine::default();
    let module = Module::new(&engine, LOOP).unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap_async(
            "host",
            "add",
            |_c: Caller<'_, ()>, (a, b): (i32, i32)| async move {
                YieldOnce(false).await;
                if b == 7 {
                    return Err(gc_runtime::Error::Host("seven is not allowed".into()));
                }
                Ok(a + b)
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance
        .get_typed_func::<i32, i32>(&mut store, "run")
        .unwrap();
    let err = block_on(run.call_async(&mut store, 10)).unwrap_err();
    assert_eq!(err.to_string(), "seven is not allowed");
    assert_eq!(
        block_on(run.call_async(&mut store, 7)).unwrap(),
        expected(7)
    );
}

#[test]
fn dropping_a_suspended_call_leaves_the_store_usable() {
    let (mut store, run) = setup();
    {
        let mut fut = Box::pin(run.call_async(&mut store, 100));
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        assert!(fut.as_mut().poll(&mut cx).is_pending());
    }
    assert_eq!(
        block_on(run.call_async(&mut store, 4)).unwrap(),
        expected(4)
    );
}

#[test]
fn sync_host_functions_work_under_call_async() {
    let engine = Engine::default();
    let module = Module::new(&engine, LOOP).unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap("host", "add", |a: i32, b: i32| a * 2 + b)
        .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance
        .get_typed_func::<i32, i32>(&mut store, "run")
        .unwrap();
    let want = (0..5).fold(0, |a, i| a * 2 + i);
    assert_eq!(block_on(run.call_async(&mut store, 5)).unwrap(), want);
}

const COUNT: &str = r#"(module
  (func (export "count") (param $n i32) (result i32) (local $i i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (local.get $i)))"#;

/// Out of fuel under `call_async` with yielding on: the call is parked, refuelled and resumed
/// where it stopped; the fuel charged in total is exactly what the uninterrupted run costs.
#[test]
fn out_of_fuel_yields_and_resumes_exactly() {
    let engine = Engine::new(gc_runtime::api::Config::new().consume_fuel(true));
    let module = Module::new(&engine, COUNT).unwrap();
    let cost = {
        let mut store = Store::new(&engine, ());
        store.set_fuel(1 << 40).unwrap();
        let inst = gc_runtime::api::Instance::new(&mut store, &module, &[]).unwrap();
        let count = inst
            .get_typed_func::<i32, i32>(&mut store, "count")
            .unwrap();
        assert_eq!(count.call(&mut store, 10_000).unwrap(), 10_000);
        (1u64 << 40) - store.get_fuel().unwrap()
    };
    let mut store = Store::new(&engine, ());
    store.set_fuel(1000).unwrap();
    store.out_of_fuel_async_yield(1000, 1000);
    let inst = gc_runtime::api::Instance::new(&mut store, &module, &[]).unwrap();
    let count = inst
        .get_typed_func::<i32, i32>(&mut store, "count")
        .unwrap();
    let pending = Arc::new(AtomicUsize::new(0));
    let fut = CountPending {
        inner: Box::pin(count.call_async(&mut store, 10_000)),
        pending: pending.clone(),
    };
    assert_eq!(block_on(fut).unwrap(), 10_000);
    let yields = pending.load(Ordering::SeqCst) as u64;
    assert_eq!(yields, cost / 1000, "one yield per 1000 units");
    assert_eq!(
        1000 + yields * 1000 - store.get_fuel().unwrap(),
        cost,
        "no instruction charged twice"
    );
    // With too few injections the call still ends with the fuel trap.
    store.set_fuel(1000).unwrap();
    store.out_of_fuel_async_yield(2, 1000);
    let err = block_on(count.call_async(&mut store, 10_000)).unwrap_err();
    assert_eq!(err.trap_message(), Some("all fuel consumed"));
    // The synchronous call is not affected by the yield setting.
    store.set_fuel(10).unwrap();
    store.out_of_fuel_async_yield(100, 1000);
    assert_eq!(
        count.call(&mut store, 10_000).unwrap_err().trap_message(),
        Some("all fuel consumed")
    );
}

#[test]
fn epoch_deadline_yields_under_call_async() {
    let engine = Engine::new(gc_runtime::api::Config::new().epoch_interruption(true));
    let module = Module::new(&engine, COUNT).unwrap();
    let mut store = Store::new(&engine, ());
    store.set_epoch_deadline(1);
    store.epoch_deadline_async_yield_and_update(1);
    let inst = gc_runtime::api::Instance::new(&mut store, &module, &[]).unwrap();
    let count = inst
        .get_typed_func::<i32, i32>(&mut store, "count")
        .unwrap();
    engine.increment_epoch(); // the deadline is already reached: the first check yields
    let pending = Arc::new(AtomicUsize::new(0));
    let fut = CountPending {
        inner: Box::pin(count.call_async(&mut store, 100_000)),
        pending: pending.clone(),
    };
    assert_eq!(block_on(fut).unwrap(), 100_000);
    assert!(pending.load(Ordering::SeqCst) >= 1);
}

/// The completion step of `func_wrap_async_then` writes awaited data into guest memory; the guest
/// sees it when it resumes. An error from the step unwinds the call.
#[test]
fn async_then_writes_awaited_data_into_guest_memory() {
    use gc_runtime::api::Extern;
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "read" (func $read (param i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "sum") (param $len i32) (result i32) (local $n i32) (local $i i32) (local $acc i32)
            (local.set $n (call $read (i32.const 0) (local.get $len)))
            (block $d (loop $l
              (br_if $d (i32.ge_u (local.get $i) (local.get $n)))
              (local.set $acc (i32.add (local.get $acc) (i32.load8_u (local.get $i))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
            (local.get $acc)))"#,
    )
    .unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap_async_then(
            "host",
            "read",
            |_c: Caller<'_, ()>, (ptr, len): (u32, u32)| async move {
                YieldOnce(false).await;
                if len > 100 {
                    return Err(gc_runtime::Error::Host("too long".into()));
                }
                let data: Vec<u8> = (1..=len as u8).collect();
                Ok(move |mut caller: Caller<'_, ()>| {
                    let Some(Extern::Memory(m)) = caller.get_export("memory") else {
                        return Err(gc_runtime::Error::Host("no memory".into()));
                    };
                    m.write(&mut caller, ptr as usize, &data)
                        .map_err(|e| gc_runtime::Error::Host(e.to_string()))?;
                    Ok(data.len() as i32)
                })
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &module).unwrap();
    let sum = inst.get_typed_func::<i32, i32>(&mut store, "sum").unwrap();
    assert_eq!(block_on(sum.call_async(&mut store, 10)).unwrap(), 55);
    let err = block_on(sum.call_async(&mut store, 1000)).unwrap_err();
    assert_eq!(err.to_string(), "too long");
    assert_eq!(block_on(sum.call_async(&mut store, 4)).unwrap(), 10);
}
