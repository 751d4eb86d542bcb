//! Lowering of one function body: expressions, statements and control flow.

use super::place::Place;
use super::Lowerer;
use crate::diagnostics::{codes, Span};
use crate::tir::{BinOp, Body, ExprKind, Stmt, TExpr, UnOp};
use crate::types::{IntTy, Ty};
use std::collections::HashMap;
use wasm_encoder::{BlockType, Instruction as I, ValType};

pub struct FnLower<'l, 'a> {
    pub lw: &'l mut Lowerer<'a>,
    pub body: Option<&'a Body>,
    pub nparams: u32,
    pub locals: Vec<ValType>,
    pub local_map: Vec<Option<u32>>,
    /// Bindings that name a place (`&mut` to a scalar element or field).
    pub aliases: HashMap<usize, Place>,
    pub code: Vec<I<'static>>,
    pub depth: u32,
    pub loops: HashMap<usize, (u32, u32)>,
    pub checks: bool,
    pub ret_repr: Option<ValType>,
    /// Set while `elem_refs` lowers a call of a function returning an element `&mut` (see there).
    pub elem_call_ok: bool,
    /// A panic location to report instead of the span's (code std runs inside `core`, e.g. the
    /// additions of `Iterator::sum`, which rustc reports at `core/src/iter/traits/accum.rs`).
    pub loc_override: Option<String>,
    /// Stored iterator chains kept lazy in this function's locals (`ops/lazy_iter.rs`).
    pub lazy_iters: HashMap<usize, super::ops::lazy_iter::LazyIter>,
    /// Lowering a binary's `main`: code outside any block runs once, so a `&str` literal there is
    /// built in place rather than cached in a global (`str_consts`), which would only add bytes.
    pub runs_once: bool,
}

pub fn lower_user_fn(lw: &mut Lowerer, id: u32, f: usize) {
    let ck = lw.ck;
    let body = &ck.bodies[&f];
    let checks = lw.opts.overflow_checks && !body.is_prelude;
    let ret_repr = lw.repr(&body.ret);
    let lw_runs_once = lw.opts.kind == crate::CrateKind::Bin && super::test_entry::root_fn(lw) == Some(f);
    let mut fl = FnLower {
        lw,
        body: Some(body),
        nparams: 0,
        locals: Vec::new(),
        local_map: vec![None; body.locals.len()],
        aliases: HashMap::new(),
        code: Vec::new(),
        depth: 0,
        loops: HashMap::new(),
        checks,
        ret_repr,
        elem_call_ok: false,
        loc_override: None,
        lazy_iters: HashMap::new(),
        runs_once: lw_runs_once,
    };
    // Parameters: wasm params in order; boxed params are moved into a cell local.
    let mut n = 0;
    let mut boxed_params = Vec::new();
    for &l in &body.params {
        let t = body.locals[l].ty.clone();
        if fl.lw.repr(&t).is_some() {
            fl.local_map[l] = Some(n);
            if body.locals[l].boxed && fl.lw.is_scalar(&t) {
                boxed_params.push((l, n));
            }
            n += 1;
        }
    }
    fl.nparams = n;
    for (l, p) in boxed_params {
        let t = body.locals[l].ty.clone();
        let cell = fl.lw.cell_type(&t);
        let c = fl.new_local(super::reprs::ref_ty(cell));
        fl.emit(I::LocalGet(p));
        fl.emit(I::StructNew(cell));
        fl.emit(I::LocalSet(c));
        fl.local_map[l] = Some(c);
    }
    if let Some(name) = intrinsic_name(&fl.lw.ck.program.fns[f].name, fl.lw.ck.program.fns[f].is_prelude) {
        super::helpers::intrinsic_body(&mut fl, name);
    } else if let Some(pr) = fl.lw.elem_ret(f) {
        fl.elem_ret_body(&body.expr, &pr);
    } else {
        fl.expr(&body.expr);
    }
    fl.emit(I::End);
    let FnLower { locals, code, .. } = fl;
    lw.set_body(id, locals, code);
}

/// Whether a type contains a reference (a borrow could then outlive a call).
fn contains_ref(t: &Ty) -> bool {
    match t {
        Ty::Ref(..) | Ty::Str | Ty::Slice(_) => true,
        Ty::Tuple(ts) => ts.iter().any(contains_ref),
        Ty::Array(e, _) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) => contains_ref(e),
        Ty::Result(a, b) => contains_ref(a) || contains_ref(b),
        _ => false,
    }
}

fn intrinsic_name(name: &str, prelude: bool) -> Option<&str> {
    if prelude { name.strip_prefix("__intrinsic_") } else { None }
}

impl<'l, 'a> FnLower<'l, 'a> {
    pub fn new_helper(lw: &'l mut Lowerer<'a>, nparams: u32, ret: Option<ValType>) -> Self {
        let checks = false;
        FnLower { lw, body: None, nparams, locals: Vec::new(), local_map: Vec::new(), aliases: HashMap::new(), code: Vec::new(), depth: 0, loops: HashMap::new(), checks, ret_repr: ret, elem_call_ok: false, loc_override: None, lazy_iters: HashMap::new(), runs_once: false }
    }

    pub fn finish(mut self, id: u32) {
        self.emit(I::End);
        let FnLower { lw, locals, code, .. } = self;
        lw.set_body(id, locals, code);
    }

    pub fn emit(&mut self, i: I<'static>) {
        self.code.push(i);
    }

    /// The wasm type of local `idx` (None for parameters of helpers without a body).
    pub fn local_valtype(&self, idx: u32) -> Option<ValType> {
        if idx >= self.nparams {
            return self.locals.get((idx - self.nparams) as usize).copied();
        }
        let body = self.body?;
        let mut n = 0;
        for &l in &body.params {
            if let Some(m) = self.local_map.get(l).copied().flatten() {
                if m == idx {
                    let _ = n;
                    return None;
                }
            }
            n += 1;
        }
        None
    }

    pub fn new_local(&mut self, t: ValType) -> u32 {
        self.locals.push(t);
        self.nparams + self.locals.len() as u32 - 1
    }

    /// Opens a block/loop/if; returns its depth for branches.
    pub fn open(&mut self, kind: u8, bt: BlockType) -> u32 {
        match kind {
            0 => self.emit(I::Block(bt)),
            1 => self.emit(I::Loop(bt)),
            _ => self.emit(I::If(bt)),
        }
        let d = self.depth;
        self.depth += 1;
        d
    }

    pub fn end(&mut self) {
        self.emit(I::End);
        self.depth -= 1;
    }

    pub fn br(&mut self, target: u32) {
        self.emit(I::Br(self.depth - 1 - target));
    }

    pub fn br_if(&mut self, target: u32) {
        self.emit(I::BrIf(self.depth - 1 - target));
    }

    pub fn bt(&mut self, t: &Ty) -> BlockType {
        match self.lw.repr(t) {
            Some(v) => BlockType::Result(v),
            None => BlockType::Empty,
        }
    }

    pub fn loc_string(&self, span: &Span) -> String {
        if let Some(l) = &self.loc_override {
            return l.clone();
        }
        let file = self.lw.ck.program.sources.files.get(span.file).map(|f| f.display.clone()).unwrap_or_default();
        format!("{}:{}:{}", file, span.start.line, span.start.col)
    }

    /// Emits a `&str` literal.
    pub fn str_lit(&mut self, s: &str) {
        let u8t = Ty::Int(IntTy::U8);
        let arr = self.lw.array_type(&u8t);
        let sl = self.lw.slice_type(&u8t);
        let n = s.len() as i32;
        if n == 0 {
            self.emit(I::ArrayNewFixed { array_type_index: arr, array_size: 0 });
        } else {
            let seg = self.lw.data_segment(s.as_bytes());
            self.emit(I::I32Const(0));
            self.emit(I::I32Const(n));
            self.emit(I::ArrayNewData { array_type_index: arr, array_data_index: seg });
        }
        self.emit(I::I32Const(0));
        self.emit(I::I32Const(n));
        self.emit(I::StructNew(sl));
    }

    /// Panics with a constant message at `span`.
    pub fn panic_const(&mut self, span: &Span, msg: &str) {
        let loc = self.loc_string(span);
        self.str_lit(&loc);
        self.str_lit(msg);
        let f = self.lw.prelude_fn("panic_str");
        self.emit(I::Call(f));
        self.emit(I::Unreachable);
    }

    /// Panics with the String on the stack as message.
    pub fn panic_string_on_stack(&mut self, span: &Span) {
        let u8t = Ty::Int(IntTy::U8);
        let vt = super::reprs::ref_ty(self.lw.vec_type(&u8t));
        let tmp = self.new_local(vt);
        self.emit(I::LocalSet(tmp));
        let loc = self.loc_string(span);
        self.str_lit(&loc);
        self.emit(I::LocalGet(tmp));
        let f = self.lw.prelude_fn("panic_string");
        self.emit(I::Call(f));
        self.emit(I::Unreachable);
    }

    /// Lowers `e`, leaving its value (if any) on the stack.
    pub fn expr(&mut self, e: &TExpr) {
        let span = &e.span;
        match &e.kind {
            ExprKind::Unit | ExprKind::Nop => {}
            ExprKind::ToDyn(table, tag, inner) => self.to_dyn(*table, *tag, inner),
            ExprKind::DynCall(table, m, args) => self.dyn_call(*table, *m, args, &e.ty),
            ExprKind::CallInst(..) | ExprKind::MakeClosure(..) | ExprKind::CallClosure(..) => self.lw.error(crate::diagnostics::codes::ICE, span, "generic call or closure left unresolved by type checking".to_string(), None),
            ExprKind::Int(v) => self.int_const(*v, &e.ty),
            ExprKind::Float(f) => match e.ty {
                Ty::F32 => self.emit(I::F32Const((*f as f32).into())),
                _ => self.emit(I::F64Const((*f).into())),
            },
            ExprKind::Bool(b) => self.emit(I::I32Const(*b as i32)),
            ExprKind::Char(c) => self.emit(I::I32Const(*c as i32)),
            ExprKind::Str(s) if self.runs_once && self.depth == 0 => self.str_lit(s),
            ExprKind::Str(s) => self.str_lit_cached(s),
            ExprKind::Index(base, idx) if self.lw.repr(&e.ty).is_some() && super::str_consts::const_table_key(base).is_some() => {
                let key = super::str_consts::const_table_key(base).unwrap_or_default();
                self.const_table_index(key, base, idx, e);
            }
            ExprKind::Local(_) | ExprKind::Field(..) | ExprKind::Index(..) | ExprKind::Deref(_) => {
                if let ExprKind::Deref(inner) = &e.kind {
                    // `*r` of a shared reference to a scalar is the value itself.
                    if let Ty::Ref(false, _) = inner.ty {
                        self.expr(inner);
                        self.copy_if_needed(&e.ty);
                        return;
                    }
                }
                if self.lw.repr(&e.ty).is_none() {
                    // Zero-sized: still evaluate for side effects (bounds checks).
                    if let ExprKind::Index(..) = e.kind {
                        let p = self.place(e);
                        let _ = p;
                    }
                    return;
                }
                let p = self.place(e);
                self.load(&p);
                self.copy_if_needed(&e.ty);
            }
            ExprKind::Call(f, _) if !self.elem_call_ok && self.lw.elem_ret(*f).is_some() => self.elem_ret_misuse(e),
            ExprKind::Call(f, args) => {
                self.elem_call_ok = false;
                // `&mut` to a scalar field/element: pass a temporary cell and copy the value back after
                // the call (exact, since the borrow cannot outlive the call when the result holds no
                // reference).
                let mut writebacks = Vec::new();
                for a in args {
                    let alias = match (&a.kind, &a.ty) {
                        (ExprKind::Local(l), Ty::Ref(true, t)) if self.aliases.contains_key(l) => Some((self.aliases[l].clone(), (**t).clone())),
                        _ => None,
                    };
                    let borrowed = match alias {
                        Some(x) => Some(x),
                        None if self.is_elem_ref_expr(a) => {
                            let t = match &a.ty {
                                Ty::Ref(_, t) => (**t).clone(),
                                t => t.clone(),
                            };
                            Some((self.elem_ref_place(a), t))
                        }
                        None => None,
                    };
                    if let Some((p, pt)) = borrowed {
                        if contains_ref(&e.ty) {
                            self.lw.error(codes::UNSUPPORTED_BORROW, &a.span, "a `&mut` to a scalar field or element passed to a function returning a reference is not supported yet", None);
                        }
                        let c = self.lw.cell_type(&pt);
                        let cl = self.new_local(super::reprs::ref_ty(c));
                        self.load(&p);
                        self.emit(I::StructNew(c));
                        self.emit(I::LocalTee(cl));
                        writebacks.push((p, cl, c));
                        continue;
                    }
                    self.expr(a);
                }
                let id = self.lw.user_fn(*f);
                self.emit(I::Call(id));
                if matches!(e.ty, Ty::Never) {
                    self.emit(I::Unreachable);
                    return;
                }
                if !writebacks.is_empty() {
                    let r = self.stash(&e.ty);
                    for (p, cl, c) in writebacks {
                        self.store_with(&p, &mut |fl: &mut FnLower| {
                            fl.emit(I::LocalGet(cl));
                            fl.emit(I::StructGet { struct_type_index: c, field_index: 0 });
                        });
                    }
                    if let Some(r) = r {
                        self.emit(I::LocalGet(r));
                    }
                }
            }
            ExprKind::FnRef(f) if self.lw.elem_ret(*f).is_some() => self.elem_ret_misuse(e),
            ExprKind::FnRef(f) => {
                let id = self.lw.user_fn(*f);
                self.lw.declared_refs.push(id);
                self.emit(I::RefFunc(id));
            }
            ExprKind::CallRef(callee, args) => {
                for a in args {
                    self.expr(a);
                }
                self.expr(callee);
                let ft = match self.lw.repr(&callee.ty) {
                    Some(ValType::Ref(r)) => match r.heap_type {
                        wasm_encoder::HeapType::Concrete(i) => i,
                        _ => 0,
                    },
                    _ => 0,
                };
                self.emit(I::CallRef(ft));
                if matches!(e.ty, Ty::Never) {
                    self.emit(I::Unreachable);
                }
            }
            ExprKind::Std(op, args) => {
                if !self.iter_std(op, args, e) {
                    self.std_op(op, args, e)
                }
            }
            ExprKind::StdClosure(op, args, cls) => self.std_closure_op(op, args, cls, e),
            ExprKind::Unary(op, a) => self.unary(*op, a, e),
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, e),
            ExprKind::Assign(place, val) => {
                if let ExprKind::Local(l) = place.kind {
                    if !self.aliases.contains_key(&l) && self.local_map.get(l).copied().flatten().is_none() && self.lw.repr(&place.ty).is_some() {
                        self.bind_new_local(l);
                    }
                }
                let p = self.place(place);
                self.store_expr(&p, val);
            }
            ExprKind::CompoundAssign(op, place, val) => {
                let p = self.place(place);
                let (op, pt) = (*op, place.ty.clone());
                let p2 = p.clone();
                let sp = e.span.clone();
                self.store_with(&p, &mut |fl: &mut FnLower| {
                    fl.load(&p2);
                    fl.expr(val);
                    fl.arith(op, &pt, &val.ty, &sp);
                });
            }
            ExprKind::Cast(inner) => {
                self.expr(inner);
                self.cast(&inner.ty, &e.ty);
            }
            ExprKind::Unerase(inner) => super::thin_calls::unerase(self, inner, &e.ty),
            ExprKind::SliceRange(base, a, b, incl) => self.slice_range(base, a.as_deref(), b.as_deref(), *incl, e),
            ExprKind::AddrOf(false, inner) if self.shared_unit_variant(inner) => {}
            ExprKind::AddrOf(m, inner) => self.addr_of(*m, inner),
            ExprKind::Struct(a, vals, base) => self.struct_lit(*a, vals, base.as_deref(), &e.ty),
            ExprKind::Tuple(items) => {
                let l = self.lw.layout(&e.ty);
                for it in items {
                    self.expr(it);
                }
                self.emit(I::StructNew(l.ty));
            }
            ExprKind::Array(items) => {
                let Ty::Array(elem, _) = &e.ty else { return };
                let arr = self.lw.array_type(elem);
                if self.lw.repr(elem).is_none() {
                    for it in items {
                        self.expr(it);
                    }
                    self.emit(I::I32Const(items.len() as i32));
                    self.emit(I::ArrayNewDefault(arr));
                    return;
                }
                for it in items {
                    self.expr(it);
                }
                self.emit(I::ArrayNewFixed { array_type_index: arr, array_size: items.len() as u32 });
            }
            ExprKind::ArrayRepeat(v, n) => {
                let Ty::Array(elem, _) = &e.ty else { return };
                let elem = (**elem).clone();
                let n = *n as i32;
                self.repeat_array(v, &elem, |fl| fl.emit(I::I32Const(n)));
            }
            ExprKind::Variant(v, args) => self.variant(*v, args, &e.ty),
            ExprKind::Block(stmts, tail) => {
                for s in stmts {
                    self.stmt(s);
                }
                if let Some(t) = tail {
                    self.expr(t);
                    if matches!(e.ty, Ty::Never) && !matches!(t.ty, Ty::Never) {
                        // unreachable tail after diverging statements
                    }
                } else if matches!(e.ty, Ty::Never) {
                    self.emit(I::Unreachable);
                } else if self.lw.repr(&e.ty).is_some() {
                    self.emit(I::Unreachable);
                }
            }
            ExprKind::If(c, t, f) => {
                self.expr(c);
                let bt = self.bt(&e.ty);
                self.open(2, bt);
                self.expr(t);
                self.drop_if_unused(&t.ty, &e.ty);
                if let Some(f) = f {
                    self.emit(I::Else);
                    self.expr(f);
                    self.drop_if_unused(&f.ty, &e.ty);
                }
                self.end();
                if matches!(e.ty, Ty::Never) {
                    self.emit(I::Unreachable);
                }
            }
            ExprKind::Loop(label, body) => {
                let bt = self.bt(&e.ty);
                let brk = self.open(0, bt);
                let cont = self.open(1, BlockType::Empty);
                self.loops.insert(*label, (brk, cont));
                self.expr(body);
                self.drop_value(&body.ty);
                self.br(cont);
                self.end();
                // The loop only exits through `br`.
                self.emit(I::Unreachable);
                self.end();
                if matches!(e.ty, Ty::Never) {
                    self.emit(I::Unreachable);
                }
            }
            ExprKind::While(label, c, body) => {
                let brk = self.open(0, BlockType::Empty);
                let cont = self.open(1, BlockType::Empty);
                self.loops.insert(*label, (brk, cont));
                self.expr(c);
                self.emit(I::I32Eqz);
                self.br_if(brk);
                self.expr(body);
                self.drop_value(&body.ty);
                self.br(cont);
                self.end();
                self.end();
            }
            ExprKind::For(label, pat, iter, body) => self.for_loop(*label, pat, iter, body),
            ExprKind::Break(label, val) => {
                if let Some(v) = val {
                    self.expr(v);
                }
                let (brk, _) = self.loops[label];
                self.br(brk);
            }
            ExprKind::Continue(label) => {
                let (_, cont) = self.loops[label];
                self.br(cont);
            }
            ExprKind::Return(val) => {
                if let Some(v) = val {
                    self.expr(v);
                    if self.ret_repr.is_none() {
                        self.drop_value(&v.ty);
                    }
                }
                self.emit(I::Return);
            }
            ExprKind::Match(scrut, arms) => self.match_expr(scrut, arms, &e.ty),
            ExprKind::LetElse(pat, init, els) => self.let_else(pat, init, els),
            ExprKind::Format(pieces, args) => self.format(pieces, args),
            ExprKind::Panic(msg) => {
                self.expr(msg);
                self.panic_string_on_stack(span);
            }
            ExprKind::Range(a, b, _) => {
                let l = self.lw.layout(&e.ty);
                match a {
                    Some(a) => self.expr(a),
                    None => self.emit(I::I32Const(0)),
                }
                match b {
                    Some(b) => self.expr(b),
                    None => self.emit(I::I32Const(i32::MAX)),
                }
                self.emit(I::StructNew(l.ty));
            }
            ExprKind::IterSource(..) | ExprKind::IterAdapt(..) => self.materialize_iter(e),
        }
    }

    pub fn drop_value(&mut self, t: &Ty) {
        if !matches!(t, Ty::Never) && self.lw.repr(t).is_some() {
            self.emit(I::Drop);
        }
    }

    fn drop_if_unused(&mut self, branch: &Ty, whole: &Ty) {
        if self.lw.repr(whole).is_none() {
            self.drop_value(branch);
        }
    }

    pub fn int_const(&mut self, v: i128, t: &Ty) {
        match t {
            Ty::Int(i) if i.is128() => super::wide::constant(self, v),
            Ty::Int(i) if i.is64() => self.emit(I::I64Const(v as i64)),
            Ty::F64 => self.emit(I::F64Const((v as f64).into())),
            Ty::F32 => self.emit(I::F32Const((v as f32).into())),
            _ => self.emit(I::I32Const(v as i64 as i32)),
        }
    }

    pub fn copy_if_needed(&mut self, t: &Ty) {
        if self.lw.needs_copy(t) {
            let f = super::helpers::copy_fn(self.lw, t);
            self.emit(I::Call(f));
        }
    }

    pub fn bind_new_local(&mut self, l: usize) -> Option<u32> {
        let body = self.body?;
        let t = body.locals[l].ty.clone();
        let v = self.lw.repr(&t)?;
        if body.locals[l].boxed && self.lw.is_scalar(&t) {
            let cell = self.lw.cell_type(&t);
            let idx = self.new_local(super::reprs::ref_ty(cell));
            self.local_map[l] = Some(idx);
            return Some(idx);
        }
        let idx = self.new_local(v);
        self.local_map[l] = Some(idx);
        Some(idx)
    }

    /// Stores the value on the stack into local `l` (allocating it; cells for boxed scalars).
    pub fn init_local_from_stack(&mut self, l: usize) {
        let body = self.body.unwrap();
        let t = body.locals[l].ty.clone();
        if self.lw.repr(&t).is_none() {
            return;
        }
        let boxed = body.locals[l].boxed && self.lw.is_scalar(&t);
        let idx = self.bind_new_local(l).unwrap();
        if boxed {
            let cell = self.lw.cell_type(&t);
            self.emit(I::StructNew(cell));
        }
        self.emit(I::LocalSet(idx));
    }

    /// `&mut place` of a scalar field, element or alias (not a cell-backed local): returns the place.
    pub fn scalar_place_borrow<'e>(&mut self, a: &'e TExpr) -> Option<&'e TExpr> {
        let ExprKind::AddrOf(true, inner) = &a.kind else { return None };
        if !self.lw.is_scalar(&inner.ty) {
            return None;
        }
        match &inner.kind {
            ExprKind::Field(..) | ExprKind::Index(..) => Some(inner),
            ExprKind::Deref(r) if matches!(&r.kind, ExprKind::Local(l) if self.aliases.contains_key(l)) => Some(inner),
            _ => None,
        }
    }

    pub fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Let(pat, init) => match init {
                Some(e) => {
                    // `let it = <chain with closures>;` used only in this function: kept lazy.
                    if let crate::tir::PatKind::Bind(l, None) = &pat.kind {
                        if self.lazy_let(*l, e) {
                            return;
                        }
                    }
                    // `let r = &mut s.field;` binds `r` to the place itself.
                    // Also `let r = v.last_mut().unwrap();` and `let r = elem_returning_fn(..);`.
                    if let crate::tir::PatKind::Bind(l, None) = &pat.kind {
                        if self.is_elem_ref_expr(e) {
                            let p = self.elem_ref_place(e);
                            self.aliases.insert(*l, p);
                            return;
                        }
                    }
                    // `let (x, y) = (&mut p.0, &mut p.1);`: each such component aliases its place.
                    if let (crate::tir::PatKind::Tuple(ps), ExprKind::Tuple(es)) = (&pat.kind, &e.kind) {
                        if ps.len() == es.len() && es.iter().any(|x| self.is_elem_ref_expr(x)) {
                            for (p, x) in ps.iter().zip(es) {
                                match &p.kind {
                                    crate::tir::PatKind::Bind(l, None) if self.is_elem_ref_expr(x) => {
                                        let pl = self.elem_ref_place(x);
                                        self.aliases.insert(*l, pl);
                                    }
                                    _ => {
                                        self.expr(x);
                                        let src = self.stash(&x.ty);
                                        let fail = self.open(0, BlockType::Empty);
                                        self.bind_pat(p, super::pattern::Src { local: src, place: None }, fail);
                                        self.end();
                                    }
                                }
                            }
                            return;
                        }
                    }
                    if let crate::tir::PatKind::Bind(l, None) = pat.kind {
                        self.expr(e);
                        if matches!(e.ty, Ty::Never) {
                            return;
                        }
                        self.init_local_from_stack(l);
                        return;
                    }
                    self.expr_noncopy(e);
                    if matches!(e.ty, Ty::Never) {
                        return;
                    }
                    let src = self.stash(&e.ty);
                    let fail = self.open(0, BlockType::Empty);
                    self.bind_pat(pat, super::pattern::Src { local: src, place: None }, fail);
                    let ok = fail;
                    let _ = ok;
                    self.end();
                }
                None => {
                    if let crate::tir::PatKind::Bind(l, None) = pat.kind {
                        if let Some(idx) = self.bind_new_local(l) {
                            let body = self.body.unwrap();
                            let t = body.locals[l].ty.clone();
                            if body.locals[l].boxed && self.lw.is_scalar(&t) {
                                let cell = self.lw.cell_type(&t);
                                self.emit(I::StructNewDefault(cell));
                                self.emit(I::LocalSet(idx));
                            }
                        }
                    }
                }
            },
            Stmt::Expr(e) => {
                self.expr(e);
                self.drop_value(&e.ty);
            }
        }
    }

    /// Saves the value on the stack in a fresh local and returns it (None for zero-sized types).
    pub fn stash(&mut self, t: &Ty) -> Option<u32> {
        let v = self.lw.repr(t)?;
        let l = self.new_local(v);
        self.emit(I::LocalSet(l));
        Some(l)
    }

    fn unary(&mut self, op: UnOp, a: &TExpr, e: &TExpr) {
        match (op, &e.ty) {
            (UnOp::Not, Ty::Bool) => {
                self.expr(a);
                self.emit(I::I32Eqz);
            }
            (UnOp::Not, Ty::Int(i)) if i.is128() => {
                self.expr(a);
                super::wide::not(self);
            }
            (UnOp::Neg, Ty::Int(i)) if i.is128() => {
                self.expr(a);
                super::wide::neg(self, *i, &e.span);
            }
            (UnOp::Not, Ty::Int(i)) => {
                self.expr(a);
                if i.is64() {
                    self.emit(I::I64Const(-1));
                    self.emit(I::I64Xor);
                } else {
                    self.emit(I::I32Const(-1));
                    self.emit(I::I32Xor);
                    self.normalize(*i);
                }
            }
            (UnOp::Neg, Ty::Int(i)) => {
                let i = *i;
                if self.checks {
                    self.expr(a);
                    let t = self.stash(&e.ty).unwrap();
                    self.emit(I::LocalGet(t));
                    self.int_const(i.min(), &e.ty);
                    if i.is64() {
                        self.emit(I::I64Eq);
                    } else {
                        self.emit(I::I32Eq);
                    }
                    self.open(2, BlockType::Empty);
                    self.panic_const(&e.span, "attempt to negate with overflow");
                    self.end();
                    self.int_const(0, &e.ty);
                    self.emit(I::LocalGet(t));
                } else {
                    self.int_const(0, &e.ty);
                    self.expr(a);
                }
                if i.is64() {
                    self.emit(I::I64Sub);
                } else {
                    self.emit(I::I32Sub);
                    self.normalize(i);
                }
            }
            (UnOp::Neg, Ty::F64) => {
                self.expr(a);
                self.emit(I::F64Neg);
            }
            (UnOp::Neg, Ty::F32) => {
                self.expr(a);
                self.emit(I::F32Neg);
            }
            _ => {
                self.expr(a);
            }
        }
    }

    /// Re-normalizes a narrow integer held in an i32 (sign- or zero-extension).
    pub fn normalize(&mut self, i: IntTy) {
        match i {
            IntTy::I8 => self.emit(I::I32Extend8S),
            IntTy::I16 => self.emit(I::I32Extend16S),
            IntTy::U8 => {
                self.emit(I::I32Const(0xff));
                self.emit(I::I32And);
            }
            IntTy::U16 => {
                self.emit(I::I32Const(0xffff));
                self.emit(I::I32And);
            }
            _ => {}
        }
    }

    fn binary(&mut self, op: BinOp, a: &TExpr, b: &TExpr, e: &TExpr) {
        match op {
            BinOp::And => {
                self.expr(a);
                self.open(2, BlockType::Result(ValType::I32));
                self.expr(b);
                self.emit(I::Else);
                self.emit(I::I32Const(0));
                self.end();
                return;
            }
            BinOp::Or => {
                self.expr(a);
                self.open(2, BlockType::Result(ValType::I32));
                self.emit(I::I32Const(1));
                self.emit(I::Else);
                self.expr(b);
                self.end();
                return;
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                self.compare(op, a, b);
                return;
            }
            _ => {}
        }
        self.expr(a);
        self.expr(b);
        self.arith(op, &a.ty, &b.ty, &e.span);
    }

    /// Arithmetic on the two operands on the stack, with Rust's checks.
    pub fn arith(&mut self, op: BinOp, t: &Ty, rt: &Ty, span: &Span) {
        match t {
            Ty::F64 | Ty::F32 => {
                let f64_ = matches!(t, Ty::F64);
                let ins = match (op, f64_) {
                    (BinOp::Add, true) => I::F64Add,
                    (BinOp::Sub, true) => I::F64Sub,
                    (BinOp::Mul, true) => I::F64Mul,
                    (BinOp::Div, true) => I::F64Div,
                    (BinOp::Add, false) => I::F32Add,
                    (BinOp::Sub, false) => I::F32Sub,
                    (BinOp::Mul, false) => I::F32Mul,
                    (BinOp::Div, false) => I::F32Div,
                    (BinOp::Rem, _) => {
                        let f = self.lw.prelude_fn(if f64_ { "fmod" } else { "fmodf" });
                        self.emit(I::Call(f));
                        return;
                    }
                    _ => return,
                };
                self.emit(ins);
            }
            Ty::Bool => match op {
                BinOp::BitAnd => self.emit(I::I32And),
                BinOp::BitOr => self.emit(I::I32Or),
                BinOp::BitXor => self.emit(I::I32Xor),
                _ => {}
            },
            Ty::Int(i) => super::helpers::int_arith(self, op, *i, rt, span),
            _ => {}
        }
    }

    fn compare(&mut self, op: BinOp, a: &TExpr, b: &TExpr) {
        let t = a.ty.clone();
        match &t {
            Ty::Int(i) if i.is128() => {
                self.expr(a);
                self.expr(b);
                super::wide::compare(self, op, *i);
            }
            Ty::Int(i) => {
                self.expr(a);
                self.expr(b);
                let s = i.signed();
                let ins = if i.is64() {
                    match (op, s) {
                        (BinOp::Eq, _) => I::I64Eq,
                        (BinOp::Ne, _) => I::I64Ne,
                        (BinOp::Lt, true) => I::I64LtS,
                        (BinOp::Lt, false) => I::I64LtU,
                        (BinOp::Le, true) => I::I64LeS,
                        (BinOp::Le, false) => I::I64LeU,
                        (BinOp::Gt, true) => I::I64GtS,
                        (BinOp::Gt, false) => I::I64GtU,
                        (BinOp::Ge, true) => I::I64GeS,
                        _ => I::I64GeU,
                    }
                } else {
                    match (op, s) {
                        (BinOp::Eq, _) => I::I32Eq,
                        (BinOp::Ne, _) => I::I32Ne,
                        (BinOp::Lt, true) => I::I32LtS,
                        (BinOp::Lt, false) => I::I32LtU,
                        (BinOp::Le, true) => I::I32LeS,
                        (BinOp::Le, false) => I::I32LeU,
                        (BinOp::Gt, true) => I::I32GtS,
                        (BinOp::Gt, false) => I::I32GtU,
                        (BinOp::Ge, true) => I::I32GeS,
                        _ => I::I32GeU,
                    }
                };
                self.emit(ins);
            }
            Ty::Bool | Ty::Char => {
                self.expr(a);
                self.expr(b);
                self.emit(match op {
                    BinOp::Eq => I::I32Eq,
                    BinOp::Ne => I::I32Ne,
                    BinOp::Lt => I::I32LtU,
                    BinOp::Le => I::I32LeU,
                    BinOp::Gt => I::I32GtU,
                    _ => I::I32GeU,
                });
            }
            Ty::F64 | Ty::F32 => {
                self.expr(a);
                self.expr(b);
                let d = matches!(t, Ty::F64);
                self.emit(match (op, d) {
                    (BinOp::Eq, true) => I::F64Eq,
                    (BinOp::Ne, true) => I::F64Ne,
                    (BinOp::Lt, true) => I::F64Lt,
                    (BinOp::Le, true) => I::F64Le,
                    (BinOp::Gt, true) => I::F64Gt,
                    (BinOp::Ge, true) => I::F64Ge,
                    (BinOp::Eq, false) => I::F32Eq,
                    (BinOp::Ne, false) => I::F32Ne,
                    (BinOp::Lt, false) => I::F32Lt,
                    (BinOp::Le, false) => I::F32Le,
                    (BinOp::Gt, false) => I::F32Gt,
                    _ => I::F32Ge,
                });
            }
            Ty::Adt(x, _) if self.lw.ck.adt_is_fieldless_enum(*x) => {
                self.expr(a);
                self.expr(b);
                self.emit(match op {
                    BinOp::Eq => I::I32Eq,
                    BinOp::Ne => I::I32Ne,
                    BinOp::Lt => I::I32LtS,
                    BinOp::Le => I::I32LeS,
                    BinOp::Gt => I::I32GtS,
                    _ => I::I32GeS,
                });
            }
            Ty::Unit => {
                self.emit(I::I32Const(matches!(op, BinOp::Eq | BinOp::Le | BinOp::Ge) as i32));
            }
            _ => {
                self.expr(a);
                self.expr(b);
                if matches!(op, BinOp::Eq | BinOp::Ne) {
                    let f = super::helpers::eq_fn(self.lw, &t);
                    self.emit(I::Call(f));
                    if op == BinOp::Ne {
                        self.emit(I::I32Eqz);
                    }
                } else {
                    let f = super::helpers::cmp_fn(self.lw, &t);
                    self.emit(I::Call(f));
                    // cmp is -1/0/1, or 2 when unordered (every operator is then false)
                    self.emit(match op {
                        BinOp::Lt | BinOp::Gt => I::I32Const(if op == BinOp::Lt { -1 } else { 1 }),
                        _ => I::I32Const(if op == BinOp::Le { 0 } else { 1 }),
                    });
                    self.emit(match op {
                        BinOp::Lt | BinOp::Gt => I::I32Eq,
                        BinOp::Le => I::I32LeS,
                        _ => I::I32LeU,
                    });
                }
            }
        }
    }

    pub fn cast(&mut self, from: &Ty, to: &Ty) {
        // `Ordering as i32` is -1/0/1 (`#[repr(i8)]`); the prelude enum is its variant index 0/1/2.
        if let Ty::Adt(a, _) = from {
            let d = &self.lw.ck.program.adts[*a];
            if d.name == "Ordering" && self.lw.ck.program.mods[d.module].is_prelude {
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                return self.cast(&Ty::Int(IntTy::I8), to);
            }
        }
        let from = match from {
            Ty::Adt(_, _) | Ty::Bool | Ty::Char => &Ty::Int(IntTy::U32),
            f => f,
        };
        if super::wide::cast(self, from, to) {
            return;
        }
        match (from, to) {
            (Ty::Int(a), Ty::Int(b)) => {
                match (a.is64(), b.is64()) {
                    (true, false) => self.emit(I::I32WrapI64),
                    (false, true) => self.emit(if a.signed() { I::I64ExtendI32S } else { I::I64ExtendI32U }),
                    _ => {}
                }
                if !b.is64() && (b.bits() < a.bits() || a.signed() != b.signed()) {
                    self.normalize(*b);
                }
            }
            (Ty::Int(a), Ty::Char) => {
                let _ = a;
            }
            (Ty::Int(a), Ty::F64) => self.emit(match (a.is64(), a.signed()) {
                (true, true) => I::F64ConvertI64S,
                (true, false) => I::F64ConvertI64U,
                (false, true) => I::F64ConvertI32S,
                (false, false) => I::F64ConvertI32U,
            }),
            (Ty::Int(a), Ty::F32) => self.emit(match (a.is64(), a.signed()) {
                (true, true) => I::F32ConvertI64S,
                (true, false) => I::F32ConvertI64U,
                (false, true) => I::F32ConvertI32S,
                (false, false) => I::F32ConvertI32U,
            }),
            (Ty::F64 | Ty::F32, Ty::Int(b)) => {
                let d = matches!(from, Ty::F64);
                if b.bits() < 32 {
                    // Saturate to the narrow range: convert to i32, then clamp.
                    self.emit(if d { I::I32TruncSatF64S } else { I::I32TruncSatF32S });
                    let t = self.new_local(ValType::I32);
                    let (lo, hi) = (IntTy::min(*b) as i32, IntTy::max(*b) as i32);
                    self.emit(I::LocalSet(t));
                    self.emit(I::I32Const(lo));
                    self.emit(I::LocalGet(t));
                    self.emit(I::LocalGet(t));
                    self.emit(I::I32Const(lo));
                    self.emit(I::I32LtS);
                    self.emit(I::Select);
                    self.emit(I::LocalSet(t));
                    self.emit(I::I32Const(hi));
                    self.emit(I::LocalGet(t));
                    self.emit(I::LocalGet(t));
                    self.emit(I::I32Const(hi));
                    self.emit(I::I32GtS);
                    self.emit(I::Select);
                    return;
                }
                self.emit(match (b.is64(), b.signed(), d) {
                    (true, true, true) => I::I64TruncSatF64S,
                    (true, false, true) => I::I64TruncSatF64U,
                    (false, true, true) => I::I32TruncSatF64S,
                    (false, false, true) => I::I32TruncSatF64U,
                    (true, true, false) => I::I64TruncSatF32S,
                    (true, false, false) => I::I64TruncSatF32U,
                    (false, true, false) => I::I32TruncSatF32S,
                    (false, false, false) => I::I32TruncSatF32U,
                });
            }
            (Ty::F64, Ty::F32) => self.emit(I::F32DemoteF64),
            (Ty::F32, Ty::F64) => self.emit(I::F64PromoteF32),
            _ => {}
        }
    }
}
