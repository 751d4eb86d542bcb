//! Type checking of the std collections (`HashMap`, `HashSet`, `BTreeMap`, `BTreeSet`, `VecDeque`,
//! `BinaryHeap`, `cmp::Reverse`): associated functions, methods, the entry API, `collect`/`for` sources.
//! Ops are `ExprKind::Std("coll.*")` / `StdClosure("coll.*")`, lowered by `lower::collections`.
//!
//! Iteration of a collection materializes its items into a fresh `Vec` (`coll.items`) consumed by the
//! ordinary sequence iterator, so every adapter of the iterator machinery applies unchanged.

use super::super::expr::mk;
use super::super::FnCx;
use crate::collections::CollKind;
use crate::diagnostics::codes;
use crate::tir::{ExprKind, TExpr};
use crate::types::Ty;
use syn::spanned::Spanned;

/// What `coll.items` yields per element (the op name carries it to the lowering).
fn items_op(what: &str) -> &'static str {
    match what {
        "keys" => "coll.items_keys",
        "vals" => "coll.items_vals",
        "vals_mut" => "coll.items_vals_mut",
        "pairs" => "coll.items_pairs",
        "pairs_mut" => "coll.items_pairs_mut",
        _ => "coll.items_elems",
    }
}

impl FnCx<'_> {
    fn coll_args_of(&mut self, kind: CollKind, expected: Option<&Ty>) -> Vec<Ty> {
        match expected.map(|e| self.shallow(e)) {
            Some(Ty::Coll(k, ts)) if k == kind => ts,
            _ => (0..kind.arity()).map(|_| self.fresh()).collect(),
        }
    }

    /// The element type a collection is built from (`(K, V)` for maps, `T` otherwise).
    fn coll_elem(kind: CollKind, ts: &[Ty]) -> Ty {
        match kind {
            CollKind::HashMap | CollKind::BTreeMap => Ty::Tuple(vec![ts[0].clone(), ts[1].clone()]),
            _ => ts[0].clone(),
        }
    }

    /// Builds a collection of type `target` from an iterator expression (`collect`, `from`, `extend`).
    pub(crate) fn coll_from_iter(&mut self, it: TExpr, kind: CollKind, ts: Vec<Ty>, sp: proc_macro2::Span) -> TExpr {
        let span = self.span(sp);
        let item = match self.shallow(&it.ty) {
            Ty::Iter(x) => *x,
            _ => self.fresh(),
        };
        let elem = Self::coll_elem(kind, &ts);
        self.expect_ty(sp, &elem, &item);
        let v = mk(ExprKind::Std("iter.collect_vec", vec![it]), Ty::Vec(Box::new(elem)), span.clone());
        mk(ExprKind::Std("coll.from_vec", vec![v]), Ty::Coll(kind, ts), span)
    }

    /// `HashMap::new()`, `VecDeque::from(v)`, `Reverse(x)`, ... `key` is the normalized path.
    pub(crate) fn coll_assoc_call(&mut self, key: &str, c: &syn::ExprCall, expected: Option<&Ty>) -> Option<TExpr> {
        let segs: Vec<&str> = key.split("::").collect();
        let sp = c.span();
        let span = self.span(sp);
        if key == "drop" || key == "mem::drop" {
            // `drop(x)`: x is moved in and dropped (its Rc counts released, its RefCell guard released).
            let t = self.fresh();
            let a = self.check_args(&c.args, &[t], sp);
            return Some(mk(ExprKind::Std("mem.drop", a), Ty::Unit, span));
        }
        if segs.last() == Some(&"Reverse") && (segs.len() == 1 || segs[segs.len() - 2] == "cmp") {
            let inner = match expected.map(|e| self.shallow(e)) {
                Some(Ty::Coll(CollKind::Reverse, ts)) => ts[0].clone(),
                _ => self.fresh(),
            };
            let a = self.check_args(&c.args, &[inner.clone()], sp);
            return Some(mk(ExprKind::Std("coll.reverse_new", a), Ty::Coll(CollKind::Reverse, vec![inner]), span));
        }
        if segs.len() < 2 {
            return None;
        }
        let kind = CollKind::from_name(segs[segs.len() - 2])?;
        if kind == CollKind::Reverse {
            return None;
        }
        if kind.is_cell() {
            return self.cell_assoc_call(kind, segs[segs.len() - 1], c, expected);
        }
        let func = segs[segs.len() - 1];
        let ts = self.coll_args_of(kind, expected);
        let this = Ty::Coll(kind, ts.clone());
        Some(match func {
            "new" | "default" => {
                let _ = self.check_args(&c.args, &[], sp);
                mk(ExprKind::Std("coll.new", vec![]), this, span)
            }
            "with_capacity" => {
                let _ = self.check_args(&c.args, &[Ty::usize()], sp);
                mk(ExprKind::Std("coll.new", vec![]), this, span)
            }
            "from" | "from_iter" => {
                let Some(a) = c.args.first() else {
                    self.err(codes::ARITY, sp, "this function takes 1 argument but 0 were supplied", "", None);
                    return Some(self.error_expr(sp));
                };
                let e = self.check_expr(a, None);
                let it = self.into_iter(e, a.span());
                self.coll_from_iter(it, kind, ts, sp)
            }
            _ => {
                self.err(codes::UNSUPPORTED_STD, c.func.span(), format!("`{}::{func}` is not supported yet", kind.name()), "not in the supported std surface", None);
                self.error_expr(sp)
            }
        })
    }

    /// A lookup argument (`&Q` where `K: Borrow<Q>`) as a value of the key type `k`: references are
    /// stripped (`&&str` → `&str` for `&str` keys), and a `&str` looking up `String` keys becomes a String.
    fn coll_query(&mut self, a: &syn::Expr, k: &Ty) -> TExpr {
        let e = self.check_expr(a, None);
        let kt = self.resolve(k);
        let want_str_ref = matches!(&kt, Ty::Ref(_, x) if **x == Ty::Str);
        let mut e = e;
        loop {
            let t = self.shallow(&e.ty);
            match t {
                Ty::Ref(_, inner) => {
                    let inner_s = self.shallow(&inner);
                    if want_str_ref && inner_s == Ty::Str {
                        break;
                    }
                    let s = e.span.clone();
                    e = mk(ExprKind::Deref(Box::new(e)), inner_s, s);
                }
                _ => break,
            }
        }
        let t = self.shallow(&e.ty);
        if kt == Ty::String && t == Ty::Str {
            let s = e.span.clone();
            let r = mk(ExprKind::AddrOf(false, Box::new(e)), Ty::str_ref(), s.clone());
            return mk(ExprKind::Std("str.to_string", vec![r]), Ty::String, s);
        }
        self.expect_ty(a.span(), k, &e.ty);
        e
    }

    fn coll_iter_source(&mut self, base: TExpr, what: &str, item: Ty, span: crate::diagnostics::Span) -> TExpr {
        self.materialized_iter(items_op(what), vec![base], item, span)
    }

    /// An iterator over items materialized by `op` into a Vec. Shared items (`&T`) iterate a `Vec<T>` by
    /// reference, so the Vec has `T`'s representation (narrow integers are packed in arrays).
    fn materialized_iter(&mut self, op: &'static str, args: Vec<TExpr>, item: Ty, span: crate::diagnostics::Span) -> TExpr {
        if let Ty::Ref(false, x) = &item {
            let vt = Ty::Vec(x.clone());
            let v = mk(ExprKind::Std(op, args), vt.clone(), span.clone());
            let r = mk(ExprKind::AddrOf(false, Box::new(v)), Ty::Ref(false, Box::new(vt)), span.clone());
            return mk(ExprKind::IterSource("seq_ref", vec![r]), Ty::Iter(Box::new(item)), span);
        }
        let v = mk(ExprKind::Std(op, args), Ty::Vec(Box::new(item.clone())), span.clone());
        mk(ExprKind::IterSource("seq_owned", vec![v]), Ty::Iter(Box::new(item)), span)
    }

    /// `for x in coll` / `&coll` / `&mut coll` (called by `into_iter`); None when `t` is no collection.
    pub(crate) fn coll_into_iter(&mut self, e: TExpr) -> Option<TExpr> {
        let span = e.span.clone();
        let (m, by_ref, inner) = match self.shallow(&e.ty) {
            Ty::Ref(m, inner) => (m, true, self.shallow(&inner)),
            t => (false, false, t),
        };
        let Ty::Coll(kind, ts) = inner else { return None };
        let rf = |t: &Ty, mutable: bool| if by_ref { Ty::Ref(mutable, Box::new(t.clone())) } else { t.clone() };
        let base = if by_ref {
            let s = e.span.clone();
            mk(ExprKind::Deref(Box::new(e)), Ty::Coll(kind, ts.clone()), s)
        } else {
            e
        };
        Some(match kind {
            CollKind::HashMap | CollKind::BTreeMap => {
                let item = Ty::Tuple(vec![rf(&ts[0], false), rf(&ts[1], m)]);
                self.coll_iter_source(base, if m { "pairs_mut" } else { "pairs" }, item, span)
            }
            CollKind::HashSet | CollKind::BTreeSet => self.coll_iter_source(base, "keys", rf(&ts[0], false), span),
            CollKind::VecDeque | CollKind::BinaryHeap => {
                if m {
                    self.err(codes::UNSUPPORTED_EXPR, proc_macro2::Span::call_site(), "iterating a `VecDeque`/`BinaryHeap` mutably is not supported yet", "", None);
                }
                self.coll_iter_source(base, "elems", rf(&ts[0], false), span)
            }
            _ => return None,
        })
    }

    /// `coll[key]` / `deque[i]`.
    pub(crate) fn coll_index(&mut self, base: TExpr, i: &syn::ExprIndex) -> Option<TExpr> {
        let Ty::Coll(kind, ts) = self.shallow(&base.ty) else { return None };
        let span = self.span(i.bracket_token.span.open());
        match kind {
            CollKind::HashMap | CollKind::BTreeMap => {
                let q = self.coll_query(&i.index, &ts[0]);
                Some(mk(ExprKind::Std("coll.index", vec![base, q]), ts[1].clone(), span))
            }
            CollKind::VecDeque => {
                let idx = self.check_expr_coerce(&i.index, &Ty::usize());
                Some(mk(ExprKind::Std("deque.index", vec![base, idx]), ts[0].clone(), span))
            }
            _ => None,
        }
    }

    /// Methods of the collections (`base` already stripped of references). `Err(base)` when `base` is
    /// not a collection.
    pub(crate) fn coll_method(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> Result<TExpr, TExpr> {
        let bt = self.shallow(&base.ty);
        let Ty::Coll(kind, ts) = bt.clone() else { return Err(base) };
        if kind.is_cell() {
            return self.cell_method(base, name, m, expected);
        }
        let sp = m.span();
        let span = self.span(m.method.span());
        let us = Ty::usize();
        let opt = |t: Ty| Ty::Option(Box::new(t));
        let r = |t: &Ty| Ty::Ref(false, Box::new(t.clone()));
        let rm = |t: &Ty| Ty::Ref(true, Box::new(t.clone()));
        macro_rules! op {
            ($op:expr, [$($a:expr),*], $ret:expr) => {{
                let tys: Vec<Ty> = vec![$($a),*];
                let mut args = vec![base];
                args.extend(self.check_args(&m.args, &tys, sp));
                return Ok(mk(ExprKind::Std($op, args), $ret, span));
            }};
        }
        macro_rules! query_op {
            ($op:expr, $ret:expr) => {{
                let Some(a) = m.args.first() else {
                    self.err(codes::ARITY, sp, "this method takes 1 argument but 0 were supplied", "", None);
                    return Ok(self.error_expr(sp));
                };
                let q = self.coll_query(a, &ts[0]);
                return Ok(mk(ExprKind::Std($op, vec![base, q]), $ret, span));
            }};
        }
        macro_rules! closure_op {
            ($op:expr, $params:expr, $cret:expr, $ret:expr) => {{
                let params: Vec<Ty> = $params;
                let cret: Option<Ty> = $cret;
                let Some((cl, _)) = self.closure_arg(m, 0, &params, cret.as_ref()) else { return Ok(self.error_expr(sp)) };
                return Ok(mk(ExprKind::StdClosure($op, vec![base], vec![cl]), $ret, span));
            }};
        }
        // Shared by all collections.
        match name {
            "len" if kind != CollKind::Reverse && kind != CollKind::Entry => op!("coll.len", [], us),
            "is_empty" if kind != CollKind::Reverse && kind != CollKind::Entry => op!("coll.is_empty", [], Ty::Bool),
            "clear" if kind != CollKind::Reverse && kind != CollKind::Entry => op!("coll.clear", [], Ty::Unit),
            "clone" if kind != CollKind::Entry => op!("coll.clone", [], bt),
            "extend" if kind != CollKind::Reverse && kind != CollKind::Entry => {
                let Some(a) = m.args.first() else { return Ok(self.error_expr(sp)) };
                let e = self.check_expr(a, None);
                let it = self.into_iter(e, a.span());
                // Extending from references copies the items (`extend(&v)`, `extend(v.iter())`).
                let item = match self.shallow(&it.ty) {
                    Ty::Iter(x) => self.shallow(&x),
                    _ => Ty::Never,
                };
                let it = match item {
                    Ty::Ref(_, x) => {
                        let s = it.span.clone();
                        mk(ExprKind::IterAdapt("cloned", Box::new(it), vec![], None), Ty::Iter(x), s)
                    }
                    _ => it,
                };
                let src = self.coll_from_iter(it, kind, ts.clone(), a.span());
                return Ok(mk(ExprKind::Std("coll.extend", vec![base, src]), Ty::Unit, span));
            }
            _ => {}
        }
        match kind {
            CollKind::HashMap | CollKind::BTreeMap | CollKind::HashSet | CollKind::BTreeSet => {
                let (k, v) = (ts[0].clone(), ts.get(1).cloned().unwrap_or(Ty::Unit));
                let set = kind.is_set();
                let pair = |a: Ty, b: Ty| Ty::Tuple(vec![a, b]);
                match name {
                    "insert" if set => op!("coll.insert", [k], Ty::Bool),
                    "insert" => op!("coll.insert", [k, v.clone()], opt(v)),
                    "get" if set => query_op!("coll.get_key", opt(r(&k))),
                    "get" => query_op!("coll.get", opt(r(&v))),
                    "get_mut" if !set => query_op!("coll.get_mut", opt(rm(&v))),
                    "contains_key" | "contains" => query_op!("coll.contains", Ty::Bool),
                    "remove" if set => query_op!("coll.remove_bool", Ty::Bool),
                    "remove" => query_op!("coll.remove", opt(v)),
                    "take" if set => query_op!("coll.take", opt(k)),
                    "remove_entry" if !set => query_op!("coll.remove_entry", opt(pair(k, v))),
                    "entry" if !set => {
                        let marker = if kind.is_hashed() { Ty::Bool } else { Ty::Unit };
                        op!("coll.entry", [k.clone()], Ty::Coll(CollKind::Entry, vec![k, v, marker]))
                    }
                    "keys" => return Ok(self.coll_iter_source(base, "keys", r(&k), span)),
                    "into_keys" => return Ok(self.coll_iter_source(base, "keys", k, span)),
                    "values" if !set => return Ok(self.coll_iter_source(base, "vals", r(&v), span)),
                    "values_mut" if !set => return Ok(self.coll_iter_source(base, "vals_mut", rm(&v), span)),
                    "into_values" if !set => return Ok(self.coll_iter_source(base, "vals", v, span)),
                    "iter" if set => return Ok(self.coll_iter_source(base, "keys", r(&k), span)),
                    "iter" => return Ok(self.coll_iter_source(base, "pairs", pair(r(&k), r(&v)), span)),
                    "iter_mut" if !set => return Ok(self.coll_iter_source(base, "pairs_mut", pair(r(&k), rm(&v)), span)),
                    "into_iter" | "drain" if set => return Ok(self.coll_iter_source(base, "keys", k, span)),
                    "into_iter" | "drain" => return Ok(self.coll_iter_source(base, "pairs", pair(k, v), span)),
                    "retain" if set => closure_op!("coll.retain", vec![r(&k)], Some(Ty::Bool), Ty::Unit),
                    "retain" => closure_op!("coll.retain", vec![r(&k), rm(&v)], Some(Ty::Bool), Ty::Unit),
                    "intersection" | "union" | "difference" | "symmetric_difference" if set => {
                        let other = self.check_args(&m.args, &[r(&bt)], sp);
                        let op = match name {
                            "intersection" => "coll.set_intersection",
                            "union" => "coll.set_union",
                            "difference" => "coll.set_difference",
                            _ => "coll.set_symmetric_difference",
                        };
                        let mut args = vec![base];
                        args.extend(other);
                        return Ok(self.materialized_iter(op, args, r(&k), span));
                    }
                    "is_subset" | "is_superset" | "is_disjoint" if set => {
                        let op = match name {
                            "is_subset" => "coll.is_subset",
                            "is_superset" => "coll.is_superset",
                            _ => "coll.is_disjoint",
                        };
                        op!(op, [r(&bt)], Ty::Bool)
                    }
                    _ => {}
                }
                if !kind.is_hashed() {
                    match name {
                        "first" if set => op!("coll.first_key", [], opt(r(&k))),
                        "last" if set => op!("coll.last_key", [], opt(r(&k))),
                        "pop_first" if set => op!("coll.pop_first_key", [], opt(k)),
                        "pop_last" if set => op!("coll.pop_last_key", [], opt(k)),
                        "first_key_value" if !set => op!("coll.first_pair", [], opt(pair(r(&k), r(&v)))),
                        "last_key_value" if !set => op!("coll.last_pair", [], opt(pair(r(&k), r(&v)))),
                        "pop_first" => op!("coll.pop_first_pair", [], opt(pair(k, v))),
                        "pop_last" => op!("coll.pop_last_pair", [], opt(pair(k, v))),
                        "range" => {
                            let Some(a) = m.args.first() else { return Ok(self.error_expr(sp)) };
                            let syn::Expr::Range(rg) = strip_parens(a) else {
                                self.err(codes::UNSUPPORTED_EXPR, a.span(), "`range` takes a range literal here", "", Some("write the range inline: `map.range(a..b)`"));
                                return Ok(self.error_expr(sp));
                            };
                            let incl = matches!(rg.limits, syn::RangeLimits::Closed(_));
                            let lo = rg.start.as_ref().map(|x| self.coll_query_val(x, &k));
                            let hi = rg.end.as_ref().map(|x| self.coll_query_val(x, &k));
                            let op: &'static str = match (lo.is_some(), hi.is_some(), incl) {
                                (true, true, false) => "coll.range_lh",
                                (true, true, true) => "coll.range_lhi",
                                (true, false, _) => "coll.range_l",
                                (false, true, false) => "coll.range_h",
                                (false, true, true) => "coll.range_hi",
                                (false, false, _) => "coll.range_all",
                            };
                            let mut args = vec![base];
                            args.extend(lo);
                            args.extend(hi);
                            let item = if set { r(&k) } else { pair(r(&k), r(&v)) };
                            return Ok(self.materialized_iter(op, args, item, span));
                        }
                        _ => {}
                    }
                }
            }
            CollKind::Entry => {
                let (k, v) = (ts[0].clone(), ts[1].clone());
                let _ = k;
                // The receiver is `map.entry(key)` (optionally `.and_modify(f)`), consumed here.
                let (map_key, modify) = match base.kind {
                    ExprKind::Std("coll.entry", args) => (args, None),
                    ExprKind::StdClosure("coll.entry_and_modify", args, cls) => (args, cls.into_iter().next()),
                    _ => {
                        self.err(codes::UNSUPPORTED_EXPR, m.receiver.span(), "an `Entry` must be used where it is made: `map.entry(k).or_insert(v)`", "", None);
                        return Ok(self.error_expr(sp));
                    }
                };
                let ret = rm(&v);
                let cls: Vec<crate::tir::Closure> = modify.clone().into_iter().collect();
                let mut args = map_key;
                match name {
                    "or_insert" => {
                        args.extend(self.check_args(&m.args, &[v.clone()], sp));
                        return Ok(mk(ExprKind::StdClosure("coll.entry_or_insert", args, cls), ret, span));
                    }
                    "or_default" => {
                        let _ = self.check_args(&m.args, &[], sp);
                        return Ok(mk(ExprKind::StdClosure("coll.entry_or_default", args, cls), ret, span));
                    }
                    "or_insert_with" => {
                        let Some((cl, _)) = self.closure_arg(m, 0, &[], Some(&v)) else { return Ok(self.error_expr(sp)) };
                        let mut all = vec![cl];
                        all.extend(cls);
                        return Ok(mk(ExprKind::StdClosure("coll.entry_or_insert_with", args, all), ret, span));
                    }
                    "and_modify" if modify.is_none() => {
                        let Some((cl, _)) = self.closure_arg(m, 0, &[rm(&v)], Some(&Ty::Unit)) else { return Ok(self.error_expr(sp)) };
                        return Ok(mk(ExprKind::StdClosure("coll.entry_and_modify", args, vec![cl]), bt, span));
                    }
                    _ => {
                        let n = self.ty_name(&bt);
                        self.err(codes::UNKNOWN_METHOD, m.method.span(), format!("no method named `{name}` found for `{n}` in the supported std surface"), "method not found", None);
                        return Ok(self.error_expr(sp));
                    }
                }
            }
            CollKind::VecDeque => {
                let t = ts[0].clone();
                match name {
                    "push_back" => op!("deque.push_back", [t], Ty::Unit),
                    "push_front" => op!("deque.push_front", [t], Ty::Unit),
                    "pop_front" => op!("deque.pop_front", [], opt(t)),
                    "pop_back" => op!("deque.pop_back", [], opt(t)),
                    "front" => op!("deque.front", [], opt(r(&t))),
                    "back" => op!("deque.back", [], opt(r(&t))),
                    "front_mut" if !self.is_scalar_ty(&t) => op!("deque.front", [], opt(rm(&t))),
                    "back_mut" if !self.is_scalar_ty(&t) => op!("deque.back", [], opt(rm(&t))),
                    "get" => op!("deque.get", [us], opt(r(&t))),
                    "get_mut" if !self.is_scalar_ty(&t) => op!("deque.get", [us], opt(rm(&t))),
                    "contains" => op!("deque.contains", [r(&t)], Ty::Bool),
                    "rotate_left" => op!("deque.rotate_left", [us], Ty::Unit),
                    "rotate_right" => op!("deque.rotate_right", [us], Ty::Unit),
                    "truncate" => op!("deque.truncate", [us], Ty::Unit),
                    "iter" => return Ok(self.coll_iter_source(base, "elems", r(&t), span)),
                    "into_iter" | "drain" => return Ok(self.coll_iter_source(base, "elems", t, span)),
                    _ => {}
                }
            }
            CollKind::BinaryHeap => {
                let t = ts[0].clone();
                match name {
                    "push" => op!("heap.push", [t], Ty::Unit),
                    "pop" => op!("heap.pop", [], opt(t)),
                    "peek" => op!("heap.peek", [], opt(r(&t))),
                    "into_sorted_vec" => op!("heap.into_sorted_vec", [], Ty::Vec(Box::new(t))),
                    "into_vec" => op!("heap.into_vec", [], Ty::Vec(Box::new(t))),
                    "iter" => return Ok(self.coll_iter_source(base, "elems", r(&t), span)),
                    "into_iter" | "drain" => return Ok(self.coll_iter_source(base, "elems", t, span)),
                    _ => {}
                }
            }
            _ => {}
        }
        // Not a method of the collection itself: universal methods (`cmp`, `eq`, ...) may still apply.
        let _ = (expected, sp);
        Err(base)
    }

    /// A range bound of `BTreeMap::range`: a key value (references stripped, `&str` kept for `&str` keys).
    fn coll_query_val(&mut self, a: &syn::Expr, k: &Ty) -> TExpr {
        self.coll_query(a, k)
    }

    /// `collect()` into a collection type.
    pub(crate) fn coll_collect(&mut self, base: TExpr, target: &Ty, sp: proc_macro2::Span) -> Option<TExpr> {
        let Ty::Coll(kind, ts) = target.clone() else { return None };
        if matches!(kind, CollKind::Reverse | CollKind::Entry) || kind.is_cell() {
            return None;
        }
        Some(self.coll_from_iter(base, kind, ts, sp))
    }
}

fn strip_parens(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => strip_parens(&p.expr),
        _ => e,
    }
}
