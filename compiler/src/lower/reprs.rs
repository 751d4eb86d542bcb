//! Wasm representation of Rust types and the registry of GC types (one recursion group).
//!
//! Scalars are i32/i64/f32/f64 (narrow integers normalized: sign- or zero-extended). Aggregates are
//! nullable references to mutable GC structs/arrays, so `*r = v` can copy into the object in place:
//! tuples/structs → struct; enums with data → struct {tag, fields of every variant}; Option/Result likewise;
//! Vec/String → {array, len}; &str/slices → {array, start, len}; `&mut` to a scalar → cell {val}.

use super::Lowerer;
use crate::types::{IntTy, Ty};
use wasm_encoder::{
    ArrayType, CompositeInnerType, CompositeType, FieldType, FuncType, HeapType, RefType, StorageType, StructType, SubType, ValType,
};

/// Number of standalone (non-recursive) types before the recursion group: WASI import types and `_start`.
pub const PRE_TYPES: u32 = 4;
pub const TY_FD_WRITE: u32 = 0;
pub const TY_PROC_EXIT: u32 = 1;
pub const TY_START: u32 = 2;
pub const TY_ARGS_SIZES: u32 = 3;

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum TypeKey {
    Struct(Vec<(StorageKey, bool)>),
    Array(StorageKey),
    Func(Vec<ValKey>, Vec<ValKey>),
    /// Nominal: user structs and enums get their own type even if fields coincide (clearer names).
    Named(String, Vec<(StorageKey, bool)>),
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ValKey {
    I32,
    I64,
    F32,
    F64,
    Ref(u32),
    /// `externref` (`wasm::ExternRef`).
    Extern,
    /// `anyref`: the value inside a trait object.
    Any,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum StorageKey {
    I8,
    I16,
    Val(ValKey),
}

pub fn vk(v: ValType) -> ValKey {
    match v {
        ValType::I32 => ValKey::I32,
        ValType::I64 => ValKey::I64,
        ValType::F32 => ValKey::F32,
        ValType::F64 => ValKey::F64,
        ValType::Ref(r) => match r.heap_type {
            HeapType::Concrete(i) => ValKey::Ref(i),
            HeapType::EXTERN => ValKey::Extern,
            HeapType::ANY => ValKey::Any,
            _ => ValKey::Ref(u32::MAX),
        },
        _ => ValKey::I32,
    }
}

pub fn vt(k: ValKey) -> ValType {
    match k {
        ValKey::I32 => ValType::I32,
        ValKey::I64 => ValType::I64,
        ValKey::F32 => ValType::F32,
        ValKey::F64 => ValType::F64,
        ValKey::Ref(i) => ref_ty(i),
        ValKey::Extern => ValType::Ref(RefType::EXTERNREF),
        ValKey::Any => ValType::Ref(RefType::ANYREF),
    }
}

pub fn ref_ty(i: u32) -> ValType {
    ValType::Ref(RefType { nullable: true, heap_type: HeapType::Concrete(i) })
}

/// A registered GC type with names for the name section.
pub struct TypeDef {
    pub key: TypeKey,
    pub name: String,
    pub field_names: Vec<String>,
}

/// Layout of an aggregate: which wasm struct type and where each logical field lives.
#[derive(Clone, Debug)]
pub struct Layout {
    pub ty: u32,
    /// Per variant (one for structs/tuples), per logical field: wasm field index (None for unit fields).
    pub fields: Vec<Vec<Option<u32>>>,
    /// Whether field 0 is a tag.
    pub tagged: bool,
}

impl Lowerer<'_> {
    pub fn intern(&mut self, key: TypeKey, name: String, field_names: Vec<String>) -> u32 {
        if let Some(&i) = self.type_map.get(&key) {
            return i;
        }
        let i = PRE_TYPES + self.types.len() as u32;
        self.types.push(TypeDef { key: key.clone(), name, field_names });
        self.type_map.insert(key, i);
        i
    }

    pub fn subtypes(&self) -> Vec<SubType> {
        self.types
            .iter()
            .map(|t| {
                let inner = match &t.key {
                    TypeKey::Struct(fs) | TypeKey::Named(_, fs) => CompositeInnerType::Struct(StructType {
                        fields: fs.iter().map(|(s, m)| FieldType { element_type: st(*s), mutable: *m }).collect(),
                    }),
                    TypeKey::Array(s) => CompositeInnerType::Array(ArrayType(FieldType { element_type: st(*s), mutable: true })),
                    TypeKey::Func(p, r) => CompositeInnerType::Func(FuncType::new(p.iter().map(|k| vt(*k)), r.iter().map(|k| vt(*k)))),
                };
                SubType { is_final: true, supertype_idxs: vec![], composite_type: CompositeType { inner, shared: false, descriptor: None, describes: None } }
            })
            .collect()
    }

    pub fn func_type(&mut self, params: &[ValType], results: &[ValType]) -> u32 {
        let key = TypeKey::Func(params.iter().map(|v| vk(*v)).collect(), results.iter().map(|v| vk(*v)).collect());
        self.intern(key, String::new(), vec![])
    }

    /// The wasm value type of a Rust type (None for zero-sized types).
    pub fn repr(&mut self, t: &Ty) -> Option<ValType> {
        match t {
            Ty::Int(i) if i.is128() => Some(ref_ty(super::wide::wide_type(self))),
            Ty::Int(i) if i.is64() => Some(ValType::I64),
            Ty::Int(_) | Ty::Bool | Ty::Char | Ty::ParseError(_) => Some(ValType::I32),
            Ty::F32 => Some(ValType::F32),
            Ty::F64 => Some(ValType::F64),
            Ty::Unit | Ty::Never | Ty::Closure(_) | Ty::FmtError | Ty::Var(_) => None,
            Ty::Erased => Some(ValType::Ref(RefType::ANYREF)),
            Ty::FnPtr(ps, r) => {
                let params: Vec<ValType> = ps.iter().filter_map(|t| self.repr(t)).collect();
                let results: Vec<ValType> = self.repr(r).into_iter().collect();
                let ft = self.func_type(&params, &results);
                Some(ref_ty(ft))
            }
            Ty::Iter(item) => {
                // A stored iterator is materialized: {items, position}.
                let vt = self.vec_type(item);
                let name = format!("Iter<{}>", self.ck.ty_name(item));
                Some(ref_ty(self.intern(
                    TypeKey::Named(name.clone(), vec![(StorageKey::Val(ValKey::Ref(vt)), true), (StorageKey::Val(ValKey::I32), true)]),
                    name,
                    vec!["items".into(), "pos".into()],
                )))
            }
            Ty::Adt(a, _) if self.ck.adt_is_fieldless_enum(*a) => Some(ValType::I32),
            Ty::DynTrait(_) | Ty::DynFn(..) => Some(ref_ty(self.dyn_type())),
            Ty::Ref(m, inner) => {
                if *m && self.is_scalar(inner) {
                    Some(ref_ty(self.cell_type(inner)))
                } else {
                    self.repr(inner)
                }
            }
            Ty::Boxed(inner) => {
                if self.is_scalar(inner) {
                    Some(ref_ty(self.cell_type(inner)))
                } else if self.repr(inner).is_none() {
                    None
                } else {
                    self.repr(inner)
                }
            }
            Ty::Gc(kind, inner) => self.gc_repr(*kind, inner),
            Ty::Coll(kind, ts) => self.coll_repr(*kind, ts),
            Ty::Str => Some(ref_ty(self.slice_type(&Ty::Int(IntTy::U8)))),
            Ty::Slice(e) => Some(ref_ty(self.slice_type(e))),
            Ty::String => Some(ref_ty(self.vec_type(&Ty::Int(IntTy::U8)))),
            Ty::Formatter => Some(ref_ty(self.formatter_type())),
            Ty::Vec(e) => Some(ref_ty(self.vec_type(e))),
            Ty::Array(e, _) => Some(ref_ty(self.array_type(e))),
            _ => Some(ref_ty(self.layout(t).ty)),
        }
    }

    /// Scalars are represented by a wasm number (not a reference).
    /// 128-bit integers count as scalars too: their immutable struct is never written in place.
    /// A number (or a 128-bit integer): what the GC facade types box in a cell (`GcBox<u8>`, an
    /// `ExternRef` holding a `u8`). Unlike `is_scalar`, shared references are not.
    pub fn is_number_like(&mut self, t: &Ty) -> bool {
        super::wide::is_wide(t) || matches!(self.repr(t), Some(ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64))
    }

    /// Shared references (`&str`, `&T`, `&[T]`) too: the referenced object is never written through
    /// them, so `*r = other` through a `&mut &str` must rebind a cell, not copy into the object.
    pub fn is_scalar(&mut self, t: &Ty) -> bool {
        super::wide::is_wide(t) || matches!(t, Ty::Ref(false, _)) && self.repr(t).is_some() || matches!(self.repr(t), Some(ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64))
    }

    /// Whether copying a value of `t` must duplicate a GC object (Copy aggregates).
    pub fn needs_copy(&mut self, t: &Ty) -> bool {
        match t {
            Ty::Ref(..) | Ty::Str | Ty::Slice(_) | Ty::Int(_) => false,
            _ => self.ck.is_copy(t) && matches!(self.repr(t), Some(ValType::Ref(_))),
        }
    }

    pub fn storage(&mut self, t: &Ty) -> StorageKey {
        match t {
            Ty::Int(IntTy::U8 | IntTy::I8) | Ty::Bool => StorageKey::I8,
            Ty::Int(IntTy::U16 | IntTy::I16) => StorageKey::I16,
            _ => StorageKey::Val(vk(self.repr(t).unwrap_or(ValType::I32))),
        }
    }

    pub fn array_type(&mut self, elem: &Ty) -> u32 {
        let erased = self.elem_erased(elem);
        let s = if erased { StorageKey::Val(ValKey::Any) } else { self.storage(elem) };
        let name = if erased { "[_]".to_string() } else { format!("[{}]", self.ck.ty_name(elem)) };
        self.intern(TypeKey::Array(s), name, vec![])
    }

    /// Whether arrays of `elem` store `anyref` (every array of GC references, once the program uses a
    /// thin instance: then `Vec<Point>` and a thin body's `Vec<_>` are one wasm type). Reads cast back.
    pub fn elem_erased(&self, elem: &Ty) -> bool {
        self.ck.thin.redirected > 0 && (matches!(elem, Ty::Erased) || crate::typeck::thin::erasable(self.ck, elem))
    }

    /// The `ref.cast` that turns an erased array element (or a thin instance's result) back into `t`'s
    /// concrete reference type; nothing when `t` is not a concrete reference.
    pub fn unerase_cast(&mut self, t: &Ty) -> Option<HeapType> {
        match self.repr(t) {
            Some(ValType::Ref(r)) if matches!(r.heap_type, HeapType::Concrete(_)) => Some(r.heap_type),
            _ => None,
        }
    }

    pub fn vec_type(&mut self, elem: &Ty) -> u32 {
        let a = self.array_type(elem);
        let name = format!("Vec<{}>", self.ck.ty_name(elem));
        self.intern(TypeKey::Struct(vec![(StorageKey::Val(ValKey::Ref(a)), true), (StorageKey::Val(ValKey::I32), true)]), name, vec!["buf".into(), "len".into()])
    }

    pub fn slice_type(&mut self, elem: &Ty) -> u32 {
        let a = self.array_type(elem);
        let name = format!("&[{}]", self.ck.ty_name(elem));
        self.intern(
            TypeKey::Struct(vec![(StorageKey::Val(ValKey::Ref(a)), true), (StorageKey::Val(ValKey::I32), true), (StorageKey::Val(ValKey::I32), true)]),
            name,
            vec!["buf".into(), "start".into(), "len".into()],
        )
    }

    /// `fmt::Formatter`: the output String and the spec {fill, align, width, flags, precision}.
    pub fn formatter_type(&mut self) -> u32 {
        let sv = self.vec_type(&Ty::Int(IntTy::U8));
        let i = (StorageKey::Val(ValKey::I32), false);
        self.intern(
            TypeKey::Named("Formatter".into(), vec![(StorageKey::Val(ValKey::Ref(sv)), false), i, i, i, i, i]),
            "Formatter".into(),
            vec!["buf".into(), "fill".into(), "align".into(), "width".into(), "flags".into(), "precision".into()],
        )
    }

    pub fn iter_type(&mut self, item: &Ty) -> u32 {
        match self.repr(&Ty::Iter(Box::new(item.clone()))) {
            Some(ValType::Ref(r)) => match r.heap_type {
                HeapType::Concrete(i) => i,
                _ => 0,
            },
            _ => 0,
        }
    }

    /// A trait object: {tag selecting the implementation, the concrete value as `anyref`}.
    pub fn dyn_type(&mut self) -> u32 {
        self.intern(TypeKey::Named("dyn".into(), vec![(StorageKey::Val(ValKey::I32), false), (StorageKey::Val(ValKey::Any), false)]), "dyn".into(), vec!["tag".into(), "data".into()])
    }

    pub fn cell_type(&mut self, t: &Ty) -> u32 {
        let v = self.repr(t).unwrap_or(ValType::I32);
        self.intern(TypeKey::Struct(vec![(StorageKey::Val(vk(v)), true)]), format!("Cell<{}>", self.ck.ty_name(t)), vec!["val".into()])
    }

    /// Layout of tuples, structs, enums with data, Option, Result, ranges.
    pub fn layout(&mut self, t: &Ty) -> Layout {
        if let Some(l) = self.layouts.get(t) {
            return l.clone();
        }
        let (name, tagged, variants): (String, bool, Vec<(Vec<Ty>, Vec<String>)>) = match t {
            Ty::Tuple(ts) => (self.ck.ty_name(t), false, vec![(ts.clone(), (0..ts.len()).map(|i| i.to_string()).collect())]),
            Ty::Option(e) => (self.ck.ty_name(t), true, vec![(vec![], vec![]), ((vec![(**e).clone()]), vec!["some".into()])]),
            Ty::Result(a, b) => (self.ck.ty_name(t), true, vec![(vec![(**a).clone()], vec!["ok".into()]), (vec![(**b).clone()], vec!["err".into()])]),
            Ty::Range(e, _) => (self.ck.ty_name(t), false, vec![(vec![(**e).clone(), (**e).clone()], vec!["start".into(), "end".into()])]),
            Ty::Adt(a, _) => {
                let d = &self.ck.program.adts[*a];
                let vs = d
                    .variants
                    .iter()
                    .enumerate()
                    .map(|(vi, v)| {
                        let names = v.fields.iter().map(|f| if d.is_enum { format!("{}.{}", v.name, f.name) } else { f.name.clone() }).collect();
                        (self.ck.adt_fields[*a][vi].clone(), names)
                    })
                    .collect();
                (d.name.clone(), d.is_enum, vs)
            }
            _ => (self.ck.ty_name(t), false, vec![]),
        };
        if !matches!(t, Ty::Adt(_, _)) {
            // Std aggregates are structural: `Option<&T>` and `Option<T>` share one type (as_ref is free).
            let (fields, fnames, map) = self.wasm_fields(tagged, &variants);
            let idx = self.intern(TypeKey::Struct(fields), name, fnames);
            let l = Layout { ty: idx, fields: map, tagged };
            self.layouts.insert(t.clone(), l.clone());
            return l;
        }
        if let Some(l) = self.shared_layout(t, &name, tagged, &variants) {
            return l;
        }
        // Reserve the index first so recursive types can refer to themselves.
        let placeholder_key = TypeKey::Named(format!("{name}#{}", self.types.len()), vec![]);
        let idx = self.intern(placeholder_key.clone(), name.clone(), vec![]);
        // Insert a provisional layout so recursive references resolve.
        self.layouts.insert(t.clone(), Layout { ty: idx, fields: vec![], tagged });
        let (fields, fnames, map) = self.wasm_fields(tagged, &variants);
        let real_key = TypeKey::Named(format!("{name}#{idx}"), fields);
        let pos = (idx - PRE_TYPES) as usize;
        self.type_map.remove(&placeholder_key);
        self.type_map.insert(real_key.clone(), idx);
        self.types[pos] = TypeDef { key: real_key, name, field_names: fnames };
        let l = Layout { ty: idx, fields: map, tagged };
        self.layouts.insert(t.clone(), l.clone());
        l
    }
}

impl Lowerer<'_> {
    /// Thin monomorphization (`typeck::thin`): instances of a non-recursive generic ADT are keyed by
    /// the definition with GC-reference arguments erased (`Stack<_>`), so those whose fields coincide
    /// (`Stack<Point>`, `Stack<String>` and the thin body's `Stack<_>`: all `{Vec<_>}`) are one wasm
    /// type. Instances whose fields differ (a field of type `T` itself) keep their own types.
    fn shared_layout(&mut self, t: &Ty, _name: &str, tagged: bool, variants: &[(Vec<Ty>, Vec<String>)]) -> Option<Layout> {
        let Ty::Adt(i, _) = t else { return None };
        if self.ck.thin.redirected == 0 || self.adt_recursive(*i) {
            return None;
        }
        let (a0, args) = self.ck.adt_inst_of.get(i)?.clone();
        let erased: Vec<Ty> = args.iter().map(|a| if crate::typeck::thin::erasable(self.ck, a) { Ty::Erased } else { a.clone() }).collect();
        if !erased.iter().any(|a| matches!(a, Ty::Erased)) {
            return None;
        }
        let name = self.ck.ty_name(&Ty::Adt(a0, erased));
        let (fields, fnames, map) = self.wasm_fields(tagged, variants);
        let idx = self.intern(TypeKey::Named(name.clone(), fields), name, fnames);
        let l = Layout { ty: idx, fields: map, tagged };
        self.layouts.insert(t.clone(), l.clone());
        Some(l)
    }

    /// The wasm fields of an aggregate: a tag first when `tagged`, then each non-zero-sized field of every
    /// variant; with each variant's field → wasm field index map.
    #[allow(clippy::type_complexity)]
    fn wasm_fields(&mut self, tagged: bool, variants: &[(Vec<Ty>, Vec<String>)]) -> (Vec<(StorageKey, bool)>, Vec<String>, Vec<Vec<Option<u32>>>) {
        let mut fields: Vec<(StorageKey, bool)> = Vec::new();
        let mut fnames = Vec::new();
        let mut map = Vec::new();
        if tagged {
            fields.push((StorageKey::Val(ValKey::I32), true));
            fnames.push("tag".to_string());
        }
        for (tys, names) in variants {
            let mut vm = Vec::new();
            for (ft, fname) in tys.iter().zip(names) {
                match self.repr(ft) {
                    Some(v) => {
                        vm.push(Some(fields.len() as u32));
                        fields.push((StorageKey::Val(vk(v)), true));
                        fnames.push(fname.clone());
                    }
                    None => vm.push(None),
                }
            }
            map.push(vm);
        }
        (fields, fnames, map)
    }

    /// Whether ADT `i` contains itself (through any chain of fields).
    fn adt_recursive(&self, i: usize) -> bool {
        let (mut stack, mut seen) = (vec![i], vec![i]);
        while let Some(a) = stack.pop() {
            for f in self.ck.adt_fields[a].iter().flatten() {
                let mut adts = Vec::new();
                crate::typeck::thin::collect_adts(f, &mut adts);
                for (b, _) in adts {
                    if b == i {
                        return true;
                    }
                    if !seen.contains(&b) {
                        seen.push(b);
                        stack.push(b);
                    }
                }
            }
        }
        false
    }
}

fn st(s: StorageKey) -> StorageType {
    match s {
        StorageKey::I8 => StorageType::I8,
        StorageKey::I16 => StorageType::I16,
        StorageKey::Val(v) => StorageType::Val(vt(v)),
    }
}
