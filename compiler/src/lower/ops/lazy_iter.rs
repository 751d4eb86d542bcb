//! Lazy stored iterators: `let mut it = src.map(|x| …).filter(…).peekable();` consumed piecewise
//! (`it.next()`, `it.peek()`, `while let Some(x) = it.next()`, `for x in &mut it`…) in the function that
//! built it. The closures of such a chain must run when an item is pulled, not when the chain is built
//! (they may print, mutate captured variables, or panic on an item that is never pulled), so the chain is
//! kept as *pull code* generated at each use site over state held in wasm locals of the function:
//! the source (a materialized `{items, pos}` of a closure-free source, an open range's counter, or a user
//! iterator), one set of locals per adapter (counters, flags) and Peekable's peeked slot. Every adapter
//! follows its std `next` (Take checks its count before pulling, Skip pulls its n items on the first
//! call, Filter re-pulls, TakeWhile fuses…). A chain whose local escapes (moved, borrowed into a call,
//! captured by a closure value) keeps the materialized representation of `materialize_iter`.

use super::super::func::FnLower;
use super::super::helpers;
use super::super::reprs::ref_ty;
use super::iter_adapters::core_location;
use crate::tir::{Closure, ExprKind as K, Stmt, TExpr};
use crate::types::Ty;
use wasm_encoder::{BlockType, Instruction as I, ValType};

/// Where items come from.
#[derive(Clone, Debug)]
pub enum LazySource {
    /// A materialized closure-free source `{items, pos}` (the stored iterator struct of its item type).
    Stored { obj: u32, item: Ty },
    /// `a..`: a counter.
    Counter { cur: u32, ty: Ty },
    /// A user `impl Iterator` (`IterSource("user", [&mut init, next call, local])`); pulling calls `next`.
    User { next: TExpr },
}

#[derive(Clone, Debug)]
pub struct LazyStage {
    kind: &'static str,
    cl: Option<Closure>,
    out: Ty,
    /// Per-stage state: take/skip/step counts, flags, enumerate's counter, scan's state.
    st: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct LazyIter {
    src: LazySource,
    stages: Vec<LazyStage>,
    item: Ty,
    /// Peekable: a value was peeked (done), whether it was Some (has), and the value.
    peek_done: u32,
    peek_has: u32,
    peek_val: Option<u32>,
}

const LAZY_STAGES: &[&str] = &["map", "filter", "filter_map", "inspect", "cloned", "enumerate", "skip", "take", "step_by", "take_while", "skip_while", "map_while", "scan"];

/// Does local `l` appear anywhere except as the iterator operand of a consumer, an adapter or a `for`?
fn escapes(e: &TExpr, l: usize) -> bool {
    let is_l = |x: &TExpr| matches!(x.kind, K::Local(m) if m == l);
    let any = |es: &[TExpr]| es.iter().any(|x| escapes(x, l));
    let cl_esc = |c: &Closure| escapes(&c.body, l);
    match &e.kind {
        K::Local(m) => *m == l,
        K::Std(op, args) if op.starts_with("iter.") && !args.is_empty() && is_l(&args[0]) => any(&args[1..]),
        K::StdClosure(op, args, cls) if op.starts_with("iter.") && !args.is_empty() && is_l(&args[0]) => any(&args[1..]) || cls.iter().any(cl_esc),
        K::IterAdapt(_, base, args, cl) => (!is_l(base) && escapes(base, l)) || any(args) || cl.as_ref().is_some_and(cl_esc),
        K::For(_, _, it, body) => (!is_l(it) && escapes(it, l)) || escapes(body, l),
        K::Call(_, a) | K::Std(_, a) | K::Tuple(a) | K::Array(a) | K::Variant(_, a) | K::Format(_, a) | K::IterSource(_, a) | K::CallInst(_, _, a) | K::CallClosure(_, a) => any(a),
        K::StdClosure(_, a, cls) => any(a) || cls.iter().any(cl_esc),
        K::CallRef(f, a) => escapes(f, l) || any(a),
        K::Unary(_, a) | K::Cast(a) | K::Field(a, _) | K::Deref(a) | K::AddrOf(_, a) | K::ArrayRepeat(a, _) | K::Loop(_, a) | K::Panic(a) => escapes(a, l),
        K::Binary(_, a, b) | K::Assign(a, b) | K::CompoundAssign(_, a, b) | K::Index(a, b) | K::While(_, a, b) => escapes(a, l) || escapes(b, l),
        K::SliceRange(a, b, c, _) => escapes(a, l) || b.as_ref().is_some_and(|x| escapes(x, l)) || c.as_ref().is_some_and(|x| escapes(x, l)),
        K::Struct(_, fs, base) => fs.iter().flatten().any(|x| escapes(x, l)) || base.as_ref().is_some_and(|x| escapes(x, l)),
        K::Block(stmts, tail) => {
            stmts.iter().any(|s| match s {
                Stmt::Let(_, Some(x)) | Stmt::Expr(x) => escapes(x, l),
                Stmt::Let(_, None) => false,
            }) || tail.as_ref().is_some_and(|x| escapes(x, l))
        }
        K::If(c, a, b) => escapes(c, l) || escapes(a, l) || b.as_ref().is_some_and(|x| escapes(x, l)),
        K::Break(_, v) | K::Return(v) => v.as_ref().is_some_and(|x| escapes(x, l)),
        K::Match(s, arms) => escapes(s, l) || arms.iter().any(|a| escapes(&a.body, l) || a.guard.as_ref().is_some_and(|g| escapes(g, l))),
        K::LetElse(_, a, b) => escapes(a, l) || escapes(b, l),
        K::Range(a, b, _) => a.as_ref().is_some_and(|x| escapes(x, l)) || b.as_ref().is_some_and(|x| escapes(x, l)),
        K::Unit | K::Int(_) | K::Float(_) | K::Bool(_) | K::Char(_) | K::Str(_) | K::FnRef(_) | K::Continue(_) | K::Nop => false,
        // Closure values (lifted into their own fn) and anything this walk does not know: assume the worst.
        _ => true,
    }
}

fn iter_item(t: &Ty) -> Ty {
    match t {
        Ty::Iter(x) => (**x).clone(),
        _ => Ty::Unit,
    }
}

impl FnLower<'_, '_> {
    /// `let it = <chain with closures>;` whose `it` does not escape: set up lazy state instead of
    /// collecting. Returns false to let the ordinary `let` lowering run.
    pub fn lazy_let(&mut self, l: usize, init: &TExpr) -> bool {
        if !matches!(init.ty, Ty::Iter(_)) {
            return false;
        }
        // Peel the adapters (outermost first).
        let mut stages_rev: Vec<(&'static str, Option<Closure>, Ty, Vec<TExpr>)> = Vec::new();
        let mut cur = init;
        while let K::IterAdapt(kind, inner, args, cl) = &cur.kind {
            if !LAZY_STAGES.contains(kind) {
                return false;
            }
            stages_rev.push((kind, cl.clone(), iter_item(&cur.ty), args.clone()));
            cur = inner;
        }
        let source = cur;
        let user_src = matches!(&source.kind, K::IterSource("user", a) if matches!(a[2].kind, K::Local(_)));
        let open_range = matches!(&source.kind, K::IterSource("range" | "range_incl", a) if matches!(a[0].kind, K::Range(_, None, _)));
        if stages_rev.iter().all(|s| s.1.is_none()) && !user_src && !open_range {
            return false; // closure-free: the materialized form is exact
        }
        let Some(body) = self.body else { return false };
        if escapes_in_body(&body.expr, l, init) {
            return false;
        }
        // Source first (Rust evaluates the receiver before the adapters' arguments).
        let src = match &source.kind {
            K::IterSource("user", a) if user_src => {
                let K::Local(ul) = a[2].kind else { return false };
                self.expr_noncopy(&a[0]);
                self.init_local_from_stack(ul);
                LazySource::User { next: a[1].clone() }
            }
            K::IterSource(_, a) if open_range => {
                let ty = iter_item(&source.ty);
                let K::Range(start, _, _) = &a[0].kind else { return false };
                match start {
                    Some(s) => self.expr(s),
                    None => self.int_const(0, &ty),
                }
                let v = self.lw.repr(&ty).unwrap_or(ValType::I32);
                let cur = self.new_local(v);
                self.emit(I::LocalSet(cur));
                LazySource::Counter { cur, ty }
            }
            _ => {
                if !self.check_materializable(source) {
                    return true;
                }
                let item = iter_item(&source.ty);
                self.materialize_iter(source);
                let ity = self.lw.iter_type(&item);
                let obj = self.new_local(ref_ty(ity));
                self.emit(I::LocalSet(obj));
                LazySource::Stored { obj, item }
            }
        };
        let mut stages = Vec::new();
        for (kind, cl, out, args) in stages_rev.into_iter().rev() {
            let mut st = Vec::new();
            match kind {
                "skip" | "take" | "step_by" => {
                    self.expr(&args[0]);
                    let n = self.new_local(ValType::I32);
                    self.emit(I::LocalSet(n));
                    st.push(n);
                    if kind == "step_by" {
                        self.emit(I::LocalGet(n));
                        self.emit(I::I32Eqz);
                        self.open(2, BlockType::Empty);
                        self.panic_in_core("iter/adapters/step_by.rs:35:9", "assertion failed: step != 0");
                        self.end();
                        // first_take
                        self.emit(I::I32Const(1));
                        let f = self.new_local(ValType::I32);
                        self.emit(I::LocalSet(f));
                        st.push(f);
                    }
                }
                "enumerate" | "take_while" | "skip_while" => st.push(self.zeroed_i32()),
                "scan" => {
                    let sty = args[0].ty.clone();
                    self.expr(&args[0]);
                    let s = if self.lw.is_scalar(&sty) {
                        let c = self.lw.cell_type(&sty);
                        self.emit(I::StructNew(c));
                        self.stash(&Ty::Ref(true, Box::new(sty.clone())))
                    } else {
                        self.stash(&sty)
                    };
                    st.extend(s);
                }
                _ => {}
            }
            stages.push(LazyStage { kind, cl, out, st });
        }
        let item = iter_item(&init.ty);
        let peek_done = self.zeroed_i32();
        let peek_has = self.zeroed_i32();
        let peek_val = self.lw.repr(&item).map(|v| self.new_local(v));
        self.lazy_iters.insert(l, LazyIter { src, stages, item, peek_done, peek_has, peek_val });
        true
    }

    pub fn lazy_of(&self, e: &TExpr) -> Option<LazyIter> {
        match e.kind {
            K::Local(l) => self.lazy_iters.get(&l).cloned(),
            _ => None,
        }
    }

    /// Emits the pull of stage `k` (`None` = the source); branches to `none` when there is no item.
    fn lazy_gen(&mut self, li: &LazyIter, k: Option<usize>, none: u32) -> Option<u32> {
        let Some(k) = k else {
            return match &li.src {
                LazySource::Stored { obj, item } => {
                    let (ity, vt, at) = (self.lw.iter_type(item), self.lw.vec_type(item), self.lw.array_type(item));
                    self.emit(I::LocalGet(*obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                    self.emit(I::LocalGet(*obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                    self.emit(I::I32GeU);
                    self.br_if(none);
                    let x = self.lw.repr(item).map(|v| self.new_local(v));
                    if let Some(x) = x {
                        self.emit(I::LocalGet(*obj));
                        self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                        self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                        self.emit(I::LocalGet(*obj));
                        self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                        let item = item.clone();
                        self.array_get(at, &item);
                        self.emit(I::LocalSet(x));
                    }
                    self.emit(I::LocalGet(*obj));
                    self.emit(I::LocalGet(*obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                    self.emit(I::I32Const(1));
                    self.emit(I::I32Add);
                    self.emit(I::StructSet { struct_type_index: ity, field_index: 1 });
                    x
                }
                LazySource::Counter { cur, ty } => {
                    let v = self.lw.repr(ty).unwrap_or(ValType::I32);
                    let x = self.new_local(v);
                    self.emit(I::LocalGet(*cur));
                    self.emit(I::LocalTee(x));
                    let ty = ty.clone();
                    self.int_const(1, &ty);
                    self.emit(if v == ValType::I64 { I::I64Add } else { I::I32Add });
                    self.emit(I::LocalSet(*cur));
                    Some(x)
                }
                LazySource::User { next } => {
                    let ot = next.ty.clone();
                    self.expr(next);
                    let r = self.stash(&ot).unwrap();
                    let l = self.lw.layout(&ot);
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                    self.emit(I::I32Eqz);
                    self.br_if(none);
                    self.payload(r, &ot, 1)
                }
            };
        };
        let inner = if k == 0 { None } else { Some(k - 1) };
        let stage = li.stages[k].clone();
        let out = stage.out.clone();
        let opt_out = Ty::Option(Box::new(out.clone()));
        match stage.kind {
            "map" => {
                let x = self.lazy_gen(li, inner, none);
                self.inline_closure(stage.cl.as_ref().unwrap(), &[x]);
                self.stash(&out)
            }
            "inspect" => {
                let x = self.lazy_gen(li, inner, none);
                let cl = stage.cl.as_ref().unwrap();
                self.inline_closure(cl, &[x]);
                self.drop_value(&cl.body.ty);
                x
            }
            "cloned" => {
                let x = self.lazy_gen(li, inner, none);
                let x = x?;
                self.emit(I::LocalGet(x));
                if matches!(self.lw.repr(&out), Some(ValType::Ref(_))) {
                    let f = helpers::clone_fn(self.lw, &out);
                    self.emit(I::Call(f));
                }
                self.stash(&out)
            }
            "enumerate" => {
                let x = self.lazy_gen(li, inner, none);
                let l = self.lw.layout(&out);
                let n = stage.st[0];
                self.emit(I::LocalGet(n));
                if let Some(x) = x {
                    self.emit(I::LocalGet(x));
                }
                self.emit(I::StructNew(l.ty));
                let t = self.new_local(ref_ty(l.ty));
                self.emit(I::LocalSet(t));
                self.emit(I::LocalGet(n));
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(n));
                Some(t)
            }
            "filter" | "filter_map" => {
                let got = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                let x = self.lazy_gen(li, inner, none);
                let cl = stage.cl.as_ref().unwrap();
                self.inline_closure(cl, &[x]);
                let r = if stage.kind == "filter" {
                    self.br_if(got);
                    x
                } else {
                    let r = self.stash(&opt_out).unwrap();
                    let l = self.lw.layout(&opt_out);
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                    self.br_if(got);
                    Some(r)
                };
                self.br(lp);
                self.end();
                self.end();
                if stage.kind == "filter" {
                    r
                } else {
                    self.payload(r.unwrap(), &opt_out, 1)
                }
            }
            "map_while" | "scan" => {
                let x = self.lazy_gen(li, inner, none);
                let cl = stage.cl.as_ref().unwrap();
                if stage.kind == "scan" {
                    self.inline_closure(cl, &[stage.st.first().copied(), x]);
                } else {
                    self.inline_closure(cl, &[x]);
                }
                let r = self.stash(&opt_out).unwrap();
                let l = self.lw.layout(&opt_out);
                self.emit(I::LocalGet(r));
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                self.emit(I::I32Eqz);
                self.br_if(none);
                self.payload(r, &opt_out, 1)
            }
            "take" => {
                let n = stage.st[0];
                self.emit(I::LocalGet(n));
                self.emit(I::I32Eqz);
                self.br_if(none);
                self.emit(I::LocalGet(n));
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                self.emit(I::LocalSet(n));
                self.lazy_gen(li, inner, none)
            }
            "skip" | "step_by" => {
                // skip: the first pull also discards n items (`nth(n)`), n is then 0.
                // step_by: the first pull takes the next item, later ones `nth(step - 1)`.
                let cnt = self.new_local(ValType::I32);
                let n = stage.st[0];
                if stage.kind == "skip" {
                    self.emit(I::LocalGet(n));
                    self.emit(I::LocalSet(cnt));
                    self.emit(I::I32Const(0));
                    self.emit(I::LocalSet(n));
                } else {
                    let first = stage.st[1];
                    self.emit(I::I32Const(0));
                    self.emit(I::LocalGet(n));
                    self.emit(I::I32Const(1));
                    self.emit(I::I32Sub);
                    self.emit(I::LocalGet(first));
                    self.emit(I::Select);
                    self.emit(I::LocalSet(cnt));
                    self.emit(I::I32Const(0));
                    self.emit(I::LocalSet(first));
                }
                let got = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                let x = self.lazy_gen(li, inner, none);
                self.emit(I::LocalGet(cnt));
                self.emit(I::I32Eqz);
                self.br_if(got);
                self.emit(I::LocalGet(cnt));
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                self.emit(I::LocalSet(cnt));
                self.br(lp);
                self.end();
                self.end();
                x
            }
            "take_while" => {
                let flag = stage.st[0];
                self.emit(I::LocalGet(flag));
                self.br_if(none);
                let x = self.lazy_gen(li, inner, none);
                self.inline_closure(stage.cl.as_ref().unwrap(), &[x]);
                self.emit(I::I32Eqz);
                self.emit(I::If(BlockType::Empty));
                self.depth += 1;
                self.emit(I::I32Const(1));
                self.emit(I::LocalSet(flag));
                self.br(none);
                self.depth -= 1;
                self.emit(I::End);
                x
            }
            "skip_while" => {
                let done = stage.st[0];
                let got = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                let x = self.lazy_gen(li, inner, none);
                self.emit(I::LocalGet(done));
                self.br_if(got);
                self.inline_closure(stage.cl.as_ref().unwrap(), &[x]);
                self.br_if(lp);
                self.emit(I::I32Const(1));
                self.emit(I::LocalSet(done));
                self.br(got);
                self.end();
                self.end();
                x
            }
            _ => None,
        }
    }

    /// One pull of the whole chain (through the peeked slot): (has, item).
    fn lazy_pull(&mut self, li: &LazyIter) -> (u32, Option<u32>) {
        let has = self.zeroed_i32();
        let item = self.lw.repr(&li.item).map(|v| self.new_local(v));
        let out = self.open(0, BlockType::Empty);
        // A peeked value is handed out first.
        self.emit(I::LocalGet(li.peek_done));
        self.emit(I::If(BlockType::Empty));
        self.depth += 1;
        self.emit(I::I32Const(0));
        self.emit(I::LocalSet(li.peek_done));
        self.emit(I::LocalGet(li.peek_has));
        self.emit(I::LocalSet(has));
        if let (Some(i), Some(p)) = (item, li.peek_val) {
            self.emit(I::LocalGet(p));
            self.emit(I::LocalSet(i));
        }
        self.br(out);
        self.depth -= 1;
        self.emit(I::End);
        let top = if li.stages.is_empty() { None } else { Some(li.stages.len() - 1) };
        let x = self.lazy_gen(li, top, out);
        if let (Some(i), Some(x)) = (item, x) {
            self.emit(I::LocalGet(x));
            self.emit(I::LocalSet(i));
        }
        self.emit(I::I32Const(1));
        self.emit(I::LocalSet(has));
        self.end();
        (has, item)
    }

    /// `for`/consumers over a lazy stored chain.
    pub fn lazy_iterate(&mut self, li: &LazyIter, each: &mut dyn FnMut(&mut FnLower, Option<u32>, Option<super::super::place::Place>, u32)) {
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        let (has, x) = self.lazy_pull(li);
        self.emit(I::LocalGet(has));
        self.emit(I::I32Eqz);
        self.br_if(done);
        let cont = self.open(0, BlockType::Empty);
        each(self, x, None, cont);
        self.end();
        self.br(lp);
        self.end();
        self.end();
    }

    /// `peek()` (Option<&Item>), `next_if(pred)` / `next_if_eq(&v)` (Option<Item>) on a lazy chain.
    pub fn lazy_peek_op(&mut self, li: &LazyIter, op: &str, arg: Option<&TExpr>, cl: Option<&Closure>, e: &TExpr) {
        let want = match arg {
            Some(a) => {
                self.expr(a);
                self.stash(&a.ty)
            }
            None => None,
        };
        // Fill the peeked slot if empty.
        self.emit(I::LocalGet(li.peek_done));
        self.emit(I::I32Eqz);
        self.emit(I::If(BlockType::Empty));
        self.depth += 1;
        let li2 = LazyIter { peek_done: self.zeroed_i32(), ..li.clone() };
        let (has, x) = self.lazy_pull(&li2);
        self.emit(I::LocalGet(has));
        self.emit(I::LocalSet(li.peek_has));
        if let (Some(p), Some(x)) = (li.peek_val, x) {
            self.emit(I::LocalGet(x));
            self.emit(I::LocalSet(p));
        }
        self.emit(I::I32Const(1));
        self.emit(I::LocalSet(li.peek_done));
        self.depth -= 1;
        self.emit(I::End);
        let bt = self.bt(&e.ty);
        self.emit(I::LocalGet(li.peek_has));
        self.open(2, bt);
        if op != "iter.peek" {
            // next_if: take the peeked item when it matches (then the slot is empty again).
            match (cl, want, li.peek_val) {
                (Some(cl), _, p) => self.inline_closure(cl, &[p]),
                (None, Some(w), Some(p)) => {
                    self.emit(I::LocalGet(p));
                    self.emit(I::LocalGet(w));
                    helpers::eq_value(self, &li.item);
                }
                _ => self.emit(I::I32Const(1)),
            }
            self.open(2, bt);
            self.emit(I::I32Const(0));
            self.emit(I::LocalSet(li.peek_done));
            if let Some(p) = li.peek_val {
                self.emit(I::LocalGet(p));
            }
            self.build_variant_from_stack(&e.ty, 1);
            self.emit(I::Else);
            self.build_variant_from_stack(&e.ty, 0);
            self.end();
        } else {
            if let Some(p) = li.peek_val {
                self.emit(I::LocalGet(p));
            }
            self.build_variant_from_stack(&e.ty, 1);
        }
        self.emit(I::Else);
        self.build_variant_from_stack(&e.ty, 0);
        self.end();
        let _ = core_location;
    }
}

/// `escapes` over a whole function body, ignoring the defining `let` itself.
fn escapes_in_body(body: &TExpr, l: usize, _init: &TExpr) -> bool {
    escapes(body, l)
}
