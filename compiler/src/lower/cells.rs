//! Lowering of `Rc<T>`/`Weak<T>` (a counted box `{value, strong, weak}`; a `Weak` is a nullable
//! reference to the same box, null for `Weak::new()`), `Cell<T>` (a one-field struct) and `RefCell<T>`
//! (the `GcRc<T>` representation: `{value, borrow flag}`, its ops are `gc.rc.*`).
//!
//! The counts follow Rust's clones and drops: `rc_drops` inserts `rc.release` at the points where Rust
//! drops an `Rc`/`Weak` (scope ends, overwritten values, temporaries, `drop(x)`), so `strong_count`,
//! `weak_count` and `Weak::upgrade` answer as natively. (The WasmGC collector reclaims the memory.)

use super::func::FnLower;
use super::reprs::{ref_ty, StorageKey, TypeKey, ValKey};
use super::Lowerer;
use crate::collections::CollKind;
use crate::diagnostics::codes;
use crate::gc_types::GcKind;
use crate::tir::{ExprKind, TExpr};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, HeapType, Instruction as I, ValType};

pub(super) const RC_VALUE: u32 = 0;
pub(super) const RC_STRONG: u32 = 1;
pub(super) const RC_WEAK: u32 = 2;

impl Lowerer<'_> {
    pub fn cell_repr(&mut self, kind: CollKind, t: &Ty) -> Option<ValType> {
        Some(ref_ty(match kind {
            CollKind::Rc | CollKind::Weak => self.rc_handle_type(t),
            CollKind::RefCell => self.rc_type(t),
            _ => self.cell_type(t),
        }))
    }

    /// `Rc<T>`/`Weak<T>` values are handles `{box}` to the shared `RcBox`: a place holding an `Rc` (a
    /// field, a `RefCell`'s value, a `&mut Rc<T>`) is re-pointed by copying the handle's field, as every
    /// aggregate assignment copies into the place's object. A `Weak::new()` handle has a null box.
    pub fn rc_handle_type(&mut self, t: &Ty) -> u32 {
        let b = self.rcbox_type(t);
        let name = format!("RcHandle<{}>", self.ck.ty_name(t));
        self.intern(TypeKey::Named(name.clone(), vec![(StorageKey::Val(ValKey::Ref(b)), true)]), name, vec!["box".into()])
    }

    /// `RcBox<T>`: the value, the strong count and the weak count.
    pub fn rcbox_type(&mut self, t: &Ty) -> u32 {
        let v = self.repr(t).unwrap_or(ValType::I32);
        let name = format!("RcBox<{}>", self.ck.ty_name(t));
        let i = (StorageKey::Val(ValKey::I32), true);
        self.intern(TypeKey::Named(name.clone(), vec![(StorageKey::Val(super::reprs::vk(v)), false), i, i]), name, vec!["value".into(), "strong".into(), "weak".into()])
    }
}

fn cell_arg(t: &Ty) -> Ty {
    match t.peel_refs() {
        Ty::Coll(_, ts) => ts[0].clone(),
        _ => Ty::Unit,
    }
}

impl FnLower<'_, '_> {
    /// Evaluates an `Rc`/`Weak` (or a reference to one) and puts its box in a fresh local.
    fn rc_box_of(&mut self, a: &TExpr, ht: u32, bt: u32) -> u32 {
        self.expr_noncopy(a);
        self.sget(ht, 0);
        let b = self.new_local(ref_ty(bt));
        self.ls(b);
        b
    }

    /// `field += d` on the RcBox in local `b`.
    fn rc_bump(&mut self, b: u32, bt: u32, field: u32, d: i32) {
        self.lg(b);
        self.lg(b);
        self.sget(bt, field);
        self.ic(d);
        self.emit(I::I32Add);
        self.sset(bt, field);
    }

    pub fn cell_op(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        let t = match op {
            "rc.new" | "cell.new" | "cell.refcell_new" | "rc.weak_new" | "cell.default" => cell_arg(&e.ty),
            _ => cell_arg(&args[0].ty),
        };
        let bt = self.lw.rcbox_type(&t);
        match op {
            "rc.new" => {
                let ht = self.lw.rc_handle_type(&t);
                self.expr(&args[0]);
                if self.lw.repr(&t).is_none() {
                    self.ic(0);
                }
                self.ic(1);
                self.ic(0);
                self.emit(I::StructNew(bt));
                self.emit(I::StructNew(ht));
            }
            "rc.deref" => {
                let ht = self.lw.rc_handle_type(&t);
                self.expr_noncopy(&args[0]);
                self.sget(ht, 0);
                if self.lw.repr(&t).is_some() {
                    self.sget(bt, RC_VALUE);
                } else {
                    self.emit(I::Drop);
                }
            }
            "rc.clone" | "rc.clone_val" | "rc.downgrade" | "rc.weak_clone" => {
                let ht = self.lw.rc_handle_type(&t);
                let b = self.rc_box_of(&args[0], ht, bt);
                let field = if op == "rc.clone" || op == "rc.clone_val" { RC_STRONG } else { RC_WEAK };
                self.lg(b);
                self.emit(I::RefIsNull);
                self.emit(I::I32Eqz);
                self.emit(I::If(BlockType::Empty));
                self.rc_bump(b, bt, field, 1);
                self.emit(I::End);
                self.lg(b);
                self.emit(I::StructNew(ht));
            }
            "rc.strong_count" | "rc.weak_count" | "rc.weak_strong_count" | "rc.weak_weak_count" => {
                // a dangling Weak (null box, or its value dropped) reports 0 for both
                let ht = self.lw.rc_handle_type(&t);
                let b = self.rc_box_of(&args[0], ht, bt);
                self.lg(b);
                self.emit(I::RefIsNull);
                self.emit(I::If(BlockType::Result(ValType::I32)));
                self.ic(0);
                self.emit(I::Else);
                self.lg(b);
                self.sget(bt, RC_STRONG);
                if op.ends_with("weak_count") {
                    self.emit(I::If(BlockType::Result(ValType::I32)));
                    self.lg(b);
                    self.sget(bt, RC_WEAK);
                    self.emit(I::Else);
                    self.ic(0);
                    self.emit(I::End);
                }
                self.emit(I::End);
            }
            "rc.ptr_eq" => {
                let ht = self.lw.rc_handle_type(&t);
                for a in &args[..2] {
                    self.expr_noncopy(a);
                    self.sget(ht, 0);
                }
                self.emit(I::RefEq);
            }
            "rc.weak_new" => {
                let ht = self.lw.rc_handle_type(&t);
                self.emit(I::RefNull(HeapType::Concrete(bt)));
                self.emit(I::StructNew(ht));
            }
            "rc.upgrade" => {
                let ht = self.lw.rc_handle_type(&t);
                let b = self.rc_box_of(&args[0], ht, bt);
                let bty = self.bt(&e.ty);
                self.lg(b);
                self.emit(I::RefIsNull);
                self.emit(I::If(BlockType::Result(ValType::I32)));
                self.ic(0);
                self.emit(I::Else);
                self.lg(b);
                self.sget(bt, RC_STRONG);
                self.emit(I::End);
                self.open(2, bty);
                self.rc_bump(b, bt, RC_STRONG, 1);
                self.lg(b);
                self.emit(I::StructNew(ht));
                self.build_variant_from_stack(&e.ty, 1);
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            "rc.drop" | "rc.drop_temp" => {
                // drop glue of the local's value; a temporary's local is cleared so a later drop of the
                // same statement on another path (or iteration) does nothing
                let vt = args[0].ty.clone();
                self.expr_noncopy(&args[0]);
                if let Some(x) = self.stash(&vt) {
                    super::rc_drops_glue::drop_glue(self, x, &vt);
                }
                if op == "rc.drop_temp" {
                    if let ExprKind::Local(l) = &args[0].kind {
                        if let (Some(Some(w)), Some(ValType::Ref(r))) = (self.local_map.get(*l).copied(), self.lw.repr(&vt)) {
                            self.emit(I::RefNull(r.heap_type));
                            self.emit(I::LocalSet(w));
                        }
                    }
                }
            }
            "rc.assign" => {
                // `place = value` dropping the overwritten value (after the store, as Rust's assignment)
                let vt = args[0].ty.clone();
                let p = self.place(&args[0]);
                self.expr(&args[1]);
                let Some(new) = self.stash(&vt) else { return };
                let ov = self.lw.repr(&vt).unwrap();
                let old = self.new_local(ov);
                self.load(&p);
                if matches!(p, super::place::Place::Whole(..)) {
                    // the place's object is overwritten in place: keep a shallow copy of the old value
                    let f = super::rc_drops_glue::shallow_copy_fn(self.lw, &vt);
                    self.emit(I::Call(f));
                }
                self.ls(old);
                self.store_with(&p, &mut |fl: &mut FnLower| fl.lg(new));
                super::rc_drops_glue::drop_glue(self, old, &vt);
            }
            "cell.as_gc" => self.expr_noncopy(&args[0]),
            "cell.refcell_new" => {
                let g = TExpr { kind: ExprKind::Std("gc.new", vec![args[0].clone()]), ty: Ty::Gc(GcKind::Rc, Box::new(t.clone())), span: e.span.clone() };
                self.expr(&g);
            }
            "cell.new" | "cell.default" => {
                let c = self.lw.cell_type(&t);
                if op == "cell.new" {
                    self.expr(&args[0]);
                } else {
                    self.coll_default_of(&t);
                }
                if self.lw.repr(&t).is_none() {
                    self.ic(0);
                }
                if let Ty::Coll(CollKind::RefCell, _) = &e.ty {
                    let g = self.lw.rc_type(&t);
                    if self.lw.is_number_like(&t) {
                        self.emit(I::StructNew(c));
                    }
                    self.ic(0);
                    self.emit(I::StructNew(g));
                } else {
                    self.emit(I::StructNew(c));
                }
            }
            "cell.get" | "cell.take" | "cell.replace" | "cell.set" | "cell.clone" => {
                let c = self.lw.cell_type(&t);
                let has = self.lw.repr(&t).is_some();
                self.expr_noncopy(&args[0]);
                let cl = self.stash(&args[0].ty).unwrap();
                let old = self.lw.repr(&t).map(|v| self.new_local(v));
                if let Some(old) = old {
                    self.lg(cl);
                    self.sget(c, 0);
                    self.ls(old);
                }
                match op {
                    "cell.take" | "cell.replace" | "cell.set" => {
                        self.lg(cl);
                        if op == "cell.take" {
                            self.coll_default_of(&t);
                        } else {
                            self.expr(&args[1]);
                        }
                        if has {
                            self.sset(c, 0);
                        } else {
                            self.emit(I::Drop);
                        }
                        if op != "cell.set" {
                            if let Some(old) = old {
                                self.lg(old);
                            }
                        }
                    }
                    _ => {
                        if let Some(old) = old {
                            self.lg(old);
                            self.copy_if_needed(&t);
                            if op == "cell.clone" {
                                self.emit(I::StructNew(c));
                            }
                        }
                    }
                }
            }
            "cell.refcell_clone" => {
                // a new RefCell holding a clone of the value
                let g = self.lw.rc_type(&t);
                let inner = TExpr { kind: ExprKind::Std("gc.rc.check", vec![TExpr { kind: ExprKind::Std("cell.as_gc", vec![args[0].clone()]), ty: Ty::Gc(GcKind::Rc, Box::new(t.clone())), span: e.span.clone() }]), ty: Ty::Gc(GcKind::Box, Box::new(t.clone())), span: e.span.clone() };
                let val = TExpr { kind: ExprKind::Std("box.deref", vec![inner]), ty: t.clone(), span: e.span.clone() };
                let cloned = TExpr { kind: ExprKind::Std("clone", vec![val]), ty: t.clone(), span: e.span.clone() };
                let _ = g;
                let newe = TExpr { kind: ExprKind::Std("gc.new", vec![cloned]), ty: Ty::Gc(GcKind::Rc, Box::new(t.clone())), span: e.span.clone() };
                self.expr(&newe);
            }
            _ => self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, format!("`{op}` is not supported yet"), None),
        }
    }

    /// Drops one strong reference to the box in param 0; the last one drops the value (its own `Rc`s
    /// and `Weak`s are released in turn by the value's drop glue).
    pub(super) fn rc_release_fn(&mut self, t: &Ty) -> u32 {
        let bt = self.lw.rcbox_type(t);
        let key = format!("rc_release<{}>", self.lw.ck.ty_name(t));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(bt)], vec![], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 1, None);
        fl.rc_bump(0, bt, RC_STRONG, -1);
        fl.lg(0);
        fl.sget(bt, RC_STRONG);
        fl.emit(I::I32Eqz);
        fl.emit(I::If(BlockType::Empty));
        if fl.lw.repr(t).is_some() && super::rc_drops_glue::needs_drop(fl.lw, t) {
            let v = fl.lw.repr(t).unwrap();
            let x = fl.new_local(v);
            fl.lg(0);
            fl.sget(bt, RC_VALUE);
            fl.ls(x);
            super::rc_drops_glue::drop_glue(&mut fl, x, t);
        }
        fl.emit(I::End);
        fl.finish(id);
        id
    }

    /// `{:?}` of `Rc`/`Weak`/`RefCell`/`Cell` (body of the Debug helper: out, value, spec...).
    pub(super) fn cell_debug_body(&mut self, kind: CollKind, t: &Ty) {
        let lit = |fl: &mut FnLower, s: &str| {
            fl.lg(0);
            fl.str_lit(s);
            fl.call_prelude("string_push_str");
        };
        let spec = |fl: &mut FnLower| {
            for p in 2..7 {
                fl.lg(p);
            }
        };
        match kind {
            CollKind::Weak => lit(self, "(Weak)"),
            CollKind::Rc => {
                if let Some(v) = self.lw.repr(t) {
                    let bt = self.lw.rcbox_type(t);
                    let ht = self.lw.rc_handle_type(t);
                    let x = self.new_local(v);
                    self.lg(1);
                    self.sget(ht, 0);
                    self.sget(bt, RC_VALUE);
                    self.ls(x);
                    self.fmt_debug_spec(0, x, t, &mut |fl: &mut FnLower| spec(fl));
                } else {
                    lit(self, "()");
                }
            }
            _ => {
                let name = if kind == CollKind::Cell { "Cell" } else { "RefCell" };
                let pretty = self.new_local(ValType::I32);
                self.lg(5);
                self.ic(4);
                self.emit(I::I32And);
                self.ls(pretty);
                let tmp = self.new_string();
                self.lg(tmp);
                self.str_lit("value: ");
                self.call_prelude("string_push_str");
                let borrowed = if kind == CollKind::RefCell {
                    // a mutably borrowed RefCell prints `<borrowed>`
                    let g = self.lw.rc_type(t);
                    self.lg(1);
                    self.sget(g, 1);
                    self.ic(0);
                    self.emit(I::I32LtS);
                    self.emit(I::If(BlockType::Empty));
                    self.lg(tmp);
                    self.str_lit("<borrowed>");
                    self.call_prelude("string_push_str");
                    self.emit(I::Else);
                    true
                } else {
                    false
                };
                if let Some(v) = self.lw.repr(t) {
                    let x = self.new_local(v);
                    self.lg(1);
                    if kind == CollKind::RefCell {
                        let g = self.lw.rc_type(t);
                        self.sget(g, 0);
                        if self.lw.is_number_like(t) {
                            let c = self.lw.cell_type(t);
                            self.sget(c, 0);
                        }
                    } else {
                        let c = self.lw.cell_type(t);
                        self.sget(c, 0);
                    }
                    self.ls(x);
                    self.fmt_debug_spec(tmp, x, t, &mut |fl: &mut FnLower| spec(fl));
                } else {
                    self.lg(tmp);
                    self.str_lit("()");
                    self.call_prelude("string_push_str");
                }
                if borrowed {
                    self.emit(I::End);
                }
                lit(self, name);
                self.lg(pretty);
                self.emit(I::If(BlockType::Empty));
                lit(self, " {");
                self.lg(0);
                self.lg(tmp);
                self.call_prelude("string_as_str");
                self.call_prelude("push_pretty_item");
                lit(self, "}");
                self.emit(I::Else);
                lit(self, " { ");
                self.lg(0);
                self.lg(tmp);
                self.call_prelude("string_as_str");
                self.call_prelude("string_push_str");
                lit(self, " }");
                self.emit(I::End);
            }
        }
        let _ = IntTy::U8;
    }
}
