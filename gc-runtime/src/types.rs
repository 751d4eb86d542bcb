//! Canonical type registry shared by every module of a store.
//!
//! All modules of a store are validated by one `wasmparser::Validator`, which hash-conses rec groups:
//! structurally identical (iso-recursive) types get the same `CoreTypeId` across modules. Type
//! equality at run time is therefore id equality, and subtyping walks the declared supertype chain.

use wasmparser::types::TypeIdentifier;
use wasmparser::{
    AbstractHeapType, CompositeInnerType, FieldType, FuncType, HeapType, RefType, StorageType,
    SubType, UnpackedIndex, ValType,
};

/// A heap type with concrete indices resolved to canonical ids, as checked by casts at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ht {
    Any,
    Eq,
    I31,
    Struct,
    Array,
    None,
    Func,
    NoFunc,
    Extern,
    NoExtern,
    Exn,
    NoExn,
    Concrete(u32),
}

/// Canonical id of a `HeapType` whose indices are already `Id`s.
pub fn id_of(idx: UnpackedIndex) -> u32 {
    match idx {
        UnpackedIndex::Id(id) => id.index() as u32,
        // Module-relative indices never reach the registry; treat defensively as id 0.
        UnpackedIndex::Module(i) | UnpackedIndex::RecGroup(i) => i,
    }
}

/// Registry entries, indexed by canonical id.
#[derive(Default)]
pub struct TypeRegistry {
    types: Vec<Option<SubType>>,
    supers: Vec<Option<u32>>,
}

impl TypeRegistry {
    pub fn insert(&mut self, id: u32, ty: &SubType, sup: Option<u32>) {
        let i = id as usize;
        if self.types.len() <= i {
            self.types.resize(i + 1, None);
            self.supers.resize(i + 1, None);
        }
        if self.types[i].is_none() {
            self.types[i] = Some(ty.clone());
            self.supers[i] = sup;
        }
    }
    pub fn contains(&self, id: u32) -> bool {
        self.types.get(id as usize).is_some_and(|t| t.is_some())
    }
    pub fn get(&self, id: u32) -> &SubType {
        self.types[id as usize].as_ref().expect("type registered")
    }
    pub fn func(&self, id: u32) -> &FuncType {
        match &self.get(id).composite_type.inner {
            CompositeInnerType::Func(f) => f,
            _ => panic!("type {id} is not a function type"),
        }
    }
    pub fn struct_fields(&self, id: u32) -> &[FieldType] {
        match &self.get(id).composite_type.inner {
            CompositeInnerType::Struct(s) => &s.fields,
            _ => &[],
        }
    }
    pub fn array_elem(&self, id: u32) -> FieldType {
        match &self.get(id).composite_type.inner {
            CompositeInnerType::Array(a) => a.0,
            _ => FieldType { element_type: StorageType::I8, mutable: false },
        }
    }
    pub fn is_struct(&self, id: u32) -> bool {
        matches!(self.get(id).composite_type.inner, CompositeInnerType::Struct(_))
    }
    pub fn is_array(&self, id: u32) -> bool {
        matches!(self.get(id).composite_type.inner, CompositeInnerType::Array(_))
    }
    /// `a <: b` between canonical type ids.
    pub fn is_sub(&self, mut a: u32, b: u32) -> bool {
        loop {
            if a == b {
                return true;
            }
            match self.supers.get(a as usize).copied().flatten() {
                Some(s) => a = s,
                None => return false,
            }
        }
    }

    pub fn ht(&self, h: HeapType) -> Ht {
        match h {
            HeapType::Concrete(i) | HeapType::Exact(i) => Ht::Concrete(id_of(i)),
            HeapType::Abstract { ty, .. } => match ty {
                AbstractHeapType::Any => Ht::Any,
                AbstractHeapType::Eq => Ht::Eq,
                AbstractHeapType::I31 => Ht::I31,
                AbstractHeapType::Struct => Ht::Struct,
                AbstractHeapType::Array => Ht::Array,
                AbstractHeapType::None => Ht::None,
                AbstractHeapType::Func => Ht::Func,
                AbstractHeapType::NoFunc => Ht::NoFunc,
                AbstractHeapType::Extern => Ht::Extern,
                AbstractHeapType::NoExtern => Ht::NoExtern,
                AbstractHeapType::Exn => Ht::Exn,
                AbstractHeapType::NoExn => Ht::NoExn,
                _ => Ht::None,
            },
        }
    }

    /// Heap subtyping `a <: b`.
    pub fn ht_sub(&self, a: Ht, b: Ht) -> bool {
        use Ht::*;
        if a == b {
            return true;
        }
        match (a, b) {
            (Concrete(x), Concrete(y)) => self.is_sub(x, y),
            (Concrete(x), Any | Eq) => !self.get(x).composite_type.inner.is_func_like(),
            (Concrete(x), Struct) => self.is_struct(x),
            (Concrete(x), Array) => self.is_array(x),
            (Concrete(x), Func) => self.get(x).composite_type.inner.is_func_like(),
            (None, Concrete(y)) => !self.get(y).composite_type.inner.is_func_like(),
            (NoFunc, Concrete(y)) => self.get(y).composite_type.inner.is_func_like(),
            (Eq | I31 | Struct | Array | None, Any) => true,
            (I31 | Struct | Array | None, Eq) => true,
            (None, I31 | Struct | Array) => true,
            (NoFunc, Func) | (NoExtern, Extern) | (NoExn, Exn) => true,
            _ => false,
        }
    }

    pub fn ref_sub(&self, a: RefType, b: RefType) -> bool {
        (!a.is_nullable() || b.is_nullable()) && self.ht_sub(self.ht(a.heap_type()), self.ht(b.heap_type()))
    }

    pub fn val_sub(&self, a: ValType, b: ValType) -> bool {
        match (a, b) {
            (ValType::Ref(x), ValType::Ref(y)) => self.ref_sub(x, y),
            _ => a == b,
        }
    }
}

trait FuncLike {
    fn is_func_like(&self) -> bool;
}
impl FuncLike for CompositeInnerType {
    fn is_func_like(&self) -> bool {
        matches!(self, CompositeInnerType::Func(_))
    }
}

/// Bit width of a packed storage type (0 for unpacked).
pub fn packed_bits(st: StorageType) -> u8 {
    match st {
        StorageType::I8 => 8,
        StorageType::I16 => 16,
        StorageType::Val(_) => 0,
    }
}

/// The default value of a field's storage type.
pub fn storage_default(st: StorageType) -> crate::Val {
    match st {
        StorageType::I8 | StorageType::I16 => crate::Val::I32(0),
        StorageType::Val(v) => crate::Val::default_for(&v),
    }
}
