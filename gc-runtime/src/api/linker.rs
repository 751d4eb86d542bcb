//! `Linker<T>`: host functions and externs by module/name, resolved when instantiating.

use std::collections::HashMap;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use wasmparser::FuncType;

use super::externals::instantiate;
use super::func::{HostDef, async_host};
use super::store::{AsContextMut, CoreStore, state, state_mut};
use super::{
    Caller, Engine, Extern, Instance, IntoFunc, Module, Result, Val, WasmParams, WasmResults,
};
use crate::error::Error;
use crate::store::Extern as CoreExtern;

#[derive(Clone)]
enum Definition {
    /// A host function, added to each store on first use (cached by `id`).
    Host { id: u64, def: Arc<HostDef> },
    /// A WASI preview 1 function, implemented by `crate::wasi`.
    Wasi { id: u64, name: String },
    /// An object already living in one store.
    Extern(Extern),
}

static NEXT_DEF_ID: AtomicU64 = AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_DEF_ID.fetch_add(1, Ordering::Relaxed)
}

/// Named host definitions used to satisfy imports.
///
/// ```
/// use gc_runtime::api::{Caller, Engine, Linker, Module, Store};
/// let engine = Engine::default();
/// let mut linker = Linker::new(&engine);
/// linker.func_wrap("env", "bump", |mut caller: Caller<'_, u32>, by: u32| {
///     *caller.data_mut() += by;
/// }).unwrap();
/// let module = Module::new(&engine, r#"(module (import "env" "bump" (func $b (param i32)))
///     (func (export "run") i32.const 3 call $b i32.const 4 call $b))"#).unwrap();
/// let mut store = Store::new(&engine, 0u32);
/// let instance = linker.instantiate(&mut store, &module).unwrap();
/// instance.get_typed_func::<(), ()>(&mut store, "run").unwrap().call(&mut store, ()).unwrap();
/// assert_eq!(*store.data(), 7);
/// ```
pub struct Linker<T> {
    engine: Engine,
    defs: HashMap<(String, String), Definition>,
    allow_shadowing: bool,
    _data: PhantomData<fn() -> T>,
}

impl<T> Clone for Linker<T> {
    fn clone(&self) -> Self {
        Linker {
            engine: self.engine.clone(),
            defs: self.defs.clone(),
            allow_shadowing: self.allow_shadowing,
            _data: PhantomData,
        }
    }
}

impl<T: 'static> Linker<T> {
    /// An empty linker.
    pub fn new(engine: &Engine) -> Linker<T> {
        Linker {
            engine: engine.clone(),
            defs: HashMap::new(),
            allow_shadowing: false,
            _data: PhantomData,
        }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Whether a later definition may replace an earlier one of the same name (default: error).
    pub fn allow_shadowing(&mut self, allow: bool) -> &mut Self {
        self.allow_shadowing = allow;
        self
    }

    fn insert(&mut self, module: &str, name: &str, def: Definition) -> Result<&mut Self> {
        let key = (module.to_string(), name.to_string());
        if !self.allow_shadowing && self.defs.contains_key(&key) {
            return Err(Error::Host(format!(
                "import `{module}::{name}` is already defined"
            )));
        }
        self.defs.insert(key, def);
        Ok(self)
    }

    /// Defines a host function from a typed closure (see [`Func::wrap`](super::Func::wrap) for the accepted shapes).
    pub fn func_wrap<P, R>(
        &mut self,
        module: &str,
        name: &str,
        f: impl IntoFunc<T, P, R>,
    ) -> Result<&mut Self> {
        let def = f.into_host().0;
        self.insert(
            module,
            name,
            Definition::Host {
                id: next_id(),
                def: Arc::new(def),
            },
        )
    }

    /// Defines a host function with a dynamic signature (see [`Func::new`](super::Func::new)).
    pub fn func_new(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Result<&mut Self> {
        let def = super::func::dynamic_host_def(ty, f);
        self.insert(
            module,
            name,
            Definition::Host {
                id: next_id(),
                def: Arc::new(def),
            },
        )
    }

    /// Defines an async host function: `f` gets the caller and the parameters as a tuple (or a
    /// single value) and returns a `'static` future. Inside [`TypedFunc::call_async`](super::TypedFunc::call_async)
    /// the wasm stack is parked while the future is pending; from a synchronous call the import
    /// fails with an error.
    pub fn func_wrap_async<P, R, Fut, F>(
        &mut self,
        module: &str,
        name: &str,
        f: F,
    ) -> Result<&mut Self>
    where
        P: WasmParams,
        R: WasmResults,
        Fut: Future<Output = Result<R>> + Send + 'static,
        F: Fn(Caller<'_, T>, P) -> Fut + Send + Sync + 'static,
    {
        let def = async_host(format!("{module}::{name}"), f);
        self.insert(
            module,
            name,
            Definition::Host {
                id: next_id(),
                def: Arc::new(def),
            },
        )
    }

    /// Like [`Linker::func_wrap_async`], but the future resolves to a closure that runs with a
    /// [`Caller`] right before the wasm stack resumes, so the host can write what it awaited into
    /// guest memory (the future itself must be `'static` and cannot hold the caller).
    ///
    /// ```
    /// use gc_runtime::api::{block_on, Caller, Engine, Extern, Linker, Module, Store};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module
    ///     (import "host" "fetch" (func $fetch (param i32) (result i32)))
    ///     (memory (export "memory") 1)
    ///     (func (export "run") (result i32) (call $fetch (i32.const 100)) (i32.load8_u (i32.const 100)) i32.add))"#).unwrap();
    /// let mut linker = Linker::<()>::new(&engine);
    /// linker.func_wrap_async_then("host", "fetch", |_caller, ptr: u32| async move {
    ///     let data = b"*".to_vec(); // e.g. awaited from the network
    ///     Ok(move |mut caller: Caller<'_, ()>| {
    ///         let Some(Extern::Memory(m)) = caller.get_export("memory") else { unreachable!() };
    ///         m.write(&mut caller, ptr as usize, &data).unwrap();
    ///         Ok(data.len() as i32)
    ///     })
    /// }).unwrap();
    /// let mut store = Store::new(&engine, ());
    /// let instance = linker.instantiate(&mut store, &module).unwrap();
    /// let run = instance.get_typed_func::<(), i32>(&mut store, "run").unwrap();
    /// assert_eq!(block_on(run.call_async(&mut store, ())).unwrap(), 1 + 42);
    /// ```
    pub fn func_wrap_async_then<P, R, Then, Fut, F>(
        &mut self,
        module: &str,
        name: &str,
        f: F,
    ) -> Result<&mut Self>
    where
        P: WasmParams,
        R: WasmResults,
        Then: FnOnce(Caller<'_, T>) -> Result<R> + Send + 'static,
        Fut: Future<Output = Result<Then>> + Send + 'static,
        F: Fn(Caller<'_, T>, P) -> Fut + Send + Sync + 'static,
    {
        let def = super::func::async_host_then(format!("{module}::{name}"), f);
        self.insert(
            module,
            name,
            Definition::Host {
                id: next_id(),
                def: Arc::new(def),
            },
        )
    }

    /// Defines `module::name` as an object of a store (a memory, global, table or function).
    pub fn define(
        &mut self,
        module: &str,
        name: &str,
        item: impl Into<Extern>,
    ) -> Result<&mut Self> {
        self.insert(module, name, Definition::Extern(item.into()))
    }

    /// Defines every export of `instance` under module name `module`.
    pub fn instance(
        &mut self,
        store: impl AsContextMut<Data = T>,
        module: &str,
        instance: Instance,
    ) -> Result<&mut Self> {
        for (name, e) in instance.exports(&store) {
            self.insert(module, &name, Definition::Extern(e))?;
        }
        Ok(self)
    }

    /// Defines all of `wasi_snapshot_preview1`. Configure the context per store with
    /// [`Store::set_wasi`](super::Store::set_wasi).
    pub fn define_wasi(&mut self) -> Result<&mut Self> {
        for name in crate::wasi::preview1_names() {
            self.insert(
                crate::wasi::MODULE,
                name,
                Definition::Wasi {
                    id: next_id(),
                    name: name.to_string(),
                },
            )?;
        }
        Ok(self)
    }

    /// The definition `module::name` as an object of `store`.
    pub fn get(
        &self,
        mut store: impl AsContextMut<Data = T>,
        module: &str,
        name: &str,
    ) -> Option<Extern> {
        let core = store.core_mut();
        let e = resolve(&self.defs, core, module, name)?;
        Some(Extern::from_core(state(core).id, e))
    }

    /// Instantiates `module`, resolving each import by module and name. Missing imports give an
    /// "unknown import" error; mistyped ones "incompatible import type".
    pub fn instantiate(
        &self,
        mut store: impl AsContextMut<Data = T>,
        module: &Module,
    ) -> Result<Instance> {
        let core = store.core_mut();
        let defs = &self.defs;
        instantiate(core, module, &mut |core, m, n| resolve(defs, core, m, n))
    }

    /// Instantiates `module` and defines its exports under `name`.
    pub fn module(
        &mut self,
        mut store: impl AsContextMut<Data = T>,
        name: &str,
        module: &Module,
    ) -> Result<&mut Self> {
        let instance = self.instantiate(&mut store, module)?;
        self.instance(store, name, instance)
    }
}

fn resolve(
    defs: &HashMap<(String, String), Definition>,
    core: &mut CoreStore,
    module: &str,
    name: &str,
) -> Option<CoreExtern> {
    match defs.get(&(module.to_string(), name.to_string()))? {
        Definition::Host { id, def } => {
            if let Some(addr) = state(core).host_funcs.get(id) {
                return Some(CoreExtern::Func(*addr));
            }
            let addr = def.add_to(core);
            state_mut(core).host_funcs.insert(*id, addr);
            Some(CoreExtern::Func(addr))
        }
        Definition::Wasi { id, name } => {
            if let Some(addr) = state(core).host_funcs.get(id) {
                return Some(CoreExtern::Func(*addr));
            }
            let addr = crate::wasi::define_import(core, name)?;
            state_mut(core).host_funcs.insert(*id, addr);
            Some(CoreExtern::Func(addr))
        }
        Definition::Extern(e) => {
            let (s, ce) = e.to_core();
            (s == state(core).id).then_some(ce)
        }
    }
}

impl<T> std::fmt::Debug for Linker<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<_> = self.defs.keys().map(|(m, n)| format!("{m}::{n}")).collect();
        names.sort();
        f.debug_struct("Linker")
            .field("definitions", &names)
            .finish()
    }
}
