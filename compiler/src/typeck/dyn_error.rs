//! `Box<dyn std::error::Error>` (and `&dyn Error`), the error type of `fn main() -> Result<(), Box<dyn
//! Error>>` and of `?` across error types. The type is the prelude's `DynError`: a boxed error is
//! rendered into its `Display`/`Debug` text at the coercion (`Box::new(e)`, `?`, `"msg".into()`),
//! because formatting is all a program can observe of a `dyn Error` without downcasting (which, like
//! `source()`, is not supported and gives a "no method" error).

use super::expr::mk;
use super::FnCx;
use crate::tir::{ExprKind, TExpr};
use crate::types::Ty;

/// The prelude's `DynError` ADT.
pub fn dyn_error_adt(p: &crate::resolve::Program) -> Option<usize> {
    p.adts.iter().position(|a| a.name == "DynError" && p.mods[a.module].is_prelude)
}

impl FnCx<'_> {
    /// Whether `t` is `DynError` itself (`dyn Error`).
    fn is_dyn_error(&mut self, t: &Ty) -> bool {
        matches!(self.shallow(t), Ty::Adt(a, _) if Some(a) == dyn_error_adt(&self.ck.program))
    }

    /// Whether `t` is `Box<dyn Error>`, `&dyn Error` or `dyn Error`.
    pub fn wants_dyn_error(&mut self, t: &Ty) -> bool {
        match self.shallow(t) {
            Ty::Boxed(x) | Ty::Ref(_, x) => self.is_dyn_error(&x),
            other => self.is_dyn_error(&other),
        }
    }

    /// Boxes `e` (an error, a message, or a `Box` of either) as `target` (a `wants_dyn_error` type);
    /// None when `e` already is one. An error type still being inferred (`"7".parse()?`) is allowed
    /// with `allow_var`: the conversion's instance is chosen at the end of the body.
    pub fn to_dyn_error(&mut self, e: TExpr, target: &Ty, allow_var: bool) -> Option<TExpr> {
        let found = self.shallow(&e.ty);
        if (matches!(found, Ty::Var(_)) && !allow_var) || self.wants_dyn_error(&found) {
            return None;
        }
        let f = self.ck.program.fns.iter().position(|d| d.is_prelude && d.name == "dyn_error_from")?;
        let adt = Ty::Adt(dyn_error_adt(&self.ck.program)?, vec![]);
        let span = e.span.clone();
        let call = mk(ExprKind::CallInst(f, vec![found], vec![e]), adt.clone(), span.clone());
        Some(match self.shallow(target) {
            Ty::Boxed(_) => mk(ExprKind::Std("box.new", vec![call]), Ty::Boxed(Box::new(adt)), span),
            Ty::Ref(_, _) => mk(ExprKind::AddrOf(false, Box::new(call)), Ty::Ref(false, Box::new(adt)), span),
            _ => call,
        })
    }
}
