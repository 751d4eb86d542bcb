//! `GcRc` borrow guards: `RefCell`'s rules in WasmGC. Runs on the typed IR after type checking.
//!
//! `rc.borrow()` / `rc.borrow_mut()` (and `try_borrow*`) are `Std("gc.rc.borrow"/"gc.rc.borrow_mut", [rc])`: they check and set
//! the cell's borrow flag. Natively the returned guard (`Ref`/`RefMut`) clears it when dropped; this pass
//! gives each borrow site a guard local (`[rc, Local(guard)]`) and inserts `gc.rc.release_*` where Rust drops
//! the guard: at the end of the enclosing statement (temporaries), of an `if`/`while` condition, of the
//! block for a guard kept by a `let` of a reference, and before `return`/`break`/`continue` leave its scope.
//! A release of a guard that was not taken on the path (a null guard local) does nothing, so releasing
//! every guard of a scope at each of its exits is exact.

use crate::tir::{Body, Closure, ExprKind, LocalId, Local, PatKind, Stmt, TExpr, TPat};
use crate::typeck::Checked;
use crate::types::Ty;

/// Instruments every body that borrows a `GcRc`.
pub fn instrument(ck: &mut Checked) {
    for body in ck.bodies.values_mut() {
        instrument_body(body);
    }
}

fn instrument_body(body: &mut Body) {
    let mut cx = Cx { locals: &mut body.locals, kept_by: Default::default(), scopes: vec![Vec::new()], loops: Vec::new() };
    cx.visit(&mut body.expr);
    let guards = cx.scopes.pop().unwrap_or_default();
    cx.wrap_releases(&mut body.expr, guards);
}

/// A guard: its local and whether it is a mutable borrow.
type Guard = (LocalId, bool);

struct Cx<'b> {
    locals: &'b mut Vec<Local>,
    /// Guards kept alive by a `let` binding (released early by `drop(binding)`).
    kept_by: std::collections::HashMap<LocalId, Vec<Guard>>,
    /// Guards per open scope (innermost last).
    scopes: Vec<Vec<Guard>>,
    /// Open loops: label and the scope depth at the loop (guards above it are left by break/continue).
    loops: Vec<(usize, usize)>,
}

fn mk(kind: ExprKind, ty: Ty, like: &TExpr) -> TExpr {
    TExpr { kind, ty, span: like.span.clone() }
}

impl Cx<'_> {
    fn new_local(&mut self, name: &str, ty: Ty) -> LocalId {
        self.locals.push(Local { name: name.to_string(), ty, boxed: false });
        self.locals.len() - 1
    }

    fn release(&self, g: Guard, like: &TExpr) -> Stmt {
        let ty = self.locals[g.0].ty.clone();
        let op = if g.1 { "gc.rc.release_mut" } else { "gc.rc.release" };
        Stmt::Expr(mk(ExprKind::Std(op, vec![mk(ExprKind::Local(g.0), ty, like)]), Ty::Unit, like))
    }

    /// `e` becomes `{ let t = e; release(guards); t }` (the value is kept while the guards are released).
    fn wrap_releases(&mut self, e: &mut TExpr, guards: Vec<Guard>) {
        if guards.is_empty() {
            return;
        }
        let inner = std::mem::replace(e, TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: e.span.clone() });
        let ty = inner.ty.clone();
        let mut stmts = Vec::new();
        let tail = if matches!(ty, Ty::Unit | Ty::Never) {
            stmts.push(Stmt::Expr(inner.clone()));
            None
        } else {
            let t = self.new_local("__gc_tmp", ty.clone());
            let pat = TPat { kind: PatKind::Bind(t, None), ty: ty.clone(), span: inner.span.clone() };
            stmts.push(Stmt::Let(pat, Some(inner.clone())));
            Some(Box::new(mk(ExprKind::Local(t), ty.clone(), &inner)))
        };
        for g in guards {
            stmts.push(self.release(g, &inner));
        }
        *e = mk(ExprKind::Block(stmts, tail), ty, &inner);
    }

    /// Visits `e` as its own temporary scope and releases the guards created in it afterwards.
    fn scoped(&mut self, e: &mut TExpr) {
        self.scopes.push(Vec::new());
        self.visit(e);
        let guards = self.scopes.pop().unwrap_or_default();
        self.wrap_releases(e, guards);
    }

    /// Releases `guards` before the exit `e` (a `return`/`break`/`continue`) runs; its value first.
    fn before_exit(&mut self, e: &mut TExpr, guards: Vec<Guard>) {
        if guards.is_empty() {
            return;
        }
        let exit = std::mem::replace(e, TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: e.span.clone() });
        let ty = exit.ty.clone();
        let span = exit.span.clone();
        let mut stmts = Vec::new();
        // The exit's value is computed before the guards are released.
        let (label, value) = match exit.kind {
            ExprKind::Return(v) => (None, v),
            ExprKind::Break(l, v) => (Some(l), v),
            other => (None, Some(Box::new(TExpr { kind: other, ty: ty.clone(), span: span.clone() }))),
        };
        let is_exit_value = matches!(&value, Some(v) if !matches!(v.kind, ExprKind::Continue(_)));
        let kind = match value {
            Some(v) if is_exit_value && !matches!(v.ty, Ty::Unit | Ty::Never) => {
                let t = self.new_local("__gc_ret", v.ty.clone());
                let vt = v.ty.clone();
                let pat = TPat { kind: PatKind::Bind(t, None), ty: vt.clone(), span: v.span.clone() };
                let local = Box::new(mk(ExprKind::Local(t), vt, &v));
                stmts.push(Stmt::Let(pat, Some(*v)));
                match label {
                    Some(l) => ExprKind::Break(l, Some(local)),
                    None => ExprKind::Return(Some(local)),
                }
            }
            Some(v) if !is_exit_value => v.kind,
            v => match label {
                Some(l) => ExprKind::Break(l, v),
                None => ExprKind::Return(v),
            },
        };
        let like = TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: exit.span.clone() };
        for g in guards {
            stmts.push(self.release(g, &like));
        }
        *e = mk(ExprKind::Block(stmts, Some(Box::new(TExpr { kind, ty: ty.clone(), span: exit.span.clone() }))), ty, &like);
    }

    fn guards_from(&self, depth: usize) -> Vec<Guard> {
        self.scopes[depth.min(self.scopes.len())..].iter().flatten().copied().collect()
    }

    /// Guards of the scopes inside loop `label` (what `break`/`continue` leaves).
    fn guards_left_by(&self, label: usize) -> Vec<Guard> {
        let depth = self.loops.iter().rev().find(|(l, _)| *l == label).map(|(_, d)| *d).unwrap_or(self.scopes.len());
        self.guards_from(depth)
    }

    fn loop_body(&mut self, label: usize, body: &mut TExpr) {
        self.loops.push((label, self.scopes.len()));
        self.scoped(body);
        self.loops.pop();
    }

    fn closure(&mut self, c: &mut Closure) {
        self.scoped(&mut c.body);
    }

    fn visit(&mut self, e: &mut TExpr) {
        let here = TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: e.span.clone() };
        match &mut e.kind {
            // `drop(guard)`: the guard's borrow ends here (its later release at scope end is a no-op).
            ExprKind::Std("mem.drop", args) if matches!(args.first().map(|a| &a.kind), Some(ExprKind::Local(l)) if self.kept_by.contains_key(l)) => {
                let Some(ExprKind::Local(l)) = args.first().map(|a| &a.kind) else { return };
                let guards = self.kept_by.get(l).cloned().unwrap_or_default();
                let inner = std::mem::replace(e, here.clone());
                let mut stmts = vec![Stmt::Expr(inner.clone())];
                for g in guards {
                    stmts.push(self.release(g, &inner));
                }
                *e = mk(ExprKind::Block(stmts, None), Ty::Unit, &inner);
            }
            ExprKind::Std(op, args) if matches!(*op, "gc.rc.borrow" | "gc.rc.borrow_mut" | "gc.rc.try_borrow" | "gc.rc.try_borrow_mut") && args.len() == 1 => {
                let mutable = op.ends_with("_mut");
                self.visit(&mut args[0]);
                let ty = args[0].ty.peel_refs().clone();
                let g = self.new_local("__gc_guard", ty.clone());
                let arg = mk(ExprKind::Local(g), ty, &args[0]);
                args.push(arg);
                if let Some(top) = self.scopes.last_mut() {
                    top.push((g, mutable));
                }
            }
            ExprKind::Block(stmts, tail) => {
                let old = std::mem::take(stmts);
                // Guards kept by `let` bindings live to the end of the block.
                self.scopes.push(Vec::new());
                let mut out = Vec::new();
                for s in old {
                    self.scopes.push(Vec::new());
                    let keeps_guard = match &s {
                        Stmt::Let(_, Some(init)) => extends_guard(init),
                        _ => false,
                    };
                    let mut s = s;
                    match &mut s {
                        Stmt::Let(_, Some(init)) => self.visit(init),
                        Stmt::Let(_, None) => {}
                        Stmt::Expr(x) => self.visit(x),
                    }
                    let guards = self.scopes.pop().unwrap_or_default();
                    let like = match &s {
                        Stmt::Let(p, _) => TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: p.span.clone() },
                        Stmt::Expr(x) => TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: x.span.clone() },
                    };
                    if keeps_guard {
                        if let Stmt::Let(TPat { kind: PatKind::Bind(l, None), .. }, _) = &s {
                            self.kept_by.insert(*l, guards.clone());
                        }
                    }
                    out.push(s);
                    if keeps_guard {
                        if let Some(block) = self.scopes.last_mut() {
                            block.extend(guards);
                        }
                    } else {
                        for g in guards {
                            out.push(self.release(g, &like));
                        }
                    }
                }
                *stmts = out;
                if let Some(t) = tail {
                    self.visit(t);
                }
                let guards = self.scopes.pop().unwrap_or_default();
                if !guards.is_empty() {
                    // Release after the tail value is computed.
                    match tail.take() {
                        Some(t) if !matches!(t.ty, Ty::Unit | Ty::Never) => {
                            let mut t = *t;
                            self.wrap_releases(&mut t, guards);
                            *tail = Some(Box::new(t));
                        }
                        Some(t) => {
                            let like = TExpr { kind: ExprKind::Unit, ty: Ty::Unit, span: t.span.clone() };
                            stmts.push(Stmt::Expr(*t));
                            for g in guards {
                                stmts.push(self.release(g, &like));
                            }
                        }
                        None => {
                            for g in guards {
                                stmts.push(self.release(g, &here));
                            }
                        }
                    }
                }
            }
            ExprKind::If(c, t, f) => {
                self.scoped(c);
                self.visit(t);
                if let Some(f) = f {
                    self.visit(f);
                }
            }
            ExprKind::While(label, c, body) => {
                let label = *label;
                self.loops.push((label, self.scopes.len()));
                self.scoped(c);
                self.scoped(body);
                self.loops.pop();
            }
            ExprKind::Loop(label, body) => {
                let label = *label;
                self.loop_body(label, body);
            }
            ExprKind::For(label, _, it, body) => {
                let label = *label;
                self.visit(it);
                self.loop_body(label, body);
            }
            ExprKind::Return(v) => {
                if let Some(v) = v {
                    self.visit(v);
                }
                let guards = self.guards_from(0);
                self.before_exit(e, guards);
            }
            ExprKind::Break(label, v) => {
                let label = *label;
                if let Some(v) = v {
                    self.visit(v);
                }
                let guards = self.guards_left_by(label);
                self.before_exit(e, guards);
            }
            ExprKind::Continue(label) => {
                let label = *label;
                let guards = self.guards_left_by(label);
                self.before_exit(e, guards);
            }
            ExprKind::StdClosure(_, args, cls) => {
                for a in args.iter_mut() {
                    self.visit(a);
                }
                for c in cls.iter_mut() {
                    self.closure(c);
                }
            }
            ExprKind::IterAdapt(_, base, args, cl) => {
                self.visit(base);
                for a in args.iter_mut() {
                    self.visit(a);
                }
                if let Some(c) = cl {
                    self.closure(c);
                }
            }
            _ => for_each_child(e, &mut |c| self.visit(c)),
        }
    }
}

/// Whether a `let` initializer keeps its borrow guard alive to the end of the block: the guard is the
/// bound value (`let g = rc.borrow_mut();`, `let r = rc.try_borrow();`) or the operand of `&` is a place
/// inside it (`let v = &rc.borrow().items;`), as Rust's temporary lifetime extension; otherwise the guard
/// is a temporary of the `let` statement (`let n = rc.borrow().len();`, `let x = match *rc.borrow() {..}`).
fn extends_guard(init: &TExpr) -> bool {
    match &init.kind {
        ExprKind::Std(op, _) if is_borrow_op(op) => true,
        ExprKind::AddrOf(_, inner) => place_in_guard(inner),
        _ => false,
    }
}

fn place_in_guard(e: &TExpr) -> bool {
    match &e.kind {
        ExprKind::Std(op, _) if is_borrow_op(op) => true,
        ExprKind::Std("box.deref", args) => args.first().is_some_and(place_in_guard),
        ExprKind::Field(b, _) | ExprKind::Index(b, _) | ExprKind::Deref(b) | ExprKind::AddrOf(_, b) => place_in_guard(b),
        _ => false,
    }
}

fn is_borrow_op(op: &str) -> bool {
    matches!(op, "gc.rc.borrow" | "gc.rc.borrow_mut" | "gc.rc.try_borrow" | "gc.rc.try_borrow_mut")
}

/// Calls `f` on each direct child expression of `e` (closures and the kinds `visit` handles itself excepted).
fn for_each_child(e: &mut TExpr, f: &mut dyn FnMut(&mut TExpr)) {
    match &mut e.kind {
        ExprKind::Call(_, args) | ExprKind::Std(_, args) | ExprKind::Tuple(args) | ExprKind::Array(args) | ExprKind::Variant(_, args) | ExprKind::Format(_, args) | ExprKind::IterSource(_, args) => {
            for a in args {
                f(a);
            }
        }
        ExprKind::Unary(_, a) | ExprKind::Cast(a) | ExprKind::Unerase(a) | ExprKind::Field(a, _) | ExprKind::Deref(a) | ExprKind::AddrOf(_, a) | ExprKind::ArrayRepeat(a, _) | ExprKind::Panic(a) => f(a),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(a, b) | ExprKind::CompoundAssign(_, a, b) | ExprKind::Index(a, b) => {
            f(a);
            f(b);
        }
        ExprKind::SliceRange(a, b, c, _) => {
            f(a);
            if let Some(b) = b {
                f(b);
            }
            if let Some(c) = c {
                f(c);
            }
        }
        ExprKind::Range(a, b, _) => {
            if let Some(a) = a {
                f(a);
            }
            if let Some(b) = b {
                f(b);
            }
        }
        ExprKind::Struct(_, fields, base) => {
            for x in fields.iter_mut().flatten() {
                f(x);
            }
            if let Some(b) = base {
                f(b);
            }
        }
        ExprKind::Match(s, arms) => {
            f(s);
            for a in arms {
                if let Some(g) = &mut a.guard {
                    f(g);
                }
                f(&mut a.body);
            }
        }
        ExprKind::LetElse(_, init, els) => {
            f(init);
            f(els);
        }
        _ => {}
    }
}
