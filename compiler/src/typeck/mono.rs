//! Monomorphization, done as part of type checking: a generic fn is a template whose body is checked
//! once per instance, with its type parameters bound to concrete types. Rustc has already checked the
//! generic code against its bounds, so checking instances concretely is enough — and it makes trait
//! method calls on type parameters ordinary calls on concrete types (static dispatch).
//!
//! Instances are reached from the roots only (`main`, tests, exports): a generic fn nobody calls is
//! never checked nor emitted. At the end every generic ADT instance (`Stack<i32>`) is interned as its own
//! concrete ADT, so the lowering only ever sees `Ty::Adt(i, [])`.

use super::{Checked, FnCx};
use crate::diagnostics::{codes, Diagnostic};
use crate::tir::{Body, ExprKind, PatKind, TExpr, TPat};
use crate::tir_walk::{walk_expr, Visitor};
use crate::types::{subst, Ty};

/// The fn id of `f` instantiated with `args` (`f` itself when it is not generic).
pub fn instantiate_fn(ck: &mut Checked, f: usize, args: Vec<Ty>) -> usize {
    if args.is_empty() {
        return f;
    }
    if let Some(&i) = ck.fn_insts.get(&(f, args.clone())) {
        return i;
    }
    let id = ck.program.fns.len();
    let def = ck.program.fns[f].clone();
    ck.program.fns.push(def);
    let sig = ck.sigs[f].clone();
    let ret = match sig.ret {
        Ty::Opaque(_) => Ty::Opaque(id),
        r => ck.normalize(&subst(&r, &args)),
    };
    let params = sig.params.iter().map(|t| ck.normalize(&subst(t, &args))).collect();
    ck.sigs.push(super::FnSig { item_bounds: sig.item_bounds.iter().map(|(i, t)| (*i, subst(t, &args))).collect(), fn_bounds: sig.fn_bounds.iter().map(|(i, a, r)| (*i, a.iter().map(|t| subst(t, &args)).collect(), subst(r, &args))).collect(), self_kind: sig.self_kind, params, ret });
    ck.fn_insts.insert((f, args.clone()), id);
    ck.fn_inst_args.insert(id, args);
    ck.pending.push(id);
    id
}

pub fn has_var(t: &Ty) -> bool {
    match t {
        Ty::Var(_) | Ty::Param(_) => true,
        Ty::Tuple(ts) | Ty::Adt(_, ts) | Ty::Coll(_, ts) => ts.iter().any(has_var),
        Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Gc(_, e) | Ty::Range(e, _) | Ty::Iter(e) => has_var(e),
        Ty::Result(a, b) => has_var(a) || has_var(b),
        Ty::FnPtr(ps, r) | Ty::DynFn(ps, r) => ps.iter().any(has_var) || has_var(r),
        Ty::Proj(..) => true,
        _ => false,
    }
}

/// The item type of iterating over a value of type `t` by value (`IntoIterator::Item`).
pub fn item_of(t: &Ty) -> Option<Ty> {
    match t {
        Ty::Vec(e) | Ty::Array(e, _) | Ty::Iter(e) | Ty::Range(e, _) => Some((**e).clone()),
        Ty::Ref(m, inner) => match &**inner {
            Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => Some(Ty::Ref(*m, e.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// Turns every `CallInst` of a finished body into a `Call` of the instance its (now inferred) type
/// arguments select.
pub fn resolve_calls(cx: &mut FnCx, e: &mut TExpr) {
    struct Calls<'a, 'b> {
        cx: &'a mut FnCx<'b>,
    }
    impl Visitor for Calls<'_, '_> {
        fn expr(&mut self, e: &mut TExpr) {
            let ExprKind::CallInst(f, targs, args) = &mut e.kind else { return };
            // Parameters only named by a bound (`I: IntoIterator<Item = T>`) follow from the bounded type.
            for (i, tr, assoc, j) in self.cx.ck.program.fns[*f].assoc_bounds.clone() {
                if assoc != "Item" || !matches!(tr.as_str(), "IntoIterator" | "Iterator") {
                    continue;
                }
                let (Some(ti), Some(tj)) = (targs.get(i).cloned(), targs.get(j).cloned()) else { continue };
                if let Some(item) = item_of(&self.cx.infer.resolve(&ti)) {
                    let _ = self.cx.infer.unify(&tj, &item);
                }
            }
            let targs: Vec<Ty> = targs.iter().map(|t| self.cx.infer.finalize(t)).collect();
            if targs.iter().any(has_var) {
                let name = self.cx.ck.program.fns[*f].name.clone();
                let d = self.cx.ck.program.sources.diag(
                    codes::ANNOTATIONS_NEEDED,
                    &e.span,
                    "type annotations needed",
                    format!("cannot infer the type parameters of `{name}`"),
                    Some("add a turbofish, e.g. `f::<i32>(...)`, or annotate the result".into()),
                );
                self.cx.errors.push(d);
                return;
            }
            let inst = instantiate_fn(self.cx.ck, *f, targs);
            e.kind = ExprKind::Call(inst, std::mem::take(args));
        }
    }
    walk_expr(&mut Calls { cx }, e);
}

/// Checks instance bodies until no new instance appears, then interns generic ADT instances.
pub fn check_instances(ck: &mut Checked, errors: &mut Vec<Diagnostic>) {
    if !errors.is_empty() {
        // Instances queued by a body that failed may refer to its unfinished closures.
        return;
    }
    loop {
        while let Some(f) = ck.pending.pop() {
            if ck.bodies.contains_key(&f) {
                continue; // checked on demand (its `impl Trait` return type was needed early)
            }
            match super::expr::check_fn(ck, f) {
                Ok(body) => {
                    ck.bodies.insert(f, body);
                }
                // A thin instance that does not check is simply not used (its instances stay fat).
                Err(_) if super::thin::is_tainted(ck, f) => {
                    ck.thin.failed.insert(f);
                }
                Err(mut e) => {
                    errors.append(&mut e);
                    // Instances queued by a body that failed may refer to its unfinished closures.
                    return;
                }
            }
        }
        if !errors.is_empty() {
            return;
        }
        // Display/Debug impls of generic ADT instances are instances too.
        let mut used = Vec::new();
        for b in ck.bodies.values() {
            collect_adts_body(b, &mut used);
        }
        for t in ck.sigs.iter().flat_map(|s| s.params.iter().chain(std::iter::once(&s.ret))) {
            collect_adts(t, &mut used);
        }
        let mut added = false;
        for (a, args) in used {
            added |= instantiate_fmt_impls(ck, a, &args);
        }
        if !added && ck.pending.is_empty() && !super::thin::propose(ck) {
            break;
        }
    }
    super::thin::redirect(ck);
    // Closure calls resolve once every closure is lifted.
    let ids: Vec<usize> = ck.bodies.keys().copied().collect();
    for f in ids {
        let mut body = ck.bodies.remove(&f).unwrap();
        super::closures::resolve_closure_calls(ck, &mut body.expr, errors);
        ck.bodies.insert(f, body);
    }
    if !errors.is_empty() {
        return;
    }
    concretize_all(ck);
}

fn collect_adts(t: &Ty, out: &mut Vec<(usize, Vec<Ty>)>) {
    match t {
        Ty::Adt(a, args) if !args.is_empty() => {
            if !args.iter().any(has_var) && !out.iter().any(|(b, bargs)| b == a && bargs == args) {
                out.push((*a, args.clone()));
            }
            for x in args {
                collect_adts(x, out);
            }
        }
        Ty::Tuple(ts) | Ty::Coll(_, ts) => ts.iter().for_each(|x| collect_adts(x, out)),
        Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Gc(_, e) | Ty::Range(e, _) | Ty::Iter(e) => collect_adts(e, out),
        Ty::Result(a, b) => {
            collect_adts(a, out);
            collect_adts(b, out);
        }
        Ty::FnPtr(ps, r) => {
            ps.iter().for_each(|x| collect_adts(x, out));
            collect_adts(r, out);
        }
        _ => {}
    }
}

fn collect_adts_body(b: &Body, out: &mut Vec<(usize, Vec<Ty>)>) {
    struct C<'a>(&'a mut Vec<(usize, Vec<Ty>)>);
    impl Visitor for C<'_> {
        fn expr(&mut self, e: &mut TExpr) {
            collect_adts(&e.ty, self.0);
        }
        fn pat(&mut self, p: &mut TPat) {
            collect_adts(&p.ty, self.0);
        }
    }
    for l in &b.locals {
        collect_adts(&l.ty, out);
    }
    let mut e = b.expr.clone();
    walk_expr(&mut C(out), &mut e);
}

/// Instantiates `impl<T..> Display/Debug for Adt<T..>` for the instance `a<args>`; true if new.
fn instantiate_fmt_impls(ck: &mut Checked, a: usize, args: &[Ty]) -> bool {
    let mut added = false;
    for f in [ck.program.display_impls.get(&a).copied(), ck.program.debug_impls.get(&a).copied()].into_iter().flatten() {
        if ck.program.fns[f].generics.len() == args.len() && !ck.fn_insts.contains_key(&(f, args.to_vec())) {
            instantiate_fn(ck, f, args.to_vec());
            added = true;
        }
    }
    added
}

/// The concrete ADT index of `a<args>` (interning it on first use).
fn adt_instance(ck: &mut Checked, a: usize, args: Vec<Ty>) -> usize {
    if let Some(&i) = ck.adt_insts.get(&(a, args.clone())) {
        return i;
    }
    let id = ck.program.adts.len();
    let mut def = ck.program.adts[a].clone();
    def.generics.clear();
    ck.program.adts.push(def);
    ck.adt_fields.push(Vec::new());
    ck.adt_discrs.push(ck.adt_discrs[a].clone());
    ck.adt_insts.insert((a, args.clone()), id);
    ck.adt_inst_of.insert(id, (a, args.clone()));
    let full = ck.ty_name(&Ty::Adt(a, args.clone()));
    ck.adt_inst_names.insert(id, full);
    let fields: Vec<Vec<Ty>> = (0..ck.adt_fields[a].len()).map(|v| ck.variant_fields(a, &args, v)).collect();
    let fields = fields.iter().map(|vs| vs.iter().map(|t| concrete(ck, t)).collect()).collect();
    ck.adt_fields[id] = fields;
    for (map_is_display, f) in [(true, ck.program.display_impls.get(&a).copied()), (false, ck.program.debug_impls.get(&a).copied())] {
        if let Some(f) = f {
            if let Some(&inst) = ck.fn_insts.get(&(f, args.clone())).filter(|i| !ck.thin.failed.contains(i)) {
                if map_is_display {
                    ck.program.display_impls.insert(id, inst);
                } else {
                    ck.program.debug_impls.insert(id, inst);
                }
            }
        }
    }
    id
}

/// `t` with every generic ADT instance replaced by its concrete ADT.
fn concrete(ck: &mut Checked, t: &Ty) -> Ty {
    match t {
        // Keyed by the arguments as typeck wrote them (`Wrapper<Wrapper<&str>>`), like `fn_insts`: the
        // instance's fmt impls are found under the same key (nested instances used to lose them).
        Ty::Adt(a, args) if !args.is_empty() => Ty::Adt(adt_instance(ck, *a, args.clone()), vec![]),
        Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|x| concrete(ck, x)).collect()),
        Ty::Array(e, n) => Ty::Array(Box::new(concrete(ck, e)), *n),
        Ty::Slice(e) => Ty::Slice(Box::new(concrete(ck, e))),
        Ty::Ref(m, e) => match concrete(ck, e) {
            // A reference to a capture-less closure is as zero-sized as the closure.
            Ty::Unit if matches!(**e, Ty::Closure(_)) => Ty::Unit,
            c => Ty::Ref(*m, Box::new(c)),
        },
        Ty::Vec(e) => Ty::Vec(Box::new(concrete(ck, e))),
        Ty::Option(e) => Ty::Option(Box::new(concrete(ck, e))),
        Ty::Result(a, b) => Ty::Result(Box::new(concrete(ck, a)), Box::new(concrete(ck, b))),
        Ty::Boxed(e) => Ty::Boxed(Box::new(concrete(ck, e))),
        Ty::Gc(k, e) => Ty::Gc(*k, Box::new(concrete(ck, e))),
        Ty::Coll(k, ts) => Ty::Coll(*k, ts.iter().map(|x| concrete(ck, x)).collect()),
        Ty::Range(e, i) => Ty::Range(Box::new(concrete(ck, e)), *i),
        Ty::Iter(e) => Ty::Iter(Box::new(concrete(ck, e))),
        Ty::FnPtr(ps, r) => Ty::FnPtr(ps.iter().map(|x| concrete(ck, x)).collect(), Box::new(concrete(ck, r))),
        Ty::DynFn(ps, r) => Ty::DynFn(ps.iter().map(|x| concrete(ck, x)).collect(), Box::new(concrete(ck, r))),
        // A closure value is the tuple of its captures.
        Ty::Closure(id) => match ck.closure_info.get(id).map(|i| i.env.clone()) {
            Some(env) if !env.is_empty() => Ty::Tuple(env.iter().map(|x| concrete(ck, x)).collect()),
            _ => Ty::Unit,
        },
        other => other.clone(),
    }
}

fn concretize_all(ck: &mut Checked) {
    struct Conc<'a> {
        ck: &'a mut Checked,
    }
    impl Visitor for Conc<'_> {
        fn expr(&mut self, e: &mut TExpr) {
            e.ty = concrete(self.ck, &e.ty);
            if let ExprKind::Struct(a, _, _) = &mut e.kind {
                if let Ty::Adt(i, _) = &e.ty {
                    *a = *i;
                }
            }
        }
        fn pat(&mut self, p: &mut TPat) {
            p.ty = concrete(self.ck, &p.ty);
            if let PatKind::Struct(a, _) = &mut p.kind {
                if let Ty::Adt(i, _) = p.ty.peel_refs() {
                    *a = *i;
                }
            }
        }
    }
    let ids: Vec<usize> = ck.bodies.keys().copied().collect();
    for f in ids {
        let mut body = ck.bodies.remove(&f).unwrap();
        for l in &mut body.locals {
            l.ty = concrete(ck, &l.ty);
        }
        body.ret = concrete(ck, &body.ret);
        walk_expr(&mut Conc { ck }, &mut body.expr);
        ck.bodies.insert(f, body);
    }
    for i in 0..ck.sigs.len() {
        let mut sig = ck.sigs[i].clone();
        if sig.params.iter().chain(std::iter::once(&sig.ret)).any(crate::types::has_param) {
            continue; // a template's signature
        }
        sig.params = sig.params.iter().map(|t| concrete(ck, t)).collect();
        sig.ret = concrete(ck, &sig.ret);
        ck.sigs[i] = sig;
    }
    for i in 0..ck.consts.len() {
        let (t, mut e) = ck.consts[i].clone();
        let t = concrete(ck, &t);
        walk_expr(&mut Conc { ck }, &mut e);
        ck.consts[i] = (t, e);
    }
    let mut tables = std::mem::take(&mut ck.dyn_tables);
    for t in &mut tables {
        t.key = concrete(ck, &t.key);
        for e in &mut t.entries {
            e.0 = concrete(ck, &e.0);
        }
    }
    ck.dyn_tables = tables;
    let mut closures = std::mem::take(&mut ck.closures);
    for c in &mut closures {
        walk_expr(&mut Conc { ck }, &mut c.body);
        for p in &mut c.params {
            crate::tir_walk::walk_pat(&mut Conc { ck }, p);
        }
    }
    ck.closures = closures;
}

/// Binds `Param`s of `pat` so that it equals `t` (structural matching of an impl's self type).
fn match_ty(pat: &Ty, t: &Ty, binds: &mut Vec<Option<Ty>>) -> bool {
    match (pat, t) {
        (Ty::Param(i), _) => {
            let i = *i as usize;
            if binds.len() <= i {
                binds.resize(i + 1, None);
            }
            match &binds[i] {
                Some(b) => b == t,
                None => {
                    binds[i] = Some(t.clone());
                    true
                }
            }
        }
        (Ty::Tuple(a), Ty::Tuple(b)) | (Ty::Adt(_, a), Ty::Adt(_, b)) if a.len() == b.len() => {
            if let (Ty::Adt(x, _), Ty::Adt(y, _)) = (pat, t) {
                if x != y {
                    return false;
                }
            }
            a.iter().zip(b).all(|(p, q)| match_ty(p, q, binds))
        }
        (Ty::Array(a, n), Ty::Array(b, m)) if n == m => match_ty(a, b, binds),
        (Ty::Slice(a), Ty::Slice(b)) | (Ty::Vec(a), Ty::Vec(b)) | (Ty::Option(a), Ty::Option(b)) | (Ty::Boxed(a), Ty::Boxed(b)) => match_ty(a, b, binds),
        (Ty::Ref(m1, a), Ty::Ref(m2, b)) if m1 == m2 => match_ty(a, b, binds),
        (Ty::Result(a1, b1), Ty::Result(a2, b2)) => match_ty(a1, a2, binds) && match_ty(b1, b2, binds),
        _ => pat == t,
    }
}

impl Checked {
    /// Replaces projections on known types (`<Bag as Container>::Item` → `u8`) by the impl's
    /// associated type; std iterators' `Item` is their item type.
    pub fn normalize(&self, t: &Ty) -> Ty {
        match t {
            Ty::Proj(b, name) => {
                let b = self.normalize(b);
                if has_var(&b) {
                    return Ty::Proj(Box::new(b), name.clone());
                }
                for i in 0..self.program.impls.len() {
                    let imp = &self.program.impls[i];
                    let Some(syn_t) = imp.assoc_types.get(name) else { continue };
                    let mut binds = Vec::new();
                    if !match_ty(&self.impl_self[i], &b, &mut binds) {
                        continue;
                    }
                    let args: Vec<Ty> = (0..imp.generics.len()).map(|k| binds.get(k).cloned().flatten().unwrap_or(Ty::Unit)).collect();
                    let env = super::TyEnv { self_ty: Some(b.clone()), ..super::TyEnv::generic(&imp.generics) };
                    if let Ok(at) = super::items::syn_to_ty_env(&self.program, imp.module, imp.file, &env, syn_t) {
                        return self.normalize(&subst(&at, &args));
                    }
                }
                match name.as_str() {
                    "Item" => item_of(&b).unwrap_or(Ty::Proj(Box::new(b), name.clone())),
                    // `Add::Output` etc. of std numbers.
                    "Output" if matches!(b, Ty::Int(_) | Ty::F32 | Ty::F64) => b,
                    _ => Ty::Proj(Box::new(b), name.clone()),
                }
            }
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|x| self.normalize(x)).collect()),
            Ty::Adt(a, ts) => Ty::Adt(*a, ts.iter().map(|x| self.normalize(x)).collect()),
            Ty::Array(e, n) => Ty::Array(Box::new(self.normalize(e)), *n),
            Ty::Slice(e) => Ty::Slice(Box::new(self.normalize(e))),
            Ty::Ref(m, e) => Ty::Ref(*m, Box::new(self.normalize(e))),
            Ty::Vec(e) => Ty::Vec(Box::new(self.normalize(e))),
            Ty::Option(e) => Ty::Option(Box::new(self.normalize(e))),
            Ty::Boxed(e) => Ty::Boxed(Box::new(self.normalize(e))),
            Ty::Iter(e) => Ty::Iter(Box::new(self.normalize(e))),
            Ty::Result(a, b) => Ty::Result(Box::new(self.normalize(a)), Box::new(self.normalize(b))),
            other => other.clone(),
        }
    }
}
