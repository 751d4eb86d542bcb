//! The embedding API, in the shape of wasmtime's: an [`Engine`] holds settings, a [`Module`] is
//! compiled once, a [`Store<T>`] owns all runtime objects plus the host's data `T`, a [`Linker<T>`]
//! names host functions, and [`Instance`]s expose [`Func`]s, [`TypedFunc`]s, [`Memory`]s,
//! [`Global`]s and [`Table`]s.
//!
//! What an interpreter with an explicit frame stack adds: async host functions
//! ([`Linker::func_wrap_async`]) park the wasm stack while their future is pending, so
//! [`TypedFunc::call_async`] works on any executor without fibers.
//!
//! ```
//! use gc_runtime::api::{Caller, Engine, Linker, Module, Store};
//!
//! let engine = Engine::default();
//! let module = Module::new(&engine, r#"
//!     (module
//!       (import "host" "log" (func $log (param i32 i32)))
//!       (memory (export "memory") 1)
//!       (data (i32.const 16) "hello from wasm")
//!       (func (export "greet") (result i32)
//!         (call $log (i32.const 16) (i32.const 15))
//!         (i32.const 42)))"#).unwrap();
//!
//! let mut linker = Linker::<Vec<String>>::new(&engine);
//! linker.func_wrap("host", "log", |mut caller: Caller<'_, Vec<String>>, ptr: u32, len: u32| {
//!     let memory = caller.get_export("memory").and_then(|e| e.into_memory()).unwrap();
//!     let mut buf = vec![0; len as usize];
//!     memory.read(&caller, ptr as usize, &mut buf).unwrap();
//!     caller.data_mut().push(String::from_utf8(buf).unwrap());
//! }).unwrap();
//!
//! let mut store = Store::new(&engine, Vec::<String>::new());
//! let instance = linker.instantiate(&mut store, &module).unwrap();
//! let greet = instance.get_typed_func::<(), i32>(&mut store, "greet").unwrap();
//! assert_eq!(greet.call(&mut store, ()).unwrap(), 42);
//! assert_eq!(store.data(), &["hello from wasm"]);
//! ```

#![warn(missing_docs)]

mod call_async;
mod engine;
mod externals;
mod func;
mod host_values;
mod linker;
mod module;
mod store;
mod values;

pub use call_async::{CallFuture, block_on};
pub use engine::{Config, Engine};
pub use externals::{Extern, Global, Instance, Memory, MemoryAccessError, Table, Tag};
pub use func::{
    Caller, Func, IntoFunc, TypedFunc, WasmParams, WasmResults, WasmRet, WasmTy, WasmTyList,
};
pub use linker::Linker;
pub use module::{ExportType, ExternType, ImportType, Module};
pub use store::{AsContext, AsContextMut, Store, StoreLimits, StoreLimitsBuilder};
pub use values::{AnyRef, ExnRef, ExternRef, Val};

pub use crate::error::Error;
pub use wasmparser::{FuncType, GlobalType, MemoryType, RefType, TableType, ValType};

/// Results of the embedding API.
pub type Result<T, E = Error> = std::result::Result<T, E>;
