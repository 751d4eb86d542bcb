//! Hashing of values of any `Hash` type, exactly as std's `Hash` impls and `#[derive(Hash)]` feed a
//! hasher: integers little-endian at their size (usize/isize as 8 bytes, as on a 64-bit native target),
//! bool as u8, char as u32, str bytes then 0xff, slices/Vec/arrays length-prefixed then elements,
//! tuples and structs field by field, enums their discriminant (as isize; `Ordering` as i8) when they
//! have more than one variant, then the variant's fields.
//!
//! Entry points (for `x.hash(&mut h)` and for collections that need a hash per key type):
//! - [`hash_into_fn`]: `fn(value: T, hasher: DefaultHasher)` feeding the prelude's `DefaultHasher`
//!   (SipHash-1-3, keys 0/0 — `std/hash.rs`), so `h.finish()` equals the native result;
//! - [`hash_fn`]: `fn(value: T) -> i64`, a fresh `DefaultHasher`, `hash_into`, `finish` — the hash of a
//!   value of type `T`, deterministic across runs (use it for HashMap/HashSet buckets).

use super::func::FnLower;
use super::helpers::agg_fields;
use super::reprs::ref_ty;
use super::Lowerer;
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, ValType};

fn strip(t: &Ty) -> Ty {
    match t {
        Ty::Ref(_, x) | Ty::Boxed(x) => strip(x),
        other => other.clone(),
    }
}

/// (Entry point for the collections' lowering.)
#[allow(dead_code)]
/// Whether `t` implements `Hash` in this lowering (the native build checked the user's derives).
pub fn is_hashable(lw: &Lowerer, t: &Ty) -> bool {
    match strip(t) {
        Ty::Int(_) | Ty::Bool | Ty::Char | Ty::Unit | Ty::String | Ty::Str => true,
        Ty::Vec(x) | Ty::Slice(x) | Ty::Array(x, _) | Ty::Option(x) => is_hashable(lw, &x),
        Ty::Result(a, b) => is_hashable(lw, &a) && is_hashable(lw, &b),
        Ty::Tuple(ts) => ts.iter().all(|x| is_hashable(lw, x)),
        Ty::Adt(a, _) => lw.ck.program.adts[a].derives("Hash"),
        _ => false,
    }
}

/// The prelude's `DefaultHasher` type.
pub fn hasher_ty(lw: &Lowerer) -> Ty {
    let p = &lw.ck.program;
    Ty::Adt(p.adts.iter().position(|d| d.name == "DefaultHasher" && p.mods[d.module].is_prelude).expect("prelude DefaultHasher"), vec![])
}

/// `fn(value: T) -> i64`: std's `DefaultHasher` hash of the value. (Entry point for HashMap/HashSet.)
#[allow(dead_code)]
pub fn hash_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let t = strip(t);
    let v = lw.repr(&t);
    let key = format!("hash<{}>", lw.ck.ty_name(&t));
    let (id, new) = lw.helper(&key, v.into_iter().collect(), vec![ValType::I64], false);
    if !new {
        return id;
    }
    let into = hash_into_fn(lw, &t);
    let ht = hasher_ty(lw);
    let hv = lw.repr(&ht).unwrap();
    let mut fl = FnLower::new_helper(lw, v.is_some() as u32, Some(ValType::I64));
    let h = fl.new_local(hv);
    fl.call_prelude("DefaultHasher::new");
    fl.emit(I::LocalSet(h));
    if v.is_some() {
        fl.emit(I::LocalGet(0));
    }
    fl.emit(I::LocalGet(h));
    fl.emit(I::Call(into));
    fl.emit(I::LocalGet(h));
    fl.call_prelude("DefaultHasher::finish");
    fl.finish(id);
    id
}

/// `fn(value: T, hasher: DefaultHasher)`: feeds the value into the hasher as std's `Hash` does.
pub fn hash_into_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let t = strip(t);
    let ht = hasher_ty(lw);
    let hv = lw.repr(&ht).unwrap();
    let v = lw.repr(&t);
    let key = format!("hash_into<{}>", lw.ck.ty_name(&t));
    let params: Vec<ValType> = v.into_iter().chain([hv]).collect();
    let (id, new) = lw.helper(&key, params, vec![], false);
    if !new {
        return id;
    }
    let (val, h) = if v.is_some() { (0, 1) } else { (u32::MAX, 0) };
    let mut fl = FnLower::new_helper(lw, if v.is_some() { 2 } else { 1 }, None);
    fl.hash_body(&t, val, h);
    fl.finish(id);
    id
}

impl FnLower<'_, '_> {
    /// Writes `n` bytes of the i64 on the stack into hasher local `h`.
    fn sip_write(&mut self, h: u32, n: i64) {
        let x = self.new_local(ValType::I64);
        self.emit(I::LocalSet(x));
        self.emit(I::LocalGet(h));
        self.emit(I::LocalGet(x));
        self.emit(I::I64Const(n));
        self.call_prelude("DefaultHasher::sip_bytes");
    }

    /// Feeds the value of type `t` in local `val` (none for zero-sized types) into hasher local `h`.
    fn hash_local(&mut self, t: &Ty, val: Option<u32>, h: u32) {
        let t = strip(t);
        let Some(val) = val else { return };
        match &t {
            Ty::Int(i) => {
                self.emit(I::LocalGet(val));
                if !i.is64() {
                    // sign-extend isize (8 bytes natively); others are written at their own width
                    self.emit(if *i == IntTy::Isize { I::I64ExtendI32S } else { I::I64ExtendI32U });
                    if i.signed() && *i != IntTy::Isize && i.bits() < 32 {
                        self.emit(I::I64Const((1i64 << i.bits()) - 1));
                        self.emit(I::I64And);
                    }
                }
                let n = match i {
                    IntTy::Usize | IntTy::Isize => 8,
                    _ => i.bits() as i64 / 8,
                };
                self.sip_write(h, n);
            }
            Ty::Bool | Ty::Char => {
                self.emit(I::LocalGet(val));
                self.emit(I::I64ExtendI32U);
                self.sip_write(h, if matches!(t, Ty::Bool) { 1 } else { 4 });
            }
            Ty::Str | Ty::String => {
                self.emit(I::LocalGet(h));
                self.emit(I::LocalGet(val));
                if matches!(t, Ty::String) {
                    self.call_prelude("string_as_str");
                }
                self.call_prelude("DefaultHasher::write_str");
            }
            _ => {
                let f = hash_into_fn(self.lw, &t);
                self.emit(I::LocalGet(val));
                self.emit(I::LocalGet(h));
                self.emit(I::Call(f));
            }
        }
    }

    fn hash_body(&mut self, t: &Ty, val: u32, h: u32) {
        let val_opt = if val == u32::MAX { None } else { Some(val) };
        match t {
            Ty::Int(_) | Ty::Bool | Ty::Char | Ty::Str | Ty::String | Ty::Unit => self.hash_local(t, val_opt, h),
            Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => {
                let e = (**e).clone();
                let at = self.lw.array_type(&e);
                let (arr, len, i, end) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32), self.new_local(ValType::I32), self.new_local(ValType::I32));
                self.seq_parts(val, t, arr, None, len);
                if let Some(st) = self.slice_struct_of(t) {
                    self.emit(I::LocalGet(val));
                    self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
                    self.emit(I::LocalSet(i));
                }
                self.emit(I::LocalGet(len));
                self.emit(I::I64ExtendI32U);
                self.sip_write(h, 8);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(len));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(end));
                let ev = self.lw.repr(&e);
                let x = ev.map(|v| self.new_local(v));
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(end));
                self.emit(I::I32GeU);
                self.br_if(done);
                if let Some(x) = x {
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    self.array_get(at, &e);
                    self.emit(I::LocalSet(x));
                }
                self.hash_local(&e, x, h);
                self.emit(I::LocalGet(i));
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(i));
                self.br(lp);
                self.end();
                self.end();
            }
            Ty::Adt(a, _) if self.lw.ck.adt_is_fieldless_enum(*a) => {
                let d = &self.lw.ck.program.adts[*a];
                if d.variants.len() > 1 {
                    let is_ordering = d.name == "Ordering" && self.lw.ck.program.mods[d.module].is_prelude;
                    self.emit(I::LocalGet(val));
                    if is_ordering {
                        // #[repr(i8)] -1/0/1 (our repr is the variant index)
                        self.emit(I::I32Const(1));
                        self.emit(I::I32Sub);
                        self.emit(I::I64ExtendI32S);
                        self.emit(I::I64Const(0xff));
                        self.emit(I::I64And);
                        self.sip_write(h, 1);
                    } else {
                        self.emit(I::I64ExtendI32S);
                        self.sip_write(h, 8);
                    }
                }
            }
            Ty::Tuple(_) | Ty::Adt(_, _) | Ty::Option(_) | Ty::Result(..) => {
                let l = self.lw.layout(t);
                let fields = agg_fields(self.lw, t);
                let discrs: Vec<i64> = match t {
                    Ty::Adt(a, _) if self.lw.ck.program.adts[*a].is_enum => self.lw.ck.adt_discrs[*a].clone(),
                    Ty::Option(_) | Ty::Result(..) => vec![0, 1],
                    _ => vec![],
                };
                for (vi, fs) in fields.iter().enumerate() {
                    let skip = self.open(0, BlockType::Empty);
                    if l.tagged {
                        self.emit(I::LocalGet(val));
                        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                        self.emit(I::I32Const(vi as i32));
                        self.emit(I::I32Ne);
                        self.br_if(skip);
                        if discrs.len() > 1 {
                            self.emit(I::I64Const(discrs[vi]));
                            self.sip_write(h, 8);
                        }
                    }
                    for (w, ft) in fs {
                        let fv = self.lw.repr(ft);
                        let x = fv.map(|v| self.new_local(v));
                        if let Some(x) = x {
                            self.emit(I::LocalGet(val));
                            self.emit(I::StructGet { struct_type_index: l.ty, field_index: *w });
                            self.emit(I::LocalSet(x));
                        }
                        self.hash_local(ft, x, h);
                    }
                    self.end();
                }
            }
            _ => {}
        }
    }
}
