//! Drop glue for values holding `Rc`/`Weak`: releasing a value releases every `Rc` (strong count) and
//! `Weak` (weak count) it owns, through structs, enums, tuples, Option/Result, Box, Vec, arrays,
//! `RefCell`/`Cell` and nested `Rc`s (an `Rc` whose count reaches 0 releases its value in turn). Only
//! emitted where `rc_drops` placed a drop, i.e. when the program observes counts.

use super::func::FnLower;
use super::reprs::ref_ty;
use super::Lowerer;
use crate::collections::CollKind;
use crate::types::Ty;
use wasm_encoder::{BlockType, Instruction as I};

/// Whether dropping a `t` changes any reference count.
pub fn needs_drop(lw: &mut Lowerer, t: &Ty) -> bool {
    needs_drop_in(lw, t, &mut Vec::new())
}

fn needs_drop_in(lw: &mut Lowerer, t: &Ty, seen: &mut Vec<Ty>) -> bool {
    if seen.contains(t) {
        return false;
    }
    match t {
        Ty::Coll(CollKind::Rc | CollKind::Weak, _) => true,
        Ty::Coll(_, ts) => {
            seen.push(t.clone());
            ts.iter().any(|x| needs_drop_in(lw, x, seen))
        }
        Ty::Tuple(ts) => ts.iter().any(|x| needs_drop_in(lw, x, seen)),
        Ty::Option(x) | Ty::Vec(x) | Ty::Array(x, _) | Ty::Boxed(x) => needs_drop_in(lw, x, seen),
        Ty::Gc(crate::gc_types::GcKind::Rc, x) => needs_drop_in(lw, x, seen),
        Ty::Result(a, b) => needs_drop_in(lw, a, seen) || needs_drop_in(lw, b, seen),
        // A trait object: whatever one of its concrete types needs.
        Ty::DynTrait(_) | Ty::DynFn(..) => {
            seen.push(t.clone());
            let entries: Vec<Ty> = lw.ck.dyn_tables.iter().filter(|d| d.key == *t).flat_map(|d| d.entries.iter().map(|e| e.0.clone())).collect();
            entries.iter().any(|x| needs_drop_in(lw, x, seen))
        }
        Ty::Adt(a, args) => {
            seen.push(t.clone());
            let n = lw.ck.program.adts[*a].variants.len();
            let (a, args) = (*a, args.clone());
            (0..n).any(|v| lw.ck.variant_fields(a, &args, v).iter().any(|x| needs_drop_in(lw, x, seen)))
        }
        _ => false,
    }
}

/// Releases what the value in local `x` (type `t`) owns. A null reference (a value never made on this
/// path) releases nothing.
pub fn drop_glue(fl: &mut FnLower, x: u32, t: &Ty) {
    if !needs_drop(fl.lw, t) {
        return;
    }
    let Some(v) = fl.lw.repr(t) else { return };
    let f = drop_fn(fl.lw, t);
    let _ = v;
    fl.emit(I::LocalGet(x));
    fl.emit(I::Call(f));
}

fn drop_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let v = lw.repr(t).unwrap();
    let key = format!("drop<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v], vec![], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 1, None);
    let null_check = matches!(v, wasm_encoder::ValType::Ref(_));
    if null_check {
        fl.emit(I::LocalGet(0));
        fl.emit(I::RefIsNull);
        fl.emit(I::If(BlockType::Empty));
        fl.emit(I::Return);
        fl.emit(I::End);
    }
    let field = |fl: &mut FnLower, sty: u32, w: u32, ft: &Ty| {
        if !needs_drop(fl.lw, ft) {
            return;
        }
        let Some(fv) = fl.lw.repr(ft) else { return };
        let l = fl.new_local(fv);
        fl.emit(I::LocalGet(0));
        fl.emit(I::StructGet { struct_type_index: sty, field_index: w });
        fl.emit(I::LocalSet(l));
        drop_glue(fl, l, ft);
    };
    match t {
        Ty::DynTrait(_) | Ty::DynFn(..) => {
            // by tag: the concrete value, cast back from `anyref`
            let dt = fl.lw.dyn_type();
            let entries: Vec<Ty> = fl.lw.ck.dyn_tables.iter().filter(|d| d.key == *t).flat_map(|d| d.entries.iter().map(|e| e.0.clone())).collect();
            for (tag, ct) in entries.iter().enumerate() {
                if !needs_drop(fl.lw, ct) {
                    continue;
                }
                let Some(wasm_encoder::ValType::Ref(r)) = fl.lw.repr(ct) else { continue };
                let l = fl.new_local(wasm_encoder::ValType::Ref(r));
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: dt, field_index: 0 });
                fl.emit(I::I32Const(tag as i32));
                fl.emit(I::I32Eq);
                fl.emit(I::If(BlockType::Empty));
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: dt, field_index: 1 });
                fl.emit(I::RefCastNullable(r.heap_type));
                fl.emit(I::LocalSet(l));
                drop_glue(&mut fl, l, ct);
                fl.emit(I::End);
            }
        }
        Ty::Coll(k @ (CollKind::Rc | CollKind::Weak), ts) => {
            // the handle's box (null for `Weak::new()`)
            let (ht, bt) = (fl.lw.rc_handle_type(&ts[0]), fl.lw.rcbox_type(&ts[0]));
            let b = fl.new_local(ref_ty(bt));
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: ht, field_index: 0 });
            fl.emit(I::LocalSet(b));
            fl.emit(I::LocalGet(b));
            fl.emit(I::RefIsNull);
            fl.emit(I::If(BlockType::Empty));
            fl.emit(I::Return);
            fl.emit(I::End);
            if *k == CollKind::Rc {
                let f = fl.rc_release_fn(&ts[0]);
                fl.emit(I::LocalGet(b));
                fl.emit(I::Call(f));
            } else {
                fl.emit(I::LocalGet(b));
                fl.emit(I::LocalGet(b));
                fl.emit(I::StructGet { struct_type_index: bt, field_index: super::cells::RC_WEAK });
                fl.emit(I::I32Const(-1));
                fl.emit(I::I32Add);
                fl.emit(I::StructSet { struct_type_index: bt, field_index: super::cells::RC_WEAK });
            }
        }
        Ty::Coll(CollKind::RefCell, _) | Ty::Gc(crate::gc_types::GcKind::Rc, _) => {
            let inner = match t {
                Ty::Coll(_, ts2) => ts2[0].clone(),
                Ty::Gc(_, x) => (**x).clone(),
                _ => Ty::Unit,
            };
            let g = fl.lw.rc_type(&inner);
            field(&mut fl, g, 0, &inner);
        }
        Ty::Coll(CollKind::Cell, ts) => {
            let c = fl.lw.cell_type(&ts[0]);
            field(&mut fl, c, 0, &ts[0].clone());
        }
        Ty::Boxed(x) => {
            // a Box has its content's representation
            let x = (**x).clone();
            if !fl.lw.is_scalar(&x) {
                drop_glue(&mut fl, 0, &x);
            }
        }
        Ty::Vec(e) | Ty::Array(e, _) => {
            let e = (**e).clone();
            let at = fl.lw.array_type(&e);
            let (arr, len) = (fl.new_local(ref_ty(at)), fl.new_local(wasm_encoder::ValType::I32));
            fl.seq_parts(0, t, arr, None, len);
            let ev = fl.lw.repr(&e).unwrap();
            fl.count_loop(len, &mut |fl: &mut FnLower, i| {
                let x = fl.new_local(ev);
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(i));
                fl.array_get(at, &e);
                fl.emit(I::LocalSet(x));
                drop_glue(fl, x, &e);
            });
        }
        Ty::Tuple(_) | Ty::Option(_) | Ty::Result(..) | Ty::Adt(..) => {
            let l = fl.lw.layout(t);
            let tys: Vec<Vec<Ty>> = match t {
                Ty::Tuple(ts) => vec![ts.clone()],
                Ty::Option(x) => vec![vec![], vec![(**x).clone()]],
                Ty::Result(a, b) => vec![vec![(**a).clone()], vec![(**b).clone()]],
                Ty::Adt(a, args) => (0..fl.lw.ck.program.adts[*a].variants.len()).map(|v| fl.lw.ck.variant_fields(*a, args, v)).collect(),
                _ => vec![],
            };
            for (vi, fs) in tys.iter().enumerate() {
                let skip = fl.open(0, BlockType::Empty);
                if l.tagged {
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                    fl.emit(I::I32Const(vi as i32));
                    fl.emit(I::I32Ne);
                    fl.br_if(skip);
                }
                for (k, ft) in fs.iter().enumerate() {
                    if let Some(w) = l.fields[vi].get(k).copied().flatten() {
                        field(&mut fl, l.ty, w, ft);
                    }
                }
                fl.end();
            }
        }
        Ty::Coll(k, ts) if k.is_map_like() => {
            let (kt, vt) = (ts[0].clone(), ts.get(1).cloned().unwrap_or(Ty::Unit));
            let mt = fl.lw.map_type(&kt, &vt);
            for (f, et) in [(0u32, kt.clone()), (1u32, Ty::Ref(true, Box::new(vt.clone())))] {
                let inner = match &et {
                    Ty::Ref(_, x) => (**x).clone(),
                    x => x.clone(),
                };
                if !needs_drop(fl.lw, &inner) {
                    continue;
                }
                // keys: Vec<K>; values: Vec<&mut V> (V holds an Rc, so its slot is the value itself)
                let evt = fl.lw.vec_type(&et);
                let v = fl.new_local(ref_ty(evt));
                fl.emit(I::LocalGet(0));
                fl.emit(I::StructGet { struct_type_index: mt, field_index: f });
                fl.emit(I::LocalSet(v));
                let zero = fl.zeroed_i32();
                drop_vec_tail_as(&mut fl, v, &et, &inner, zero);
            }
        }
        Ty::Coll(CollKind::BinaryHeap, ts) => {
            let zero = fl.zeroed_i32();
            let e = ts[0].clone();
            drop_vec_tail(&mut fl, 0, &e, zero);
        }
        Ty::Coll(CollKind::VecDeque, ts) => {
            let e = ts[0].clone();
            let f = fl.deque_items_fn(&e);
            let vt = fl.lw.vec_type(&e);
            let v = fl.new_local(ref_ty(vt));
            fl.emit(I::LocalGet(0));
            fl.emit(I::Call(f));
            fl.emit(I::LocalSet(v));
            let zero = fl.zeroed_i32();
            drop_vec_tail(&mut fl, v, &e, zero);
        }
        _ => {}
    }
    fl.finish(id);
    id
}

/// A new struct with the same fields as the value in param 0 (any struct-represented type): keeps an
/// overwritten value alive when its object is assigned in place.
pub fn shallow_copy_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let v = lw.repr(t).unwrap_or(wasm_encoder::ValType::I32);
    let key = format!("shallow_copy<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v], vec![v], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 1, Some(v));
    if let wasm_encoder::ValType::Ref(r) = v {
        if let wasm_encoder::HeapType::Concrete(sty) = r.heap_type {
            let def = &fl.lw.types[(sty - super::reprs::PRE_TYPES) as usize];
            if matches!(def.key, super::reprs::TypeKey::Struct(_) | super::reprs::TypeKey::Named(..)) {
                let n = def.field_names.len() as u32;
                fl.emit(I::LocalGet(0));
                fl.emit(I::RefIsNull);
                fl.emit(I::If(BlockType::Empty));
                fl.emit(I::LocalGet(0));
                fl.emit(I::Return);
                fl.emit(I::End);
                for w in 0..n {
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::StructGet { struct_type_index: sty, field_index: w });
                }
                fl.emit(I::StructNew(sty));
                fl.finish(id);
                return id;
            }
        }
    }
    fl.emit(I::LocalGet(0));
    fl.finish(id);
    id
}

/// Drops the elements `[from, len)` of the Vec<elem> in local `v`.
pub fn drop_vec_tail(fl: &mut FnLower, v: u32, elem: &Ty, from: u32) {
    drop_vec_tail_as(fl, v, elem, elem, from)
}

/// Like `drop_vec_tail` for a Vec stored as `stored` elements whose values are `elem`s (map slots).
fn drop_vec_tail_as(fl: &mut FnLower, v: u32, stored: &Ty, elem: &Ty, from: u32) {
    if !needs_drop(fl.lw, elem) {
        return;
    }
    let vt = fl.lw.vec_type(stored);
    let at = fl.lw.array_type(stored);
    let Some(ev) = fl.lw.repr(elem) else { return };
    let i = fl.new_local(wasm_encoder::ValType::I32);
    fl.emit(I::LocalGet(from));
    fl.emit(I::LocalSet(i));
    let done = fl.open(0, BlockType::Empty);
    let lp = fl.open(1, BlockType::Empty);
    fl.emit(I::LocalGet(i));
    fl.emit(I::LocalGet(v));
    fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
    fl.emit(I::I32GeU);
    fl.br_if(done);
    let x = fl.new_local(ev);
    fl.emit(I::LocalGet(v));
    fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
    fl.emit(I::LocalGet(i));
    fl.array_get(at, stored);
    fl.emit(I::LocalSet(x));
    drop_glue(fl, x, elem);
    fl.emit(I::LocalGet(i));
    fl.emit(I::I32Const(1));
    fl.emit(I::I32Add);
    fl.emit(I::LocalSet(i));
    fl.br(lp);
    fl.end();
    fl.end();
}
