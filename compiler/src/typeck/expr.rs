//! Type checking of function bodies: statements and expressions.

use super::{new_body, Checked, FnCx, LoopCx};
use crate::diagnostics::{codes, Diagnostic};
use crate::resolve::{resolve_path_in, Def};
use crate::tir::{Arm, BinOp, Body, Closure, ExprKind, PatKind, Stmt, TExpr, TPat, UnOp};
use crate::tir_walk::{walk_expr, Visitor};
use crate::types::{IntTy, Ty, VarKind};
use syn::spanned::Spanned;

pub fn check_fn(ck: &mut Checked, f: usize) -> Result<Body, Vec<Diagnostic>> {
    let fdef = &ck.program.fns[f];
    let (module, file, self_adt, is_prelude) = (fdef.module, fdef.file, fdef.self_adt, fdef.is_prelude);
    let sig = fdef.sig.clone();
    let block = fdef.block.clone();
    let fsig = ck.sigs[f].clone();
    let env = {
        let fdef = &ck.program.fns[f];
        let params = match ck.fn_inst_args.get(&f) {
            Some(args) => super::TyEnv { params: fdef.generics.iter().cloned().zip(args.iter().cloned()).collect(), ..Default::default() },
            None => super::TyEnv::default(),
        };
        super::items::fn_env(&ck.program, &ck.impl_self, fdef, &params)
    };
    // A trait default method's instance: `Self::X` names the implementing type's items.
    let self_adt = self_adt.or(match &env.self_ty {
        Some(Ty::Adt(a, _)) => Some(*a),
        _ => None,
    });
    let fn_name = ck.program.fns[f].name.clone();
    let opaque_ret = matches!(fsig.ret, Ty::Opaque(_));
    ck.checking.push(f);
    let mut cx = FnCx::new(ck, module, file, self_adt, fsig.ret.clone(), is_prelude);
    if opaque_ret {
        // `-> impl Trait`: the body decides the type.
        cx.ret_ty = cx.fresh();
    }
    cx.env = env;
    cx.fn_name = fn_name;
    let mut params = Vec::new();
    let mut prologue = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        let ty = fsig.params.get(i).cloned().unwrap_or(Ty::Never);
        match input {
            syn::FnArg::Receiver(_) => {
                let l = cx.new_local("self", ty);
                cx.bind("self", l);
                params.push(l);
            }
            syn::FnArg::Typed(pt) => match &*pt.pat {
                syn::Pat::Ident(pi) if pi.subpat.is_none() && pi.by_ref.is_none() => {
                    let name = pi.ident.to_string();
                    let l = cx.new_local(&name, ty);
                    cx.bind(&name, l);
                    params.push(l);
                }
                other => {
                    let l = cx.new_local("arg", ty.clone());
                    params.push(l);
                    let pat = cx.check_pat(other, &ty);
                    let sp = cx.span(other.span());
                    prologue.push(Stmt::Let(pat, Some(TExpr { kind: ExprKind::Local(l), ty: ty.clone(), span: sp })));
                }
            },
        }
    }
    let ret = cx.ret_ty.clone();
    let body = cx.check_block_expr(&block, Some(&ret));
    let body = cx.coerce(body, &ret, block.brace_token.span.close());
    let body = if prologue.is_empty() {
        body
    } else {
        let span = body.span.clone();
        let ty = body.ty.clone();
        TExpr { kind: ExprKind::Block(prologue, Some(Box::new(body))), ty, span }
    };
    let body = new_body(cx, params, body);
    ck.checking.retain(|&g| g != f);
    let mut body = body?;
    if opaque_ret {
        ck.opaque.insert(f, body.ret.clone());
    }
    mark_boxed_locals(&mut body);
    Ok(body)
}

pub fn mark_boxed_locals_pub(body: &mut Body) {
    mark_boxed_locals(body)
}

/// Locals of primitive type whose `&mut` is taken live in a heap cell.
fn mark_boxed_locals(body: &mut Body) {
    struct Finder(Vec<usize>);
    impl Visitor for Finder {
        fn expr(&mut self, e: &mut TExpr) {
            if let ExprKind::AddrOf(true, inner) = &e.kind {
                if let ExprKind::Local(l) = inner.kind {
                    self.0.push(l);
                }
            }
        }
    }
    let mut f = Finder(Vec::new());
    walk_expr(&mut f, &mut body.expr);
    for l in f.0 {
        body.locals[l].boxed = true;
    }
}

/// Applies literal fallback to every type in the expression and reports unresolved ones.
pub fn finalize_expr(cx: &mut FnCx, e: &mut TExpr) {
    struct Fin<'a, 'b> {
        cx: &'a mut FnCx<'b>,
        bad: Vec<crate::diagnostics::Span>,
    }
    fn has_var(t: &Ty) -> bool {
        match t {
            Ty::Var(_) => true,
            Ty::Tuple(ts) => ts.iter().any(has_var),
            Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Range(e, _) | Ty::Iter(e) => has_var(e),
            Ty::Result(a, b) => has_var(a) || has_var(b),
            _ => false,
        }
    }
    impl Visitor for Fin<'_, '_> {
        fn expr(&mut self, e: &mut TExpr) {
            e.ty = self.cx.infer.finalize(&e.ty);
            if has_var(&e.ty) {
                self.bad.push(e.span.clone());
            }
        }
        fn pat(&mut self, p: &mut TPat) {
            p.ty = self.cx.infer.finalize(&p.ty);
        }
    }
    let mut f = Fin { cx, bad: Vec::new() };
    walk_expr(&mut f, e);
    let bad = f.bad;
    if let Some(sp) = bad.first() {
        let d = cx.ck.program.sources.diag(codes::ANNOTATIONS_NEEDED, sp, "type annotations needed", "cannot infer type", Some("add a type annotation, e.g. `let v: Vec<i32> = Vec::new();`".into()));
        cx.errors.push(d);
    }
}

pub fn mk(kind: ExprKind, ty: Ty, span: crate::diagnostics::Span) -> TExpr {
    TExpr { kind, ty, span }
}

pub fn path_segs(p: &syn::Path) -> Vec<String> {
    p.segments.iter().map(|s| s.ident.to_string()).collect()
}

impl FnCx<'_> {
    pub fn error_expr(&self, sp: proc_macro2::Span) -> TExpr {
        mk(ExprKind::Unit, Ty::Never, self.span(sp))
    }

    /// Checks `e` and coerces it to `expected`.
    pub fn check_expr_coerce(&mut self, e: &syn::Expr, expected: &Ty) -> TExpr {
        let te = self.check_expr(e, Some(expected));
        self.coerce(te, expected, e.span())
    }

    /// Applies the coercions rustc does at coercion sites (deref of &String/&Vec/&[T;N]/&Box, &mut → &),
    /// then unifies.
    pub fn coerce(&mut self, e: TExpr, expected: &Ty, sp: proc_macro2::Span) -> TExpr {
        let exp = self.resolve(expected);
        let found = self.resolve(&e.ty);
        // Deref coercion through nested references: `&&T` → `&T`.
        if let (Ty::Ref(_, te), Ty::Ref(_, fe)) = (&exp, &found) {
            if let Ty::Ref(m2, inner) = &**fe {
                if !matches!(**te, Ty::Ref(..)) && !matches!(**te, Ty::Var(_)) {
                    let span = e.span.clone();
                    let d = mk(ExprKind::Deref(Box::new(e)), Ty::Ref(*m2, inner.clone()), span);
                    return self.coerce(d, expected, sp);
                }
            }
        }
        if let (Ty::Ref(false, te), Ty::Ref(fm, fe)) = (&exp, &found) {
            let te_s = self.shallow(te);
            let fe_s = self.shallow(fe);
            let span = e.span.clone();
            match (&te_s, &fe_s) {
                (Ty::Str, Ty::String) => return mk(ExprKind::Std("string.as_str", vec![e]), exp, span),
                (Ty::Slice(a), Ty::Vec(b)) => {
                    self.expect_ty(sp, a, b);
                    return mk(ExprKind::Std("vec.as_slice", vec![e]), exp, span);
                }
                (Ty::Slice(a), Ty::Array(b, _)) => {
                    self.expect_ty(sp, a, b);
                    return mk(ExprKind::Std("array.as_slice", vec![e]), exp, span);
                }
                (_, Ty::Boxed(b)) if self.infer.unify(&te_s, b).is_ok() => return mk(ExprKind::Std("box.deref", vec![e]), exp, span),
                (_, Ty::Gc(crate::gc_types::GcKind::Box, b)) if !matches!(te_s, Ty::Gc(..)) && self.infer.unify(&te_s, b).is_ok() => {
                    return mk(ExprKind::Std("box.deref", vec![e]), exp, span);
                }
                (Ty::Str, Ty::Gc(crate::gc_types::GcKind::String, _)) => return mk(ExprKind::Std("gc.string.as_str", vec![e]), exp, span),
                // `&Rc<T>` → `&T` (deref coercion).
                (_, Ty::Coll(crate::collections::CollKind::Rc, ts)) if !matches!(te_s, Ty::Coll(crate::collections::CollKind::Rc, _)) => {
                    let inner = ts[0].clone();
                    let d = mk(ExprKind::Deref(Box::new(e)), fe_s.clone(), span.clone());
                    let v = mk(ExprKind::Std("rc.deref", vec![d]), inner.clone(), span.clone());
                    let r = mk(ExprKind::AddrOf(false, Box::new(v)), Ty::Ref(false, Box::new(inner)), span);
                    return self.coerce(r, expected, sp);
                }
                _ if *fm => {
                    if self.infer.unify(&te_s, &fe_s).is_ok() {
                        let mut e = e;
                        e.ty = exp;
                        return e;
                    }
                }
                _ => {}
            }
        }
        if let (Ty::Ref(true, te), Ty::Ref(true, fe)) = (&exp, &found) {
            let te_s = self.shallow(te);
            let fe_s = self.shallow(fe);
            let span = e.span.clone();
            match (&te_s, &fe_s) {
                (Ty::Slice(a), Ty::Vec(b)) => {
                    self.expect_ty(sp, a, b);
                    return mk(ExprKind::Std("vec.as_slice", vec![e]), exp, span);
                }
                (Ty::Slice(a), Ty::Array(b, _)) => {
                    self.expect_ty(sp, a, b);
                    return mk(ExprKind::Std("array.as_slice", vec![e]), exp, span);
                }
                _ => {}
            }
        }
        if self.wants_dyn_error(&exp) {
            let e2 = e.clone();
            if let Some(d) = self.to_dyn_error(e2, &exp, false) {
                return d;
            }
        }
        let e = match self.coerce_to_dyn(e, &exp, &found) {
            Ok(d) => return d,
            Err(e) => e,
        };
        self.expect_ty(sp, expected, &e.ty);
        e
    }

    pub fn check_block_expr(&mut self, b: &syn::Block, expected: Option<&Ty>) -> TExpr {
        let sp = b.brace_token.span.join();
        self.push_scope();
        let mut stmts = Vec::new();
        let mut tail = None;
        let mut diverges = false;
        let n = b.stmts.len();
        for (i, s) in b.stmts.iter().enumerate() {
            let last = i + 1 == n;
            match s {
                syn::Stmt::Local(l) => {
                    let st = self.check_local(l);
                    if let Stmt::Let(_, Some(init)) = &st {
                        if matches!(self.shallow(&init.ty), Ty::Never) {
                            diverges = true;
                        }
                    }
                    if let Stmt::Expr(e) = &st {
                        let _ = e;
                    }
                    stmts.push(st);
                }
                syn::Stmt::Item(item) => {
                    // fn/struct/enum/const items were hoisted to the module by `resolve`.
                    if !matches!(item, syn::Item::Fn(_) | syn::Item::Struct(_) | syn::Item::Enum(_) | syn::Item::Const(_) | syn::Item::Static(_) | syn::Item::Use(_) | syn::Item::Impl(_)) {
                        self.err(codes::UNSUPPORTED_ITEM, item.span(), "this item inside a function body is not supported yet", "nested item", Some("move the item to module level"));
                    }
                }
                syn::Stmt::Expr(e, semi) => {
                    if last && semi.is_none() {
                        let te = self.check_expr(e, expected);
                        tail = Some(Box::new(te));
                    } else {
                        let te = self.check_expr(e, if semi.is_none() { Some(&Ty::Unit) } else { None });
                        if semi.is_none() && !matches!(e, syn::Expr::Block(_) | syn::Expr::If(_) | syn::Expr::Match(_) | syn::Expr::While(_) | syn::Expr::Loop(_) | syn::Expr::ForLoop(_) | syn::Expr::Unsafe(_)) {
                            // rustc requires `;` here; a value-producing expression without one is an error.
                        }
                        if matches!(self.shallow(&te.ty), Ty::Never) {
                            diverges = true;
                        }
                        stmts.push(Stmt::Expr(te));
                    }
                }
                syn::Stmt::Macro(m) => {
                    let as_expr = syn::Expr::Macro(syn::ExprMacro { attrs: m.attrs.clone(), mac: m.mac.clone() });
                    if last && m.semi_token.is_none() {
                        let te = self.check_expr(&as_expr, expected);
                        tail = Some(Box::new(te));
                    } else {
                        let te = self.check_expr(&as_expr, None);
                        if matches!(self.shallow(&te.ty), Ty::Never) {
                            diverges = true;
                        }
                        stmts.push(Stmt::Expr(te));
                    }
                }
            }
        }
        self.pop_scope();
        let ty = match &tail {
            Some(t) => t.ty.clone(),
            None if diverges => Ty::Never,
            None => Ty::Unit,
        };
        mk(ExprKind::Block(stmts, tail), ty, self.span(sp))
    }

    /// A `let` annotation, where `_` (as in `Vec<_>`) stands for a fresh inference variable.
    pub(crate) fn annotation_ty(&mut self, t: &syn::Type) -> Result<Ty, Diagnostic> {
        struct Holes;
        impl syn::visit_mut::VisitMut for Holes {
            fn visit_type_mut(&mut self, t: &mut syn::Type) {
                if let syn::Type::Infer(i) = t {
                    let id = syn::Ident::new("__wr_infer", i.underscore_token.span);
                    *t = syn::parse_quote!(#id);
                    return;
                }
                syn::visit_mut::visit_type_mut(self, t);
            }
        }
        let mut t = t.clone();
        syn::visit_mut::VisitMut::visit_type_mut(&mut Holes, &mut t);
        let ty = self.to_ty(&t)?;
        Ok(self.fill_holes(&ty))
    }

    fn fill_holes(&mut self, t: &Ty) -> Ty {
        match t {
            Ty::Var(u32::MAX) => self.fresh(),
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|x| self.fill_holes(x)).collect()),
            Ty::Array(e, n) => Ty::Array(Box::new(self.fill_holes(e)), *n),
            Ty::Slice(e) => Ty::Slice(Box::new(self.fill_holes(e))),
            Ty::Ref(m, e) => Ty::Ref(*m, Box::new(self.fill_holes(e))),
            Ty::Vec(e) => Ty::Vec(Box::new(self.fill_holes(e))),
            Ty::Option(e) => Ty::Option(Box::new(self.fill_holes(e))),
            Ty::Boxed(e) => Ty::Boxed(Box::new(self.fill_holes(e))),
            Ty::Result(a, b) => Ty::Result(Box::new(self.fill_holes(a)), Box::new(self.fill_holes(b))),
            Ty::Coll(k, ts) => Ty::Coll(*k, ts.iter().map(|x| self.fill_holes(x)).collect()),
            Ty::Gc(k, e) => Ty::Gc(*k, Box::new(self.fill_holes(e))),
            other => other.clone(),
        }
    }

    fn check_local(&mut self, l: &syn::Local) -> Stmt {
        let (pat, ann) = match &l.pat {
            syn::Pat::Type(pt) => {
                let t = match self.annotation_ty(&pt.ty) {
                    Ok(t) => t,
                    Err(d) => {
                        self.errors.push(d);
                        Ty::Never
                    }
                };
                (&*pt.pat, Some(t))
            }
            p => (p, None),
        };
        let ty = ann.clone().unwrap_or_else(|| self.fresh());
        let init = l.init.as_ref().map(|i| {
            let e = match &ann {
                Some(t) => self.check_expr_coerce(&i.expr, t),
                None => self.check_expr(&i.expr, None),
            };
            self.expect_ty(i.expr.span(), &ty, &e.ty);
            (e, i.diverge.as_ref().map(|d| d.1.clone()))
        });
        // Check the else block before binding the pattern (its names are not in scope there).
        let els = match &init {
            Some((_, Some(els))) => {
                let e = self.check_expr(els, None);
                if !matches!(self.shallow(&e.ty), Ty::Never) {
                    self.err(codes::TYPE_MISMATCH, els.span(), "`else` clause of `let...else` does not diverge", "expected `!`", None);
                }
                Some(e)
            }
            _ => None,
        };
        let pat = self.check_pat(pat, &ty);
        match (init, els) {
            (Some((e, _)), Some(els)) => {
                let span = e.span.clone();
                Stmt::Expr(mk(ExprKind::LetElse(Box::new(pat), Box::new(e), Box::new(els)), Ty::Unit, span))
            }
            (Some((e, _)), None) => Stmt::Let(pat, Some(e)),
            (None, _) => Stmt::Let(pat, None),
        }
    }

    pub fn lit_int_ty(&mut self, suffix: &str, expected: Option<&Ty>) -> Ty {
        if let Some(i) = IntTy::from_name(suffix) {
            return Ty::Int(i);
        }
        match suffix {
            "f32" => return Ty::F32,
            "f64" => return Ty::F64,
            _ => {}
        }
        if let Some(e) = expected {
            let e = self.shallow(e);
            match e {
                Ty::Int(_) => return e,
                Ty::Var(v) if self.infer.kind_of(v) == Some(VarKind::Int) => return e,
                _ => {}
            }
        }
        self.infer.fresh(VarKind::Int)
    }

    pub fn check_expr(&mut self, e: &syn::Expr, expected: Option<&Ty>) -> TExpr {
        let sp = e.span();
        let span = self.span(sp);
        match e {
            syn::Expr::Lit(l) => self.check_lit(&l.lit, expected),
            syn::Expr::Paren(p) => {
                // rustc's spans of parenthesized expressions include the parentheses.
                let mut e = self.check_expr(&p.expr, expected);
                e.span = span;
                e
            }
            syn::Expr::Group(g) => self.check_expr(&g.expr, expected),
            syn::Expr::Path(p) => self.check_path_expr(p, expected),
            syn::Expr::Block(b) => {
                if let Some(l) = &b.label {
                    // Labeled block: `'a: { ... break 'a v; ... }` — treat as a loop that runs once.
                    let id = self.new_label();
                    let bty = expected.cloned().unwrap_or_else(|| self.fresh());
                    self.loops.push(LoopCx { label: Some(l.name.ident.to_string()), id, break_ty: Some(bty.clone()) });
                    let body = self.check_block_expr(&b.block, Some(&bty));
                    self.loops.pop();
                    self.expect_ty(sp, &bty, &body.ty);
                    let brk = mk(ExprKind::Break(id, Some(Box::new(body))), Ty::Never, span.clone());
                    return mk(ExprKind::Loop(id, Box::new(brk)), bty, span);
                }
                self.check_block_expr(&b.block, expected)
            }
            syn::Expr::Unsafe(u) => {
                self.err(codes::UNSAFE, u.unsafe_token.span, "`unsafe` blocks are not supported", "unsafe block", Some("WasmGC code has no raw memory; remove `unsafe`"));
                self.error_expr(sp)
            }
            syn::Expr::Async(a) => {
                self.err(codes::ASYNC, a.async_token.span, "async blocks are not supported", "", None);
                self.error_expr(sp)
            }
            syn::Expr::Await(a) => {
                self.err(codes::ASYNC, a.await_token.span, "`.await` is not supported", "", None);
                self.error_expr(sp)
            }
            syn::Expr::Tuple(t) => {
                if t.elems.is_empty() {
                    return mk(ExprKind::Unit, Ty::Unit, span);
                }
                let exp: Option<Vec<Ty>> = expected.and_then(|x| match self.shallow(x) {
                    Ty::Tuple(ts) if ts.len() == t.elems.len() => Some(ts),
                    _ => None,
                });
                let mut items = Vec::new();
                for (i, x) in t.elems.iter().enumerate() {
                    let te = match &exp {
                        Some(ts) => self.check_expr_coerce(x, &ts[i]),
                        None => self.check_expr(x, None),
                    };
                    items.push(te);
                }
                let ty = Ty::Tuple(items.iter().map(|x| x.ty.clone()).collect());
                mk(ExprKind::Tuple(items), ty, span)
            }
            syn::Expr::Array(a) => {
                let elem = match expected.map(|x| self.shallow(x)) {
                    Some(Ty::Array(t, _)) => *t,
                    _ => self.fresh(),
                };
                let mut items = Vec::new();
                for x in &a.elems {
                    let te = self.check_expr_coerce(x, &elem);
                    items.push(te);
                }
                let n = items.len() as u32;
                mk(ExprKind::Array(items), Ty::Array(Box::new(elem), n), span)
            }
            syn::Expr::Repeat(r) => {
                let elem = match expected.map(|x| self.shallow(x)) {
                    Some(Ty::Array(t, _)) => *t,
                    _ => self.fresh(),
                };
                let v = self.check_expr_coerce(&r.expr, &elem);
                let n = self.const_usize(&r.len);
                match n {
                    Some(n) => mk(ExprKind::ArrayRepeat(Box::new(v), n), Ty::Array(Box::new(elem), n), span),
                    None => {
                        self.err(codes::UNSUPPORTED_EXPR, r.len.span(), "array length must be a literal or a constant", "", None);
                        self.error_expr(sp)
                    }
                }
            }
            syn::Expr::Reference(r) => self.check_ref(r, expected),
            syn::Expr::Unary(u) => self.check_unary(u, expected),
            syn::Expr::Binary(b) => self.check_binary(b, expected),
            syn::Expr::Assign(a) => {
                self.place_mut = true;
                let lhs = self.check_expr(&a.left, None);
                self.place_mut = false;
                self.check_place(&lhs, a.left.span());
                let rhs = self.check_expr_coerce(&a.right, &lhs.ty.clone());
                mk(ExprKind::Assign(Box::new(lhs), Box::new(rhs)), Ty::Unit, span)
            }
            syn::Expr::Field(f) => self.check_field(f),
            syn::Expr::Index(i) => self.check_index(i),
            syn::Expr::Call(c) => self.check_call(c, expected),
            syn::Expr::MethodCall(m) => self.check_method_call(m, expected),
            syn::Expr::Macro(m) => self.check_macro(&m.mac, expected),
            syn::Expr::Struct(s) => self.check_struct_lit(s),
            syn::Expr::If(i) => self.check_if(i, expected),
            syn::Expr::While(w) => self.check_while(w),
            syn::Expr::Loop(l) => {
                let id = self.new_label();
                let bty = self.fresh();
                self.loops.push(LoopCx { label: l.label.as_ref().map(|l| l.name.ident.to_string()), id, break_ty: Some(bty.clone()) });
                let body = self.check_block_expr(&l.body, Some(&Ty::Unit));
                let lc = self.loops.pop().unwrap();
                let _ = lc;
                // A loop without `break` never finishes: its type is `!`.
                let ty = if self.has_break(id, &body) { bty } else { Ty::Never };
                mk(ExprKind::Loop(id, Box::new(body)), ty, span)
            }
            syn::Expr::ForLoop(f) => self.check_for(f),
            syn::Expr::Break(b) => {
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                let Some(idx) = self.find_loop(label.as_deref(), b.break_token.span) else { return self.error_expr(sp) };
                let (id, bty) = (self.loops[idx].id, self.loops[idx].break_ty.clone());
                let val = b.expr.as_ref().map(|v| {
                    match &bty {
                        Some(t) => self.check_expr_coerce(v, &t.clone()),
                        None => {
                            self.err(codes::TYPE_MISMATCH, v.span(), "`break` with value from a `while`/`for` loop", "can only break with a value inside `loop` or breakable block", None);
                            self.check_expr(v, None)
                        }
                    }
                });
                if val.is_none() {
                    if let Some(t) = &bty {
                        self.expect_ty(sp, t, &Ty::Unit);
                    }
                }
                mk(ExprKind::Break(id, val.map(Box::new)), Ty::Never, span)
            }
            syn::Expr::Continue(c) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                let Some(idx) = self.find_loop(label.as_deref(), c.continue_token.span) else { return self.error_expr(sp) };
                mk(ExprKind::Continue(self.loops[idx].id), Ty::Never, span)
            }
            syn::Expr::Return(r) => {
                let ret = self.exit_ty();
                let val = match &r.expr {
                    Some(v) => Some(Box::new(self.check_expr_coerce(v, &ret))),
                    None => {
                        self.expect_ty(sp, &ret, &Ty::Unit);
                        None
                    }
                };
                self.exit_with(val, span)
            }
            syn::Expr::Match(m) => self.check_match(m, expected),
            syn::Expr::Cast(c) => self.check_cast(c),
            syn::Expr::Range(r) => {
                let elem = match expected.map(|x| self.shallow(x)) {
                    Some(Ty::Range(t, _)) => *t,
                    _ => self.fresh(),
                };
                let incl = matches!(r.limits, syn::RangeLimits::Closed(_));
                let a = r.start.as_ref().map(|x| Box::new(self.check_expr_coerce(x, &elem)));
                let b = r.end.as_ref().map(|x| Box::new(self.check_expr_coerce(x, &elem)));
                mk(ExprKind::Range(a, b, incl), Ty::Range(Box::new(elem), incl), span)
            }
            syn::Expr::Try(t) => self.check_try(t),
            syn::Expr::Closure(c) => self.check_closure_value(c),
            syn::Expr::Let(l) => {
                self.err(codes::UNSUPPORTED_EXPR, l.let_token.span, "`let` expressions are only supported directly in `if let` / `while let`", "", Some("let chains are not supported yet"));
                self.error_expr(sp)
            }
            _ => {
                self.err(codes::UNSUPPORTED_EXPR, sp, "this expression is not supported yet", "unsupported expression", None);
                self.error_expr(sp)
            }
        }
    }

    fn has_break(&self, id: usize, body: &TExpr) -> bool {
        struct F(usize, bool);
        impl Visitor for F {
            fn expr(&mut self, e: &mut TExpr) {
                if let ExprKind::Break(l, _) = e.kind {
                    if l == self.0 {
                        self.1 = true;
                    }
                }
            }
        }
        let mut f = F(id, false);
        let mut b = body.clone();
        walk_expr(&mut f, &mut b);
        f.1
    }

    /// What `return`/`?` leave: the innermost inline closure, else the fn (or value closure).
    fn exit_ty(&self) -> Ty {
        match self.inline_exits.last() {
            Some((_, t, _)) if self.in_closure > 0 && !self.in_value_closure() => t.clone(),
            _ => self.ret_ty.clone(),
        }
    }

    /// `return val` from the fn, or `break 'closure val` out of an inline closure.
    fn exit_with(&mut self, val: Option<Box<TExpr>>, span: crate::diagnostics::Span) -> TExpr {
        if self.in_closure > 0 && !self.in_value_closure() {
            if let Some(x) = self.inline_exits.last_mut() {
                x.2 = true;
                let label = x.0;
                return mk(ExprKind::Break(label, val), Ty::Never, span);
            }
        }
        mk(ExprKind::Return(val), Ty::Never, span)
    }

    pub fn new_label(&mut self) -> usize {
        self.next_label += 1;
        self.next_label
    }

    fn find_loop(&mut self, label: Option<&str>, sp: proc_macro2::Span) -> Option<usize> {
        let found = match label {
            None => self.loops.iter().rposition(|l| l.label.is_none() || true).filter(|&i| !self.is_labeled_block(i)),
            Some(n) => self.loops.iter().rposition(|l| l.label.as_deref() == Some(n)),
        };
        if found.is_none() {
            match label {
                Some(n) => self.err(codes::LABEL, sp, format!("use of undeclared label `'{n}`"), "undeclared label", None),
                None => self.err(codes::LABEL, sp, "`break` or `continue` outside of a loop", "cannot break outside of a loop", None),
            }
        }
        found
    }

    fn is_labeled_block(&self, _i: usize) -> bool {
        false
    }

    fn const_usize(&mut self, e: &syn::Expr) -> Option<u32> {
        match e {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse::<u32>().ok(),
            syn::Expr::Path(p) => match resolve_path_in(&self.ck.program, self.module, &path_segs(&p.path)) {
                Some(Def::Const(c)) => super::items::const_int(&self.ck.program.consts[c].expr).and_then(|v| u32::try_from(v).ok()),
                _ => None,
            },
            _ => None,
        }
    }

    fn check_lit(&mut self, l: &syn::Lit, expected: Option<&Ty>) -> TExpr {
        let span = self.span(l.span());
        match l {
            syn::Lit::Int(i) => {
                let ty = self.lit_int_ty(i.suffix(), expected);
                if matches!(self.shallow(&ty), Ty::F32 | Ty::F64) {
                    let v: f64 = i.base10_digits().parse().unwrap_or(0.0);
                    return mk(ExprKind::Float(v), ty, span);
                }
                // Values up to u128::MAX are kept as their 128-bit pattern (u128 literals above i128::MAX
                // wrap to negative i128s here; the lowering only uses the bits). rustc rejects literals out
                // of their type's range (`overflowing_literals` is deny-by-default) before we run.
                match i.base10_parse::<i128>().or_else(|_| i.base10_parse::<u128>().map(|v| v as i128)) {
                    Ok(v) => mk(ExprKind::Int(v), ty, span),
                    _ => {
                        self.err(codes::UNSUPPORTED_TYPE, l.span(), "integer literal is too large", "", None);
                        self.error_expr(l.span())
                    }
                }
            }
            syn::Lit::Float(f) => {
                let ty = match f.suffix() {
                    "f32" => Ty::F32,
                    "f64" => Ty::F64,
                    _ => match expected.map(|e| self.shallow(e)) {
                        Some(t @ (Ty::F32 | Ty::F64)) => t,
                        Some(t @ Ty::Var(v)) if self.infer.kind_of(v) == Some(VarKind::Float) => t,
                        _ => self.infer.fresh(VarKind::Float),
                    },
                };
                let v: f64 = f.base10_digits().parse().unwrap_or(0.0);
                mk(ExprKind::Float(v), ty, span)
            }
            syn::Lit::Bool(b) => mk(ExprKind::Bool(b.value), Ty::Bool, span),
            syn::Lit::Char(c) => mk(ExprKind::Char(c.value()), Ty::Char, span),
            syn::Lit::Byte(b) => mk(ExprKind::Int(b.value() as i128), Ty::Int(IntTy::U8), span),
            syn::Lit::Str(s) => mk(ExprKind::Str(s.value()), Ty::str_ref(), span),
            syn::Lit::ByteStr(b) => {
                let bytes = b.value();
                let n = bytes.len() as u32;
                let items = bytes.into_iter().map(|x| mk(ExprKind::Int(x as i128), Ty::Int(IntTy::U8), span.clone())).collect();
                let arr = mk(ExprKind::Array(items), Ty::Array(Box::new(Ty::Int(IntTy::U8)), n), span.clone());
                mk(ExprKind::AddrOf(false, Box::new(arr)), Ty::Ref(false, Box::new(Ty::Array(Box::new(Ty::Int(IntTy::U8)), n))), span)
            }
            _ => {
                self.err(codes::UNSUPPORTED_EXPR, l.span(), "unsupported literal", "", None);
                self.error_expr(l.span())
            }
        }
    }

    fn check_path_expr(&mut self, p: &syn::ExprPath, expected: Option<&Ty>) -> TExpr {
        let sp = p.span();
        let span = self.span(sp);
        let segs = path_segs(&p.path);
        if let Some(q) = &p.qself {
            // `<Type as Trait>::CONST`: the constant of the type's impl.
            let name = segs.last().cloned().unwrap_or_default();
            if let Ok(Ty::Adt(a, _)) = self.to_ty(&q.ty) {
                if let Some(&c) = self.ck.program.assoc_consts.get(&(a, name)) {
                    let mut segs2 = vec!["Self".to_string(), self.ck.program.consts[c].name.clone()];
                    let saved = self.self_adt;
                    self.self_adt = Some(a);
                    let e = match self.resolve_value(&segs2) {
                        Some(Def::Const(_)) => {
                            segs2.clear();
                            self.const_expr(c, span.clone())
                        }
                        _ => self.error_expr(sp),
                    };
                    self.self_adt = saved;
                    return e;
                }
            }
            self.err(codes::UNSUPPORTED_EXPR, sp, "this qualified path is not supported yet", "", Some("name the item through the type, e.g. `Type::CONST`"));
            return self.error_expr(sp);
        }
        if segs.len() == 1 {
            if let Some(l) = self.lookup_local(&segs[0]) {
                let ty = self.locals[l].ty.clone();
                return mk(ExprKind::Local(l), ty, span);
            }
            match segs[0].as_str() {
                "None" if self.resolve_value(&segs).is_none() => {
                    let inner = match (self.turbofish_types(&p.path).first().cloned(), expected.map(|e| self.shallow(e))) {
                        (Some(t), _) => t,
                        (None, Some(Ty::Option(t))) => *t,
                        _ => self.fresh(),
                    };
                    return mk(ExprKind::Variant(0, vec![]), Ty::Option(Box::new(inner)), span);
                }
                "Some" | "Ok" | "Err" => {
                    self.err(codes::UNSUPPORTED_EXPR, sp, format!("`{}` used as a function value is not supported yet", segs[0]), "", Some("call it directly, or use a closure"));
                    return self.error_expr(sp);
                }
                _ => {}
            }
        }
        if let Some(t) = self.std_const(&segs, span.clone()) {
            return t;
        }
        match self.resolve_value(&segs) {
            Some(Def::Const(c)) => self.const_expr(c, span),
            Some(Def::Adt(a)) if self.ck.program.adts[a].variants[0].shape == crate::resolve::Shape::Unit && !self.ck.program.adts[a].is_enum => {
                let (at, _) = self.fresh_adt(a);
                mk(ExprKind::Struct(a, vec![], None), at, span)
            }
            _ => self.path_value_rest(&segs, expected, sp, span),
        }
    }

    /// A use of constant `c` (inlined: its initializer is re-checked in this context).
    fn const_expr(&mut self, c: usize, span: crate::diagnostics::Span) -> TExpr {
        {
            {
                let ty = self.ck.consts[c].0.clone();
                // Constants are inlined: re-check the initializer in this context.
                let e = self.ck.program.consts[c].expr.clone();
                let (module, file) = (self.ck.program.consts[c].module, self.ck.program.consts[c].file);
                let (om, of, oa) = (self.module, self.file, self.self_adt);
                self.module = module;
                self.file = file;
                self.self_adt = self.ck.program.consts[c].self_adt.or(oa);
                let mut te = self.check_expr_coerce(&e, &ty);
                self.module = om;
                self.file = of;
                self.self_adt = oa;
                te.span = span;
                te
            }
        }
    }

    fn path_value_rest(&mut self, segs: &[String], expected: Option<&Ty>, sp: proc_macro2::Span, span: crate::diagnostics::Span) -> TExpr {
        // `T::ZERO`, `i32::ZERO`: an associated constant of a trait impl for that type.
        if segs.len() == 2 {
            let ty = match self.env.param(&segs[0]) {
                Some(t) => Some(t.clone()),
                None => {
                    let t: syn::Type = syn::parse_str(&segs[0]).unwrap_or(syn::Type::Verbatim(Default::default()));
                    self.to_ty(&t).ok()
                }
            };
            if let Some(ty) = ty {
                if let Some(c) = self.assoc_const_of(&ty, &segs[1]) {
                    let saved = self.self_adt;
                    if let Ty::Adt(a, _) = &ty {
                        self.self_adt = Some(*a);
                    }
                    let e = self.const_expr(c, span.clone());
                    self.self_adt = saved;
                    return e;
                }
            }
        }
        match self.resolve_value(segs) {
            Some(Def::Variant(a, v)) => {
                if !self.ck.adt_fields[a][v].is_empty() {
                    self.err(codes::UNSUPPORTED_EXPR, sp, "enum variant constructors used as function values are not supported yet", "", Some("call the constructor directly"));
                    return self.error_expr(sp);
                }
                let (at, _) = self.fresh_adt(a);
                if let Some(e) = expected {
                    let _ = self.infer.unify(e, &at);
                }
                mk(ExprKind::Variant(v, vec![]), at, span)
            }
            Some(Def::Fn(f)) => {
                let sig = self.ck.sigs[f].clone();
                mk(ExprKind::FnRef(f), Ty::FnPtr(sig.params.clone(), Box::new(sig.ret.clone())), span)
            }
            _ => {
                self.err(codes::UNRESOLVED, sp, format!("cannot find value `{}` in this scope", segs.join("::")), "not found in this scope", None);
                self.error_expr(sp)
            }
        }
    }

    /// Type arguments written on the last segment of a value path (`Ok::<i32, String>`).
    pub fn turbofish_types(&mut self, p: &syn::Path) -> Vec<Ty> {
        let Some(last) = p.segments.last() else { return vec![] };
        let syn::PathArguments::AngleBracketed(ab) = &last.arguments else { return vec![] };
        let mut out = Vec::new();
        for a in &ab.args {
            if let syn::GenericArgument::Type(t) = a {
                match self.to_ty(t) {
                    Ok(t) => out.push(t),
                    Err(d) => self.errors.push(d),
                }
            }
        }
        out
    }

    /// Resolves a value path (`foo`, `m::foo`, `Enum::Variant`, `Type::assoc_fn`, `Self::X`).
    pub fn resolve_value(&mut self, segs: &[String]) -> Option<Def> {
        if segs.first().map(String::as_str) == Some("Self") {
            let a = self.self_adt?;
            if segs.len() == 1 {
                return Some(Def::Adt(a));
            }
            if segs.len() == 2 {
                if let Some(v) = self.ck.program.adts[a].variants.iter().position(|v| v.name == segs[1]).filter(|_| self.ck.program.adts[a].is_enum) {
                    return Some(Def::Variant(a, v));
                }
                if let Some(c) = self.ck.program.assoc_consts.get(&(a, segs[1].clone())) {
                    return Some(Def::Const(*c));
                }
                return self.ck.program.methods.get(&(a, segs[1].clone())).map(|f| Def::Fn(*f));
            }
            return None;
        }
        if let Some(d) = resolve_path_in(&self.ck.program, self.module, segs) {
            return Some(d);
        }
        // Code the compiler synthesizes (typeck/methods/debug_builders.rs) names prelude helpers this way.
        if segs.len() == 2 && segs[0] == "__wasmrust_prelude" {
            return resolve_path_in(&self.ck.program, self.ck.program.prelude_mod, &segs[1..]);
        }
        // Std prelude functions are visible from the prelude module only.
        if self.is_prelude {
            return resolve_path_in(&self.ck.program, self.ck.program.prelude_mod, segs);
        }
        None
    }

    /// `i32::MAX`, `f64::consts::PI`, `f64::NAN`, `usize::MIN`, ...
    pub(super) fn std_const(&mut self, segs: &[String], span: crate::diagnostics::Span) -> Option<TExpr> {
        let segs: Vec<&str> = segs.iter().map(String::as_str).filter(|s| !matches!(*s, "std" | "core")).collect();
        if segs.len() < 2 {
            return None;
        }
        let (ty_name, name) = (segs[0], *segs.last().unwrap());
        if let Some(i) = IntTy::from_name(ty_name) {
            let t = Ty::Int(i);
            return match name {
                "MAX" => Some(mk(ExprKind::Int(i.max()), t, span)),
                "MIN" => Some(mk(ExprKind::Int(i.min()), t, span)),
                "BITS" => Some(mk(ExprKind::Int(i.bits() as i128), Ty::Int(IntTy::U32), span)),
                _ => None,
            };
        }
        if ty_name == "f64" || ty_name == "f32" {
            let t = if ty_name == "f64" { Ty::F64 } else { Ty::F32 };
            let v = match name {
                "PI" => std::f64::consts::PI,
                "E" => std::f64::consts::E,
                "TAU" => std::f64::consts::TAU,
                "SQRT_2" => std::f64::consts::SQRT_2,
                "LN_2" => std::f64::consts::LN_2,
                "LN_10" => std::f64::consts::LN_10,
                "FRAC_PI_2" => std::f64::consts::FRAC_PI_2,
                "FRAC_PI_4" => std::f64::consts::FRAC_PI_4,
                "INFINITY" => f64::INFINITY,
                "NEG_INFINITY" => f64::NEG_INFINITY,
                "NAN" => f64::NAN,
                "MAX" => {
                    if ty_name == "f64" {
                        f64::MAX
                    } else {
                        f32::MAX as f64
                    }
                }
                "MIN" => {
                    if ty_name == "f64" {
                        f64::MIN
                    } else {
                        f32::MIN as f64
                    }
                }
                "MIN_POSITIVE" => {
                    if ty_name == "f64" {
                        f64::MIN_POSITIVE
                    } else {
                        f32::MIN_POSITIVE as f64
                    }
                }
                "EPSILON" => {
                    if ty_name == "f64" {
                        f64::EPSILON
                    } else {
                        f32::EPSILON as f64
                    }
                }
                _ => return None,
            };
            let v = if ty_name == "f32" && !matches!(name, "MAX" | "MIN" | "MIN_POSITIVE" | "EPSILON" | "INFINITY" | "NEG_INFINITY" | "NAN") { v as f32 as f64 } else { v };
            return Some(mk(ExprKind::Float(v), t, span));
        }
        if ty_name == "char" && name == "MAX" {
            return Some(mk(ExprKind::Char(char::MAX), Ty::Char, span));
        }
        if ty_name == "char" && name == "REPLACEMENT_CHARACTER" {
            return Some(mk(ExprKind::Char(char::REPLACEMENT_CHARACTER), Ty::Char, span));
        }
        None
    }

    fn check_ref(&mut self, r: &syn::ExprReference, expected: Option<&Ty>) -> TExpr {
        let sp = r.span();
        let span = self.span(sp);
        let m = r.mutability.is_some();
        if let syn::Expr::Index(ix) = &*r.expr {
            if let syn::Expr::Range(rg) = &*ix.index {
                let base = self.check_expr(&ix.expr, None);
                let elem_ty = match self.shallow(base.ty.peel_refs()) {
                    Ty::String | Ty::Str => Ty::Str,
                    Ty::Vec(t) | Ty::Array(t, _) | Ty::Slice(t) => Ty::Slice(t),
                    Ty::Ref(_, _) => {
                        let inner = self.shallow(&base.ty);
                        let mut t = inner;
                        while let Ty::Ref(_, x) = t {
                            t = self.shallow(&x);
                        }
                        match t {
                            Ty::String | Ty::Str => Ty::Str,
                            Ty::Vec(t) | Ty::Array(t, _) | Ty::Slice(t) => Ty::Slice(t),
                            _ => {
                                self.err(codes::UNSUPPORTED_EXPR, ix.expr.span(), "range indexing is supported on strings, Vec, arrays and slices", "", None);
                                return self.error_expr(sp);
                            }
                        }
                    }
                    _ => {
                        self.err(codes::UNSUPPORTED_EXPR, ix.expr.span(), "range indexing is supported on strings, Vec, arrays and slices", "", None);
                        return self.error_expr(sp);
                    }
                };
                let us = Ty::usize();
                let a = rg.start.as_ref().map(|x| Box::new(self.check_expr_coerce(x, &us)));
                let b = rg.end.as_ref().map(|x| Box::new(self.check_expr_coerce(x, &us)));
                let incl = matches!(rg.limits, syn::RangeLimits::Closed(_));
                let ty = Ty::Ref(m, Box::new(elem_ty));
                return mk(ExprKind::SliceRange(Box::new(base), a, b, incl), ty, self.span(ix.bracket_token.span.open()));
            }
        }
        let inner_exp = match expected.map(|e| self.shallow(e)) {
            Some(Ty::Ref(_, t)) => Some(*t),
            _ => None,
        };
        let inner = self.check_expr(&r.expr, inner_exp.as_ref());
        if m {
            self.check_place(&inner, r.expr.span());
        }
        let ty = Ty::Ref(m, Box::new(inner.ty.clone()));
        mk(ExprKind::AddrOf(m, Box::new(inner)), ty, span)
    }

    /// Checks that `e` denotes a place (local, field, index, deref).
    pub fn check_place(&mut self, e: &TExpr, sp: proc_macro2::Span) {
        match &e.kind {
            ExprKind::Local(_) | ExprKind::Field(..) | ExprKind::Index(..) | ExprKind::Deref(_) => {}
            ExprKind::Std("box.deref", _) | ExprKind::Std("vec.index", _) => {}
            _ if matches!(e.ty, Ty::Never) => {}
            _ => {
                // Borrowing a temporary (`&mut vec![..]`) is fine for aggregates.
                let _ = sp;
            }
        }
    }

    fn check_unary(&mut self, u: &syn::ExprUnary, expected: Option<&Ty>) -> TExpr {
        let sp = u.span();
        let span = self.span(sp);
        match u.op {
            syn::UnOp::Deref(_) => {
                let inner = self.check_expr(&u.expr, None);
                let t = self.shallow(&inner.ty);
                match t {
                    Ty::Ref(_, t) => mk(ExprKind::Deref(Box::new(inner)), *t, span),
                    Ty::Boxed(t) => mk(ExprKind::Std("box.deref", vec![inner]), *t, span),
                    Ty::Gc(crate::gc_types::GcKind::Box | crate::gc_types::GcKind::String, _) => self.gc_deref(inner),
                    Ty::Coll(crate::collections::CollKind::Rc, _) => self.rc_deref(inner),
                    Ty::String => mk(ExprKind::Std("string.as_str", vec![inner]), Ty::Str, span),
                    Ty::Never => inner,
                    _ => {
                        let n = self.ty_name(&t);
                        self.err(codes::TYPE_MISMATCH, sp, format!("type `{n}` cannot be dereferenced"), "", None);
                        self.error_expr(sp)
                    }
                }
            }
            syn::UnOp::Not(_) => {
                let inner = self.check_expr(&u.expr, expected);
                if let Some(e) = self.overloaded_unary(inner.clone(), "Not", "not", &span) {
                    return e;
                }
                let t = self.shallow(&inner.ty);
                let ok = matches!(t, Ty::Bool | Ty::Int(_) | Ty::Never) || matches!(t, Ty::Var(v) if self.infer.kind_of(v) == Some(VarKind::Int));
                if !ok {
                    let n = self.ty_name(&t);
                    self.err(codes::TYPE_MISMATCH, sp, format!("cannot apply unary operator `!` to type `{n}`"), "", None);
                }
                let ty = inner.ty.clone();
                mk(ExprKind::Unary(UnOp::Not, Box::new(inner)), ty, span)
            }
            syn::UnOp::Neg(_) => {
                // Fold negative literals so `-128i8` does not overflow.
                if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(_) | syn::Lit::Float(_), .. }) = &*u.expr {
                    let mut lit = self.check_expr(&u.expr, expected);
                    match &mut lit.kind {
                        ExprKind::Int(v) => *v = v.wrapping_neg(),
                        ExprKind::Float(v) => *v = -*v,
                        _ => {}
                    }
                    if let Ty::Int(i) = self.shallow(&lit.ty) {
                        if !i.signed() {
                            self.err(codes::TYPE_MISMATCH, sp, format!("cannot apply unary operator `-` to type `{}`", i.name()), "", None);
                        }
                    }
                    lit.span = span;
                    return lit;
                }
                let inner = self.check_expr(&u.expr, expected);
                if let Some(e) = self.overloaded_unary(inner.clone(), "Neg", "neg", &span) {
                    return e;
                }
                let ty = inner.ty.clone();
                mk(ExprKind::Unary(UnOp::Neg, Box::new(inner)), ty, span)
            }
            _ => {
                self.err(codes::UNSUPPORTED_EXPR, sp, "unsupported unary operator", "", None);
                self.error_expr(sp)
            }
        }
    }

    fn binop(op: &syn::BinOp) -> (BinOp, bool) {
        use syn::BinOp as B;
        match op {
            B::Add(_) => (BinOp::Add, false),
            B::Sub(_) => (BinOp::Sub, false),
            B::Mul(_) => (BinOp::Mul, false),
            B::Div(_) => (BinOp::Div, false),
            B::Rem(_) => (BinOp::Rem, false),
            B::And(_) => (BinOp::And, false),
            B::Or(_) => (BinOp::Or, false),
            B::BitXor(_) => (BinOp::BitXor, false),
            B::BitAnd(_) => (BinOp::BitAnd, false),
            B::BitOr(_) => (BinOp::BitOr, false),
            B::Shl(_) => (BinOp::Shl, false),
            B::Shr(_) => (BinOp::Shr, false),
            B::Eq(_) => (BinOp::Eq, false),
            B::Lt(_) => (BinOp::Lt, false),
            B::Le(_) => (BinOp::Le, false),
            B::Ne(_) => (BinOp::Ne, false),
            B::Ge(_) => (BinOp::Ge, false),
            B::Gt(_) => (BinOp::Gt, false),
            B::AddAssign(_) => (BinOp::Add, true),
            B::SubAssign(_) => (BinOp::Sub, true),
            B::MulAssign(_) => (BinOp::Mul, true),
            B::DivAssign(_) => (BinOp::Div, true),
            B::RemAssign(_) => (BinOp::Rem, true),
            B::BitXorAssign(_) => (BinOp::BitXor, true),
            B::BitAndAssign(_) => (BinOp::BitAnd, true),
            B::BitOrAssign(_) => (BinOp::BitOr, true),
            B::ShlAssign(_) => (BinOp::Shl, true),
            B::ShrAssign(_) => (BinOp::Shr, true),
            _ => (BinOp::Add, false),
        }
    }

    fn is_numeric(&self, t: &Ty) -> bool {
        match self.shallow(t) {
            Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Never => true,
            Ty::Var(v) => matches!(self.infer.kind_of(v), Some(VarKind::Int | VarKind::Float)),
            _ => false,
        }
    }

    fn is_int(&self, t: &Ty) -> bool {
        match self.shallow(t) {
            Ty::Int(_) | Ty::Never => true,
            Ty::Var(v) => self.infer.kind_of(v) == Some(VarKind::Int),
            _ => false,
        }
    }

    /// Strips references from an operand of a comparison (`&a == &b` compares values).
    pub fn auto_deref_operand(&mut self, e: TExpr) -> TExpr {
        let mut e = e;
        loop {
            match self.shallow(&e.ty) {
                Ty::Ref(_, t) => {
                    let span = e.span.clone();
                    e = mk(ExprKind::Deref(Box::new(e)), *t, span);
                }
                _ => return e,
            }
        }
    }

    fn check_binary(&mut self, b: &syn::ExprBinary, expected: Option<&Ty>) -> TExpr {
        let sp = b.span();
        let span = self.span(sp);
        let (op, assign) = Self::binop(&b.op);
        if assign {
            self.place_mut = true;
            let lhs = self.check_expr(&b.left, None);
            self.place_mut = false;
            self.check_place(&lhs, b.left.span());
            let lt = self.shallow(&lhs.ty);
            if let Some(e) = self.overloaded_compound(op, lhs.clone(), b, &span) {
                return e;
            }
            if op == BinOp::Add && matches!(lt, Ty::String) {
                let rhs = self.check_expr_coerce(&b.right, &Ty::str_ref());
                return mk(ExprKind::Std("string.push_str", vec![lhs, rhs]), Ty::Unit, span);
            }
            let rhs = if matches!(op, BinOp::Shl | BinOp::Shr) {
                let r = self.check_expr(&b.right, None);
                if !self.is_int(&r.ty) {
                    self.err(codes::TYPE_MISMATCH, b.right.span(), "shift amount must be an integer", "", None);
                }
                r
            } else {
                let lty = lhs.ty.clone();
                let r = self.check_expr(&b.right, Some(&lty));
                let r = self.auto_deref_operand(r);
                self.expect_ty(b.right.span(), &lty, &r.ty);
                r
            };
            if !self.is_numeric(&lhs.ty) && !matches!(self.shallow(&lhs.ty), Ty::Bool) {
                let n = self.ty_name(&lhs.ty);
                self.err(codes::TYPE_MISMATCH, sp, format!("binary assignment operation cannot be applied to type `{n}`"), "", Some("operator overloading arrives with traits (issue 4)"));
            }
            return mk(ExprKind::CompoundAssign(op, Box::new(lhs), Box::new(rhs)), Ty::Unit, span);
        }
        match op {
            BinOp::And | BinOp::Or => {
                let l = self.check_expr_coerce(&b.left, &Ty::Bool);
                let r = self.check_expr_coerce(&b.right, &Ty::Bool);
                mk(ExprKind::Binary(op, Box::new(l), Box::new(r)), Ty::Bool, span)
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                let l = self.check_expr(&b.left, None);
                let lty = l.ty.clone();
                let r = self.check_expr(&b.right, Some(&lty));
                let (l, r) = (self.auto_deref_operand(l), self.auto_deref_operand(r));
                let (lt, rt) = (self.shallow(&l.ty), self.shallow(&r.ty));
                if let Some(e) = self.overloaded_compare(op, l.clone(), r.clone(), &span, sp) {
                    return e;
                }
                let stringy = |t: &Ty| matches!(t, Ty::String | Ty::Str | Ty::Gc(crate::gc_types::GcKind::String, _));
                if stringy(&lt) && stringy(&rt) {
                    let l = self.to_str(l);
                    let r = self.to_str(r);
                    return mk(ExprKind::Binary(op, Box::new(l), Box::new(r)), Ty::Bool, span);
                }
                let (l, r) = self.gc_compare_operands(l, r);
                self.expect_ty(b.right.span(), &l.ty, &r.ty);
                mk(ExprKind::Binary(op, Box::new(l), Box::new(r)), Ty::Bool, span)
            }
            BinOp::Shl | BinOp::Shr => {
                let l = self.check_expr(&b.left, expected);
                let r = self.check_expr(&b.right, None);
                let l = self.auto_deref_operand(l);
                let r = self.auto_deref_operand(r);
                if !self.is_int(&l.ty) || !self.is_int(&r.ty) {
                    self.err(codes::TYPE_MISMATCH, sp, "shifts need integer operands", "", None);
                }
                let ty = l.ty.clone();
                mk(ExprKind::Binary(op, Box::new(l), Box::new(r)), ty, span)
            }
            _ => {
                let l_raw = self.check_expr(&b.left, expected);
                if matches!(self.shallow(&l_raw.ty), Ty::Ref(..)) && matches!(self.resolve(&l_raw.ty).peel_refs(), Ty::Adt(..)) {
                    // `&a * &b` with `impl Mul for &Matrix`.
                    let r_raw = self.check_expr(&b.right, None);
                    return self.overloaded_binary(op, l_raw, r_raw, &span, sp);
                }
                let l = self.auto_deref_operand(l_raw);
                if op == BinOp::Add && matches!(self.shallow(&l.ty), Ty::String) {
                    let r = self.check_expr_coerce(&b.right, &Ty::str_ref());
                    return mk(ExprKind::Std("string.add", vec![l, r]), Ty::String, span);
                }
                let lty = l.ty.clone();
                if matches!(self.shallow(&lty), Ty::Adt(..)) {
                    let r = self.check_expr(&b.right, None);
                    let r = self.auto_deref_operand(r);
                    return self.overloaded_binary(op, l, r, &span, sp);
                }
                let r = self.check_expr(&b.right, Some(&lty));
                let r = self.auto_deref_operand(r);
                self.expect_ty(b.right.span(), &lty, &r.ty);
                let ok = self.is_numeric(&lty) || (matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) && matches!(self.shallow(&lty), Ty::Bool));
                if !ok && matches!(self.shallow(&lty), Ty::Var(_)) {
                    // A closure parameter typed by a later call (`let f = |x| x * x; f(3)`): checked once known.
                    self.deferred_numeric.push((lty.clone(), sp));
                } else if !ok {
                    let n = self.ty_name(&lty);
                    self.err(codes::TYPE_MISMATCH, sp, format!("cannot apply binary operator to type `{n}`"), "", Some("operator overloading arrives with traits (issue 4)"));
                }
                mk(ExprKind::Binary(op, Box::new(l), Box::new(r)), lty, span)
            }
        }
    }

    /// Converts a String/str-typed operand to a `str` place for comparisons.
    pub fn to_str(&mut self, e: TExpr) -> TExpr {
        match self.shallow(&e.ty) {
            Ty::String => {
                let span = e.span.clone();
                let r = mk(ExprKind::AddrOf(false, Box::new(e)), Ty::Ref(false, Box::new(Ty::String)), span.clone());
                let s = mk(ExprKind::Std("string.as_str", vec![r]), Ty::str_ref(), span.clone());
                mk(ExprKind::Deref(Box::new(s)), Ty::Str, span)
            }
            Ty::Gc(crate::gc_types::GcKind::String, _) => self.gc_deref(e),
            _ => e,
        }
    }

    fn check_field(&mut self, f: &syn::ExprField) -> TExpr {
        let sp = f.span();
        let span = self.span(sp);
        let base = self.check_expr(&f.base, None);
        let base = self.auto_deref_operand(base);
        let bt = self.shallow(&base.ty);
        let base = match bt {
            Ty::Boxed(t) => {
                let s = base.span.clone();
                mk(ExprKind::Std("box.deref", vec![base]), *t, s)
            }
            Ty::Coll(crate::collections::CollKind::Rc, _) => {
                let b = self.rc_deref_all(base);
                self.auto_deref_operand(b)
            }
            _ => self.gc_deref(base),
        };
        let bt = self.shallow(&base.ty);
        match (&f.member, &bt) {
            // `Reverse(x).0`: `Reverse` has its content's representation.
            (syn::Member::Unnamed(i), Ty::Coll(crate::collections::CollKind::Reverse, ts)) if i.index == 0 => {
                mk(ExprKind::Std("coll.reverse_get", vec![base]), ts[0].clone(), span)
            }
            (syn::Member::Unnamed(i), Ty::Tuple(ts)) => {
                let i = i.index as usize;
                match ts.get(i) {
                    Some(t) => {
                        let t = t.clone();
                        mk(ExprKind::Field(Box::new(base), i), t, span)
                    }
                    None => {
                        self.err(codes::NO_FIELD, sp, format!("no field `{i}` on tuple"), "", None);
                        self.error_expr(sp)
                    }
                }
            }
            (m, Ty::Adt(a, targs)) if !self.ck.program.adts[*a].is_enum => {
                let name = match m {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                let a = *a;
                let targs = targs.clone();
                match self.ck.program.adts[a].variants[0].fields.iter().position(|x| x.name == name) {
                    Some(i) => {
                        let t = crate::types::subst(&self.ck.adt_fields[a][0][i], &targs);
                        mk(ExprKind::Field(Box::new(base), i), t, span)
                    }
                    None => {
                        let tn = self.ck.program.adts[a].name.clone();
                        self.err(codes::NO_FIELD, sp, format!("no field `{name}` on type `{tn}`"), "unknown field", None);
                        self.error_expr(sp)
                    }
                }
            }
            (_, Ty::Never) => base,
            _ => {
                let n = self.ty_name(&bt);
                if matches!(bt, Ty::Var(_)) {
                    self.err(codes::ANNOTATIONS_NEEDED, sp, "type annotations needed", "type must be known at this point", None);
                } else {
                    self.err(codes::NO_FIELD, sp, format!("no field on type `{n}`"), "", None);
                }
                self.error_expr(sp)
            }
        }
    }

    fn check_index(&mut self, i: &syn::ExprIndex) -> TExpr {
        let sp = i.span();
        let span = self.span(sp);
        let want_mut = std::mem::take(&mut self.place_mut);
        let base = self.check_expr(&i.expr, None);
        let base = self.auto_deref_operand(base);
        if matches!(self.shallow(&base.ty), Ty::Adt(..)) {
            return self.overloaded_index(base, i, want_mut);
        }
        if let syn::Expr::Range(_) = &*i.index {
            // `s[a..b]` is the unsized place `*&s[a..b]`; our representation is the same as the borrow.
            let r = syn::ExprReference { attrs: vec![], and_token: Default::default(), mutability: None, expr: Box::new(syn::Expr::Index(i.clone())) };
            let mut e = self.check_ref(&r, None);
            if let Ty::Ref(_, inner) = e.ty.clone() {
                e.ty = *inner;
            }
            return e;
        }
        if let Ty::Coll(..) = self.shallow(&base.ty) {
            let b2 = base.clone();
            if let Some(e) = self.coll_index(b2, i) {
                return e;
            }
        }
        let idx = self.check_expr_coerce(&i.index, &Ty::usize());
        let bt = self.shallow(&base.ty);
        // rustc reports array indexing at the expression, Vec/slice indexing (via `Index`) at the `[`.
        let span = if matches!(bt, Ty::Array(..)) { span } else { self.span(i.bracket_token.span.open()) };
        let elem = match bt {
            Ty::Vec(t) | Ty::Array(t, _) | Ty::Slice(t) => *t,
            Ty::Never => return base,
            Ty::String | Ty::Str => {
                self.err(codes::TYPE_MISMATCH, sp, "the type `str` cannot be indexed by an integer", "string indices are ranges of `usize`", Some("use `.chars().nth(i)` or `.as_bytes()[i]`"));
                return self.error_expr(sp);
            }
            _ => {
                let n = self.ty_name(&bt);
                self.err(codes::TYPE_MISMATCH, sp, format!("cannot index into a value of type `{n}`"), "", None);
                return self.error_expr(sp);
            }
        };
        mk(ExprKind::Index(Box::new(base), Box::new(idx)), elem, span)
    }

    fn check_struct_lit(&mut self, s: &syn::ExprStruct) -> TExpr {
        let sp = s.span();
        let span = self.span(sp);
        let segs = path_segs(&s.path);
        let (a, v) = match self.resolve_value(&segs).or_else(|| {
            if segs.len() == 1 && segs[0] == "Self" {
                self.self_adt.map(Def::Adt)
            } else {
                None
            }
        }) {
            Some(Def::Adt(a)) if !self.ck.program.adts[a].is_enum => (a, None),
            Some(Def::Variant(a, v)) => (a, Some(v)),
            _ => {
                // Try the types namespace (struct names without tuple constructors).
                match resolve_path_in(&self.ck.program, self.module, &segs) {
                    Some(Def::Adt(a)) => (a, None),
                    _ => {
                        self.err(codes::UNRESOLVED, s.path.span(), format!("cannot find struct `{}`", segs.join("::")), "not found", None);
                        return self.error_expr(sp);
                    }
                }
            }
        };
        let vi = v.unwrap_or(0);
        let (at, targs) = self.fresh_adt(a);
        let nfields = self.ck.adt_fields[a][vi].len();
        let mut vals: Vec<Option<TExpr>> = vec![None; nfields];
        for fv in &s.fields {
            let name = match &fv.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            match self.ck.program.adts[a].variants[vi].fields.iter().position(|x| x.name == name) {
                Some(i) => {
                    let t = crate::types::subst(&self.ck.adt_fields[a][vi][i], &targs);
                    vals[i] = Some(self.check_expr_coerce(&fv.expr, &t));
                }
                None => {
                    self.err(codes::NO_FIELD, fv.member.span(), format!("no field named `{name}`"), "unknown field", None);
                }
            }
        }
        let base = s.rest.as_ref().map(|r| Box::new(self.check_expr_coerce(r, &at)));
        if base.is_none() && vals.iter().any(Option::is_none) {
            self.err(codes::NO_FIELD, sp, "missing fields in struct literal", "", None);
        }
        match v {
            Some(v) => {
                if base.is_some() {
                    self.err(codes::UNSUPPORTED_EXPR, sp, "functional update syntax on enum variants", "", None);
                }
                let args = vals.into_iter().map(|x| x.unwrap_or_else(|| self.error_expr(sp))).collect();
                mk(ExprKind::Variant(v, args), at, span)
            }
            None => mk(ExprKind::Struct(a, vals, base), at, span),
        }
    }

    fn check_if(&mut self, i: &syn::ExprIf, expected: Option<&Ty>) -> TExpr {
        let sp = i.span();
        let span = self.span(sp);
        if let syn::Expr::Let(l) = &*i.cond {
            // `if let P = e { a } else { b }` is `match e { P => a, _ => b }`.
            let scrut = self.check_scrutinee(&l.expr);
            let sty = scrut.ty.clone();
            self.push_scope();
            let pat = self.check_pat(&l.pat, &sty);
            let then = self.check_block_expr(&i.then_branch, expected);
            self.pop_scope();
            let ty = then.ty.clone();
            let els = match &i.else_branch {
                Some((_, e)) => {
                    let ee = self.check_expr(e, Some(&ty));
                    self.unify_branches(&ty, &ee, e.span())
                }
                None => {
                    self.expect_ty(i.then_branch.span(), &ty, &Ty::Unit);
                    mk(ExprKind::Unit, Ty::Unit, span.clone())
                }
            };
            let rty = if matches!(self.shallow(&ty), Ty::Never) { els.ty.clone() } else { ty };
            let wild = TPat { kind: PatKind::Wild, ty: sty, span: span.clone() };
            let arms = vec![Arm { pat, guard: None, body: then }, Arm { pat: wild, guard: None, body: els }];
            return mk(ExprKind::Match(Box::new(scrut), arms), rty, span);
        }
        let cond = self.check_expr_coerce(&i.cond, &Ty::Bool);
        let then = self.check_block_expr(&i.then_branch, expected);
        match &i.else_branch {
            Some((_, e)) => {
                let ty = then.ty.clone();
                let ee = self.check_expr(e, Some(&ty));
                let ee = self.unify_branches(&ty, &ee, e.span());
                let rty = if matches!(self.shallow(&ty), Ty::Never) { ee.ty.clone() } else { ty };
                mk(ExprKind::If(Box::new(cond), Box::new(then), Some(Box::new(ee))), rty, span)
            }
            None => {
                self.expect_ty(i.then_branch.span(), &Ty::Unit, &then.ty);
                mk(ExprKind::If(Box::new(cond), Box::new(then), None), Ty::Unit, span)
            }
        }
    }

    fn unify_branches(&mut self, ty: &Ty, e: &TExpr, sp: proc_macro2::Span) -> TExpr {
        if matches!(self.shallow(ty), Ty::Never) {
            return e.clone();
        }
        self.coerce(e.clone(), ty, sp)
    }

    fn check_while(&mut self, w: &syn::ExprWhile) -> TExpr {
        let sp = w.span();
        let span = self.span(sp);
        let id = self.new_label();
        let label = w.label.as_ref().map(|l| l.name.ident.to_string());
        if let syn::Expr::Let(l) = &*w.cond {
            // `while let P = e { body }` is `loop { match e { P => body, _ => break } }`.
            let scrut = self.check_scrutinee(&l.expr);
            let sty = scrut.ty.clone();
            self.push_scope();
            let pat = self.check_pat(&l.pat, &sty);
            self.loops.push(LoopCx { label, id, break_ty: None });
            let body = self.check_block_expr(&w.body, Some(&Ty::Unit));
            self.loops.pop();
            self.pop_scope();
            self.expect_ty(w.body.span(), &Ty::Unit, &body.ty);
            let wild = TPat { kind: PatKind::Wild, ty: sty, span: span.clone() };
            let brk = mk(ExprKind::Break(id, None), Ty::Never, span.clone());
            let m = mk(ExprKind::Match(Box::new(scrut), vec![Arm { pat, guard: None, body }, Arm { pat: wild, guard: None, body: brk }]), Ty::Unit, span.clone());
            return mk(ExprKind::Loop(id, Box::new(m)), Ty::Unit, span);
        }
        let cond = self.check_expr_coerce(&w.cond, &Ty::Bool);
        self.loops.push(LoopCx { label, id, break_ty: None });
        let body = self.check_block_expr(&w.body, Some(&Ty::Unit));
        self.loops.pop();
        self.expect_ty(w.body.span(), &Ty::Unit, &body.ty);
        mk(ExprKind::While(id, Box::new(cond), Box::new(body)), Ty::Unit, span)
    }

    /// `for x in it` over a user `impl Iterator`: `{ let mut it = it; loop { match it.next() {
    /// Some(x) => body, None => break } } }` (rustc's desugaring).
    fn for_over_user_iterator(&mut self, f: &syn::ExprForLoop, iter: TExpr, span: crate::diagnostics::Span) -> Option<TExpr> {
        let mut it_ty = self.shallow(&iter.ty);
        let by_ref = if let Ty::Ref(true, inner) = &it_ty { Some((**inner).clone()) } else { None };
        if let Some(inner) = &by_ref {
            it_ty = self.shallow(inner);
        }
        if !matches!(it_ty, Ty::Adt(..)) {
            return None;
        }
        let callee = self.lookup_method(&it_ty, "next", Some("Iterator"))?;
        let sig = self.callee_sig(&callee);
        let Ty::Option(item) = self.shallow(&sig.ret) else { return None };
        let it_local = self.new_local("iter", iter.ty.clone());
        let it_expr = mk(ExprKind::Local(it_local), iter.ty.clone(), span.clone());
        let recv = if by_ref.is_some() {
            mk(ExprKind::Deref(Box::new(it_expr)), it_ty.clone(), span.clone())
        } else {
            it_expr
        };
        let recv = mk(ExprKind::AddrOf(true, Box::new(recv)), Ty::Ref(true, Box::new(it_ty.clone())), span.clone());
        let next = self.call_expr(callee, vec![recv], sig.ret.clone(), span.clone());
        let id = self.new_label();
        self.push_scope();
        let pat = self.check_pat(&f.pat, &item);
        self.loops.push(LoopCx { label: f.label.as_ref().map(|l| l.name.ident.to_string()), id, break_ty: None });
        let body = self.check_block_expr(&f.body, Some(&Ty::Unit));
        self.loops.pop();
        self.pop_scope();
        self.expect_ty(f.body.span(), &Ty::Unit, &body.ty);
        let opt = sig.ret.clone();
        let some = TPat { kind: PatKind::Variant(1, vec![(0, pat)]), ty: opt.clone(), span: span.clone() };
        let none = TPat { kind: PatKind::Wild, ty: opt, span: span.clone() };
        let arms = vec![
            Arm { pat: some, guard: None, body },
            Arm { pat: none, guard: None, body: mk(ExprKind::Break(id, None), Ty::Never, span.clone()) },
        ];
        let m = mk(ExprKind::Match(Box::new(next), arms), Ty::Unit, span.clone());
        let lp = mk(ExprKind::Loop(id, Box::new(m)), Ty::Unit, span.clone());
        let let_pat = TPat { kind: PatKind::Bind(it_local, None), ty: iter.ty.clone(), span: span.clone() };
        Some(mk(ExprKind::Block(vec![Stmt::Let(let_pat, Some(iter))], Some(Box::new(lp))), Ty::Unit, span))
    }

    fn check_for(&mut self, f: &syn::ExprForLoop) -> TExpr {
        let sp = f.span();
        let span = self.span(sp);
        let iter = self.check_expr(&f.expr, None);
        if let Some(e) = self.for_over_user_iterator(f, iter.clone(), span.clone()) {
            return e;
        }
        let iter = self.into_iter(iter, f.expr.span());
        let item = match self.shallow(&iter.ty) {
            Ty::Iter(t) => *t,
            _ => Ty::Never,
        };
        let id = self.new_label();
        self.push_scope();
        let pat = self.check_pat(&f.pat, &item);
        self.loops.push(LoopCx { label: f.label.as_ref().map(|l| l.name.ident.to_string()), id, break_ty: None });
        let body = self.check_block_expr(&f.body, Some(&Ty::Unit));
        self.loops.pop();
        self.pop_scope();
        self.expect_ty(f.body.span(), &Ty::Unit, &body.ty);
        mk(ExprKind::For(id, Box::new(pat), Box::new(iter), Box::new(body)), Ty::Unit, span)
    }

    /// `IntoIterator` for the types `for` loops accept: ranges, iterator chains, Vec (by value and by ref),
    /// arrays, slices.
    pub fn into_iter(&mut self, e: TExpr, sp: proc_macro2::Span) -> TExpr {
        let span = e.span.clone();
        let t = self.shallow(&e.ty);
        if matches!(t.peel_refs(), Ty::Coll(..)) || matches!(&t, Ty::Ref(_, x) if matches!(self.shallow(x), Ty::Coll(..))) {
            let e2 = e.clone();
            if let Some(it) = self.coll_into_iter(e2) {
                return it;
            }
        }
        match t {
            Ty::Iter(_) | Ty::Never => e,
            Ty::Range(elem, incl) => {
                if !self.is_int(&elem) && !matches!(self.shallow(&elem), Ty::Char) {
                    self.err(codes::UNSUPPORTED_EXPR, sp, "only integer and char ranges can be iterated", "", None);
                }
                let item = (*elem).clone();
                mk(ExprKind::IterSource(if incl { "range_incl" } else { "range" }, vec![e]), Ty::Iter(Box::new(item)), span)
            }
            Ty::Vec(elem) | Ty::Array(elem, _) => mk(ExprKind::IterSource("seq_owned", vec![e]), Ty::Iter(elem), span),
            Ty::Ref(m, inner) => match self.shallow(&inner) {
                Ty::Vec(elem) | Ty::Array(elem, _) | Ty::Slice(elem) => {
                    mk(ExprKind::IterSource(if m { "seq_mut" } else { "seq_ref" }, vec![e]), Ty::Iter(Box::new(Ty::Ref(m, elem))), span)
                }
                // `for x in &gc_array`: clones of the elements, as `GcArray::iter`.
                Ty::Gc(crate::gc_types::GcKind::Array, elem) => {
                    let v = mk(ExprKind::Std("gc.array.to_vec", vec![e]), Ty::Vec(elem.clone()), span.clone());
                    mk(ExprKind::IterSource("seq_owned", vec![v]), Ty::Iter(elem), span)
                }
                _ => {
                    let n = self.ty_name(&inner);
                    self.err(codes::UNSUPPORTED_EXPR, sp, format!("`&{n}` is not an iterator"), "", None);
                    self.error_expr(sp)
                }
            },
            _ => {
                let n = self.ty_name(&t);
                self.err(codes::UNSUPPORTED_EXPR, sp, format!("`{n}` is not an iterator"), "", Some("iterate over a range, a Vec, an array, a slice or an iterator method"));
                self.error_expr(sp)
            }
        }
    }

    fn check_match(&mut self, m: &syn::ExprMatch, expected: Option<&Ty>) -> TExpr {
        let sp = m.span();
        let span = self.span(sp);
        let scrut = self.check_scrutinee(&m.expr);
        let sty = scrut.ty.clone();
        let mut ty: Option<Ty> = expected.cloned();
        let mut arms = Vec::new();
        let mut all_never = true;
        for a in &m.arms {
            self.push_scope();
            let pat = self.check_pat(&a.pat, &sty);
            let guard = a.guard.as_ref().map(|(_, g)| self.check_expr_coerce(g, &Ty::Bool));
            let body = match &ty {
                Some(t) => {
                    let t = t.clone();
                    let b = self.check_expr(&a.body, Some(&t));
                    if matches!(self.shallow(&b.ty), Ty::Never) {
                        b
                    } else {
                        all_never = false;
                        self.coerce(b, &t, a.body.span())
                    }
                }
                None => {
                    let b = self.check_expr(&a.body, None);
                    if !matches!(self.shallow(&b.ty), Ty::Never) {
                        all_never = false;
                        ty = Some(b.ty.clone());
                    }
                    b
                }
            };
            self.pop_scope();
            arms.push(Arm { pat, guard, body });
        }
        let rty = if all_never { Ty::Never } else { ty.unwrap_or(Ty::Never) };
        mk(ExprKind::Match(Box::new(scrut), arms), rty, span)
    }

    fn check_cast(&mut self, c: &syn::ExprCast) -> TExpr {
        let sp = c.span();
        let span = self.span(sp);
        let target = match self.to_ty(&c.ty) {
            Ok(t) => t,
            Err(d) => {
                self.errors.push(d);
                return self.error_expr(sp);
            }
        };
        // `Box::new(x) as Box<dyn Trait>` / `&x as &dyn Trait`: the unsizing coercion, written as a cast.
        let is_dyn = |t: &Ty| matches!(t, Ty::DynTrait(_) | Ty::DynFn(..));
        if matches!(&target, Ty::Boxed(x) | Ty::Ref(_, x) if is_dyn(x)) {
            return self.check_expr_coerce(&c.expr, &target);
        }
        let inner = self.check_expr(&c.expr, None);
        let from = self.shallow(&inner.ty);
        let ok = match (&from, &target) {
            (Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Var(_), Ty::Int(_) | Ty::F32 | Ty::F64) => true,
            (Ty::Bool | Ty::Char, Ty::Int(_)) => true,
            (Ty::Int(IntTy::U8), Ty::Char) => true,
            (Ty::Var(_), Ty::Char) => {
                let _ = self.infer.unify(&from, &Ty::Int(IntTy::U8));
                true
            }
            (Ty::Adt(a, _), Ty::Int(_)) => self.ck.adt_is_fieldless_enum(*a),
            (Ty::Never, _) => true,
            _ => from == target,
        };
        if !ok {
            let (a, b) = (self.ty_name(&from), self.ty_name(&target));
            self.err(codes::TYPE_MISMATCH, sp, format!("non-primitive cast: `{a}` as `{b}`"), "invalid cast", None);
        }
        mk(ExprKind::Cast(Box::new(inner)), target, span)
    }

    fn check_try(&mut self, t: &syn::ExprTry) -> TExpr {
        let sp = t.span();
        let span = self.span(sp);
        let inner = self.check_expr(&t.expr, None);
        let exit = self.exit_ty();
        // An inline closure's result type may not be known yet: `?` on an Option/Result decides it.
        if matches!(self.shallow(&exit), Ty::Var(_)) {
            let guess = match self.shallow(&inner.ty) {
                Ty::Option(_) => Some(Ty::Option(Box::new(self.fresh()))),
                Ty::Result(_, e) => Some(Ty::Result(Box::new(self.fresh()), e)),
                _ => None,
            };
            if let Some(g) = guess {
                let _ = self.infer.unify(&exit, &g);
            }
        }
        let ret = self.shallow(&exit);
        match self.shallow(&inner.ty) {
            Ty::Option(v) => {
                if !matches!(ret, Ty::Option(_)) {
                    self.err(codes::TYPE_MISMATCH, t.question_token.span, "the `?` operator can only be used on `Option`s in a function that returns `Option`", "cannot use the `?` operator here", None);
                }
                let vl = self.new_local("v", (*v).clone());
                let some = TPat { kind: PatKind::Variant(1, vec![(0, TPat { kind: PatKind::Bind(vl, None), ty: (*v).clone(), span: span.clone() })]), ty: inner.ty.clone(), span: span.clone() };
                let none = TPat { kind: PatKind::Wild, ty: inner.ty.clone(), span: span.clone() };
                let ret_none = self.exit_with(Some(Box::new(mk(ExprKind::Variant(0, vec![]), ret.clone(), span.clone()))), span.clone());
                let arms = vec![
                    Arm { pat: some, guard: None, body: mk(ExprKind::Local(vl), (*v).clone(), span.clone()) },
                    Arm { pat: none, guard: None, body: ret_none },
                ];
                mk(ExprKind::Match(Box::new(inner), arms), *v, span)
            }
            Ty::Result(v, e) => {
                let Ty::Result(_, re) = ret.clone() else {
                    self.err(codes::TYPE_MISMATCH, t.question_token.span, "the `?` operator can only be used on `Result`s in a function that returns `Result`", "cannot use the `?` operator here", None);
                    return self.error_expr(sp);
                };
                let vl = self.new_local("v", (*v).clone());
                let el = self.new_local("e", (*e).clone());
                // `From` conversion: identity, or &str → String.
                let re_s = self.shallow(&re);
                let et = (*e).clone();
                let from_impl = if matches!(re_s, Ty::Adt(..)) && self.resolve(&re_s) != self.resolve(&et) {
                    self.lookup_method_where(&re_s, "from", Some("From"), &mut |cx, c| {
                        let sig = cx.callee_sig(c);
                        sig.params.len() == 1 && cx.infer.unify(&sig.params[0], &et).is_ok()
                    })
                } else {
                    None
                };
                let boxed = if self.wants_dyn_error(&re) { self.to_dyn_error(mk(ExprKind::Local(el), (*e).clone(), span.clone()), &re, true) } else { None };
                let err_val = if let Some(b) = boxed {
                    b
                } else if let Some(c) = from_impl {
                    let arg = mk(ExprKind::Local(el), (*e).clone(), span.clone());
                    self.call_expr(c, vec![arg], re_s, span.clone())
                } else if self.infer.unify(&re, &e).is_ok() {
                    mk(ExprKind::Local(el), (*e).clone(), span.clone())
                } else if matches!(self.shallow(&re), Ty::String) && matches!(self.resolve(&e), Ty::Ref(_, ref s) if **s == Ty::Str) {
                    mk(ExprKind::Std("str.to_string", vec![mk(ExprKind::Local(el), (*e).clone(), span.clone())]), Ty::String, span.clone())
                } else {
                    let (a, b) = (self.ty_name(&e), self.ty_name(&re));
                    self.err(codes::TRAITS, t.question_token.span, format!("`?` cannot convert the error type `{a}` into `{b}`"), "", Some("error type conversion via `From` arrives with traits (issue 4)"));
                    mk(ExprKind::Local(el), (*e).clone(), span.clone())
                };
                let ok = TPat { kind: PatKind::Variant(0, vec![(0, TPat { kind: PatKind::Bind(vl, None), ty: (*v).clone(), span: span.clone() })]), ty: inner.ty.clone(), span: span.clone() };
                let err = TPat { kind: PatKind::Variant(1, vec![(0, TPat { kind: PatKind::Bind(el, None), ty: (*e).clone(), span: span.clone() })]), ty: inner.ty.clone(), span: span.clone() };
                let ret_err = self.exit_with(Some(Box::new(mk(ExprKind::Variant(1, vec![err_val]), ret.clone(), span.clone()))), span.clone());
                let arms = vec![
                    Arm { pat: ok, guard: None, body: mk(ExprKind::Local(vl), (*v).clone(), span.clone()) },
                    Arm { pat: err, guard: None, body: ret_err },
                ];
                mk(ExprKind::Match(Box::new(inner), arms), *v, span)
            }
            Ty::Never => inner,
            other => {
                let n = self.ty_name(&other);
                self.err(codes::TYPE_MISMATCH, t.question_token.span, format!("the `?` operator cannot be applied to type `{n}`"), "", None);
                self.error_expr(sp)
            }
        }
    }

    /// Checks a closure literal against known parameter types; the body is type-checked in this function's
    /// context (the closure is inlined where it is called, so captures are plain local accesses).
    pub fn check_closure(&mut self, c: &syn::ExprClosure, params: &[Ty], ret: Option<&Ty>) -> Option<(Closure, Ty)> {
        if c.inputs.len() != params.len() {
            self.err(codes::ARITY, c.span(), format!("this closure takes {} arguments but {} are supplied", c.inputs.len(), params.len()), "", None);
            return None;
        }
        self.push_scope();
        self.in_closure += 1;
        // A value closure becomes a fn of its own: `return`/`?` in it leave the closure.
        let is_value = std::mem::take(&mut self.next_closure_is_value);
        self.closure_kinds.push(is_value);
        let saved_ret = self.ret_ty.clone();
        let ret_owned = match (is_value, ret) {
            (true, None) => Some(self.fresh()),
            _ => None,
        };
        let ret = ret.or(ret_owned.as_ref());
        if is_value {
            if let Some(r) = ret {
                self.ret_ty = r.clone();
            }
        }
        let mut pats = Vec::new();
        for (p, t) in c.inputs.iter().zip(params) {
            let (p, t) = match p {
                syn::Pat::Type(pt) => {
                    let ann = match self.to_ty(&pt.ty) {
                        Ok(a) => a,
                        Err(d) => {
                            self.errors.push(d);
                            Ty::Never
                        }
                    };
                    self.expect_ty(pt.span(), t, &ann);
                    (&*pt.pat, t)
                }
                p => (p, t),
            };
            pats.push(self.check_pat(p, t));
        }
        if !is_value {
            let label = self.new_label();
            let exit = ret.cloned().unwrap_or_else(|| self.fresh());
            self.inline_exits.push((label, exit, false));
        }
        let mut body = match ret {
            Some(r) => self.check_expr_coerce(&c.body, r),
            None => self.check_expr(&c.body, None),
        };
        if !is_value {
            let (label, exit, used) = self.inline_exits.pop().expect("pushed above");
            if used {
                // `?`/`return` inside: the body runs as `'label: { break 'label body }`.
                self.expect_ty(c.body.span(), &exit, &body.ty);
                let span = body.span.clone();
                let brk = mk(ExprKind::Break(label, Some(Box::new(body))), Ty::Never, span.clone());
                body = mk(ExprKind::Loop(label, Box::new(brk)), exit, span);
            }
        }
        self.in_closure -= 1;
        self.closure_kinds.pop();
        self.ret_ty = saved_ret;
        self.pop_scope();
        let rt = match ret {
            Some(r) if is_value => r.clone(),
            _ => body.ty.clone(),
        };
        Some((Closure { params: pats, body: Box::new(body) }, rt))
    }

    /// Whether the innermost closure being checked is a value closure (lifted into its own fn).
    pub fn in_value_closure(&self) -> bool {
        self.closure_kinds.last().copied().unwrap_or(false)
    }

    /// A closure stored in a `let` binding: its parameters get inference variables, fixed by its calls.
    fn check_closure_value(&mut self, c: &syn::ExprClosure) -> TExpr {
        self.check_closure_value_with(c, None, None)
    }

    /// A closure value whose parameter/return types may be known from a `Fn(A) -> R` bound.
    pub fn check_closure_value_with(&mut self, c: &syn::ExprClosure, params: Option<&[Ty]>, ret: Option<&Ty>) -> TExpr {
        let sp = c.span();
        let params: Vec<Ty> = match params {
            Some(p) if p.len() == c.inputs.len() => p.to_vec(),
            _ => c.inputs.iter().map(|_| self.fresh()).collect(),
        };
        self.next_closure_is_value = true;
        match self.check_closure(c, &params, ret) {
            Some((cl, _)) => {
                let id = self.ck.closures.len();
                self.ck.closures.push(cl.clone());
                mk(ExprKind::MakeClosure(id, Box::new(cl), c.capture.is_some()), Ty::Closure(id), self.span(sp))
            }
            None => self.error_expr(sp),
        }
    }
}
