//! Values crossing the host boundary, and rooted handles that keep GC objects alive while the host
//! holds them.
//!
//! A reference the host receives ([`ExternRef`], [`AnyRef`], [`ExnRef`]) registers a GC root in its
//! store; dropping the last clone of the handle releases the root (at the store's next call or
//! collection), so the collector never frees an object the host can still see.

use std::any::Any;
use std::sync::{Arc, Mutex};

use wasmparser::{RefType, ValType};

use super::store::{AsContext, AsContextMut, CoreStore, state};
use super::{Func, Result};
use crate::error::Error;
use crate::types::Ht;
use crate::value::{Ref, Val as CoreVal};

/// A wasm value as the host sees it. Floats are raw bits, like wasmtime's `Val::F32`/`Val::F64`,
/// so NaN payloads survive a round trip.
#[derive(Debug, Clone)]
pub enum Val {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// `f32` bits (`f32::to_bits`).
    F32(u32),
    /// `f64` bits (`f64::to_bits`).
    F64(u64),
    /// A `funcref` (or any concrete function reference); `None` is null.
    FuncRef(Option<Func>),
    /// An `externref`; `None` is null.
    ExternRef(Option<ExternRef>),
    /// An `anyref` (structs, arrays, `i31ref`, ...); `None` is null.
    AnyRef(Option<AnyRef>),
    /// An `exnref`; `None` is null.
    ExnRef(Option<ExnRef>),
}

impl Val {
    /// The `i32` payload, if this is an `i32`.
    pub fn i32(&self) -> Option<i32> {
        if let Val::I32(v) = self {
            Some(*v)
        } else {
            None
        }
    }
    /// The `i64` payload, if this is an `i64`.
    pub fn i64(&self) -> Option<i64> {
        if let Val::I64(v) = self {
            Some(*v)
        } else {
            None
        }
    }
    /// The `f32` payload, if this is an `f32`.
    pub fn f32(&self) -> Option<f32> {
        if let Val::F32(v) = self {
            Some(f32::from_bits(*v))
        } else {
            None
        }
    }
    /// The `f64` payload, if this is an `f64`.
    pub fn f64(&self) -> Option<f64> {
        if let Val::F64(v) = self {
            Some(f64::from_bits(*v))
        } else {
            None
        }
    }

    /// The value as the interpreter represents it (handles lend their reference).
    pub(crate) fn to_core(&self) -> CoreVal {
        match self {
            Val::I32(v) => CoreVal::I32(*v),
            Val::I64(v) => CoreVal::I64(*v),
            Val::F32(v) => CoreVal::F32(*v),
            Val::F64(v) => CoreVal::F64(*v),
            Val::FuncRef(f) => CoreVal::Ref(f.map_or(Ref::Null, |f| Ref::Func(f.addr))),
            Val::ExternRef(r) => CoreVal::Ref(r.as_ref().map_or(Ref::Null, |r| r.0.r)),
            Val::AnyRef(r) => CoreVal::Ref(r.as_ref().map_or(Ref::Null, |r| r.0.r)),
            Val::ExnRef(r) => CoreVal::Ref(r.as_ref().map_or(Ref::Null, |r| r.0.r)),
        }
    }

    /// Wraps an interpreter value of type `ty`, rooting GC references.
    pub(crate) fn from_core(core: &mut CoreStore, v: CoreVal, ty: ValType) -> Val {
        match v {
            CoreVal::I32(x) => Val::I32(x),
            CoreVal::I64(x) => Val::I64(x),
            CoreVal::F32(x) => Val::F32(x),
            CoreVal::F64(x) => Val::F64(x),
            CoreVal::Ref(r) => {
                let hier = match ty {
                    ValType::Ref(rt) => hierarchy(core, rt),
                    _ => Hierarchy::of_ref(r),
                };
                ref_to_val(core, r, hier)
            }
        }
    }

    /// Checks that this value may be passed where `ty` is expected.
    pub(crate) fn check_type(&self, core: &CoreStore, ty: ValType) -> Result<()> {
        let ok = match (self, ty) {
            (Val::I32(_), ValType::I32) | (Val::I64(_), ValType::I64) => true,
            (Val::F32(_), ValType::F32) | (Val::F64(_), ValType::F64) => true,
            (Val::FuncRef(f), ValType::Ref(rt)) => {
                if let Some(f) = f {
                    f.check_store(core)?;
                }
                core.ref_matches(
                    self.to_core().r(),
                    core.types.ht(rt.heap_type()),
                    rt.is_nullable(),
                )
            }
            (Val::ExternRef(_) | Val::AnyRef(_) | Val::ExnRef(_), ValType::Ref(rt)) => {
                self.check_store(core)?;
                core.ref_matches(
                    self.to_core().r(),
                    core.types.ht(rt.heap_type()),
                    rt.is_nullable(),
                ) && (self.to_core().r() != Ref::Null || hierarchy(core, rt) == self.hierarchy())
            }
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(Error::Host(format!(
                "type mismatch: expected {ty}, got {}",
                self.describe()
            )))
        }
    }

    fn hierarchy(&self) -> Hierarchy {
        match self {
            Val::FuncRef(_) => Hierarchy::Func,
            Val::ExternRef(_) => Hierarchy::Extern,
            Val::ExnRef(_) => Hierarchy::Exn,
            _ => Hierarchy::Any,
        }
    }

    fn check_store(&self, core: &CoreStore) -> Result<()> {
        let inner = match self {
            Val::ExternRef(Some(r)) => &r.0,
            Val::AnyRef(Some(r)) => &r.0,
            Val::ExnRef(Some(r)) => &r.0,
            _ => return Ok(()),
        };
        if inner.store != state(core).id {
            return Err(Error::Host(
                "reference used with a store it does not belong to".into(),
            ));
        }
        Ok(())
    }

    fn describe(&self) -> &'static str {
        match self {
            Val::I32(_) => "i32",
            Val::I64(_) => "i64",
            Val::F32(_) => "f32",
            Val::F64(_) => "f64",
            Val::FuncRef(_) => "funcref",
            Val::ExternRef(_) => "externref",
            Val::AnyRef(_) => "anyref",
            Val::ExnRef(_) => "exnref",
        }
    }
}

impl From<i32> for Val {
    fn from(v: i32) -> Val {
        Val::I32(v)
    }
}
impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::I64(v)
    }
}
impl From<f32> for Val {
    fn from(v: f32) -> Val {
        Val::F32(v.to_bits())
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::F64(v.to_bits())
    }
}

/// The four disjoint reference hierarchies of wasm 3.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hierarchy {
    Func,
    Extern,
    Any,
    Exn,
}

impl Hierarchy {
    fn of_ref(r: Ref) -> Hierarchy {
        match r {
            Ref::Func(_) => Hierarchy::Func,
            Ref::ExternHost(_) | Ref::ExternGc(_) | Ref::ExternI31(_) => Hierarchy::Extern,
            Ref::Exn(_) => Hierarchy::Exn,
            _ => Hierarchy::Any,
        }
    }
}

/// Which hierarchy a reference type belongs to.
pub(crate) fn hierarchy(core: &CoreStore, rt: RefType) -> Hierarchy {
    match core.types.ht(rt.heap_type()) {
        Ht::Func | Ht::NoFunc => Hierarchy::Func,
        Ht::Extern | Ht::NoExtern => Hierarchy::Extern,
        Ht::Exn | Ht::NoExn => Hierarchy::Exn,
        Ht::Concrete(id)
            if core.types.contains(id) && !core.types.is_struct(id) && !core.types.is_array(id) =>
        {
            Hierarchy::Func
        }
        _ => Hierarchy::Any,
    }
}

fn ref_to_val(core: &mut CoreStore, r: Ref, hier: Hierarchy) -> Val {
    match (hier, r) {
        (Hierarchy::Func, Ref::Func(addr)) => Val::FuncRef(Some(Func {
            store: state(core).id,
            addr,
        })),
        (Hierarchy::Func, _) => Val::FuncRef(None),
        (_, Ref::Null) => match hier {
            Hierarchy::Extern => Val::ExternRef(None),
            Hierarchy::Exn => Val::ExnRef(None),
            _ => Val::AnyRef(None),
        },
        (Hierarchy::Extern, r) => Val::ExternRef(Some(ExternRef(Rooted::new(core, r)))),
        (Hierarchy::Exn, r) => Val::ExnRef(Some(ExnRef(Rooted::new(core, r)))),
        (Hierarchy::Any, r) => Val::AnyRef(Some(AnyRef(Rooted::new(core, r)))),
    }
}

/// A GC root owned by a host handle; released when the last clone drops.
#[derive(Debug)]
pub(crate) struct RootInner {
    pub(crate) store: u64,
    pub(crate) r: Ref,
    /// Slot in the store's root list (`None` for references that own nothing: null, i31, funcs).
    slot: Option<usize>,
    drops: Arc<Mutex<Vec<usize>>>,
}

impl Drop for RootInner {
    fn drop(&mut self) {
        if let (Some(slot), Ok(mut d)) = (self.slot, self.drops.lock()) {
            d.push(slot);
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Rooted(Arc<RootInner>);

impl Rooted {
    pub(crate) fn new(core: &mut CoreStore, r: Ref) -> Rooted {
        let owns_something =
            r.heap_index().is_some() || matches!(r, Ref::Host(_) | Ref::ExternHost(_));
        let slot = owns_something.then(|| core.root(r));
        let st = state(core);
        Rooted(Arc::new(RootInner {
            store: st.id,
            r,
            slot,
            drops: st.drops.clone(),
        }))
    }
}

impl std::ops::Deref for Rooted {
    type Target = RootInner;
    fn deref(&self) -> &RootInner {
        &self.0
    }
}

/// A rooted `externref`: either a host value created with [`ExternRef::new`] or a guest GC object
/// converted with `extern.convert_any`. Cloning is cheap; the referent stays alive while any clone
/// exists.
#[derive(Debug, Clone)]
pub struct ExternRef(pub(crate) Rooted);

impl ExternRef {
    /// Wraps a host value. It is dropped once neither the host (through an `ExternRef`) nor the
    /// guest (in a global, table, GC object or on the stack) refers to it any more, at a
    /// [`Store::gc`](super::Store::gc) or an automatic sweep when host values accumulate.
    ///
    /// ```
    /// use gc_runtime::api::{Engine, ExternRef, Store};
    /// let mut store = Store::new(&Engine::default(), ());
    /// let r = ExternRef::new(&mut store, String::from("hello"));
    /// let s = r.data(&store).unwrap().downcast_ref::<String>().unwrap();
    /// assert_eq!(s, "hello");
    /// drop(r);
    /// store.gc();
    /// assert_eq!(store.host_value_count(), 0);
    /// ```
    pub fn new<T: Any + Send + Sync>(mut store: impl AsContextMut, value: T) -> ExternRef {
        let core = store.core_mut();
        let idx = super::host_values::insert(core, Box::new(value));
        ExternRef(Rooted::new(core, Ref::ExternHost(idx)))
    }

    /// The host value, if this reference was made by [`ExternRef::new`] in this store.
    pub fn data<'a>(&self, store: &'a impl AsContext) -> Option<&'a (dyn Any + Send + Sync)> {
        let st = state(store.core());
        if self.0.store != st.id {
            return None;
        }
        match self.0.r {
            Ref::ExternHost(i) => st.host_values.get(i),
            _ => None,
        }
    }

    /// Converts to the `any` hierarchy, like `any.convert_extern`.
    pub fn to_anyref(&self, mut store: impl AsContextMut) -> AnyRef {
        let r = match self.0.r {
            Ref::ExternHost(h) => Ref::Host(h),
            Ref::ExternGc(g) => Ref::Gc(g),
            Ref::ExternI31(v) => Ref::I31(v),
            o => o,
        };
        AnyRef(Rooted::new(store.core_mut(), r))
    }
}

/// A rooted `anyref`: a GC struct or array, an `i31ref`, or an internalized host value.
#[derive(Debug, Clone)]
pub struct AnyRef(pub(crate) Rooted);

impl AnyRef {
    /// An `i31ref` holding the low 31 bits of `value`.
    pub fn from_i31(mut store: impl AsContextMut, value: i32) -> AnyRef {
        AnyRef(Rooted::new(
            store.core_mut(),
            Ref::I31(value as u32 & 0x7fff_ffff),
        ))
    }
    /// The sign-extended payload, if this is an `i31ref`.
    pub fn as_i31(&self) -> Option<i32> {
        match self.0.r {
            Ref::I31(v) => Some(((v << 1) as i32) >> 1),
            _ => None,
        }
    }
    /// Whether this is a GC struct.
    pub fn is_struct(&self, store: &impl AsContext) -> bool {
        self.heap_obj(store)
            .is_some_and(|o| matches!(o, crate::gc::Obj::Struct { .. }))
    }
    /// Whether this is a GC array.
    pub fn is_array(&self, store: &impl AsContext) -> bool {
        self.heap_obj(store)
            .is_some_and(|o| matches!(o, crate::gc::Obj::Array { .. }))
    }
    /// The fields of a struct, as values (references among them are rooted).
    pub fn struct_fields(&self, mut store: impl AsContextMut) -> Option<Vec<Val>> {
        let core = store.core_mut();
        let Ref::Gc(i) = self.0.r else { return None };
        if self.0.store != state(core).id {
            return None;
        }
        let crate::gc::Obj::Struct { ty, fields } = core.heap.get(i).clone() else {
            return None;
        };
        let tys: Vec<_> = core
            .types
            .struct_fields(ty)
            .iter()
            .map(|f| f.element_type)
            .collect();
        Some(
            fields
                .iter()
                .zip(tys)
                .map(|(v, st)| match st {
                    wasmparser::StorageType::Val(vt) => Val::from_core(core, *v, vt),
                    _ => Val::I32(v.i32()),
                })
                .collect(),
        )
    }
    /// The elements of an array, as values (packed `i8`/`i16` elements zero-extended to `i32`;
    /// references among them are rooted).
    pub fn array_elements(&self, mut store: impl AsContextMut) -> Option<Vec<Val>> {
        let core = store.core_mut();
        let Ref::Gc(i) = self.0.r else { return None };
        if self.0.store != state(core).id {
            return None;
        }
        let crate::gc::Obj::Array { ty, data } = core.heap.get(i).clone() else {
            return None;
        };
        let st = core.types.array_elem(ty).element_type;
        Some(
            (0..data.len())
                .map(|k| match st {
                    wasmparser::StorageType::Val(vt) => Val::from_core(core, data.get(k), vt),
                    _ => Val::I32(data.get(k).i32()),
                })
                .collect(),
        )
    }

    /// Converts to the `extern` hierarchy, like `extern.convert_any`.
    pub fn to_externref(&self, mut store: impl AsContextMut) -> ExternRef {
        let r = match self.0.r {
            Ref::Host(h) => Ref::ExternHost(h),
            Ref::Gc(g) => Ref::ExternGc(g),
            Ref::I31(v) => Ref::ExternI31(v),
            o => o,
        };
        ExternRef(Rooted::new(store.core_mut(), r))
    }
    fn heap_obj<'a>(&self, store: &'a impl AsContext) -> Option<&'a crate::gc::Obj> {
        let core = store.core();
        match self.0.r {
            Ref::Gc(i) if self.0.store == state(core).id => Some(core.heap.get(i)),
            _ => None,
        }
    }
}

/// A rooted `exnref` (a caught wasm exception).
#[derive(Debug, Clone)]
pub struct ExnRef(pub(crate) Rooted);
