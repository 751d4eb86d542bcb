//! String methods beyond the core table of `methods.rs`: `Chars::as_str` on a stored `chars()` iterator
//! and `String::into_bytes`/`into_boxed_str`. Lowered in `lower::ordering` next to the other issue-4 std
//! additions.

use super::super::expr::mk;
use super::super::FnCx;
use crate::tir::{ExprKind, TExpr};
use crate::types::{IntTy, Ty};

impl FnCx<'_> {
    pub(crate) fn text_method(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall) -> Result<TExpr, TExpr> {
        let bt = self.resolve(&base.ty);
        let span = self.span(m.method.span());
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
