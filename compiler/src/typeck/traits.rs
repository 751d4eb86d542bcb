//! Method and associated-item lookup through impl blocks: inherent impls, user and std trait impls
//! (`impl Shape for Square`, `impl Add for Point`, `impl<T: Display> Show for Vec<T>`) and trait default
//! methods. Types are concrete inside instance bodies, so selection is plain unification of each impl's
//! self type with the receiver (static dispatch).

use super::expr::mk;
use super::FnCx;
use crate::diagnostics::Span;
use crate::tir::{ExprKind, TExpr};
use crate::types::{subst, Ty};

/// Std traits a path may name as a prefix (`Default::default()`, `From::from(x)`).
const STD_TRAITS: &[&str] = &["Default", "From", "Into", "Clone", "PartialEq", "PartialOrd", "Ord", "Iterator", "Add", "Sub", "Mul", "Div", "Rem", "Neg", "Not", "Display", "Debug", "ToString", "FromStr"];

/// A selected callee: the fn (maybe a template) and its type arguments (inference variables allowed).
pub struct Callee {
    pub f: usize,
    pub targs: Vec<Ty>,
}

impl FnCx<'_> {
    /// Fresh type arguments for fn `f`.
    fn fresh_targs(&mut self, f: usize) -> Vec<Ty> {
        (0..self.ck.program.fns[f].generics.len()).map(|_| self.fresh()).collect()
    }

    /// Whether impl `i`'s self type can be `ty` (unifies on success, leaves no trace on failure).
    fn impl_matches(&mut self, i: usize, ty: &Ty, targs: &[Ty]) -> bool {
        let self_ty = subst(&self.ck.impl_self[i], targs);
        let saved = self.infer.clone();
        if self.infer.unify(&self_ty, ty).is_ok() {
            true
        } else {
            self.infer = saved;
            false
        }
    }

    /// The impls of trait `trait_name` (user or std, by name) whose self type matches `ty`.
    fn impls_for(&self, ty: &Ty, trait_name: Option<&str>) -> Vec<usize> {
        let _ = ty;
        let mut out: Vec<usize> = (0..self.ck.program.impls.len())
            .filter(|&i| {
                let imp = &self.ck.program.impls[i];
                imp.trait_name.is_some() && trait_name.is_none_or(|t| imp.trait_name.as_deref() == Some(t))
            })
            .collect();
        // Blanket impls (`impl<T> Tr for T`) last.
        out.sort_by_key(|&i| matches!(self.ck.impl_self[i], Ty::Param(_)));
        out
    }

    /// Finds `name` for a receiver or `Self` type `ty`: inherent methods, then trait impl methods, then
    /// default methods of traits `ty` implements. `trait_name` restricts to one trait (operators).
    pub fn lookup_method(&mut self, ty: &Ty, name: &str, trait_name: Option<&str>) -> Option<Callee> {
        self.lookup_method_where(ty, name, trait_name, &mut |_, _| true)
    }

    /// Like `lookup_method`, taking the first candidate `accept` agrees to (it may unify, e.g. argument
    /// types to choose between `From<A>` and `From<B>`; a refused candidate's unifications are undone).
    pub fn lookup_method_where(&mut self, ty: &Ty, name: &str, trait_name: Option<&str>, accept: &mut dyn FnMut(&mut Self, &Callee) -> bool) -> Option<Callee> {
        let ty = self.shallow(ty);
        if trait_name.is_none() {
            if let Ty::Adt(a, _) = &ty {
                if let Some(&f) = self.ck.program.methods.get(&(*a, name.to_string())) {
                    let targs = self.fresh_targs(f);
                    if let Some(i) = self.ck.program.fns[f].impl_id {
                        self.impl_matches(i, &ty, &targs);
                    }
                    return Some(Callee { f, targs });
                }
            }
        }
        if matches!(ty, Ty::Var(_)) {
            return None;
        }
        for i in self.impls_for(&ty, trait_name) {
            let Some(&f) = self.ck.program.impls[i].methods.get(name) else { continue };
            let targs = self.fresh_targs(f);
            let saved = self.infer.clone();
            if self.impl_matches(i, &ty, &targs) {
                let c = Callee { f, targs };
                if accept(self, &c) {
                    return Some(c);
                }
                self.infer = saved;
            }
        }
        // Default methods: `ty` must implement the trait (or a trait that has it as a supertrait).
        for t in 0..self.ck.program.traits.len() {
            let Some(&f) = self.ck.program.traits[t].defaults.get(name) else { continue };
            let tname = self.ck.program.traits[t].name.clone();
            if trait_name.is_some_and(|n| n != tname) {
                continue;
            }
            if self.implements(&ty, t) {
                let mut targs = self.fresh_targs(f);
                targs[0] = ty.clone();
                return Some(Callee { f, targs });
            }
        }
        None
    }

    /// The type named by all but the last segment of a value path (`Stack::<i32>` in `Stack::<i32>::new`,
    /// `T` in `T::default`), if it names a type.
    pub fn path_prefix_ty(&mut self, path: &syn::Path) -> Result<Option<Ty>, ()> {
        if path.segments.len() < 2 {
            return Ok(None);
        }
        let mut prefix = path.clone();
        prefix.segments.pop();
        let last = prefix.segments.pop().map(|p| p.into_value());
        if let Some(l) = last {
            prefix.segments.push(l);
        }
        let segs: Vec<String> = prefix.segments.iter().map(|s| s.ident.to_string()).collect();
        if segs.len() == 1 {
            if let Some(t) = self.env.param(&segs[0]) {
                return Ok(Some(t.clone()));
            }
        }
        let t = syn::Type::Path(syn::TypePath { qself: None, path: prefix });
        match self.to_ty(&t) {
            Ok(t) => Ok(Some(t)),
            Err(_) => match crate::resolve::resolve_path_in(&self.ck.program, self.module, &segs) {
                Some(crate::resolve::Def::Adt(a)) => Ok(Some(self.fresh_adt(a).0)),
                _ => Ok(None),
            },
        }
    }

    /// `Type::assoc(args)`, `T::default()`, `Trait::method(x)`, `Point::from(x)`: an associated fn or
    /// method of an impl, selected by the prefix type (or, for a trait path, by the first argument or the
    /// expected type) and, among several `From` impls, by the argument types.
    pub fn assoc_call(&mut self, segs: &[String], path: &syn::Path, c: &syn::ExprCall, expected: Option<&Ty>) -> Option<TExpr> {
        use syn::spanned::Spanned;
        if segs.len() < 2 {
            return None;
        }
        let name = segs[segs.len() - 1].clone();
        let prefix = &segs[..segs.len() - 1];
        let user_trait = match crate::resolve::resolve_path_in(&self.ck.program, self.module, prefix) {
            Some(crate::resolve::Def::Trait(t)) => Some(self.ck.program.traits[t].name.clone()),
            _ => None,
        };
        let std_trait = prefix.len() == 1 && STD_TRAITS.contains(&prefix[0].as_str()) && self.env.param(&prefix[0]).is_none();
        let trait_name = user_trait.or_else(|| std_trait.then(|| prefix[0].clone()));
        let self_ty = if trait_name.is_some() { None } else { self.path_prefix_ty(path).ok().flatten() };
        if trait_name.is_none() && self_ty.is_none() {
            return None;
        }
        // Only take over when some impl provides `name` (std associated fns keep their own table).
        let any = self.ck.program.impls.iter().any(|i| i.trait_name.is_some() && i.methods.contains_key(&name) && trait_name.as_ref().is_none_or(|t| i.trait_name.as_ref() == Some(t)))
            || self.ck.program.traits.iter().any(|t| t.defaults.contains_key(&name));
        if !any {
            return None;
        }
        if let Some(t) = &self_ty {
            let t = self.shallow(t);
            if matches!(t, Ty::Var(_)) {
                return None;
            }
            let saved = self.infer.clone();
            let found = self.lookup_method(&t, &name, None).is_some();
            self.infer = saved;
            if !found {
                return None;
            }
        }
        let sp = c.span();
        let args: Vec<TExpr> = c.args.iter().map(|a| self.check_expr(a, None)).collect();
        let self_ty = match self_ty {
            Some(t) => t,
            None => match (args.first(), expected) {
                (Some(a), _) if name != "from" => a.ty.peel_refs().clone(),
                (_, Some(e)) => e.clone(),
                _ => {
                    self.err(crate::diagnostics::codes::ANNOTATIONS_NEEDED, sp, "type annotations needed", "cannot infer the implementing type", Some("write `Type::method(...)`"));
                    return Some(self.error_expr(sp));
                }
            },
        };
        let arg_tys: Vec<Ty> = args.iter().map(|a| a.ty.clone()).collect();
        let callee = self.lookup_method_where(&self_ty, &name, trait_name.as_deref(), &mut |cx, c| {
            let sig = cx.callee_sig(c);
            sig.params.len() == arg_tys.len() && sig.params.iter().zip(&arg_tys).all(|(p, a)| cx.infer.unify(p, a).is_ok())
        });
        let Some(callee) = callee else {
            let tn = self.ty_name(&self_ty);
            self.err(crate::diagnostics::codes::UNKNOWN_METHOD, c.func.span(), format!("no function `{name}` found for `{tn}`"), "", None);
            return Some(self.error_expr(sp));
        };
        let sig = self.callee_sig(&callee);
        let args = args.into_iter().zip(sig.params.iter()).map(|(a, p)| self.coerce(a, p, sp)).collect();
        let span = self.span(sp);
        Some(self.call_expr(callee, args, sig.ret.clone(), span))
    }

    /// Whether `ty` implements user trait `t`.
    fn implements(&mut self, ty: &Ty, t: usize) -> bool {
        for i in 0..self.ck.program.impls.len() {
            if self.ck.program.impls[i].trait_id != Some(t) {
                continue;
            }
            let n = self.ck.program.impls[i].generics.len();
            let targs: Vec<Ty> = (0..n).map(|_| self.fresh()).collect();
            if self.impl_matches(i, ty, &targs) {
                return true;
            }
        }
        false
    }

    /// The impl of associated type `name` for `ty` (`<ty as Trait>::name`).
    pub fn assoc_type_of(&mut self, ty: &Ty, name: &str) -> Option<Ty> {
        for i in self.impls_for(ty, None) {
            let Some(syn_t) = self.ck.program.impls[i].assoc_types.get(name).cloned() else { continue };
            let n = self.ck.program.impls[i].generics.len();
            let targs: Vec<Ty> = (0..n).map(|_| self.fresh()).collect();
            if self.impl_matches(i, ty, &targs) {
                let imp = &self.ck.program.impls[i];
                let env = super::TyEnv { self_ty: Some(ty.clone()), ..super::TyEnv::generic(&imp.generics) };
                let t = super::items::syn_to_ty_env(&self.ck.program, imp.module, imp.file, &env, &syn_t).ok()?;
                return Some(subst(&t, &targs));
            }
        }
        None
    }

    /// The signature of `callee` with its type arguments substituted.
    pub fn callee_sig(&self, c: &Callee) -> super::FnSig {
        let sig = &self.ck.sigs[c.f];
        super::FnSig { self_kind: sig.self_kind, params: sig.params.iter().map(|t| subst(t, &c.targs)).collect(), ret: subst(&sig.ret, &c.targs) }
    }

    /// A call of `callee` (a `CallInst` when it is generic: mono resolves it once types are known).
    pub fn call_expr(&self, c: Callee, args: Vec<TExpr>, ret: Ty, span: Span) -> TExpr {
        if c.targs.is_empty() {
            mk(ExprKind::Call(c.f, args), ret, span)
        } else {
            mk(ExprKind::CallInst(c.f, c.targs, args), ret, span)
        }
    }
}
