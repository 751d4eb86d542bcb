//! Thin monomorphization: instances of a generic fn whose type arguments differ only in GC reference
//! types share one body.
//!
//! A type parameter no bound mentions can only be moved, stored and borrowed: the body cannot look
//! inside its values. When such a parameter is instantiated with a GC reference type (a struct, a
//! `String`, a `Vec`…), the instance is redirected to the *thin* instance where the parameter is
//! `Ty::Erased` (an `anyref`). Values cross the boundary for free where wasm subtyping allows it
//! (`(ref $Point)` is an `anyref`), arrays of GC references are stored as `anyref` arrays in a program
//! that uses thin instances (so `Vec<Point>` and `Vec<_>` are one wasm type, reads cast back), and
//! generic structs whose fields only hold the parameter inside such arrays share one layout
//! (`Stack<Point>` is `Stack<_>`). Results come back with a `ref.cast` (or a rebuilt `Option`) —
//! `ExprKind::Unerase`. Everything else keeps its own instance: signatures that would need a
//! conversion we do not make (`(T, T)`, `&mut Option<T>`), bodies that assign through `&mut T`
//! (that copies into the object in place, which needs its layout), and types with drop glue
//! (`Rc` counts). `WASMRUST_NO_THIN=1` turns the pass off (to measure what it saves).

use super::Checked;
use crate::collections::CollKind;
use crate::tir::{ExprKind, TExpr};
use crate::tir_walk::{walk_expr, walk_pat, Visitor};
use crate::types::{mentions, Ty};
use std::collections::{HashMap, HashSet};

/// What the thin pass did (for `WASMRUST_THIN_STATS=1` and the tests).
#[derive(Default, Debug, Clone)]
pub struct ThinStats {
    /// Concrete instances whose calls now go to a thin instance.
    pub redirected: usize,
    /// Thin instances called from concrete code.
    pub shared_bodies: usize,
    /// Thin instances whose body did not check (never used; they have no body).
    pub failed: HashSet<usize>,
}

pub fn enabled() -> bool {
    std::env::var_os("WASMRUST_NO_THIN").is_none()
}

fn mentions_erased(t: &Ty) -> bool {
    mentions(t, &|x| matches!(x, Ty::Erased))
}

/// Whether `t` is free of anything with drop glue or identity the erased body could not honour.
fn no_glue(ck: &Checked, t: &Ty, seen: &mut Vec<usize>) -> bool {
    let bad = mentions(t, &|x| {
        matches!(
            x,
            Ty::Coll(CollKind::Rc | CollKind::Weak | CollKind::RefCell | CollKind::Entry | CollKind::Cell, _)
                | Ty::DynTrait(_)
                | Ty::DynFn(..)
                | Ty::Closure(_)
                | Ty::Gc(..)
                | Ty::Iter(_)
                | Ty::Opaque(_)
                | Ty::Formatter
                | Ty::Param(_)
                | Ty::Var(_)
                | Ty::Proj(..)
        )
    });
    if bad {
        return false;
    }
    let mut adts = Vec::new();
    collect_adts(t, &mut adts);
    adts.into_iter().all(|(a, args)| adt_no_glue(ck, a, &args, seen))
}

pub fn collect_adts(t: &Ty, out: &mut Vec<(usize, Vec<Ty>)>) {
    match t {
        Ty::Adt(a, args) => {
            out.push((*a, args.clone()));
            args.iter().for_each(|x| collect_adts(x, out));
        }
        Ty::Tuple(ts) | Ty::Coll(_, ts) => ts.iter().for_each(|x| collect_adts(x, out)),
        Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Gc(_, e) | Ty::Range(e, _) | Ty::Iter(e) => collect_adts(e, out),
        Ty::Result(a, b) => {
            collect_adts(a, out);
            collect_adts(b, out);
        }
        Ty::FnPtr(ps, r) | Ty::DynFn(ps, r) => {
            ps.iter().for_each(|x| collect_adts(x, out));
            collect_adts(r, out);
        }
        _ => {}
    }
}

fn adt_no_glue(ck: &Checked, a: usize, args: &[Ty], seen: &mut Vec<usize>) -> bool {
    if seen.contains(&a) {
        return true;
    }
    seen.push(a);
    let ok = (0..ck.adt_fields[a].len()).all(|v| ck.variant_fields(a, args, v).iter().all(|f| no_glue(ck, f, seen)));
    seen.pop();
    ok
}

/// Whether values of `t` are GC references that an erased parameter may stand for.
pub fn erasable(ck: &Checked, t: &Ty) -> bool {
    let shape = match t {
        Ty::Erased | Ty::String | Ty::Vec(_) | Ty::Option(_) | Ty::Result(..) | Ty::Array(..) => true,
        Ty::Tuple(ts) => !ts.is_empty(),
        Ty::Ref(_, inner) => matches!(&**inner, Ty::Str | Ty::Slice(_)) || erasable(ck, inner),
        Ty::Boxed(inner) => erasable(ck, inner),
        Ty::Adt(a, _) => !ck.adt_is_fieldless_enum(*a),
        Ty::Coll(CollKind::HashMap | CollKind::HashSet | CollKind::BTreeMap | CollKind::BTreeSet | CollKind::VecDeque | CollKind::BinaryHeap, _) => true,
        Ty::Coll(CollKind::Reverse, ts) => ts.first().is_some_and(|x| erasable(ck, x)),
        _ => false,
    };
    shape && no_glue(ck, t, &mut Vec::new())
}

/// The thin instance's type arguments for `f<args>`, if some argument can be erased.
pub fn thin_args(ck: &Checked, f: usize, args: &[Ty]) -> Option<Vec<Ty>> {
    let def = &ck.program.fns[f];
    if !enabled() || def.is_prelude || args.iter().any(mentions_erased) {
        return None;
    }
    let mut out = args.to_vec();
    let mut changed = false;
    for (i, a) in args.iter().enumerate() {
        if !def.bounded.get(i).copied().unwrap_or(true) && erasable(ck, a) {
            out[i] = Ty::Erased;
            changed = true;
        }
    }
    changed.then_some(out)
}

/// Whether `t` has the same wasm representation whatever GC reference type `Erased` stands for.
pub fn invariant(ck: &Checked, t: &Ty) -> bool {
    invariant_in(ck, t, &mut Vec::new())
}

fn invariant_in(ck: &Checked, t: &Ty, seen: &mut Vec<usize>) -> bool {
    if !mentions_erased(t) {
        return true;
    }
    match t {
        Ty::Ref(_, x) => match &**x {
            Ty::Slice(e) => elem_invariant(ck, e),
            other => invariant_in(ck, other, seen),
        },
        // Arrays of GC references store `anyref` in a program with thin instances.
        Ty::Vec(e) | Ty::Slice(e) | Ty::Array(e, _) => elem_invariant(ck, e),
        Ty::Boxed(x) => invariant_in(ck, x, seen),
        Ty::Adt(a, args) => adt_shared(ck, *a, args, seen),
        _ => false,
    }
}

/// Elements are stored as `anyref` on both sides; what the body reads back must also be cast to the
/// same type whatever `Erased` stands for: `_` itself, or a type whose representation is invariant.
fn elem_invariant(ck: &Checked, e: &Ty) -> bool {
    let direct = matches!(e, Ty::Erased) || matches!(e, Ty::Ref(false, x) | Ty::Boxed(x) if matches!(**x, Ty::Erased));
    erasable(ck, e) && (direct || invariant(ck, e))
}

/// Whether instances of generic ADT `a` that differ in erased arguments share one layout: every field
/// is invariant, and the type is not recursive (recursive types keep a layout of their own).
pub fn adt_shared(ck: &Checked, a: usize, args: &[Ty], seen: &mut Vec<usize>) -> bool {
    if seen.contains(&a) || ck.adt_is_fieldless_enum(a) {
        return false;
    }
    seen.push(a);
    let ok = (0..ck.adt_fields[a].len()).all(|v| ck.variant_fields(a, args, v).iter().all(|f| !mentions(f, &|x| matches!(x, Ty::Adt(b, _) if *b == a)) && invariant_in(ck, f, seen)));
    seen.pop();
    ok
}

/// How a thin instance's result is turned back into the caller's type.
#[derive(Clone, Copy, PartialEq, Debug)]
enum RetConv {
    Same,
    Unerase,
}

fn arg_ok(ck: &Checked, t: &Ty) -> bool {
    match t {
        Ty::Erased => true,
        Ty::Ref(false, x) | Ty::Boxed(x) if matches!(**x, Ty::Erased) => true,
        _ => invariant(ck, t),
    }
}

fn ret_conv(ck: &Checked, t: &Ty) -> Option<RetConv> {
    if invariant(ck, t) {
        return Some(RetConv::Same);
    }
    let castable = |x: &Ty| matches!(x, Ty::Erased) || matches!(x, Ty::Ref(false, y) | Ty::Boxed(y) if matches!(**y, Ty::Erased));
    match t {
        x if castable(x) => Some(RetConv::Unerase),
        Ty::Option(x) if castable(x) => Some(RetConv::Unerase),
        _ => None,
    }
}

/// Creates the thin instance of every concrete instance that has one; true if any is new.
pub fn propose(ck: &mut Checked) -> bool {
    let insts: Vec<(usize, Vec<Ty>)> = ck.fn_insts.keys().cloned().collect();
    let mut added = false;
    for (f, args) in insts {
        if let Some(t) = thin_args(ck, f, &args) {
            if !ck.fn_insts.contains_key(&(f, t.clone())) {
                super::mono::instantiate_fn(ck, f, t);
                added = true;
            }
        }
    }
    added
}

/// Whether instance `f` was instantiated with an erased argument.
pub fn is_tainted(ck: &Checked, f: usize) -> bool {
    ck.fn_inst_args.get(&f).is_some_and(|a| a.iter().any(mentions_erased))
}

/// Fn ids a body refers to (calls and fn references).
fn callees(e: &mut TExpr) -> Vec<usize> {
    struct C(Vec<usize>);
    impl Visitor for C {
        fn expr(&mut self, e: &mut TExpr) {
            if let ExprKind::Call(f, _) | ExprKind::FnRef(f) = &e.kind {
                self.0.push(*f);
            }
        }
    }
    let mut c = C(Vec::new());
    walk_expr(&mut c, e);
    c.0
}

/// Whether a checked thin body only does things that do not depend on what `Erased` stands for.
fn body_ok(body: &mut crate::tir::Body) -> bool {
    let mut_erased = |t: &Ty| mentions(t, &|x| matches!(x, Ty::Ref(true, y) if matches!(**y, Ty::Erased)));
    if body.locals.iter().any(|l| mut_erased(&l.ty)) || mut_erased(&body.ret) {
        return false;
    }
    struct Scan<'a> {
        bad: bool,
        test: &'a dyn Fn(&Ty) -> bool,
    }
    impl Visitor for Scan<'_> {
        fn expr(&mut self, e: &mut TExpr) {
            self.bad |= (self.test)(&e.ty);
        }
        fn pat(&mut self, p: &mut crate::tir::TPat) {
            self.bad |= (self.test)(&p.ty);
        }
    }
    let mut s = Scan { bad: false, test: &mut_erased };
    walk_expr(&mut s, &mut body.expr);
    !s.bad
}

/// Validates the thin instances and sends every call of a redirected instance to its thin instance.
pub fn redirect(ck: &mut Checked) {
    let tainted: Vec<usize> = ck.bodies.keys().copied().filter(|&f| is_tainted(ck, f)).collect();
    if tainted.is_empty() {
        return;
    }
    let mut calls: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut valid: HashSet<usize> = HashSet::new();
    for &f in &tainted {
        let body = ck.bodies.get_mut(&f).unwrap();
        calls.insert(f, callees(&mut body.expr));
        if body_ok(body) {
            valid.insert(f);
        }
    }
    // A thin body calling an invalid thin instance is invalid too (an instance whose body failed to
    // check has no body at all).
    loop {
        let bad: Vec<usize> = valid.iter().copied().filter(|f| calls[f].iter().any(|c| is_tainted(ck, *c) && !valid.contains(c))).collect();
        if bad.is_empty() {
            break;
        }
        for f in bad {
            valid.remove(&f);
        }
    }
    let mut map: HashMap<usize, usize> = HashMap::new();
    for ((f, args), &c) in &ck.fn_insts {
        let Some(t) = thin_args(ck, *f, args) else { continue };
        let Some(&thin) = ck.fn_insts.get(&(*f, t)) else { continue };
        if !valid.contains(&thin) || !ck.bodies.contains_key(&c) {
            continue;
        }
        let sig = &ck.sigs[thin];
        if sig.params.iter().all(|p| arg_ok(ck, p)) && ret_conv(ck, &sig.ret).is_some() {
            map.insert(c, thin);
        }
    }
    if map.is_empty() {
        return;
    }
    let rets: HashMap<usize, Ty> = map.values().map(|&t| (t, ck.sigs[t].ret.clone())).collect();
    struct Rewrite<'a> {
        map: &'a HashMap<usize, usize>,
        rets: &'a HashMap<usize, Ty>,
    }
    impl Visitor for Rewrite<'_> {
        fn expr(&mut self, e: &mut TExpr) {
            let ExprKind::Call(f, _) = &mut e.kind else { return };
            let Some(&thin) = self.map.get(f) else { return };
            *f = thin;
            let ret = self.rets[&thin].clone();
            if ret != e.ty {
                let outer = e.ty.clone();
                let mut inner = std::mem::replace(e, TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: e.span.clone() });
                inner.ty = ret;
                *e = TExpr { span: inner.span.clone(), kind: ExprKind::Unerase(Box::new(inner)), ty: outer };
            }
        }
    }
    let mut rw = Rewrite { map: &map, rets: &rets };
    let ids: Vec<usize> = ck.bodies.keys().copied().collect();
    for f in ids {
        if let Some(body) = ck.bodies.get_mut(&f) {
            walk_expr(&mut rw, &mut body.expr);
        }
    }
    for c in &mut ck.closures {
        walk_expr(&mut rw, &mut c.body);
        for p in &mut c.params {
            walk_pat(&mut rw, p);
        }
    }
    for (_, e) in &mut ck.consts {
        walk_expr(&mut rw, e);
    }
    ck.thin.redirected = map.len();
    ck.thin.shared_bodies = map.values().collect::<HashSet<_>>().len();
    if std::env::var_os("WASMRUST_THIN_STATS").is_some() {
        eprintln!("thin: {} instances share {} bodies", ck.thin.redirected, ck.thin.shared_bodies);
    }
}
