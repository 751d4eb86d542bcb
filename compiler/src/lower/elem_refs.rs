//! `&mut` to a scalar that lives inside an aggregate (a field, a tuple field, a `Vec`/array/slice element).
//!
//! A `&mut` to a scalar *local* is a heap cell (`Local.boxed`); a scalar inside an aggregate cannot be
//! moved into a cell, so such borrows are resolved statically to the place itself: a `let` binding (or a
//! binding in a tuple pattern, `if let Some(x) = v.last_mut()`, `match`) becomes an alias of the place,
//! `*expr` reads/writes it, and a call argument gets a temporary cell copied back after the call
//! (`func.rs`). A function whose result is such a borrow (`fn f(v: &mut [i32]) -> &mut i32 { &mut v[i] }`,
//! `fn x_mut(&mut self) -> &mut i32 { &mut self.x }`) returns an immutable `{array, index}` pair or the
//! object holding the field, which its callers turn into the place. Forms whose place cannot be named
//! statically (stored in a struct, pushed into a Vec, ...) remain W0115 errors.

use super::func::FnLower;
use super::place::Place;
use super::pattern::Src;
use super::reprs::{ref_ty, StorageKey, TypeKey, ValKey};
use super::Lowerer;
use crate::diagnostics::codes;
use crate::tir::{Arm, ExprKind, PatKind, TExpr};
use crate::tir_walk::{walk_expr, Visitor};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, ValType};

/// Std ops returning `Option<&mut scalar>` into a sequence.
fn is_elem_opt_op(op: &str) -> bool {
    matches!(op, "seq.first_mut" | "seq.last_mut" | "seq.get_mut")
}

/// `first_mut`/`last_mut`/`get_mut` and their iterator spellings (`iter_mut().next()`, `.last()`,
/// `.nth(i)`): the op and its (sequence, index) arguments.
fn elem_opt_op(e: &TExpr) -> Option<(&'static str, Vec<TExpr>)> {
    match &e.kind {
        ExprKind::Std(op, args) if is_elem_opt_op(op) => Some((op, args.clone())),
        ExprKind::Std(op @ ("iter.next" | "iter.last" | "iter.nth"), args) => {
            let base = match &args[0].kind {
                ExprKind::IterSource("seq_mut", b) | ExprKind::Std("seq.iter_mut", b) => b[0].clone(),
                _ => return None,
            };
            Some(match *op {
                "iter.next" => ("seq.first_mut", vec![base]),
                "iter.last" => ("seq.last_mut", vec![base]),
                _ => ("seq.get_mut", vec![base, args[1].clone()]),
            })
        }
        _ => None,
    }
}

fn tail(e: &TExpr) -> &TExpr {
    match &e.kind {
        ExprKind::Block(_, Some(t)) => tail(t),
        _ => e,
    }
}

struct FindReturn(bool);
impl Visitor for FindReturn {
    fn expr(&mut self, e: &mut TExpr) {
        if matches!(e.kind, ExprKind::Return(_)) {
            self.0 = true;
        }
    }
}

/// What a function returning `&mut` to a scalar inside an aggregate returns (see `Lowerer::elem_ret`).
#[derive(Clone, Debug)]
pub enum PlaceRet {
    /// `&mut s[i]`: an `ElemRef` `{array, index}` of elements of this type.
    Elem(Ty),
    /// `&mut obj.field`: the object (of the given struct/tuple type); the field index is static.
    Field(Ty, usize),
}

impl Lowerer<'_> {
    /// When user function `f` returns `&mut` to a scalar element or field (`&mut s[i]` / `&mut o.f` as its
    /// only result expression): what it returns instead of a cell.
    pub fn elem_ret(&mut self, f: usize) -> Option<PlaceRet> {
        let body = self.ck.bodies.get(&f)?;
        let Ty::Ref(true, t) = &body.ret else { return None };
        let t = (**t).clone();
        if !self.is_scalar(&t) {
            return None;
        }
        let body = self.ck.bodies.get(&f)?;
        let ExprKind::AddrOf(true, inner) = &tail(&body.expr).kind else { return None };
        let pr = match &inner.kind {
            ExprKind::Index(..) => PlaceRet::Elem(t),
            ExprKind::Field(base, i) if matches!(base.ty, Ty::Tuple(_)) || matches!(base.ty, Ty::Adt(a, _) if !self.ck.program.adts[a].is_enum) => {
                PlaceRet::Field(base.ty.clone(), *i)
            }
            _ => return None,
        };
        let mut e = body.expr.clone();
        let mut v = FindReturn(false);
        walk_expr(&mut v, &mut e);
        if v.0 {
            return None;
        }
        Some(pr)
    }

    /// The wasm result type of a `PlaceRet` function.
    pub fn place_ret_repr(&mut self, pr: &PlaceRet) -> ValType {
        match pr {
            PlaceRet::Elem(t) => ref_ty(self.elem_ref_type(t)),
            PlaceRet::Field(base, _) => ref_ty(self.layout(base).ty),
        }
    }

    /// `{arr, idx}`: an element of a sequence of `elem` returned as a `&mut` (immutable pair).
    pub fn elem_ref_type(&mut self, elem: &Ty) -> u32 {
        let a = self.array_type(elem);
        let name = format!("ElemRef<{}>", self.ck.ty_name(elem));
        self.intern(TypeKey::Named(name.clone(), vec![(StorageKey::Val(ValKey::Ref(a)), false), (StorageKey::Val(ValKey::I32), false)]), name, vec!["arr".into(), "idx".into()])
    }
}

impl FnLower<'_, '_> {
    /// Whether `e` (of type `&mut scalar`) denotes a field/element place `elem_ref_place` can name.
    pub fn is_elem_ref_expr(&mut self, e: &TExpr) -> bool {
        if self.scalar_place_borrow(e).is_some() {
            return true;
        }
        match &e.kind {
            ExprKind::Std("opt.unwrap" | "opt.expect", args) => self.is_elem_opt(&args[0]),
            ExprKind::Call(f, _) => self.lw.elem_ret(*f).is_some(),
            _ => false,
        }
    }

    /// The place behind `e` when `is_elem_ref_expr(e)`; evaluates the operands (and panics like
    /// `unwrap`/`expect` on a missing element).
    pub fn elem_ref_place(&mut self, e: &TExpr) -> Place {
        if let Some(inner) = self.scalar_place_borrow(e) {
            return self.place(inner);
        }
        match &e.kind {
            ExprKind::Std(op @ ("opt.unwrap" | "opt.expect"), args) => {
                let Some((sop, sargs)) = elem_opt_op(&args[0]) else { return Place::None };
                let (present, place) = self.elem_opt_place(sop, &sargs);
                self.emit(I::LocalGet(present));
                self.emit(I::I32Eqz);
                self.open(2, BlockType::Empty);
                if *op == "opt.unwrap" {
                    self.panic_const(&e.span, "called `Option::unwrap()` on a `None` value");
                } else {
                    self.expr_noncopy(&args[1]);
                    if matches!(args[1].ty.peel_refs(), Ty::String) {
                        self.call_prelude("string_as_str");
                    }
                    self.call_prelude("str_to_string");
                    self.panic_string_on_stack(&e.span);
                }
                self.end();
                place
            }
            ExprKind::Call(f, _) => {
                let Some(pr) = self.lw.elem_ret(*f) else { return Place::None };
                let saved = self.elem_call_ok;
                self.elem_call_ok = true;
                self.expr(e);
                self.elem_call_ok = saved;
                let elem = match pr {
                    PlaceRet::Elem(t) => t,
                    PlaceRet::Field(base, i) => {
                        let l = self.lw.layout(&base);
                        let obj = self.new_local(ref_ty(l.ty));
                        self.emit(I::LocalSet(obj));
                        let field = l.fields.first().and_then(|f| f.get(i).copied().flatten()).unwrap_or(0);
                        return Place::Field { obj, ty: l.ty, field };
                    }
                };
                let rt = self.lw.elem_ref_type(&elem);
                let arr_ty = self.lw.array_type(&elem);
                let r = self.new_local(ref_ty(rt));
                self.emit(I::LocalSet(r));
                let (arr, idx) = (self.new_local(ref_ty(arr_ty)), self.new_local(ValType::I32));
                self.emit(I::LocalGet(r));
                self.emit(I::StructGet { struct_type_index: rt, field_index: 0 });
                self.emit(I::LocalSet(arr));
                self.emit(I::LocalGet(r));
                self.emit(I::StructGet { struct_type_index: rt, field_index: 1 });
                self.emit(I::LocalSet(idx));
                Place::Elem { arr, idx, arr_ty, elem }
            }
            _ => Place::None,
        }
    }

    /// Whether `e` is an `Option<&mut scalar>` into a sequence that `elem_opt_place` can name.
    pub fn is_elem_opt(&mut self, e: &TExpr) -> bool {
        self.is_option_of_scalar_mut(&e.ty) && elem_opt_op(e).is_some()
    }

    /// `Option<&mut T>` with a scalar `T`: a value the general lowering cannot build (see the module doc).
    pub fn is_option_of_scalar_mut(&mut self, t: &Ty) -> bool {
        match t {
            Ty::Option(inner) => match &**inner {
                Ty::Ref(true, s) => {
                    let s = (**s).clone();
                    self.lw.is_scalar(&s)
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// An iterator consumer yielding `Option<&mut scalar>` outside the forms above.
    pub fn elem_opt_misuse(&mut self, e: &TExpr) {
        self.lw.error(
            codes::UNSUPPORTED_BORROW,
            &e.span,
            "an `Option<&mut _>` of a scalar element from this iterator is not supported yet",
            Some("use `if let Some(x) = v.iter_mut().next()` / `v.last_mut()` / `v.get_mut(i)`, or index the collection"),
        );
    }

    /// `first_mut`/`last_mut`/`get_mut(i)` of a sequence of scalars: (present flag local, element place
    /// — valid only when present).
    pub fn elem_opt_place(&mut self, op: &str, args: &[TExpr]) -> (u32, Place) {
        let t = args[0].ty.peel_refs().clone();
        let elem = match &t {
            Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
            _ => Ty::Int(IntTy::U8),
        };
        let arr_ty = self.lw.array_type(&elem);
        self.expr_noncopy(&args[0]);
        let b = self.stash(&args[0].ty).unwrap();
        let (arr, len, i) = (self.new_local(ref_ty(arr_ty)), self.new_local(ValType::I32), self.zeroed_i32());
        self.seq_parts(b, &t, arr, None, len);
        // Also the shared spellings `get`/`first`/`last` (`opt_match` reads the element the same way).
        match op.trim_end_matches("_mut") {
            "seq.get" => {
                self.expr(&args[1]);
                self.emit(I::LocalSet(i));
            }
            "seq.first" => {}
            _ => {
                self.emit(I::LocalGet(len));
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                self.emit(I::LocalSet(i));
            }
        }
        let present = self.new_local(ValType::I32);
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(len));
        self.emit(I::I32LtU);
        self.emit(I::LocalSet(present));
        if let Some(st) = self.slice_struct_of(&t) {
            // Absolute index into the backing array.
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            self.emit(I::LocalGet(i));
            self.emit(I::I32Add);
            self.emit(I::LocalSet(i));
        }
        (present, Place::Elem { arr, idx: i, arr_ty, elem })
    }

    /// `match`/`if let`/`while let` on `v.last_mut()`-style scrutinees: `Some(x)` binds `x` to the
    /// element place. Returns false when `scrut` is not such an op.
    pub fn elem_opt_match(&mut self, scrut: &TExpr, arms: &[Arm], ty: &Ty) -> bool {
        if !self.is_elem_opt(scrut) {
            return false;
        }
        let Some((op, args)) = elem_opt_op(scrut) else { return false };
        let (present, place) = self.elem_opt_place(op, &args);
        let bt = self.bt(ty);
        let done = self.open(0, bt);
        for arm in arms {
            let next = self.open(0, BlockType::Empty);
            match &arm.pat.kind {
                PatKind::Wild => {}
                PatKind::Variant(0, fs) if fs.is_empty() => {
                    self.emit(I::LocalGet(present));
                    self.br_if(next);
                }
                PatKind::Variant(1, fs) if fs.len() == 1 => {
                    self.emit(I::LocalGet(present));
                    self.emit(I::I32Eqz);
                    self.br_if(next);
                    self.bind_pat(&fs[0].1, Src { local: None, place: Some(place.clone()) }, next);
                }
                _ => self.lw.error(
                    codes::UNSUPPORTED_BORROW,
                    &arm.pat.span,
                    "this pattern on an `Option<&mut _>` of an element is not supported yet",
                    Some("match `Some(x)` / `None` directly"),
                ),
            }
            self.arm_guard_and_body(arm, ty, next, done);
        }
        self.close_arms(ty);
        true
    }

    /// The body of a function returning `&mut` to an element (`Lowerer::elem_ret`): statements, then the
    /// bounds-checked `{array, index}` pair of the tail `&mut s[i]`.
    pub fn elem_ret_body(&mut self, e: &TExpr, pr: &PlaceRet) {
        match &e.kind {
            ExprKind::Block(stmts, Some(t)) => {
                for s in stmts {
                    self.stmt(s);
                }
                self.elem_ret_body(t, pr);
            }
            ExprKind::AddrOf(true, inner) => match (&inner.kind, pr) {
                (ExprKind::Index(base, idx), PlaceRet::Elem(elem)) => {
                    let (arr, i, _) = self.bounds_checked_index(base, idx, &inner.span);
                    let rt = self.lw.elem_ref_type(elem);
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    self.emit(I::StructNew(rt));
                }
                (ExprKind::Field(base, _), PlaceRet::Field(..)) => self.expr_noncopy(base),
                _ => {}
            },
            _ => {}
        }
    }

    /// A call of an `elem_ret` function outside the forms that name its place.
    pub fn elem_ret_misuse(&mut self, e: &TExpr) {
        self.lw.error(
            codes::UNSUPPORTED_BORROW,
            &e.span,
            "a `&mut` to an element or field returned by this function can only be dereferenced (`*f(..)`), bound with `let`, or passed to a function",
            Some("write through it with `*f(..) = ...`, or bind it: `let r = f(..);`"),
        );
    }
}
