//! Type checking of `Rc<T>`, `Weak<T>`, `RefCell<T>` and `Cell<T>` (`Ty::Coll` kinds). `RefCell<T>` has
//! the representation of the `wasm` crate's `GcRc<T>` (value plus borrow flag): its methods are the
//! `GcRc` ones, reached by viewing the receiver as a `GcRc` (`cell.as_gc`, free), so borrow guards are
//! released by `gc_borrows` exactly as for `GcRc`. `Rc`/`Weak` ops are `Std("rc.*")`, `Cell` ops
//! `Std("cell.*")`, lowered by `lower::cells`.

use super::super::expr::mk;
use super::super::FnCx;
use crate::collections::CollKind;
use crate::diagnostics::codes;
use crate::gc_types::GcKind;
use crate::tir::{ExprKind, TExpr};
use crate::types::Ty;
use syn::spanned::Spanned;

impl FnCx<'_> {
    /// `Rc::new(v)`, `Rc::clone(&rc)`, `Rc::strong_count(&rc)`, `Weak::new()`, `RefCell::new(v)`, ...
    pub(crate) fn cell_assoc_call(&mut self, kind: CollKind, func: &str, c: &syn::ExprCall, expected: Option<&Ty>) -> Option<TExpr> {
        let sp = c.span();
        let span = self.span(sp);
        let inner = match expected.map(|e| self.shallow(e)) {
            Some(Ty::Coll(k, ts)) if k == kind => ts[0].clone(),
            _ => self.fresh(),
        };
        let this = Ty::Coll(kind, vec![inner.clone()]);
        let rc = |t: &Ty| Ty::Ref(false, Box::new(Ty::Coll(CollKind::Rc, vec![t.clone()])));
        let us = Ty::usize();
        let (op, params, ret): (&'static str, Vec<Ty>, Ty) = match (kind, func) {
            (CollKind::Rc, "new" | "from") => ("rc.new", vec![inner.clone()], this),
            (CollKind::Rc, "clone") => ("rc.clone", vec![rc(&inner)], this),
            (CollKind::Rc, "strong_count") => ("rc.strong_count", vec![rc(&inner)], us),
            (CollKind::Rc, "weak_count") => ("rc.weak_count", vec![rc(&inner)], us),
            (CollKind::Rc, "ptr_eq") => ("rc.ptr_eq", vec![rc(&inner), rc(&inner)], Ty::Bool),
            (CollKind::Rc, "downgrade") => ("rc.downgrade", vec![rc(&inner)], Ty::Coll(CollKind::Weak, vec![inner.clone()])),
            (CollKind::Weak, "new") => ("rc.weak_new", vec![], this),
            (CollKind::RefCell, "new") => ("cell.refcell_new", vec![inner.clone()], this),
            (CollKind::Cell, "new") => ("cell.new", vec![inner.clone()], this),
            (CollKind::RefCell | CollKind::Cell, "default") => ("cell.default", vec![], this),
            _ => {
                self.err(codes::UNSUPPORTED_STD, c.func.span(), format!("`{}::{func}` is not supported yet", kind.name()), "not in the supported std surface", None);
                return Some(self.error_expr(sp));
            }
        };
        let a = self.check_args(&c.args, &params, sp);
        Some(mk(ExprKind::Std(op, a), ret, span))
    }

    /// `*rc`: the shared value (reading it needs no check; `Rc` gives no `&mut`).
    pub(crate) fn rc_deref(&mut self, base: TExpr) -> TExpr {
        let s = base.span.clone();
        match self.shallow(&base.ty) {
            Ty::Coll(CollKind::Rc, ts) => mk(ExprKind::Std("rc.deref", vec![base]), ts[0].clone(), s),
            _ => base,
        }
    }

    /// Strips `Rc`s (auto-deref for field access and method calls).
    pub(crate) fn rc_deref_all(&mut self, base: TExpr) -> TExpr {
        let mut b = base;
        while let Ty::Coll(CollKind::Rc, _) = self.shallow(&b.ty) {
            b = self.rc_deref(b);
        }
        b
    }

    fn as_gc_rc(&mut self, base: TExpr) -> TExpr {
        let s = base.span.clone();
        match self.shallow(&base.ty) {
            Ty::Coll(CollKind::RefCell, ts) => mk(ExprKind::Std("cell.as_gc", vec![base]), Ty::Gc(GcKind::Rc, Box::new(ts[0].clone())), s),
            _ => base,
        }
    }

    /// Methods of `Rc`/`Weak`/`RefCell`/`Cell` (`base` stripped of references). `Err(base)` hands the
    /// (auto-dereferenced) receiver on to the rest of the method lookup.
    pub(crate) fn cell_method(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> Result<TExpr, TExpr> {
        let bt = self.shallow(&base.ty);
        let Ty::Coll(kind, ts) = bt.clone() else { return Err(base) };
        let t = ts[0].clone();
        let sp = m.span();
        let span = self.span(m.method.span());
        macro_rules! op {
            ($op:expr, [$($a:expr),*], $ret:expr) => {{
                let tys: Vec<Ty> = vec![$($a),*];
                let mut args = vec![base];
                args.extend(self.check_args(&m.args, &tys, sp));
                return Ok(mk(ExprKind::Std($op, args), $ret, span));
            }};
        }
        match kind {
            CollKind::Rc => {
                if name == "clone" {
                    op!("rc.clone_val", [], bt);
                }
                // Anything else belongs to the value (auto-deref), which may itself be a RefCell/Cell/Rc.
                let inner = self.rc_deref_all(base);
                match self.shallow(&inner.ty) {
                    Ty::Coll(k, _) if k.is_cell() || k.is_map_like() || matches!(k, CollKind::VecDeque | CollKind::BinaryHeap) => self.coll_method(inner, name, m, expected),
                    _ => Err(inner),
                }
            }
            CollKind::Weak => match name {
                "upgrade" => op!("rc.upgrade", [], Ty::Option(Box::new(Ty::Coll(CollKind::Rc, vec![t])))),
                "clone" => op!("rc.weak_clone", [], bt),
                "strong_count" => op!("rc.weak_strong_count", [], Ty::usize()),
                "weak_count" => op!("rc.weak_weak_count", [], Ty::usize()),
                _ => {
                    let n = self.ty_name(&bt);
                    self.err(codes::UNKNOWN_METHOD, m.method.span(), format!("no method named `{name}` found for `{n}` in the supported std surface"), "method not found", None);
                    Ok(self.error_expr(sp))
                }
            },
            CollKind::Cell => match name {
                "get" => op!("cell.get", [], t),
                "set" => op!("cell.set", [t], Ty::Unit),
                "replace" => op!("cell.replace", [t.clone()], t),
                "take" => op!("cell.take", [], t),
                "into_inner" => op!("cell.get", [], t),
                "get_mut" => {
                    let _ = self.check_args(&m.args, &[], sp);
                    let s = base.span.clone();
                    let d = mk(ExprKind::Std("cell.place", vec![base]), t.clone(), s.clone());
                    Ok(mk(ExprKind::AddrOf(true, Box::new(d)), Ty::Ref(true, Box::new(t)), span))
                }
                "clone" => op!("cell.clone", [], bt),
                _ => {
                    let n = self.ty_name(&bt);
                    self.err(codes::UNKNOWN_METHOD, m.method.span(), format!("no method named `{name}` found for `{n}` in the supported std surface"), "method not found", None);
                    Ok(self.error_expr(sp))
                }
            },
            CollKind::RefCell => {
                if name == "clone" {
                    op!("cell.refcell_clone", [], bt);
                }
                if name == "into_inner" {
                    let g = self.as_gc_rc(base);
                    let _ = self.check_args(&m.args, &[], sp);
                    let s = g.span.clone();
                    let v = mk(ExprKind::Std("gc.rc.check", vec![g]), Ty::Gc(GcKind::Box, Box::new(t.clone())), s);
                    return Ok(mk(ExprKind::Std("box.deref", vec![v]), t, span));
                }
                let g = self.as_gc_rc(base);
                self.gc_method(g, name, m, expected)
            }
            _ => Err(base),
        }
    }
}
