//! Item-level typing: syn types to `Ty`, struct/enum field types, discriminants and fn signatures.

use super::{Checked, SelfKind};
use crate::diagnostics::{codes, Diagnostic};
use crate::load::span_of;
use crate::resolve::{resolve_path_in, Def, Program};
use crate::types::{IntTy, Ty};
use syn::spanned::Spanned;

#[derive(Clone, Debug)]
pub struct FnSig {
    /// `F: Fn(A) -> R` bounds: (parameter index, argument types, return type).
    pub fn_bounds: Vec<(usize, Vec<Ty>, Ty)>,
    /// `I: IntoIterator<Item = X>` bounds: (parameter index, item type).
    pub item_bounds: Vec<(usize, Ty)>,
    pub self_kind: SelfKind,
    /// Parameter types, including `self` first when present.
    pub params: Vec<Ty>,
    pub ret: Ty,
}

pub fn collect(ck: &mut Checked, errors: &mut Vec<Diagnostic>) {
    let p = &ck.program;
    let mut adt_fields = Vec::new();
    for a in &p.adts {
        let mut vs = Vec::new();
        let env = TyEnv { self_ty: Some(adt_self_ty(p, adt_index(p, a))), ..TyEnv::generic(&a.generics) };
        for v in &a.variants {
            let mut fs = Vec::new();
            for f in &v.fields {
                match syn_to_ty_env(p, a.module, a.file, &env, &f.ty) {
                    Ok(t) => fs.push(t),
                    Err(d) => {
                        errors.push(d);
                        fs.push(Ty::Unit);
                    }
                }
            }
            vs.push(fs);
        }
        adt_fields.push(vs);
    }
    // Recursive types must go through Box/Vec/Option<Box>: reject direct recursion like rustc (E0072).
    let mut discrs = Vec::new();
    for a in &p.adts {
        let mut next = 0i64;
        let mut ds = Vec::new();
        for v in &a.variants {
            if let Some(e) = &v.discr {
                match const_int(e) {
                    Some(n) => next = n,
                    None => errors.push(p.sources.diag(
                        codes::UNSUPPORTED_EXPR,
                        &span_of(a.file, e.span()),
                        "enum discriminants must be integer literals",
                        "",
                        None,
                    )),
                }
            }
            ds.push(next);
            next = next.wrapping_add(1);
        }
        discrs.push(ds);
    }
    let mut impl_self = Vec::new();
    let mut impl_trait_args = Vec::new();
    for imp in &p.impls {
        let env = TyEnv::generic(&imp.generics);
        match syn_to_ty_env(p, imp.module, imp.file, &env, &imp.self_ty) {
            Ok(t) => impl_self.push(t),
            Err(d) => {
                errors.push(d);
                impl_self.push(Ty::Never);
            }
        }
        let env = TyEnv { self_ty: impl_self.last().cloned(), ..env };
        let mut targs = Vec::new();
        for t in &imp.trait_args {
            match syn_to_ty_env(p, imp.module, imp.file, &env, t) {
                Ok(t) => targs.push(t),
                Err(d) => errors.push(d),
            }
        }
        impl_trait_args.push(targs);
    }
    let mut sigs = Vec::new();
    for f in &p.fns {
        let env = fn_env(p, &impl_self, f, &TyEnv::generic(&f.generics));
        let mut params = Vec::new();
        let mut self_kind = SelfKind::None;
        for input in &f.sig.inputs {
            match input {
                syn::FnArg::Receiver(r) => {
                    let Some(base) = env.self_ty.clone() else { continue };
                    if r.colon_token.is_some() {
                        match syn_to_ty_env(p, f.module, f.file, &env, &r.ty) {
                            Ok(t) => {
                                self_kind = match &t {
                                    Ty::Ref(true, _) => SelfKind::RefMut,
                                    Ty::Ref(false, _) => SelfKind::Ref,
                                    _ => SelfKind::Value,
                                };
                                params.push(t);
                            }
                            Err(d) => errors.push(d),
                        }
                        continue;
                    }
                    match (&r.reference, &r.mutability) {
                        (Some(_), Some(_)) => {
                            self_kind = SelfKind::RefMut;
                            params.push(Ty::Ref(true, Box::new(base)));
                        }
                        (Some(_), None) => {
                            self_kind = SelfKind::Ref;
                            params.push(Ty::Ref(false, Box::new(base)));
                        }
                        _ => {
                            self_kind = SelfKind::Value;
                            params.push(base);
                        }
                    }
                }
                syn::FnArg::Typed(pt) => match syn_to_ty_env(p, f.module, f.file, &env, &pt.ty) {
                    Ok(t) => params.push(t),
                    Err(d) => {
                        errors.push(d);
                        params.push(Ty::Never);
                    }
                },
            }
        }
        let fid = sigs.len();
        let ret = match &f.sig.output {
            syn::ReturnType::Default => Ty::Unit,
            syn::ReturnType::Type(_, t) if matches!(**t, syn::Type::ImplTrait(_)) => Ty::Opaque(fid),
            syn::ReturnType::Type(_, t) => match syn_to_ty_env(p, f.module, f.file, &env, t) {
                Ok(t) => t,
                Err(d) => {
                    errors.push(d);
                    Ty::Never
                }
            },
        };
        let mut fb = Vec::new();
        for (i, args, r) in &f.fn_bounds {
            let args: Result<Vec<Ty>, _> = args.iter().map(|t| syn_to_ty_env(p, f.module, f.file, &env, t)).collect();
            let r = r.as_ref().map(|t| syn_to_ty_env(p, f.module, f.file, &env, t)).unwrap_or(Ok(Ty::Unit));
            match (args, r) {
                (Ok(a), Ok(r)) => fb.push((*i, a, r)),
                (Err(d), _) | (_, Err(d)) => errors.push(d),
            }
        }
        let ib = f.item_bounds.iter().filter_map(|(i, t)| syn_to_ty_env(p, f.module, f.file, &env, t).ok().map(|t| (*i, t))).collect();
        sigs.push(FnSig { fn_bounds: fb, item_bounds: ib, self_kind, params, ret });
    }
    let mut trait_sigs = Vec::new();
    for t in &p.traits {
        let env = TyEnv { self_ty: Some(Ty::Param(0)), ..TyEnv::generic(&["Self".to_string()]) };
        let mut ms = Vec::new();
        for (name, sig) in &t.method_sigs {
            let mut params = Vec::new();
            let mut self_kind = SelfKind::None;
            let mut ok = true;
            for input in &sig.inputs {
                match input {
                    syn::FnArg::Receiver(r) => {
                        self_kind = match (&r.reference, &r.mutability) {
                            (Some(_), Some(_)) => SelfKind::RefMut,
                            (Some(_), None) => SelfKind::Ref,
                            _ => SelfKind::Value,
                        };
                        params.push(Ty::Param(0));
                    }
                    syn::FnArg::Typed(pt) => match syn_to_ty_env(p, t.module, t.file, &env, &pt.ty) {
                        Ok(x) => params.push(x),
                        Err(_) => ok = false,
                    },
                }
            }
            let ret = match &sig.output {
                syn::ReturnType::Default => Ok(Ty::Unit),
                syn::ReturnType::Type(_, t2) => syn_to_ty_env(p, t.module, t.file, &env, t2),
            };
            if let (true, Ok(ret)) = (ok, ret) {
                ms.push((name.clone(), FnSig { fn_bounds: vec![], item_bounds: vec![], self_kind, params, ret }));
            }
        }
        trait_sigs.push(ms);
    }
    ck.trait_sigs = trait_sigs;
    ck.impl_self = impl_self;
    ck.impl_trait_args = impl_trait_args;
    let mut consts = Vec::new();
    for c in &p.consts {
        match syn_to_ty(p, c.module, c.file, c.self_adt, &c.ty) {
            Ok(t) => consts.push((t, crate::tir::TExpr { kind: crate::tir::ExprKind::Unit, ty: Ty::Unit, span: Default::default() })),
            Err(d) => {
                errors.push(d);
                consts.push((Ty::Never, crate::tir::TExpr { kind: crate::tir::ExprKind::Unit, ty: Ty::Unit, span: Default::default() }));
            }
        }
    }
    ck.adt_fields = adt_fields;
    ck.adt_discrs = discrs;
    ck.sigs = sigs;
    ck.consts = consts;
    check_recursion(ck, errors);
}

/// The naming environment of fn `f` given what its generic parameters stand for (`Param`s for the
/// signature, concrete types for an instance's body).
pub fn fn_env(p: &Program, impl_self: &[Ty], f: &crate::resolve::FnDef, params: &TyEnv) -> TyEnv {
    let args: Vec<Ty> = params.params.iter().map(|(_, t)| t.clone()).collect();
    let mut env = params.clone();
    if let Some(i) = f.impl_id {
        env.self_ty = impl_self.get(i).map(|t| crate::types::subst(t, &args));
        let imp = &p.impls[i];
        let inner = TyEnv { self_ty: env.self_ty.clone(), ..params.clone() };
        for (name, t) in &imp.assoc_types {
            if let Ok(t) = syn_to_ty_env(p, imp.module, imp.file, &inner, t) {
                env.assoc.push((name.clone(), t));
            }
        }
    } else if f.trait_id.is_some() {
        env.self_ty = args.first().cloned();
    } else if let Some(a) = f.self_adt {
        env.self_ty = Some(adt_self_ty(p, a));
    }
    env
}

fn adt_index(p: &Program, a: &crate::resolve::AdtDef) -> usize {
    p.adts.iter().position(|x| std::ptr::eq(x, a)).unwrap_or(0)
}

/// rustc rejects types that contain themselves without indirection (E0072); so do we.
fn check_recursion(ck: &Checked, errors: &mut Vec<Diagnostic>) {
    fn contains(ck: &Checked, t: &Ty, target: usize, seen: &mut Vec<usize>) -> bool {
        match t {
            Ty::Adt(a, _) => {
                if *a == target {
                    return true;
                }
                if seen.contains(a) {
                    return false;
                }
                seen.push(*a);
                ck.adt_fields[*a].iter().flatten().any(|f| contains(ck, f, target, seen))
            }
            Ty::Tuple(ts) => ts.iter().any(|t| contains(ck, t, target, seen)),
            Ty::Array(t, _) | Ty::Option(t) => contains(ck, t, target, seen),
            Ty::Result(a, b) => contains(ck, a, target, seen) || contains(ck, b, target, seen),
            _ => false,
        }
    }
    for (i, a) in ck.program.adts.iter().enumerate() {
        let direct = ck.adt_fields[i].iter().flatten().any(|f| contains(ck, f, i, &mut Vec::new()));
        if direct {
            errors.push(ck.program.sources.diag(
                codes::TYPE_MISMATCH,
                &a.span,
                format!("recursive type `{}` has infinite size", a.name),
                "recursive without indirection",
                Some("insert some indirection (e.g., a `Box`) to break the cycle".into()),
            ));
        }
    }
}

pub fn const_int(e: &syn::Expr) -> Option<i64> {
    match e {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse::<i64>().ok(),
        syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Neg(_), expr, .. }) => const_int(expr).map(|v| -v),
        syn::Expr::Paren(p) => const_int(&p.expr),
        _ => None,
    }
}

/// How names resolve inside an item: its type parameters, `Self` and the impl's associated types.
#[derive(Clone, Debug, Default)]
pub struct TyEnv {
    pub params: Vec<(String, Ty)>,
    pub self_ty: Option<Ty>,
    pub assoc: Vec<(String, Ty)>,
}

impl TyEnv {
    /// The environment of a generic item's signature: parameter i is `Param(i)`.
    pub fn generic(names: &[String]) -> TyEnv {
        TyEnv { params: names.iter().enumerate().map(|(i, n)| (n.clone(), Ty::Param(i as u32))).collect(), ..Default::default() }
    }
    pub fn param(&self, name: &str) -> Option<&Ty> {
        self.params.iter().rev().find(|(n, _)| n == name).map(|(_, t)| t)
    }
}

/// `Adt(a, [Param(0), Param(1), ...])`: a generic ADT seen from inside its own definition.
pub fn adt_self_ty(p: &Program, a: usize) -> Ty {
    Ty::Adt(a, (0..p.adts[a].generics.len() as u32).map(Ty::Param).collect())
}

/// Converts a syntactic type as seen from module `module` into a `Ty` (non-generic contexts).
pub fn syn_to_ty(p: &Program, module: usize, file: usize, self_adt: Option<usize>, t: &syn::Type) -> Result<Ty, Diagnostic> {
    let env = TyEnv { self_ty: self_adt.map(|a| adt_self_ty(p, a)), ..Default::default() };
    syn_to_ty_env(p, module, file, &env, t)
}

/// Converts a syntactic type into a `Ty`, with type parameters and `Self` taken from `env`.
pub fn syn_to_ty_env(p: &Program, module: usize, file: usize, env: &TyEnv, t: &syn::Type) -> Result<Ty, Diagnostic> {
    let bad = |sp: proc_macro2::Span, msg: &str, help: &str| {
        p.sources.diag(codes::UNSUPPORTED_TYPE, &span_of(file, sp), msg.to_string(), "", if help.is_empty() { None } else { Some(help.to_string()) })
    };
    let rec = |t: &syn::Type| syn_to_ty_env(p, module, file, env, t);
    match t {
        syn::Type::Paren(pp) => rec(&pp.elem),
        syn::Type::Group(g) => rec(&g.elem),
        syn::Type::Never(_) => Ok(Ty::Never),
        syn::Type::Tuple(tt) => {
            if tt.elems.is_empty() {
                Ok(Ty::Unit)
            } else {
                Ok(Ty::Tuple(tt.elems.iter().map(rec).collect::<Result<_, _>>()?))
            }
        }
        syn::Type::Reference(r) => {
            let inner = rec(&r.elem)?;
            Ok(Ty::Ref(r.mutability.is_some(), Box::new(inner)))
        }
        syn::Type::Slice(s) => Ok(Ty::Slice(Box::new(rec(&s.elem)?))),
        syn::Type::Array(a) => {
            let n = match &a.len {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse::<u32>().ok(),
                syn::Expr::Path(ep) => {
                    let segs: Vec<String> = ep.path.segments.iter().map(|s| s.ident.to_string()).collect();
                    match resolve_path_in(p, module, &segs) {
                        Some(Def::Const(c)) => const_int(&p.consts[c].expr).and_then(|v| u32::try_from(v).ok()),
                        _ => None,
                    }
                }
                _ => None,
            };
            match n {
                Some(n) => Ok(Ty::Array(Box::new(rec(&a.elem)?), n)),
                None => Err(bad(a.len.span(), "array length must be an integer literal or a constant", "")),
            }
        }
        syn::Type::Path(tp) => {
            if let Some(q) = &tp.qself {
                // `<T as Trait>::Name`
                let base = rec(&q.ty)?;
                let name = tp.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
                return Ok(Ty::Proj(Box::new(base), name));
            }
            let segs = &tp.path.segments;
            let last = segs.last().unwrap();
            let name = last.ident.to_string();
            let args: Vec<&syn::Type> = match &last.arguments {
                syn::PathArguments::AngleBracketed(ab) => ab
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                syn::PathArguments::Parenthesized(pa) => return Err(bad(pa.span(), "function-trait types are not supported yet", "")),
                syn::PathArguments::None => Vec::new(),
            };
            let arg = |i: usize| -> Result<Ty, Diagnostic> {
                match args.get(i) {
                    Some(t) => rec(t),
                    None => Err(bad(last.ident.span(), &format!("`{name}` needs type arguments here"), "")),
                }
            };
            if segs.len() == 2 && segs[0].ident == "Self" {
                if let Some((_, t)) = env.assoc.iter().find(|(n, _)| *n == name) {
                    return Ok(t.clone());
                }
                if let Some(s) = &env.self_ty {
                    return Ok(Ty::Proj(Box::new(s.clone()), name));
                }
            }
            // `T::Item` of a type parameter: resolved once `T` is known.
            if segs.len() == 2 {
                if let Some(t) = env.param(&segs[0].ident.to_string()) {
                    return Ok(Ty::Proj(Box::new(t.clone()), name));
                }
            }
            if segs.len() == 1 {
                if let Some(t) = env.param(&name) {
                    return Ok(t.clone());
                }
                if let Some(i) = IntTy::from_name(&name) {
                    return Ok(Ty::Int(i));
                }
                match name.as_str() {
                    "f32" => return Ok(Ty::F32),
                    "f64" => return Ok(Ty::F64),
                    "bool" => return Ok(Ty::Bool),
                    "char" => return Ok(Ty::Char),
                    "str" => return Ok(Ty::Str),
                    // `_` in a `let` annotation (see `FnCx::annotation_ty`): a placeholder made fresh there.
                    "__wr_infer" => return Ok(Ty::Var(u32::MAX)),
                    "Self" => {
                        return match &env.self_ty {
                            Some(t) => Ok(t.clone()),
                            None => Err(bad(last.ident.span(), "`Self` outside of an impl", "")),
                        };
                    }
                    _ => {}
                }
            }
            let seg_names: Vec<String> = segs.iter().map(|s| s.ident.to_string()).collect();
            let def = resolve_path_in(p, module, &seg_names);
            let std_name = match &def {
                Some(Def::Adt(a)) => {
                    let n = p.adts[*a].generics.len();
                    if args.len() != n {
                        return Err(bad(last.ident.span(), &format!("`{name}` takes {n} type argument(s) but {} were supplied", args.len()), ""));
                    }
                    return Ok(Ty::Adt(*a, args.iter().map(|t| rec(t)).collect::<Result<_, _>>()?));
                }
                Some(Def::Std(s)) => s.rsplit("::").next().unwrap_or("").to_string(),
                Some(_) => return Err(bad(last.ident.span(), &format!("`{name}` is not a type"), "")),
                None if segs.len() == 1 => name.clone(),
                None => return Err(bad(tp.span(), &format!("cannot find type `{}`", seg_names.join("::")), "")),
            };
            match std_name.as_str() {
                "Vec" => Ok(Ty::Vec(Box::new(arg(0)?))),
                "String" => Ok(Ty::String),
                "Option" => Ok(Ty::Option(Box::new(arg(0)?))),
                "Result" => {
                    let is_fmt = seg_names.iter().any(|s| s == "fmt") || matches!(&def, Some(Def::Std(s)) if s.contains("fmt"));
                    if args.is_empty() && is_fmt {
                        return Ok(Ty::Result(Box::new(Ty::Unit), Box::new(Ty::FmtError)));
                    }
                    if args.len() == 1 && is_fmt {
                        return Ok(Ty::Result(Box::new(arg(0)?), Box::new(Ty::FmtError)));
                    }
                    Ok(Ty::Result(Box::new(arg(0)?), Box::new(arg(1)?)))
                }
                "Box" => Ok(Ty::Boxed(Box::new(arg(0)?))),
                n if crate::gc_types::GcKind::from_name(n).is_some() => {
                    let k = crate::gc_types::GcKind::from_name(n).unwrap_or(crate::gc_types::GcKind::Box);
                    Ok(Ty::Gc(k, Box::new(if k.is_generic() { arg(0)? } else { Ty::Unit })))
                }
                n if crate::collections::CollKind::from_name(n).is_some() => {
                    let k = crate::collections::CollKind::from_name(n).unwrap_or(crate::collections::CollKind::HashMap);
                    Ok(Ty::Coll(k, (0..k.arity()).map(arg).collect::<Result<_, _>>()?))
                }
                "Formatter" => Ok(Ty::Formatter),
                "ParseIntError" => Ok(Ty::ParseError(false)),
                "ParseFloatError" => Ok(Ty::ParseError(true)),
                "Error" if seg_names.iter().any(|s| s == "fmt") => Ok(Ty::FmtError),
                n if std_iter_type(n, &def, &seg_names, args.len()).is_some() => {
                    let targs = args.iter().map(|t| rec(t)).collect::<Result<Vec<_>, _>>()?;
                    Ok(std_iter_type(n, &def, &seg_names, args.len()).unwrap()(targs))
                }
                _ => Err(bad(
                    last.ident.span(),
                    &format!("the type `{name}` is not supported yet"),
                    "supported std types: Vec, String, Option, Result, Box, &str, slices, arrays, tuples",
                )),
            }
        }
        syn::Type::TraitObject(to) => {
            // The first trait bound decides (`dyn Shape + 'a`, `dyn Fn(i32) -> i32 + Send`).
            for b in &to.bounds {
                let syn::TypeParamBound::Trait(tb) = b else { continue };
                let Some(seg) = tb.path.segments.last() else { continue };
                let name = seg.ident.to_string();
                if matches!(name.as_str(), "Fn" | "FnMut" | "FnOnce") {
                    let syn::PathArguments::Parenthesized(pa) = &seg.arguments else { break };
                    let ps = pa.inputs.iter().map(|t| rec(t)).collect::<Result<Vec<_>, _>>()?;
                    let r = match &pa.output {
                        syn::ReturnType::Default => Ty::Unit,
                        syn::ReturnType::Type(_, t) => rec(t)?,
                    };
                    return Ok(Ty::DynFn(ps, Box::new(r)));
                }
                if matches!(name.as_str(), "Send" | "Sync" | "Unpin") {
                    continue;
                }
                let segs: Vec<String> = tb.path.segments.iter().map(|s| s.ident.to_string()).collect();
                if let Some(Def::Trait(tr)) = resolve_path_in(p, module, &segs) {
                    return Ok(Ty::DynTrait(tr));
                }
                if let Some(tr) = p.traits.iter().position(|x| x.name == name) {
                    return Ok(Ty::DynTrait(tr));
                }
                if name == "Error" {
                    // `dyn std::error::Error`: the prelude's rendered error (typeck/dyn_error.rs).
                    if let Some(a) = super::dyn_error::dyn_error_adt(p) {
                        return Ok(Ty::Adt(a, vec![]));
                    }
                }
                return Err(bad(tb.span(), &format!("`dyn {name}` is not supported yet"), "trait objects of user traits and of `Fn` traits are supported"));
            }
            Err(bad(t.span(), "this trait object type is not supported", ""))
        }
        syn::Type::ImplTrait(_) => Err(bad(t.span(), "`impl Trait` types are not supported yet", "use a concrete type")),
        syn::Type::Ptr(_) => Err(bad(t.span(), "raw pointers are not supported", "use references or Box")),
        syn::Type::BareFn(bf) => {
            let ps = bf.inputs.iter().map(|a| rec(&a.ty)).collect::<Result<Vec<_>, _>>()?;
            let r = match &bf.output {
                syn::ReturnType::Default => Ty::Unit,
                syn::ReturnType::Type(_, t) => rec(t)?,
            };
            Ok(Ty::FnPtr(ps, Box::new(r)))
        }
        syn::Type::Infer(_) => Err(bad(t.span(), "`_` is not allowed in item signatures", "")),
        _ => Err(bad(t.span(), "unsupported type", "")),
    }
}

/// Names of std iterator types (`Peekable<Chars<'a>>`, `std::slice::Iter<'a, T>`…): all are the one
/// iterator type of the compiler, `Ty::Iter(item)` (ranges: `Ty::Range`); returns how to build it from
/// the type arguments.
#[allow(clippy::type_complexity)]
fn std_iter_type(name: &str, def: &Option<Def>, segs: &[String], nargs: usize) -> Option<Box<dyn Fn(Vec<Ty>) -> Ty>> {
    let path = match def {
        Some(Def::Std(s)) => s.clone(),
        _ => segs.join("::"),
    };
    let iter = |t: Ty| Ty::Iter(Box::new(t));
    let item_of = |t: &Ty| match t {
        Ty::Iter(x) => (**x).clone(),
        other => other.clone(),
    };
    let _ = iter;
    Some(match name {
        "Range" if nargs == 1 && (path.contains("ops") || segs.len() == 1) => Box::new(|a| Ty::Range(Box::new(a[0].clone()), false)),
        "RangeInclusive" if nargs == 1 && (path.contains("ops") || segs.len() == 1) => Box::new(|a| Ty::Range(Box::new(a[0].clone()), true)),
        "Chars" if nargs == 0 => Box::new(|_| Ty::Iter(Box::new(Ty::Char))),
        "CharIndices" if nargs == 0 => Box::new(|_| Ty::Iter(Box::new(Ty::Tuple(vec![Ty::usize(), Ty::Char])))),
        "Bytes" if nargs == 0 => Box::new(|_| Ty::Iter(Box::new(Ty::Int(IntTy::U8)))),
        "SplitWhitespace" | "Lines" | "Split" | "SplitN" | "RSplit" | "SplitTerminator" if path.contains("str") || segs.len() == 1 => Box::new(|_| Ty::Iter(Box::new(Ty::str_ref()))),
        "Peekable" | "Fuse" | "Rev" | "Skip" | "Take" | "StepBy" if nargs == 1 => Box::new(move |a| Ty::Iter(Box::new(item_of(&a[0])))),
        "Enumerate" if nargs == 1 => Box::new(move |a| Ty::Iter(Box::new(Ty::Tuple(vec![Ty::usize(), item_of(&a[0])])))),
        "Copied" | "Cloned" if nargs == 1 => Box::new(move |a| Ty::Iter(Box::new(match item_of(&a[0]) {
            Ty::Ref(_, x) => *x,
            o => o,
        }))),
        "Iter" if nargs == 1 && !path.contains("collections") => Box::new(|a| Ty::Iter(Box::new(Ty::Ref(false, Box::new(a[0].clone()))))),
        "IterMut" if nargs == 1 && !path.contains("collections") => Box::new(|a| Ty::Iter(Box::new(Ty::Ref(true, Box::new(a[0].clone()))))),
        "IntoIter" if nargs == 1 && !path.contains("collections") => Box::new(|a| Ty::Iter(Box::new(a[0].clone()))),
        _ => return None,
    })
}
