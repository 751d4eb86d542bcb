//! String methods beyond the core table of `methods.rs`: `Chars::as_str` on a stored `chars()` iterator,
//! `String::into_bytes`, `String::extend`, and `value.hash(&mut hasher)` for every `Hash` type (lowered by
//! `lower::text_ops` and `lower::hash`); plus calls of std associated functions written in the prelude.

use super::super::expr::mk;
use super::super::FnCx;
use crate::tir::{ExprKind, TExpr};
use crate::types::{IntTy, Ty};
use syn::spanned::Spanned;

impl FnCx<'_> {
    pub(crate) fn text_method(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall) -> Result<TExpr, TExpr> {
        let bt = self.resolve(&base.ty);
        let span = self.span(m.method.span());
        if name == "hash" && m.args.len() == 1 && self.is_hashable(&bt) {
            // `value.hash(&mut hasher)` with std's `DefaultHasher` (prelude, std/hash.rs)
            let p = &self.ck.program;
            let a = p.adts.iter().position(|d| d.name == "DefaultHasher" && p.mods[d.module].is_prelude).expect("prelude DefaultHasher");
            let ht = Ty::Ref(true, Box::new(Ty::Adt(a, vec![])));
            let arg = self.check_expr_coerce(m.args.first().unwrap(), &ht);
            return Ok(mk(ExprKind::Std("hash.hash", vec![base, arg]), Ty::Unit, span));
        }
        if name == "extend" && m.args.len() == 1 && matches!(bt, Ty::String) {
            // `string.extend(chars / &strs / Strings)`
            let a = m.args.first().unwrap();
            let e = self.check_expr(a, None);
            let e = self.into_iter(e, a.span());
            let item = match self.resolve(&e.ty) {
                Ty::Iter(x) => *x,
                _ => return Ok(self.error_expr(m.span())),
            };
            let ok = match item.peel_refs() {
                Ty::Char | Ty::String | Ty::Str => true,
                _ => false,
            };
            if !ok {
                let n = self.ty_name(&item);
                self.err(crate::diagnostics::codes::TYPE_MISMATCH, a.span(), format!("a String cannot be extended with `{n}` items"), "", Some("extend with chars, &str or String items"));
                return Ok(self.error_expr(m.span()));
            }
            return Ok(mk(ExprKind::Std("string.extend", vec![base, e]), Ty::Unit, span));
        }
        if !m.args.is_empty() {
            return Err(base);
        }
        match (&bt, name) {
            (Ty::Iter(item), "as_str") if **item == Ty::Char && matches!(base.kind, ExprKind::Local(_)) => Ok(mk(ExprKind::Std("chars.as_str", vec![base]), Ty::str_ref(), span)),
            (Ty::String, "into_bytes") => Ok(mk(ExprKind::Std("string.into_bytes", vec![base]), Ty::Vec(Box::new(Ty::Int(IntTy::U8))), span)),
            _ => Err(base),
        }
    }
}

impl FnCx<'_> {
    fn is_hashable(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Int(_) | Ty::Bool | Ty::Char | Ty::Unit | Ty::String | Ty::Str => true,
            Ty::Ref(_, x) | Ty::Boxed(x) | Ty::Vec(x) | Ty::Slice(x) | Ty::Array(x, _) | Ty::Option(x) => self.is_hashable(&x),
            Ty::Result(a, b) => self.is_hashable(&a) && self.is_hashable(&b),
            Ty::Tuple(ts) => ts.iter().all(|x| self.is_hashable(x)),
            Ty::Adt(a, _) => self.ck.program.adts[a].derives("Hash"),
            Ty::Var(v) => self.infer.kind_of(v) == Some(crate::types::VarKind::Int),
            _ => false,
        }
    }
}

impl FnCx<'_> {
    /// A call of the prelude function `name` (std associated functions written in the prelude).
    pub(crate) fn prelude_call(&mut self, name: &str, c: &syn::ExprCall, span: crate::diagnostics::Span) -> TExpr {
        let p = &self.ck.program;
        let f = p.fns.iter().position(|d| d.is_prelude && d.name == name).expect("prelude function");
        let sig = self.ck.sigs[f].clone();
        let args = self.check_args(&c.args, &sig.params, syn::spanned::Spanned::span(c));
        mk(ExprKind::Call(f, args), sig.ret.clone(), span)
    }
}
