//! Generic mutable traversal of the typed IR (used to finalize inferred types and to find borrowed locals).

use crate::tir::{Closure, ExprKind, PatKind, Stmt, TExpr, TPat};

pub trait Visitor {
    fn expr(&mut self, _e: &mut TExpr) {}
    fn pat(&mut self, _p: &mut TPat) {}
}

pub fn walk_expr(v: &mut dyn Visitor, e: &mut TExpr) {
    v.expr(e);
    let closure = |v: &mut dyn Visitor, c: &mut Closure| {
        for p in &mut c.params {
            walk_pat(v, p);
        }
        walk_expr(v, &mut c.body);
    };
    match &mut e.kind {
        ExprKind::MakeClosure(_, c, _) => closure(v, c),
        ExprKind::ToDyn(_, _, a) => walk_expr(v, a),
        ExprKind::DynCall(_, _, args) => {
            for a in args {
                walk_expr(v, a);
            }
        }
        ExprKind::Call(_, args) | ExprKind::CallInst(_, _, args) | ExprKind::CallClosure(_, args) | ExprKind::Std(_, args) | ExprKind::Tuple(args) | ExprKind::Array(args) | ExprKind::Variant(_, args) | ExprKind::Format(_, args) | ExprKind::IterSource(_, args) => {
            for a in args {
                walk_expr(v, a);
            }
        }
        ExprKind::StdClosure(_, args, cls) => {
            for a in args {
                walk_expr(v, a);
            }
            for c in cls {
                closure(v, c);
            }
        }
        ExprKind::IterAdapt(_, base, args, cl) => {
            walk_expr(v, base);
            for a in args {
                walk_expr(v, a);
            }
            if let Some(c) = cl {
                closure(v, c);
            }
        }
        ExprKind::CallRef(callee, args) => {
            walk_expr(v, callee);
            for a in args {
                walk_expr(v, a);
            }
        }
        ExprKind::Unary(_, a) | ExprKind::Cast(a) | ExprKind::Unerase(a) | ExprKind::Field(a, _) | ExprKind::Deref(a) | ExprKind::AddrOf(_, a) | ExprKind::ArrayRepeat(a, _) | ExprKind::Loop(_, a) | ExprKind::Panic(a) => walk_expr(v, a),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(a, b) | ExprKind::CompoundAssign(_, a, b) | ExprKind::Index(a, b) | ExprKind::While(_, a, b) => {
            walk_expr(v, a);
            walk_expr(v, b);
        }
        ExprKind::SliceRange(a, b, c, _) => {
            walk_expr(v, a);
            if let Some(b) = b {
                walk_expr(v, b);
            }
            if let Some(c) = c {
                walk_expr(v, c);
            }
        }
        ExprKind::Range(a, b, _) => {
            if let Some(a) = a {
                walk_expr(v, a);
            }
            if let Some(b) = b {
                walk_expr(v, b);
            }
        }
        ExprKind::Struct(_, fields, base) => {
            for f in fields.iter_mut().flatten() {
                walk_expr(v, f);
            }
            if let Some(b) = base {
                walk_expr(v, b);
            }
        }
        ExprKind::Block(stmts, tail) => {
            for s in stmts {
                match s {
                    Stmt::Let(p, init) => {
                        walk_pat(v, p);
                        if let Some(i) = init {
                            walk_expr(v, i);
                        }
                    }
                    Stmt::Expr(e) => walk_expr(v, e),
                }
            }
            if let Some(t) = tail {
                walk_expr(v, t);
            }
        }
        ExprKind::If(c, t, f) => {
            walk_expr(v, c);
            walk_expr(v, t);
            if let Some(f) = f {
                walk_expr(v, f);
            }
        }
        ExprKind::For(_, p, it, body) => {
            walk_pat(v, p);
            walk_expr(v, it);
            walk_expr(v, body);
        }
        ExprKind::Break(_, val) | ExprKind::Return(val) => {
            if let Some(x) = val {
                walk_expr(v, x);
            }
        }
        ExprKind::Match(s, arms) => {
            walk_expr(v, s);
            for a in arms {
                walk_pat(v, &mut a.pat);
                if let Some(g) = &mut a.guard {
                    walk_expr(v, g);
                }
                walk_expr(v, &mut a.body);
            }
        }
        ExprKind::LetElse(p, init, els) => {
            walk_pat(v, p);
            walk_expr(v, init);
            walk_expr(v, els);
        }
        ExprKind::Unit | ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Bool(_) | ExprKind::Char(_) | ExprKind::Str(_) | ExprKind::Local(_) | ExprKind::Continue(_) | ExprKind::Nop | ExprKind::FnRef(_) => {}
    }
}

pub fn walk_pat(v: &mut dyn Visitor, p: &mut TPat) {
    v.pat(p);
    match &mut p.kind {
        PatKind::Bind(_, Some(sub)) | PatKind::Deref(sub) => walk_pat(v, sub),
        PatKind::Lit(e) => walk_expr(v, e),
        PatKind::Range(a, b, _) => {
            if let Some(a) = a {
                walk_expr(v, a);
            }
            if let Some(b) = b {
                walk_expr(v, b);
            }
        }
        PatKind::Tuple(ps) | PatKind::Or(ps) => {
            for q in ps {
                walk_pat(v, q);
            }
        }
        PatKind::Struct(_, fs) | PatKind::Variant(_, fs) => {
            for (_, q) in fs {
                walk_pat(v, q);
            }
        }
        PatKind::Slice(a, rest, b) => {
            for q in a.iter_mut().chain(b.iter_mut()) {
                walk_pat(v, q);
            }
            if let Some(r) = rest {
                walk_pat(v, r);
            }
        }
        PatKind::Wild | PatKind::Bind(_, None) => {}
    }
}
