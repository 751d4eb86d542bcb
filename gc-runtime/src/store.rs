//! The store: every runtime object (functions, tables, memories, globals, tags, segments, the GC heap)
//! lives here, addressed by index. Instances are index maps into the store.

use std::collections::HashMap;
use std::sync::Arc;

use wasmparser::{GlobalType, RefType, Validator, WasmFeatures};

use crate::error::Error;
use crate::gc::{GcStats, Heap};
use crate::ir::Code;
use crate::module::{features, Module};
use crate::types::TypeRegistry;
use crate::value::{Ref, Val};

/// A host function: receives the store (with `caller_instance` set) and the arguments.
pub type HostFn = Arc<dyn Fn(&mut Store, &[Val]) -> Result<Vec<Val>, Error> + Send + Sync>;

pub enum FuncKind {
    Wasm { module: Arc<Module>, instance: u32, def: u32, code: Option<Arc<Code>> },
    Host(HostFn),
}

pub struct FuncInst {
    /// Canonical function type id.
    pub ty: u32,
    pub kind: FuncKind,
}

pub struct TableInst {
    pub elems: Vec<Ref>,
    pub max: Option<u64>,
    pub ty: RefType,
    pub is64: bool,
}

pub const PAGE: u64 = 65536;

pub struct MemInst {
    pub data: Vec<u8>,
    pub max_pages: Option<u64>,
    pub is64: bool,
}

impl MemInst {
    pub fn pages(&self) -> u64 {
        self.data.len() as u64 / PAGE
    }
    /// Grows by `delta` pages; returns the old size or `None` on failure.
    pub fn grow(&mut self, delta: u64, limit_pages: u64) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta)?;
        let cap = if self.is64 { 1u64 << 48 } else { 65536 };
        if new > self.max_pages.unwrap_or(cap).min(cap) || new > limit_pages {
            return None;
        }
        let bytes = usize::try_from(new.checked_mul(PAGE)?).ok()?;
        self.data.try_reserve_exact(bytes - self.data.len()).ok()?;
        self.data.resize(bytes, 0);
        Some(old)
    }
}

pub struct GlobalInst {
    pub val: Val,
    pub ty: GlobalType,
}

/// An external value: what imports resolve to and exports provide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extern {
    Func(u32),
    Table(u32),
    Memory(u32),
    Global(u32),
    Tag(u32),
}

pub struct InstanceData {
    pub module: Arc<Module>,
    pub funcs: Vec<u32>,
    pub tables: Vec<u32>,
    pub mems: Vec<u32>,
    pub globals: Vec<u32>,
    pub tags: Vec<u32>,
    pub elems: Vec<u32>,
    pub datas: Vec<u32>,
    pub exports: HashMap<String, Extern>,
}

/// An activation record of the explicit call stack.
#[derive(Clone)]
pub struct Frame {
    pub code: Arc<Code>,
    pub pc: u32,
    /// Index of local 0 in the value stack.
    pub base: u32,
}

/// Limits that keep a guest from exhausting the host.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_frames: usize,
    pub max_stack: usize,
    pub max_memory_pages: u64,
    pub max_table_elems: u64,
    /// Live GC heap bytes beyond which allocation traps ("GC heap limit exceeded").
    pub max_gc_heap_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_frames: 20_000, max_stack: 1 << 20, max_memory_pages: 65536, max_table_elems: 10_000_000, max_gc_heap_bytes: usize::MAX }
    }
}

/// All runtime state.
pub struct Store {
    pub(crate) features: WasmFeatures,
    pub(crate) validator: Validator,
    pub(crate) types: TypeRegistry,
    pub(crate) funcs: Vec<FuncInst>,
    pub(crate) tables: Vec<TableInst>,
    pub(crate) mems: Vec<MemInst>,
    pub(crate) globals: Vec<GlobalInst>,
    /// Tag address -> canonical function type id.
    pub(crate) tags: Vec<u32>,
    /// Element segment instances (emptied by `elem.drop`).
    pub(crate) elems: Vec<Vec<Ref>>,
    /// Data segment instances (emptied by `data.drop`).
    pub(crate) datas: Vec<Arc<[u8]>>,
    pub(crate) instances: Vec<InstanceData>,
    pub(crate) heap: Heap,
    /// The value stack shared by all (nested) executions; taken out while the interpreter runs.
    pub(crate) stack: Vec<Val>,
    pub(crate) frames: Vec<Frame>,
    /// References the host keeps alive (GC roots).
    pub(crate) host_roots: Vec<Ref>,
    /// Instance of the wasm function that called the running host function.
    pub(crate) caller_instance: Option<u32>,
    pub(crate) wasi: Option<crate::wasi::WasiCtx>,
    /// Remaining fuel; `None` disables metering.
    pub(crate) fuel: Option<u64>,
    pub limits: Limits,
    /// Embedding-API state (the `api::Store<T>` data, host values of externrefs, ...).
    pub(crate) embedder: Option<Box<dyn std::any::Any + Send>>,
    /// Epoch interruption, profiling and deferred limit traps (see `meter`).
    pub(crate) meter: crate::meter::Meter,
    /// Set by an async host function that wants the wasm stack parked until its future resolves.
    pub(crate) suspend_requested: bool,
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

impl Store {
    pub fn new() -> Store {
        Store::with_features(features())
    }

    /// A store validating with a custom feature set (e.g. to run an older proposal's tests, which
    /// assume some later feature is off).
    pub fn with_features(features: WasmFeatures) -> Store {
        Store {
            features,
            validator: Validator::new_with_features(features),
            types: TypeRegistry::default(),
            funcs: Vec::new(),
            tables: Vec::new(),
            mems: Vec::new(),
            globals: Vec::new(),
            tags: Vec::new(),
            elems: Vec::new(),
            datas: Vec::new(),
            instances: Vec::new(),
            heap: Heap::default(),
            stack: Vec::new(),
            frames: Vec::new(),
            host_roots: Vec::new(),
            caller_instance: None,
            wasi: None,
            fuel: None,
            limits: Limits::default(),
            embedder: None,
            meter: crate::meter::Meter::default(),
            suspend_requested: false,
        }
    }

    /// Validates and decodes a module for this store.
    pub fn compile(&mut self, bytes: &[u8]) -> Result<Arc<Module>, Error> {
        let r = Module::new(&mut self.validator, &mut self.types, bytes, self.features);
        if r.is_err() {
            // A failure in the shared pass would leave the validator mid-module; start a fresh one.
            // (Cannot happen after the first pass succeeded, but never panic on reset.)
            if !matches!(r, Err(Error::Invalid(_))) || self.validator_is_mid_module() {
                self.validator = Validator::new_with_features(self.features);
            }
        }
        r.map(Arc::new)
    }

    fn validator_is_mid_module(&self) -> bool {
        // `types(0)` is only available while a module is being validated.
        self.validator.types(0).is_some()
    }

    /// Sets the fuel; every executed instruction costs one unit. `None` disables metering.
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.fuel = fuel;
    }
    pub fn fuel(&self) -> Option<u64> {
        self.fuel
    }

    /// GC heap statistics.
    pub fn gc_stats(&self) -> GcStats {
        self.heap.stats()
    }

    /// Runs a full collection now, with the store's own roots plus `extra`.
    pub fn collect_garbage(&mut self) {
        let stack = std::mem::take(&mut self.stack);
        self.collect_with(&stack);
        self.stack = stack;
    }

    /// Collects with `stack` (the value stack taken out by the interpreter) as additional roots.
    pub(crate) fn collect_with(&mut self, stack: &[Val]) {
        let Store { heap, globals, tables, elems, host_roots, .. } = self;
        let vals = stack.iter().chain(globals.iter().map(|g| &g.val)).filter_map(|v| match v {
            Val::Ref(r) => Some(*r),
            _ => None,
        });
        let refs = tables.iter().flat_map(|t| t.elems.iter().copied());
        let segs = elems.iter().flat_map(|e| e.iter().copied());
        heap.collect(vals.chain(refs).chain(segs).chain(host_roots.iter().copied()));
    }

    /// Keeps `r` alive until `unroot` is called with the returned handle.
    pub fn root(&mut self, r: Ref) -> usize {
        self.host_roots.push(r);
        self.host_roots.len() - 1
    }
    pub fn unroot(&mut self, handle: usize) {
        if let Some(slot) = self.host_roots.get_mut(handle) {
            *slot = Ref::Null;
        }
        while matches!(self.host_roots.last(), Some(Ref::Null)) {
            self.host_roots.pop();
        }
    }

    /// Registers a host function of canonical type `ty`.
    pub(crate) fn add_host_func(&mut self, ty: u32, f: HostFn) -> u32 {
        self.funcs.push(FuncInst { ty, kind: FuncKind::Host(f) });
        (self.funcs.len() - 1) as u32
    }

    /// Canonical id of a function type given by parameter and result types, registering it.
    pub fn func_type(&mut self, params: &[wasmparser::ValType], results: &[wasmparser::ValType]) -> u32 {
        // Hash-consing goes through a tiny module that declares the type.
        let mut enc = Vec::new();
        enc.extend_from_slice(b"\0asm\x01\0\0\0");
        let mut sec = vec![1u8, 0x60];
        leb(&mut sec, params.len() as u64);
        for p in params {
            sec.push(valtype_byte(*p));
        }
        leb(&mut sec, results.len() as u64);
        for r in results {
            sec.push(valtype_byte(*r));
        }
        enc.push(1);
        leb(&mut enc, sec.len() as u64);
        enc.extend_from_slice(&sec);
        let m = self.compile(&enc).expect("host function type is valid");
        m.types[0]
    }

    /// The exports of an instance.
    pub fn instance_export(&self, instance: u32, name: &str) -> Option<Extern> {
        self.instances.get(instance as usize)?.exports.get(name).copied()
    }

    pub fn func_params_results(&self, f: u32) -> (Vec<wasmparser::ValType>, Vec<wasmparser::ValType>) {
        let ft = self.types.func(self.funcs[f as usize].ty);
        (ft.params().to_vec(), ft.results().to_vec())
    }
}

fn leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    }
}

fn valtype_byte(v: wasmparser::ValType) -> u8 {
    use wasmparser::ValType::*;
    match v {
        I32 => 0x7f,
        I64 => 0x7e,
        F32 => 0x7d,
        F64 => 0x7c,
        V128 => 0x7b,
        Ref(r) if r.is_extern_ref() => 0x6f,
        Ref(r) => abstract_ref_byte(r).unwrap_or(0x70),
    }
}

/// The one-byte encoding of a nullable abstract reference type (`anyref`, `eqref`, ...), so host
/// functions can take and return every GC reference type the embedding API exposes.
fn abstract_ref_byte(r: wasmparser::RefType) -> Option<u8> {
    use wasmparser::{AbstractHeapType as A, HeapType};
    if !r.is_nullable() {
        return None;
    }
    let HeapType::Abstract { shared: false, ty } = r.heap_type() else { return None };
    Some(match ty {
        A::Func => 0x70,
        A::Extern => 0x6f,
        A::Any => 0x6e,
        A::Eq => 0x6d,
        A::I31 => 0x6c,
        A::Struct => 0x6b,
        A::Array => 0x6a,
        A::Exn => 0x69,
        A::None => 0x71,
        A::NoExtern => 0x72,
        A::NoFunc => 0x73,
        A::NoExn => 0x74,
        _ => return None,
    })
}
