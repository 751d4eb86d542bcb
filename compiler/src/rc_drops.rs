//! Drop elaboration for `Rc`/`Weak` counts. Runs on the typed IR after `gc_borrows`, and only when the
//! program observes counts (`Rc::strong_count`, `Rc::weak_count`, `Weak::upgrade`, ...): otherwise no
//! count is ever read and nothing needs tracking.
//!
//! Rust drops a value holding an `Rc` at precise points; this pass makes them explicit with
//! `Std("rc.drop", [value])` (drop glue, see `lower::rc_drops_glue`):
//! - an owned local (a `let`/pattern binding, a parameter, a closure parameter) is dropped at the end of
//!   its scope, and before a `return`/`break`/`continue` leaves it, unless it was moved out: each such
//!   local has a drop flag (a `bool` local) set when it is initialized and cleared when it is moved
//!   (read by value: `let`, assignment, call argument, constructor field, `return`, a consuming std
//!   method such as `push`/`unwrap`/`insert`, a `match` binding by value);
//! - a temporary (an owned value used only by reference, e.g. `w.upgrade().is_some()`) is dropped at the
//!   end of its statement;
//! - an assignment drops the overwritten value (`rc.assign` for places other than owned locals).
//! Moving such a value out of a field or an element (a partial move) is refused with W0104, since its
//! drop could not be tracked exactly.

use crate::collections::CollKind;
use crate::diagnostics::{codes, Diagnostic, Span};
use crate::tir::{Closure, ExprKind, Local, LocalId, PatKind, Stmt, TExpr, TPat};
use crate::typeck::Checked;
use crate::types::Ty;
use std::collections::HashMap;

/// Ops whose result is a view of existing storage (not an owned value).
const PLACE_OPS: &[&str] = &["box.deref", "rc.deref", "cell.as_gc", "coll.reverse_get", "coll.index", "deque.index", "gc.rc.borrow", "gc.rc.borrow_mut", "gc.rc.check", "gc.rc.check_mut"];

/// `Option`/`Result` methods taking `self` by value.
const BY_VALUE_RECEIVER: &[&str] = &[
    "unwrap", "expect", "unwrap_or", "unwrap_or_default", "unwrap_or_else", "map", "and_then", "or_else", "or", "ok_or", "ok_or_else", "filter", "map_or", "map_or_else", "is_some_and", "is_none_or", "flatten", "zip", "xor", "and", "unwrap_err", "expect_err", "ok", "err", "map_err", "is_ok_and", "is_err_and",
];

/// Which arguments of a std op are moved into it (receivers of by-value methods, stored values).
fn consumed_args(op: &str) -> &'static [usize] {
    match op {
        "vec.push" | "coll.insert" | "deque.push_back" | "deque.push_front" | "heap.push" | "cell.set" | "cell.replace" | "gc.rc.set" | "gc.rc.replace" | "mem.replace" | "opt.insert" | "opt.replace" | "opt.get_or_insert" | "vec.extend" | "coll.extend" | "coll.entry" => &[1, 2],
        "vec.insert" => &[2],
        "vec.from_array" | "box.new" | "rc.new" | "cell.new" | "cell.refcell_new" | "gc.new" | "mem.drop" | "coll.from_vec" | "iter.collect_vec" | "seq.into_iter" | "coll.items_keys" | "coll.items_vals" | "coll.items_pairs" | "coll.items_elems" | "heap.into_vec" | "heap.into_sorted_vec" => &[0],
        "coll.entry_or_insert" => &[1, 2],
        "coll.entry_or_default" | "coll.entry_or_insert_with" | "coll.entry_and_modify" => &[1],
        _ => {
            if let Some(m) = op.strip_prefix("opt.").or_else(|| op.strip_prefix("res.")) {
                if BY_VALUE_RECEIVER.contains(&m) {
                    return &[0, 1];
                }
            }
            &[]
        }
    }
}

pub fn instrument(ck: &mut Checked) -> Result<(), Vec<Diagnostic>> {
    let mut bodies = std::mem::take(&mut ck.bodies);
    let observed = bodies.values_mut().any(|b| observes(&b.expr));
    let mut errors = Vec::new();
    if observed {
        // A plain closure's environment shares the captured values (they are borrowed, not owned), so its
        // drop must not release them: capturing a value holding an `Rc` is refused there. A `move` closure
        // owns its environment: the captured variables are moved into it and dropping it releases them.
        let mut infos: Vec<(usize, Vec<Ty>)> = ck.closure_info.values().filter(|i| !i.is_move).map(|i| (i.lifted, i.env.clone())).collect();
        infos.sort_by_key(|(l, _)| *l);
        for (lifted, env) in infos {
            let Some(b) = bodies.get_mut(&lifted) else { continue };
            let mut cx = Cx { ck, locals: &mut b.locals, scopes: Vec::new(), temps: Vec::new(), loops: Vec::new(), flags: HashMap::new(), errors: Vec::new(), memo: HashMap::new() };
            if env.iter().any(|t| cx.has_rc(t)) {
                let sp = b.expr.span.clone();
                cx.err(&sp, "a closure capturing a value holding an `Rc` is not supported");
                errors.extend(cx.errors);
            }
        }
        let mut keys: Vec<usize> = bodies.keys().copied().collect();
        keys.sort();
        for k in keys {
            let body = bodies.get_mut(&k).unwrap();
            if body.is_prelude {
                continue;
            }
            let mut cx = Cx { ck, locals: &mut body.locals, scopes: Vec::new(), temps: Vec::new(), loops: Vec::new(), flags: HashMap::new(), errors: Vec::new(), memo: HashMap::new() };
            cx.run(&body.params, &mut body.expr);
            errors.extend(cx.errors);
        }
    }
    ck.bodies = bodies;
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

fn observes(e: &TExpr) -> bool {
    struct Finder(bool);
    impl crate::tir_walk::Visitor for Finder {
        fn expr(&mut self, e: &mut TExpr) {
            if let ExprKind::Std(op, _) = &e.kind {
                if matches!(*op, "rc.strong_count" | "rc.weak_count" | "rc.weak_strong_count" | "rc.weak_weak_count" | "rc.upgrade") {
                    self.0 = true;
                }
            }
        }
    }
    let mut f = Finder(false);
    let mut e = e.clone();
    crate::tir_walk::walk_expr(&mut f, &mut e);
    f.0
}

fn mk(kind: ExprKind, ty: Ty, span: &Span) -> TExpr {
    TExpr { kind, ty, span: span.clone() }
}

struct Cx<'a, 'b> {
    ck: &'a Checked,
    locals: &'b mut Vec<Local>,
    /// Owned locals per open scope (innermost last).
    scopes: Vec<Vec<LocalId>>,
    /// Temporaries per open statement (innermost last).
    temps: Vec<Vec<LocalId>>,
    /// Open loops: label, scope depth and temp depth at the loop.
    loops: Vec<(usize, usize, usize)>,
    /// Drop flag of each owned local.
    flags: HashMap<LocalId, LocalId>,
    errors: Vec<Diagnostic>,
    memo: HashMap<Ty, bool>,
}

impl Cx<'_, '_> {
    /// Whether dropping a value of `t` changes a reference count.
    fn has_rc(&mut self, t: &Ty) -> bool {
        if let Some(&b) = self.memo.get(t) {
            return b;
        }
        self.memo.insert(t.clone(), false);
        let r = match t {
            Ty::Coll(CollKind::Rc | CollKind::Weak, _) => true,
            Ty::Coll(CollKind::Entry, _) => false,
            Ty::Coll(_, ts) | Ty::Tuple(ts) => ts.iter().any(|x| self.has_rc(x)),
            Ty::Option(x) | Ty::Vec(x) | Ty::Array(x, _) | Ty::Boxed(x) | Ty::Gc(crate::gc_types::GcKind::Rc, x) => self.has_rc(x),
            Ty::Result(a, b) => self.has_rc(a) || self.has_rc(b),
            Ty::DynTrait(_) | Ty::DynFn(..) => {
                let entries: Vec<Ty> = self.ck.dyn_tables.iter().filter(|d| d.key == *t).flat_map(|d| d.entries.iter().map(|e| e.0.clone())).collect();
                entries.iter().any(|x| self.has_rc(x))
            }
            Ty::Adt(a, args) => {
                let n = self.ck.program.adts[*a].variants.len();
                (0..n).any(|v| self.ck.variant_fields(*a, args, v).iter().any(|x| self.has_rc(x)))
            }
            _ => false,
        };
        self.memo.insert(t.clone(), r);
        r
    }

    fn err(&mut self, span: &Span, msg: &str) {
        let d = self.ck.program.sources.diag(codes::UNSUPPORTED_EXPR, span, msg.to_string(), "", Some("the program reads `Rc` counts, which requires exact drop tracking; clone the value or restructure".to_string()));
        if !self.errors.iter().any(|e| e.line == d.line && e.col == d.col) {
            self.errors.push(d);
        }
    }

    fn new_local(&mut self, name: &str, ty: Ty) -> LocalId {
        self.locals.push(Local { name: name.to_string(), ty, boxed: false });
        self.locals.len() - 1
    }

    fn set_flag(&self, flag: LocalId, v: bool, span: &Span) -> Stmt {
        Stmt::Expr(mk(ExprKind::Assign(Box::new(mk(ExprKind::Local(flag), Ty::Bool, span)), Box::new(mk(ExprKind::Bool(v), Ty::Bool, span))), Ty::Unit, span))
    }

    /// Makes `l` an owned local of the innermost scope; returns the statement setting its flag.
    fn own(&mut self, l: LocalId, span: &Span) -> Stmt {
        let flag = self.new_local("__rc_flag", Ty::Bool);
        self.flags.insert(l, flag);
        if let Some(s) = self.scopes.last_mut() {
            s.push(l);
        }
        self.set_flag(flag, true, span)
    }

    /// `if flag { drop(l); flag = false }` for owned local `l`.
    fn drop_owned(&self, l: LocalId, span: &Span) -> Stmt {
        let flag = self.flags[&l];
        let t = self.locals[l].ty.clone();
        let d = mk(ExprKind::Std("rc.drop", vec![mk(ExprKind::Local(l), t, span)]), Ty::Unit, span);
        let body = mk(ExprKind::Block(vec![Stmt::Expr(d), self.set_flag(flag, false, span)], None), Ty::Unit, span);
        Stmt::Expr(mk(ExprKind::If(Box::new(mk(ExprKind::Local(flag), Ty::Bool, span)), Box::new(body), None), Ty::Unit, span))
    }

    fn drop_temp(&self, l: LocalId, span: &Span) -> Stmt {
        let t = self.locals[l].ty.clone();
        Stmt::Expr(mk(ExprKind::Std("rc.drop_temp", vec![mk(ExprKind::Local(l), t, span)]), Ty::Unit, span))
    }

    /// Owned locals bound by value in `p` (bindings of values holding an `Rc`).
    fn bound_owned(&mut self, p: &TPat, out: &mut Vec<LocalId>) {
        match &p.kind {
            PatKind::Bind(l, sub) => {
                let t = self.locals[*l].ty.clone();
                if self.has_rc(&t) {
                    out.push(*l);
                }
                if let Some(s) = sub {
                    self.bound_owned(s, out);
                }
            }
            PatKind::Tuple(ps) | PatKind::Or(ps) => ps.iter().for_each(|q| self.bound_owned(q, out)),
            PatKind::Struct(_, fs) | PatKind::Variant(_, fs) => fs.iter().for_each(|(_, q)| self.bound_owned(q, out)),
            PatKind::Deref(s) => self.bound_owned(s, out),
            PatKind::Slice(a, rest, b) => {
                a.iter().chain(b.iter()).for_each(|q| self.bound_owned(q, out));
                if let Some(r) = rest {
                    self.bound_owned(r, out);
                }
            }
            _ => {}
        }
    }

    fn run(&mut self, params: &[LocalId], body: &mut TExpr) {
        self.scopes.push(Vec::new());
        let span = body.span.clone();
        let mut pre = Vec::new();
        for &p in params {
            let t = self.locals[p].ty.clone();
            if self.has_rc(&t) {
                pre.push(self.own(p, &span));
            }
        }
        self.temps.push(Vec::new());
        self.expr(body, true);
        let temps = self.temps.pop().unwrap_or_default();
        let owned = self.scopes.pop().unwrap_or_default();
        let mut after: Vec<Stmt> = owned.iter().rev().map(|l| self.drop_owned(*l, &span)).collect();
        after.extend(temps.iter().map(|t| self.drop_temp(*t, &span)));
        self.wrap(body, pre, after);
    }

    /// `e` becomes `{ pre; let t = e; after; t }`.
    fn wrap(&mut self, e: &mut TExpr, pre: Vec<Stmt>, after: Vec<Stmt>) {
        if pre.is_empty() && after.is_empty() {
            return;
        }
        let inner = std::mem::replace(e, mk(ExprKind::Unit, Ty::Unit, &Span::default()));
        let ty = inner.ty.clone();
        let span = inner.span.clone();
        let mut stmts = pre;
        let tail = if matches!(ty, Ty::Unit | Ty::Never) {
            stmts.push(Stmt::Expr(inner));
            None
        } else {
            let t = self.new_local("__rc_val", ty.clone());
            stmts.push(Stmt::Let(TPat { kind: PatKind::Bind(t, None), ty: ty.clone(), span: span.clone() }, Some(inner)));
            Some(Box::new(mk(ExprKind::Local(t), ty.clone(), &span)))
        };
        stmts.extend(after);
        *e = mk(ExprKind::Block(stmts, tail), ty, &span);
    }

    /// Drops of everything owned from scope depth `scope` and temp depth `temp` on (an early exit).
    fn exit_drops(&self, scope: usize, temp: usize, span: &Span) -> Vec<Stmt> {
        let mut out = Vec::new();
        for s in self.scopes[scope.min(self.scopes.len())..].iter().rev() {
            for l in s.iter().rev() {
                out.push(self.drop_owned(*l, span));
            }
        }
        for ts in &self.temps[temp.min(self.temps.len())..] {
            for t in ts {
                out.push(self.drop_temp(*t, span));
            }
        }
        out
    }

    /// A statement-level expression: its temporaries are dropped after it.
    fn statement(&mut self, e: &mut TExpr, consume_value: bool) -> Vec<Stmt> {
        self.temps.push(Vec::new());
        self.expr(e, consume_value);
        let temps = self.temps.pop().unwrap_or_default();
        temps.iter().map(|t| self.drop_temp(*t, &e.span)).collect()
    }

    /// Registers owned value `e` (used by reference) as a temporary of the current statement.
    fn make_temp(&mut self, e: &mut TExpr) {
        let ty = e.ty.clone();
        let span = e.span.clone();
        let t = self.new_local("__rc_temp", ty.clone());
        if let Some(top) = self.temps.last_mut() {
            top.push(t);
        }
        let inner = std::mem::replace(e, mk(ExprKind::Unit, Ty::Unit, &span));
        let pat = TPat { kind: PatKind::Bind(t, None), ty: ty.clone(), span: span.clone() };
        *e = mk(ExprKind::Block(vec![Stmt::Let(pat, Some(inner))], Some(Box::new(mk(ExprKind::Local(t), ty.clone(), &span)))), ty, &span);
    }

    fn is_owned_value(&self, e: &TExpr) -> bool {
        match &e.kind {
            ExprKind::Local(_) | ExprKind::Field(..) | ExprKind::Index(..) | ExprKind::Deref(_) | ExprKind::Unit => false,
            ExprKind::Std(op, _) => !PLACE_OPS.contains(op),
            _ => true,
        }
    }

    /// Visits `e`. `consume`: its value is moved into its consumer (else it is used by reference).
    fn expr(&mut self, e: &mut TExpr, consume: bool) {
        let rc = self.has_rc(&e.ty.clone());
        let span = e.span.clone();
        match &mut e.kind {
            ExprKind::Local(l) => {
                if consume && rc {
                    if let Some(&flag) = self.flags.get(l) {
                        let inner = std::mem::replace(e, mk(ExprKind::Unit, Ty::Unit, &span));
                        let ty = inner.ty.clone();
                        *e = mk(ExprKind::Block(vec![self.set_flag(flag, false, &span)], Some(Box::new(inner))), ty, &span);
                    }
                }
                return;
            }
            ExprKind::Field(b, _) | ExprKind::Index(b, _) | ExprKind::Deref(b) => {
                if consume && rc {
                    self.err(&span, "moving a value holding an `Rc` out of a field, element or reference is not supported");
                }
                self.expr(b, false);
                if let ExprKind::Index(_, i) = &mut e.kind {
                    self.expr(i, true);
                }
                return;
            }
            ExprKind::AddrOf(_, b) => {
                self.expr(b, false);
                return;
            }
            ExprKind::Block(stmts, tail) => {
                self.scopes.push(Vec::new());
                let old = std::mem::take(stmts);
                let mut out = Vec::new();
                for s in old {
                    match s {
                        Stmt::Let(p, Some(mut init)) => {
                            let mut owned = Vec::new();
                            self.bound_owned(&p, &mut owned);
                            // `let _ = value;` binds nothing: the value is a temporary of the statement
                            let it = init.ty.clone();
                            let moved = !owned.is_empty() || !self.has_rc(&it) || !matches!(p.kind, PatKind::Wild);
                            let after = self.statement(&mut init, moved);
                            out.push(Stmt::Let(p, Some(init)));
                            for l in owned {
                                out.push(self.own(l, &span));
                            }
                            out.extend(after);
                        }
                        Stmt::Let(p, None) => {
                            let mut owned = Vec::new();
                            self.bound_owned(&p, &mut owned);
                            out.push(Stmt::Let(p, None));
                            for l in owned {
                                // declared now, initialized by a later assignment (which sets the flag)
                                let flag = self.new_local("__rc_flag", Ty::Bool);
                                self.flags.insert(l, flag);
                                if let Some(s) = self.scopes.last_mut() {
                                    s.push(l);
                                }
                            }
                        }
                        Stmt::Expr(mut x) => {
                            let after = self.statement(&mut x, false);
                            // an unused owned value is dropped right away (a temporary of the statement)
                            out.push(Stmt::Expr(x));
                            out.extend(after);
                        }
                    }
                }
                if let Some(t) = tail {
                    self.expr(t, consume);
                }
                let owned = self.scopes.pop().unwrap_or_default();
                let drops: Vec<Stmt> = owned.iter().rev().map(|l| self.drop_owned(*l, &span)).collect();
                *stmts = out;
                if !drops.is_empty() {
                    match tail.take() {
                        Some(mut t) if !matches!(t.ty, Ty::Unit | Ty::Never) => {
                            self.wrap(&mut t, vec![], drops);
                            *tail = Some(t);
                        }
                        Some(t) => {
                            stmts.push(Stmt::Expr(*t));
                            stmts.extend(drops);
                        }
                        None => stmts.extend(drops),
                    }
                }
                return;
            }
            ExprKind::LetElse(p, init, els) => {
                self.expr(init, true);
                self.expr(els, true);
                let mut owned = Vec::new();
                let p2 = (**p).clone();
                self.bound_owned(&p2, &mut owned);
                if !owned.is_empty() {
                    // bindings live in the enclosing block: set their flags right after
                    let sets: Vec<Stmt> = owned.iter().map(|l| self.own(*l, &span)).collect();
                    let inner = std::mem::replace(e, mk(ExprKind::Unit, Ty::Unit, &span));
                    let mut stmts = vec![Stmt::Expr(inner)];
                    stmts.extend(sets);
                    *e = mk(ExprKind::Block(stmts, None), Ty::Unit, &span);
                    // the block above must not become a scope of its own: its flags belong to the parent
                }
                return;
            }
            ExprKind::Assign(lhs, rhs) => {
                let lt = lhs.ty.clone();
                self.expr(rhs, true);
                if self.has_rc(&lt) {
                    if let ExprKind::Local(l) = lhs.kind {
                        if let Some(&flag) = self.flags.get(&l) {
                            // `if flag { drop(l) }; l = rhs; flag = true` (rhs evaluated first)
                            let rhs_e = std::mem::replace(&mut **rhs, mk(ExprKind::Unit, Ty::Unit, &span));
                            let tmp = self.new_local("__rc_new", lt.clone());
                            let pat = TPat { kind: PatKind::Bind(tmp, None), ty: lt.clone(), span: span.clone() };
                            let assign = mk(ExprKind::Assign(Box::new(mk(ExprKind::Local(l), lt.clone(), &span)), Box::new(mk(ExprKind::Local(tmp), lt.clone(), &span))), Ty::Unit, &span);
                            let stmts = vec![Stmt::Let(pat, Some(rhs_e)), self.drop_owned(l, &span), Stmt::Expr(assign), self.set_flag(flag, true, &span)];
                            *e = mk(ExprKind::Block(stmts, None), Ty::Unit, &span);
                            return;
                        }
                    }
                    self.expr(lhs, false);
                    let (l2, r2) = match std::mem::replace(&mut e.kind, ExprKind::Unit) {
                        ExprKind::Assign(a, b) => (*a, *b),
                        _ => unreachable!(),
                    };
                    e.kind = ExprKind::Std("rc.assign", vec![l2, r2]);
                    return;
                }
                self.expr(lhs, false);
                return;
            }
            ExprKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v, true);
                }
                let drops = self.exit_drops(0, 0, &span);
                self.before_exit(e, drops);
                return;
            }
            ExprKind::Break(label, v) => {
                let label = *label;
                if let Some(v) = v {
                    self.expr(v, true);
                }
                let (sd, td) = self.loops.iter().rev().find(|(l, _, _)| *l == label).map(|(_, s, t)| (*s, *t)).unwrap_or((self.scopes.len(), self.temps.len()));
                let drops = self.exit_drops(sd, td, &span);
                self.before_exit(e, drops);
                return;
            }
            ExprKind::Continue(label) => {
                let label = *label;
                let (sd, td) = self.loops.iter().rev().find(|(l, _, _)| *l == label).map(|(_, s, t)| (*s, *t)).unwrap_or((self.scopes.len(), self.temps.len()));
                let drops = self.exit_drops(sd, td, &span);
                self.before_exit(e, drops);
                return;
            }
            ExprKind::Loop(label, body) => {
                let label = *label;
                self.loops.push((label, self.scopes.len(), self.temps.len()));
                self.scoped_stmt(body);
                self.loops.pop();
            }
            ExprKind::While(label, c, body) => {
                let label = *label;
                self.loops.push((label, self.scopes.len(), self.temps.len()));
                self.scoped_stmt(c);
                self.scoped_stmt(body);
                self.loops.pop();
            }
            ExprKind::For(label, pat, it, body) => {
                let label = *label;
                self.expr(it, true);
                self.loops.push((label, self.scopes.len(), self.temps.len()));
                let mut owned = Vec::new();
                let p2 = (**pat).clone();
                self.bound_owned(&p2, &mut owned);
                self.scopes.push(Vec::new());
                let sets: Vec<Stmt> = owned.iter().map(|l| self.own(*l, &span)).collect();
                self.temps.push(Vec::new());
                self.expr(body, false);
                let temps = self.temps.pop().unwrap_or_default();
                let scope = self.scopes.pop().unwrap_or_default();
                let mut after: Vec<Stmt> = temps.iter().map(|t| self.drop_temp(*t, &span)).collect();
                after.extend(scope.iter().rev().map(|l| self.drop_owned(*l, &span)));
                self.wrap(body, sets, after);
                self.loops.pop();
            }
            ExprKind::If(c, t, f) => {
                self.scoped_stmt(c);
                self.expr(t, consume);
                if let Some(f) = f {
                    self.expr(f, consume);
                }
            }
            ExprKind::Match(s, arms) => {
                // by-value bindings of `Rc` parts move them out of the scrutinee
                let mut moves = false;
                for a in arms.iter() {
                    let mut owned = Vec::new();
                    self.bound_owned(&a.pat, &mut owned);
                    moves |= !owned.is_empty();
                }
                let scrut_local = match &s.kind {
                    ExprKind::Local(l) if moves => Some(*l),
                    _ => None,
                };
                if moves && self.is_owned_value(s) {
                    self.expr(s, true);
                } else {
                    if moves && scrut_local.is_none() && self.has_rc(&s.ty.clone()) {
                        let sp = s.span.clone();
                        self.err(&sp, "moving a value holding an `Rc` out of a field or reference by a pattern is not supported");
                    }
                    self.expr(s, false);
                }
                for a in arms.iter_mut() {
                    let mut owned = Vec::new();
                    self.bound_owned(&a.pat, &mut owned);
                    if let Some(g) = &mut a.guard {
                        self.expr(g, false);
                    }
                    self.scopes.push(Vec::new());
                    let mut sets: Vec<Stmt> = owned.iter().map(|l| self.own(*l, &span)).collect();
                    if !owned.is_empty() {
                        if let Some(sl) = scrut_local {
                            if let Some(&flag) = self.flags.get(&sl) {
                                sets.insert(0, self.set_flag(flag, false, &span));
                            }
                        }
                    }
                    self.expr(&mut a.body, consume);
                    let scope = self.scopes.pop().unwrap_or_default();
                    let after: Vec<Stmt> = scope.iter().rev().map(|l| self.drop_owned(*l, &span)).collect();
                    self.wrap(&mut a.body, sets, after);
                }
            }
            ExprKind::Call(_, args) | ExprKind::CallInst(_, _, args) | ExprKind::Tuple(args) | ExprKind::Array(args) | ExprKind::Variant(_, args) => {
                for a in args.iter_mut() {
                    self.expr(a, true);
                }
            }
            // The value moves into the trait object.
            ExprKind::ToDyn(_, _, inner) => self.expr(inner, true),
            ExprKind::DynCall(_, _, args) => {
                for (i, a) in args.iter_mut().enumerate() {
                    self.expr(a, i > 0);
                }
            }
            ExprKind::CallRef(c, args) => {
                self.expr(c, false);
                for a in args.iter_mut() {
                    self.expr(a, true);
                }
            }
            ExprKind::Struct(_, fields, base) => {
                for x in fields.iter_mut().flatten() {
                    self.expr(x, true);
                }
                if let Some(b) = base {
                    if self.has_rc(&b.ty.clone()) {
                        let sp = b.span.clone();
                        self.err(&sp, "struct update syntax with a value holding an `Rc` is not supported");
                    }
                    self.expr(b, false);
                }
            }
            ExprKind::ArrayRepeat(a, _) => self.expr(a, true),
            ExprKind::Std(op, args) => {
                let op: &'static str = op;
                let consumed = consumed_args(op);
                for (i, a) in args.iter_mut().enumerate() {
                    self.expr(a, consumed.contains(&i));
                }
            }
            ExprKind::IterSource(kind, args) => {
                let owned_src = *kind == "seq_owned";
                for a in args.iter_mut() {
                    self.expr(a, owned_src);
                }
            }
            ExprKind::StdClosure(op, args, cls) => {
                let op: &'static str = op;
                let consumed = consumed_args(op);
                for (i, a) in args.iter_mut().enumerate() {
                    self.expr(a, consumed.contains(&i));
                }
                for c in cls.iter_mut() {
                    self.closure(c);
                }
            }
            ExprKind::IterAdapt(_, base, args, cl) => {
                self.expr(base, true);
                for a in args.iter_mut() {
                    self.expr(a, false);
                }
                if let Some(c) = cl {
                    self.closure(c);
                }
            }
            ExprKind::Unary(_, a) | ExprKind::Cast(a) | ExprKind::Panic(a) => self.expr(a, false),
            ExprKind::Unerase(a) => self.expr(a, false),
            ExprKind::Binary(_, a, b) | ExprKind::CompoundAssign(_, a, b) => {
                self.expr(a, false);
                self.expr(b, false);
            }
            ExprKind::Format(_, args) => {
                for a in args.iter_mut() {
                    self.expr(a, false);
                }
            }
            ExprKind::SliceRange(a, b, c, _) => {
                self.expr(a, false);
                if let Some(b) = b {
                    self.expr(b, false);
                }
                if let Some(c) = c {
                    self.expr(c, false);
                }
            }
            ExprKind::Range(a, b, _) => {
                if let Some(a) = a {
                    self.expr(a, true);
                }
                if let Some(b) = b {
                    self.expr(b, true);
                }
            }
            _ => {}
        }
        // An owned value used by reference lives until the end of its statement.
        if rc && !consume && self.is_owned_value(e) && !matches!(e.kind, ExprKind::Block(..) | ExprKind::If(..) | ExprKind::Match(..) | ExprKind::Loop(..)) {
            self.make_temp(e);
        }
    }

    /// A condition or loop body: its own temporaries (and a scope for its bindings).
    fn scoped_stmt(&mut self, e: &mut TExpr) {
        self.scopes.push(Vec::new());
        let after = self.statement(e, false);
        let scope = self.scopes.pop().unwrap_or_default();
        let span = e.span.clone();
        let mut all = after;
        all.extend(scope.iter().rev().map(|l| self.drop_owned(*l, &span)));
        self.wrap(e, vec![], all);
    }

    fn closure(&mut self, c: &mut Closure) {
        let mut owned = Vec::new();
        for p in &c.params {
            self.bound_owned(p, &mut owned);
        }
        self.scopes.push(Vec::new());
        let span = c.body.span.clone();
        let sets: Vec<Stmt> = owned.iter().map(|l| self.own(*l, &span)).collect();
        self.temps.push(Vec::new());
        self.expr(&mut c.body, true);
        let temps = self.temps.pop().unwrap_or_default();
        let scope = self.scopes.pop().unwrap_or_default();
        let mut after: Vec<Stmt> = temps.iter().map(|t| self.drop_temp(*t, &span)).collect();
        after.extend(scope.iter().rev().map(|l| self.drop_owned(*l, &span)));
        self.wrap(&mut c.body, sets, after);
    }

    /// `return v` / `break v` become `{ let t = v; drops; return t }`.
    fn before_exit(&mut self, e: &mut TExpr, drops: Vec<Stmt>) {
        if drops.is_empty() {
            return;
        }
        let span = e.span.clone();
        let mut stmts = Vec::new();
        match &mut e.kind {
            ExprKind::Return(Some(v)) | ExprKind::Break(_, Some(v)) if !matches!(v.ty, Ty::Unit | Ty::Never) => {
                let ty = v.ty.clone();
                let t = self.new_local("__rc_ret", ty.clone());
                let inner = std::mem::replace(&mut **v, mk(ExprKind::Local(t), ty.clone(), &span));
                stmts.push(Stmt::Let(TPat { kind: PatKind::Bind(t, None), ty: ty.clone(), span: span.clone() }, Some(inner)));
            }
            _ => {}
        }
        stmts.extend(drops);
        let inner = std::mem::replace(e, mk(ExprKind::Unit, Ty::Unit, &span));
        let ty = inner.ty.clone();
        *e = mk(ExprKind::Block(stmts, Some(Box::new(inner))), ty, &span);
    }
}
