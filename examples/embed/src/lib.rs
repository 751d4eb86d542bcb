//! Embedding gc-runtime in a host program, the way one embeds wasmtime:
//! 1. the host defines a `log` import with [`Linker::func_wrap`]; the closure receives a
//!    [`Caller`], finds the guest's exported memory and reads the string out of it;
//! 2. the module is instantiated through the linker;
//! 3. the host looks up the typed export `fib: i32 -> i64` (its signature is checked once, here)
//!    and calls it.

use gc_runtime::Error;
use gc_runtime::api::{Caller, Engine, Extern, Linker, Module, Store};

/// The guest module (text form; gc-runtime compiles `.wat` as wasmtime does).
pub const GUEST: &str = include_str!("guest.wat");

/// What the host keeps between calls: every line the guest logged.
#[derive(Default, Debug)]
pub struct HostState {
    pub log: Vec<String>,
}

/// Instantiates the guest, calls `fib(n)` and returns the result with the guest's log lines.
pub fn fib(n: i32) -> Result<(i64, Vec<String>), Error> {
    let engine = Engine::default();
    let module = Module::new(&engine, GUEST)?;
    let mut linker = Linker::<HostState>::new(&engine);
    linker.func_wrap(
        "host",
        "log",
        |mut caller: Caller<'_, HostState>, ptr: u32, len: u32| {
            let Some(Extern::Memory(memory)) = caller.get_export("memory") else {
                return Err(Error::Host("guest has no exported memory".into()));
            };
            let mut bytes = vec![0; len as usize];
            memory
                .read(&caller, ptr as usize, &mut bytes)
                .map_err(|e| Error::Host(e.to_string()))?;
            let line = String::from_utf8(bytes)
                .map_err(|_| Error::Host("log line is not UTF-8".into()))?;
            caller.data_mut().log.push(line);
            Ok(())
        },
    )?;
    let mut store = Store::new(&engine, HostState::default());
    let instance = linker.instantiate(&mut store, &module)?;
    let fib = instance.get_typed_func::<i32, i64>(&mut store, "fib")?;
    let result = fib.call(&mut store, n)?;
    Ok((result, store.into_data().log))
}
