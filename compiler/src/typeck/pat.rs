//! Type checking of patterns, with rustc's default binding modes (matching `&T` against a non-reference
//! pattern binds by reference).

use super::expr::{mk, path_segs};
use super::FnCx;
use crate::diagnostics::codes;
use crate::resolve::{Def, Shape};
use crate::tir::{ExprKind, PatKind, TPat};
use crate::types::Ty;
use syn::spanned::Spanned;

impl FnCx<'_> {
    pub fn check_pat(&mut self, p: &syn::Pat, expected: &Ty) -> TPat {
        self.check_pat_mode(p, expected, None)
    }

    fn wild(&self, sp: proc_macro2::Span, ty: &Ty) -> TPat {
        TPat { kind: PatKind::Wild, ty: ty.clone(), span: self.span(sp) }
    }

    /// `mode`: Some(mutable) when matching through a reference (default binding mode `ref`/`ref mut`).
    fn check_pat_mode(&mut self, p: &syn::Pat, expected: &Ty, mode: Option<bool>) -> TPat {
        let sp = p.span();
        let span = self.span(sp);
        let exp = self.shallow(expected);
        // Default binding modes: a non-reference pattern against `&T` dereferences.
        let is_ref_pat = matches!(p, syn::Pat::Ident(_) | syn::Pat::Wild(_) | syn::Pat::Reference(_) | syn::Pat::Rest(_) | syn::Pat::Or(_) | syn::Pat::Paren(_) | syn::Pat::Type(_));
        if let Ty::Ref(m, inner) = &exp {
            let lit_str = matches!(p, syn::Pat::Lit(syn::PatLit { lit: syn::Lit::Str(_), .. }));
            let ident_path = matches!(p, syn::Pat::Ident(pi) if pi.subpat.is_none() && self.ident_is_constant(&pi.ident.to_string()));
            if (!is_ref_pat || ident_path) && !lit_str {
                let new_mode = Some(mode.map_or(*m, |old| old && *m));
                let sub = self.check_pat_mode(p, inner, new_mode);
                return TPat { kind: PatKind::Deref(Box::new(sub)), ty: exp.clone(), span };
            }
        }
        match p {
            syn::Pat::Wild(_) => self.wild(sp, &exp),
            syn::Pat::Paren(pp) => self.check_pat_mode(&pp.pat, expected, mode),
            syn::Pat::Ident(pi) => {
                let name = pi.ident.to_string();
                if pi.subpat.is_none() && pi.by_ref.is_none() && pi.mutability.is_none() {
                    if let Some(pat) = self.ident_as_path_pat(&name, &exp, sp) {
                        return pat;
                    }
                }
                let by_ref = pi.by_ref.is_some();
                let bind_ty = if by_ref {
                    Ty::Ref(pi.mutability.is_some(), Box::new(exp.clone()))
                } else {
                    match mode {
                        Some(m) => Ty::Ref(m, Box::new(exp.clone())),
                        None => exp.clone(),
                    }
                };
                let sub = pi.subpat.as_ref().map(|(_, s)| Box::new(self.check_pat_mode(s, expected, mode)));
                let l = self.new_local(&name, bind_ty);
                self.bind(&name, l);
                TPat { kind: PatKind::Bind(l, sub), ty: exp, span }
            }
            syn::Pat::Lit(l) => {
                let e = self.check_expr(&syn::Expr::Lit(l.clone()), Some(&exp));
                if matches!(l.lit, syn::Lit::Str(_)) {
                    let want = match &exp {
                        Ty::Ref(_, t) if matches!(self.shallow(t), Ty::String) => Ty::Ref(false, Box::new(Ty::String)),
                        _ => Ty::str_ref(),
                    };
                    if !matches!(want, Ty::Ref(_, ref t) if **t == Ty::String) {
                        self.expect_ty(sp, &exp, &e.ty);
                    }
                    return TPat { kind: PatKind::Lit(Box::new(e)), ty: exp, span };
                }
                self.expect_ty(sp, &exp, &e.ty);
                TPat { kind: PatKind::Lit(Box::new(e)), ty: exp, span }
            }
            syn::Pat::Range(r) => {
                let lo = r.start.as_ref().map(|x| Box::new(self.check_expr_coerce(x, &exp)));
                let hi = r.end.as_ref().map(|x| Box::new(self.check_expr_coerce(x, &exp)));
                let incl = matches!(r.limits, syn::RangeLimits::Closed(_));
                TPat { kind: PatKind::Range(lo, hi, incl), ty: exp, span }
            }
            syn::Pat::Reference(r) => {
                let inner = match &exp {
                    Ty::Ref(_, t) => (**t).clone(),
                    Ty::Var(_) => {
                        let t = self.fresh();
                        self.expect_ty(sp, &exp, &Ty::Ref(r.mutability.is_some(), Box::new(t.clone())));
                        t
                    }
                    _ => {
                        let n = self.ty_name(&exp);
                        self.err(codes::TYPE_MISMATCH, sp, "mismatched types", format!("expected `{n}`, found `&_`"), None);
                        return self.wild(sp, &exp);
                    }
                };
                let sub = self.check_pat_mode(&r.pat, &inner, None);
                TPat { kind: PatKind::Deref(Box::new(sub)), ty: exp, span }
            }
            syn::Pat::Tuple(t) => {
                let n_rest = t.elems.iter().filter(|e| matches!(e, syn::Pat::Rest(_))).count();
                let tys: Vec<Ty> = match &exp {
                    Ty::Tuple(ts) => ts.clone(),
                    Ty::Unit if t.elems.is_empty() => return self.wild(sp, &exp),
                    Ty::Var(_) if n_rest == 0 => {
                        let ts: Vec<Ty> = t.elems.iter().map(|_| self.fresh()).collect();
                        self.expect_ty(sp, &exp, &Ty::Tuple(ts.clone()));
                        ts
                    }
                    _ => {
                        let n = self.ty_name(&exp);
                        self.err(codes::TYPE_MISMATCH, sp, "mismatched types", format!("expected `{n}`, found a tuple"), None);
                        return self.wild(sp, &exp);
                    }
                };
                let pats = self.positional(t.elems.iter().collect(), &tys, sp, mode);
                let mut full = Vec::new();
                for (i, q) in pats {
                    while full.len() < i {
                        full.push(self.wild(sp, &tys[full.len()]));
                    }
                    full.push(q);
                }
                while full.len() < tys.len() {
                    full.push(self.wild(sp, &tys[full.len()]));
                }
                TPat { kind: PatKind::Tuple(full), ty: exp, span }
            }
            syn::Pat::TupleStruct(ts) => {
                let segs = path_segs(&ts.path);
                let elems: Vec<&syn::Pat> = ts.elems.iter().collect();
                match (segs.last().map(String::as_str), &exp) {
                    (Some("Reverse"), Ty::Coll(crate::collections::CollKind::Reverse, ts)) if elems.len() == 1 => {
                        let sub = self.check_pat_mode(elems[0], &ts[0].clone(), mode);
                        return TPat { kind: PatKind::Deref(Box::new(sub)), ty: exp.clone(), span };
                    }
                    (Some("Some"), Ty::Option(t)) if segs.len() == 1 || segs.iter().any(|s| s == "Option") => {
                        let tys = vec![(**t).clone()];
                        let fields = self.positional(elems, &tys, sp, mode);
                        return TPat { kind: PatKind::Variant(1, fields), ty: exp, span };
                    }
                    (Some("Ok"), Ty::Result(a, _)) => {
                        let tys = vec![(**a).clone()];
                        let fields = self.positional(elems, &tys, sp, mode);
                        return TPat { kind: PatKind::Variant(0, fields), ty: exp, span };
                    }
                    (Some("Err"), Ty::Result(_, b)) => {
                        let tys = vec![(**b).clone()];
                        let fields = self.positional(elems, &tys, sp, mode);
                        return TPat { kind: PatKind::Variant(1, fields), ty: exp, span };
                    }
                    (Some("Some" | "Ok" | "Err"), Ty::Var(_)) => {
                        let name = segs.last().unwrap().clone();
                        let inner = self.fresh();
                        let t = match name.as_str() {
                            "Some" => Ty::Option(Box::new(inner)),
                            _ => {
                                let other = self.fresh();
                                if name == "Ok" { Ty::Result(Box::new(inner), Box::new(other)) } else { Ty::Result(Box::new(other), Box::new(inner)) }
                            }
                        };
                        self.expect_ty(sp, &exp, &t);
                        return self.check_pat_mode(p, &t, mode);
                    }
                    _ => {}
                }
                match self.resolve_value(&segs) {
                    Some(Def::Variant(a, v)) => {
                        let (at, args) = self.fresh_adt(a);
                        self.expect_ty(sp, &exp, &at);
                        let tys = self.ck.variant_fields(a, &args, v);
                        let fields = self.positional(elems, &tys, sp, mode);
                        TPat { kind: PatKind::Variant(v, fields), ty: at, span }
                    }
                    Some(Def::Adt(a)) if !self.ck.program.adts[a].is_enum => {
                        let (at, args) = self.fresh_adt(a);
                        self.expect_ty(sp, &exp, &at);
                        let tys = self.ck.variant_fields(a, &args, 0);
                        let fields = self.positional(elems, &tys, sp, mode);
                        TPat { kind: PatKind::Struct(a, fields), ty: at, span }
                    }
                    _ => {
                        self.err(codes::UNRESOLVED, ts.path.span(), format!("cannot find tuple struct or variant `{}`", segs.join("::")), "not found", None);
                        self.wild(sp, &exp)
                    }
                }
            }
            syn::Pat::Struct(s) => {
                let segs = path_segs(&s.path);
                let (a, v) = match self.resolve_value(&segs) {
                    Some(Def::Variant(a, v)) => (a, Some(v)),
                    Some(Def::Adt(a)) => (a, None),
                    _ => match crate::resolve::resolve_path_in(&self.ck.program, self.module, &segs) {
                        Some(Def::Adt(a)) => (a, None),
                        _ => {
                            self.err(codes::UNRESOLVED, s.path.span(), format!("cannot find struct or variant `{}`", segs.join("::")), "not found", None);
                            return self.wild(sp, &exp);
                        }
                    },
                };
                let (at, args) = self.fresh_adt(a);
                self.expect_ty(sp, &exp, &at);
                let vi = v.unwrap_or(0);
                let mut fields = Vec::new();
                for fp in &s.fields {
                    let name = match &fp.member {
                        syn::Member::Named(n) => n.to_string(),
                        syn::Member::Unnamed(i) => i.index.to_string(),
                    };
                    match self.ck.program.adts[a].variants[vi].fields.iter().position(|f| f.name == name) {
                        Some(i) => {
                            let t = crate::types::subst(&self.ck.adt_fields[a][vi][i], &args);
                            let q = self.check_pat_mode(&fp.pat, &t, mode);
                            fields.push((i, q));
                        }
                        None => self.err(codes::NO_FIELD, fp.member.span(), format!("no field `{name}`"), "", None),
                    }
                }
                let kind = match v {
                    Some(v) => PatKind::Variant(v, fields),
                    None => PatKind::Struct(a, fields),
                };
                TPat { kind, ty: at, span }
            }
            syn::Pat::Path(pp) => {
                let segs = path_segs(&pp.path);
                if segs.len() == 1 {
                    if let Some(pat) = self.ident_as_path_pat(&segs[0], &exp, sp) {
                        return pat;
                    }
                }
                // `i64::MIN`, `u128::MAX`, ... are literal patterns.
                if segs.len() == 2 && crate::types::IntTy::from_name(&segs[0]).is_some() {
                    if let Some(e) = self.std_const(&segs, span.clone()) {
                        self.expect_ty(sp, &exp, &e.ty);
                        let ty = e.ty.clone();
                        return TPat { kind: PatKind::Lit(Box::new(e)), ty, span };
                    }
                }
                self.path_pat(&segs, &exp, sp).unwrap_or_else(|| {
                    self.err(codes::UNRESOLVED, sp, format!("cannot find unit struct, variant or constant `{}`", segs.join("::")), "not found", None);
                    self.wild(sp, &exp)
                })
            }
            syn::Pat::Or(o) => {
                // Bindings in alternatives must agree: bind names in the first, reuse them in the others.
                let first = self.check_pat_mode(&o.cases[0], expected, mode);
                let mut alts = vec![first];
                for c in o.cases.iter().skip(1) {
                    let before: Vec<(String, usize)> = Vec::new();
                    let _ = before;
                    let q = self.check_pat_mode(c, expected, mode);
                    alts.push(q);
                }
                // Rebind: later alternatives created fresh locals with the same names; unify them to the first.
                let mut names = Vec::new();
                collect_binds(&alts[0], &mut names);
                for (n, l) in names.iter_mut() {
                    *n = self.locals[*l].name.clone();
                }
                for alt in alts.iter_mut().skip(1) {
                    remap_binds(self, alt, &names);
                }
                for (name, l) in &names {
                    self.bind(name, *l);
                }
                TPat { kind: PatKind::Or(alts), ty: exp, span }
            }
            syn::Pat::Slice(s) => {
                let elem = match &exp {
                    Ty::Array(t, _) | Ty::Slice(t) => (**t).clone(),
                    _ => {
                        let n = self.ty_name(&exp);
                        self.err(codes::UNSUPPORTED_PATTERN, sp, format!("slice patterns need an array or slice, found `{n}`"), "", None);
                        return self.wild(sp, &exp);
                    }
                };
                let mut pre = Vec::new();
                let mut post = Vec::new();
                let mut rest: Option<Option<Box<TPat>>> = None;
                for e in &s.elems {
                    let is_rest = match e {
                        syn::Pat::Rest(_) => Some(None),
                        syn::Pat::Ident(pi) if matches!(pi.subpat.as_ref().map(|s| &*s.1), Some(syn::Pat::Rest(_))) => Some(Some(pi)),
                        _ => None,
                    };
                    match is_rest {
                        Some(binding) => {
                            let b = binding.map(|pi| {
                                let name = pi.ident.to_string();
                                let t = Ty::Ref(mode.unwrap_or(false), Box::new(Ty::Slice(Box::new(elem.clone()))));
                                let l = self.new_local(&name, t.clone());
                                self.bind(&name, l);
                                Box::new(TPat { kind: PatKind::Bind(l, None), ty: t, span: self.span(pi.span()) })
                            });
                            rest = Some(b);
                        }
                        None => {
                            let q = self.check_pat_mode(e, &elem, mode);
                            if rest.is_some() {
                                post.push(q);
                            } else {
                                pre.push(q);
                            }
                        }
                    }
                }
                let rest_pat = match rest {
                    Some(Some(b)) => Some(b),
                    Some(None) => Some(Box::new(self.wild(sp, &Ty::Unit))),
                    None => None,
                };
                TPat { kind: PatKind::Slice(pre, rest_pat, post), ty: exp, span }
            }
            syn::Pat::Type(pt) => self.check_pat_mode(&pt.pat, expected, mode),
            _ => {
                self.err(codes::UNSUPPORTED_PATTERN, sp, "this pattern is not supported yet", "", None);
                self.wild(sp, &exp)
            }
        }
    }

    fn ident_is_constant(&mut self, name: &str) -> bool {
        if self.lookup_local(name).is_some() && false {
            return false;
        }
        matches!(self.resolve_value(&[name.to_string()]), Some(Def::Variant(..) | Def::Const(_)))
            || (name == "None")
            || matches!(self.resolve_value(&[name.to_string()]), Some(Def::Adt(a)) if self.ck.program.adts[a].variants[0].shape == Shape::Unit)
    }

    /// A bare identifier pattern that names a unit variant, unit struct or constant.
    fn ident_as_path_pat(&mut self, name: &str, exp: &Ty, sp: proc_macro2::Span) -> Option<TPat> {
        if name == "None" && self.resolve_value(&[name.to_string()]).is_none() {
            return self.path_pat(&[name.to_string()], exp, sp);
        }
        match self.resolve_value(&[name.to_string()]) {
            Some(Def::Variant(..) | Def::Const(_)) => self.path_pat(&[name.to_string()], exp, sp),
            Some(Def::Adt(a)) if self.ck.program.adts[a].variants[0].shape == Shape::Unit => self.path_pat(&[name.to_string()], exp, sp),
            _ => None,
        }
    }

    fn path_pat(&mut self, segs: &[String], exp: &Ty, sp: proc_macro2::Span) -> Option<TPat> {
        let span = self.span(sp);
        if segs.last().map(String::as_str) == Some("None") && (segs.len() == 1 || segs.iter().any(|s| s == "Option")) {
            let inner = self.fresh();
            self.expect_ty(sp, exp, &Ty::Option(Box::new(inner)));
            return Some(TPat { kind: PatKind::Variant(0, vec![]), ty: exp.clone(), span });
        }
        match self.resolve_value(segs) {
            Some(Def::Variant(a, v)) => {
                let (at, _) = self.fresh_adt(a);
                self.expect_ty(sp, exp, &at);
                Some(TPat { kind: PatKind::Variant(v, vec![]), ty: at, span })
            }
            Some(Def::Adt(a)) => {
                let (at, _) = self.fresh_adt(a);
                self.expect_ty(sp, exp, &at);
                Some(TPat { kind: PatKind::Struct(a, vec![]), ty: at, span })
            }
            Some(Def::Const(c)) => {
                let ty = self.ck.consts[c].0.clone();
                self.expect_ty(sp, exp, &ty);
                let e = self.ck.program.consts[c].expr.clone();
                let te = self.check_expr_coerce(&e, &ty);
                let te = mk(te.kind, te.ty, span.clone());
                let _ = ExprKind::Unit;
                Some(TPat { kind: PatKind::Lit(Box::new(te)), ty: exp.clone(), span })
            }
            _ => None,
        }
    }

    /// Positional subpatterns with an optional `..`: returns (field index, pattern).
    fn positional(&mut self, elems: Vec<&syn::Pat>, tys: &[Ty], sp: proc_macro2::Span, mode: Option<bool>) -> Vec<(usize, TPat)> {
        let rest_at = elems.iter().position(|e| matches!(e, syn::Pat::Rest(_)));
        let mut out = Vec::new();
        match rest_at {
            None => {
                if elems.len() != tys.len() {
                    self.err(codes::ARITY, sp, format!("this pattern has {} fields, but the corresponding type has {} fields", elems.len(), tys.len()), "", None);
                    return out;
                }
                for (i, e) in elems.iter().enumerate() {
                    let q = self.check_pat_mode(e, &tys[i], mode);
                    out.push((i, q));
                }
            }
            Some(r) => {
                let after = elems.len() - r - 1;
                if r + after > tys.len() {
                    self.err(codes::ARITY, sp, "too many fields in pattern", "", None);
                    return out;
                }
                for (i, e) in elems.iter().take(r).enumerate() {
                    let q = self.check_pat_mode(e, &tys[i], mode);
                    out.push((i, q));
                }
                for (j, e) in elems.iter().skip(r + 1).enumerate() {
                    let i = tys.len() - after + j;
                    let q = self.check_pat_mode(e, &tys[i], mode);
                    out.push((i, q));
                }
            }
        }
        out
    }
}

fn collect_binds(p: &TPat, out: &mut Vec<(String, usize)>) {
    struct C<'a>(&'a mut Vec<usize>);
    impl crate::tir_walk::Visitor for C<'_> {
        fn pat(&mut self, p: &mut TPat) {
            if let PatKind::Bind(l, _) = p.kind {
                self.0.push(l);
            }
        }
    }
    let mut ids = Vec::new();
    let mut q = p.clone();
    crate::tir_walk::walk_pat(&mut C(&mut ids), &mut q);
    for l in ids {
        out.push((String::new(), l));
    }
}

fn remap_binds(cx: &mut FnCx, p: &mut TPat, first: &[(String, usize)]) {
    struct R<'a, 'b, 'c>(&'a mut FnCx<'c>, &'b [(String, usize)]);
    impl crate::tir_walk::Visitor for R<'_, '_, '_> {
        fn pat(&mut self, p: &mut TPat) {
            if let PatKind::Bind(l, _) = &mut p.kind {
                let name = self.0.locals[*l].name.clone();
                if let Some((_, target)) = self.1.iter().find(|(_, t)| self.0.locals[*t].name == name) {
                    let (a, b) = (self.0.locals[*l].ty.clone(), self.0.locals[*target].ty.clone());
                    let _ = self.0.infer.unify(&a, &b);
                    *l = *target;
                }
            }
        }
    }
    crate::tir_walk::walk_pat(&mut R(cx, first), p);
    let _ = first.iter().map(|(n, _)| n.len());
}
