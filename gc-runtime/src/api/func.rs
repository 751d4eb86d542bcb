//! Functions: `Func` handles, host functions (`Caller`, typed closures), and `TypedFunc`.

use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use wasmparser::{FuncType, ValType};

use super::store::{
    AsContext, AsContextMut, Completion, CoreStore, process_drops, state, state_mut,
};
use super::values::Rooted;
use super::{AnyRef, CallFuture, Extern, ExternRef, Result, Val};
use crate::error::Error;
use crate::store::{FuncKind, HostFn};
use crate::value::{Ref, Val as CoreVal};

/// A function (wasm or host) in a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Func {
    pub(crate) store: u64,
    pub(crate) addr: u32,
}

/// A host function ready to be added to a store: its signature and implementation.
#[derive(Clone)]
pub(crate) struct HostDef {
    pub(crate) params: Vec<ValType>,
    pub(crate) results: Vec<ValType>,
    pub(crate) f: HostFn,
}

impl HostDef {
    pub(crate) fn add_to(&self, core: &mut CoreStore) -> u32 {
        let ty = core.func_type(&self.params, &self.results);
        core.add_host_func(ty, self.f.clone())
    }
}

impl Func {
    /// Wraps a Rust closure as a host function. The closure takes an optional leading
    /// [`Caller`] and then wasm-typed parameters (`i32`, `u32`, `i64`, `u64`, `f32`, `f64`,
    /// `Option<ExternRef>`, `Option<AnyRef>`, `Option<Func>`), and returns `()`, one such value,
    /// a tuple of them, or a `Result` of those (an `Err` traps the guest).
    ///
    /// ```
    /// use gc_runtime::api::{Engine, Func, Store};
    /// let mut store = Store::new(&Engine::default(), ());
    /// let double = Func::wrap(&mut store, |x: i32| x * 2);
    /// let typed = double.typed::<i32, i32>(&store).unwrap();
    /// assert_eq!(typed.call(&mut store, 21).unwrap(), 42);
    /// ```
    pub fn wrap<T: 'static, P, R>(
        mut store: impl AsContextMut<Data = T>,
        f: impl IntoFunc<T, P, R>,
    ) -> Func {
        let core = store.core_mut();
        let addr = f.into_host().add_to(core);
        Func {
            store: state(core).id,
            addr,
        }
    }

    /// A host function with a dynamic signature: `f` reads `params` and fills `results`
    /// (pre-filled with zero/null values of the result types).
    pub fn new<T: 'static>(
        mut store: impl AsContextMut<Data = T>,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Func {
        let core = store.core_mut();
        let addr = dynamic_host_def(ty, f).add_to(core);
        Func {
            store: state(core).id,
            addr,
        }
    }

    pub(crate) fn check_store(&self, core: &CoreStore) -> Result<()> {
        if self.store != state(core).id {
            return Err(Error::Host(
                "function used with a store it does not belong to".into(),
            ));
        }
        Ok(())
    }

    /// The function's type.
    pub fn ty(&self, store: impl AsContext) -> FuncType {
        let core = store.core();
        core.types.func(core.funcs[self.addr as usize].ty).clone()
    }

    /// Calls the function with dynamically typed values; `results` must have the length of the
    /// function's result list. Traps and host errors are returned as `Err`.
    ///
    /// ```
    /// use gc_runtime::api::{Engine, Instance, Module, Store, Val};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module (func (export "neg") (param i64) (result i64)
    ///     i64.const 0 local.get 0 i64.sub))"#).unwrap();
    /// let mut store = Store::new(&engine, ());
    /// let instance = Instance::new(&mut store, &module, &[]).unwrap();
    /// let neg = instance.get_func(&mut store, "neg").unwrap();
    /// let mut out = [Val::I64(0)];
    /// neg.call(&mut store, &[Val::I64(5)], &mut out).unwrap();
    /// assert_eq!(out[0].i64(), Some(-5));
    /// ```
    pub fn call(
        &self,
        mut store: impl AsContextMut,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<()> {
        let core = store.core_mut();
        let args = self.check_call(core, params, results.len())?;
        let out = call_sync(core, self.addr, &args)?;
        let ft = core.types.func(core.funcs[self.addr as usize].ty).clone();
        for ((slot, v), ty) in results.iter_mut().zip(out).zip(ft.results()) {
            *slot = Val::from_core(core, v, *ty);
        }
        Ok(())
    }

    /// Calls the function so that async host functions it reaches can suspend it; the returned
    /// future resolves to the results. Works on any executor.
    pub fn call_async<S: AsContextMut>(
        &self,
        mut store: S,
        params: &[Val],
    ) -> CallFuture<S, Vec<Val>> {
        let nresults = self.ty(&store).results().len();
        let core = store.core_mut();
        let start = self
            .check_call(core, params, nresults)
            .map(|args| (self.addr, args));
        let ft = core.types.func(core.funcs[self.addr as usize].ty).clone();
        CallFuture::new(
            store,
            start,
            Box::new(move |core, out| {
                Ok(out
                    .into_iter()
                    .zip(ft.results())
                    .map(|(v, ty)| Val::from_core(core, v, *ty))
                    .collect())
            }),
        )
    }

    fn check_call(
        &self,
        core: &CoreStore,
        params: &[Val],
        nresults: usize,
    ) -> Result<Vec<CoreVal>> {
        self.check_store(core)?;
        let ft = core.types.func(core.funcs[self.addr as usize].ty);
        if ft.params().len() != params.len() {
            return Err(Error::Host(format!(
                "expected {} arguments, got {}",
                ft.params().len(),
                params.len()
            )));
        }
        if ft.results().len() != nresults {
            return Err(Error::Host(format!(
                "expected {} results, got {}",
                ft.results().len(),
                nresults
            )));
        }
        for (v, ty) in params.iter().zip(ft.params()) {
            v.check_type(core, *ty)?;
        }
        Ok(params.iter().map(Val::to_core).collect())
    }

    /// A statically typed view, checking the signature now: parameters `P` must be subtypes of the
    /// function's parameters and its results subtypes of `R`.
    pub fn typed<P: WasmParams, R: WasmResults>(
        &self,
        store: impl AsContext,
    ) -> Result<TypedFunc<P, R>> {
        let core = store.core();
        self.check_store(core)?;
        let ft = core.types.func(core.funcs[self.addr as usize].ty);
        let (want_p, want_r) = (P::valtypes(), R::valtypes());
        let ok = want_p.len() == ft.params().len()
            && want_r.len() == ft.results().len()
            && want_p
                .iter()
                .zip(ft.params())
                .all(|(a, b)| core.types.val_sub(*a, *b))
            && ft
                .results()
                .iter()
                .zip(&want_r)
                .all(|(a, b)| core.types.val_sub(*a, *b));
        if !ok {
            return Err(Error::Host(format!(
                "type mismatch: function has type {ft}, requested ({}) -> ({})",
                list(&want_p),
                list(&want_r)
            )));
        }
        Ok(TypedFunc {
            func: *self,
            _sig: PhantomData,
        })
    }
}

fn list(v: &[ValType]) -> String {
    v.iter()
        .map(|t| t.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A synchronous call: async host functions reached from here fail instead of suspending.
pub(crate) fn call_sync(core: &mut CoreStore, addr: u32, args: &[CoreVal]) -> Result<Vec<CoreVal>> {
    process_drops(core);
    let prev = std::mem::replace(&mut state_mut(core).async_ok, false);
    let prev_meter = std::mem::replace(&mut core.meter.async_active, false);
    let r = core.call_func(addr, args);
    state_mut(core).async_ok = prev;
    core.meter.async_active = prev_meter;
    r
}

pub(crate) fn dynamic_host_def<T: 'static>(
    ty: FuncType,
    f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
) -> HostDef {
    let (params, results) = (ty.params().to_vec(), ty.results().to_vec());
    let (p2, r2) = (params.clone(), results.clone());
    let host: HostFn = Arc::new(move |core: &mut CoreStore, args: &[CoreVal]| {
        let vals: Vec<Val> = args
            .iter()
            .zip(&p2)
            .map(|(v, t)| Val::from_core(core, *v, *t))
            .collect();
        let mut out: Vec<Val> = r2.iter().map(|t| default_val(*t)).collect();
        f(Caller::new(core), &vals, &mut out)?;
        let mut core_out = Vec::with_capacity(out.len());
        for (v, t) in out.iter().zip(&r2) {
            v.check_type(core, *t)?;
            core_out.push(v.to_core());
        }
        Ok(core_out)
    });
    HostDef {
        params,
        results,
        f: host,
    }
}

fn default_val(t: ValType) -> Val {
    match t {
        ValType::I32 => Val::I32(0),
        ValType::I64 => Val::I64(0),
        ValType::F32 => Val::F32(0),
        ValType::F64 => Val::F64(0),
        ValType::V128 => Val::I64(0),
        ValType::Ref(rt) if rt.is_func_ref() => Val::FuncRef(None),
        ValType::Ref(rt) if rt.is_extern_ref() => Val::ExternRef(None),
        ValType::Ref(_) => Val::AnyRef(None),
    }
}

/// The context of a host function call: the store's data, and the calling instance's exports
/// (typically its `memory`).
pub struct Caller<'a, T> {
    pub(crate) core: &'a mut CoreStore,
    _data: PhantomData<fn() -> T>,
}

impl<'a, T: 'static> Caller<'a, T> {
    pub(crate) fn new(core: &'a mut CoreStore) -> Self {
        Caller {
            core,
            _data: PhantomData,
        }
    }
    /// The store's host data.
    pub fn data(&self) -> &T {
        state(self.core)
            .data
            .downcast_ref::<T>()
            .expect("store data type")
    }
    /// The store's host data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        state_mut(self.core)
            .data
            .downcast_mut::<T>()
            .expect("store data type")
    }
    /// An export of the instance whose code called this host function.
    pub fn get_export(&mut self, name: &str) -> Option<Extern> {
        let inst = self.core.caller_instance?;
        let e = self.core.instance_export(inst, name)?;
        Some(Extern::from_core(state(self.core).id, e))
    }
    /// The remaining fuel, if metering is on.
    pub fn get_fuel(&self) -> Option<u64> {
        self.core.fuel()
    }
}

impl<T: 'static> AsContext for Caller<'_, T> {
    type Data = T;
    fn core(&self) -> &CoreStore {
        self.core
    }
}
impl<T: 'static> AsContextMut for Caller<'_, T> {
    fn core_mut(&mut self) -> &mut CoreStore {
        self.core
    }
}

/// A Rust type that maps to one wasm value type.
pub trait WasmTy: Sized + Send + 'static {
    #[doc(hidden)]
    fn valtype() -> ValType;
    #[doc(hidden)]
    fn into_core(self, store: u64) -> Result<CoreVal>;
    #[doc(hidden)]
    fn from_core(core: &mut CoreStore, v: CoreVal) -> Self;
}

macro_rules! num_ty {
    ($t:ty, $vt:ident, $ctor:ident, |$x:ident| $to:expr, |$y:ident| $from:expr) => {
        impl WasmTy for $t {
            fn valtype() -> ValType {
                ValType::$vt
            }
            fn into_core(self, _: u64) -> Result<CoreVal> {
                let $x = self;
                Ok(CoreVal::$ctor($to))
            }
            fn from_core(_: &mut CoreStore, v: CoreVal) -> Self {
                let $y = v;
                $from
            }
        }
    };
}
num_ty!(i32, I32, I32, |x| x, |v| v.i32());
num_ty!(u32, I32, I32, |x| x as i32, |v| v.i32() as u32);
num_ty!(i64, I64, I64, |x| x, |v| v.i64());
num_ty!(u64, I64, I64, |x| x as i64, |v| v.i64() as u64);
num_ty!(f32, F32, F32, |x| x.to_bits(), |v| v.f32());
num_ty!(f64, F64, F64, |x| x.to_bits(), |v| v.f64());

fn same_store(expected: u64, store: u64) -> Result<()> {
    if store != expected {
        return Err(Error::Host(
            "reference used with a store it does not belong to".into(),
        ));
    }
    Ok(())
}

impl WasmTy for Option<ExternRef> {
    fn valtype() -> ValType {
        ValType::EXTERNREF
    }
    fn into_core(self, store: u64) -> Result<CoreVal> {
        Ok(CoreVal::Ref(match self {
            Some(r) => {
                same_store(store, r.0.store)?;
                r.0.r
            }
            None => Ref::Null,
        }))
    }
    fn from_core(core: &mut CoreStore, v: CoreVal) -> Self {
        match v.r() {
            Ref::Null => None,
            r => Some(ExternRef(Rooted::new(core, r))),
        }
    }
}

impl WasmTy for Option<AnyRef> {
    fn valtype() -> ValType {
        ValType::Ref(wasmparser::RefType::ANYREF)
    }
    fn into_core(self, store: u64) -> Result<CoreVal> {
        Ok(CoreVal::Ref(match self {
            Some(r) => {
                same_store(store, r.0.store)?;
                r.0.r
            }
            None => Ref::Null,
        }))
    }
    fn from_core(core: &mut CoreStore, v: CoreVal) -> Self {
        match v.r() {
            Ref::Null => None,
            r => Some(AnyRef(Rooted::new(core, r))),
        }
    }
}

impl WasmTy for Option<Func> {
    fn valtype() -> ValType {
        ValType::FUNCREF
    }
    fn into_core(self, store: u64) -> Result<CoreVal> {
        Ok(CoreVal::Ref(match self {
            Some(f) => {
                same_store(store, f.store)?;
                Ref::Func(f.addr)
            }
            None => Ref::Null,
        }))
    }
    fn from_core(core: &mut CoreStore, v: CoreVal) -> Self {
        match v.r() {
            Ref::Func(addr) => Some(Func {
                store: state(core).id,
                addr,
            }),
            _ => None,
        }
    }
}

/// A list of wasm values as a Rust type: `()`, a single [`WasmTy`], or a tuple of them.
/// Used for [`TypedFunc`] parameters and results (also named [`WasmParams`] and [`WasmResults`]).
pub trait WasmTyList: Sized + Send + 'static {
    #[doc(hidden)]
    fn valtypes() -> Vec<ValType>;
    #[doc(hidden)]
    fn into_core(self, store: u64) -> Result<Vec<CoreVal>>;
    #[doc(hidden)]
    fn from_core(core: &mut CoreStore, vals: &[CoreVal]) -> Self;
}
pub use WasmTyList as WasmParams;
pub use WasmTyList as WasmResults;

impl<A: WasmTy> WasmTyList for A {
    fn valtypes() -> Vec<ValType> {
        vec![A::valtype()]
    }
    fn into_core(self, store: u64) -> Result<Vec<CoreVal>> {
        Ok(vec![WasmTy::into_core(self, store)?])
    }
    fn from_core(core: &mut CoreStore, vals: &[CoreVal]) -> Self {
        <A as WasmTy>::from_core(core, vals[0])
    }
}

macro_rules! tuple_list {
    ($($a:ident)*) => {
        #[allow(non_snake_case, unused_variables, unused_mut, unused_assignments, clippy::unused_unit)]
        impl<$($a: WasmTy),*> WasmTyList for ($($a,)*) {
            fn valtypes() -> Vec<ValType> {
                vec![$($a::valtype()),*]
            }
            fn into_core(self, store: u64) -> Result<Vec<CoreVal>> {
                let ($($a,)*) = self;
                Ok(vec![$(WasmTy::into_core($a, store)?),*])
            }
            fn from_core(core: &mut CoreStore, vals: &[CoreVal]) -> Self {
                let mut i = 0;
                $(let $a = <$a as WasmTy>::from_core(core, vals[i]); i += 1;)*
                ($($a,)*)
            }
        }
    };
}
tuple_list!();
tuple_list!(A1);
tuple_list!(A1 A2);
tuple_list!(A1 A2 A3);
tuple_list!(A1 A2 A3 A4);
tuple_list!(A1 A2 A3 A4 A5);
tuple_list!(A1 A2 A3 A4 A5 A6);
tuple_list!(A1 A2 A3 A4 A5 A6 A7);
tuple_list!(A1 A2 A3 A4 A5 A6 A7 A8);

/// What a host closure may return: a [`WasmTyList`] or a `Result` of one.
pub trait WasmRet: Send + 'static {
    #[doc(hidden)]
    type Ok: WasmTyList;
    #[doc(hidden)]
    fn into_result(self) -> Result<Self::Ok>;
}
impl<R: WasmTyList> WasmRet for R {
    type Ok = R;
    fn into_result(self) -> Result<R> {
        Ok(self)
    }
}
impl<R: WasmTyList> WasmRet for Result<R> {
    type Ok = R;
    fn into_result(self) -> Result<R> {
        self
    }
}

/// Closures usable as host functions (see [`Func::wrap`]). `Params` is a marker for the
/// closure's argument list.
pub trait IntoFunc<T, Params, Results>: Send + Sync + 'static {
    #[doc(hidden)]
    fn into_host(self) -> HostDefHandle;
}

/// Opaque host function definition produced by [`IntoFunc`].
#[doc(hidden)]
pub struct HostDefHandle(pub(crate) HostDef);

impl HostDefHandle {
    fn add_to(self, core: &mut CoreStore) -> u32 {
        self.0.add_to(core)
    }
}

macro_rules! into_func {
    ($($a:ident)*) => {
        #[allow(non_snake_case, unused_variables, unused_mut, unused_assignments)]
        impl<T: 'static, F, R, $($a: WasmTy),*> IntoFunc<T, (Caller<'static, T>, $($a,)*), R> for F
        where
            F: Fn(Caller<'_, T>, $($a),*) -> R + Send + Sync + 'static,
            R: WasmRet,
        {
            fn into_host(self) -> HostDefHandle {
                let f: HostFn = Arc::new(move |core: &mut CoreStore, args: &[CoreVal]| {
                    let mut i = 0;
                    $(let $a = <$a as WasmTy>::from_core(core, args[i]); i += 1;)*
                    let r = (self)(Caller::new(core), $($a),*).into_result()?;
                    r.into_core(state(core).id)
                });
                HostDefHandle(HostDef { params: vec![$($a::valtype()),*], results: R::Ok::valtypes(), f })
            }
        }

        #[allow(non_snake_case, unused_variables, unused_mut, unused_assignments)]
        impl<T: 'static, F, R, $($a: WasmTy),*> IntoFunc<T, ($($a,)*), R> for F
        where
            F: Fn($($a),*) -> R + Send + Sync + 'static,
            R: WasmRet,
        {
            fn into_host(self) -> HostDefHandle {
                let f: HostFn = Arc::new(move |core: &mut CoreStore, args: &[CoreVal]| {
                    let mut i = 0;
                    $(let $a = <$a as WasmTy>::from_core(core, args[i]); i += 1;)*
                    let r = (self)($($a),*).into_result()?;
                    r.into_core(state(core).id)
                });
                HostDefHandle(HostDef { params: vec![$($a::valtype()),*], results: R::Ok::valtypes(), f })
            }
        }
    };
}
into_func!();
into_func!(A1);
into_func!(A1 A2);
into_func!(A1 A2 A3);
into_func!(A1 A2 A3 A4);
into_func!(A1 A2 A3 A4 A5);
into_func!(A1 A2 A3 A4 A5 A6);
into_func!(A1 A2 A3 A4 A5 A6 A7);
into_func!(A1 A2 A3 A4 A5 A6 A7 A8);

/// An async host function: `f` receives the caller (for synchronous access to memory and data)
/// and the parameters, and returns a `'static` future; while that future is pending the calling
/// wasm stack is parked and the enclosing [`TypedFunc::call_async`] future returns `Pending`.
pub(crate) fn async_host<T, P, R, Fut, F>(name: String, f: F) -> HostDef
where
    T: 'static,
    P: WasmParams,
    R: WasmResults,
    Fut: Future<Output = Result<R>> + Send + 'static,
    F: Fn(Caller<'_, T>, P) -> Fut + Send + Sync + 'static,
{
    async_host_then(name, move |caller: Caller<'_, T>, params: P| {
        let fut = f(caller, params);
        async move {
            let r = fut.await?;
            Ok(move |_: Caller<'_, T>| Ok(r))
        }
    })
}

/// Like [`async_host`], but the future resolves to a step `then(caller)` that runs with access to
/// the store once the wasm stack is about to resume (to write results into guest memory).
pub(crate) fn async_host_then<T, P, R, Fut, Then, F>(name: String, f: F) -> HostDef
where
    T: 'static,
    P: WasmParams,
    R: WasmResults,
    Then: FnOnce(Caller<'_, T>) -> Result<R> + Send + 'static,
    Fut: Future<Output = Result<Then>> + Send + 'static,
    F: Fn(Caller<'_, T>, P) -> Fut + Send + Sync + 'static,
{
    let host: HostFn = Arc::new(move |core: &mut CoreStore, args: &[CoreVal]| {
        if !state(core).async_ok {
            return Err(Error::Host(format!(
                "async host function `{name}` called from a synchronous call; use `call_async`"
            )));
        }
        let params = P::from_core(core, args);
        let fut = f(Caller::new(core), params);
        let fut = async move {
            let then = fut.await?;
            let completion: Completion = Box::new(move |core: &mut CoreStore| {
                let r = then(Caller::new(core))?;
                r.into_core(state(core).id)
            });
            Ok(completion)
        };
        let caller = core.caller_instance;
        let st = state_mut(core);
        st.pending = Some(Box::pin(fut));
        st.pending_caller = caller;
        core.suspend_requested = true;
        Ok(Vec::new())
    });
    HostDef {
        params: P::valtypes(),
        results: R::valtypes(),
        f: host,
    }
}

/// A function with a signature checked once, at lookup; calls convert arguments and results
/// without dynamic checks.
///
/// ```
/// use gc_runtime::api::{Engine, Instance, Module, Store};
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module (func (export "add") (param i32 i32) (result i32)
///     local.get 0 local.get 1 i32.add))"#).unwrap();
/// let mut store = Store::new(&engine, ());
/// let instance = Instance::new(&mut store, &module, &[]).unwrap();
/// let add = instance.get_typed_func::<(i32, i32), i32>(&mut store, "add").unwrap();
/// assert_eq!(add.call(&mut store, (2, 3)).unwrap(), 5);
/// assert!(instance.get_typed_func::<i64, i32>(&mut store, "add").is_err());
/// ```
pub struct TypedFunc<P, R> {
    func: Func,
    _sig: PhantomData<fn(P) -> R>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P, R> Copy for TypedFunc<P, R> {}

impl<P: WasmParams, R: WasmResults> TypedFunc<P, R> {
    /// The untyped function.
    pub fn func(&self) -> &Func {
        &self.func
    }

    /// Calls the function. Async host functions reached from here return an error; use
    /// [`TypedFunc::call_async`] for those.
    pub fn call(&self, mut store: impl AsContextMut, params: P) -> Result<R> {
        let core = store.core_mut();
        self.func.check_store(core)?;
        let args = params.into_core(state(core).id)?;
        let out = call_sync(core, self.func.addr, &args)?;
        Ok(R::from_core(core, &out))
    }

    /// Calls the function as a future: when an async host function is pending, the wasm stack is
    /// parked and the future returns `Pending`; it resumes where it stopped when polled again.
    ///
    /// ```
    /// use gc_runtime::api::{Engine, Linker, Module, Store};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module (import "host" "twice" (func $t (param i32) (result i32)))
    ///     (func (export "run") (param i32) (result i32) local.get 0 call $t call $t))"#).unwrap();
    /// let mut linker = Linker::<()>::new(&engine);
    /// linker.func_wrap_async("host", "twice", |_caller, x: i32| async move { Ok(x * 2) }).unwrap();
    /// let mut store = Store::new(&engine, ());
    /// let instance = linker.instantiate(&mut store, &module).unwrap();
    /// let run = instance.get_typed_func::<i32, i32>(&mut store, "run").unwrap();
    /// let result = gc_runtime::api::block_on(run.call_async(&mut store, 5)).unwrap();
    /// assert_eq!(result, 20);
    /// ```
    pub fn call_async<S: AsContextMut>(&self, mut store: S, params: P) -> CallFuture<S, R> {
        let core = store.core_mut();
        let addr = self.func.addr;
        let start = self
            .func
            .check_store(core)
            .and_then(|_| params.into_core(state(core).id))
            .map(|args| (addr, args));
        CallFuture::new(
            store,
            start,
            Box::new(|core, out| Ok(R::from_core(core, &out))),
        )
    }
}

/// Whether `addr` is a host function (called directly by [`CallFuture`]).
pub(crate) fn host_fn(core: &CoreStore, addr: u32) -> Option<HostFn> {
    match &core.funcs[addr as usize].kind {
        FuncKind::Host(h) => Some(h.clone()),
        FuncKind::Wasm { .. } => None,
    }
}
