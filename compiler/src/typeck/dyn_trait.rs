//! Trait objects. `dyn Trait` (and `dyn Fn(A) -> R`) values are a tag plus a reference to the concrete
//! value; the tag selects the implementation in a dispatch table built from every coercion the program
//! performs (the whole program is known, so each table is closed). This keeps the concrete value's own
//! representation — no boxing of GC references, no vtable allocation per object.

use super::expr::mk;
use super::{DynImpl, DynTable, FnCx};
use crate::diagnostics::codes;
use crate::tir::{ExprKind, TExpr};
use crate::tir_walk::{walk_expr, Visitor};
use crate::types::{subst, Ty};

impl FnCx<'_> {
    /// The dispatch table of trait-object type `key`, created on first use.
    pub fn dyn_table(&mut self, key: &Ty) -> usize {
        if let Some(i) = self.ck.dyn_tables.iter().position(|t| t.key == *key) {
            return i;
        }
        let methods = match key {
            Ty::DynTrait(t) => self.trait_methods(*t).into_iter().map(|(_, n)| n).collect(),
            _ => vec!["call".to_string()],
        };
        self.ck.dyn_tables.push(DynTable { key: key.clone(), methods, entries: Vec::new() });
        self.ck.dyn_tables.len() - 1
    }

    /// Methods callable on `dyn t`: its own and its supertraits' (trait index, name).
    fn trait_methods(&self, t: usize) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut todo = vec![t];
        while let Some(t) = todo.pop() {
            if out.iter().any(|(u, _)| *u == t) {
                continue;
            }
            for (name, _) in &self.ck.trait_sigs[t] {
                out.push((t, name.clone()));
            }
            for s in &self.ck.program.traits[t].supertraits {
                if let Some(i) = self.ck.program.traits.iter().position(|x| x.name == *s) {
                    todo.push(i);
                }
            }
        }
        out
    }

    /// `Box<T>` → `Box<dyn Tr>` and `&T` → `&dyn Tr` (unsized coercion); the value back otherwise.
    pub fn coerce_to_dyn(&mut self, e: TExpr, exp: &Ty, found: &Ty) -> Result<TExpr, TExpr> {
        let (d, t) = match (exp, found) {
            (Ty::Boxed(d), Ty::Boxed(t)) | (Ty::Ref(_, d), Ty::Ref(_, t)) => (self.shallow(d), self.shallow(t)),
            _ => return Err(e),
        };
        let unknown = matches!(t, Ty::Var(v) if self.infer.kind_of(v) == Some(crate::types::VarKind::General));
        if !matches!(d, Ty::DynTrait(_) | Ty::DynFn(..)) || matches!(t, Ty::DynTrait(_) | Ty::DynFn(..)) || unknown {
            return Err(e);
        }
        if let (Ty::DynFn(ps, r), Ty::Closure(id)) = (&d, &t) {
            let cl = &self.ck.closures[*id];
            let (cps, cr): (Vec<Ty>, Ty) = (cl.params.iter().map(|p| p.ty.clone()).collect(), cl.body.ty.clone());
            for (a, b) in ps.iter().zip(cps.iter()) {
                let _ = self.infer.unify(a, b);
            }
            let _ = self.infer.unify(r, &cr);
        }
        let table = self.dyn_table(&d);
        let span = e.span.clone();
        Ok(mk(ExprKind::ToDyn(table, usize::MAX, Box::new(e)), exp.clone(), span))
    }

    /// `x.method(args)` where `x` is `dyn Trait` (after auto-deref): a dispatched call.
    pub fn dyn_method_call(&mut self, base: TExpr, t: usize, name: &str, m: &syn::ExprMethodCall) -> Option<TExpr> {
        use syn::spanned::Spanned;
        let (owner, _) = self.trait_methods(t).into_iter().find(|(_, n)| n == name)?;
        let sig = self.ck.trait_sigs[owner].iter().find(|(n, _)| n == name)?.1.clone();
        let dyn_ty = base.ty.clone();
        let table = self.dyn_table(&Ty::DynTrait(t));
        let idx = self.ck.dyn_tables[table].methods.iter().position(|n| n == name)?;
        if !matches!(sig.self_kind, super::SelfKind::Ref | super::SelfKind::RefMut) {
            self.err(codes::TRAITS, m.method.span(), format!("calling `{name}` through `dyn` needs a `&self` or `&mut self` receiver"), "", None);
            return Some(self.error_expr(m.span()));
        }
        let params: Vec<Ty> = sig.params[1..].iter().map(|p| subst(p, &[dyn_ty.clone()])).collect();
        let mut args = vec![base];
        args.extend(self.check_args_pub(&m.args, &params, m.span()));
        let ret = subst(&sig.ret, &[dyn_ty]);
        let span = self.span(m.method.span());
        Some(mk(ExprKind::DynCall(table, idx, args), ret, span))
    }

    /// `f(args)` where `f` is `dyn Fn(A..) -> R` (after peeling references and boxes).
    pub fn dyn_fn_call(&mut self, callee: TExpr, ps: Vec<Ty>, r: Ty, c: &syn::ExprCall, sp: proc_macro2::Span, span: crate::diagnostics::Span) -> TExpr {
        let key = Ty::DynFn(ps.clone(), Box::new(r.clone()));
        let table = self.dyn_table(&key);
        let mut args = vec![callee];
        args.extend(self.check_args_pub(&c.args, &ps, sp));
        mk(ExprKind::DynCall(table, 0, args), r, span)
    }

    /// Fills in the tags of a finished body's coercions, adding the concrete types to the tables.
    pub fn register_dyn_coercions(&mut self, e: &mut TExpr) {
        struct Reg<'a, 'b> {
            cx: &'a mut FnCx<'b>,
        }
        impl Visitor for Reg<'_, '_> {
            fn expr(&mut self, e: &mut TExpr) {
                let ExprKind::ToDyn(table, tag, inner) = &mut e.kind else { return };
                let concrete = match &inner.ty {
                    Ty::Boxed(t) | Ty::Ref(_, t) => (**t).clone(),
                    t => t.clone(),
                };
                match self.cx.dyn_entry(*table, &concrete, &e.span) {
                    Some(k) => *tag = k,
                    None => {
                        let n = self.cx.ck.ty_name(&concrete);
                        let d = self.cx.ck.program.sources.diag(codes::TRAITS, &e.span, format!("`{n}` cannot be used as this trait object yet"), "", Some("trait objects of structs/enums and of closures are supported".into()));
                        self.cx.errors.push(d);
                    }
                }
            }
        }
        walk_expr(&mut Reg { cx: self }, e);
    }

    /// The tag of `concrete` in `table`, instantiating its methods on first use.
    fn dyn_entry(&mut self, table: usize, concrete: &Ty, span: &crate::diagnostics::Span) -> Option<usize> {
        if let Some(k) = self.ck.dyn_tables[table].entries.iter().position(|(t, _)| t == concrete) {
            return Some(k);
        }
        let key = self.ck.dyn_tables[table].key.clone();
        let impls = match (&key, concrete) {
            (Ty::DynFn(..), Ty::Closure(id)) => vec![DynImpl::Closure(*id)],
            (Ty::DynTrait(_), Ty::Adt(..)) => {
                let mut fns = Vec::new();
                for name in self.ck.dyn_tables[table].methods.clone() {
                    let c = self.lookup_method(concrete, &name, None)?;
                    let targs: Vec<Ty> = c.targs.iter().map(|t| self.infer.finalize(t)).collect();
                    if targs.iter().any(super::mono::has_var) {
                        let d = self.ck.program.sources.diag(codes::TRAITS, span, format!("generic method `{name}` cannot be called through `dyn`"), "", None);
                        self.errors.push(d);
                        return None;
                    }
                    fns.push(DynImpl::Fn(super::mono::instantiate_fn(self.ck, c.f, targs)));
                }
                fns
            }
            _ => return None,
        };
        self.ck.dyn_tables[table].entries.push((concrete.clone(), impls));
        Some(self.ck.dyn_tables[table].entries.len() - 1)
    }
}
