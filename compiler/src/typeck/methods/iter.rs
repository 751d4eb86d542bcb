//! The iterator / slice / Option-Result surface beyond the core table in `methods.rs`: more adapters
//! (chain, zip, flat_map, flatten, scan, inspect, peekable…) and consumers (min_by, find_map, partition,
//! eq…), the comparator-taking slice methods (sort_by, binary_search_by…), `Ord::cmp` / `Ordering`, and
//! the rest of the Option/Result combinators. Closures stay literals inlined by the lowering
//! (`lower/ops/iter_adapters.rs`).

use super::super::expr::mk;
use super::super::FnCx;
use crate::diagnostics::codes;
use crate::tir::{Closure, ExprKind, TExpr};
use crate::types::Ty;
use syn::spanned::Spanned;

impl FnCx<'_> {
    /// `std::cmp::Ordering`, an enum of the std prelude.
    pub(crate) fn ordering_ty(&self) -> Ty {
        let p = &self.ck.program;
        let a = p.adts.iter().position(|a| a.name == "Ordering" && p.mods[a.module].is_prelude).unwrap_or(0);
        Ty::Adt(a, vec![])
    }

    fn is_ordering(&self, t: &Ty) -> bool {
        matches!(self.shallow(t), Ty::Adt(..)) && self.shallow(t) == self.ordering_ty()
    }

    fn closure_at(&mut self, m: &syn::ExprMethodCall, i: usize, params: &[Ty], ret: Option<&Ty>) -> Option<(Closure, Ty)> {
        self.closure_arg(m, i, params, ret)
    }

    /// The item type an iterable value yields (`IntoIterator::Item`), for flat_map/flatten/zip/chain.
    fn iterable_item(&mut self, t: &Ty) -> Option<Ty> {
        match self.shallow(t) {
            Ty::Iter(x) => Some(*x),
            Ty::Vec(x) | Ty::Array(x, _) => Some(*x),
            Ty::Option(x) => Some(*x),
            Ty::Range(x, _) => Some(*x),
            Ty::Ref(m, inner) => match self.shallow(&inner) {
                Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => Some(Ty::Ref(m, x)),
                Ty::Option(x) => Some(Ty::Ref(m, x)),
                _ => None,
            },
            _ => None,
        }
    }

    /// `IntoIterator::into_iter` of an expression, including `Option` (yields its payload once).
    pub(crate) fn into_iter_ext(&mut self, e: TExpr, sp: proc_macro2::Span) -> TExpr {
        let span = e.span.clone();
        match self.shallow(&e.ty) {
            Ty::Option(x) => mk(ExprKind::IterSource("option", vec![e]), Ty::Iter(x), span),
            Ty::Ref(m, inner) if matches!(self.shallow(&inner), Ty::Option(_)) => {
                let Ty::Option(x) = self.shallow(&inner) else { unreachable!() };
                mk(ExprKind::IterSource("option", vec![e]), Ty::Iter(Box::new(Ty::Ref(m, x))), span)
            }
            // A user `impl Iterator` (the chain source of `traits::user_iterator_source`).
            Ty::Adt(..) => match self.user_iterator_source(e, "map") {
                Ok(src) => src,
                Err(e) => self.into_iter(e, sp),
            },
            _ => self.into_iter(e, sp),
        }
    }

    /// `std::iter::{repeat, repeat_n, once, empty, successors, from_fn}`: iterator sources.
    pub(crate) fn iter_assoc_call(&mut self, key: &str, c: &syn::ExprCall, expected: Option<&Ty>) -> Option<TExpr> {
        let sp = c.span();
        let span = self.span(sp);
        let exp_item = |cx: &mut Self| match expected.map(|e| cx.shallow(e)) {
            Some(Ty::Iter(t)) => *t,
            _ => cx.fresh(),
        };
        let closure = |cx: &mut Self, i: usize, params: &[Ty], ret: Option<&Ty>| -> Option<Closure> {
            match c.args.iter().nth(i) {
                Some(syn::Expr::Closure(cl)) => cx.check_closure(cl, params, ret).map(|x| x.0),
                Some(other) => {
                    cx.err(codes::CLOSURE, other.span(), "expected a closure literal here", "", Some("write the closure inline: `|x| ...`"));
                    None
                }
                None => {
                    cx.err(codes::ARITY, sp, "missing closure argument", "", None);
                    None
                }
            }
        };
        Some(match key {
            "iter::repeat" | "iter::once" => {
                let t = exp_item(self);
                let a = self.check_args(&c.args, &[t.clone()], sp);
                let op = if key == "iter::repeat" { "repeat" } else { "once" };
                mk(ExprKind::IterSource(op, a), Ty::Iter(Box::new(t)), span)
            }
            "iter::repeat_n" => {
                let t = exp_item(self);
                let a = self.check_args(&c.args, &[t.clone(), Ty::usize()], sp);
                mk(ExprKind::IterSource("repeat_n", a), Ty::Iter(Box::new(t)), span)
            }
            "iter::empty" => {
                let t = exp_item(self);
                let _ = self.check_args(&c.args, &[], sp);
                mk(ExprKind::IterSource("empty", vec![]), Ty::Iter(Box::new(t)), span)
            }
            "iter::successors" => {
                let first = c.args.first()?;
                let t = exp_item(self);
                let ot = Ty::Option(Box::new(t.clone()));
                let init = self.check_expr_coerce(first, &ot);
                let cl = closure(self, 1, &[Ty::Ref(false, Box::new(t.clone()))], Some(&ot))?;
                mk(ExprKind::IterAdapt("successors", Box::new(init), vec![], Some(cl)), Ty::Iter(Box::new(t)), span)
            }
            "iter::from_fn" => {
                let t = exp_item(self);
                let ot = Ty::Option(Box::new(t.clone()));
                let cl = closure(self, 0, &[], Some(&ot))?;
                let unit = mk(ExprKind::Unit, Ty::Unit, span.clone());
                mk(ExprKind::IterAdapt("from_fn", Box::new(unit), vec![], Some(cl)), Ty::Iter(Box::new(t)), span)
            }
            _ => return None,
        })
    }

    /// A `match`/`if let`/`while let` scrutinee. `place.as_mut()` on an `Option` of a scalar is checked as
    /// `&mut place`: the patterns bind the same `&mut` payload, and a binding can then alias the payload
    /// field (an `Option<&mut i32>` value would need a cell that cannot alias it).
    pub(crate) fn check_scrutinee(&mut self, e: &syn::Expr) -> TExpr {
        if let syn::Expr::MethodCall(mc) = e {
            if mc.method == "as_mut" && mc.args.is_empty() && matches!(&*mc.receiver, syn::Expr::Path(_) | syn::Expr::Field(_)) {
                let recv = self.check_expr(&mc.receiver, None);
                let rt = self.shallow(&recv.ty);
                let inner = match &rt {
                    Ty::Ref(true, x) => self.shallow(x),
                    other => other.clone(),
                };
                if let Ty::Option(p) = &inner {
                    if self.is_scalar_ty(p) || self.is_numeric_var(&self.shallow(p)) {
                        let span = self.span(e.span());
                        if matches!(rt, Ty::Ref(true, _)) {
                            return recv;
                        }
                        return mk(ExprKind::AddrOf(true, Box::new(recv)), Ty::Ref(true, Box::new(inner)), span);
                    }
                }
            }
        }
        self.check_expr(e, None)
    }

    /// `collect()` whose target is not known yet (e.g. inside a closure whose result type comes from an
    /// outer `collect::<Vec<String>>()`): typed by a variable, decided by `finish_collect`.
    pub(crate) fn collect_deferred(&mut self, base: TExpr, item: Ty, target: Ty, m: &syn::ExprMethodCall) -> TExpr {
        let sp = m.span();
        let _ = self.check_args(&m.args, &[], sp);
        self.deferred_collect.push((target.clone(), item, m.method.span()));
        mk(ExprKind::Std("iter.collect_any", vec![base]), target, self.span(m.method.span()))
    }

    /// End of the function: a still-unknown collect target is a `Vec` (as before deferral); known targets
    /// must accept the item type.
    pub(crate) fn finish_collect(&mut self, target: &Ty, item: &Ty, sp: proc_macro2::Span) {
        let strip = |cx: &Self, t: &Ty| match cx.resolve(t) {
            Ty::Ref(_, x) => *x,
            o => o,
        };
        match self.shallow(target) {
            Ty::Var(_) => {
                let _ = self.infer.unify(target, &Ty::Vec(Box::new(item.clone())));
            }
            Ty::Vec(t) => self.expect_ty(sp, &t, item),
            Ty::String => {
                if !matches!(strip(self, item), Ty::Char | Ty::Str | Ty::String) {
                    let n = self.ty_name(item);
                    self.err(codes::TYPE_MISMATCH, sp, format!("a `String` cannot be built from items of type `{n}`"), "", None);
                }
            }
            Ty::Result(a, e) => {
                let el = match self.shallow(&a) {
                    Ty::Vec(x) => *x,
                    _ => {
                        self.err(codes::UNSUPPORTED_STD, sp, "collecting into this `Result` is not supported yet", "", Some("collect into a Result<Vec<_>, _>"));
                        return;
                    }
                };
                self.expect_ty(sp, &Ty::Result(Box::new(el), e), item);
            }
            Ty::Option(a) => {
                let el = match self.shallow(&a) {
                    Ty::Vec(x) => *x,
                    _ => {
                        self.err(codes::UNSUPPORTED_STD, sp, "collecting into this `Option` is not supported yet", "", Some("collect into an Option<Vec<_>>"));
                        return;
                    }
                };
                self.expect_ty(sp, &Ty::Option(Box::new(el)), item);
            }
            other => {
                let n = self.ty_name(&other);
                self.err(codes::UNSUPPORTED_STD, sp, format!("collecting into `{n}` is not supported yet"), "", Some("collect into a Vec or a String"));
            }
        }
    }

    /// `collect::<Result<Vec<T>, E>>()` / `collect::<Option<Vec<T>>>()`: stops at the first `Err`/`None`.
    pub(crate) fn collect_shunt(&mut self, base: TExpr, item: Ty, target: Ty, m: &syn::ExprMethodCall) -> TExpr {
        let sp = m.span();
        let span = self.span(m.method.span());
        let _ = self.check_args(&m.args, &[], sp);
        let (inner, want_item) = match self.shallow(&target) {
            Ty::Result(a, e) => (*a, Ty::Result(Box::new(self.fresh()), e)),
            Ty::Option(a) => (*a, Ty::Option(Box::new(self.fresh()))),
            _ => unreachable!(),
        };
        let elem = match self.shallow(&inner) {
            Ty::Vec(t) => *t,
            Ty::Var(_) => {
                let t = self.fresh();
                let _ = self.infer.unify(&inner, &Ty::Vec(Box::new(t.clone())));
                t
            }
            other => {
                let n = self.ty_name(&other);
                self.err(codes::UNSUPPORTED_STD, m.method.span(), format!("collecting into `Result`/`Option` of `{n}` is not supported yet"), "", Some("collect into a Result<Vec<_>, _> or an Option<Vec<_>>"));
                return self.error_expr(sp);
            }
        };
        let want_item = match want_item {
            Ty::Result(_, e) => Ty::Result(Box::new(elem), e),
            _ => Ty::Option(Box::new(elem)),
        };
        self.expect_ty(m.method.span(), &want_item, &item);
        mk(ExprKind::Std("iter.collect_shunt", vec![base]), target, span)
    }

    /// Iterator methods the core table does not know (called when it returns None).
    pub(crate) fn iter_method_ext(&mut self, base: TExpr, item: Ty, name: &str, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> Option<TExpr> {
        let sp = m.span();
        let span = self.span(m.method.span());
        let iter_of = |t: Ty| Ty::Iter(Box::new(t));
        let adapt = |op: &'static str, base: TExpr, args: Vec<TExpr>, cl: Option<Closure>, item: Ty| mk(ExprKind::IterAdapt(op, Box::new(base), args, cl), iter_of(item), span.clone());
        let item_ref = Ty::Ref(false, Box::new(item.clone()));
        match name {
            "peekable" | "by_ref" | "fuse" | "into_iter" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(base)
            }
            "chain" | "zip" => {
                let a = m.args.first()?;
                let other = self.check_expr(a, None);
                let other = self.into_iter_ext(other, a.span());
                let oitem = match self.shallow(&other.ty) {
                    Ty::Iter(t) => *t,
                    _ => self.fresh(),
                };
                if name == "chain" {
                    self.expect_ty(a.span(), &item, &oitem);
                    Some(adapt("chain", base, vec![other], None, item))
                } else {
                    Some(adapt("zip", base, vec![other], None, Ty::Tuple(vec![item, oitem])))
                }
            }
            "flat_map" => {
                let (mut cl, rt) = self.closure_at(m, 0, &[item], None)?;
                let inner_item = match self.iterable_item(&rt) {
                    Some(t) => t,
                    None => {
                        let n = self.ty_name(&rt);
                        self.err(codes::UNSUPPORTED_EXPR, m.args[0].span(), format!("`{n}` is not an iterator"), "", None);
                        return Some(self.error_expr(sp));
                    }
                };
                let body = std::mem::replace(&mut *cl.body, mk(ExprKind::Unit, Ty::Unit, span.clone()));
                *cl.body = self.into_iter_ext(body, m.args[0].span());
                Some(adapt("flat_map", base, vec![], Some(cl), inner_item))
            }
            "flatten" => {
                let _ = self.check_args(&m.args, &[], sp);
                let inner_item = match self.iterable_item(&item) {
                    Some(t) => t,
                    None => {
                        let n = self.ty_name(&item);
                        self.err(codes::UNSUPPORTED_EXPR, m.method.span(), format!("`{n}` is not an iterator"), "", Some("flatten needs items that are Vec, arrays, slices, Option or iterators"));
                        return Some(self.error_expr(sp));
                    }
                };
                // `flatten()` is `flat_map(|x| x)`.
                let c: syn::ExprClosure = syn::parse_quote_spanned!(m.method.span()=> |__flat| __flat);
                let (mut cl, _) = self.check_closure(&c, &[item], None)?;
                let body = std::mem::replace(&mut *cl.body, mk(ExprKind::Unit, Ty::Unit, span.clone()));
                *cl.body = self.into_iter_ext(body, m.method.span());
                Some(adapt("flat_map", base, vec![], Some(cl), inner_item))
            }
            "scan" => {
                let init_e = m.args.first()?;
                let init = self.check_expr(init_e, None);
                let st = init.ty.clone();
                let out = self.fresh();
                let (cl, _) = self.closure_at(m, 1, &[Ty::Ref(true, Box::new(st)), item], Some(&Ty::Option(Box::new(out.clone()))))?;
                Some(adapt("scan", base, vec![init], Some(cl), out))
            }
            "cycle" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(adapt("cycle", base, vec![], None, item))
            }
            "inspect" => {
                let (cl, _) = self.closure_at(m, 0, &[item_ref], Some(&Ty::Unit))?;
                Some(adapt("inspect", base, vec![], Some(cl), item))
            }
            "map_while" => {
                let out = self.fresh();
                let (cl, _) = self.closure_at(m, 0, &[item], Some(&Ty::Option(Box::new(out.clone()))))?;
                Some(adapt("map_while", base, vec![], Some(cl), out))
            }
            "peek" => {
                let _ = self.check_args(&m.args, &[], sp);
                Some(mk(ExprKind::Std("iter.peek", vec![base]), Ty::Option(Box::new(item_ref)), span))
            }
            "next_if" => {
                let (cl, _) = self.closure_at(m, 0, &[item_ref], Some(&Ty::Bool))?;
                Some(mk(ExprKind::StdClosure("iter.next_if", vec![base], vec![cl]), Ty::Option(Box::new(item)), span))
            }
            "next_if_eq" => {
                let a = self.check_args(&m.args, &[item_ref], sp);
                let mut args = vec![base];
                args.extend(a);
                Some(mk(ExprKind::Std("iter.next_if_eq", args), Ty::Option(Box::new(item)), span))
            }
            "min_by" | "max_by" => {
                let ord = self.ordering_ty();
                let (cl, _) = self.closure_at(m, 0, &[item_ref.clone(), item_ref], Some(&ord))?;
                let op = if name == "max_by" { "iter.max_by" } else { "iter.min_by" };
                Some(mk(ExprKind::StdClosure(op, vec![base], vec![cl]), Ty::Option(Box::new(item)), span))
            }
            "reduce" => {
                let (cl, _) = self.closure_at(m, 0, &[item.clone(), item.clone()], Some(&item))?;
                Some(mk(ExprKind::StdClosure("iter.reduce", vec![base], vec![cl]), Ty::Option(Box::new(item)), span))
            }
            "find_map" => {
                let out = self.fresh();
                let (cl, _) = self.closure_at(m, 0, &[item], Some(&Ty::Option(Box::new(out.clone()))))?;
                Some(mk(ExprKind::StdClosure("iter.find_map", vec![base], vec![cl]), Ty::Option(Box::new(out)), span))
            }
            "rposition" => {
                let (cl, _) = self.closure_at(m, 0, &[item], Some(&Ty::Bool))?;
                Some(mk(ExprKind::StdClosure("iter.rposition", vec![base], vec![cl]), Ty::Option(Box::new(Ty::usize())), span))
            }
            "partition" => {
                let (cl, _) = self.closure_at(m, 0, &[item_ref], Some(&Ty::Bool))?;
                // `Vec<T>: Extend<&T>` for Copy T: references may be collected as values.
                let want = match expected.map(|e| self.shallow(e)) {
                    Some(Ty::Tuple(ts)) if ts.len() == 2 => match self.shallow(&ts[0]) {
                        Ty::Vec(a) => Some(*a),
                        _ => None,
                    },
                    _ => None,
                };
                let elem = match (want, self.shallow(&item)) {
                    (Some(a), Ty::Ref(_, x)) if !matches!(self.shallow(&a), Ty::Ref(..) | Ty::Var(_)) => {
                        self.expect_ty(m.method.span(), &a, &x);
                        a
                    }
                    _ => item,
                };
                let vt = Ty::Vec(Box::new(elem));
                let t = Ty::Tuple(vec![vt.clone(), vt]);
                if let Some(e) = expected {
                    self.expect_ty(m.method.span(), e, &t);
                }
                Some(mk(ExprKind::StdClosure("iter.partition", vec![base], vec![cl]), t, span))
            }
            "unzip" => {
                let _ = self.check_args(&m.args, &[], sp);
                let (a, b) = (self.fresh(), self.fresh());
                self.expect_ty(m.method.span(), &Ty::Tuple(vec![a.clone(), b.clone()]), &item);
                let t = Ty::Tuple(vec![Ty::Vec(Box::new(a)), Ty::Vec(Box::new(b))]);
                if let Some(e) = expected {
                    self.expect_ty(m.method.span(), e, &t);
                }
                Some(mk(ExprKind::Std("iter.unzip", vec![base]), t, span))
            }
            "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "cmp" => {
                let a = m.args.first()?;
                let other = self.check_expr(a, None);
                let other = self.into_iter_ext(other, a.span());
                let oitem = match self.shallow(&other.ty) {
                    Ty::Iter(t) => *t,
                    _ => self.fresh(),
                };
                // Items compare through references (`&T == T` compares the values).
                let strip = |cx: &mut Self, t: &Ty| match cx.shallow(t) {
                    Ty::Ref(_, x) => *x,
                    o => o,
                };
                let (x, y) = (strip(self, &item), strip(self, &oitem));
                self.expect_ty(a.span(), &x, &y);
                let (op, rt): (&'static str, Ty) = match name {
                    "eq" => ("iter.eq", Ty::Bool),
                    "ne" => ("iter.ne", Ty::Bool),
                    "lt" => ("iter.lt", Ty::Bool),
                    "le" => ("iter.le", Ty::Bool),
                    "gt" => ("iter.gt", Ty::Bool),
                    "ge" => ("iter.ge", Ty::Bool),
                    _ => ("iter.cmp", self.ordering_ty()),
                };
                Some(mk(ExprKind::Std(op, vec![base, other]), rt, span))
            }
            _ => None,
        }
    }

    /// Methods tried before the core std table: `Ordering`, `cmp`, slices with comparators, the rest of
    /// Option/Result. `Err(base)` gives the receiver back when the name is not handled here.
    pub(crate) fn std_method_ext(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> Result<TExpr, TExpr> {
        let sp = m.span();
        let span = self.span(m.method.span());
        let bt = self.shallow(&base.ty);
        let us = Ty::usize();
        let ord = self.ordering_ty();
        let _ = expected;
        macro_rules! closure_op {
            ($op:expr, $args:expr, $cls:expr, $ret:expr) => {{
                let mut args = vec![base];
                args.extend($args);
                return Ok(mk(ExprKind::StdClosure($op, args, $cls), $ret, span));
            }};
        }
        macro_rules! or_base {
            ($e:expr) => {
                match $e {
                    Some(x) => x,
                    None => return Ok(self.error_expr(sp)),
                }
            };
        }
        // Iterator methods of a user `impl Iterator` beyond those `traits::user_iterator_source` routes.
        if matches!(bt, Ty::Adt(..)) && matches!(name, "by_ref" | "fuse" | "cycle" | "ne" | "lt" | "le" | "gt" | "ge" | "rposition") {
            let base = match self.user_iterator_source(base, "map") {
                Ok(src) => {
                    let Ty::Iter(item) = src.ty.clone() else { unreachable!() };
                    return Ok(self.iter_method(src, *item, name, m, expected, None).unwrap_or_else(|| self.error_expr(sp)));
                }
                Err(b) => b,
            };
            return Err(base);
        }
        if name == "total_cmp" && matches!(bt, Ty::F32 | Ty::F64) {
            return self.num_extra(base, name, m).ok_or_else(|| self.error_expr(sp));
        }
        // `a.cmp(&b)` / `a.partial_cmp(&b)` on std types (user types with their own method never get here).
        if matches!(name, "cmp" | "partial_cmp" | "total_cmp") && m.args.len() == 1 && !matches!(bt, Ty::Iter(_) | Ty::Range(..)) && !(matches!(bt, Ty::Adt(..)) && !self.is_ordering(&bt)) {
            let a = self.check_args(&m.args, &[Ty::Ref(false, Box::new(bt.clone()))], sp);
            let mut args = vec![base];
            args.extend(a);
            let (op, rt) = match name {
                "partial_cmp" => ("cmp.partial_cmp", Ty::Option(Box::new(ord))),
                _ => ("cmp.cmp", ord),
            };
            return Ok(mk(ExprKind::Std(op, args), rt, span));
        }
        // ASCII classification of bytes is the char one (same code points below 0x80).
        if matches!(bt, Ty::Int(crate::types::IntTy::U8)) && (name.starts_with("is_ascii") || matches!(name, "to_ascii_uppercase" | "to_ascii_lowercase")) && m.args.is_empty() {
            let ops: &[&'static str] = &["is_ascii", "is_ascii_digit", "is_ascii_alphabetic", "is_ascii_alphanumeric", "is_ascii_uppercase", "is_ascii_lowercase", "is_ascii_punctuation", "is_ascii_whitespace", "is_ascii_hexdigit", "is_ascii_graphic", "to_ascii_uppercase", "to_ascii_lowercase"];
            if let Some(op) = ops.iter().find(|o| **o == name) {
                let op: &'static str = Box::leak(format!("char.{op}").into_boxed_str());
                let bspan = base.span.clone();
                let c = mk(ExprKind::Cast(Box::new(base)), Ty::Char, bspan);
                if name.starts_with("is_") {
                    return Ok(mk(ExprKind::Std(op, vec![c]), Ty::Bool, span));
                }
                let r = mk(ExprKind::Std(op, vec![c]), Ty::Char, span.clone());
                return Ok(mk(ExprKind::Cast(Box::new(r)), bt.clone(), span));
            }
        }
        if self.is_ordering(&bt) && name == "then_with" {
            let (cl, _) = or_base!(self.closure_at(m, 0, &[], Some(&ord)));
            closure_op!("ord.then_with", vec![], vec![cl], ord);
        }
        let seq_elem = match &bt {
            Ty::Vec(t) | Ty::Array(t, _) | Ty::Slice(t) => Some((**t).clone()),
            _ => None,
        };
        if let Some(t) = seq_elem {
            let rt = Ty::Ref(false, Box::new(t.clone()));
            let is_vec = matches!(bt, Ty::Vec(_));
            match name {
                "sort_by" | "sort_unstable_by" => {
                    let (cl, _) = or_base!(self.closure_at(m, 0, &[rt.clone(), rt], Some(&ord)));
                    closure_op!("seq.sort_by", vec![], vec![cl], Ty::Unit);
                }
                "sort_by_key" | "sort_unstable_by_key" | "sort_by_cached_key" => {
                    let k = self.fresh();
                    let (cl, _) = or_base!(self.closure_at(m, 0, &[rt], Some(&k)));
                    closure_op!("seq.sort_by_key2", vec![], vec![cl], Ty::Unit);
                }
                "binary_search_by" => {
                    let (cl, _) = or_base!(self.closure_at(m, 0, &[rt], Some(&ord)));
                    closure_op!("seq.binary_search_by", vec![], vec![cl], Ty::Result(Box::new(us.clone()), Box::new(us)));
                }
                "partition_point" => {
                    let (cl, _) = or_base!(self.closure_at(m, 0, &[rt], Some(&Ty::Bool)));
                    closure_op!("seq.partition_point", vec![], vec![cl], us);
                }
                "binary_search_by_key" => {
                    let k = self.fresh();
                    let a = m.args.first().cloned();
                    let key = match a {
                        Some(a) => self.check_expr_coerce(&a, &Ty::Ref(false, Box::new(k.clone()))),
                        None => return Ok(self.error_expr(sp)),
                    };
                    let (cl, _) = or_base!(self.closure_at(m, 1, &[rt], Some(&k)));
                    closure_op!("seq.binary_search_by_key", vec![key], vec![cl], Ty::Result(Box::new(us.clone()), Box::new(us)));
                }
                "dedup_by_key" if is_vec => {
                    let k = self.fresh();
                    let (cl, _) = or_base!(self.closure_at(m, 0, &[Ty::Ref(true, Box::new(t.clone()))], Some(&k)));
                    closure_op!("vec.dedup_by_key", vec![], vec![cl], Ty::Unit);
                }
                "dedup_by" if is_vec => {
                    let r = Ty::Ref(true, Box::new(t.clone()));
                    let (cl, _) = or_base!(self.closure_at(m, 0, &[r.clone(), r], Some(&Ty::Bool)));
                    closure_op!("vec.dedup_by", vec![], vec![cl], Ty::Unit);
                }
                "concat" if matches!(self.resolve(&t), Ty::Vec(_) | Ty::Array(..)) || matches!(self.resolve(&t), Ty::Ref(_, ref x) if matches!(**x, Ty::Slice(_))) => {
                    let _ = self.check_args(&m.args, &[], sp);
                    let inner = match self.resolve(&t) {
                        Ty::Vec(x) | Ty::Array(x, _) => *x,
                        Ty::Ref(_, x) => match *x {
                            Ty::Slice(y) => *y,
                            o => o,
                        },
                        o => o,
                    };
                    return Ok(mk(ExprKind::Std("seq.concat_vec", vec![base]), Ty::Vec(Box::new(inner)), span));
                }
                "map" if matches!(bt, Ty::Array(..)) => {
                    let Ty::Array(_, n) = bt.clone() else { unreachable!() };
                    let (cl, r) = or_base!(self.closure_at(m, 0, &[t], None));
                    closure_op!("array.map", vec![], vec![cl], Ty::Array(Box::new(r), n));
                }
                "rsplit" | "split_first" | "split_last" => {}
                _ => {}
            }
            return Err(base);
        }
        match &bt {
            Ty::Range(_, _) if name == "is_empty" => {
                let _ = self.check_args(&m.args, &[], sp);
                return Ok(mk(ExprKind::Std("range.is_empty", vec![base]), Ty::Bool, span));
            }
            Ty::Option(t) => {
                let t = (**t).clone();
                let ot = bt.clone();
                match name {
                    "as_mut" if self.is_scalar_ty(&t) || self.is_numeric_var(&self.shallow(&t)) => {
                        self.err(
                            codes::UNSUPPORTED_BORROW,
                            m.method.span(),
                            "`Option::as_mut` on a scalar payload is only supported as the scrutinee of `match`/`if let`/`while let`",
                            "",
                            Some("match on `&mut option` instead, e.g. `if let Some(v) = &mut option { *v += 1 }`"),
                        );
                        return Ok(self.error_expr(sp));
                    }
                    "map_or" => {
                        let d = or_base!(m.args.first().cloned());
                        let de = self.check_expr(&d, None);
                        let dt = de.ty.clone();
                        let (cl, _) = or_base!(self.closure_at(m, 1, &[t], Some(&dt)));
                        closure_op!("opt.map_or", vec![de], vec![cl], dt);
                    }
                    "map_or_else" => {
                        let (dcl, dt) = or_base!(self.closure_at(m, 0, &[], None));
                        let (cl, _) = or_base!(self.closure_at(m, 1, &[t], Some(&dt)));
                        closure_op!("opt.map_or_else", vec![], vec![dcl, cl], dt);
                    }
                    "get_or_insert_with" => {
                        let (cl, _) = or_base!(self.closure_at(m, 0, &[], Some(&t)));
                        closure_op!("opt.get_or_insert_with", vec![], vec![cl], Ty::Ref(true, Box::new(t)));
                    }
                    "is_none_or" => {
                        let (cl, _) = or_base!(self.closure_at(m, 0, &[t], Some(&Ty::Bool)));
                        closure_op!("opt.is_none_or", vec![], vec![cl], Ty::Bool);
                    }
                    "inspect" => {
                        let (cl, _) = or_base!(self.closure_at(m, 0, &[Ty::Ref(false, Box::new(t))], Some(&Ty::Unit)));
                        closure_op!("opt.inspect", vec![], vec![cl], ot);
                    }
                    "flatten" if matches!(self.shallow(&t), Ty::Option(_)) => {
                        let _ = self.check_args(&m.args, &[], sp);
                        return Ok(mk(ExprKind::Std("opt.flatten", vec![base]), t, span));
                    }
                    "transpose" if matches!(self.shallow(&t), Ty::Result(..)) => {
                        let _ = self.check_args(&m.args, &[], sp);
                        let Ty::Result(a, e) = self.shallow(&t) else { unreachable!() };
                        return Ok(mk(ExprKind::Std("opt.transpose", vec![base]), Ty::Result(Box::new(Ty::Option(a)), e), span));
                    }
                    "iter" | "into_iter" => {
                        let _ = self.check_args(&m.args, &[], sp);
                        let it = if name == "iter" { Ty::Ref(false, Box::new(t)) } else { t };
                        return Ok(mk(ExprKind::IterSource("option", vec![base]), Ty::Iter(Box::new(it)), span));
                    }
                    _ => {}
                }
            }
            Ty::Result(t, e) => {
                let (t, e) = ((**t).clone(), (**e).clone());
                match name {
                    "map_or" => {
                        let d = or_base!(m.args.first().cloned());
                        let de = self.check_expr(&d, None);
                        let dt = de.ty.clone();
                        let (cl, _) = or_base!(self.closure_at(m, 1, &[t], Some(&dt)));
                        closure_op!("res.map_or", vec![de], vec![cl], dt);
                    }
                    "map_or_else" => {
                        let (dcl, dt) = or_base!(self.closure_at(m, 0, &[e], None));
                        let (cl, _) = or_base!(self.closure_at(m, 1, &[t], Some(&dt)));
                        closure_op!("res.map_or_else", vec![], vec![dcl, cl], dt);
                    }
                    "iter" | "into_iter" => {
                        let _ = self.check_args(&m.args, &[], sp);
                        let o = mk(ExprKind::Std("res.ok", vec![base]), Ty::Option(Box::new(t.clone())), span.clone());
                        let it = if name == "iter" { Ty::Ref(false, Box::new(t)) } else { t };
                        return Ok(mk(ExprKind::IterSource("option", vec![o]), Ty::Iter(Box::new(it)), span));
                    }
                    "transpose" if matches!(self.shallow(&t), Ty::Option(_)) => {
                        let _ = self.check_args(&m.args, &[], sp);
                        let Ty::Option(a) = self.shallow(&t) else { unreachable!() };
                        return Ok(mk(ExprKind::Std("res.transpose", vec![base]), Ty::Option(Box::new(Ty::Result(a, Box::new(e)))), span));
                    }
                    "copied" | "cloned" => {
                        let _ = self.check_args(&m.args, &[], sp);
                        let inner = match self.shallow(&t) {
                            Ty::Ref(_, x) => *x,
                            o => o,
                        };
                        return Ok(mk(ExprKind::Std("opt.cloned", vec![base]), Ty::Result(Box::new(inner), Box::new(e)), span));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        Err(base)
    }
}
