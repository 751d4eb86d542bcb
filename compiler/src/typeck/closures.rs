//! Closures as values. A closure literal that is stored, passed or returned becomes a value: the tuple
//! of its captures (its environment), and its body is lifted into a fn of its own taking the environment
//! first. Every closure literal has its own type, so calls are direct calls of the lifted fn (static
//! dispatch, as rustc does after monomorphization).
//!
//! Captures follow Rust's rules as far as they are observable: a `move` closure copies what it uses (its
//! own copies persist across calls, in the environment); a plain closure shares what it uses — numbers it
//! mutates are captured as `&mut` (the local then lives in a heap cell), everything else is a GC
//! reference or an immutable copy.

use super::Checked;
use crate::diagnostics::{codes, Diagnostic};
use crate::tir::{Body, ExprKind, Local, PatKind, Stmt, TExpr, TPat};
use crate::tir_walk::{walk_expr, walk_pat, Visitor};
use crate::types::Ty;

/// What the rest of the compiler needs to know about a lifted closure.
#[derive(Clone, Debug)]
pub struct ClosureInfo {
    pub params: Vec<Ty>,
    pub ret: Ty,
    /// Field types of the environment tuple.
    pub env: Vec<Ty>,
    pub lifted: usize,
    /// A `move` closure owns its environment (dropping it drops the captured values).
    pub is_move: bool,
}

/// Locals a closure body reads or writes without binding them itself.
fn captures_of(cl: &crate::tir::Closure) -> Vec<usize> {
    struct Uses {
        used: Vec<usize>,
        bound: Vec<usize>,
    }
    impl Visitor for Uses {
        fn expr(&mut self, e: &mut TExpr) {
            if let ExprKind::Local(l) = e.kind {
                if !self.used.contains(&l) {
                    self.used.push(l);
                }
            }
        }
        fn pat(&mut self, p: &mut TPat) {
            if let PatKind::Bind(l, _) = p.kind {
                self.bound.push(l);
            }
        }
    }
    let mut u = Uses { used: Vec::new(), bound: Vec::new() };
    let mut cl = cl.clone();
    for p in &mut cl.params {
        walk_pat(&mut u, p);
    }
    walk_expr(&mut u, &mut cl.body);
    u.used.into_iter().filter(|l| !u.bound.contains(l)).collect()
}

/// The local a place expression is rooted at (`x`, `x.f`, `x[i]`, `x.0.f`).
fn place_root(e: &TExpr) -> Option<usize> {
    match &e.kind {
        ExprKind::Local(l) => Some(*l),
        ExprKind::Field(b, _) | ExprKind::Index(b, _) => place_root(b),
        _ => None,
    }
}

/// Locals a closure body assigns (whole or in part) or borrows mutably.
fn mutated_in(body: &TExpr) -> Vec<(usize, bool)> {
    struct Muts(Vec<(usize, bool)>);
    impl Visitor for Muts {
        fn expr(&mut self, e: &mut TExpr) {
            let (target, whole) = match &e.kind {
                ExprKind::Assign(a, _) | ExprKind::CompoundAssign(_, a, _) => (Some(&**a), matches!(a.kind, ExprKind::Local(_))),
                ExprKind::AddrOf(true, a) => (Some(&**a), matches!(a.kind, ExprKind::Local(_))),
                _ => (None, false),
            };
            if let Some(l) = target.and_then(place_root) {
                self.0.push((l, whole));
            }
        }
    }
    let mut m = Muts(Vec::new());
    let mut b = body.clone();
    walk_expr(&mut m, &mut b);
    m.0
}

/// Replaces uses of captured locals by environment accesses.
struct Rewrite {
    env_local: usize,
    env_ty: Ty,
    /// capture local → (env field, field type, accessed through `&mut`)
    map: Vec<(usize, usize, Ty, bool)>,
}

impl Visitor for Rewrite {
    fn expr(&mut self, e: &mut TExpr) {
        let ExprKind::Local(l) = e.kind else { return };
        let Some((_, field, fty, by_ref)) = self.map.iter().find(|m| m.0 == l).cloned() else { return };
        let env_ref = TExpr { kind: ExprKind::Local(self.env_local), ty: Ty::Ref(true, Box::new(self.env_ty.clone())), span: e.span.clone() };
        let env = TExpr { kind: ExprKind::Deref(Box::new(env_ref)), ty: self.env_ty.clone(), span: e.span.clone() };
        let field_ty = if by_ref { Ty::Ref(true, Box::new(fty)) } else { fty };
        let f = TExpr { kind: ExprKind::Field(Box::new(env), field), ty: field_ty, span: e.span.clone() };
        e.kind = if by_ref { ExprKind::Deref(Box::new(f)) } else { f.kind };
    }
}

/// Lifts every closure value in `expr` (a finished body whose locals are `locals`, types resolved),
/// innermost last: a lifted body is processed the same way, so closures returning closures work.
pub fn lift_closures(ck: &mut Checked, locals: &mut Vec<Local>, expr: &mut TExpr, fn_name: &str, is_prelude: bool, errors: &mut Vec<Diagnostic>) {
    struct Lift<'a> {
        ck: &'a mut Checked,
        locals: &'a mut Vec<Local>,
        name: String,
        is_prelude: bool,
        errors: &'a mut Vec<Diagnostic>,
    }
    impl Visitor for Lift<'_> {
        fn expr(&mut self, e: &mut TExpr) {
            let ExprKind::MakeClosure(id, cl, is_move) = &mut e.kind else { return };
            let (id, is_move) = (*id, *is_move);
            let cl = (**cl).clone();
            let env = lift_one(self.ck, self.locals, id, cl, is_move, &self.name, self.is_prelude, &e.span, self.errors);
            e.kind = if env.is_empty() { ExprKind::Unit } else { ExprKind::Tuple(env) };
        }
    }
    walk_expr(&mut Lift { ck, locals, name: fn_name.to_string(), is_prelude, errors }, expr);
}

/// `CallClosure` → `Call` of the lifted fn.
pub fn resolve_closure_calls(ck: &Checked, expr: &mut TExpr, errors: &mut Vec<Diagnostic>) {
    struct Calls<'a> {
        ck: &'a Checked,
        errors: &'a mut Vec<Diagnostic>,
    }
    impl Visitor for Calls<'_> {
        fn expr(&mut self, e: &mut TExpr) {
            let ExprKind::CallClosure(id, args) = &mut e.kind else { return };
            match self.ck.closure_info.get(id) {
                Some(info) => e.kind = ExprKind::Call(info.lifted, std::mem::take(args)),
                None => self.errors.push(self.ck.program.sources.diag(codes::CLOSURE, &e.span, "this closure call is not supported yet", "", None)),
            }
        }
    }
    walk_expr(&mut Calls { ck, errors }, expr);
}

/// Lifts closure `id` into a fn; returns the expressions that build its environment.
#[allow(clippy::too_many_arguments)]
fn lift_one(ck: &mut Checked, locals: &mut Vec<Local>, id: usize, cl: crate::tir::Closure, is_move: bool, fn_name: &str, is_prelude: bool, span: &crate::diagnostics::Span, errors: &mut Vec<Diagnostic>) -> Vec<TExpr> {
    let caps = captures_of(&cl);
    let muts = mutated_in(&cl.body);
    let mut env_exprs = Vec::new();
    let mut env_tys = Vec::new();
    let mut map = Vec::new();
    for (i, &c) in caps.iter().enumerate() {
        let t = locals[c].ty.clone();
        let mutated = muts.iter().any(|(l, _)| *l == c);
        let whole = muts.iter().any(|(l, w)| *l == c && *w);
        let scalar = matches!(t, Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char);
        let local = TExpr { kind: ExprKind::Local(c), ty: t.clone(), span: span.clone() };
        if !is_move && mutated && scalar {
            let rt = Ty::Ref(true, Box::new(t.clone()));
            env_exprs.push(TExpr { kind: ExprKind::AddrOf(true, Box::new(local)), ty: rt.clone(), span: span.clone() });
            env_tys.push(rt);
            map.push((c, i, t, true));
        } else {
            if !is_move && whole && !scalar {
                errors.push(ck.program.sources.diag(
                    codes::CLOSURE,
                    span,
                    format!("a closure that reassigns the captured variable `{}` is not supported yet", locals[c].name),
                    "",
                    Some("mutate it in place, or return the new value from the closure".into()),
                ));
            }
            env_exprs.push(local);
            env_tys.push(t.clone());
            map.push((c, i, t, false));
        }
    }
    let env_ty = if env_tys.is_empty() { Ty::Unit } else { Ty::Tuple(env_tys.clone()) };
    // The lifted body shares the enclosing local numbering (closure bodies use it), plus its own params.
    let mut body_locals: Vec<Local> = locals.iter().map(|l| Local { name: l.name.clone(), ty: l.ty.clone(), boxed: false }).collect();
    // The environment is passed by `&mut` so a closure's own state (a `move` capture it mutates)
    // persists across calls.
    let env_param_ty = if env_tys.is_empty() { Ty::Unit } else { Ty::Ref(true, Box::new(env_ty.clone())) };
    let env_local = body_locals.len();
    body_locals.push(Local { name: "env".into(), ty: env_param_ty.clone(), boxed: false });
    let mut params = vec![env_local];
    let mut prologue = Vec::new();
    let mut param_tys = Vec::new();
    for p in &cl.params {
        let t = p.ty.clone();
        let l = body_locals.len();
        body_locals.push(Local { name: "arg".into(), ty: t.clone(), boxed: false });
        params.push(l);
        param_tys.push(t.clone());
        prologue.push(Stmt::Let(p.clone(), Some(TExpr { kind: ExprKind::Local(l), ty: t, span: p.span.clone() })));
    }
    let mut body = *cl.body;
    walk_expr(&mut Rewrite { env_local, env_ty: env_ty.clone(), map }, &mut body);
    let ret = body.ty.clone();
    let mut expr = TExpr { kind: ExprKind::Block(prologue, Some(Box::new(body))), ty: ret.clone(), span: span.clone() };
    let lifted = ck.program.fns.len();
    let mut def = ck.program.fns.iter().find(|f| f.name == fn_name).cloned().unwrap_or_else(|| ck.program.fns[0].clone());
    def.name = format!("{fn_name}::{{closure#{id}}}");
    def.generics.clear();
    def.impl_id = None;
    def.trait_id = None;
    ck.program.fns.push(def);
    let mut all_params = vec![env_param_ty.clone()];
    all_params.extend(param_tys.iter().cloned());
    ck.sigs.push(super::FnSig { fn_bounds: vec![], item_bounds: vec![], self_kind: super::SelfKind::None, params: all_params, ret: ret.clone() });
    ck.closure_info.insert(id, ClosureInfo { params: param_tys, ret: ret.clone(), env: env_tys, lifted, is_move });
    // Closures inside this closure.
    let name = format!("{fn_name}::{{closure#{id}}}");
    lift_closures(ck, &mut body_locals, &mut expr, &name, is_prelude, errors);
    let mut lifted_body = Body { params, locals: body_locals, ret, expr, is_prelude };
    super::expr::mark_boxed_locals_pub(&mut lifted_body);
    ck.bodies.insert(lifted, lifted_body);
    env_exprs
}
