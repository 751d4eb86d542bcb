//! `Default::default()` as typed expressions: the type a `Type::default()`/`Default::default()` call
//! builds, and the expression building it — std defaults, `#[derive(Default)]` structs (field by field),
//! enums (their `#[default]` variant), tuples, arrays, and hand-written `impl Default` calls inside them.

use super::super::expr::mk;
use super::super::FnCx;
use crate::tir::{ExprKind, TExpr};
use crate::types::Ty;

impl FnCx<'_> {
    /// The type built by `Default::default()` (from the expected type) or `Type::default()`;
    /// None when the path is not one of those.
    pub(crate) fn default_call_ty(&mut self, norm: &[&str], p: &syn::ExprPath, expected: Option<&Ty>) -> Option<Ty> {
        match norm {
            ["Default", "default"] | ["default", "Default", "default"] => Some(match expected {
                Some(t) => t.clone(),
                None => self.fresh(),
            }),
            [.., _, "default"] => {
                let mut path = p.path.clone();
                path.segments.pop();
                path.segments.pop_punct();
                let ty = syn::Type::Path(syn::TypePath { qself: None, path });
                match self.to_ty(&ty) {
                    Ok(t) => Some(t),
                    // `Vec::default()` / `Option::default()` without type arguments: the expected type
                    Err(_) => match (norm[norm.len() - 2], expected.map(|e| self.shallow(e))) {
                        ("Vec", Some(t @ Ty::Vec(_))) | ("Option", Some(t @ Ty::Option(_))) => Some(t),
                        ("Vec", _) => Some(Ty::Vec(Box::new(self.fresh()))),
                        ("Option", _) => Some(Ty::Option(Box::new(self.fresh()))),
                        _ => None,
                    },
                }
            }
            _ => None,
        }
    }
}

impl FnCx<'_> {
    /// `Default::default()` of `t` as a typed expression: std types (`std_default`), `#[derive(Default)]`
    /// structs (every field's default, generic fields substituted), enums (their `#[default]` unit
    /// variant), tuples and arrays — and hand-written `impl Default` anywhere inside, called as written.
    /// None when `t` has no default this compiler knows.
    pub(crate) fn derived_default(&mut self, t: &Ty, span: &crate::diagnostics::Span, sp: proc_macro2::Span) -> Option<TExpr> {
        let t = self.resolve(t);
        if let Some(e) = self.std_default(&t, span) {
            return Some(e);
        }
        let kind = match &t {
            Ty::Adt(a, args) => {
                let (a, args) = (*a, args.clone());
                if !self.ck.program.adts[a].derives("Default") {
                    let callee = self.lookup_method(&t, "default", Some("Default"))?;
                    let sig = self.callee_sig(&callee);
                    let ret = self.reveal_ret(&callee, sig.ret.clone(), sp);
                    return Some(self.call_expr(callee, vec![], ret, span.clone()));
                }
                if self.ck.program.adts[a].is_enum {
                    let v = *self.ck.program.default_variants.get(&a)?;
                    if !self.ck.program.adts[a].variants[v].fields.is_empty() {
                        return None;
                    }
                    ExprKind::Variant(v, vec![])
                } else {
                    let fields: Vec<Ty> = self.ck.adt_fields[a][0].iter().map(|f| crate::types::subst(f, &args)).collect();
                    let mut vals = Vec::new();
                    for f in &fields {
                        vals.push(Some(self.derived_default(f, span, sp)?));
                    }
                    ExprKind::Struct(a, vals, None)
                }
            }
            Ty::Tuple(ts) => {
                let mut es = Vec::new();
                for x in ts.clone() {
                    es.push(self.derived_default(&x, span, sp)?);
                }
                ExprKind::Tuple(es)
            }
            Ty::Array(x, n) => {
                // n separate defaults: elements must not share objects
                let mut es = Vec::new();
                for _ in 0..*n {
                    es.push(self.derived_default(x, span, sp)?);
                }
                ExprKind::Array(es)
            }
            _ => return None,
        };
        Some(mk(kind, t, span.clone()))
    }
}
