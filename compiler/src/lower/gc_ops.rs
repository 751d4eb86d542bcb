//! Lowering of the `wasm` crate's GC types (`ExprKind::Std("gc.*")`, see `typeck::methods::gc`), on the
//! representation described in `crate::gc_types`: `GcBox`/`GcRc` are the value's own struct reference,
//! `GcArray<T>` a WasmGC array, `GcString` an `(array i8)`, `ExternRef` an `externref`.

use super::func::FnLower;
use super::helpers;
use super::reprs::{ref_ty, vk, StorageKey, TypeKey, ValKey};
use super::Lowerer;
use crate::gc_types::GcKind;
use crate::tir::{ExprKind, TExpr};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, HeapType, Instruction as I, RefType, ValType};

impl Lowerer<'_> {
    /// The wasm type of a GC type (None for a `GcBox`/`GcRc` of a zero-sized value).
    pub fn gc_repr(&mut self, kind: GcKind, inner: &Ty) -> Option<ValType> {
        match kind {
            GcKind::Box => {
                if self.is_number_like(inner) {
                    Some(ref_ty(self.cell_type(inner)))
                } else {
                    self.repr(inner)
                }
            }
            GcKind::Rc => Some(ref_ty(self.rc_type(inner))),
            GcKind::Array => Some(ref_ty(self.array_type(inner))),
            GcKind::String => Some(ref_ty(self.array_type(&Ty::Int(IntTy::U8)))),
            GcKind::Extern => Some(ValType::Ref(RefType { nullable: true, heap_type: HeapType::EXTERN })),
            GcKind::BorrowError | GcKind::BorrowMutError => Some(ValType::I32),
        }
    }

    /// `GcRc<T>`: `{value, borrow}` — the value as a `GcBox<T>` holds it, and `RefCell`'s borrow flag
    /// (0 free, n > 0 shared borrows, -1 mutably borrowed).
    pub fn rc_type(&mut self, inner: &Ty) -> u32 {
        let v = self.gc_repr(GcKind::Box, inner).unwrap_or(ValType::I32);
        let name = format!("GcRc<{}>", self.ck.ty_name(inner));
        let fields = vec![(StorageKey::Val(vk(v)), true), (StorageKey::Val(ValKey::I32), true)];
        self.intern(TypeKey::Named(name.clone(), fields), name, vec!["value".into(), "borrow".into()])
    }

    /// Whether a value of `t` is shared by copying its reference (GC types, `&str`), so reading it out
    /// of a GC array needs no clone.
    fn shared_by_ref(&mut self, t: &Ty) -> bool {
        matches!(t, Ty::Gc(..) | Ty::Ref(false, _)) || self.is_number_like(t)
    }
}

impl FnLower<'_, '_> {
    /// Takes a `GcRc`/`RefCell` borrow of the cell in local `w` (type `rt`): remembers the cell in guard
    /// local `guard` for its release and sets the flag (-1 for a mutable borrow, one more reader otherwise).
    fn take_borrow(&mut self, guard: usize, w: u32, rt: u32, mutable: bool) {
        let g = match self.local_map.get(guard).copied().flatten() {
            Some(x) => x,
            None => self.bind_new_local(guard).unwrap_or(w),
        };
        self.emit(I::LocalGet(w));
        self.emit(I::LocalSet(g));
        self.emit(I::LocalGet(w));
        if mutable {
            self.emit(I::I32Const(-1));
        } else {
            self.emit(I::LocalGet(w));
            self.emit(I::StructGet { struct_type_index: rt, field_index: 1 });
            self.emit(I::I32Const(1));
            self.emit(I::I32Add);
        }
        self.emit(I::StructSet { struct_type_index: rt, field_index: 1 });
    }

    pub fn gc_op(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        match op {
            "gc.new" => {
                let t = args[0].ty.clone();
                self.expr(&args[0]);
                if self.lw.is_number_like(&t) {
                    let c = self.lw.cell_type(&t);
                    self.emit(I::StructNew(c));
                }
                if let Ty::Gc(GcKind::Rc, inner) = &e.ty {
                    let rt = self.lw.rc_type(inner);
                    if self.lw.gc_repr(GcKind::Box, inner).is_none() {
                        self.emit(I::I32Const(0));
                    }
                    self.emit(I::I32Const(0));
                    self.emit(I::StructNew(rt));
                }
            }
            "gc.rc.borrow" | "gc.rc.borrow_mut" | "gc.rc.check" | "gc.rc.check_mut" => {
                let mutable = op.ends_with("_mut");
                let inner = gc_arg(args[0].ty.peel_refs());
                let rt = self.lw.rc_type(&inner);
                self.expr_noncopy(&args[0]);
                let w = self.new_local(ref_ty(rt));
                self.emit(I::LocalSet(w));
                self.rc_check(w, rt, mutable, e);
                if op.starts_with("gc.rc.borrow") {
                    // Take the borrow and remember the cell in the guard local for its release. A site the
                    // guard pass did not reach (no guard local) only checks: it never leaves the flag set.
                    if let Some(ExprKind::Local(g)) = args.get(1).map(|a| &a.kind) {
                        self.take_borrow(*g, w, rt, mutable);
                    }
                }
                self.emit(I::LocalGet(w));
                self.emit(I::StructGet { struct_type_index: rt, field_index: 0 });
            }
            "gc.rc.try_borrow" | "gc.rc.try_borrow_mut" => {
                // Ok(&value) with the borrow taken (and its guard set), or Err(BorrowError) as RefCell.
                let mutable = op.ends_with("_mut");
                let inner = gc_arg(args[0].ty.peel_refs());
                let rt = self.lw.rc_type(&inner);
                self.expr_noncopy(&args[0]);
                let w = self.new_local(ref_ty(rt));
                self.emit(I::LocalSet(w));
                let l = self.lw.layout(&e.ty);
                let ok_field = l.fields.first().and_then(|f| f.first().copied().flatten());
                let err_field = l.fields.get(1).and_then(|f| f.first().copied().flatten());
                let ok_ty = Ty::Ref(mutable, Box::new(inner.clone()));
                let ok_repr = self.lw.repr(&ok_ty);
                self.emit(I::LocalGet(w));
                self.emit(I::StructGet { struct_type_index: rt, field_index: 1 });
                self.emit(I::I32Const(0));
                self.emit(if mutable { I::I32Ne } else { I::I32LtS });
                self.open(2, BlockType::Result(ref_ty(l.ty)));
                self.emit(I::I32Const(1));
                if let (Some(_), Some(v)) = (ok_field, ok_repr) {
                    self.zero_of(v);
                }
                if err_field.is_some() {
                    self.emit(I::I32Const(0));
                }
                self.emit(I::StructNew(l.ty));
                self.emit(I::Else);
                if let Some(ExprKind::Local(g)) = args.get(1).map(|a| &a.kind) {
                    self.take_borrow(*g, w, rt, mutable);
                }
                self.emit(I::I32Const(0));
                if ok_field.is_some() {
                    self.emit(I::LocalGet(w));
                    self.emit(I::StructGet { struct_type_index: rt, field_index: 0 });
                    if !mutable && self.lw.is_number_like(&inner) {
                        // `&T` of a number is the number itself; the cell holds it.
                        let c = self.lw.cell_type(&inner);
                        self.emit(I::StructGet { struct_type_index: c, field_index: 0 });
                    }
                }
                if let (Some(_), Some(v)) = (err_field, self.lw.repr(&Ty::Int(IntTy::I32))) {
                    self.zero_of(v);
                }
                self.emit(I::StructNew(l.ty));
                self.end();
            }
            "gc.rc.release" | "gc.rc.release_mut" => {
                // Drop of a guard: undo its borrow once (a guard not taken on this path is null).
                let Some(ExprKind::Local(g)) = args.first().map(|a| &a.kind) else { return };
                let Some(g) = self.local_map.get(*g).copied().flatten() else { return };
                let inner = gc_arg(args[0].ty.peel_refs());
                let rt = self.lw.rc_type(&inner);
                self.emit(I::LocalGet(g));
                self.emit(I::RefIsNull);
                self.emit(I::I32Eqz);
                self.open(2, BlockType::Empty);
                self.emit(I::LocalGet(g));
                if op == "gc.rc.release_mut" {
                    self.emit(I::I32Const(0));
                } else {
                    self.emit(I::LocalGet(g));
                    self.emit(I::StructGet { struct_type_index: rt, field_index: 1 });
                    self.emit(I::I32Const(1));
                    self.emit(I::I32Sub);
                }
                self.emit(I::StructSet { struct_type_index: rt, field_index: 1 });
                self.emit(I::RefNull(HeapType::Concrete(rt)));
                self.emit(I::LocalSet(g));
                self.end();
            }
            "gc.clone" => self.expr_noncopy(&args[0]),
            "gc.ptr_eq" => {
                let external = matches!(args[0].ty.peel_refs(), Ty::Gc(GcKind::Extern, _));
                for a in &args[..2] {
                    self.expr_noncopy(a);
                    if external {
                        // Host references compare by identity as `eqref`s (i31 and GC objects).
                        self.emit(I::AnyConvertExtern);
                        self.emit(I::RefCastNullable(RefType::EQREF.heap_type));
                    }
                }
                self.emit(I::RefEq);
            }
            "gc.rc.set" => {
                let target = deref_of(&args[0]);
                let p = self.place(&target);
                self.store_expr(&p, &args[1]);
            }
            "gc.rc.replace" => {
                let target = deref_of(&args[0]);
                let p = self.place(&target);
                self.load(&p);
                self.copy_if_needed(&target.ty);
                if matches!(p, super::place::Place::Whole(..)) && !self.lw.needs_copy(&target.ty) {
                    // the store copies into this very object: keep the old contents in a new one
                    let f = super::rc_drops_glue::shallow_copy_fn(self.lw, &target.ty);
                    self.emit(I::Call(f));
                }
                let old = self.stash(&target.ty);
                self.store_expr(&p, &args[1]);
                if let Some(old) = old {
                    self.emit(I::LocalGet(old));
                }
            }
            "gc.array.new" => {
                let elem = args[1].ty.clone();
                let at = self.lw.array_type(&elem);
                if self.lw.shared_by_ref(&elem) {
                    self.expr(&args[1]);
                    self.expr(&args[0]);
                    self.emit(I::ArrayNew(at));
                } else {
                    // Each element is its own clone of `value`, as natively.
                    self.expr(&args[0]);
                    self.emit(I::ArrayNewDefault(at));
                    let arr = self.new_local(ref_ty(at));
                    self.emit(I::LocalSet(arr));
                    self.expr(&args[1]);
                    let v = self.stash(&elem).unwrap_or(0);
                    self.fill_with_clones(arr, at, v, &elem);
                    self.emit(I::LocalGet(arr));
                }
            }
            "gc.array.from" => {
                let src_ty = args[0].ty.clone();
                let elem = gc_arg(&e.ty);
                let by_ref = matches!(src_ty, Ty::Ref(..));
                self.expr_noncopy(&args[0]);
                let b = self.stash(&src_ty).unwrap_or(0);
                let (sarr, start, len) = self.seq_of(b, &src_ty, &elem);
                let at = self.lw.array_type(&elem);
                let out = self.new_local(ref_ty(at));
                self.emit(I::LocalGet(len));
                self.emit(I::ArrayNewDefault(at));
                self.emit(I::LocalSet(out));
                self.copy_elems(out, sarr, start, len, at, &elem, by_ref);
                self.emit(I::LocalGet(out));
            }
            "gc.array.len" => {
                self.expr_noncopy(&args[0]);
                self.emit(I::ArrayLen);
            }
            "gc.array.is_empty" => {
                self.expr_noncopy(&args[0]);
                self.emit(I::ArrayLen);
                self.emit(I::I32Eqz);
            }
            "gc.array.get" | "gc.array.set" => {
                let elem = gc_arg(args[0].ty.peel_refs());
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(&args[0]);
                let arr = self.new_local(ref_ty(at));
                self.emit(I::LocalSet(arr));
                self.expr(&args[1]);
                let i = self.new_local(ValType::I32);
                self.emit(I::LocalSet(i));
                self.bounds_check(arr, i, e);
                self.emit(I::LocalGet(arr));
                self.emit(I::LocalGet(i));
                if op == "gc.array.get" {
                    self.array_get(at, &elem);
                    self.clone_out(&elem);
                } else {
                    self.expr(&args[2]);
                    self.emit(I::ArraySet(at));
                }
            }
            "gc.array.try_get" => {
                let elem = gc_arg(args[0].ty.peel_refs());
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(&args[0]);
                let arr = self.new_local(ref_ty(at));
                self.emit(I::LocalSet(arr));
                self.expr(&args[1]);
                let i = self.new_local(ValType::I32);
                self.emit(I::LocalSet(i));
                let l = self.lw.layout(&e.ty);
                let has_value = l.fields.get(1).and_then(|f| f.first().copied().flatten()).is_some();
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(arr));
                self.emit(I::ArrayLen);
                self.emit(I::I32LtU);
                self.open(2, BlockType::Result(ref_ty(l.ty)));
                self.emit(I::I32Const(1));
                if has_value {
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    self.array_get(at, &elem);
                    self.clone_out(&elem);
                }
                self.emit(I::StructNew(l.ty));
                self.emit(I::Else);
                self.emit(I::I32Const(0));
                if let (true, Some(v)) = (has_value, self.lw.repr(&elem)) {
                    self.zero_of(v);
                }
                self.emit(I::StructNew(l.ty));
                self.end();
            }
            "gc.array.fill" => {
                let elem = args[1].ty.clone();
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(&args[0]);
                let arr = self.new_local(ref_ty(at));
                self.emit(I::LocalSet(arr));
                self.expr(&args[1]);
                let v = self.stash(&elem).unwrap_or(0);
                self.fill_with_clones(arr, at, v, &elem);
            }
            "gc.array.copy_from_slice" => {
                let elem = gc_arg(args[0].ty.peel_refs());
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(&args[0]);
                let arr = self.new_local(ref_ty(at));
                self.emit(I::LocalSet(arr));
                self.expr_noncopy(&args[1]);
                let src_ty = args[1].ty.clone();
                let b = self.stash(&src_ty).unwrap_or(0);
                let (sarr, start, len) = self.seq_of(b, &src_ty, &elem);
                // copy_from_slice: source slice length (S) does not match destination slice length (D)
                self.emit(I::LocalGet(len));
                self.emit(I::LocalGet(arr));
                self.emit(I::ArrayLen);
                self.emit(I::I32Ne);
                self.open(2, BlockType::Empty);
                let msg = self.new_string();
                self.push_lit(msg, "copy_from_slice: source slice length (");
                self.push_usize(msg, len);
                self.push_lit(msg, ") does not match destination slice length (");
                self.emit(I::LocalGet(arr));
                self.emit(I::ArrayLen);
                let dl = self.new_local(ValType::I32);
                self.emit(I::LocalSet(dl));
                self.push_usize(msg, dl);
                self.push_lit(msg, ")");
                self.emit(I::LocalGet(msg));
                self.panic_string_on_stack(&e.span);
                self.end();
                self.copy_elems(arr, sarr, start, len, at, &elem, false);
            }
            "gc.array.to_vec" => {
                let elem = gc_arg(args[0].ty.peel_refs());
                let at = self.lw.array_type(&elem);
                let vt = self.lw.vec_type(&elem);
                self.expr_noncopy(&args[0]);
                let src = self.new_local(ref_ty(at));
                self.emit(I::LocalSet(src));
                let len = self.new_local(ValType::I32);
                self.emit(I::LocalGet(src));
                self.emit(I::ArrayLen);
                self.emit(I::LocalSet(len));
                let out = self.new_local(ref_ty(at));
                self.emit(I::LocalGet(len));
                self.emit(I::ArrayNewDefault(at));
                self.emit(I::LocalSet(out));
                let zero = self.new_local(ValType::I32);
                self.copy_elems(out, src, zero, len, at, &elem, true);
                self.emit(I::LocalGet(out));
                self.emit(I::LocalGet(len));
                self.emit(I::StructNew(vt));
            }
            "gc.extern.new" => {
                // A host-opaque reference to the value (boxed in a cell if it is a number).
                let t = args[0].ty.clone();
                self.expr(&args[0]);
                match self.lw.repr(&t) {
                    Some(ValType::Ref(_)) => {}
                    Some(_) => {
                        let c = self.lw.cell_type(&t);
                        self.emit(I::StructNew(c));
                    }
                    None => {
                        self.emit(I::I32Const(0));
                        self.emit(I::RefI31);
                    }
                }
                self.emit(I::ExternConvertAny);
            }
            "gc.extern.is" | "gc.extern.downcast_ref" => self.extern_downcast(op == "gc.extern.is", &args[0], &args[1].ty, e),
            "gc.string.new" => {
                let at = self.lw.array_type(&Ty::Int(IntTy::U8));
                self.emit(I::ArrayNewFixed { array_type_index: at, array_size: 0 });
            }
            "gc.string.from" => {
                // A fresh (array i8) with the bytes of the &str.
                self.expr_noncopy(&args[0]);
                self.str_to_bytes();
            }
            "gc.string.as_str" => {
                let u8t = Ty::Int(IntTy::U8);
                let (at, st) = (self.lw.array_type(&u8t), self.lw.slice_type(&u8t));
                self.expr_noncopy(&args[0]);
                let a = self.new_local(ref_ty(at));
                self.emit(I::LocalTee(a));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(a));
                self.emit(I::ArrayLen);
                self.emit(I::StructNew(st));
            }
            "gc.string.concat" => {
                let u8t = Ty::Int(IntTy::U8);
                let (at, st) = (self.lw.array_type(&u8t), self.lw.slice_type(&u8t));
                self.expr_noncopy(&args[0]);
                let a = self.new_local(ref_ty(at));
                self.emit(I::LocalSet(a));
                self.expr_noncopy(&args[1]);
                let s = self.new_local(ref_ty(st));
                self.emit(I::LocalSet(s));
                let out = self.new_local(ref_ty(at));
                self.emit(I::LocalGet(a));
                self.emit(I::ArrayLen);
                self.emit(I::LocalGet(s));
                self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                self.emit(I::I32Add);
                self.emit(I::ArrayNewDefault(at));
                self.emit(I::LocalTee(out));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(a));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(a));
                self.emit(I::ArrayLen);
                self.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
                self.emit(I::LocalGet(out));
                self.emit(I::LocalGet(a));
                self.emit(I::ArrayLen);
                self.emit(I::LocalGet(s));
                self.emit(I::StructGet { struct_type_index: st, field_index: 0 });
                self.emit(I::LocalGet(s));
                self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
                self.emit(I::LocalGet(s));
                self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                self.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
                self.emit(I::LocalGet(out));
            }
            _ => self.lw.error(
                crate::diagnostics::codes::UNKNOWN_METHOD,
                &e.span,
                format!("`{op}` is not supported by the wasm lowering yet"),
                None,
            ),
        }
    }

    /// The value a GC value is formatted as: `GcBox<T>` as its `T` (Display and Debug), `GcString` as its
    /// `str`, `GcArray<T>` as a `[T]` slice (Debug). `None`: formatted by `gc_debug_body` (`GcRc`).
    pub fn gc_fmt_view(&mut self, v: u32, kind: GcKind, inner: &Ty, debug: bool) -> Option<(u32, Ty)> {
        match kind {
            GcKind::Box => {
                if self.lw.is_number_like(inner) {
                    let c = self.lw.cell_type(inner);
                    let rv = self.lw.repr(inner)?;
                    let l = self.new_local(rv);
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: c, field_index: 0 });
                    self.emit(I::LocalSet(l));
                    Some((l, inner.clone()))
                } else {
                    Some((v, inner.clone()))
                }
            }
            GcKind::String => {
                let u8t = Ty::Int(IntTy::U8);
                let st = self.lw.slice_type(&u8t);
                let l = self.new_local(ref_ty(st));
                self.emit(I::LocalGet(v));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(v));
                self.emit(I::ArrayLen);
                self.emit(I::StructNew(st));
                self.emit(I::LocalSet(l));
                Some((l, Ty::Str))
            }
            GcKind::Array if debug => {
                let st = self.lw.slice_type(inner);
                let l = self.new_local(ref_ty(st));
                self.emit(I::LocalGet(v));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(v));
                self.emit(I::ArrayLen);
                self.emit(I::StructNew(st));
                self.emit(I::LocalSet(l));
                Some((l, Ty::Slice(Box::new(inner.clone()))))
            }
            _ => None,
        }
    }

    /// Body of the generated `{:?}` function of a GC type: params (out String, value, fill, align, width,
    /// flags, precision). `GcRc` prints `GcRc { value: .. }` like the native facade.
    pub fn gc_debug_body(&mut self, kind: GcKind, inner: &Ty) {
        let push_spec = |fl: &mut FnLower| {
            for p in 2..7 {
                fl.emit(I::LocalGet(p));
            }
        };
        if kind == GcKind::Rc {
            // `GcRc { value: .. }`, or `GcRc { value: <borrowed> }` while mutably borrowed (as RefCell).
            let rt = self.lw.rc_type(inner);
            let bv = self.lw.gc_repr(GcKind::Box, inner).unwrap_or(ValType::I32);
            let value = self.new_local(bv);
            self.emit(I::LocalGet(1));
            self.emit(I::StructGet { struct_type_index: rt, field_index: 0 });
            self.emit(I::LocalSet(value));
            self.emit(I::LocalGet(1));
            self.emit(I::StructGet { struct_type_index: rt, field_index: 1 });
            self.emit(I::I32Const(0));
            self.emit(I::I32LtS);
            self.open(2, BlockType::Empty);
            self.push_lit(0, "GcRc { value: <borrowed> }");
            self.emit(I::Else);
            let (v, t) = self.gc_fmt_view(value, GcKind::Box, inner, true).unwrap_or((value, inner.clone()));
            self.push_lit(0, "GcRc { value: ");
            self.fmt_debug_spec(0, v, &t, &mut |fl: &mut FnLower| push_spec(fl));
            self.push_lit(0, " }");
            self.end();
            return;
        }
        if kind == GcKind::Extern {
            self.push_lit(0, "ExternRef(..)");
            return;
        }
        if matches!(kind, GcKind::BorrowError | GcKind::BorrowMutError) {
            self.push_lit(0, kind.name());
            return;
        }
        if let Some((v, t)) = self.gc_fmt_view(1, kind, inner, true) {
            self.fmt_debug_spec(0, v, &t, &mut |fl: &mut FnLower| push_spec(fl));
        }
    }

    /// `ExternRef::is::<T>()` (a bool) or `downcast_ref::<T>()` (an `Option<&T>`): a `ref.test` against the
    /// WasmGC type `T` is stored as. Types with the same representation are not told apart.
    fn extern_downcast(&mut self, is: bool, ext: &TExpr, target: &Ty, e: &TExpr) {
        let scalar = self.lw.is_number_like(target);
        let heap = match self.lw.repr(target) {
            Some(ValType::Ref(r)) => r.heap_type,
            Some(_) if scalar => HeapType::Concrete(self.lw.cell_type(target)),
            _ => HeapType::I31,
        };
        let exact = RefType { nullable: false, heap_type: heap };
        self.expr_noncopy(ext);
        self.emit(I::AnyConvertExtern);
        let any = self.new_local(ValType::Ref(RefType::ANYREF));
        self.emit(I::LocalTee(any));
        self.emit(I::RefTestNonNull(heap));
        if is {
            return;
        }
        let _ = exact;
        // Option<&T>: {tag, some}.
        let opt = e.ty.clone();
        let l = self.lw.layout(&opt);
        let some_field = l.fields.get(1).and_then(|f| f.first().copied().flatten());
        let vrepr = self.lw.repr(&Ty::Ref(false, Box::new(target.clone())));
        let result = ref_ty(l.ty);
        self.open(2, BlockType::Result(result));
        self.emit(I::I32Const(1));
        if some_field.is_some() {
            self.emit(I::LocalGet(any));
            self.emit(I::RefCastNonNull(heap));
            if scalar {
                if let HeapType::Concrete(c) = heap {
                    self.emit(I::StructGet { struct_type_index: c, field_index: 0 });
                }
            }
        }
        self.emit(I::StructNew(l.ty));
        self.emit(I::Else);
        self.emit(I::I32Const(0));
        if let (Some(_), Some(v)) = (some_field, vrepr) {
            self.zero_of(v);
        }
        self.emit(I::StructNew(l.ty));
        self.end();
    }

    fn zero_of(&mut self, v: ValType) {
        match v {
            ValType::I32 => self.emit(I::I32Const(0)),
            ValType::I64 => self.emit(I::I64Const(0)),
            ValType::F32 => self.emit(I::F32Const(0.0f32.into())),
            ValType::F64 => self.emit(I::F64Const(0.0f64.into())),
            ValType::Ref(r) => self.emit(I::RefNull(r.heap_type)),
            _ => self.emit(I::I32Const(0)),
        }
    }

    /// Body of the generated `==` of a GC type (params: the two values; result: i32): by contents, as the
    /// facade's `PartialEq` (`GcString` bytes, `GcBox`/`GcRc` values, `GcArray` elements); `ExternRef` by identity.
    pub fn gc_eq_body(&mut self, kind: GcKind, inner: &Ty) {
        match kind {
            GcKind::Box | GcKind::Rc => {
                let (mut p0, mut p1) = (0, 1);
                if kind == GcKind::Rc {
                    // Compare the values inside the cells.
                    let rt = self.lw.rc_type(inner);
                    let bv = self.lw.gc_repr(GcKind::Box, inner).unwrap_or(ValType::I32);
                    for p in [&mut p0, &mut p1] {
                        let l = self.new_local(bv);
                        self.emit(I::LocalGet(*p));
                        self.emit(I::StructGet { struct_type_index: rt, field_index: 0 });
                        self.emit(I::LocalSet(l));
                        *p = l;
                    }
                }
                let (a, t) = self.gc_fmt_view(p0, GcKind::Box, inner, true).unwrap_or((p0, inner.clone()));
                let (b, _) = self.gc_fmt_view(p1, GcKind::Box, inner, true).unwrap_or((p1, inner.clone()));
                if self.lw.repr(&t).is_none() {
                    self.emit(I::I32Const(1));
                    return;
                }
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(b));
                helpers::eq_value(self, &t);
            }
            GcKind::String | GcKind::Array => {
                let (a, t) = self.gc_fmt_view(0, kind, inner, true).unwrap_or((0, Ty::Str));
                let (b, _) = self.gc_fmt_view(1, kind, inner, true).unwrap_or((1, Ty::Str));
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(b));
                if kind == GcKind::String {
                    self.call_prelude("str_eq");
                } else {
                    let f = helpers::eq_fn(self.lw, &t);
                    self.emit(I::Call(f));
                }
            }
            GcKind::BorrowError | GcKind::BorrowMutError => self.emit(I::I32Const(1)),
            GcKind::Extern => {
                for p in 0..2 {
                    self.emit(I::LocalGet(p));
                    self.emit(I::AnyConvertExtern);
                    self.emit(I::RefCastNullable(RefType::EQREF.heap_type));
                }
                self.emit(I::RefEq);
            }
        }
    }

    /// Panics like `RefCell` if the `GcRc` in local `w` cannot be borrowed (mutably if `mutable`) now.
    fn rc_check(&mut self, w: u32, rt: u32, mutable: bool, e: &TExpr) {
        self.emit(I::LocalGet(w));
        self.emit(I::StructGet { struct_type_index: rt, field_index: 1 });
        if mutable {
            self.emit(I::I32Const(0));
            self.emit(I::I32Ne);
        } else {
            self.emit(I::I32Const(0));
            self.emit(I::I32LtS);
        }
        self.open(2, BlockType::Empty);
        self.panic_const(&e.span, if mutable { "RefCell already borrowed" } else { "RefCell already mutably borrowed" });
        self.end();
    }

    /// `&str` on the stack → a fresh `(array i8)` holding its bytes.
    fn str_to_bytes(&mut self) {
        let u8t = Ty::Int(IntTy::U8);
        let (at, st) = (self.lw.array_type(&u8t), self.lw.slice_type(&u8t));
        let s = self.new_local(ref_ty(st));
        self.emit(I::LocalSet(s));
        let out = self.new_local(ref_ty(at));
        self.emit(I::LocalGet(s));
        self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
        self.emit(I::ArrayNewDefault(at));
        self.emit(I::LocalTee(out));
        self.emit(I::I32Const(0));
        self.emit(I::LocalGet(s));
        self.emit(I::StructGet { struct_type_index: st, field_index: 0 });
        self.emit(I::LocalGet(s));
        self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
        self.emit(I::LocalGet(s));
        self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
        self.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
        self.emit(I::LocalGet(out));
    }

    /// The (array, start, len) locals of a stashed Vec/array/slice value `b` of type `t`.
    fn seq_of(&mut self, b: u32, t: &Ty, elem: &Ty) -> (u32, u32, u32) {
        let at = self.lw.array_type(elem);
        let arr = self.new_local(ref_ty(at));
        let len = self.new_local(ValType::I32);
        let start = self.new_local(ValType::I32);
        let peeled = t.peel_refs().clone();
        if let Some(st) = self.slice_struct_of(&peeled) {
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 0 });
            self.emit(I::LocalSet(arr));
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            self.emit(I::LocalSet(start));
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
            self.emit(I::LocalSet(len));
        } else {
            self.seq_parts(b, &peeled, arr, None, len);
        }
        (arr, start, len)
    }

    /// `dst[..len] = src[sstart..sstart+len]`, cloning elements when `clone` and they are not shared
    /// by reference (a `Vec<T>` element copied out of a borrowed slice is its own value natively).
    #[allow(clippy::too_many_arguments)]
    fn copy_elems(&mut self, dst: u32, src: u32, sstart: u32, len: u32, at: u32, elem: &Ty, clone: bool) {
        let deep = clone && !self.lw.shared_by_ref(elem) || self.lw.needs_copy(elem);
        if !deep {
            self.emit(I::LocalGet(dst));
            self.emit(I::I32Const(0));
            self.emit(I::LocalGet(src));
            self.emit(I::LocalGet(sstart));
            self.emit(I::LocalGet(len));
            self.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
            return;
        }
        let i = self.new_local(ValType::I32);
        self.emit(I::I32Const(0));
        self.emit(I::LocalSet(i));
        let brk = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(len));
        self.emit(I::I32GeU);
        self.br_if(brk);
        self.emit(I::LocalGet(dst));
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(src));
        self.emit(I::LocalGet(sstart));
        self.emit(I::LocalGet(i));
        self.emit(I::I32Add);
        self.array_get(at, elem);
        self.clone_out(elem);
        self.emit(I::ArraySet(at));
        self.emit(I::LocalGet(i));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalSet(i));
        self.br(lp);
        self.end();
        self.end();
    }

    /// Stores a clone of local `v` in every element of `arr` (shared references are stored as they are).
    fn fill_with_clones(&mut self, arr: u32, at: u32, v: u32, elem: &Ty) {
        if self.lw.shared_by_ref(elem) {
            self.emit(I::LocalGet(arr));
            self.emit(I::I32Const(0));
            self.emit(I::LocalGet(v));
            self.emit(I::LocalGet(arr));
            self.emit(I::ArrayLen);
            self.emit(I::ArrayFill(at));
            return;
        }
        let i = self.new_local(ValType::I32);
        self.emit(I::I32Const(0));
        self.emit(I::LocalSet(i));
        let brk = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(arr));
        self.emit(I::ArrayLen);
        self.emit(I::I32GeU);
        self.br_if(brk);
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(v));
        self.clone_out(elem);
        self.emit(I::ArraySet(at));
        self.emit(I::LocalGet(i));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalSet(i));
        self.br(lp);
        self.end();
        self.end();
    }

    /// The value on the stack becomes an independent clone unless values of `t` are shared by reference.
    fn clone_out(&mut self, t: &Ty) {
        if !self.lw.shared_by_ref(t) {
            let f = helpers::clone_fn(self.lw, t);
            self.emit(I::Call(f));
        }
    }

    /// Panics with rustc's `index out of bounds` message (at the call site) unless `i < arr.len`.
    fn bounds_check(&mut self, arr: u32, i: u32, e: &TExpr) {
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(arr));
        self.emit(I::ArrayLen);
        self.emit(I::I32GeU);
        self.open(2, BlockType::Empty);
        let loc = self.loc_string(&e.span);
        self.str_lit(&loc);
        self.emit(I::LocalGet(arr));
        self.emit(I::ArrayLen);
        self.emit(I::LocalGet(i));
        let f = self.lw.prelude_fn("panic_bounds");
        self.emit(I::Call(f));
        self.emit(I::Unreachable);
        self.end();
    }

    fn push_lit(&mut self, s: u32, text: &str) {
        self.emit(I::LocalGet(s));
        self.str_lit(text);
        self.call_prelude("string_push_str");
    }

    fn push_usize(&mut self, s: u32, v: u32) {
        self.emit(I::LocalGet(s));
        self.emit(I::LocalGet(v));
        self.call_prelude("push_usize");
    }
}

/// `T` of `GcBox<T>`/`GcRc<T>`/`GcArray<T>` (through references).
fn gc_arg(t: &Ty) -> Ty {
    match t.peel_refs() {
        Ty::Gc(_, a) => (**a).clone(),
        _ => Ty::Unit,
    }
}

/// `*rc` as a place expression: the value inside a `GcRc`/`GcBox` (through references).
fn deref_of(rc: &TExpr) -> TExpr {
    let mut base = rc.clone();
    while let Ty::Ref(_, t) = base.ty.clone() {
        let s = base.span.clone();
        base = TExpr { kind: ExprKind::Deref(Box::new(base)), ty: *t, span: s };
    }
    let inner = gc_arg(&base.ty);
    let s = base.span.clone();
    // `set`/`replace` borrow the cell mutably for the operation.
    let value = TExpr { kind: ExprKind::Std("gc.rc.check_mut", vec![base]), ty: Ty::Gc(GcKind::Box, Box::new(inner.clone())), span: s.clone() };
    TExpr { kind: ExprKind::Std("box.deref", vec![value]), ty: inner, span: s }
}
