//! Calls: user functions, constructors, std associated functions, and the std method table
//! (Vec, slices, String/&str, Option, Result, integers, floats, char, iterator chains).

use super::expr::{mk, path_segs};
use super::{FnCx, SelfKind};
use crate::diagnostics::codes;
use crate::resolve::Def;
use crate::tir::{Closure, ExprKind, TExpr};
use crate::types::{IntTy, Ty, VarKind};
use syn::spanned::Spanned;

mod cells;
mod collections;
mod debug_builders;
mod num_extra;
mod default;
mod gc;
mod iter;
mod ord;
mod text;

impl FnCx<'_> {
    /// Whether `e` is a local of type `char` (for `String::from(c)`).
    fn is_char_expr(&self, e: &syn::Expr) -> bool {
        match e {
            syn::Expr::Path(p) => p.path.get_ident().and_then(|i| self.lookup_local(&i.to_string())).is_some_and(|l| matches!(self.shallow(&self.locals[l].ty), Ty::Char)),
            _ => false,
        }
    }

    pub fn check_args_pub(&mut self, args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>, tys: &[Ty], sp: proc_macro2::Span) -> Vec<TExpr> {
        self.check_args(args, tys, sp)
    }

    fn check_args(&mut self, args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>, tys: &[Ty], sp: proc_macro2::Span) -> Vec<TExpr> {
        if args.len() != tys.len() {
            self.err(codes::ARITY, sp, format!("this function takes {} arguments but {} were supplied", tys.len(), args.len()), "", None);
        }
        args.iter().zip(tys.iter().chain(std::iter::repeat(&Ty::Never))).map(|(a, t)| self.check_expr_coerce(a, t)).collect()
    }

    /// Calls a value: a closure (possibly behind references) or a `fn` pointer.
    fn call_value(&mut self, callee: TExpr, c: &syn::ExprCall, sp: proc_macro2::Span, span: crate::diagnostics::Span) -> TExpr {
        let mut callee = callee;
        let mut ct = self.shallow(&callee.ty);
        loop {
            match ct.clone() {
                Ty::Ref(_, inner) => {
                    let s = callee.span.clone();
                    callee = mk(ExprKind::Deref(Box::new(callee)), (*inner).clone(), s);
                    ct = self.shallow(&inner);
                }
                Ty::Boxed(inner) => {
                    let s = callee.span.clone();
                    callee = mk(ExprKind::Std("box.deref", vec![callee]), (*inner).clone(), s);
                    ct = self.shallow(&inner);
                }
                _ => break,
            }
        }
        match ct {
            Ty::DynFn(ps, r) => self.dyn_fn_call(callee, ps, *r, c, sp, span),
            Ty::Closure(id) => {
                let (tys, ret) = match self.ck.closure_info.get(&id) {
                    Some(info) => (info.params.clone(), info.ret.clone()),
                    None if self.ck.closure_sigs.contains_key(&id) => self.ck.closure_sigs[&id].clone(),
                    None => {
                        let cl = &self.ck.closures[id];
                        (cl.params.iter().map(|p| p.ty.clone()).collect::<Vec<_>>(), cl.body.ty.clone())
                    }
                };
                let s = callee.span.clone();
                let env = mk(ExprKind::AddrOf(true, Box::new(callee)), Ty::Ref(true, Box::new(Ty::Closure(id))), s);
                let mut args = vec![env];
                args.extend(self.check_args(&c.args, &tys, sp));
                mk(ExprKind::CallClosure(id, args), ret, span)
            }
            Ty::FnPtr(ps, r) => {
                let args = self.check_args(&c.args, &ps, sp);
                mk(ExprKind::CallRef(Box::new(callee), args), *r, span)
            }
            _ => {
                self.err(codes::CLOSURE, c.func.span(), "calling this value is not supported yet", "", Some("call a closure, a fn item or a fn pointer"));
                self.error_expr(sp)
            }
        }
    }

    pub fn check_call(&mut self, c: &syn::ExprCall, expected: Option<&Ty>) -> TExpr {
        let sp = c.span();
        let span = self.span(sp);
        let syn::Expr::Path(p) = &*c.func else {
            // `make_adder(1)(2)`, `(self.callback)(x)`: call the value of an expression.
            let callee = self.check_expr(&c.func, None);
            return self.call_value(callee, c, sp, span);
        };
        let segs = path_segs(&p.path);
        if segs.len() == 1 {
            if let Some(l) = self.lookup_local(&segs[0]) {
                let lt = self.shallow(&self.locals[l].ty.clone());
                let callee = mk(ExprKind::Local(l), lt, self.span(c.func.span()));
                return self.call_value(callee, c, sp, span);
            }
        }
        let last = segs.last().cloned().unwrap_or_default();
        // Option/Result constructors.
        if segs.len() == 1 || matches!(segs[segs.len() - 2].as_str(), "Option" | "Result") {
            match last.as_str() {
                "Some" if self.resolve_value(&segs).is_none() || segs.len() > 1 => {
                    let tf = self.turbofish_types(&p.path);
                    let inner = match (tf.first().cloned(), expected.map(|e| self.shallow(e))) {
                        (Some(t), _) => t,
                        (None, Some(Ty::Option(t))) => *t,
                        _ => self.fresh(),
                    };
                    let args = self.check_args(&c.args, &[inner.clone()], sp);
                    return mk(ExprKind::Variant(1, args), Ty::Option(Box::new(inner)), span);
                }
                "Ok" | "Err" if self.resolve_value(&segs).is_none() || segs.len() > 1 => {
                    let tf = self.turbofish_types(&p.path);
                    let (a, b) = match (tf.len(), expected.map(|e| self.shallow(e))) {
                        (2, _) => (tf[0].clone(), tf[1].clone()),
                        (_, Some(Ty::Result(a, b))) => (*a, *b),
                        _ => (self.fresh(), self.fresh()),
                    };
                    let (v, t) = if last == "Ok" { (0, a.clone()) } else { (1, b.clone()) };
                    let args = self.check_args(&c.args, &[t], sp);
                    return mk(ExprKind::Variant(v, args), Ty::Result(Box::new(a), Box::new(b)), span);
                }
                _ => {}
            }
        }
        match self.resolve_value(&segs) {
            Some(Def::Fn(f)) => {
                let targs: Vec<Ty> = (0..self.ck.program.fns[f].generics.len()).map(|_| self.fresh()).collect();
                let callee = super::traits::Callee { f, targs };
                if let Some(i) = self.ck.program.fns[f].impl_id {
                    // `Stack::new()`: the impl's parameters follow from the path's own type arguments, if any.
                    let self_ty = crate::types::subst(&self.ck.impl_self[i], &callee.targs);
                    if segs.len() >= 2 {
                        if let Ok(Some(t)) = self.path_prefix_ty(&p.path) {
                            let _ = self.infer.unify(&self_ty, &t);
                        }
                    }
                }
                let own = self.turbofish_types(&p.path);
                if !own.is_empty() && self.ck.program.fns[f].impl_id.is_none() {
                    for (v, t) in callee.targs.iter().zip(own.iter()) {
                        let _ = self.infer.unify(v, t);
                    }
                }
                let sig = self.callee_sig(&callee);
                if let Some(e) = expected.filter(|_| !matches!(sig.ret, Ty::Opaque(_))) {
                    let saved = self.infer.clone();
                    if self.infer.unify(e, &sig.ret).is_err() {
                        self.infer = saved;
                    }
                }
                let args = self.check_callee_args(&callee, &c.args, &sig.params, 0, sp);
                let ret = self.reveal_ret(&callee, sig.ret.clone(), sp);
                return self.call_expr(callee, args, ret, span);
            }
            Some(Def::Adt(a)) if !self.ck.program.adts[a].is_enum => {
                let (at, targs) = self.fresh_adt(a);
                if let Some(e) = expected {
                    let _ = self.infer.unify(e, &at);
                }
                let tys = self.ck.variant_fields(a, &targs, 0);
                let args = self.check_args(&c.args, &tys, sp);
                return mk(ExprKind::Struct(a, args.into_iter().map(Some).collect(), None), at, span);
            }
            Some(Def::Variant(a, v)) => {
                let (at, targs) = self.fresh_adt(a);
                if let Some(e) = expected {
                    let _ = self.infer.unify(e, &at);
                }
                let tys = self.ck.variant_fields(a, &targs, v);
                let args = self.check_args(&c.args, &tys, sp);
                return mk(ExprKind::Variant(v, args), at, span);
            }
            _ => {}
        }
        if let Some(e) = self.assoc_call(&segs, &p.path, c, expected) {
            return e;
        }
        if segs.len() == 2 && segs[1] == "try_from" && c.args.len() == 1 {
            if let Some(target) = IntTy::from_name(&segs[0]) {
                return self.int_try_from(target, &c.args[0], span);
            }
        }
        // `f64::sqrt(x)`, `i32::div_euclid(a, b)`, `str::len(s)`: a method call with an explicit receiver.
        if segs.len() == 2 && !c.args.is_empty() && (IntTy::from_name(&segs[0]).is_some() || matches!(segs[0].as_str(), "f64" | "f32" | "char" | "str" | "bool") || segs[0] == "String" && matches!(segs[1].as_str(), "len" | "is_empty" | "as_str" | "to_uppercase" | "to_lowercase" | "trim" | "chars" | "clone" | "to_string" | "into_bytes" | "as_bytes")) && segs[1] != "from" && segs[1] != "from_str_radix" && segs[1] != "from_bits" && segs[1] != "from_u32" && segs[1] != "from_digit" {
            let mut args = c.args.clone();
            let recv = args.iter().next().cloned().unwrap();
            let rest: syn::punctuated::Punctuated<syn::Expr, syn::Token![,]> = args.iter().skip(1).cloned().collect();
            args = rest;
            let m = syn::ExprMethodCall {
                attrs: vec![],
                receiver: Box::new(recv),
                dot_token: Default::default(),
                method: syn::Ident::new(&segs[1], p.path.segments[1].ident.span()),
                turbofish: None,
                paren_token: c.paren_token,
                args,
            };
            return self.check_method_call(&m, expected);
        }
        if segs.len() == 2 && segs[1] == "from_str_radix" {
            if let Some(i) = IntTy::from_name(&segs[0]) {
                if i.is128() {
                    self.err(codes::UNSUPPORTED_STD, c.func.span(), format!("`{}::from_str_radix` is not supported yet", segs[0]), "", Some("parse into a u64/i64 first"));
                    return self.error_expr(sp);
                }
                let a = self.check_args(&c.args, &[Ty::str_ref(), Ty::Int(IntTy::U32)], sp);
                return mk(ExprKind::Std("str.parse_radix", a), Ty::Result(Box::new(Ty::Int(i)), Box::new(Ty::ParseError(false))), span);
            }
        }
        // Std associated functions.
        let full: Vec<String> = match self.resolve_value(&segs) {
            Some(Def::Std(path)) => path.split("::").map(str::to_string).collect(),
            _ => segs.clone(),
        };
        let norm: Vec<&str> = full.iter().map(String::as_str).filter(|s| !matches!(*s, "std" | "core" | "alloc")).collect();
        let key = norm.join("::");
        let key = match key.as_str() {
            "vec::Vec::new" => "Vec::new".to_string(),
            "string::String::new" => "String::new".to_string(),
            "string::String::from" => "String::from".to_string(),
            "boxed::Box::new" => "Box::new".to_string(),
            _ => key,
        };
        if let Some(e) = self.gc_assoc_call(&key, c, expected) {
            return e;
        }
        if let Some(e) = self.coll_assoc_call(&key, c, expected) {
            return e;
        }
        if let Some(e) = self.iter_assoc_call(&key, c, expected) {
            return e;
        }
        let us = Ty::usize();
        // `Vec::<T>::new()`: the type's own turbofish
        let type_args = match p.path.segments.iter().rev().nth(1) {
            Some(seg) if seg.ident == "Vec" && !matches!(seg.arguments, syn::PathArguments::None) => {
                let ty_path = syn::Path { leading_colon: None, segments: std::iter::once(seg.clone()).collect() };
                self.turbofish_types(&ty_path)
            }
            _ => Vec::new(),
        };
        let elem_of_expected = |cx: &mut Self| match (type_args.first(), expected.map(|e| cx.shallow(e))) {
            (Some(t), _) => t.clone(),
            (None, Some(Ty::Vec(t))) => *t,
            _ => cx.fresh(),
        };
        match key.as_str() {
            "String::new" => {
                let _ = self.check_args(&c.args, &[], sp);
                mk(ExprKind::Std("string.new", vec![]), Ty::String, span)
            }
            "String::with_capacity" => {
                let _ = self.check_args(&c.args, &[us], sp);
                mk(ExprKind::Std("string.new", vec![]), Ty::String, span)
            }
            "String::from" if matches!(c.args.first(), Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Char(_), .. }))) || c.args.first().is_some_and(|a| self.is_char_expr(a)) => {
                let a = self.check_args(&c.args, &[Ty::Char], sp);
                mk(ExprKind::Std("char.to_string", a), Ty::String, span)
            }
            "String::from" => {
                let a = self.check_args(&c.args, &[Ty::str_ref()], sp);
                mk(ExprKind::Std("str.to_string", a), Ty::String, span)
            }
            "Vec::new" => {
                let _ = self.check_args(&c.args, &[], sp);
                let t = elem_of_expected(self);
                mk(ExprKind::Std("vec.new", vec![]), Ty::Vec(Box::new(t)), span)
            }
            "Vec::with_capacity" => {
                let _ = self.check_args(&c.args, &[us], sp);
                let t = elem_of_expected(self);
                mk(ExprKind::Std("vec.new", vec![]), Ty::Vec(Box::new(t)), span)
            }
            "Box::new" => {
                let inner = match expected.map(|e| self.shallow(e)) {
                    Some(Ty::Boxed(t)) => match self.shallow(&t) {
                        // `Box::new(value)` coerced to `Box<dyn Trait>` at the use site.
                        Ty::DynFn(ps, r) => {
                            if let (1, Some(syn::Expr::Closure(cl))) = (c.args.len(), c.args.first()) {
                                let e = self.check_closure_value_with(cl, Some(&ps), Some(&r));
                                let t = e.ty.clone();
                                return mk(ExprKind::Std("box.new", vec![e]), Ty::Boxed(Box::new(t)), span);
                            }
                            self.fresh()
                        }
                        Ty::DynTrait(_) => self.fresh(),
                        t => t,
                    },
                    _ => self.fresh(),
                };
                let a = self.check_args(&c.args, &[inner.clone()], sp);
                mk(ExprKind::Std("box.new", a), Ty::Boxed(Box::new(inner)), span)
            }
            "env::args" => {
                let _ = self.check_args(&c.args, &[], sp);
                mk(ExprKind::Std("env.args", vec![]), Ty::Iter(Box::new(Ty::String)), span)
            }
            "process::exit" => {
                let a = self.check_args(&c.args, &[Ty::Int(IntTy::I32)], sp);
                mk(ExprKind::Std("process.exit", a), Ty::Never, span)
            }
            "f64::from_bits" => {
                let a = self.check_args(&c.args, &[Ty::Int(IntTy::U64)], sp);
                mk(ExprKind::Std("float.from_bits", a), Ty::F64, span)
            }
            "f32::from_bits" => {
                let a = self.check_args(&c.args, &[Ty::Int(IntTy::U32)], sp);
                mk(ExprKind::Std("float.from_bits", a), Ty::F32, span)
            }
            "char::from_u32" => {
                let a = self.check_args(&c.args, &[Ty::Int(IntTy::U32)], sp);
                mk(ExprKind::Std("char.from_u32", a), Ty::Option(Box::new(Ty::Char)), span)
            }
            "char::from_digit" => {
                let a = self.check_args(&c.args, &[Ty::Int(IntTy::U32), Ty::Int(IntTy::U32)], sp);
                mk(ExprKind::Std("char.from_digit", a), Ty::Option(Box::new(Ty::Char)), span)
            }
            "char::from" => {
                let a = self.check_args(&c.args, &[Ty::Int(IntTy::U8)], sp);
                mk(ExprKind::Cast(Box::new(a.into_iter().next().unwrap())), Ty::Char, span)
            }
            "mem::swap" => {
                let t = self.fresh();
                let r = Ty::Ref(true, Box::new(t));
                let a = self.check_args(&c.args, &[r.clone(), r], sp);
                mk(ExprKind::Std("mem.swap", a), Ty::Unit, span)
            }
            "mem::take" => {
                let t = self.fresh();
                let a = self.check_args(&c.args, &[Ty::Ref(true, Box::new(t.clone()))], sp);
                mk(ExprKind::Std("mem.take", a), t, span)
            }
            "mem::replace" => {
                let t = self.fresh();
                let a = self.check_args(&c.args, &[Ty::Ref(true, Box::new(t.clone())), t.clone()], sp);
                mk(ExprKind::Std("mem.replace", a), t, span)
            }
            "String::from_utf8" | "string::String::from_utf8" | "String::from_utf8_lossy" | "string::String::from_utf8_lossy" | "str::from_utf8" => {
                let f = match key.rsplit("::").next() {
                    Some("from_utf8_lossy") => "string_from_utf8_lossy",
                    _ if key.starts_with("str") => "str_from_utf8",
                    _ => "string_from_utf8",
                };
                self.prelude_call(f, c, span)
            }
            "cmp::max" | "cmp::min" if c.args.len() == 2 => {
                let t = self.fresh();
                let a = self.check_args(&c.args, &[t.clone(), t.clone()], sp);
                let op = if key == "cmp::max" { "ord.max" } else { "ord.min" };
                mk(ExprKind::Std(op, a), t, span)
            }
            _ if norm.last() == Some(&"default") && c.args.is_empty() && self.default_call_ty(&norm, p, expected).is_some() => {
                let t = self.default_call_ty(&norm, p, expected).unwrap_or(Ty::Unit);
                match self.derived_default(&t, &span, c.span()) {
                    Some(e) => e,
                    None => mk(ExprKind::Std("default", vec![]), t, span),
                }
            }
            _ => {
                // `i64::from(x)`, `f64::from(x)`, `u32::try_from` etc.
                if norm.len() == 2 && norm[1] == "from" {
                    let target = match norm[0] {
                        "f64" => Some(Ty::F64),
                        "f32" => Some(Ty::F32),
                        n => IntTy::from_name(n).map(Ty::Int),
                    };
                    if let Some(t) = target {
                        let fnum = self.fresh_num();
                        let a = self.check_args(&c.args, &[fnum], sp);
                        return mk(ExprKind::Cast(Box::new(a.into_iter().next().unwrap())), t, span);
                    }
                }
                // Fully qualified method syntax on a std type: `Result::ok(r)`, `str::len(s)`,
                // `f64::max(a, b)` (also as a fn value, `filter_map(Result::ok)`) is the method call.
                if let (2, Some(recv)) = (norm.len(), c.args.first()) {
                    let is_std_ty = matches!(norm[0], "Option" | "Result" | "str" | "String" | "Vec" | "char" | "bool" | "f32" | "f64") || IntTy::from_name(norm[0]).is_some();
                    if is_std_ty && self.resolve_value(&segs).is_none_or(|d| matches!(d, Def::Std(_))) {
                        let method = syn::Ident::new(norm[1], c.func.span());
                        let rest: Vec<&syn::Expr> = c.args.iter().skip(1).collect();
                        let m: syn::ExprMethodCall = syn::parse_quote_spanned!(c.func.span()=> (#recv).#method(#(#rest),*));
                        return self.check_method_call(&m, expected);
                    }
                }
                if let Some(Def::Std(_)) = self.resolve_value(&segs) {
                    self.err(codes::UNSUPPORTED_STD, c.func.span(), format!("`{}` is not supported yet", segs.join("::")), "not in the supported std surface", None);
                } else {
                    self.err(codes::UNRESOLVED, c.func.span(), format!("cannot find function `{}` in this scope", segs.join("::")), "not found in this scope", None);
                }
                self.error_expr(sp)
            }
        }
    }

    fn fresh_num(&mut self) -> Ty {
        self.infer.fresh(VarKind::General)
    }

    pub fn check_method_call(&mut self, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> TExpr {
        let sp = m.span();
        let name = m.method.to_string();
        let msp = m.method.span();
        if let Some(e) = self.debug_builder_chain(m, expected) {
            return e;
        }
        let recv = self.check_expr(&m.receiver, None);
        if matches!(name.as_str(), "as_ref" | "as_mut") {
            if let Ty::Boxed(inner) = self.resolve(&recv.ty).peel_refs().clone() {
                let span = self.span(msp);
                let mutable = name == "as_mut";
                let mut b = recv;
                while let Ty::Ref(_, t) = self.shallow(&b.ty) {
                    let s = b.span.clone();
                    b = mk(ExprKind::Deref(Box::new(b)), *t, s);
                }
                let d = mk(ExprKind::Std("box.deref", vec![b]), (*inner).clone(), span.clone());
                return mk(ExprKind::AddrOf(mutable, Box::new(d)), Ty::Ref(mutable, inner), span);
            }
        }
        // `clone` of `&&str`/`&&[T]`: copies the inner reference (the unsized value itself has no clone).
        if name == "clone" && m.args.is_empty() {
            let mut r = recv.clone();
            loop {
                match self.shallow(&r.ty) {
                    Ty::Ref(_, inner) if matches!(self.shallow(&inner), Ty::Ref(_, ref x) if matches!(self.shallow(x), Ty::Str | Ty::Slice(_))) => {
                        let s = r.span.clone();
                        r = mk(ExprKind::Deref(Box::new(r)), *inner, s);
                    }
                    Ty::Ref(_, inner) if matches!(self.shallow(&inner), Ty::Str | Ty::Slice(_)) => {
                        let mut r = r;
                        r.span = self.span(msp);
                        return r;
                    }
                    _ => break,
                }
            }
        }
        // Auto-deref through references and boxes.
        let mut base = recv;
        loop {
            match self.shallow(&base.ty) {
                Ty::Ref(_, t) => {
                    let s = base.span.clone();
                    base = mk(ExprKind::Deref(Box::new(base)), *t, s);
                }
                Ty::Boxed(t) if !(name == "clone") => {
                    let s = base.span.clone();
                    base = mk(ExprKind::Std("box.deref", vec![base]), *t, s);
                }
                _ => break,
            }
        }
        let base = match self.gc_method(base, &name, m, expected) {
            Ok(e) => return e,
            Err(base) => base,
        };
        let base = match self.coll_method(base, &name, m, expected) {
            Ok(e) => return e,
            Err(base) => base,
        };
        let bt = self.shallow(&base.ty);
        if let Ty::DynTrait(t) = bt {
            if let Some(e) = self.dyn_method_call(base.clone(), t, &name, m) {
                return e;
            }
        }
        if let Some(callee) = self.lookup_method(&bt, &name, None) {
            let sig = self.callee_sig(&callee);
            let recv_arg = match sig.self_kind {
                SelfKind::Ref | SelfKind::RefMut => {
                    let s = base.span.clone();
                    let t = Ty::Ref(sig.self_kind == SelfKind::RefMut, Box::new(base.ty.clone()));
                    mk(ExprKind::AddrOf(sig.self_kind == SelfKind::RefMut, Box::new(base)), t, s)
                }
                SelfKind::Value => base,
                SelfKind::None => {
                    self.err(codes::UNKNOWN_METHOD, msp, format!("`{name}` is an associated function, not a method"), "", Some("call it as `Type::name(...)`"));
                    return self.error_expr(sp);
                }
            };
            if let Some(tf) = &m.turbofish {
                let own: Vec<Ty> = tf.args.iter().filter_map(|a| if let syn::GenericArgument::Type(t) = a { self.annotation_ty(t).ok() } else { None }).collect();
                let n = callee.targs.len();
                for (k, t) in own.iter().enumerate() {
                    if let Some(v) = callee.targs.get(n - own.len() + k).cloned() {
                        let _ = self.infer.unify(&v, t);
                    }
                }
            }
            let mut args = vec![recv_arg];
            args.extend(self.check_callee_args(&callee, &m.args, &sig.params[1..], 1, sp));
            let span = self.span(msp);
            let ret = self.reveal_ret(&callee, sig.ret.clone(), sp);
            return self.call_expr(callee, args, ret, span);
        }
        if name == "into" && m.args.is_empty() {
            if let Some(target) = expected.map(|e| self.shallow(e)).filter(|t| self.wants_dyn_error(t)) {
                // `"bad input".into()` / `err.into()` as a `Box<dyn Error>`.
                let arg = if matches!(self.shallow(&base.ty), Ty::Str) {
                    let s = base.span.clone();
                    mk(ExprKind::AddrOf(false, Box::new(base)), Ty::str_ref(), s)
                } else {
                    base
                };
                if let Some(d) = self.to_dyn_error(arg, &target, false) {
                    return d;
                }
                return self.error_expr(sp);
            }
            if let Some(target) = expected.map(|e| self.shallow(e)).filter(|t| !matches!(t, Ty::Var(_))) {
                // The receiver was auto-dereferenced: `"s".into()` converts the `&str`, not the `str`.
                for by_ref in [false, true] {
                    let rt = if by_ref { Ty::Ref(false, Box::new(base.ty.clone())) } else { base.ty.clone() };
                    let callee = self.lookup_method_where(&target, "from", Some("From"), &mut |cx, c| {
                        let sig = cx.callee_sig(c);
                        sig.params.len() == 1 && cx.infer.unify(&sig.params[0], &rt).is_ok()
                    });
                    if let Some(c) = callee {
                        let span = self.span(msp);
                        let arg = if by_ref {
                            let s = base.span.clone();
                            mk(ExprKind::AddrOf(false, Box::new(base)), rt, s)
                        } else {
                            base
                        };
                        return self.call_expr(c, vec![arg], target, span);
                    }
                }
                // `"ab".into()` as `Box<str>`: the same immutable string data.
                if matches!(&target, Ty::Boxed(e) if **e == Ty::Str) && matches!(self.shallow(&base.ty), Ty::Str | Ty::String) {
                    let span = self.span(msp);
                    let s = self.to_str(base);
                    let owned = mk(ExprKind::Std("str.to_string", vec![s]), Ty::String, span.clone());
                    let s2 = self.to_str(owned);
                    let mut b = s2;
                    b.ty = target;
                    return b;
                }
                // `"ab".into()` as `Vec<u8>`: the UTF-8 bytes.
                if matches!(&target, Ty::Vec(e) if **e == Ty::Int(IntTy::U8)) && matches!(self.shallow(&base.ty), Ty::Str | Ty::String) {
                    let span = self.span(msp);
                    let s = self.to_str(base);
                    let bytes = mk(ExprKind::Std("str.as_bytes", vec![s]), Ty::Ref(false, Box::new(Ty::Slice(Box::new(Ty::Int(IntTy::U8))))), span.clone());
                    return mk(ExprKind::Std("seq.to_vec", vec![bytes]), target, span);
                }
                // Lossless std conversions (`u8` → `f64`, `char` → `u32`, ...): rustc only accepts the exact
                // ones, so a cast computes the same value.
                let src = self.shallow(&base.ty);
                let numeric = |t: &Ty| matches!(t, Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Char | Ty::Bool);
                if numeric(&src) && numeric(&target) {
                    let span = self.span(msp);
                    return mk(ExprKind::Cast(Box::new(base)), target, span);
                }
            }
        }
        if let Ty::Adt(a, _) = bt {
            if name == "clone" && (self.ck.program.adts[a].derives("Clone")) {
                let _ = self.check_args(&m.args, &[], sp);
                let t = base.ty.clone();
                return mk(ExprKind::Std("clone", vec![base]), t, self.span(msp));
            }
            if name == "to_string" && self.ck.program.display_impls.contains_key(&a) {
                let _ = self.check_args(&m.args, &[], sp);
                let pieces = vec![crate::tir::FmtPiece::Arg { arg: 0, spec: Default::default() }];
                return mk(ExprKind::Format(pieces, vec![base]), Ty::String, self.span(msp));
            }
        }
        let base = match self.ord_method(base, &name, m) {
            Ok(e) => return e,
            Err(base) => base,
        };
        let base = match self.text_method(base, &name, m) {
            Ok(e) => return e,
            Err(base) => base,
        };
        if matches!(name.as_str(), "to_le_bytes" | "to_be_bytes" | "to_ne_bytes") && m.args.is_empty() {
            if let Ty::Int(i) = self.infer.finalize(&base.ty) {
                if !i.is128() {
                    let span = self.span(msp);
                    return self.int_to_bytes(base, i, name == "to_be_bytes", span);
                }
            }
        }
        let base = match self.user_iterator_source(base, &name) {
            Ok(src) => return self.std_method(src, &name, m, expected).unwrap_or_else(|| self.error_expr(sp)),
            Err(base) => base,
        };
        if let Some(e) = self.std_method(base, &name, m, expected) {
            return e;
        }
        let tn = self.ty_name(&bt);
        if matches!(bt, Ty::Var(_)) {
            self.err(codes::ANNOTATIONS_NEEDED, msp, "type annotations needed", "type must be known at this point", Some("annotate the type of the receiver"));
        } else if !matches!(bt, Ty::Never) {
            self.err(codes::UNKNOWN_METHOD, msp, format!("no method named `{name}` found for `{tn}` in the supported std surface"), "method not found", None);
        }
        self.error_expr(sp)
    }

    fn closure_arg(&mut self, m: &syn::ExprMethodCall, i: usize, params: &[Ty], ret: Option<&Ty>) -> Option<(Closure, Ty)> {
        match m.args.iter().nth(i) {
            Some(syn::Expr::Closure(c)) => self.check_closure(c, params, ret),
            Some(syn::Expr::Path(p)) => {
                // A function or constructor path: `|a, b| path(a, b)`.
                let names: Vec<syn::Ident> = (0..params.len()).map(|k| syn::Ident::new(&format!("__arg{k}"), p.span())).collect();
                let c: syn::ExprClosure = syn::parse_quote!(|#(#names),*| #p(#(#names),*));
                self.check_closure(&c, params, ret)
            }
            Some(other) => {
                self.err(codes::CLOSURE, other.span(), "expected a closure literal here", "", Some("write the closure inline: `|x| ...`"));
                None
            }
            None => {
                self.err(codes::ARITY, m.method.span(), "missing closure argument", "", None);
                None
            }
        }
    }

    /// The std method table. Returns None when the method is unknown for this receiver type.
    fn std_method(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> Option<TExpr> {
        let sp = m.span();
        let span = self.span(m.method.span());
        let mut base = match self.std_method_ext(base, name, m, expected) {
            Ok(e) => return Some(e),
            Err(b) => b,
        };
        let bt = self.shallow(&base.ty);
        let us = Ty::usize();
        let u32t = Ty::Int(IntTy::U32);
        // `_` in a turbofish is inferred (`collect::<Result<Vec<_>, _>>()`); a type we cannot name is an
        // error here, never silently dropped.
        let turbofish: Option<Ty> = match m.turbofish.as_ref().and_then(|t| t.args.first()) {
            Some(syn::GenericArgument::Type(t)) => match self.annotation_ty(t) {
                Ok(t) => Some(t),
                Err(d) => {
                    self.errors.push(d);
                    return Some(self.error_expr(m.span()));
                }
            },
            _ => None,
        };
        macro_rules! std {
            ($op:expr, [$($a:expr),*], $ret:expr) => {{
                let tys: Vec<Ty> = vec![$($a),*];
                let mut args = vec![base];
                args.extend(self.check_args(&m.args, &tys, sp));
                return Some(mk(ExprKind::Std($op, args), $ret, span));
            }};
        }
        macro_rules! with_closure {
            ($op:expr, $params:expr, $cret:expr, $ret:expr) => {{
                let params: Vec<Ty> = $params;
                let cret: Option<Ty> = $cret;
                let (cl, rt) = self.closure_arg(m, 0, &params, cret.as_ref())?;
                let ret: Ty = ($ret)(self, rt);
                return Some(mk(ExprKind::StdClosure($op, vec![base], vec![cl]), ret, span));
            }};
        }
        // Universal methods.
        match name {
            "clone" | "to_owned" if !matches!(bt, Ty::Str | Ty::Slice(_) | Ty::Iter(_)) => std!("clone", [], bt.clone()),
            "to_string" if matches!(bt, Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char | Ty::String | Ty::ParseError(_)) || matches!(bt, Ty::Var(_)) && self.is_numeric_var(&bt) => {
                let pieces = vec![crate::tir::FmtPiece::Arg { arg: 0, spec: Default::default() }];
                let _ = self.check_args(&m.args, &[], sp);
                return Some(mk(ExprKind::Format(pieces, vec![base]), Ty::String, span));
            }
            _ => {}
        }
        let seq_elem = match &bt {
            Ty::Vec(t) | Ty::Array(t, _) | Ty::Slice(t) => Some((**t).clone()),
            _ => None,
        };
        if let Some(t) = seq_elem.clone() {
            let is_vec = matches!(bt, Ty::Vec(_));
            let rt = Ty::Ref(false, Box::new(t.clone()));
            match name {
                "len" => std!("seq.len", [], us),
                "is_empty" => std!("seq.is_empty", [], Ty::Bool),
                "contains" => std!("seq.contains", [rt.clone()], Ty::Bool),
                "first" => std!("seq.first", [], Ty::Option(Box::new(rt))),
                "last" => std!("seq.last", [], Ty::Option(Box::new(rt))),
                "get" => std!("seq.get", [us], Ty::Option(Box::new(rt))),
                "iter" => std!("seq.iter", [], Ty::Iter(Box::new(rt))),
                "iter_mut" => std!("seq.iter_mut", [], Ty::Iter(Box::new(Ty::Ref(true, Box::new(t))))),
                "into_iter" => std!("seq.into_iter", [], Ty::Iter(Box::new(t))),
                "sort" | "sort_unstable" => std!("seq.sort", [], Ty::Unit),
                "reverse" => std!("seq.reverse", [], Ty::Unit),
                "swap" => std!("seq.swap", [us.clone(), us], Ty::Unit),
                "to_vec" => std!("seq.to_vec", [], Ty::Vec(Box::new(t))),
                "binary_search" => std!("seq.binary_search", [rt], Ty::Result(Box::new(us.clone()), Box::new(us))),
                "windows" => std!("seq.windows", [us], Ty::Iter(Box::new(Ty::Ref(false, Box::new(Ty::Slice(Box::new(t))))))),
                "chunks" => std!("seq.chunks", [us], Ty::Iter(Box::new(Ty::Ref(false, Box::new(Ty::Slice(Box::new(t))))))),
                "fill" => std!("seq.fill", [t], Ty::Unit),
                "copy_from_slice" | "clone_from_slice" => std!("seq.copy_from_slice", [Ty::Ref(false, Box::new(Ty::Slice(Box::new(t))))], Ty::Unit),
                "starts_with" => std!("seq.starts_with", [Ty::Ref(false, Box::new(Ty::Slice(Box::new(t))))], Ty::Bool),
                "ends_with" => std!("seq.ends_with", [Ty::Ref(false, Box::new(Ty::Slice(Box::new(t))))], Ty::Bool),
                "split_at" | "split_at_mut" => {
                    let m2 = name == "split_at_mut";
                    let st = Ty::Ref(m2, Box::new(Ty::Slice(Box::new(t))));
                    std!("seq.split_at", [us], Ty::Tuple(vec![st.clone(), st]))
                }
                "first_mut" | "last_mut" | "get_mut" if self.is_scalar_ty(&t) || self.is_numeric_var(&self.resolve(&t)) => {
                    // Scalars: the lowering names the element place (`lower/elem_refs.rs`).
                    let r = Ty::Option(Box::new(Ty::Ref(true, Box::new(t))));
                    match name {
                        "first_mut" => std!("seq.first_mut", [], r),
                        "last_mut" => std!("seq.last_mut", [], r),
                        _ => std!("seq.get_mut", [us], r),
                    }
                }
                "first_mut" | "last_mut" | "get_mut" if !self.is_scalar_ty(&t) && !self.is_numeric_var(&self.resolve(&t)) => {
                    let r = Ty::Option(Box::new(Ty::Ref(true, Box::new(t))));
                    match name {
                        "first_mut" => std!("seq.first", [], r),
                        "last_mut" => std!("seq.last", [], r),
                        _ => std!("seq.get", [us], r),
                    }
                }
                "join" => {
                    let ok = matches!(self.shallow(&t), Ty::String) || matches!(self.resolve(&t), Ty::Ref(_, ref s) if **s == Ty::Str);
                    if ok {
                        std!("seq.join", [Ty::str_ref()], Ty::String)
                    } else {
                        return None;
                    }
                }
                "concat" => std!("seq.concat", [], Ty::String),
                "sort_by_key" => with_closure!("seq.sort_by_key", vec![rt.clone()], None, |_: &mut Self, _| Ty::Unit),
                "iter_sum" => {}
                _ => {}
            }
            if is_vec {
                match name {
                    "push" => std!("vec.push", [t], Ty::Unit),
                    "pop" => std!("vec.pop", [], Ty::Option(Box::new(t))),
                    "insert" => std!("vec.insert", [us, t], Ty::Unit),
                    "remove" => std!("vec.remove", [us], t),
                    "swap_remove" => std!("vec.swap_remove", [us], t),
                    "split_off" => std!("vec.split_off", [us], Ty::Vec(Box::new(t))),
                    "clear" => std!("vec.clear", [], Ty::Unit),
                    "truncate" => std!("vec.truncate", [us], Ty::Unit),
                    "dedup" => std!("vec.dedup", [], Ty::Unit),
                    "extend_from_slice" => std!("vec.extend_from_slice", [Ty::Ref(false, Box::new(Ty::Slice(Box::new(t))))], Ty::Unit),
                    "as_slice" => std!("vec.as_slice", [], Ty::Ref(false, Box::new(Ty::Slice(Box::new(t))))),
                    "extend" => {
                        let arg = m.args.first()?;
                        let e = self.check_expr(arg, None);
                        let e = self.into_iter(e, arg.span());
                        let item = match self.shallow(&e.ty) {
                            Ty::Iter(x) => *x,
                            _ => t.clone(),
                        };
                        // Extending from references copies the elements.
                        let item_val = match self.shallow(&item) {
                            Ty::Ref(_, x) => *x,
                            other => other,
                        };
                        self.expect_ty(arg.span(), &t, &item_val);
                        return Some(mk(ExprKind::Std("vec.extend", vec![base, e]), Ty::Unit, span));
                    }
                    "retain" => with_closure!("vec.retain", vec![Ty::Ref(false, Box::new(t.clone()))], Some(Ty::Bool), |_: &mut Self, _| Ty::Unit),
                    _ => {}
                }
            }
            return None;
        }
        match &bt {
            Ty::String | Ty::Str => {
                let is_string = matches!(bt, Ty::String);
                let sref = Ty::str_ref();
                if is_string {
                    match name {
                        "push" => std!("string.push", [Ty::Char], Ty::Unit),
                        "push_str" => std!("string.push_str", [sref], Ty::Unit),
                        "pop" => std!("string.pop", [], Ty::Option(Box::new(Ty::Char))),
                        "clear" => std!("string.clear", [], Ty::Unit),
                        "truncate" => std!("string.truncate", [us], Ty::Unit),
                        "insert" => std!("string.insert", [us, Ty::Char], Ty::Unit),
                        "insert_str" => std!("string.insert_str", [us.clone(), sref.clone()], Ty::Unit),
                        "as_str" => std!("string.as_str_m", [], sref),
                        "remove" => std!("string.remove", [us], Ty::Char),
                        "capacity" => std!("str.len", [], us),
                        _ => {}
                    }
                }
                base = if is_string {
                    let s = base.span.clone();
                    let r = mk(ExprKind::AddrOf(false, Box::new(base)), Ty::Ref(false, Box::new(Ty::String)), s.clone());
                    let st = mk(ExprKind::Std("string.as_str", vec![r]), Ty::str_ref(), s.clone());
                    mk(ExprKind::Deref(Box::new(st)), Ty::Str, s)
                } else {
                    base
                };
                if matches!(name, "split" | "trim_matches" | "trim_start_matches" | "trim_end_matches" | "find" | "contains" | "starts_with" | "ends_with") && matches!(m.args.first(), Some(syn::Expr::Closure(_)) | Some(syn::Expr::Path(_))) && !matches!(m.args.first(), Some(syn::Expr::Path(p)) if self.path_is_value(&p.path)) {
                    let (cl, _) = self.closure_arg(m, 0, &[Ty::Char], Some(&Ty::Bool))?;
                    let (op, ret): (&'static str, Ty) = match name {
                        "split" => ("str.split_fn", Ty::Iter(Box::new(sref))),
                        "find" => ("str.find_fn", Ty::Option(Box::new(us))),
                        "contains" => ("str.contains_fn", Ty::Bool),
                        "starts_with" => ("str.starts_with_fn", Ty::Bool),
                        "ends_with" => ("str.ends_with_fn", Ty::Bool),
                        "trim_start_matches" => ("str.trim_start_fn", sref),
                        "trim_end_matches" => ("str.trim_end_fn", sref),
                        _ => ("str.trim_fn", sref),
                    };
                    return Some(mk(ExprKind::StdClosure(op, vec![base], vec![cl]), ret, span));
                }
                let pat_arg = |cx: &mut Self, m: &syn::ExprMethodCall, i: usize| -> Option<TExpr> {
                    let a = m.args.iter().nth(i)?;
                    let e = cx.check_expr(a, None);
                    let e = cx.auto_deref_str_pat(e);
                    match cx.shallow(&e.ty) {
                        Ty::Char => Some(e),
                        Ty::Ref(_, t) if matches!(cx.shallow(&t), Ty::Str) => Some(e),
                        Ty::Never => Some(e),
                        _ => {
                            cx.err(codes::TYPE_MISMATCH, a.span(), "expected a `&str` or `char` pattern", "", Some("closure patterns are not supported yet"));
                            None
                        }
                    }
                };
                match name {
                    "len" => std!("str.len", [], us),
                    "is_empty" => std!("str.is_empty", [], Ty::Bool),
                    "to_string" | "to_owned" | "into" => std!("str.to_string", [], Ty::String),
                    "clone" if is_string => std!("str.to_string", [], Ty::String),
                    "as_bytes" => std!("str.as_bytes", [], Ty::Ref(false, Box::new(Ty::Slice(Box::new(Ty::Int(IntTy::U8)))))),
                    "trim" => std!("str.trim", [], sref),
                    "trim_start" => std!("str.trim_start", [], sref),
                    "trim_end" => std!("str.trim_end", [], sref),
                    "to_uppercase" => std!("str.to_uppercase", [], Ty::String),
                    "to_lowercase" => std!("str.to_lowercase", [], Ty::String),
                    "to_ascii_uppercase" => std!("str.to_ascii_uppercase", [], Ty::String),
                    "to_ascii_lowercase" => std!("str.to_ascii_lowercase", [], Ty::String),
                    "repeat" => std!("str.repeat", [us], Ty::String),
                    "chars" => std!("str.chars", [], Ty::Iter(Box::new(Ty::Char))),
                    "char_indices" => std!("str.char_indices", [], Ty::Iter(Box::new(Ty::Tuple(vec![us, Ty::Char])))),
                    "bytes" => std!("str.bytes", [], Ty::Iter(Box::new(Ty::Int(IntTy::U8)))),
                    "lines" => std!("str.lines", [], Ty::Iter(Box::new(sref))),
                    "split_whitespace" => std!("str.split_whitespace", [], Ty::Iter(Box::new(sref))),
                    "split" | "contains" | "starts_with" | "ends_with" | "find" | "replace" | "split_once" | "rfind" | "strip_prefix" | "strip_suffix" | "trim_matches" | "matches_count" => {
                        let p = pat_arg(self, m, 0)?;
                        let is_char = matches!(self.shallow(&p.ty), Ty::Char);
                        let mut args = vec![base, p];
                        let (op, ret): (&'static str, Ty) = match (name, is_char) {
                            ("split", false) => ("str.split", Ty::Iter(Box::new(sref))),
                            ("split", true) => ("str.split_char", Ty::Iter(Box::new(sref))),
                            ("contains", false) => ("str.contains", Ty::Bool),
                            ("contains", true) => ("str.contains_char", Ty::Bool),
                            ("starts_with", false) => ("str.starts_with", Ty::Bool),
                            ("starts_with", true) => ("str.starts_with_char", Ty::Bool),
                            ("ends_with", false) => ("str.ends_with", Ty::Bool),
                            ("ends_with", true) => ("str.ends_with_char", Ty::Bool),
                            ("find", false) => ("str.find", Ty::Option(Box::new(us))),
                            ("find", true) => ("str.find_char", Ty::Option(Box::new(us))),
                            ("rfind", false) => ("str.rfind", Ty::Option(Box::new(us))),
                            ("rfind", true) => ("str.rfind_char", Ty::Option(Box::new(us))),
                            ("split_once", false) => ("str.split_once", Ty::Option(Box::new(Ty::Tuple(vec![sref.clone(), sref])))),
                            ("split_once", true) => ("str.split_once_char", Ty::Option(Box::new(Ty::Tuple(vec![sref.clone(), sref])))),
                            ("strip_prefix", false) => ("str.strip_prefix", Ty::Option(Box::new(sref))),
                            ("strip_prefix", true) => ("str.strip_prefix_char", Ty::Option(Box::new(sref))),
                            ("strip_suffix", false) => ("str.strip_suffix", Ty::Option(Box::new(sref))),
                            ("strip_suffix", true) => ("str.strip_suffix_char", Ty::Option(Box::new(sref))),
                            ("trim_matches", true) => ("str.trim_matches_char", sref),
                            ("trim_matches", false) => ("str.trim_matches", sref),
                            ("replace", false) => {
                                let a = m.args.iter().nth(1)?;
                                args.push(self.check_expr_coerce(a, &Ty::str_ref()));
                                ("str.replace", Ty::String)
                            }
                            ("replace", true) => {
                                let a = m.args.iter().nth(1)?;
                                args.push(self.check_expr_coerce(a, &Ty::str_ref()));
                                ("str.replace_char", Ty::String)
                            }
                            _ => return None,
                        };
                        return Some(mk(ExprKind::Std(op, args), ret, span));
                    }
                    "parse" => {
                        let target = turbofish.clone().or_else(|| match expected.map(|e| self.shallow(e)) {
                            Some(Ty::Result(t, _)) => Some(*t),
                            _ => None,
                        });
                        let t = target.unwrap_or_else(|| self.fresh());
                        let tt = self.resolve(&t);
                        let err = match tt {
                            Ty::F32 | Ty::F64 => Ty::ParseError(true),
                            Ty::Int(_) => Ty::ParseError(false),
                            // A user `impl FromStr` (lowered as a call of its `from_str`).
                            Ty::Adt(..) if self.ck.from_str_impl(&tt).is_some() => self.ck.from_str_impl(&tt).map(|x| x.1).unwrap_or(Ty::Unit),
                            Ty::Var(_) => {
                                let ev = self.fresh();
                                self.deferred_parse.push((tt.clone(), ev.clone(), m.method.span()));
                                ev
                            }
                            _ => {
                                let n = self.ty_name(&tt);
                                self.err(codes::UNSUPPORTED_STD, m.method.span(), format!("`parse::<{n}>` is not supported"), "", Some("parse integers or floats"));
                                return Some(self.error_expr(sp));
                            }
                        };
                        return Some(mk(ExprKind::Std("str.parse", vec![base]), Ty::Result(Box::new(tt), Box::new(err)), span));
                    }
                    "eq_ignore_ascii_case" => std!("str.eq_ignore_ascii_case", [sref], Ty::Bool),
                    "is_char_boundary" => std!("str.is_char_boundary", [us.clone()], Ty::Bool),
                    "get" if matches!(m.args.first(), Some(syn::Expr::Range(_))) => {
                        std!("str.get", [Ty::Range(Box::new(us), matches!(m.args.first(), Some(syn::Expr::Range(r)) if matches!(r.limits, syn::RangeLimits::Closed(_))))], Ty::Option(Box::new(sref)))
                    }
                    "split_at" => std!("str.split_at", [us], Ty::Tuple(vec![sref.clone(), sref])),
                    "splitn" | "rsplitn" => {
                        let n = m.args.first()?;
                        let ne = self.check_expr_coerce(n, &us);
                        let p = pat_arg(self, m, 1)?;
                        let p = self.pat_to_str(p);
                        let op = if name == "splitn" { "str.splitn" } else { "str.rsplitn" };
                        return Some(mk(ExprKind::Std(op, vec![base, ne, p]), Ty::Iter(Box::new(sref)), span));
                    }
                    "rsplit" | "split_terminator" | "trim_start_matches" | "trim_end_matches" | "rsplit_once" | "matches" => {
                        let p = pat_arg(self, m, 0)?;
                        let p = self.pat_to_str(p);
                        let (op, ret): (&'static str, Ty) = match name {
                            "rsplit" => ("str.rsplit", Ty::Iter(Box::new(sref))),
                            "split_terminator" => ("str.split_terminator", Ty::Iter(Box::new(sref))),
                            "trim_start_matches" => ("str.trim_start_matches", sref),
                            "trim_end_matches" => ("str.trim_end_matches", sref),
                            "matches" => ("str.matches", Ty::Iter(Box::new(sref))),
                            _ => ("str.rsplit_once", Ty::Option(Box::new(Ty::Tuple(vec![sref.clone(), sref])))),
                        };
                        return Some(mk(ExprKind::Std(op, vec![base, p]), ret, span));
                    }
                    "replacen" => {
                        let p = pat_arg(self, m, 0)?;
                        let p = self.pat_to_str(p);
                        let to = self.check_expr_coerce(m.args.iter().nth(1)?, &Ty::str_ref());
                        let n = self.check_expr_coerce(m.args.iter().nth(2)?, &us);
                        return Some(mk(ExprKind::Std("str.replacen", vec![base, p, to, n]), Ty::String, span));
                    }
                    _ => return None,
                }
            }
            Ty::Option(t) => {
                let t = (**t).clone();
                let ot = bt.clone();
                match name {
                    "is_some" => std!("opt.is_some", [], Ty::Bool),
                    "is_none" => std!("opt.is_none", [], Ty::Bool),
                    "unwrap" => std!("opt.unwrap", [], t),
                    "expect" => std!("opt.expect", [Ty::str_ref()], t),
                    "unwrap_or" => std!("opt.unwrap_or", [t.clone()], t),
                    "unwrap_or_default" => std!("opt.unwrap_or_default", [], t),
                    "take" => std!("opt.take", [], ot),
                    "ok_or" => {
                        let e = self.fresh();
                        std!("opt.ok_or", [e.clone()], Ty::Result(Box::new(t), Box::new(e)))
                    }
                    "or" => std!("opt.or", [ot.clone()], ot),
                    "and" => {
                        let u = self.fresh();
                        let ut = Ty::Option(Box::new(u));
                        std!("opt.and", [ut.clone()], ut)
                    }
                    "xor" => std!("opt.xor", [ot.clone()], ot),
                    "replace" => std!("opt.replace", [t.clone()], ot),
                    "insert" => std!("opt.insert", [t.clone()], Ty::Ref(true, Box::new(t))),
                    "get_or_insert" => std!("opt.get_or_insert", [t.clone()], Ty::Ref(true, Box::new(t))),
                    "zip" => {
                        let u = self.fresh();
                        std!("opt.zip", [Ty::Option(Box::new(u.clone()))], Ty::Option(Box::new(Ty::Tuple(vec![t, u]))))
                    }
                    "or_else" => with_closure!("opt.or_else", vec![], Some(ot.clone()), |_: &mut Self, _| ot.clone()),
                    "as_ref" => std!("opt.as_ref", [], Ty::Option(Box::new(Ty::Ref(false, Box::new(t))))),
                    "as_mut" => std!("opt.as_ref", [], Ty::Option(Box::new(Ty::Ref(true, Box::new(t))))),
                    "cloned" | "copied" => {
                        let inner = match self.shallow(&t) {
                            Ty::Ref(_, x) => *x,
                            other => other,
                        };
                        std!("opt.cloned", [], Ty::Option(Box::new(inner)))
                    }
                    "unwrap_or_else" => with_closure!("opt.unwrap_or_else", vec![], Some(t.clone()), |_: &mut Self, _| t.clone()),
                    "map" => with_closure!("opt.map", vec![t.clone()], None, |_: &mut Self, r: Ty| Ty::Option(Box::new(r))),
                    "and_then" => with_closure!("opt.and_then", vec![t.clone()], None, |_: &mut Self, r: Ty| r),
                    "filter" => with_closure!("opt.filter", vec![Ty::Ref(false, Box::new(t.clone()))], Some(Ty::Bool), |_: &mut Self, _| ot.clone()),
                    "is_some_and" => with_closure!("opt.is_some_and", vec![t.clone()], Some(Ty::Bool), |_: &mut Self, _| Ty::Bool),
                    "map_or" => {
                        let d = m.args.first()?;
                        let de = self.check_expr(d, None);
                        let dt = de.ty.clone();
                        let (cl, _) = match m.args.iter().nth(1) {
                            Some(syn::Expr::Closure(c)) => self.check_closure(c, &[t.clone()], Some(&dt))?,
                            _ => return None,
                        };
                        return Some(mk(ExprKind::StdClosure("opt.map_or", vec![base, de], vec![cl]), dt, span));
                    }
                    "ok_or_else" => {
                        let e = self.fresh();
                        with_closure!("opt.ok_or_else", vec![], Some(e.clone()), |_: &mut Self, r: Ty| Ty::Result(Box::new(t.clone()), Box::new(r)))
                    }
                    _ => return None,
                }
            }
            Ty::Result(t, e) => {
                let (t, e) = ((**t).clone(), (**e).clone());
                match name {
                    "is_ok" => std!("res.is_ok", [], Ty::Bool),
                    "is_err" => std!("res.is_err", [], Ty::Bool),
                    "unwrap" => std!("res.unwrap", [], t),
                    "expect" => std!("res.expect", [Ty::str_ref()], t),
                    "unwrap_err" => std!("res.unwrap_err", [], e),
                    "expect_err" => std!("res.expect_err", [Ty::str_ref()], e),
                    "unwrap_or" => std!("res.unwrap_or", [t.clone()], t),
                    "unwrap_or_default" => std!("res.unwrap_or_default", [], t),
                    "ok" => std!("res.ok", [], Ty::Option(Box::new(t))),
                    "err" => std!("res.err", [], Ty::Option(Box::new(e))),
                    "map" => with_closure!("res.map", vec![t.clone()], None, |_: &mut Self, r: Ty| Ty::Result(Box::new(r), Box::new(e.clone()))),
                    "map_err" => with_closure!("res.map_err", vec![e.clone()], None, |_: &mut Self, r: Ty| Ty::Result(Box::new(t.clone()), Box::new(r))),
                    "and_then" => with_closure!("res.and_then", vec![t.clone()], None, |_: &mut Self, r: Ty| r),
                    "and" => {
                        let u = self.fresh();
                        let rt = Ty::Result(Box::new(u), Box::new(e.clone()));
                        std!("res.and", [rt.clone()], rt)
                    }
                    "or" => {
                        let f = self.fresh();
                        let rt = Ty::Result(Box::new(t.clone()), Box::new(f));
                        std!("res.or", [rt.clone()], rt)
                    }
                    "is_ok_and" => with_closure!("res.is_ok_and", vec![t.clone()], Some(Ty::Bool), |_: &mut Self, _| Ty::Bool),
                    "is_err_and" => with_closure!("res.is_err_and", vec![e.clone()], Some(Ty::Bool), |_: &mut Self, _| Ty::Bool),
                    "or_else" => {
                        let f = self.fresh();
                        let rt = Ty::Result(Box::new(t.clone()), Box::new(f));
                        with_closure!("res.or_else", vec![e.clone()], Some(rt.clone()), |_: &mut Self, _| rt.clone())
                    }
                    "as_ref" => std!("opt.as_ref", [], Ty::Result(Box::new(Ty::Ref(false, Box::new(t))), Box::new(Ty::Ref(false, Box::new(e))))),
                    "unwrap_or_else" => with_closure!("res.unwrap_or_else", vec![e.clone()], Some(t.clone()), |_: &mut Self, _| t.clone()),
                    _ => return None,
                }
            }
            Ty::Int(_) | Ty::Var(_) if self.is_int_ty(&bt) => {
                let t = bt.clone();
                match name {
                    "abs" => std!("int.abs", [], t),
                    "pow" => std!("int.pow", [u32t], t),
                    "signum" => std!("int.signum", [], t),
                    "is_positive" => std!("int.is_positive", [], Ty::Bool),
                    "is_negative" => std!("int.is_negative", [], Ty::Bool),
                    "min" => std!("int.min", [t.clone()], t),
                    "max" => std!("int.max", [t.clone()], t),
                    "clamp" => std!("int.clamp", [t.clone(), t.clone()], t),
                    "wrapping_add" => std!("int.wrapping_add", [t.clone()], t),
                    "wrapping_sub" => std!("int.wrapping_sub", [t.clone()], t),
                    "wrapping_mul" => std!("int.wrapping_mul", [t.clone()], t),
                    "wrapping_neg" => std!("int.wrapping_neg", [], t),
                    "wrapping_pow" => std!("int.wrapping_pow", [u32t], t),
                    "checked_add" => std!("int.checked_add", [t.clone()], Ty::Option(Box::new(t))),
                    "checked_sub" => std!("int.checked_sub", [t.clone()], Ty::Option(Box::new(t))),
                    "checked_mul" => std!("int.checked_mul", [t.clone()], Ty::Option(Box::new(t))),
                    "checked_div" => std!("int.checked_div", [t.clone()], Ty::Option(Box::new(t))),
                    "checked_rem" => std!("int.checked_rem", [t.clone()], Ty::Option(Box::new(t))),
                    "checked_pow" => std!("int.checked_pow", [u32t], Ty::Option(Box::new(t))),
                    "saturating_add" => std!("int.saturating_add", [t.clone()], t),
                    "saturating_sub" => std!("int.saturating_sub", [t.clone()], t),
                    "saturating_mul" => std!("int.saturating_mul", [t.clone()], t),
                    "rem_euclid" => std!("int.rem_euclid", [t.clone()], t),
                    "div_euclid" => std!("int.div_euclid", [t.clone()], t),
                    "count_ones" => std!("int.count_ones", [], u32t),
                    "count_zeros" => std!("int.count_zeros", [], u32t),
                    "leading_zeros" => std!("int.leading_zeros", [], u32t),
                    "trailing_zeros" => std!("int.trailing_zeros", [], u32t),
                    "rotate_left" => std!("int.rotate_left", [u32t], t),
                    "rotate_right" => std!("int.rotate_right", [u32t], t),
                    "is_power_of_two" => std!("int.is_power_of_two", [], Ty::Bool),
                    "checked_neg" => std!("int.checked_neg", [], Ty::Option(Box::new(t))),
                    "checked_abs" => std!("int.checked_abs", [], Ty::Option(Box::new(t))),
                    "checked_shl" => std!("int.checked_shl", [u32t], Ty::Option(Box::new(t))),
                    "checked_shr" => std!("int.checked_shr", [u32t], Ty::Option(Box::new(t))),
                    "wrapping_shl" => std!("int.wrapping_shl", [u32t], t),
                    "wrapping_shr" => std!("int.wrapping_shr", [u32t], t),
                    "wrapping_div" => std!("int.wrapping_div", [t.clone()], t),
                    "wrapping_rem" => std!("int.wrapping_rem", [t.clone()], t),
                    "wrapping_abs" => std!("int.wrapping_abs", [], t),
                    "saturating_pow" => std!("int.saturating_pow", [u32t], t),
                    "saturating_neg" => std!("int.saturating_neg", [], t),
                    "overflowing_add" => std!("int.overflowing_add", [t.clone()], Ty::Tuple(vec![t, Ty::Bool])),
                    "overflowing_sub" => std!("int.overflowing_sub", [t.clone()], Ty::Tuple(vec![t, Ty::Bool])),
                    "overflowing_mul" => std!("int.overflowing_mul", [t.clone()], Ty::Tuple(vec![t, Ty::Bool])),
                    "unsigned_abs" => {
                        let r = match self.resolve(&t) {
                            Ty::Int(i) => Ty::Int(match i {
                                IntTy::I8 => IntTy::U8,
                                IntTy::I16 => IntTy::U16,
                                IntTy::I32 => IntTy::U32,
                                IntTy::I64 => IntTy::U64,
                                IntTy::I128 => IntTy::U128,
                                IntTy::Isize => IntTy::Usize,
                                o => o,
                            }),
                            o => o,
                        };
                        std!("int.unsigned_abs", [], r)
                    }
                    "abs_diff" => {
                        let r = match self.resolve(&t) {
                            Ty::Int(i) => Ty::Int(match i {
                                IntTy::I8 => IntTy::U8,
                                IntTy::I16 => IntTy::U16,
                                IntTy::I32 => IntTy::U32,
                                IntTy::I64 => IntTy::U64,
                                IntTy::I128 => IntTy::U128,
                                IntTy::Isize => IntTy::Usize,
                                o => o,
                            }),
                            o => o,
                        };
                        std!("int.abs_diff", [t], r)
                    }
                    _ => return self.num_extra(base, name, m),
                }
            }
            Ty::F32 | Ty::F64 | Ty::Var(_) if self.is_float_ty(&bt) => {
                let t = bt.clone();
                match name {
                    "sqrt" | "floor" | "ceil" | "round" | "trunc" | "abs" | "sin" | "cos" | "tan" | "asin" | "acos" | "atan" | "exp" | "ln" | "log10" | "log2" | "cbrt" | "signum" | "fract" | "to_degrees" | "to_radians" | "exp2" | "sinh" | "cosh" | "tanh" => {
                        let op: &'static str = Box::leak(format!("float.{name}").into_boxed_str());
                        std!(op, [], t)
                    }
                    "powi" => std!("float.powi", [Ty::Int(IntTy::I32)], t),
                    "powf" | "atan2" | "hypot" | "min" | "max" | "log" | "copysign" => {
                        let op: &'static str = Box::leak(format!("float.{name}").into_boxed_str());
                        std!(op, [t.clone()], t)
                    }
                    "mul_add" => std!("float.mul_add", [t.clone(), t.clone()], t),
                    "clamp" => std!("float.clamp", [t.clone(), t.clone()], t),
                    "is_nan" => std!("float.is_nan", [], Ty::Bool),
                    "to_bits" => {
                        let r = if matches!(self.resolve(&t), Ty::F32) { Ty::Int(IntTy::U32) } else { Ty::Int(IntTy::U64) };
                        std!("float.to_bits", [], r)
                    }
                    "is_infinite" => std!("float.is_infinite", [], Ty::Bool),
                    "is_finite" => std!("float.is_finite", [], Ty::Bool),
                    "is_sign_negative" => std!("float.is_sign_negative", [], Ty::Bool),
                    "is_sign_positive" => std!("float.is_sign_positive", [], Ty::Bool),
                    _ => return self.num_extra(base, name, m),
                }
            }
            Ty::Char => match name {
                "is_alphabetic" | "is_numeric" | "is_alphanumeric" | "is_whitespace" | "is_uppercase" | "is_lowercase" | "is_ascii" | "is_ascii_digit" | "is_ascii_alphabetic" | "is_ascii_alphanumeric" | "is_ascii_uppercase" | "is_ascii_lowercase" | "is_ascii_punctuation" | "is_ascii_whitespace" | "is_ascii_hexdigit" | "is_control" | "is_ascii_graphic" | "is_ascii_control" => {
                    let op: &'static str = Box::leak(format!("char.{name}").into_boxed_str());
                    std!(op, [], Ty::Bool)
                }
                "is_digit" => std!("char.is_digit", [u32t], Ty::Bool),
                "to_digit" => std!("char.to_digit", [u32t.clone()], Ty::Option(Box::new(u32t))),
                "to_ascii_uppercase" => std!("char.to_ascii_uppercase", [], Ty::Char),
                "to_ascii_lowercase" => std!("char.to_ascii_lowercase", [], Ty::Char),
                "to_uppercase" => std!("char.to_uppercase", [], Ty::Iter(Box::new(Ty::Char))),
                "to_lowercase" => std!("char.to_lowercase", [], Ty::Iter(Box::new(Ty::Char))),
                "len_utf8" => std!("char.len_utf8", [], us),
                "eq_ignore_ascii_case" => std!("char.eq_ignore_ascii_case", [Ty::Ref(false, Box::new(Ty::Char))], Ty::Bool),
                _ => return None,
            },
            Ty::Iter(item) => {
                let item = (**item).clone();
                if name == "to_string" && matches!(self.resolve(&item), Ty::Char) {
                    let _ = self.check_args(&m.args, &[], sp);
                    return Some(mk(ExprKind::Std("iter.collect_string_chars", vec![base]), Ty::String, span));
                }
                return self.iter_method(base, item, name, m, expected, turbofish);
            }
            Ty::Range(elem, _) => {
                if matches!(name, "contains") {
                    let e = (**elem).clone();
                    std!("range.contains", [Ty::Ref(false, Box::new(e))], Ty::Bool)
                }
                let it = self.into_iter(base, m.receiver.span());
                let item = match self.shallow(&it.ty) {
                    Ty::Iter(t) => *t,
                    _ => return None,
                };
                return self.iter_method(it, item, name, m, expected, turbofish);
            }
            Ty::Formatter => match name {
                "write_str" => std!("fmt.write_str", [Ty::str_ref()], Ty::Result(Box::new(Ty::Unit), Box::new(Ty::FmtError))),
                "pad" => std!("fmt.pad", [Ty::str_ref()], Ty::Result(Box::new(Ty::Unit), Box::new(Ty::FmtError))),
                "width" => std!("fmt.width", [], Ty::Option(Box::new(Ty::usize()))),
                "precision" => std!("fmt.precision", [], Ty::Option(Box::new(Ty::usize()))),
                "alternate" => std!("fmt.alternate", [], Ty::Bool),
                "sign_plus" => std!("fmt.sign_plus", [], Ty::Bool),
                "fill" => std!("fmt.fill", [], Ty::Char),
                _ => return None,
            },
            _ => return None,
        }
    }

    /// A path naming a local or constant (a value pattern), not a function.
    fn path_is_value(&mut self, p: &syn::Path) -> bool {
        let segs = path_segs(p);
        if segs.len() == 1 && self.lookup_local(&segs[0]).is_some() {
            return true;
        }
        matches!(self.resolve_value(&segs), Some(Def::Const(_)))
    }

    /// Values a `&mut` cannot write into in place (see `lower::reprs::is_scalar`): numbers, and shared
    /// references (`&str`, `&T`), whose `&mut` is a place to rebind.
    fn is_scalar_ty(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char | Ty::Ref(false, _) => true,
            Ty::Adt(a, _) => self.ck.adt_is_fieldless_enum(a),
            _ => false,
        }
    }

    /// A char pattern argument becomes a one-char string (same matching semantics).
    fn pat_to_str(&mut self, p: TExpr) -> TExpr {
        if matches!(self.shallow(&p.ty), Ty::Char) {
            let span = p.span.clone();
            let s = mk(ExprKind::Std("char.to_string", vec![p]), Ty::String, span.clone());
            let r = mk(ExprKind::AddrOf(false, Box::new(s)), Ty::Ref(false, Box::new(Ty::String)), span.clone());
            return mk(ExprKind::Std("string.as_str", vec![r]), Ty::str_ref(), span);
        }
        p
    }

    fn is_numeric_var(&self, t: &Ty) -> bool {
        matches!(t, Ty::Var(v) if matches!(self.infer.kind_of(*v), Some(VarKind::Int | VarKind::Float)))
    }
    fn is_int_ty(&self, t: &Ty) -> bool {
        match t {
            Ty::Int(_) => true,
            Ty::Var(v) => self.infer.kind_of(*v) == Some(VarKind::Int),
            _ => false,
        }
    }
    fn is_float_ty(&self, t: &Ty) -> bool {
        match t {
            Ty::F32 | Ty::F64 => true,
            Ty::Var(v) => self.infer.kind_of(*v) == Some(VarKind::Float),
            _ => false,
        }
    }

    /// `&String` / `&&str` patterns become `&str`.
    fn auto_deref_str_pat(&mut self, e: TExpr) -> TExpr {
        let t = self.resolve(&e.ty);
        let span = e.span.clone();
        match t {
            Ty::Ref(_, inner) if *inner == Ty::String => mk(ExprKind::Std("string.as_str", vec![e]), Ty::str_ref(), span),
            Ty::Ref(_, inner) if matches!(*inner, Ty::Ref(_, ref s) if **s == Ty::Str) => mk(ExprKind::Deref(Box::new(e)), Ty::str_ref(), span),
            Ty::Ref(_, inner) if *inner == Ty::Char => mk(ExprKind::Deref(Box::new(e)), Ty::Char, span),
            _ => e,
        }
    }

    /// Iterator adapters and consumers on an iterator chain.
    fn iter_method(&mut self, base: TExpr, item: Ty, name: &str, m: &syn::ExprMethodCall, expected: Option<&Ty>, turbofish: Option<Ty>) -> Option<TExpr> {
        let sp = m.span();
        let span = self.span(m.method.span());
        let us = Ty::usize();
        let item_val = match self.shallow(&item) {
            Ty::Ref(_, t) => *t,
            t => t,
        };
        let adapt = |cx: &mut Self, op: &'static str, base: TExpr, args: Vec<TExpr>, cl: Option<Closure>, item: Ty| {
            let _ = cx;
            mk(ExprKind::IterAdapt(op, Box::new(base), args, cl), Ty::Iter(Box::new(item)), span.clone())
        };
        match name {
            "rev" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(adapt(self, "rev", base, vec![], None, item))
            }
            "enumerate" => {
                let _ = self.check_args(&m.args, &[], sp);
                let t = Ty::Tuple(vec![us, item]);
                Some(adapt(self, "enumerate", base, vec![], None, t))
            }
            "step_by" | "skip" | "take" => {
                let a = self.check_args(&m.args, &[us], sp);
                let op = match name {
                    "step_by" => "step_by",
                    "skip" => "skip",
                    _ => "take",
                };
                Some(adapt(self, op, base, a, None, item))
            }
            "cloned" | "copied" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(adapt(self, "cloned", base, vec![], None, item_val))
            }
            "map" => {
                let (cl, rt) = self.closure_arg(m, 0, &[item], None)?;
                Some(adapt(self, "map", base, vec![], Some(cl), rt))
            }
            "filter" => {
                let (cl, _) = self.closure_arg(m, 0, &[Ty::Ref(false, Box::new(item.clone()))], Some(&Ty::Bool))?;
                Some(adapt(self, "filter", base, vec![], Some(cl), item))
            }
            "filter_map" => {
                let out = self.fresh();
                let (cl, _) = self.closure_arg(m, 0, &[item], Some(&Ty::Option(Box::new(out.clone()))))?;
                Some(adapt(self, "filter_map", base, vec![], Some(cl), out))
            }
            "take_while" | "skip_while" => {
                let (cl, _) = self.closure_arg(m, 0, &[Ty::Ref(false, Box::new(item.clone()))], Some(&Ty::Bool))?;
                let op = if name == "take_while" { "take_while" } else { "skip_while" };
                Some(adapt(self, op, base, vec![], Some(cl), item))
            }
            "sum" | "product" => {
                let _ = self.check_args(&m.args, &[], sp);
                let t = turbofish.or_else(|| expected.cloned()).unwrap_or_else(|| item_val.clone());
                self.expect_ty(m.method.span(), &t, &item_val);
                let op = if name == "sum" { "iter.sum" } else { "iter.product" };
                Some(mk(ExprKind::Std(op, vec![base]), item_val, span))
            }
            "count" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(mk(ExprKind::Std("iter.count", vec![base]), us, span))
            }
            "max" | "min" => {
                let _ = self.check_args(&m.args, &[], sp);
                let op = if name == "max" { "iter.max" } else { "iter.min" };
                Some(mk(ExprKind::Std(op, vec![base]), Ty::Option(Box::new(item)), span))
            }
            "last" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(mk(ExprKind::Std("iter.last", vec![base]), Ty::Option(Box::new(item)), span))
            }
            // `next_back` of a chain made in place (not a stored iterator) is its last item.
            "next_back" if !chain_from_local(&base) => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(mk(ExprKind::Std("iter.last", vec![base]), Ty::Option(Box::new(item)), span))
            }
            "next" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(mk(ExprKind::Std("iter.next", vec![base]), Ty::Option(Box::new(item)), span))
            }
            "nth" => {
                let a = self.check_args(&m.args, &[us], sp);
                let mut args = vec![base];
                args.extend(a);
                Some(mk(ExprKind::Std("iter.nth", args), Ty::Option(Box::new(item)), span))
            }
            "position" => {
                let (cl, _) = self.closure_arg(m, 0, &[item], Some(&Ty::Bool))?;
                Some(mk(ExprKind::StdClosure("iter.position", vec![base], vec![cl]), Ty::Option(Box::new(us)), span))
            }
            "any" | "all" => {
                let (cl, _) = self.closure_arg(m, 0, &[item], Some(&Ty::Bool))?;
                let op = if name == "any" { "iter.any" } else { "iter.all" };
                Some(mk(ExprKind::StdClosure(op, vec![base], vec![cl]), Ty::Bool, span))
            }
            "find" => {
                let (cl, _) = self.closure_arg(m, 0, &[Ty::Ref(false, Box::new(item.clone()))], Some(&Ty::Bool))?;
                Some(mk(ExprKind::StdClosure("iter.find", vec![base], vec![cl]), Ty::Option(Box::new(item)), span))
            }
            "for_each" => {
                let (cl, _) = self.closure_arg(m, 0, &[item], Some(&Ty::Unit))?;
                Some(mk(ExprKind::StdClosure("iter.for_each", vec![base], vec![cl]), Ty::Unit, span))
            }
            "fold" => {
                let init_e = m.args.first()?;
                let init = self.check_expr(init_e, None);
                let acc = init.ty.clone();
                let (cl, _) = self.closure_arg(m, 1, &[acc.clone(), item], Some(&acc))?;
                Some(mk(ExprKind::StdClosure("iter.fold", vec![base, init], vec![cl]), acc, span))
            }
            "max_by_key" | "min_by_key" => {
                let key = self.fresh();
                let (cl, _) = self.closure_arg(m, 0, &[Ty::Ref(false, Box::new(item.clone()))], Some(&key))?;
                let op = if name == "max_by_key" { "iter.max_by_key" } else { "iter.min_by_key" };
                Some(mk(ExprKind::StdClosure(op, vec![base], vec![cl]), Ty::Option(Box::new(item)), span))
            }
            "collect" => {
                let _ = self.check_args(&m.args, &[], sp);
                let target = turbofish.or_else(|| expected.map(|e| self.shallow(e)));
                let target = match target.map(|t| self.shallow(&t)) {
                    Some(Ty::Vec(t)) => {
                        self.expect_ty(m.method.span(), &t, &item);
                        Ty::Vec(t)
                    }
                    Some(Ty::String) => Ty::String,
                    Some(Ty::Var(v)) => return Some(self.collect_deferred(base, item, Ty::Var(v), m)),
                    None if m.turbofish.is_none() => {
                        let v = self.fresh();
                        return Some(self.collect_deferred(base, item, v, m));
                    }
                    None => Ty::Vec(Box::new(item.clone())),
                    Some(t @ Ty::Coll(..)) => {
                        if let Some(e) = self.coll_collect(base, &t, m.method.span()) {
                            return Some(e);
                        }
                        return Some(self.error_expr(sp));
                    }
                    Some(t @ (Ty::Result(..) | Ty::Option(_))) => return Some(self.collect_shunt(base, item, t, m)),
                    Some(Ty::Gc(k, t)) if matches!(k, crate::gc_types::GcKind::Array | crate::gc_types::GcKind::String) => {
                        return Some(self.gc_collect(base, k, *t, item, m));
                    }
                    Some(other) => {
                        let n = self.ty_name(&other);
                        self.err(codes::UNSUPPORTED_STD, m.method.span(), format!("collecting into `{n}` is not supported yet"), "", Some("collect into a Vec or a String"));
                        return Some(self.error_expr(sp));
                    }
                };
                let op = match &target {
                    Ty::String => {
                        let it = self.resolve(&item);
                        // `char` and `&char` items push chars (both sides fixed this; peeling covers both).
                        match it.peel_refs() {
                            Ty::Char => "iter.collect_string_chars",
                            _ => "iter.collect_string_strs",
                        }
                    }
                    _ => "iter.collect_vec",
                };
                Some(mk(ExprKind::Std(op, vec![base]), target, span))
            }
            _ => self.iter_method_ext(base, item, name, m, expected),
        }
    }
}

/// Whether an iterator chain starts at a stored iterator (a local), which `next_back` would advance.
fn chain_from_local(e: &TExpr) -> bool {
    match &e.kind {
        ExprKind::Local(_) => true,
        ExprKind::IterAdapt(_, b, _, _) => chain_from_local(b),
        ExprKind::AddrOf(_, b) | ExprKind::Deref(b) => chain_from_local(b),
        _ => false,
    }
}
