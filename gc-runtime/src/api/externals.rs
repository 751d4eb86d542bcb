//! Instances and the entities they import and export: memories, globals, tables, tags.

use wasmparser::{GlobalType, MemoryType, TableType};

use super::func::{Func, TypedFunc, WasmParams, WasmResults};
use super::store::{AsContext, AsContextMut, CoreStore, state, state_mut};
use super::{Module, Result, Val};
use crate::error::Error;
use crate::store::{Extern as CoreExtern, GlobalInst, MemInst, PAGE, TableInst};

/// Something an instance exports or imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extern {
    /// A function.
    Func(Func),
    /// A linear memory.
    Memory(Memory),
    /// A global variable.
    Global(Global),
    /// A table.
    Table(Table),
    /// An exception tag.
    Tag(Tag),
}

impl Extern {
    pub(crate) fn from_core(store: u64, e: CoreExtern) -> Extern {
        match e {
            CoreExtern::Func(addr) => Extern::Func(Func { store, addr }),
            CoreExtern::Memory(addr) => Extern::Memory(Memory { store, addr }),
            CoreExtern::Global(addr) => Extern::Global(Global { store, addr }),
            CoreExtern::Table(addr) => Extern::Table(Table { store, addr }),
            CoreExtern::Tag(addr) => Extern::Tag(Tag { store, addr }),
        }
    }
    pub(crate) fn to_core(self) -> (u64, CoreExtern) {
        match self {
            Extern::Func(f) => (f.store, CoreExtern::Func(f.addr)),
            Extern::Memory(m) => (m.store, CoreExtern::Memory(m.addr)),
            Extern::Global(g) => (g.store, CoreExtern::Global(g.addr)),
            Extern::Table(t) => (t.store, CoreExtern::Table(t.addr)),
            Extern::Tag(t) => (t.store, CoreExtern::Tag(t.addr)),
        }
    }
    /// The function, if this is one.
    pub fn into_func(self) -> Option<Func> {
        if let Extern::Func(f) = self {
            Some(f)
        } else {
            None
        }
    }
    /// The memory, if this is one.
    pub fn into_memory(self) -> Option<Memory> {
        if let Extern::Memory(m) = self {
            Some(m)
        } else {
            None
        }
    }
    /// The global, if this is one.
    pub fn into_global(self) -> Option<Global> {
        if let Extern::Global(g) = self {
            Some(g)
        } else {
            None
        }
    }
    /// The table, if this is one.
    pub fn into_table(self) -> Option<Table> {
        if let Extern::Table(t) = self {
            Some(t)
        } else {
            None
        }
    }
}

macro_rules! from_kind {
    ($($t:ident),*) => {$(
        impl From<$t> for Extern {
            fn from(v: $t) -> Extern {
                Extern::$t(v)
            }
        }
    )*};
}
from_kind!(Func, Memory, Global, Table, Tag);

fn check(core: &CoreStore, store: u64) -> Result<()> {
    if store != state(core).id {
        return Err(Error::Host(
            "object used with a store it does not belong to".into(),
        ));
    }
    Ok(())
}

/// An instantiated module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instance {
    pub(crate) store: u64,
    pub(crate) index: u32,
}

impl Instance {
    /// Instantiates `module` with `imports` given in the module's import order.
    ///
    /// ```
    /// use gc_runtime::api::{Engine, Func, Instance, Module, Store};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module (import "" "f" (func $f (result i32)))
    ///     (func (export "g") (result i32) call $f i32.const 1 i32.add))"#).unwrap();
    /// let mut store = Store::new(&engine, ());
    /// let f = Func::wrap(&mut store, || 41);
    /// let instance = Instance::new(&mut store, &module, &[f.into()]).unwrap();
    /// let g = instance.get_typed_func::<(), i32>(&mut store, "g").unwrap();
    /// assert_eq!(g.call(&mut store, ()).unwrap(), 42);
    /// ```
    pub fn new(
        mut store: impl AsContextMut,
        module: &Module,
        imports: &[Extern],
    ) -> Result<Instance> {
        let core = store.core_mut();
        let n = module.imports().len();
        if imports.len() != n {
            return Err(Error::Unlinkable(format!(
                "expected {n} imports, found {}",
                imports.len()
            )));
        }
        let mut resolved = Vec::with_capacity(n);
        for e in imports {
            let (s, ce) = e.to_core();
            check(core, s)?;
            resolved.push(ce);
        }
        let mut next = resolved.into_iter();
        instantiate(core, module, &mut |_, _, _| next.next())
    }

    /// The export `name`, if any.
    pub fn get_export(&self, mut store: impl AsContextMut, name: &str) -> Option<Extern> {
        let core = store.core_mut();
        if check(core, self.store).is_err() {
            return None;
        }
        core.instance_export(self.index, name)
            .map(|e| Extern::from_core(self.store, e))
    }
    /// All exports with their names, in no particular order.
    pub fn exports(&self, store: impl AsContext) -> Vec<(String, Extern)> {
        let core = store.core();
        match core.instances.get(self.index as usize) {
            Some(i) if check(core, self.store).is_ok() => i
                .exports
                .iter()
                .map(|(n, e)| (n.clone(), Extern::from_core(self.store, *e)))
                .collect(),
            _ => Vec::new(),
        }
    }
    /// The exported function `name`.
    pub fn get_func(&self, store: impl AsContextMut, name: &str) -> Option<Func> {
        self.get_export(store, name)?.into_func()
    }
    /// The exported function `name`, with its signature checked against `P` and `R`.
    pub fn get_typed_func<P: WasmParams, R: WasmResults>(
        &self,
        mut store: impl AsContextMut,
        name: &str,
    ) -> Result<TypedFunc<P, R>> {
        let f = self
            .get_func(&mut store, name)
            .ok_or_else(|| Error::Host(format!("no exported function named `{name}`")))?;
        f.typed(&store)
    }
    /// The exported memory `name`.
    pub fn get_memory(&self, store: impl AsContextMut, name: &str) -> Option<Memory> {
        self.get_export(store, name)?.into_memory()
    }
    /// The exported global `name`.
    pub fn get_global(&self, store: impl AsContextMut, name: &str) -> Option<Global> {
        self.get_export(store, name)?.into_global()
    }
    /// The exported table `name`.
    pub fn get_table(&self, store: impl AsContextMut, name: &str) -> Option<Table> {
        self.get_export(store, name)?.into_table()
    }
}

/// Instantiates with limits checked first, so an oversized module fails with a clear message.
pub(crate) fn instantiate(
    core: &mut CoreStore,
    module: &Module,
    resolve: &mut dyn FnMut(&mut CoreStore, &str, &str) -> Option<CoreExtern>,
) -> Result<Instance> {
    let st = state(core);
    if st.instances >= st.max_instances {
        return Err(Error::Host(format!(
            "instance limit of {} exceeded",
            st.max_instances
        )));
    }
    let compiled = module.compiled_in(core)?;
    let limits = core.limits;
    for m in &compiled.memories {
        if m.initial > limits.max_memory_pages {
            return Err(Error::Host(format!(
                "memory minimum size of {} bytes exceeds the store's memory limit of {} bytes",
                m.initial.saturating_mul(PAGE),
                limits.max_memory_pages.saturating_mul(PAGE)
            )));
        }
    }
    for (t, _) in &compiled.tables {
        if t.initial > limits.max_table_elems {
            return Err(Error::Host(format!(
                "table minimum size of {} elements exceeds the store's table limit of {} elements",
                t.initial, limits.max_table_elems
            )));
        }
    }
    super::store::process_drops(core);
    let index = core.instantiate(&compiled, resolve)?;
    let st = state_mut(core);
    st.instances += 1;
    Ok(Instance {
        store: st.id,
        index,
    })
}

/// A linear memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    pub(crate) store: u64,
    pub(crate) addr: u32,
}

/// An out-of-bounds access through [`Memory::read`] or [`Memory::write`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryAccessError;

impl std::fmt::Display for MemoryAccessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("out of bounds memory access")
    }
}
impl std::error::Error for MemoryAccessError {}

impl Memory {
    /// A new memory owned by the host (to be imported by modules).
    pub fn new(mut store: impl AsContextMut, ty: MemoryType) -> Result<Memory> {
        let core = store.core_mut();
        if ty.initial > core.limits.max_memory_pages {
            return Err(Error::Host(
                "memory minimum size exceeds the store's memory limit".into(),
            ));
        }
        let bytes = usize::try_from(ty.initial.saturating_mul(PAGE))
            .map_err(|_| Error::Host("memory too large".into()))?;
        core.mems.push(MemInst {
            data: vec![0; bytes],
            max_pages: ty.maximum,
            is64: ty.memory64,
        });
        Ok(Memory {
            store: state(core).id,
            addr: (core.mems.len() - 1) as u32,
        })
    }
    fn inst<'a>(&self, core: &'a CoreStore) -> &'a MemInst {
        assert!(
            check(core, self.store).is_ok(),
            "memory used with a store it does not belong to"
        );
        &core.mems[self.addr as usize]
    }
    fn inst_mut<'a>(&self, core: &'a mut CoreStore) -> &'a mut MemInst {
        assert!(
            check(core, self.store).is_ok(),
            "memory used with a store it does not belong to"
        );
        &mut core.mems[self.addr as usize]
    }
    /// The memory's contents.
    pub fn data<'a, S: AsContext + 'a>(&self, store: &'a S) -> &'a [u8] {
        &self.inst(store.core()).data
    }
    /// The memory's contents, mutably.
    pub fn data_mut<'a, S: AsContextMut + 'a>(&self, store: &'a mut S) -> &'a mut [u8] {
        &mut self.inst_mut(store.core_mut()).data
    }
    /// Size in bytes.
    pub fn data_size(&self, store: impl AsContext) -> usize {
        self.inst(store.core()).data.len()
    }
    /// Size in 64 KiB pages.
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.inst(store.core()).pages()
    }
    /// Copies `buf.len()` bytes at `offset` into `buf`.
    pub fn read(
        &self,
        store: impl AsContext,
        offset: usize,
        buf: &mut [u8],
    ) -> std::result::Result<(), MemoryAccessError> {
        let data = &self.inst(store.core()).data;
        let src = offset
            .checked_add(buf.len())
            .and_then(|end| data.get(offset..end))
            .ok_or(MemoryAccessError)?;
        buf.copy_from_slice(src);
        Ok(())
    }
    /// Copies `buf` into memory at `offset`.
    pub fn write(
        &self,
        mut store: impl AsContextMut,
        offset: usize,
        buf: &[u8],
    ) -> std::result::Result<(), MemoryAccessError> {
        let data = &mut self.inst_mut(store.core_mut()).data;
        let dst = offset
            .checked_add(buf.len())
            .and_then(|end| data.get_mut(offset..end))
            .ok_or(MemoryAccessError)?;
        dst.copy_from_slice(buf);
        Ok(())
    }
    /// Grows by `delta` pages, returning the previous size in pages; fails beyond the memory's
    /// maximum or the store's limit.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64) -> Result<u64> {
        let core = store.core_mut();
        let limit = core.limits.max_memory_pages;
        self.inst_mut(core)
            .grow(delta, limit)
            .ok_or_else(|| Error::Host(format!("failed to grow memory by {delta} pages")))
    }
    /// The memory's type (current size as minimum).
    pub fn ty(&self, store: impl AsContext) -> MemoryType {
        let m = self.inst(store.core());
        MemoryType {
            memory64: m.is64,
            shared: false,
            initial: m.pages(),
            maximum: m.max_pages,
            page_size_log2: None,
        }
    }
}

/// A global variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Global {
    pub(crate) store: u64,
    pub(crate) addr: u32,
}

impl Global {
    /// A new global owned by the host.
    pub fn new(mut store: impl AsContextMut, ty: GlobalType, init: Val) -> Result<Global> {
        let core = store.core_mut();
        init.check_type(core, ty.content_type)?;
        core.globals.push(GlobalInst {
            val: init.to_core(),
            ty,
        });
        Ok(Global {
            store: state(core).id,
            addr: (core.globals.len() - 1) as u32,
        })
    }
    /// The global's type.
    pub fn ty(&self, store: impl AsContext) -> GlobalType {
        store.core().globals[self.addr as usize].ty
    }
    /// The current value.
    pub fn get(&self, mut store: impl AsContextMut) -> Val {
        let core = store.core_mut();
        let g = &core.globals[self.addr as usize];
        let (v, ty) = (g.val, g.ty.content_type);
        Val::from_core(core, v, ty)
    }
    /// Sets the value; fails for immutable globals and mistyped values.
    pub fn set(&self, mut store: impl AsContextMut, val: Val) -> Result<()> {
        let core = store.core_mut();
        check(core, self.store)?;
        let ty = core.globals[self.addr as usize].ty;
        if !ty.mutable {
            return Err(Error::Host("immutable global cannot be set".into()));
        }
        val.check_type(core, ty.content_type)?;
        core.globals[self.addr as usize].val = val.to_core();
        Ok(())
    }
}

/// A table of references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub(crate) store: u64,
    pub(crate) addr: u32,
}

impl Table {
    /// A new table owned by the host, every element set to `init`.
    pub fn new(mut store: impl AsContextMut, ty: TableType, init: Val) -> Result<Table> {
        let core = store.core_mut();
        init.check_type(core, wasmparser::ValType::Ref(ty.element_type))?;
        if ty.initial > core.limits.max_table_elems {
            return Err(Error::Host(
                "table minimum size exceeds the store's table limit".into(),
            ));
        }
        let r = init.to_core().r();
        core.tables.push(TableInst {
            elems: vec![r; ty.initial as usize],
            max: ty.maximum,
            ty: ty.element_type,
            is64: ty.table64,
        });
        Ok(Table {
            store: state(core).id,
            addr: (core.tables.len() - 1) as u32,
        })
    }
    /// Number of elements.
    pub fn size(&self, store: impl AsContext) -> u64 {
        store.core().tables[self.addr as usize].elems.len() as u64
    }
    /// Element `index`, or `None` out of bounds.
    pub fn get(&self, mut store: impl AsContextMut, index: u64) -> Option<Val> {
        let core = store.core_mut();
        let t = &core.tables[self.addr as usize];
        let r = *t.elems.get(usize::try_from(index).ok()?)?;
        let ty = t.ty;
        Some(Val::from_core(
            core,
            crate::value::Val::Ref(r),
            wasmparser::ValType::Ref(ty),
        ))
    }
    /// Sets element `index`.
    pub fn set(&self, mut store: impl AsContextMut, index: u64, val: Val) -> Result<()> {
        let core = store.core_mut();
        check(core, self.store)?;
        let ty = core.tables[self.addr as usize].ty;
        val.check_type(core, wasmparser::ValType::Ref(ty))?;
        let slot = usize::try_from(index)
            .ok()
            .and_then(|i| core.tables[self.addr as usize].elems.get_mut(i))
            .ok_or_else(|| Error::Host("table index out of bounds".into()))?;
        *slot = val.to_core().r();
        Ok(())
    }
    /// Grows by `delta` elements set to `init`; returns the previous size.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64, init: Val) -> Result<u64> {
        let core = store.core_mut();
        check(core, self.store)?;
        let limit = core.limits.max_table_elems;
        let ty = core.tables[self.addr as usize].ty;
        init.check_type(core, wasmparser::ValType::Ref(ty))?;
        let t = &mut core.tables[self.addr as usize];
        let old = t.elems.len() as u64;
        let new = old
            .checked_add(delta)
            .filter(|n| *n <= limit && t.max.is_none_or(|m| *n <= m));
        let Some(new) = new else {
            return Err(Error::Host(format!(
                "failed to grow table by {delta} elements"
            )));
        };
        t.elems.resize(new as usize, init.to_core().r());
        Ok(old)
    }
}

/// An exception tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    pub(crate) store: u64,
    pub(crate) addr: u32,
}
