//! `Store<T>`: the interpreter's store plus the embedder's data, fuel, limits and epoch deadline.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use super::{Engine, Result};
use crate::error::Error;
use crate::module::Module as CoreModule;
use crate::value::Val as CoreVal;

pub(crate) use crate::store::Store as CoreStore;

/// What a finished async host future hands back: a step run with store access (and the caller
/// instance restored) that produces the host function's results.
pub(crate) type Completion = Box<dyn FnOnce(&mut CoreStore) -> Result<Vec<CoreVal>> + Send>;

/// The future of a pending async host call.
pub(crate) type PendingHost = Pin<Box<dyn Future<Output = Result<Completion>> + Send>>;

/// Embedding state kept inside the interpreter's store, so host functions reach it from the
/// `&mut CoreStore` they receive.
pub(crate) struct StoreState {
    pub(crate) id: u64,
    pub(crate) data: Box<dyn Any + Send>,
    /// Values behind `ExternRef::new` references (`Ref::ExternHost(i)`).
    pub(crate) host_values: super::host_values::HostValues,
    /// Root slots released by dropped handles, unrooted at the next call or collection.
    pub(crate) drops: Arc<Mutex<Vec<usize>>>,
    /// Whether an async host function may suspend now (inside `call_async`, not under a sync call).
    pub(crate) async_ok: bool,
    pub(crate) pending: Option<PendingHost>,
    /// The instance that called the pending async host function (for its completion step).
    pub(crate) pending_caller: Option<u32>,
    /// Modules compiled into this store, by `Module` id.
    pub(crate) modules: HashMap<u64, Arc<CoreModule>>,
    /// Host functions of linkers instantiated into this store, by definition id.
    pub(crate) host_funcs: HashMap<u64, u32>,
    pub(crate) instances: usize,
    pub(crate) max_instances: usize,
    pub(crate) fuel_enabled: bool,
    pub(crate) epoch_enabled: bool,
}

static NEXT_STORE_ID: AtomicU64 = AtomicU64::new(1);

/// The embedding state of a core store (every store made by [`Store::new`] has one).
pub(crate) fn state(core: &CoreStore) -> &StoreState {
    core.embedder
        .as_ref()
        .and_then(|e| e.downcast_ref::<StoreState>())
        .expect("store created through gc_runtime::api::Store")
}

pub(crate) fn state_mut(core: &mut CoreStore) -> &mut StoreState {
    core.embedder
        .as_mut()
        .and_then(|e| e.downcast_mut::<StoreState>())
        .expect("store created through gc_runtime::api::Store")
}

/// Releases the roots of dropped handles.
pub(crate) fn process_drops(core: &mut CoreStore) {
    let slots: Vec<usize> = match state(core).drops.lock() {
        Ok(mut d) => std::mem::take(&mut *d),
        Err(_) => return,
    };
    for s in slots {
        core.unroot(s);
    }
}

/// Where all wasm objects of one embedding live, with the host's data `T` (which must be
/// `Send + 'static`, so stores and their call futures can move between threads).
///
/// ```
/// use gc_runtime::api::{Engine, Store};
/// let mut store = Store::new(&Engine::default(), 42u32);
/// *store.data_mut() += 1;
/// assert_eq!(*store.data(), 43);
/// ```
pub struct Store<T> {
    pub(crate) core: CoreStore,
    engine: Engine,
    _data: PhantomData<fn() -> T>,
}

impl<T: Send + 'static> Store<T> {
    /// A new, empty store holding `data`.
    pub fn new(engine: &Engine, data: T) -> Store<T> {
        let mut core = CoreStore::with_features(engine.features());
        core.limits.max_frames = engine.config().max_call_depth;
        core.embedder = Some(Box::new(StoreState {
            id: NEXT_STORE_ID.fetch_add(1, Ordering::Relaxed),
            data: Box::new(data),
            host_values: Default::default(),
            drops: Arc::new(Mutex::new(Vec::new())),
            async_ok: false,
            pending: None,
            pending_caller: None,
            modules: HashMap::new(),
            host_funcs: HashMap::new(),
            instances: 0,
            max_instances: usize::MAX,
            fuel_enabled: engine.config().consume_fuel,
            epoch_enabled: engine.config().epoch_interruption,
        }));
        if engine.config().consume_fuel {
            core.set_fuel(Some(0));
        }
        Store {
            core,
            engine: engine.clone(),
            _data: PhantomData,
        }
    }
}

impl<T: 'static> Store<T> {
    /// The engine this store was created with.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }
    /// The host data.
    pub fn data(&self) -> &T {
        state(&self.core)
            .data
            .downcast_ref::<T>()
            .expect("store data type")
    }
    /// The host data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        state_mut(&mut self.core)
            .data
            .downcast_mut::<T>()
            .expect("store data type")
    }
    /// Consumes the store, returning the host data.
    pub fn into_data(mut self) -> T {
        let st = self.core.embedder.take().expect("store state");
        let st = st.downcast::<StoreState>().expect("store state");
        *st.data.downcast::<T>().expect("store data type")
    }

    /// Sets the remaining fuel. Every executed instruction costs one unit (see
    /// [`crate::meter`] for the exact table); when it runs out, execution traps with
    /// "all fuel consumed". After such a trap the store stays usable: set fuel again and call again.
    /// Fails unless the engine was configured with [`Config::consume_fuel`](super::Config::consume_fuel).
    ///
    /// ```
    /// use gc_runtime::api::{Config, Engine, Instance, Module, Store};
    /// let engine = Engine::new(Config::new().consume_fuel(true));
    /// let module = Module::new(&engine, "(module (func (export \"spin\") (loop (br 0))))").unwrap();
    /// let mut store = Store::new(&engine, ());
    /// store.set_fuel(1000).unwrap();
    /// let instance = Instance::new(&mut store, &module, &[]).unwrap();
    /// let spin = instance.get_typed_func::<(), ()>(&mut store, "spin").unwrap();
    /// let err = spin.call(&mut store, ()).unwrap_err();
    /// assert!(err.to_string().contains("all fuel consumed"));
    /// assert_eq!(store.get_fuel().unwrap(), 0);
    /// ```
    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        if !state(&self.core).fuel_enabled {
            return Err(Error::Host(
                "fuel is not configured in this store (use Config::consume_fuel)".into(),
            ));
        }
        self.core.set_fuel(Some(fuel));
        Ok(())
    }

    /// The remaining fuel.
    pub fn get_fuel(&self) -> Result<u64> {
        if !state(&self.core).fuel_enabled {
            return Err(Error::Host(
                "fuel is not configured in this store (use Config::consume_fuel)".into(),
            ));
        }
        Ok(self.core.fuel().unwrap_or(0))
    }

    /// Traps execution with "interrupt" once the engine's epoch reaches the current epoch plus
    /// `ticks_beyond_current` (see [`Engine::increment_epoch`]). The check runs every 1024
    /// instructions. Requires [`Config::epoch_interruption`](super::Config::epoch_interruption).
    pub fn set_epoch_deadline(&mut self, ticks_beyond_current: u64) {
        if !state(&self.core).epoch_enabled {
            return;
        }
        let counter = self.engine.epoch_counter();
        let deadline = counter
            .load(Ordering::Relaxed)
            .saturating_add(ticks_beyond_current);
        self.core.meter.epoch = Some((counter, deadline));
    }

    /// Under [`TypedFunc::call_async`](super::TypedFunc::call_async): when fuel runs out, add
    /// `fuel_to_inject` units and yield to the executor (the future returns `Pending` once), at
    /// most `injection_count` times; after that, running out traps as usual. Long-running guests
    /// thereby share the executor, resuming exactly where they stopped. Synchronous calls are not
    /// affected.
    pub fn out_of_fuel_async_yield(&mut self, injection_count: u64, fuel_to_inject: u64) {
        self.core.meter.fuel_yield = Some((injection_count, fuel_to_inject));
    }

    /// Under `call_async`: when the epoch deadline is reached, move it `delta` ticks past the
    /// current epoch and yield to the executor instead of trapping with "interrupt".
    pub fn epoch_deadline_async_yield_and_update(&mut self, delta: u64) {
        self.core.meter.epoch_yield = Some(delta);
    }

    /// Applies resource limits (see [`StoreLimitsBuilder`]).
    pub fn limiter(&mut self, limits: StoreLimits) {
        let l = &mut self.core.limits;
        if let Some(b) = limits.memory_size {
            l.max_memory_pages = (b / crate::store::PAGE as usize) as u64;
        }
        if let Some(n) = limits.table_elements {
            l.max_table_elems = n as u64;
        }
        if let Some(n) = limits.gc_heap_bytes {
            l.max_gc_heap_bytes = n;
        }
        if let Some(n) = limits.call_depth {
            l.max_frames = n;
        }
        if let Some(n) = limits.instances {
            state_mut(&mut self.core).max_instances = n;
        }
    }

    /// Runs a full garbage collection now: releases the roots of dropped handles, frees
    /// unreachable GC objects, and drops host values (of [`ExternRef::new`](super::ExternRef::new))
    /// that no reference reaches any more.
    pub fn gc(&mut self) {
        super::host_values::sweep(&mut self.core);
    }

    /// How many host values (of [`ExternRef::new`](super::ExternRef::new)) the store keeps.
    pub fn host_value_count(&self) -> usize {
        state(&self.core).host_values.len()
    }

    /// GC heap statistics.
    pub fn gc_stats(&self) -> crate::GcStats {
        self.core.gc_stats()
    }

    /// Switches on the guest profiler (instructions per function and per opcode).
    pub fn enable_profiling(&mut self) {
        self.core.enable_profiling();
    }

    /// What the profiler counted so far.
    pub fn profile_report(&self) -> Option<crate::meter::ProfileReport> {
        self.core.profile_report()
    }

    /// Configures WASI preview 1 for this store (arguments, environment, preopened directories,
    /// stdio). Define the functions with [`Linker::define_wasi`](super::Linker::define_wasi).
    pub fn set_wasi(&mut self, config: crate::wasi::WasiConfig) -> Result<()> {
        self.core.wasi = Some(crate::wasi::WasiCtx::new(&config)?);
        Ok(())
    }

    /// Output captured by WASI when `capture_output` is set: (stdout, stderr).
    pub fn wasi_output(&self) -> Option<(&[u8], &[u8])> {
        self.core
            .wasi
            .as_ref()
            .map(|w| (w.stdout.as_slice(), w.stderr.as_slice()))
    }
}

/// Read access to a store: implemented by [`Store`], [`Caller`](super::Caller) and references to them.
pub trait AsContext {
    /// The host data type.
    type Data: 'static;
    #[doc(hidden)]
    fn core(&self) -> &CoreStore;
}

/// Write access to a store.
pub trait AsContextMut: AsContext {
    #[doc(hidden)]
    fn core_mut(&mut self) -> &mut CoreStore;
}

impl<T: 'static> AsContext for Store<T> {
    type Data = T;
    fn core(&self) -> &CoreStore {
        &self.core
    }
}
impl<T: 'static> AsContextMut for Store<T> {
    fn core_mut(&mut self) -> &mut CoreStore {
        &mut self.core
    }
}
impl<S: AsContext + ?Sized> AsContext for &S {
    type Data = S::Data;
    fn core(&self) -> &CoreStore {
        (**self).core()
    }
}
impl<S: AsContext + ?Sized> AsContext for &mut S {
    type Data = S::Data;
    fn core(&self) -> &CoreStore {
        (**self).core()
    }
}
impl<S: AsContextMut + ?Sized> AsContextMut for &mut S {
    fn core_mut(&mut self) -> &mut CoreStore {
        (**self).core_mut()
    }
}

/// Resource limits of a store; build with [`StoreLimitsBuilder`] and apply with [`Store::limiter`].
#[derive(Debug, Clone, Default)]
pub struct StoreLimits {
    memory_size: Option<usize>,
    table_elements: Option<usize>,
    instances: Option<usize>,
    gc_heap_bytes: Option<usize>,
    call_depth: Option<usize>,
}

/// Builder of [`StoreLimits`]. Exceeding a limit is never a host abort:
/// * memory: `memory.grow` returns -1; instantiating a larger memory fails with an error;
/// * table elements: `table.grow` returns -1; instantiating a larger table fails;
/// * instances: instantiation fails with "instance limit of N exceeded";
/// * GC heap bytes: the allocating instruction traps with "GC heap limit exceeded";
/// * call depth: the call traps with "call stack exhausted".
///
/// ```
/// use gc_runtime::api::{Engine, Store, StoreLimitsBuilder};
/// let mut store = Store::new(&Engine::default(), ());
/// store.limiter(StoreLimitsBuilder::new().memory_size(1 << 20).instances(2).build());
/// ```
#[derive(Debug, Clone, Default)]
pub struct StoreLimitsBuilder(StoreLimits);

impl StoreLimitsBuilder {
    /// No limits beyond the defaults.
    pub fn new() -> Self {
        Self::default()
    }
    /// Maximum size in bytes of each linear memory (rounded down to whole 64 KiB pages).
    pub fn memory_size(mut self, bytes: usize) -> Self {
        self.0.memory_size = Some(bytes);
        self
    }
    /// Maximum number of elements of each table.
    pub fn table_elements(mut self, n: usize) -> Self {
        self.0.table_elements = Some(n);
        self
    }
    /// Maximum number of instances in the store.
    pub fn instances(mut self, n: usize) -> Self {
        self.0.instances = Some(n);
        self
    }
    /// Maximum live bytes of the GC heap (structs, arrays, exceptions).
    pub fn gc_heap_bytes(mut self, bytes: usize) -> Self {
        self.0.gc_heap_bytes = Some(bytes);
        self
    }
    /// Maximum depth of nested wasm calls.
    pub fn call_depth(mut self, n: usize) -> Self {
        self.0.call_depth = Some(n);
        self
    }
    /// The limits.
    pub fn build(self) -> StoreLimits {
        self.0
    }
}
