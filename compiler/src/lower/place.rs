//! Places (lvalues): locals, cells, struct fields, array elements and whole objects behind references.

use super::func::FnLower;
use super::reprs::ref_ty;
use crate::diagnostics::codes;
use crate::tir::{ExprKind, TExpr};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I};

#[derive(Clone, Debug)]
pub enum Place {
    /// Zero-sized: loads and stores do nothing.
    None,
    Local(u32),
    /// A heap cell `{val}` referenced by a local.
    Cell(u32, u32),
    Field { obj: u32, ty: u32, field: u32 },
    Elem { arr: u32, idx: u32, arr_ty: u32, elem: Ty },
    /// An aggregate object reached through a reference: stores copy into it.
    Whole(u32, Ty),
}

impl FnLower<'_, '_> {
    /// Evaluates an expression without copying Copy aggregates (for borrows and projections).
    pub fn expr_noncopy(&mut self, e: &TExpr) {
        match &e.kind {
            // `TABLE[i]` of a constant table: read from its cached array (`str_consts.rs`).
            ExprKind::Index(base, idx) if self.lw.repr(&e.ty).is_some() && super::str_consts::const_table_key(base).is_some() => {
                let key = super::str_consts::const_table_key(base).unwrap_or_default();
                self.const_table_index(key, base, idx, e);
            }
            ExprKind::Local(_) | ExprKind::Field(..) | ExprKind::Index(..) => {
                if self.lw.repr(&e.ty).is_none() {
                    return;
                }
                let p = self.place(e);
                self.load(&p);
            }
            ExprKind::Deref(inner) if !self.lw.is_scalar(&e.ty) => self.expr_noncopy(inner),
            ExprKind::Deref(inner) if matches!(inner.ty, Ty::Ref(false, _)) => self.expr_noncopy(inner),
            ExprKind::Deref(_) => {
                let p = self.place(e);
                self.load(&p);
            }
            ExprKind::Std("box.deref", args) if !self.lw.is_scalar(&e.ty) => self.expr_noncopy(&args[0]),
            _ => self.expr(e),
        }
    }

    pub fn place(&mut self, e: &TExpr) -> Place {
        if self.lw.repr(&e.ty).is_none() {
            match &e.kind {
                ExprKind::Local(_) => return Place::None,
                _ => {
                    self.expr(e);
                    return Place::None;
                }
            }
        }
        match &e.kind {
            ExprKind::Local(l) => {
                if let Some(p) = self.aliases.get(l) {
                    if matches!(&e.ty, Ty::Ref(true, _)) {
                        // The binding names an element/field place, not a cell: it can only be dereferenced.
                        self.lw.error(codes::UNSUPPORTED_BORROW, &e.span, "this `&mut` binding to an element or field can only be used through `*`", Some("copy the value out with `*x`, or index the collection directly"));
                        return Place::None;
                    }
                    return p.clone();
                }
                let idx = match self.local_map.get(*l).copied().flatten() {
                    Some(i) => i,
                    None => self.bind_new_local(*l).unwrap_or(0),
                };
                let body = self.body.unwrap();
                let t = body.locals[*l].ty.clone();
                if body.locals[*l].boxed && self.lw.is_scalar(&t) {
                    let c = self.lw.cell_type(&t);
                    return Place::Cell(idx, c);
                }
                Place::Local(idx)
            }
            ExprKind::Field(base, i) => {
                self.expr_noncopy(base);
                let l = self.lw.layout(&base.ty);
                let obj = self.stash(&base.ty).unwrap_or(0);
                let field = l.fields.first().and_then(|f| f.get(*i).copied().flatten()).unwrap_or(0);
                Place::Field { obj, ty: l.ty, field }
            }
            ExprKind::Index(base, idx) => {
                let (arr, abs, arr_ty) = self.bounds_checked_index(base, idx, &e.span);
                Place::Elem { arr, idx: abs, arr_ty, elem: e.ty.clone() }
            }
            ExprKind::Deref(r) => self.deref_place(r, &e.ty),
            ExprKind::Std("box.deref", args) => self.deref_place(&args[0], &e.ty),
            _ => {
                self.expr(e);
                match self.stash(&e.ty) {
                    Some(l) => Place::Local(l),
                    None => Place::None,
                }
            }
        }
    }

    fn deref_place(&mut self, r: &TExpr, target: &Ty) -> Place {
        if let Some(p) = self.option_slot_place(r, target) {
            return p;
        }
        if let ExprKind::Local(l) = r.kind {
            if let Some(p) = self.aliases.get(&l) {
                return p.clone();
            }
        }
        if self.is_elem_ref_expr(r) {
            return self.elem_ref_place(r);
        }
        let scalar = self.lw.is_scalar(target);
        // The GC facade types box only numbers in a cell (`gc_repr`), `&mut`/`Box` any scalar.
        let through_cell = match &r.ty {
            Ty::Ref(m, _) => *m && scalar,
            Ty::Boxed(_) => scalar,
            Ty::Gc(crate::gc_types::GcKind::Box | crate::gc_types::GcKind::Rc, _) => self.lw.is_number_like(target),
            _ => false,
        };
        self.expr_noncopy(r);
        if through_cell {
            let c = self.lw.cell_type(target);
            let l = self.new_local(ref_ty(c));
            self.emit(I::LocalSet(l));
            return Place::Cell(l, c);
        }
        let v = self.lw.repr(target).unwrap();
        let l = self.new_local(v);
        self.emit(I::LocalSet(l));
        if scalar {
            Place::Local(l)
        } else {
            Place::Whole(l, target.clone())
        }
    }

    /// Evaluates `base[idx]` operands with a bounds check; returns (array local, absolute index local, array type).
    pub fn bounds_checked_index(&mut self, base: &TExpr, idx: &TExpr, span: &crate::diagnostics::Span) -> (u32, u32, u32) {
        let elem = match &base.ty {
            Ty::Vec(t) | Ty::Array(t, _) | Ty::Slice(t) => (**t).clone(),
            Ty::String | Ty::Str => Ty::Int(IntTy::U8),
            _ => Ty::Unit,
        };
        let arr_ty = self.lw.array_type(&elem);
        self.expr_noncopy(base);
        let b = self.stash(&base.ty).unwrap_or(0);
        self.expr(idx);
        let i = self.new_local(wasm_encoder::ValType::I32);
        self.emit(I::LocalSet(i));
        let arr = self.new_local(ref_ty(arr_ty));
        let len = self.new_local(wasm_encoder::ValType::I32);
        self.seq_parts(b, &base.ty, arr, None, len);
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(len));
        self.emit(I::I32GeU);
        self.open(2, BlockType::Empty);
        let loc = self.loc_string(span);
        self.str_lit(&loc);
        self.emit(I::LocalGet(len));
        self.emit(I::LocalGet(i));
        // Report the index relative to the slice.
        let f = self.lw.prelude_fn("panic_bounds");
        self.emit(I::Call(f));
        self.emit(I::Unreachable);
        self.end();
        if let Some(st) = self.slice_struct_of(&base.ty) {
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            self.emit(I::LocalGet(i));
            self.emit(I::I32Add);
            self.emit(I::LocalSet(i));
        }
        (arr, i, arr_ty)
    }

    /// Splits a Vec/array/slice/String/str value (in local `b`) into its backing array and length; when
    /// `idx` is given, adds the slice start to it after the bounds check is prepared (absolute index).
    pub fn seq_parts(&mut self, b: u32, t: &Ty, arr: u32, idx: Option<u32>, len: u32) {
        match t {
            Ty::Vec(e) => {
                let vt = self.lw.vec_type(e);
                self.emit(I::LocalGet(b));
                self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                self.emit(I::LocalSet(arr));
                self.emit(I::LocalGet(b));
                self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                self.emit(I::LocalSet(len));
            }
            Ty::String => {
                let vt = self.lw.vec_type(&Ty::Int(IntTy::U8));
                self.emit(I::LocalGet(b));
                self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                self.emit(I::LocalSet(arr));
                self.emit(I::LocalGet(b));
                self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                self.emit(I::LocalSet(len));
            }
            Ty::Array(..) => {
                self.emit(I::LocalGet(b));
                self.emit(I::LocalSet(arr));
                self.emit(I::LocalGet(b));
                self.emit(I::ArrayLen);
                self.emit(I::LocalSet(len));
            }
            Ty::Slice(e) | Ty::Ref(_, e) if matches!(**e, Ty::Slice(_) | Ty::Str) || matches!(t, Ty::Slice(_)) => {
                let elem = match t {
                    Ty::Slice(e) => (**e).clone(),
                    Ty::Ref(_, inner) => match &**inner {
                        Ty::Slice(x) => (**x).clone(),
                        _ => Ty::Int(IntTy::U8),
                    },
                    _ => Ty::Int(IntTy::U8),
                };
                let _ = e;
                self.slice_parts(b, &elem, arr, idx, len);
            }
            Ty::Str => self.slice_parts(b, &Ty::Int(IntTy::U8), arr, idx, len),
            Ty::Ref(_, inner) => {
                let inner = (**inner).clone();
                self.seq_parts(b, &inner, arr, idx, len);
            }
            _ => {}
        }
    }

    fn slice_parts(&mut self, b: u32, elem: &Ty, arr: u32, idx: Option<u32>, len: u32) {
        let st = self.lw.slice_type(elem);
        self.emit(I::LocalGet(b));
        self.emit(I::StructGet { struct_type_index: st, field_index: 0 });
        self.emit(I::LocalSet(arr));
        self.emit(I::LocalGet(b));
        self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
        self.emit(I::LocalSet(len));
        if let Some(i) = idx {
            // The bounds check compares the relative index; make it absolute afterwards by folding the
            // start into `arr` accesses: we rebase by adding start now and the len too.
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            self.emit(I::LocalGet(i));
            self.emit(I::I32Add);
            self.emit(I::LocalSet(i));
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            self.emit(I::LocalGet(len));
            self.emit(I::I32Add);
            self.emit(I::LocalSet(len));
        }
    }

    /// The slice struct type when `t` (behind references) is a slice or str.
    pub fn slice_struct_of(&mut self, t: &Ty) -> Option<u32> {
        match t {
            Ty::Slice(e) => Some(self.lw.slice_type(e)),
            Ty::Str => Some(self.lw.slice_type(&Ty::Int(IntTy::U8))),
            Ty::Ref(_, inner) => {
                let inner = (**inner).clone();
                self.slice_struct_of(&inner)
            }
            _ => None,
        }
    }

    pub fn load(&mut self, p: &Place) {
        match p {
            Place::None => {}
            Place::Local(l) => self.emit(I::LocalGet(*l)),
            Place::Cell(l, c) => {
                self.emit(I::LocalGet(*l));
                self.emit(I::StructGet { struct_type_index: *c, field_index: 0 });
            }
            Place::Field { obj, ty, field } => {
                self.emit(I::LocalGet(*obj));
                self.emit(I::StructGet { struct_type_index: *ty, field_index: *field });
            }
            Place::Elem { arr, idx, arr_ty, elem } => {
                self.emit(I::LocalGet(*arr));
                self.emit(I::LocalGet(*idx));
                self.array_get(*arr_ty, elem);
            }
            Place::Whole(l, _) => self.emit(I::LocalGet(*l)),
        }
    }

    pub fn array_get(&mut self, arr_ty: u32, elem: &Ty) {
        match elem {
            Ty::Int(IntTy::I8 | IntTy::I16) => self.emit(I::ArrayGetS(arr_ty)),
            Ty::Int(IntTy::U8 | IntTy::U16) | Ty::Bool => self.emit(I::ArrayGetU(arr_ty)),
            _ => {
                self.emit(I::ArrayGet(arr_ty));
                if self.lw.elem_erased(elem) {
                    if let Some(h) = self.lw.unerase_cast(elem) {
                        self.emit(I::RefCastNullable(h));
                    }
                }
            }
        }
    }

    pub fn store_expr(&mut self, p: &Place, v: &TExpr) {
        self.store_with(p, &mut |fl: &mut FnLower| fl.expr(v));
    }

    pub fn store_with(&mut self, p: &Place, value: &mut dyn FnMut(&mut FnLower)) {
        match p {
            Place::None => value(self),
            Place::Local(l) => {
                value(self);
                self.emit(I::LocalSet(*l));
            }
            Place::Cell(l, c) => {
                self.emit(I::LocalGet(*l));
                value(self);
                self.emit(I::StructSet { struct_type_index: *c, field_index: 0 });
            }
            Place::Field { obj, ty, field } => {
                self.emit(I::LocalGet(*obj));
                value(self);
                self.emit(I::StructSet { struct_type_index: *ty, field_index: *field });
            }
            Place::Elem { arr, idx, arr_ty, .. } => {
                self.emit(I::LocalGet(*arr));
                self.emit(I::LocalGet(*idx));
                value(self);
                self.emit(I::ArraySet(*arr_ty));
            }
            Place::Whole(l, t) => {
                let t = t.clone();
                self.emit(I::LocalGet(*l));
                value(self);
                let f = super::helpers::assign_fn(self.lw, &t);
                self.emit(I::Call(f));
            }
        }
    }

    pub fn addr_of(&mut self, m: bool, inner: &TExpr) {
        if m && self.lw.is_scalar(&inner.ty) {
            match &inner.kind {
                ExprKind::Local(l) => {
                    if self.aliases.contains_key(l) {
                        self.lw.error(codes::UNSUPPORTED_BORROW, &inner.span, "re-borrowing an element or field binding mutably is not supported yet", Some("assign through the binding with `*x = ...` instead"));
                        return;
                    }
                    let p = self.place(inner);
                    match p {
                        Place::Cell(l, _) => self.emit(I::LocalGet(l)),
                        _ => self.lw.error(codes::UNSUPPORTED_BORROW, &inner.span, "cannot borrow this local mutably", None),
                    }
                }
                ExprKind::Deref(r) if matches!(r.ty, Ty::Ref(true, _)) => self.expr(r),
                // `&mut *gc_rc.borrow_mut()` of a number: the GcRc's own cell is the referent.
                ExprKind::Std("box.deref", args) if matches!(args[0].ty.peel_refs(), Ty::Gc(crate::gc_types::GcKind::Rc | crate::gc_types::GcKind::Box, _)) => {
                    self.expr_noncopy(&args[0])
                }
                _ => self.lw.error(
                    codes::UNSUPPORTED_BORROW,
                    &inner.span,
                    "a mutable reference to a scalar field or element is not supported yet",
                    Some("copy the value into a local, mutate it, and store it back"),
                ),
            }
            return;
        }
        self.expr_noncopy(inner);
    }
}
