//! Generated helper functions: integer arithmetic with Rust's checks, structural copy/eq/cmp/assign per
//! type, Vec growth, and the intrinsics the std prelude is written on.

use super::func::FnLower;
use super::reprs::ref_ty;
use super::{Lowerer, IMPORT_FD_WRITE, IMPORT_PROC_EXIT};
use crate::diagnostics::Span;
use crate::tir::BinOp;
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, MemArg, ValType};

fn mem(offset: u64) -> MemArg {
    MemArg { offset, align: 0, target: Default::default(), ordering: None }
}

/// Integer arithmetic on the two operands on the stack.
pub fn int_arith(fl: &mut FnLower, op: BinOp, i: IntTy, rt: &Ty, span: &Span) {
    if i.is128() {
        return super::wide::arith(fl, op, i, rt, span);
    }
    if matches!(op, BinOp::Shl | BinOp::Shr) && super::wide::is_wide(rt) {
        // A 128-bit shift amount: saturate it to u32 first.
        super::wide::shift_amount_u32(fl, rt);
        return int_arith(fl, op, i, &Ty::Int(IntTy::U32), span);
    }
    let w64 = i.is64();
    let vt = if w64 { ValType::I64 } else { ValType::I32 };
    // A constant right operand (the instruction just emitted): `x / 10` needs no zero check.
    let const_b: Option<i64> = match fl.code.last() {
        Some(I::I32Const(k)) => Some(*k as i64),
        Some(I::I64Const(k)) => Some(*k),
        _ => None,
    };
    let b = fl.new_local(if matches!(op, BinOp::Shl | BinOp::Shr) { if matches!(rt, Ty::Int(x) if x.is64()) { ValType::I64 } else { ValType::I32 } } else { vt });
    fl.emit(I::LocalSet(b));
    let a = fl.new_local(vt);
    fl.emit(I::LocalSet(a));
    let checks = fl.checks;
    let opname = match op {
        BinOp::Add => "add",
        BinOp::Sub => "subtract",
        BinOp::Mul => "multiply",
        BinOp::Shl => "shift left",
        BinOp::Shr => "shift right",
        _ => "",
    };
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => {
            if !w64 && checks && i.bits() <= 32 {
                // Compute exactly in i64, then range-check.
                let ext = if i.signed() { I::I64ExtendI32S } else { I::I64ExtendI32U };
                fl.emit(I::LocalGet(a));
                fl.emit(ext.clone());
                fl.emit(I::LocalGet(b));
                fl.emit(ext);
                fl.emit(match op {
                    BinOp::Add => I::I64Add,
                    BinOp::Sub => I::I64Sub,
                    _ => I::I64Mul,
                });
                let r = fl.new_local(ValType::I64);
                fl.emit(I::LocalTee(r));
                if i.signed() {
                    fl.emit(I::I64Const(i.min() as i64));
                    fl.emit(I::I64LtS);
                    fl.emit(I::LocalGet(r));
                    fl.emit(I::I64Const(i.max() as i64));
                    fl.emit(I::I64GtS);
                    fl.emit(I::I32Or);
                } else {
                    fl.emit(I::I64Const(i.max() as i64));
                    fl.emit(I::I64GtU);
                }
                fl.open(2, BlockType::Empty);
                fl.panic_const(span, &format!("attempt to {opname} with overflow"));
                fl.end();
                fl.emit(I::LocalGet(r));
                fl.emit(I::I32WrapI64);
                return;
            }
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            if w64 {
                fl.emit(match op {
                    BinOp::Add => I::I64Add,
                    BinOp::Sub => I::I64Sub,
                    _ => I::I64Mul,
                });
                if checks {
                    let r = fl.new_local(ValType::I64);
                    fl.emit(I::LocalSet(r));
                    match (op, i.signed()) {
                        (BinOp::Add, true) => {
                            fl.emit(I::LocalGet(a));
                            fl.emit(I::LocalGet(r));
                            fl.emit(I::I64Xor);
                            fl.emit(I::LocalGet(b));
                            fl.emit(I::LocalGet(r));
                            fl.emit(I::I64Xor);
                            fl.emit(I::I64And);
                            fl.emit(I::I64Const(0));
                            fl.emit(I::I64LtS);
                        }
                        (BinOp::Sub, true) => {
                            fl.emit(I::LocalGet(a));
                            fl.emit(I::LocalGet(b));
                            fl.emit(I::I64Xor);
                            fl.emit(I::LocalGet(a));
                            fl.emit(I::LocalGet(r));
                            fl.emit(I::I64Xor);
                            fl.emit(I::I64And);
                            fl.emit(I::I64Const(0));
                            fl.emit(I::I64LtS);
                        }
                        (BinOp::Add, false) => {
                            fl.emit(I::LocalGet(r));
                            fl.emit(I::LocalGet(a));
                            fl.emit(I::I64LtU);
                        }
                        (BinOp::Sub, false) => {
                            fl.emit(I::LocalGet(a));
                            fl.emit(I::LocalGet(b));
                            fl.emit(I::I64LtU);
                        }
                        (_, s) => {
                            fl.emit(I::LocalGet(a));
                            fl.emit(I::LocalGet(b));
                            let f = fl.lw.prelude_fn(if s { "mul_overflows_i64" } else { "mul_overflows_u64" });
                            fl.emit(I::Call(f));
                        }
                    }
                    fl.open(2, BlockType::Empty);
                    fl.panic_const(span, &format!("attempt to {opname} with overflow"));
                    fl.end();
                    fl.emit(I::LocalGet(r));
                }
            } else {
                fl.emit(match op {
                    BinOp::Add => I::I32Add,
                    BinOp::Sub => I::I32Sub,
                    _ => I::I32Mul,
                });
                fl.normalize(i);
            }
        }
        BinOp::Div | BinOp::Rem => {
            let div = op == BinOp::Div;
            if const_b.is_none_or(|k| k == 0) {
                fl.emit(I::LocalGet(b));
                fl.emit(if w64 { I::I64Eqz } else { I::I32Eqz });
                fl.open(2, BlockType::Empty);
                fl.panic_const(span, if div { "attempt to divide by zero" } else { "attempt to calculate the remainder with a divisor of zero" });
                fl.end();
            }
            // Only `MIN / -1` overflows; a constant divisor other than -1 cannot.
            if i.signed() && const_b.is_none_or(|k| k == -1) {
                fl.emit(I::LocalGet(a));
                fl.int_const(i.min(), &Ty::Int(i));
                fl.emit(if w64 { I::I64Eq } else { I::I32Eq });
                fl.emit(I::LocalGet(b));
                fl.int_const(-1, &Ty::Int(i));
                fl.emit(if w64 { I::I64Eq } else { I::I32Eq });
                fl.emit(I::I32And);
                fl.open(2, BlockType::Empty);
                fl.panic_const(span, if div { "attempt to divide with overflow" } else { "attempt to calculate the remainder with overflow" });
                fl.end();
            }
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            fl.emit(match (w64, i.signed(), div) {
                (true, true, true) => I::I64DivS,
                (true, false, true) => I::I64DivU,
                (true, true, false) => I::I64RemS,
                (true, false, false) => I::I64RemU,
                (false, true, true) => I::I32DivS,
                (false, false, true) => I::I32DivU,
                (false, true, false) => I::I32RemS,
                (false, false, false) => I::I32RemU,
            });
        }
        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            fl.emit(match (op, w64) {
                (BinOp::BitAnd, true) => I::I64And,
                (BinOp::BitOr, true) => I::I64Or,
                (BinOp::BitXor, true) => I::I64Xor,
                (BinOp::BitAnd, false) => I::I32And,
                (BinOp::BitOr, false) => I::I32Or,
                _ => I::I32Xor,
            });
        }
        BinOp::Shl | BinOp::Shr => {
            let b64 = matches!(rt, Ty::Int(x) if x.is64());
            // Shift amount as u32 (negative amounts are huge, so they overflow too).
            let amt = fl.new_local(ValType::I32);
            if b64 {
                // Amounts >= 2^32 also overflow: saturate before narrowing.
                fl.emit(I::LocalGet(b));
                fl.emit(I::I64Const(u32::MAX as i64));
                fl.emit(I::LocalGet(b));
                fl.emit(I::I64Const(u32::MAX as i64));
                fl.emit(I::I64LtU);
                fl.emit(I::Select);
                fl.emit(I::I32WrapI64);
            } else {
                fl.emit(I::LocalGet(b));
            }
            fl.emit(I::LocalSet(amt));
            if checks {
                fl.emit(I::LocalGet(amt));
                fl.emit(I::I32Const(i.bits() as i32));
                fl.emit(I::I32GeU);
                fl.open(2, BlockType::Empty);
                fl.panic_const(span, &format!("attempt to {opname} with overflow"));
                fl.end();
            }
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(amt));
            fl.emit(I::I32Const(i.bits() as i32 - 1));
            fl.emit(I::I32And);
            if w64 {
                fl.emit(I::I64ExtendI32U);
            }
            fl.emit(match (op, w64, i.signed()) {
                (BinOp::Shl, true, _) => I::I64Shl,
                (BinOp::Shl, false, _) => I::I32Shl,
                (_, true, true) => I::I64ShrS,
                (_, true, false) => I::I64ShrU,
                (_, false, true) => I::I32ShrS,
                _ => I::I32ShrU,
            });
            if !w64 {
                fl.normalize(i);
            }
        }
        _ => {
            fl.emit(I::LocalGet(a));
        }
    }
}

/// Fields of an aggregate type as (wasm field, type) per variant.
pub fn agg_fields(lw: &mut Lowerer, t: &Ty) -> Vec<Vec<(u32, Ty)>> {
    let tys: Vec<Vec<Ty>> = match t {
        Ty::Tuple(ts) => vec![ts.clone()],
        Ty::Adt(a, _) => lw.ck.adt_fields[*a].clone(),
        Ty::Option(x) => vec![vec![], vec![(**x).clone()]],
        Ty::Result(a, b) => vec![vec![(**a).clone()], vec![(**b).clone()]],
        Ty::Range(x, _) => vec![vec![(**x).clone(), (**x).clone()]],
        _ => vec![],
    };
    let l = lw.layout(t);
    tys.iter()
        .enumerate()
        .map(|(v, fs)| fs.iter().enumerate().filter_map(|(i, ft)| l.fields[v].get(i).copied().flatten().map(|w| (w, ft.clone()))).collect())
        .collect()
}

fn is_struct_like(t: &Ty) -> bool {
    matches!(t, Ty::Tuple(_) | Ty::Adt(_, _) | Ty::Option(_) | Ty::Result(..) | Ty::Range(..))
}

/// Deep copy of a Copy aggregate (and clone of Clone aggregates, Strings and Vecs).
pub fn copy_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    clone_fn(lw, t)
}

/// Shallow copy of a struct-like object (fields are shared): used for `Option::take`.
pub fn clone_shallow_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let v = lw.repr(t).unwrap_or(ValType::I32);
    let key = format!("shallow<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v], vec![v], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 1, Some(v));
    let l = fl.lw.layout(t);
    let n = fl.lw.types[(l.ty - super::reprs::PRE_TYPES) as usize].field_names.len() as u32;
    for w in 0..n {
        fl.emit(I::LocalGet(0));
        fl.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
    }
    fl.emit(I::StructNew(l.ty));
    fl.finish(id);
    id
}

/// A fresh object with the same contents (shallow): struct-likes field by field, Vec/String header copy.
pub fn clone_shallow_or_seq(lw: &mut Lowerer, t: &Ty) -> u32 {
    match t {
        Ty::Vec(_) | Ty::String | Ty::Str | Ty::Slice(_) => {
            let v = lw.repr(t).unwrap_or(ValType::I32);
            let key = format!("shallow<{}>", lw.ck.ty_name(t));
            let (id, new) = lw.helper(&key, vec![v], vec![v], false);
            if !new {
                return id;
            }
            let mut fl = FnLower::new_helper(lw, 1, Some(v));
            let (sty, n) = match t {
                Ty::Vec(e) => (fl.lw.vec_type(e), 2),
                Ty::String => (fl.lw.vec_type(&Ty::Int(IntTy::U8)), 2),
                Ty::Slice(e) => (fl.lw.slice_type(e), 3),
                _ => (fl.lw.slice_type(&Ty::Int(IntTy::U8)), 3),
            };
            for w in 0..n {
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: sty, field_index: w });
            }
            fl.emit(I::StructNew(sty));
            fl.finish(id);
            id
        }
        Ty::Array(..) => clone_fn(lw, t),
        _ => clone_shallow_fn(lw, t),
    }
}

pub fn clone_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let v = lw.repr(t).unwrap_or(ValType::I32);
    let key = format!("clone<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v], vec![v], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 1, Some(v));
    if let Ty::Coll(k, ts) = t {
        fl.coll_clone_body(*k, ts);
    } else if is_struct_like(t) {
        let l = fl.lw.layout(t);
        let fields = agg_fields(fl.lw, t);
        let mut all: Vec<(u32, Ty)> = fields.into_iter().flatten().collect();
        all.sort_by_key(|(w, _)| *w);
        if l.tagged {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
        }
        for (w, ft) in &all {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: *w });
            clone_value(&mut fl, ft);
        }
        fl.emit(I::StructNew(l.ty));
    } else if let Some((elem, kind)) = seq_elem(t).filter(|(e, _)| !super::wide::is_wide(e) && matches!(fl.lw.repr(e), Some(ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64))) {
        // Vec/String/array of numbers: one `array.copy` (the elements need no clone of their own).
        let arr_ty = fl.lw.array_type(&elem);
        let arr = fl.new_local(ref_ty(arr_ty));
        let len = fl.new_local(ValType::I32);
        fl.seq_parts(0, t, arr, None, len);
        let out = fl.new_local(ref_ty(arr_ty));
        fl.emit(I::LocalGet(len));
        fl.emit(I::ArrayNewDefault(arr_ty));
        fl.emit(I::LocalTee(out));
        fl.emit(I::I32Const(0));
        fl.emit(I::LocalGet(arr));
        fl.emit(I::I32Const(0));
        fl.emit(I::LocalGet(len));
        fl.emit(I::ArrayCopy { array_type_index_dst: arr_ty, array_type_index_src: arr_ty });
        fl.emit(I::LocalGet(out));
        if let SeqKind::Vec = kind {
            let vt = fl.lw.vec_type(&elem);
            fl.emit(I::LocalGet(len));
            fl.emit(I::StructNew(vt));
        }
    } else if let Some((elem, kind)) = seq_elem(t) {
        // Vec/String/array: copy the live elements into a fresh array.
        let arr_ty = fl.lw.array_type(&elem);
        let arr = fl.new_local(ref_ty(arr_ty));
        let len = fl.new_local(ValType::I32);
        fl.seq_parts(0, t, arr, None, len);
        let out = fl.new_local(ref_ty(arr_ty));
        if fl.lw.repr(&elem).is_some() {
            default_value(&mut fl, &elem);
        }
        fl.emit(I::LocalGet(len));
        if fl.lw.repr(&elem).is_some() {
            fl.emit(I::ArrayNew(arr_ty));
        } else {
            fl.emit(I::ArrayNewDefault(arr_ty));
        }
        fl.emit(I::LocalSet(out));
        let i = fl.new_local(ValType::I32);
        let brk = fl.open(0, BlockType::Empty);
        let lp = fl.open(1, BlockType::Empty);
        fl.emit(I::LocalGet(i));
        fl.emit(I::LocalGet(len));
        fl.emit(I::I32GeU);
        fl.br_if(brk);
        if fl.lw.repr(&elem).is_some() {
            fl.emit(I::LocalGet(out));
            fl.emit(I::LocalGet(i));
            fl.emit(I::LocalGet(arr));
            fl.emit(I::LocalGet(i));
            fl.array_get(arr_ty, &elem);
            clone_value(&mut fl, &elem);
            fl.emit(I::ArraySet(arr_ty));
        }
        fl.emit(I::LocalGet(i));
        fl.emit(I::I32Const(1));
        fl.emit(I::I32Add);
        fl.emit(I::LocalSet(i));
        fl.br(lp);
        fl.end();
        fl.end();
        match kind {
            SeqKind::Vec => {
                let vt = match t {
                    Ty::String => fl.lw.vec_type(&Ty::Int(IntTy::U8)),
                    _ => fl.lw.vec_type(&elem),
                };
                fl.emit(I::LocalGet(out));
                fl.emit(I::LocalGet(len));
                fl.emit(I::StructNew(vt));
            }
            SeqKind::Array => fl.emit(I::LocalGet(out)),
        }
    } else if let Ty::Boxed(inner) = t {
        let inner = (**inner).clone();
        fl.emit(I::LocalGet(0));
        if fl.lw.is_scalar(&inner) {
            let c = fl.lw.cell_type(&inner);
            fl.emit(I::StructGet { struct_type_index: c, field_index: 0 });
            fl.emit(I::StructNew(c));
        } else {
            clone_value(&mut fl, &inner);
        }
    } else {
        fl.emit(I::LocalGet(0));
    }
    // Inactive enum-variant fields hold null: cloning null gives null.
    if matches!(v, ValType::Ref(_)) {
        let body = std::mem::take(&mut fl.code);
        fl.emit(I::LocalGet(0));
        fl.emit(I::RefIsNull);
        fl.emit(I::If(BlockType::Result(v)));
        fl.emit(I::LocalGet(0));
        fl.emit(I::Else);
        fl.code.extend(body);
        fl.emit(I::End);
    }
    fl.finish(id);
    id
}

enum SeqKind {
    Vec,
    Array,
}

fn seq_elem(t: &Ty) -> Option<(Ty, SeqKind)> {
    match t {
        Ty::Vec(e) => Some(((**e).clone(), SeqKind::Vec)),
        Ty::String => Some((Ty::Int(IntTy::U8), SeqKind::Vec)),
        Ty::Array(e, _) => Some(((**e).clone(), SeqKind::Array)),
        _ => None,
    }
}

/// Clones the value on the stack if it owns GC objects.
pub(super) fn clone_value(fl: &mut FnLower, t: &Ty) {
    match t {
        Ty::Ref(..) | Ty::Str | Ty::Slice(_) => {}
        _ => {
            if matches!(fl.lw.repr(t), Some(ValType::Ref(_))) && !fl.lw.ck.adt_is_fieldless_enum_ty(t) {
                let f = clone_fn(fl.lw, t);
                fl.emit(I::Call(f));
            }
        }
    }
}

pub fn default_value(fl: &mut FnLower, t: &Ty) {
    if super::wide::is_wide(t) {
        return super::wide::constant(fl, 0);
    }
    match fl.lw.repr(t) {
        Some(ValType::I32) => fl.emit(I::I32Const(0)),
        Some(ValType::I64) => fl.emit(I::I64Const(0)),
        Some(ValType::F32) => fl.emit(I::F32Const(0.0f32.into())),
        Some(ValType::F64) => fl.emit(I::F64Const(0.0f64.into())),
        Some(ValType::Ref(r)) => fl.emit(I::RefNull(r.heap_type)),
        _ => {}
    }
}

/// `*dst = src` for aggregates: copies every field of `src` into the object `dst`.
pub fn assign_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let v = lw.repr(t).unwrap_or(ValType::I32);
    let key = format!("assign<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v, v], vec![], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 2, None);
    if let Ty::Coll(crate::collections::CollKind::Reverse, ts) = t {
        let f = assign_fn(fl.lw, &ts[0].clone());
        fl.emit(I::LocalGet(0));
        fl.emit(I::LocalGet(1));
        fl.emit(I::Call(f));
    } else if let (Ty::Coll(..), ValType::Ref(r)) = (t, v) {
        // collections, cells and Rc handles: copy every field of their struct into the place's object
        if let wasm_encoder::HeapType::Concrete(sty) = r.heap_type {
            let n = fl.lw.types[(sty - super::reprs::PRE_TYPES) as usize].field_names.len() as u32;
            for w in 0..n {
                fl.emit(I::LocalGet(0));
                fl.emit(I::LocalGet(1));
                fl.emit(I::StructGet { struct_type_index: sty, field_index: w });
                fl.emit(I::StructSet { struct_type_index: sty, field_index: w });
            }
        }
    } else if is_struct_like(t) {
        let l = fl.lw.layout(t);
        let n = fl.lw.types[(l.ty - super::reprs::PRE_TYPES) as usize].field_names.len() as u32;
        for w in 0..n {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
            fl.emit(I::StructSet { struct_type_index: l.ty, field_index: w });
        }
    } else {
        match t {
            Ty::Vec(_) | Ty::String => {
                let vt = match t {
                    Ty::Vec(e) => fl.lw.vec_type(e),
                    _ => fl.lw.vec_type(&Ty::Int(IntTy::U8)),
                };
                for w in 0..2 {
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::StructGet { struct_type_index: vt, field_index: w });
                    fl.emit(I::StructSet { struct_type_index: vt, field_index: w });
                }
            }
            Ty::Array(e, _) => {
                let at = fl.lw.array_type(e);
                fl.emit(I::LocalGet(0));
                fl.emit(I::I32Const(0));
                fl.emit(I::LocalGet(1));
                fl.emit(I::I32Const(0));
                fl.emit(I::LocalGet(1));
                fl.emit(I::ArrayLen);
                fl.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
            }
            Ty::Str | Ty::Slice(_) => {
                let st = match t {
                    Ty::Slice(e) => fl.lw.slice_type(e),
                    _ => fl.lw.slice_type(&Ty::Int(IntTy::U8)),
                };
                for w in 0..3 {
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::StructGet { struct_type_index: st, field_index: w });
                    fl.emit(I::StructSet { struct_type_index: st, field_index: w });
                }
            }
            _ => {}
        }
    }
    fl.finish(id);
    id
}

/// Emits `a == b` for two values of type `t` on the stack.
pub fn eq_value(fl: &mut FnLower, t: &Ty) {
    if super::wide::is_wide(&strip_ref(t)) {
        fl.call_prelude("u128_eq");
        return;
    }
    if let Ty::Coll(crate::collections::CollKind::Reverse, ts) = strip_ref(t) {
        return eq_value(fl, &ts[0]);
    }
    match fl.lw.repr(t) {
        None => {
            fl.emit(I::I32Const(1));
        }
        Some(ValType::I32) => fl.emit(I::I32Eq),
        Some(ValType::I64) => fl.emit(I::I64Eq),
        Some(ValType::F32) => fl.emit(I::F32Eq),
        Some(ValType::F64) => fl.emit(I::F64Eq),
        Some(_) => {
            let f = eq_fn(fl.lw, t);
            fl.emit(I::Call(f));
        }
    }
}

fn strip_ref(t: &Ty) -> Ty {
    match t {
        Ty::Ref(_, x) => strip_ref(x),
        Ty::Boxed(x) => strip_ref(x),
        other => other.clone(),
    }
}

/// The method `name` of a hand-written `impl tr for t` (non-generic impls: their fns are always checked).
pub fn user_impl_fn(lw: &Lowerer, t: &Ty, tr: &str, name: &str) -> Option<usize> {
    if !matches!(t, Ty::Adt(..)) {
        return None;
    }
    let p = &lw.ck.program;
    (0..p.impls.len()).find_map(|i| {
        let imp = &p.impls[i];
        if imp.trait_name.as_deref() != Some(tr) || lw.ck.impl_self[i] != *t || !imp.generics.is_empty() {
            return None;
        }
        imp.methods.get(name).copied().filter(|f| lw.ck.bodies.contains_key(f))
    })
}

/// Structural equality (`#[derive(PartialEq)]`, std types).
pub fn eq_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let t = &strip_ref(t);
    let v = lw.repr(t).unwrap_or(ValType::I32);
    let key = format!("eq<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v, v], vec![ValType::I32], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 2, Some(ValType::I32));
    // A hand-written `PartialEq` decides (collections, `contains`, `assert_eq!`, ...).
    if let Some(f) = user_impl_fn(fl.lw, t, "PartialEq", "eq") {
        let callee = fl.lw.user_fn(f);
        fl.emit(I::LocalGet(0));
        fl.emit(I::LocalGet(1));
        fl.emit(I::Call(callee));
        fl.finish(id);
        return id;
    }
    if let Ty::Gc(kind, inner) = t {
        fl.gc_eq_body(*kind, inner);
        fl.finish(id);
        return id;
    }
    if let Ty::Coll(kind, ts) = t {
        fl.coll_eq_body(*kind, ts);
        fl.finish(id);
        return id;
    }
    if is_struct_like(t) {
        let l = fl.lw.layout(t);
        let fields = agg_fields(fl.lw, t);
        let out = fl.open(0, BlockType::Empty);
        if l.tagged {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
            fl.emit(I::I32Ne);
            fl.br_if(out);
        }
        for (vi, fs) in fields.iter().enumerate() {
            let skip = fl.open(0, BlockType::Empty);
            if l.tagged {
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                fl.emit(I::I32Const(vi as i32));
                fl.emit(I::I32Ne);
                fl.br_if(skip);
            }
            for (w, ft) in fs {
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: l.ty, field_index: *w });
                fl.emit(I::LocalGet(1));
                fl.emit(I::StructGet { struct_type_index: l.ty, field_index: *w });
                eq_value(&mut fl, ft);
                fl.emit(I::I32Eqz);
                fl.br_if(out);
            }
            fl.end();
        }
        fl.emit(I::I32Const(1));
        fl.emit(I::Return);
        fl.end();
        fl.emit(I::I32Const(0));
    } else {
        let elem = match t {
            Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => (**e).clone(),
            _ => Ty::Int(IntTy::U8),
        };
        let at = fl.lw.array_type(&elem);
        let (a1, l1, a2, l2) = (fl.new_local(ref_ty(at)), fl.new_local(ValType::I32), fl.new_local(ref_ty(at)), fl.new_local(ValType::I32));
        let (s1, s2) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
        fl.seq_parts(0, t, a1, None, l1);
        fl.seq_parts(1, t, a2, None, l2);
        if let Some(st) = fl.slice_struct_of(t) {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            fl.emit(I::LocalSet(s1));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            fl.emit(I::LocalSet(s2));
        }
        fl.emit(I::LocalGet(l1));
        fl.emit(I::LocalGet(l2));
        fl.emit(I::I32Ne);
        fl.emit(I::If(BlockType::Empty));
        fl.emit(I::I32Const(0));
        fl.emit(I::Return);
        fl.emit(I::End);
        let i = fl.new_local(ValType::I32);
        let brk = fl.open(0, BlockType::Empty);
        let lp = fl.open(1, BlockType::Empty);
        fl.emit(I::LocalGet(i));
        fl.emit(I::LocalGet(l1));
        fl.emit(I::I32GeU);
        fl.br_if(brk);
        fl.emit(I::LocalGet(a1));
        fl.emit(I::LocalGet(s1));
        fl.emit(I::LocalGet(i));
        fl.emit(I::I32Add);
        fl.array_get(at, &elem);
        fl.emit(I::LocalGet(a2));
        fl.emit(I::LocalGet(s2));
        fl.emit(I::LocalGet(i));
        fl.emit(I::I32Add);
        fl.array_get(at, &elem);
        eq_value(&mut fl, &elem);
        fl.emit(I::I32Eqz);
        fl.emit(I::If(BlockType::Empty));
        fl.emit(I::I32Const(0));
        fl.emit(I::Return);
        fl.emit(I::End);
        fl.emit(I::LocalGet(i));
        fl.emit(I::I32Const(1));
        fl.emit(I::I32Add);
        fl.emit(I::LocalSet(i));
        fl.br(lp);
        fl.end();
        fl.end();
        fl.emit(I::I32Const(1));
    }
    fl.finish(id);
    id
}

/// Emits cmp(a, b) ∈ {-1, 0, 1} for two values of type `t` on the stack; 2 means unordered (a NaN
/// decided it), as `partial_cmp` returning None.
pub fn cmp_value(fl: &mut FnLower, t: &Ty) {
    let t = strip_ref(t);
    let (lt, gt) = match &t {
        Ty::Int(i) if i.is128() => {
            super::wide::cmp3(fl, *i);
            return;
        }
        Ty::Int(i) if i.is64() => (if i.signed() { I::I64LtS } else { I::I64LtU }, if i.signed() { I::I64GtS } else { I::I64GtU }),
        Ty::Int(i) if i.signed() => (I::I32LtS, I::I32GtS),
        Ty::Int(_) | Ty::Bool | Ty::Char => (I::I32LtU, I::I32GtU),
        Ty::Adt(a, _) if fl.lw.ck.adt_is_fieldless_enum(*a) => (I::I32LtS, I::I32GtS),
        Ty::F64 | Ty::F32 => {
            // -1/0/1, or 2 when unordered (a NaN): derived `partial_cmp` then yields None and every
            // comparison operator false (see `FnLower::compare`).
            let f64t = matches!(t, Ty::F64);
            let v = if f64t { ValType::F64 } else { ValType::F32 };
            let (b, a) = (fl.new_local(v), fl.new_local(v));
            fl.emit(I::LocalSet(b));
            fl.emit(I::LocalSet(a));
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            fl.emit(if f64t { I::F64Gt } else { I::F32Gt });
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            fl.emit(if f64t { I::F64Lt } else { I::F32Lt });
            fl.emit(I::I32Sub);
            fl.emit(I::I32Const(2));
            // ordered = neither is NaN
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(a));
            fl.emit(if f64t { I::F64Eq } else { I::F32Eq });
            fl.emit(I::LocalGet(b));
            fl.emit(I::LocalGet(b));
            fl.emit(if f64t { I::F64Eq } else { I::F32Eq });
            fl.emit(I::I32And);
            fl.emit(I::Select);
            return;
        }
        Ty::Unit => {
            fl.emit(I::I32Const(0));
            return;
        }
        // `Reverse(a).cmp(Reverse(b))` is `b.cmp(a)`.
        Ty::Coll(crate::collections::CollKind::Reverse, ts) => {
            let inner = ts[0].clone();
            if let Some(v) = fl.lw.repr(&inner) {
                let (a, b) = (fl.new_local(v), fl.new_local(v));
                fl.emit(I::LocalSet(b));
                fl.emit(I::LocalSet(a));
                fl.emit(I::LocalGet(b));
                fl.emit(I::LocalGet(a));
                cmp_value(fl, &inner);
            } else {
                fl.emit(I::I32Const(0));
            }
            return;
        }
        _ => {
            let f = cmp_fn(fl.lw, &t);
            fl.emit(I::Call(f));
            return;
        }
    };
    let v = fl.lw.repr(&t).unwrap();
    let b = fl.new_local(v);
    let a = fl.new_local(v);
    fl.emit(I::LocalSet(b));
    fl.emit(I::LocalSet(a));
    fl.emit(I::LocalGet(a));
    fl.emit(I::LocalGet(b));
    fl.emit(gt);
    fl.emit(I::LocalGet(a));
    fl.emit(I::LocalGet(b));
    fl.emit(lt);
    fl.emit(I::I32Sub);
}

/// Lexicographic ordering (derived `PartialOrd` order for tuples, Option, Result; strings and sequences).
pub fn cmp_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let t = &strip_ref(t);
    let v = lw.repr(t).unwrap_or(ValType::I32);
    let key = format!("cmp<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v, v], vec![ValType::I32], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 2, Some(ValType::I32));
    let r = fl.new_local(ValType::I32);
    // A hand-written `Ord` decides (sort, min/max, BTreeMap, BinaryHeap, `<`): its `Ordering` is the
    // variant index 0/1/2, this helper's result -1/0/1.
    if let Some(f) = user_impl_fn(fl.lw, t, "Ord", "cmp") {
        let callee = fl.lw.user_fn(f);
        fl.emit(I::LocalGet(0));
        fl.emit(I::LocalGet(1));
        fl.emit(I::Call(callee));
        fl.emit(I::I32Const(1));
        fl.emit(I::I32Sub);
        fl.finish(id);
        return id;
    }
    if let Ty::Coll(kind, ts) = t {
        fl.coll_cmp_body(*kind, ts);
        fl.finish(id);
        return id;
    }
    if is_struct_like(t) {
        let l = fl.lw.layout(t);
        let fields = agg_fields(fl.lw, t);
        if l.tagged {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
            cmp_value(&mut fl, &Ty::Int(IntTy::I32));
            fl.emit(I::LocalTee(r));
            fl.emit(I::If(BlockType::Empty));
            fl.emit(I::LocalGet(r));
            fl.emit(I::Return);
            fl.emit(I::End);
        }
        for (vi, fs) in fields.iter().enumerate() {
            let skip = fl.open(0, BlockType::Empty);
            if l.tagged {
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                fl.emit(I::I32Const(vi as i32));
                fl.emit(I::I32Ne);
                fl.br_if(skip);
            }
            for (w, ft) in fs {
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: l.ty, field_index: *w });
                fl.emit(I::LocalGet(1));
                fl.emit(I::StructGet { struct_type_index: l.ty, field_index: *w });
                cmp_value(&mut fl, ft);
                fl.emit(I::LocalTee(r));
                fl.emit(I::If(BlockType::Empty));
                fl.emit(I::LocalGet(r));
                fl.emit(I::Return);
                fl.emit(I::End);
            }
            fl.end();
        }
        fl.emit(I::I32Const(0));
    } else {
        let elem = match t {
            Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => (**e).clone(),
            _ => Ty::Int(IntTy::U8),
        };
        let at = fl.lw.array_type(&elem);
        let (a1, l1, a2, l2) = (fl.new_local(ref_ty(at)), fl.new_local(ValType::I32), fl.new_local(ref_ty(at)), fl.new_local(ValType::I32));
        let (s1, s2) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
        fl.seq_parts(0, t, a1, None, l1);
        fl.seq_parts(1, t, a2, None, l2);
        if let Some(st) = fl.slice_struct_of(t) {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            fl.emit(I::LocalSet(s1));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            fl.emit(I::LocalSet(s2));
        }
        let i = fl.new_local(ValType::I32);
        let brk = fl.open(0, BlockType::Empty);
        let lp = fl.open(1, BlockType::Empty);
        fl.emit(I::LocalGet(i));
        fl.emit(I::LocalGet(l1));
        fl.emit(I::I32GeU);
        fl.emit(I::LocalGet(i));
        fl.emit(I::LocalGet(l2));
        fl.emit(I::I32GeU);
        fl.emit(I::I32Or);
        fl.br_if(brk);
        fl.emit(I::LocalGet(a1));
        fl.emit(I::LocalGet(s1));
        fl.emit(I::LocalGet(i));
        fl.emit(I::I32Add);
        fl.array_get(at, &elem);
        fl.emit(I::LocalGet(a2));
        fl.emit(I::LocalGet(s2));
        fl.emit(I::LocalGet(i));
        fl.emit(I::I32Add);
        fl.array_get(at, &elem);
        cmp_value(&mut fl, &elem);
        fl.emit(I::LocalTee(r));
        fl.emit(I::If(BlockType::Empty));
        fl.emit(I::LocalGet(r));
        fl.emit(I::Return);
        fl.emit(I::End);
        fl.emit(I::LocalGet(i));
        fl.emit(I::I32Const(1));
        fl.emit(I::I32Add);
        fl.emit(I::LocalSet(i));
        fl.br(lp);
        fl.end();
        fl.end();
        fl.emit(I::LocalGet(l1));
        fl.emit(I::LocalGet(l2));
        cmp_value(&mut fl, &Ty::Int(IntTy::U32));
    }
    fl.finish(id);
    id
}

/// `fn main() -> Result<(), E>`: on Err prints `Error: {e:?}` to stderr and exits with 1.
pub fn main_result_helper(lw: &mut Lowerer, ret: &Ty) -> u32 {
    let v = lw.repr(ret).unwrap_or(ValType::I32);
    let (id, _) = lw.helper("main_result", vec![v], vec![], true);
    let mut fl = FnLower::new_helper(lw, 1, None);
    if let Ty::Result(_, e) = ret {
        let e = (**e).clone();
        let l = fl.lw.layout(ret);
        fl.emit(I::LocalGet(0));
        fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
        fl.emit(I::If(BlockType::Empty));
        fl.depth += 1;
        let s = fl.new_string();
        fl.emit(I::LocalGet(s));
        fl.str_lit("Error: ");
        fl.call_prelude("string_push_str");
        if let Some(w) = l.fields[1][0] {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
            let tmp = fl.stash(&e).unwrap();
            fl.fmt_debug(s, tmp, &e);
        } else {
            fl.emit(I::LocalGet(s));
            fl.str_lit("()");
            fl.call_prelude("string_push_str");
        }
        fl.emit(I::LocalGet(s));
        fl.str_lit("\n");
        fl.call_prelude("string_push_str");
        fl.emit(I::I32Const(2));
        fl.emit(I::LocalGet(s));
        fl.call_prelude("string_as_str");
        fl.call_prelude("__intrinsic_write");
        fl.emit(I::I32Const(1));
        fl.emit(I::Call(IMPORT_PROC_EXIT));
        fl.depth -= 1;
        fl.emit(I::End);
    }
    fl.finish(id);
    id
}

/// Bodies of the `__intrinsic_*` functions of the prelude.
pub fn intrinsic_body(fl: &mut FnLower, name: &str) {
    if super::wide::intrinsic(fl, name) {
        return;
    }
    let u8t = Ty::Int(IntTy::U8);
    let arr = fl.lw.array_type(&u8t);
    let vt = fl.lw.vec_type(&u8t);
    let st = fl.lw.slice_type(&u8t);
    match name {
        // fn(fd: i32, s: &str)
        "write" => {
            let (buf, start, len, i, n) = (fl.new_local(ref_ty(arr)), fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 0 });
            fl.emit(I::LocalSet(buf));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            fl.emit(I::LocalSet(start));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 2 });
            fl.emit(I::LocalSet(len));
            // while len > 0: copy up to 60000 bytes to memory[16..], fd_write, advance.
            let outer_brk = fl.open(0, BlockType::Empty);
            let outer = fl.open(1, BlockType::Empty);
            fl.emit(I::LocalGet(len));
            fl.emit(I::I32Eqz);
            fl.br_if(outer_brk);
            fl.emit(I::I32Const(60000));
            fl.emit(I::LocalGet(len));
            fl.emit(I::LocalGet(len));
            fl.emit(I::I32Const(60000));
            fl.emit(I::I32GtU);
            fl.emit(I::Select);
            fl.emit(I::LocalSet(n));
            fl.emit(I::I32Const(0));
            fl.emit(I::LocalSet(i));
            let brk = fl.open(0, BlockType::Empty);
            let lp = fl.open(1, BlockType::Empty);
            fl.emit(I::LocalGet(i));
            fl.emit(I::LocalGet(n));
            fl.emit(I::I32GeU);
            fl.br_if(brk);
            fl.emit(I::LocalGet(i));
            fl.emit(I::LocalGet(buf));
            fl.emit(I::LocalGet(start));
            fl.emit(I::LocalGet(i));
            fl.emit(I::I32Add);
            fl.emit(I::ArrayGetU(arr));
            fl.emit(I::I32Store8(mem(16)));
            fl.emit(I::LocalGet(i));
            fl.emit(I::I32Const(1));
            fl.emit(I::I32Add);
            fl.emit(I::LocalSet(i));
            fl.br(lp);
            fl.end();
            fl.end();
            // iovec at 0: {ptr=16, len=n}; nwritten at 8.
            fl.emit(I::I32Const(0));
            fl.emit(I::I32Const(16));
            fl.emit(I::I32Store(MemArg { offset: 0, align: 2, target: Default::default(), ordering: None }));
            fl.emit(I::I32Const(0));
            fl.emit(I::LocalGet(n));
            fl.emit(I::I32Store(MemArg { offset: 4, align: 2, target: Default::default(), ordering: None }));
            fl.emit(I::LocalGet(0));
            fl.emit(I::I32Const(0));
            fl.emit(I::I32Const(1));
            fl.emit(I::I32Const(8));
            fl.emit(I::Call(IMPORT_FD_WRITE));
            fl.emit(I::Drop);
            fl.emit(I::LocalGet(start));
            fl.emit(I::LocalGet(n));
            fl.emit(I::I32Add);
            fl.emit(I::LocalSet(start));
            fl.emit(I::LocalGet(len));
            fl.emit(I::LocalGet(n));
            fl.emit(I::I32Sub);
            fl.emit(I::LocalSet(len));
            fl.br(outer);
            fl.end();
            fl.end();
        }
        // fn(code: i32) -> !
        "exit" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::Call(IMPORT_PROC_EXIT));
            fl.emit(I::Unreachable);
        }
        // fn() -> String
        "string_new" => {
            fl.empty_bytes();
            fl.emit(I::I32Const(0));
            fl.emit(I::StructNew(vt));
        }
        // fn(s: &mut String, b: u8)
        "push_byte" => {
            grow(fl, vt, arr, 0, 1);
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::ArraySet(arr));
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
            fl.emit(I::I32Const(1));
            fl.emit(I::I32Add);
            fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
        }
        // fn(s: &mut String, t: &str) / fn(s: &mut String, t: &String): append t's bytes
        "push_str" | "push_string" => {
            let from_str = name == "push_str";
            let n = fl.new_local(ValType::I32);
            fl.emit(I::LocalGet(1));
            fl.emit(if from_str { I::StructGet { struct_type_index: st, field_index: 2 } } else { I::StructGet { struct_type_index: vt, field_index: 1 } });
            fl.emit(I::LocalSet(n));
            grow_n(fl, vt, arr, 0, n);
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
            fl.emit(I::LocalGet(1));
            if from_str {
                fl.emit(I::StructGet { struct_type_index: st, field_index: 0 });
                fl.emit(I::LocalGet(1));
                fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            } else {
                fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                fl.emit(I::I32Const(0));
            }
            fl.emit(I::LocalGet(n));
            fl.emit(I::ArrayCopy { array_type_index_dst: arr, array_type_index_src: arr });
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
            fl.emit(I::LocalGet(n));
            fl.emit(I::I32Add);
            fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
        }
        // fn(s: &String, i: usize) -> u8   (unchecked)
        "string_byte" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::ArrayGetU(arr));
        }
        // fn(s: &String) -> &str
        "as_str" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
            fl.emit(I::I32Const(0));
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
            fl.emit(I::StructNew(st));
        }
        // fn(s: &str, i: usize) -> u8   (unchecked)
        "byte" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 0 });
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::I32Add);
            fl.emit(I::ArrayGetU(arr));
        }
        // fn(s: &str, start: usize, len: usize) -> &str   (unchecked)
        "sub" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 0 });
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::I32Add);
            fl.emit(I::LocalGet(2));
            fl.emit(I::StructNew(st));
        }
        // fn(s: &mut String, i: usize, b: u8)   (unchecked)
        "set_byte" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::LocalGet(2));
            fl.emit(I::ArraySet(arr));
        }
        // fn(s: &mut String, len: usize)
        "set_len" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
        }
        // fn(x: f64) -> u64 / fn(u64) -> f64 and f32 variants
        "f64_bits" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::I64ReinterpretF64);
        }
        "f64_from_bits" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::F64ReinterpretI64);
        }
        "f32_bits" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::I32ReinterpretF32);
        }
        "char" => fl.emit(I::LocalGet(0)),
        // fn() -> i32 : argc (argv pointers at 64.., strings after) — WASI args_sizes_get + args_get
        "args_load" => {
            fl.lw.uses_args = true;
            fl.emit(I::I32Const(0));
            fl.emit(I::I32Const(4));
            fl.emit(I::Call(super::IMPORT_ARGS_SIZES_GET));
            fl.emit(I::Drop);
            // argv at 64, buffer at 64 + 4*argc
            fl.emit(I::I32Const(64));
            fl.emit(I::I32Const(64));
            fl.emit(I::I32Const(0));
            fl.emit(I::I32Load(MemArg { offset: 0, align: 2, target: Default::default(), ordering: None }));
            fl.emit(I::I32Const(4));
            fl.emit(I::I32Mul);
            fl.emit(I::I32Add);
            fl.emit(I::Call(super::IMPORT_ARGS_GET));
            fl.emit(I::Drop);
            fl.emit(I::I32Const(0));
            fl.emit(I::I32Load(MemArg { offset: 0, align: 2, target: Default::default(), ordering: None }));
        }
        // fn(addr: usize) -> u8
        "load_byte" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::I32Load8U(MemArg { offset: 0, align: 0, target: Default::default(), ordering: None }));
        }
        // fn(addr: usize) -> usize
        "load_u32" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::I32Load(MemArg { offset: 0, align: 2, target: Default::default(), ordering: None }));
        }
        "sqrt" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::F64Sqrt);
        }
        "floor" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::F64Floor);
        }
        "ceil" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::F64Ceil);
        }
        "trunc" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::F64Trunc);
        }
        // same representation: a `Vec<u8>` is a `String`, a `&[u8]` is a `&str`
        "bytes_to_string" | "bytes_as_str" => fl.emit(I::LocalGet(0)),
        _ if super::ucd::intrinsic_body(fl, name) => {}
        _ => fl.emit(I::Unreachable),
    }
}

/// Ensures the Vec in param `v` has room for one more element.
pub fn grow_n_const(fl: &mut FnLower, vt: u32, arr: u32, v: u32) {
    grow(fl, vt, arr, v, 1);
}

/// Ensures the Vec in param `v` has room for `extra` more elements (doubling growth).
fn grow(fl: &mut FnLower, vt: u32, arr: u32, v: u32, extra: i32) {
    let n = fl.new_local(ValType::I32);
    fl.emit(I::I32Const(extra));
    fl.emit(I::LocalSet(n));
    grow_n(fl, vt, arr, v, n);
}

pub fn grow_n(fl: &mut FnLower, vt: u32, arr: u32, v: u32, n: u32) {
    let need = fl.new_local(ValType::I32);
    let cap = fl.new_local(ValType::I32);
    let new = fl.new_local(ref_ty(arr));
    fl.emit(I::LocalGet(v));
    fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
    fl.emit(I::LocalGet(n));
    fl.emit(I::I32Add);
    fl.emit(I::LocalSet(need));
    fl.emit(I::LocalGet(v));
    fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
    fl.emit(I::ArrayLen);
    fl.emit(I::LocalTee(cap));
    fl.emit(I::LocalGet(need));
    fl.emit(I::I32LtU);
    fl.emit(I::If(BlockType::Empty));
    // cap = max(need, cap * 2, min): min 8 for byte elements (Strings), else 4, as rustc's RawVec —
    // short strings then reach their size with fewer reallocations.
    let min = if fl.lw.type_map.get(&super::reprs::TypeKey::Array(super::reprs::StorageKey::I8)) == Some(&arr) { 8 } else { 4 };
    fl.emit(I::LocalGet(cap));
    fl.emit(I::I32Const(2));
    fl.emit(I::I32Mul);
    fl.emit(I::LocalTee(cap));
    fl.emit(I::LocalGet(need));
    fl.emit(I::LocalGet(cap));
    fl.emit(I::LocalGet(need));
    fl.emit(I::I32GtU);
    fl.emit(I::Select);
    fl.emit(I::LocalTee(cap));
    fl.emit(I::I32Const(min));
    fl.emit(I::LocalGet(cap));
    fl.emit(I::I32Const(min));
    fl.emit(I::I32GtU);
    fl.emit(I::Select);
    fl.emit(I::ArrayNewDefault(arr));
    fl.emit(I::LocalSet(new));
    fl.emit(I::LocalGet(new));
    fl.emit(I::I32Const(0));
    fl.emit(I::LocalGet(v));
    fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
    fl.emit(I::I32Const(0));
    fl.emit(I::LocalGet(v));
    fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
    fl.emit(I::ArrayCopy { array_type_index_dst: arr, array_type_index_src: arr });
    fl.emit(I::LocalGet(v));
    fl.emit(I::LocalGet(new));
    fl.emit(I::StructSet { struct_type_index: vt, field_index: 0 });
    fl.emit(I::End);
}
