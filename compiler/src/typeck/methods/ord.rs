//! `PartialOrd`/`Ord` methods of every ordered type (derived on user structs and enums, std types):
//! `cmp`, `partial_cmp`, `lt`/`le`/`gt`/`ge`, `max`/`min`/`clamp` (non-numeric receivers; integers and
//! floats have their own), and `Ordering::then_with`. `Ordering` itself is the prelude enum of
//! `std/cmp.rs`; its other methods are ordinary prelude methods. Lowered by `lower::ordering`.

use super::super::expr::mk;
use super::super::FnCx;
use crate::tir::{BinOp, ExprKind, TExpr};
use crate::types::Ty;
use syn::spanned::Spanned;

impl FnCx<'_> {
    /// Whether values of `t` have a (derived or std) `PartialOrd`; `total` asks for `Ord`.
    fn is_ordered(&self, t: &Ty, total: bool) -> bool {
        match self.resolve(t) {
            Ty::Int(_) | Ty::Char | Ty::Bool | Ty::Unit | Ty::String | Ty::Str => true,
            Ty::F32 | Ty::F64 => !total,
            Ty::Var(v) => match self.infer.kind_of(v) {
                Some(crate::types::VarKind::Int) => true,
                Some(crate::types::VarKind::Float) => !total,
                _ => false,
            },
            Ty::Ref(_, x) | Ty::Boxed(x) | Ty::Vec(x) | Ty::Slice(x) | Ty::Array(x, _) | Ty::Option(x) => self.is_ordered(&x, total),
            Ty::Result(a, b) => self.is_ordered(&a, total) && self.is_ordered(&b, total),
            Ty::Tuple(ts) => ts.iter().all(|x| self.is_ordered(x, total)),
            Ty::Adt(a, _) => {
                let d = &self.ck.program.adts[a];
                d.derives(if total { "Ord" } else { "PartialOrd" })
            }
            _ => false,
        }
    }

    /// Strips the references of an argument (the receiver was auto-dereferenced, so it has none).
    fn deref_arg(&mut self, mut e: TExpr) -> TExpr {
        while let Ty::Ref(_, inner) = self.shallow(&e.ty) {
            let s = e.span.clone();
            e = mk(ExprKind::Deref(Box::new(e)), *inner, s);
        }
        e
    }

    pub(crate) fn ord_method(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall) -> Result<TExpr, TExpr> {
        let bt = self.resolve(&base.ty);
        let span = self.span(m.method.span());
        let ordering = self.ordering_ty();
        if bt == ordering && name == "then_with" {
            let Some((cl, _)) = self.closure_arg(m, 0, &[], Some(&ordering)) else { return Ok(self.error_expr(m.span())) };
            return Ok(mk(ExprKind::StdClosure("ord.then_with", vec![base], vec![cl]), ordering, span));
        }
        let numeric = matches!(bt, Ty::Int(_) | Ty::F32 | Ty::F64) || self.is_ordered(&bt, false) && matches!(bt, Ty::Var(_));
        let total = matches!(name, "cmp" | "max" | "min" | "clamp");
        let known = matches!(name, "cmp" | "partial_cmp" | "lt" | "le" | "gt" | "ge") || (matches!(name, "max" | "min" | "clamp") && !numeric);
        if !known || !self.is_ordered(&bt, total) || m.args.len() != if name == "clamp" { 2 } else { 1 } {
            return Err(base);
        }
        let mut args = vec![base];
        for a in m.args.iter() {
            let e = self.check_expr(a, None);
            let e = self.deref_arg(e);
            self.expect_ty(a.span(), &bt, &e.ty);
            args.push(e);
        }
        Ok(match name {
            "cmp" => mk(ExprKind::Std("ord.cmp", args), ordering, span),
            "partial_cmp" => mk(ExprKind::Std("ord.partial_cmp", args), Ty::Option(Box::new(ordering)), span),
            "max" => mk(ExprKind::Std("ord.max", args), bt, span),
            "min" => mk(ExprKind::Std("ord.min", args), bt, span),
            "clamp" => mk(ExprKind::Std("ord.clamp", args), bt, span),
            _ => {
                let op = match name {
                    "lt" => BinOp::Lt,
                    "le" => BinOp::Le,
                    "gt" => BinOp::Gt,
                    _ => BinOp::Ge,
                };
                let mut it = args.into_iter();
                let (a, b) = (it.next().unwrap(), it.next().unwrap());
                mk(ExprKind::Binary(op, Box::new(a), Box::new(b)), Ty::Bool, span)
            }
        })
    }
}
