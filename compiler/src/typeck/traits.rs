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
        if name == "default" && c.args.is_empty() {
            let target = match (&self_ty, trait_name.as_deref(), expected) {
                (Some(t), _, _) => Some(t.clone()),
                (None, Some("Default"), Some(e)) => Some(e.clone()),
                _ => None,
            };
            if let Some(t) = target {
                let t = self.shallow(&t);
                let span = self.span(c.span());
                if let Some(e) = self.std_default(&t, &span) {
                    return Some(e);
                }
                // `#[derive(Default)]` types, tuples and arrays of defaults (typeck/methods/ord.rs)
                if !matches!(t, Ty::Var(_)) {
                    if let Some(e) = self.derived_default(&t, &span, c.span()) {
                        return Some(e);
                    }
                }
            }
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
        let ret = self.reveal_ret(&callee, sig.ret.clone(), sp);
        Some(self.call_expr(callee, args, ret, span))
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

    /// The signature of `callee` with its type arguments substituted.
    pub fn callee_sig(&self, c: &Callee) -> super::FnSig {
        let sig = &self.ck.sigs[c.f];
        if sig.params.iter().chain(std::iter::once(&sig.ret)).any(has_proj) {
            // Projections normalize once the type arguments are known as far as inference goes.
            let targs: Vec<Ty> = c.targs.iter().map(|t| self.infer.resolve(t)).collect();
            let n = |t: &Ty| self.ck.normalize(&subst(t, &targs));
            return super::FnSig { fn_bounds: vec![], item_bounds: vec![], self_kind: sig.self_kind, params: sig.params.iter().map(n).collect(), ret: n(&sig.ret) };
        }
        super::FnSig { fn_bounds: vec![], item_bounds: vec![], self_kind: sig.self_kind, params: sig.params.iter().map(|t| subst(t, &c.targs)).collect(), ret: subst(&sig.ret, &c.targs) }
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

/// The std operator trait and its method for a binary operator.
fn op_trait(op: crate::tir::BinOp) -> Option<(&'static str, &'static str)> {
    use crate::tir::BinOp::*;
    Some(match op {
        Add => ("Add", "add"),
        Sub => ("Sub", "sub"),
        Mul => ("Mul", "mul"),
        Div => ("Div", "div"),
        Rem => ("Rem", "rem"),
        BitAnd => ("BitAnd", "bitand"),
        BitOr => ("BitOr", "bitor"),
        BitXor => ("BitXor", "bitxor"),
        Shl => ("Shl", "shl"),
        Shr => ("Shr", "shr"),
        _ => return None,
    })
}

impl FnCx<'_> {
    /// `a + b` on a user type: `Add::add(a, b)`, the impl chosen by both operand types.
    pub fn overloaded_binary(&mut self, op: crate::tir::BinOp, l: TExpr, r: TExpr, span: &Span, sp: proc_macro2::Span) -> TExpr {
        let Some((tr, method)) = op_trait(op) else { return self.error_expr(sp) };
        // Impls on the operand types as written (`impl Mul for &M`), then on the dereferenced values.
        let mut l = l;
        let mut r = r;
        let mut callee = None;
        for pass in 0..2 {
            if pass == 1 {
                l = self.auto_deref_operand(l);
                r = self.auto_deref_operand(r);
            }
            let lt = self.shallow(&l.ty);
            let rt = r.ty.clone();
            callee = self.lookup_method_where(&lt, method, Some(tr), &mut |cx, c| {
                let sig = cx.callee_sig(c);
                sig.params.len() == 2 && cx.infer.unify(&sig.params[1], &rt).is_ok()
            });
            if callee.is_some() {
                break;
            }
        }
        let lt = self.shallow(&l.ty);
        match callee {
            Some(c) => {
                let sig = self.callee_sig(&c);
                self.call_expr(c, vec![l, r], sig.ret.clone(), span.clone())
            }
            None => {
                let n = self.ty_name(&lt);
                self.err(crate::diagnostics::codes::TYPE_MISMATCH, sp, format!("cannot apply binary operator to type `{n}`"), "", Some(&format!("implement `std::ops::{tr}` for it")));
                self.error_expr(sp)
            }
        }
    }

    /// `a += b` on a user type: `AddAssign::add_assign(&mut a, b)`, or `a = a + b` with an `Add` impl.
    pub fn overloaded_compound(&mut self, op: crate::tir::BinOp, lhs: TExpr, b: &syn::ExprBinary, span: &Span) -> Option<TExpr> {
        use syn::spanned::Spanned;
        let lt = self.shallow(&lhs.ty);
        if !matches!(lt, Ty::Adt(..)) {
            return None;
        }
        let (tr, method) = op_trait(op)?;
        let r = self.check_expr(&b.right, None);
        let r = self.auto_deref_operand(r);
        let rt = r.ty.clone();
        let assign_tr = format!("{tr}Assign");
        let assign_m = format!("{method}_assign");
        let callee = self.lookup_method_where(&lt, &assign_m, Some(&assign_tr), &mut |cx, c| {
            let sig = cx.callee_sig(c);
            sig.params.len() == 2 && cx.infer.unify(&sig.params[1], &rt).is_ok()
        });
        if let Some(c) = callee {
            let s = lhs.span.clone();
            let place = mk(ExprKind::AddrOf(true, Box::new(lhs.clone())), Ty::Ref(true, Box::new(lhs.ty.clone())), s);
            return Some(self.call_expr(c, vec![place, r], Ty::Unit, span.clone()));
        }
        let sum = self.overloaded_binary(op, lhs.clone(), r, span, b.span());
        Some(mk(ExprKind::Assign(Box::new(lhs), Box::new(sum)), Ty::Unit, span.clone()))
    }

    /// `a == b` with a hand-written `PartialEq` impl calls its `eq`. Hand-written ordering impls are not
    /// lowered yet: refuse rather than compare structurally.
    pub fn overloaded_compare(&mut self, op: crate::tir::BinOp, l: TExpr, r: TExpr, span: &Span, sp: proc_macro2::Span) -> Option<TExpr> {
        use crate::tir::BinOp::*;
        let lt = self.shallow(&l.ty);
        let Ty::Adt(a, _) = lt else { return None };
        let user_impl = |cx: &Self, t: &str| cx.ck.program.impls.iter().enumerate().any(|(i, imp)| imp.trait_name.as_deref() == Some(t) && matches!(&cx.ck.impl_self[i], Ty::Adt(b, _) if *b == a));
        let generic_impl = |cx: &Self, t: &str| cx.ck.program.impls.iter().enumerate().any(|(i, imp)| imp.trait_name.as_deref() == Some(t) && !imp.generics.is_empty() && matches!(&cx.ck.impl_self[i], Ty::Adt(b, _) if *b == a));
        match op {
            Eq | Ne if user_impl(self, "PartialEq") => {
                let rt = r.ty.clone();
                let c = self.lookup_method_where(&lt, "eq", Some("PartialEq"), &mut |cx, c| {
                    let sig = cx.callee_sig(c);
                    sig.params.len() == 2 && cx.infer.unify(&sig.params[1], &Ty::Ref(false, Box::new(rt.clone()))).is_ok()
                })?;
                let (ls, rs) = (l.span.clone(), r.span.clone());
                let (ltt, rtt) = (l.ty.clone(), r.ty.clone());
                let args = vec![mk(ExprKind::AddrOf(false, Box::new(l)), Ty::Ref(false, Box::new(ltt)), ls), mk(ExprKind::AddrOf(false, Box::new(r)), Ty::Ref(false, Box::new(rtt)), rs)];
                let call = self.call_expr(c, args, Ty::Bool, span.clone());
                Some(if op == Ne { mk(ExprKind::Unary(crate::tir::UnOp::Not, Box::new(call)), Ty::Bool, span.clone()) } else { call })
            }
            // Hand-written `Ord` impls are called by the lowering's comparison helper; other hand-written
            // orderings are refused rather than compared structurally.
            Lt | Le | Gt | Ge if (user_impl(self, "PartialOrd") && !user_impl(self, "Ord")) || generic_impl(self, "PartialOrd") || generic_impl(self, "Ord") => {
                self.err(crate::diagnostics::codes::TRAITS, sp, "comparison through a hand-written `PartialOrd` impl without `Ord` is not supported yet", "", Some("implement `Ord` too (with `partial_cmp` returning `Some(self.cmp(other))`), or derive them"));
                Some(self.error_expr(sp))
            }
            _ => None,
        }
    }
}

impl FnCx<'_> {
    /// `v[i]` on a user type: `*Index::index(&v, i)`, or `*IndexMut::index_mut(&mut v, i)` as an
    /// assignment target.
    pub fn overloaded_index(&mut self, base: TExpr, i: &syn::ExprIndex, want_mut: bool) -> TExpr {
        use syn::spanned::Spanned;
        let sp = i.span();
        let span = self.span(sp);
        let bt = self.shallow(&base.ty);
        let idx = self.check_expr(&i.index, None);
        let it = idx.ty.clone();
        let (tr, m) = if want_mut { ("IndexMut", "index_mut") } else { ("Index", "index") };
        let callee = self.lookup_method_where(&bt, m, Some(tr), &mut |cx, c| {
            let sig = cx.callee_sig(c);
            sig.params.len() == 2 && cx.infer.unify(&sig.params[1], &it).is_ok()
        });
        let Some(c) = callee else {
            let n = self.ty_name(&bt);
            self.err(crate::diagnostics::codes::TYPE_MISMATCH, sp, format!("cannot index into a value of type `{n}`"), "", Some("implement `std::ops::Index` for it"));
            return self.error_expr(sp);
        };
        let sig = self.callee_sig(&c);
        let bs = base.span.clone();
        let recv = mk(ExprKind::AddrOf(want_mut, Box::new(base)), Ty::Ref(want_mut, Box::new(bt)), bs);
        let ret = sig.ret.clone();
        let call = self.call_expr(c, vec![recv, idx], ret.clone(), span.clone());
        let elem = match self.shallow(&ret) {
            Ty::Ref(_, t) => *t,
            other => other,
        };
        mk(ExprKind::Deref(Box::new(call)), elem, span)
    }
}

impl FnCx<'_> {
    /// The hidden type behind a callee's `-> impl Trait`, checking the callee's body now if needed (it
    /// has to be known at the call site). Other return types pass through.
    pub fn reveal_ret(&mut self, c: &Callee, ret: Ty, sp: proc_macro2::Span) -> Ty {
        if !matches!(ret, Ty::Opaque(_)) {
            return ret;
        }
        let f = if c.targs.is_empty() {
            c.f
        } else {
            let targs: Vec<Ty> = c.targs.iter().map(|t| self.infer.resolve(t)).collect();
            if targs.iter().any(super::mono::has_var) {
                self.err(crate::diagnostics::codes::ANNOTATIONS_NEEDED, sp, "type annotations needed", "the `impl Trait` returned here depends on types not known yet", Some("annotate the arguments' types"));
                return self.fresh();
            }
            // Closures among the type arguments: their types as far as this body knows them.
            let mut ids = Vec::new();
            for t in &targs {
                closure_ids(t, &mut ids);
            }
            for id in ids {
                if !self.ck.closure_info.contains_key(&id) {
                    let cl = &self.ck.closures[id];
                    let ps: Vec<Ty> = cl.params.iter().map(|p| p.ty.clone()).collect();
                    let r = cl.body.ty.clone();
                    let ps = ps.iter().map(|t| self.infer.finalize(t)).collect();
                    let r = self.infer.finalize(&r);
                    self.ck.closure_sigs.insert(id, (ps, r));
                }
            }
            super::mono::instantiate_fn(self.ck, c.f, targs)
        };
        if let Some(t) = self.ck.opaque.get(&f).cloned() {
            return self.checked_opaque(t, sp);
        }
        if self.ck.checking.contains(&f) {
            self.err(crate::diagnostics::codes::TRAITS, sp, "a recursive call of a function returning `impl Trait` is not supported", "", None);
            return self.fresh();
        }
        match super::expr::check_fn(self.ck, f) {
            Ok(body) => {
                self.ck.bodies.insert(f, body);
            }
            Err(e) => self.errors.extend(e),
        }
        match self.ck.opaque.get(&f).cloned() {
            Some(t) => self.checked_opaque(t, sp),
            None => self.fresh(),
        }
    }

    /// An `impl Iterator` crosses the call as a materialized iterator (the chain is side-effect free,
    /// which the lowering checks, so collecting it early is not observable).
    fn checked_opaque(&mut self, t: Ty, _sp: proc_macro2::Span) -> Ty {
        t
    }
}

impl FnCx<'_> {
    /// Checks call arguments against `params` (the callee's substituted parameter types, from index
    /// `offset`). A closure passed for a parameter `F: Fn(A) -> R` is checked with `A`/`R` as its
    /// parameter/return types, as rustc does, and a closure value passed there fixes `A`/`R`.
    pub fn check_callee_args(&mut self, c: &Callee, args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>, params: &[Ty], offset: usize, sp: proc_macro2::Span) -> Vec<TExpr> {
        use syn::spanned::Spanned;
        if args.len() != params.len() {
            self.err(crate::diagnostics::codes::ARITY, sp, format!("this function takes {} arguments but {} were supplied", params.len(), args.len()), "", None);
        }
        let tmpl = self.ck.sigs[c.f].clone();
        let mut out = Vec::new();
        for (j, (a, expected)) in args.iter().zip(params.iter().chain(std::iter::repeat(&Ty::Never))).enumerate() {
            let bound = match tmpl.params.get(j + offset).map(|t| t.peel_refs().clone()) {
                Some(Ty::Param(i)) => tmpl.fn_bounds.iter().find(|b| b.0 == i as usize).cloned(),
                _ => None,
            };
            let Some((_, bargs, bret)) = bound else {
                out.push(self.check_expr_coerce(a, expected));
                continue;
            };
            let bargs: Vec<Ty> = bargs.iter().map(|t| subst(t, &c.targs)).collect();
            let bret = subst(&bret, &c.targs);
            if let syn::Expr::Closure(cl) = a {
                let e = self.check_closure_value_with(cl, Some(&bargs), Some(&bret));
                let t = e.ty.clone();
                self.expect_ty(a.span(), expected.peel_refs(), &t);
                let e = if let Ty::Ref(m, _) = self.shallow(expected) {
                    let s = e.span.clone();
                    mk(ExprKind::AddrOf(m, Box::new(e)), Ty::Ref(m, Box::new(t)), s)
                } else {
                    e
                };
                out.push(e);
                continue;
            }
            let e = self.check_expr_coerce(a, expected);
            if let Ty::Closure(id) = self.shallow(e.ty.peel_refs()) {
                let (ps, r) = match self.ck.closure_info.get(&id) {
                    Some(info) => (info.params.clone(), info.ret.clone()),
                    None => (self.ck.closures[id].params.iter().map(|p| p.ty.clone()).collect(), self.ck.closures[id].body.ty.clone()),
                };
                for (x, y) in bargs.iter().zip(ps.iter()) {
                    let _ = self.infer.unify(x, y);
                }
                let _ = self.infer.unify(&bret, &r);
            }
            out.push(e);
        }
        // `I: IntoIterator<Item = X>`: the argument's item type is `X`.
        for (i, item) in tmpl.item_bounds.iter() {
            if let Some(ti) = c.targs.get(*i).cloned() {
                if let Some(it) = super::mono::item_of(&self.infer.resolve(&ti)) {
                    let x = subst(item, &c.targs);
                    let _ = self.infer.unify(&it, &x);
                }
            }
        }
        out
    }
}

fn closure_ids(t: &Ty, out: &mut Vec<usize>) {
    match t {
        Ty::Closure(id) => out.push(*id),
        Ty::Tuple(ts) | Ty::Adt(_, ts) => ts.iter().for_each(|x| closure_ids(x, out)),
        Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Array(e, _) => closure_ids(e, out),
        _ => {}
    }
}

impl FnCx<'_> {
    /// `Default::default()` of a std type (numbers are 0, `String`/`Vec` empty, `Option` None, tuples
    /// and arrays element-wise). None for user types (their `Default` impl or derive decides).
    pub fn std_default(&mut self, t: &Ty, span: &Span) -> Option<TExpr> {
        let t = self.shallow(t);
        let kind = match &t {
            Ty::Int(_) => ExprKind::Int(0),
            Ty::F32 | Ty::F64 => ExprKind::Float(0.0),
            Ty::Bool => ExprKind::Bool(false),
            Ty::Char => ExprKind::Char('\0'),
            Ty::Unit => ExprKind::Unit,
            Ty::String => ExprKind::Std("string.new", vec![]),
            Ty::Vec(_) => ExprKind::Std("vec.new", vec![]),
            Ty::Option(_) => ExprKind::Variant(0, vec![]),
            Ty::Tuple(ts) => {
                let mut es = Vec::new();
                for x in ts.clone() {
                    es.push(self.std_default(&x, span)?);
                }
                ExprKind::Tuple(es)
            }
            _ => return None,
        };
        Some(mk(kind, t, span.clone()))
    }
}

/// Iterator methods a user `impl Iterator` gets from std (adapters and consumers).
const ITERATOR_METHODS: &[&str] = &[
    "map", "filter", "filter_map", "flat_map", "flatten", "enumerate", "zip", "chain", "skip", "take", "skip_while", "take_while", "step_by",
    "peekable", "cloned", "copied", "inspect", "scan", "map_while", "fold", "sum", "product", "count", "min", "max", "min_by", "max_by", "min_by_key",
    "max_by_key", "any", "all", "find", "find_map", "position", "last", "nth", "collect", "partition", "for_each", "reduce", "unzip", "eq", "cmp",
];

impl FnCx<'_> {
    /// `fib.take_while(..)` on a user iterator: an iterator chain whose source calls its `next`.
    pub fn user_iterator_source(&mut self, base: TExpr, name: &str) -> Result<TExpr, TExpr> {
        let bt = self.shallow(&base.ty);
        if !matches!(bt, Ty::Adt(..)) || !ITERATOR_METHODS.contains(&name) {
            return Err(base);
        }
        let Some(callee) = self.lookup_method(&bt, "next", Some("Iterator")) else { return Err(base) };
        let sig = self.callee_sig(&callee);
        let Ty::Option(item) = self.shallow(&sig.ret) else { return Err(base) };
        let span = base.span.clone();
        let rt = Ty::Ref(true, Box::new(bt.clone()));
        let l = self.new_local("iter", rt.clone());
        let init = mk(ExprKind::AddrOf(true, Box::new(base)), rt.clone(), span.clone());
        let next = self.call_expr(callee, vec![mk(ExprKind::Local(l), rt.clone(), span.clone())], sig.ret.clone(), span.clone());
        let local = mk(ExprKind::Local(l), rt, span.clone());
        Ok(mk(ExprKind::IterSource("user", vec![init, next, local]), Ty::Iter(item), span))
    }
}

impl FnCx<'_> {
    /// `-x` / `!x` on a user type (or a reference to one): `Neg::neg(x)` / `Not::not(x)`.
    pub fn overloaded_unary(&mut self, inner: TExpr, tr: &str, method: &str, span: &Span) -> Option<TExpr> {
        let t = self.shallow(&inner.ty);
        if !matches!(self.resolve(&t).peel_refs(), Ty::Adt(..)) {
            return None;
        }
        let mut e = inner;
        for pass in 0..2 {
            if pass == 1 {
                e = self.auto_deref_operand(e);
            }
            let t = self.shallow(&e.ty);
            if let Some(c) = self.lookup_method(&t, method, Some(tr)) {
                let sig = self.callee_sig(&c);
                return Some(self.call_expr(c, vec![e], sig.ret.clone(), span.clone()));
            }
        }
        None
    }
}

impl FnCx<'_> {
    /// `T::try_from(x)` between integer types: `Ok(x as T)` when the value fits, else
    /// `Err(TryFromIntError(()))` (a prelude struct, printed like std's).
    pub fn int_try_from(&mut self, target: crate::types::IntTy, arg: &syn::Expr, span: Span) -> TExpr {
        use crate::tir::{BinOp, Stmt, TPat, PatKind};
        let x = self.check_expr(arg, None);
        let x = self.auto_deref_operand(x);
        let src = match self.infer.finalize(&x.ty) {
            Ty::Int(i) => i,
            _ => {
                self.err(crate::diagnostics::codes::TYPE_MISMATCH, proc_macro2::Span::call_site(), "`try_from` needs an integer argument here", "", None);
                return self.error_expr(proc_macro2::Span::call_site());
            }
        };
        let _ = self.infer.unify(&x.ty, &Ty::Int(src));
        let err_adt = self.ck.program.adts.iter().position(|a| a.name == "TryFromIntError" && self.ck.program.mods[a.module].is_prelude);
        let Some(err_adt) = err_adt else { return self.error_expr(proc_macro2::Span::call_site()) };
        let err_ty = Ty::Adt(err_adt, vec![]);
        let rt = Ty::Result(Box::new(Ty::Int(target)), Box::new(err_ty.clone()));
        let (st, tt) = (Ty::Int(src), Ty::Int(target));
        let l = self.new_local("x", st.clone());
        let xe = || mk(ExprKind::Local(l), st.clone(), span.clone());
        // fits: (x as T) as S == x, and the sign survives.
        let narrowed = mk(ExprKind::Cast(Box::new(xe())), tt.clone(), span.clone());
        let back = mk(ExprKind::Cast(Box::new(narrowed.clone())), st.clone(), span.clone());
        let mut cond = mk(ExprKind::Binary(BinOp::Eq, Box::new(back), Box::new(xe())), Ty::Bool, span.clone());
        let zero_s = mk(ExprKind::Int(0), st.clone(), span.clone());
        let zero_t = mk(ExprKind::Int(0), tt.clone(), span.clone());
        if src.signed() && !target.signed() {
            let nonneg = mk(ExprKind::Binary(BinOp::Ge, Box::new(xe()), Box::new(zero_s)), Ty::Bool, span.clone());
            cond = mk(ExprKind::Binary(BinOp::And, Box::new(cond), Box::new(nonneg)), Ty::Bool, span.clone());
        } else if !src.signed() && target.signed() {
            let nonneg = mk(ExprKind::Binary(BinOp::Ge, Box::new(narrowed.clone()), Box::new(zero_t)), Ty::Bool, span.clone());
            cond = mk(ExprKind::Binary(BinOp::And, Box::new(cond), Box::new(nonneg)), Ty::Bool, span.clone());
        }
        let ok = mk(ExprKind::Variant(0, vec![narrowed]), rt.clone(), span.clone());
        let unit = mk(ExprKind::Unit, Ty::Unit, span.clone());
        let err_val = mk(ExprKind::Struct(err_adt, vec![Some(unit)], None), err_ty, span.clone());
        let err = mk(ExprKind::Variant(1, vec![err_val]), rt.clone(), span.clone());
        let iff = mk(ExprKind::If(Box::new(cond), Box::new(ok), Some(Box::new(err))), rt.clone(), span.clone());
        let pat = TPat { kind: PatKind::Bind(l, None), ty: st, span: span.clone() };
        mk(ExprKind::Block(vec![Stmt::Let(pat, Some(x))], Some(Box::new(iff))), rt, span)
    }
}

fn has_proj(t: &Ty) -> bool {
    match t {
        Ty::Proj(..) => true,
        Ty::Tuple(ts) | Ty::Adt(_, ts) => ts.iter().any(has_proj),
        Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Iter(e) => has_proj(e),
        Ty::Result(a, b) => has_proj(a) || has_proj(b),
        _ => false,
    }
}

impl FnCx<'_> {
    /// The constant `name` of a trait impl for `ty` (or the trait's default), if any.
    pub fn assoc_const_of(&mut self, ty: &Ty, name: &str) -> Option<usize> {
        let ty = self.shallow(ty);
        if matches!(ty, Ty::Var(_)) {
            return None;
        }
        for i in 0..self.ck.program.impls.len() {
            if self.ck.program.impls[i].trait_name.is_none() {
                continue;
            }
            let n = self.ck.program.impls[i].generics.len();
            let targs: Vec<Ty> = (0..n).map(|_| self.fresh()).collect();
            let saved = self.infer.clone();
            if !self.impl_matches(i, &ty, &targs) {
                continue;
            }
            let imp = &self.ck.program.impls[i];
            if let Some(&c) = imp.consts.get(name) {
                return Some(c);
            }
            if let Some(t) = imp.trait_id {
                if let Some(&c) = self.ck.program.traits[t].default_consts.get(name) {
                    return Some(c);
                }
            }
            self.infer = saved;
        }
        None
    }
}

impl FnCx<'_> {
    /// `x.to_le_bytes()` / `to_be_bytes()` (`to_ne_bytes` is little-endian on wasm): `[u8; N]` of the
    /// shifted bytes.
    pub fn int_to_bytes(&mut self, x: TExpr, i: crate::types::IntTy, big_endian: bool, span: Span) -> TExpr {
        use crate::tir::{BinOp, PatKind, Stmt, TPat};
        let t = Ty::Int(i);
        let _ = self.infer.unify(&x.ty, &t);
        let l = self.new_local("x", t.clone());
        let n = (i.bits() / 8) as usize;
        let u8t = Ty::Int(crate::types::IntTy::U8);
        let mut bytes = Vec::new();
        for k in 0..n {
            let shift = if big_endian { (n - 1 - k) * 8 } else { k * 8 };
            let v = mk(ExprKind::Local(l), t.clone(), span.clone());
            let sh = mk(ExprKind::Binary(BinOp::Shr, Box::new(v), Box::new(mk(ExprKind::Int(shift as i128), Ty::Int(crate::types::IntTy::U32), span.clone()))), t.clone(), span.clone());
            bytes.push(mk(ExprKind::Cast(Box::new(sh)), u8t.clone(), span.clone()));
        }
        let at = Ty::Array(Box::new(u8t), n as u32);
        let arr = mk(ExprKind::Array(bytes), at.clone(), span.clone());
        let pat = TPat { kind: PatKind::Bind(l, None), ty: t, span: span.clone() };
        mk(ExprKind::Block(vec![Stmt::Let(pat, Some(x))], Some(Box::new(arr))), at, span)
    }
}
