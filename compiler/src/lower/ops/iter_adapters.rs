//! Iterator adapters and consumers beyond the core set of `ops.rs`, comparator-taking slice methods,
//! `Ord::cmp`, and Option/Result combinators. Chains are still lowered in place (push style: the
//! consumer's loop body is generated inside the source's loop), so the order of side effects is
//! Rust's lazy order. A second iterator that must be *pulled* in lockstep (zip, eq) is walked by index
//! when it is a sequence or an open range, and otherwise collected first — only when its closures are
//! free of side effects (checked by `check_materializable`), so the observable order cannot change.

use super::super::func::FnLower;
use super::super::helpers;
use super::super::pattern::Src;
use super::super::place::Place;
use super::super::reprs::ref_ty;
use crate::diagnostics::codes;
use crate::tir::{Closure, ExprKind as K, TExpr};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, ValType};

/// The location rustc 1.95.0 (`rust-version` of this project) reports for a panic inside `core`:
/// `/rustc/<commit>/library/core/src/<file:line:col>`.
pub fn core_location(file_line_col: &str) -> String {
    const CORE_SRC: &str = "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/";
    format!("{CORE_SRC}{file_line_col}")
}

/// The same for a panic inside `alloc` (std methods without `#[track_caller]`, e.g. `Vec::swap_remove`).
pub fn alloc_location(file_line_col: &str) -> String {
    core_location(file_line_col).replace("/library/core/src/", "/library/alloc/src/")
}

type Each<'a> = &'a mut dyn FnMut(&mut FnLower, Option<u32>, Option<Place>, u32);

/// A second iterator walked one item at a time.
enum Pull {
    /// Items `arr[i..end]` of a backing array.
    Seq { arr: u32, at: u32, elem: Ty, i: u32, end: u32 },
    /// An open range `a..`: a counter.
    Counter { cur: u32, ty: Ty },
    /// A user `impl Iterator` (`IterSource("user", [&mut init, next call, local])`): each pull calls `next`.
    User { next: TExpr },
}

fn iter_item(t: &Ty) -> Ty {
    match t {
        Ty::Iter(x) => (**x).clone(),
        _ => Ty::Unit,
    }
}

fn mk(kind: K, ty: Ty, like: &TExpr) -> TExpr {
    TExpr { kind, ty, span: like.span.clone() }
}

/// Whether evaluating a closure body can be observed (output, mutation, calls into user code, panics on
/// purpose). Arithmetic and indexing are treated as pure.
fn has_effects(e: &TExpr) -> bool {
    struct V(bool);
    impl crate::tir_walk::Visitor for V {
        fn expr(&mut self, e: &mut TExpr) {
            match &e.kind {
                K::Call(..) | K::CallRef(..) | K::Panic(_) | K::Assign(..) | K::CompoundAssign(..) => self.0 = true,
                K::Std(op, _) | K::StdClosure(op, _, _) => {
                    const EFFECTS: [&str; 22] = ["io.", "process.", "mem.", "env.", "gc.", "push", "pop", "insert", "remove", "clear", "truncate", "sort", "reverse", "swap", "retain", "extend", "dedup", "fill", "opt.take", "opt.replace", "closure.call", "iter.next"];
                    if EFFECTS.iter().any(|p| op.contains(p)) {
                        self.0 = true;
                    }
                }
                _ => {}
            }
        }
    }
    let mut v = V(false);
    let mut c = e.clone();
    crate::tir_walk::walk_expr(&mut v, &mut c);
    v.0
}

fn is_seq_source(e: &TExpr) -> Option<&TExpr> {
    match &e.kind {
        K::IterSource("seq_owned" | "seq_ref" | "seq_mut", args) | K::Std("seq.iter" | "seq.iter_mut" | "seq.into_iter", args) => Some(&args[0]),
        _ => None,
    }
}

impl FnLower<'_, '_> {
    /// Binds closure parameters to the given locals (the body is evaluated by the caller).
    pub(super) fn bind_closure_params(&mut self, cl: &Closure, vals: &[Option<u32>]) {
        let fail = self.open(0, BlockType::Empty);
        for (p, v) in cl.params.iter().zip(vals) {
            self.bind_pat(p, Src { local: *v, place: None }, fail);
        }
        self.end();
    }

    /// A chain is collected ahead of its consumer (stored iterators, general `rev`, the second side of
    /// `zip`/`eq`) only when that cannot change what the program observes.
    pub fn check_materializable(&mut self, e: &TExpr) -> bool {
        let mut cur = e;
        loop {
            match &cur.kind {
                K::IterAdapt(_, inner, args, cl) => {
                    let effects = cl.as_ref().is_some_and(|c| has_effects(&c.body)) || args.iter().any(|a| matches!(a.ty, Ty::Iter(_)) && !self.check_materializable(a));
                    if effects {
                        self.lw.error(
                            codes::UNSUPPORTED_EXPR,
                            &cur.span,
                            "this iterator would have to be evaluated ahead of its use, but its closure has side effects",
                            Some("consume the chain directly (a `for` loop or a consumer like `collect`), or move the side effect out of the closure"),
                        );
                        return false;
                    }
                    cur = inner;
                }
                K::IterSource("user", _) => {
                    self.lw.error(
                        codes::UNSUPPORTED_EXPR,
                        &cur.span,
                        "an iterator over a user `impl Iterator` cannot be stored or reversed here yet (it would be run ahead of its use)",
                        Some("consume the chain directly, or keep the iterator in a local of this function"),
                    );
                    return false;
                }
                K::IterSource("range" | "range_incl", args) => {
                    if let K::Range(_, None, _) = &args[0].kind {
                        self.lw.error(codes::UNSUPPORTED_EXPR, &cur.span, "an unbounded range cannot be stored or reversed as an iterator yet", Some("give the range an end"));
                        return false;
                    }
                    return true;
                }
                _ => return true,
            }
        }
    }

    fn pull_init(&mut self, other: &TExpr) -> Pull {
        if let Some(base) = is_seq_source(other) {
            let t = base.ty.peel_refs().clone();
            let elem = match &t {
                Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
                _ => Ty::Int(IntTy::U8),
            };
            let at = self.lw.array_type(&elem);
            self.expr_noncopy(base);
            let b = self.stash(&base.ty).unwrap();
            let (arr, start, len) = self.seq_triple(b, &t, &elem);
            let end = self.new_local(ValType::I32);
            self.emit(I::LocalGet(start));
            self.emit(I::LocalGet(len));
            self.emit(I::I32Add);
            self.emit(I::LocalSet(end));
            return Pull::Seq { arr, at, elem, i: start, end };
        }
        if let K::IterSource("range" | "range_incl", args) = &other.kind {
            if let K::Range(a, None, _) = &args[0].kind {
                let ty = iter_item(&other.ty);
                let v = self.lw.repr(&ty).unwrap_or(ValType::I32);
                match a {
                    Some(a) => self.expr(a),
                    None => self.int_const(0, &ty),
                }
                let cur = self.new_local(v);
                self.emit(I::LocalSet(cur));
                return Pull::Counter { cur, ty };
            }
        }
        if let K::IterSource("user", a) = &other.kind {
            if let K::Local(l) = a[2].kind {
                self.expr_noncopy(&a[0]);
                self.init_local_from_stack(l);
                return Pull::User { next: a[1].clone() };
            }
        }
        let item = iter_item(&other.ty);
        self.check_materializable(other);
        let v = self.collect_vec(other, &item);
        let vt = Ty::Vec(Box::new(item.clone()));
        let at = self.lw.array_type(&item);
        let (arr, end, i) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32), self.zeroed_i32());
        self.seq_parts(v, &vt, arr, None, end);
        Pull::Seq { arr, at, elem: item, i, end }
    }

    /// Leaves (has-item flag, item local).
    fn pull_next(&mut self, p: &Pull) -> (u32, Option<u32>) {
        match p {
            Pull::Seq { arr, at, elem, i, end } => {
                let has = self.new_local(ValType::I32);
                let item = self.lw.repr(elem).map(|v| self.new_local(v));
                self.emit(I::LocalGet(*i));
                self.emit(I::LocalGet(*end));
                self.emit(I::I32LtU);
                self.emit(I::LocalTee(has));
                self.emit(I::If(BlockType::Empty));
                self.depth += 1;
                if let Some(x) = item {
                    self.emit(I::LocalGet(*arr));
                    self.emit(I::LocalGet(*i));
                    let elem = elem.clone();
                    self.array_get(*at, &elem);
                    self.emit(I::LocalSet(x));
                }
                self.emit(I::LocalGet(*i));
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(*i));
                self.depth -= 1;
                self.emit(I::End);
                (has, item)
            }
            Pull::User { next } => {
                let ot = next.ty.clone();
                self.expr(next);
                let r = self.stash(&ot).unwrap();
                let has = self.new_local(ValType::I32);
                self.opt_tag(r, &ot);
                self.emit(I::LocalSet(has));
                let x = self.payload(r, &ot, 1);
                (has, x)
            }
            Pull::Counter { cur, ty } => {
                let has = self.new_local(ValType::I32);
                self.emit(I::I32Const(1));
                self.emit(I::LocalSet(has));
                let v = self.lw.repr(ty).unwrap_or(ValType::I32);
                let x = self.new_local(v);
                self.emit(I::LocalGet(*cur));
                self.emit(I::LocalTee(x));
                let ty = ty.clone();
                self.int_const(1, &ty);
                self.emit(if v == ValType::I64 { I::I64Add } else { I::I32Add });
                self.emit(I::LocalSet(*cur));
                (has, Some(x))
            }
        }
    }

    /// Tag test of the Option in local `obj` (leaves 1 for Some).
    fn opt_tag(&mut self, obj: u32, t: &Ty) {
        let l = self.lw.layout(t);
        self.emit(I::LocalGet(obj));
        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
    }

    /// An `iter_mut` item that is a `&mut` to a scalar element arrives as its place; closures and tuples
    /// need it as a cell (the representation of `&mut i32`): made from the place, written back after.
    fn mut_item_cell(&mut self, item_ty: &Ty, place: &Option<Place>) -> Option<(u32, u32, Place)> {
        let Ty::Ref(true, x) = item_ty else { return None };
        if !self.lw.is_scalar(x) {
            return None;
        }
        let p = place.clone()?;
        let c = self.lw.cell_type(x);
        self.load(&p);
        self.emit(I::StructNew(c));
        let cl = self.new_local(ref_ty(c));
        self.emit(I::LocalSet(cl));
        Some((cl, c, p))
    }

    fn mut_item_write_back(&mut self, cell: &Option<(u32, u32, Place)>) {
        if let Some((cl, c, p)) = cell {
            let (cl, c) = (*cl, *c);
            self.store_with(p, &mut |fl: &mut FnLower| {
                fl.emit(I::LocalGet(cl));
                fl.emit(I::StructGet { struct_type_index: c, field_index: 0 });
            });
        }
    }

    /// Iterator shapes of this module; false when `ops.rs` handles `it`.
    pub fn iterate_ext(&mut self, it: &TExpr, each: Each) -> bool {
        if let Some(li) = self.lazy_of(it) {
            self.lazy_iterate(&li, each);
            return true;
        }
        match &it.kind {
            K::IterSource("option", args) => {
                let ot = args[0].ty.peel_refs().clone();
                self.expr_noncopy(&args[0]);
                let obj = self.stash(&ot).unwrap();
                self.opt_tag(obj, &ot);
                let blk = self.open(2, BlockType::Empty);
                let p = self.payload(obj, &ot, 1);
                each(self, p, None, blk);
                self.end();
            }
            K::IterSource(kind @ ("range" | "range_incl"), args) if !matches!(args[0].kind, K::Range(..)) => {
                // A range value (a local, a block's result…): its {start, end} struct.
                let rt = args[0].ty.peel_refs().clone();
                let elem = match &rt {
                    Ty::Range(t, _) => (**t).clone(),
                    _ => return false,
                };
                let l = self.lw.layout(&rt);
                let v = self.lw.repr(&elem).unwrap_or(ValType::I32);
                self.expr_noncopy(&args[0]);
                let r = self.new_local(ref_ty(l.ty));
                self.emit(I::LocalSet(r));
                let (i, end) = (self.new_local(v), self.new_local(v));
                for (k, dst) in [(0usize, i), (1, end)] {
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: l.fields[0][k].unwrap_or(k as u32) });
                    self.emit(I::LocalSet(dst));
                }
                let incl = *kind == "range_incl";
                let stored = matches!(args[0].kind, K::Local(_) | K::Field(..) | K::Deref(_) | K::Index(..));
                let (signed, w64) = match &elem {
                    Ty::Int(x) => (x.signed(), x.is64()),
                    _ => (false, false),
                };
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(end));
                self.emit(match (incl, signed, w64) {
                    (false, true, false) => I::I32GeS,
                    (false, false, false) => I::I32GeU,
                    (false, true, true) => I::I64GeS,
                    (false, false, true) => I::I64GeU,
                    (true, true, false) => I::I32GtS,
                    (true, false, false) => I::I32GtU,
                    (true, true, true) => I::I64GtS,
                    (true, false, true) => I::I64GtU,
                });
                self.br_if(done);
                let item = self.new_local(v);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalSet(item));
                if stored {
                    // The range object is the iterator (`r.next()`, `r.find(..)` on a `mut` range):
                    // advance its start before the item is used, as `Range::next` does.
                    let (fs, fe) = (l.fields[0][0].unwrap_or(0), l.fields[0][1].unwrap_or(1));
                    if incl {
                        // After the last item a RangeInclusive is empty: store 1..=0.
                        self.emit(I::LocalGet(i));
                        self.emit(I::LocalGet(end));
                        self.emit(if w64 { I::I64Eq } else { I::I32Eq });
                        self.emit(I::If(BlockType::Empty));
                        self.emit(I::LocalGet(r));
                        self.int_const(1, &elem);
                        self.emit(I::StructSet { struct_type_index: l.ty, field_index: fs });
                        self.emit(I::LocalGet(r));
                        self.int_const(0, &elem);
                        self.emit(I::StructSet { struct_type_index: l.ty, field_index: fe });
                        self.emit(I::Else);
                    }
                    self.emit(I::LocalGet(r));
                    self.emit(I::LocalGet(i));
                    self.int_const(1, &elem);
                    self.emit(if w64 { I::I64Add } else { I::I32Add });
                    self.emit(I::StructSet { struct_type_index: l.ty, field_index: fs });
                    if incl {
                        self.emit(I::End);
                    }
                }
                let cont = self.open(0, BlockType::Empty);
                each(self, Some(item), None, cont);
                self.end();
                if incl {
                    self.emit(I::LocalGet(i));
                    self.emit(I::LocalGet(end));
                    self.emit(if w64 { I::I64Eq } else { I::I32Eq });
                    self.br_if(done);
                }
                self.emit(I::LocalGet(i));
                self.int_const(1, &elem);
                self.emit(if w64 { I::I64Add } else { I::I32Add });
                self.emit(I::LocalSet(i));
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterSource("empty", _) => {}
            K::IterSource("once", args) => {
                self.expr(&args[0]);
                let x = self.stash(&args[0].ty);
                let blk = self.open(0, BlockType::Empty);
                each(self, x, None, blk);
                self.end();
            }
            K::IterSource(op @ ("repeat" | "repeat_n"), args) => {
                // Every item is a clone of the value (the last one of `repeat_n` is the value itself).
                let t = iter_item(&it.ty);
                self.expr(&args[0]);
                let x = self.stash(&t);
                let n = if *op == "repeat_n" {
                    self.expr(&args[1]);
                    self.stash(&Ty::usize())
                } else {
                    None
                };
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                if let Some(n) = n {
                    self.emit(I::LocalGet(n));
                    self.emit(I::I32Eqz);
                    self.br_if(done);
                    self.emit(I::LocalGet(n));
                    self.emit(I::I32Const(1));
                    self.emit(I::I32Sub);
                    self.emit(I::LocalSet(n));
                }
                let item = match x {
                    Some(x) => {
                        self.emit(I::LocalGet(x));
                        if matches!(self.lw.repr(&t), Some(ValType::Ref(_))) && !matches!(t, Ty::Ref(..)) {
                            let f = helpers::clone_fn(self.lw, &t);
                            self.emit(I::Call(f));
                        }
                        self.stash(&t)
                    }
                    None => None,
                };
                let cont = self.open(0, BlockType::Empty);
                each(self, item, None, cont);
                self.end();
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterAdapt("successors", init, _, Some(cl)) => {
                let t = iter_item(&it.ty);
                let ot = Ty::Option(Box::new(t.clone()));
                self.expr(init);
                let cur = self.stash(&ot).unwrap();
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.opt_tag(cur, &ot);
                self.emit(I::I32Eqz);
                self.br_if(done);
                let x = self.payload(cur, &ot, 1);
                // `Successors::next` computes the successor before handing out the item.
                self.inline_closure(cl, &[x]);
                self.emit(I::LocalSet(cur));
                let cont = self.open(0, BlockType::Empty);
                each(self, x, None, cont);
                self.end();
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterAdapt("from_fn", _, _, Some(cl)) => {
                let ot = Ty::Option(Box::new(iter_item(&it.ty)));
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.inline_closure(cl, &[]);
                let r = self.stash(&ot).unwrap();
                self.opt_tag(r, &ot);
                self.emit(I::I32Eqz);
                self.br_if(done);
                let x = self.payload(r, &ot, 1);
                let cont = self.open(0, BlockType::Empty);
                each(self, x, None, cont);
                self.end();
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterAdapt("cycle", inner, _, _) => {
                // std clones the iterator at its start and restarts from the clone: re-running the chain
                // is the same only when building it has no side effects.
                if has_effects(inner) {
                    self.lw.error(codes::UNSUPPORTED_EXPR, &it.span, "`cycle()` over a chain with side effects is not supported yet", Some("collect the items into a Vec first and cycle over `v.iter()`"));
                    return true;
                }
                let any = self.new_local(ValType::I32);
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::I32Const(0));
                self.emit(I::LocalSet(any));
                self.iterate(inner, &mut |fl: &mut FnLower, x, pl, cont| {
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(any));
                    each(fl, x, pl, cont);
                });
                self.emit(I::LocalGet(any));
                self.emit(I::I32Eqz);
                self.br_if(done);
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterAdapt(op @ ("map" | "filter" | "inspect"), inner, _, Some(cl)) if self.mut_scalar_items(inner) => {
                // `iter_mut()` items through closures: a cell per item, written back to the element.
                let item_ty = iter_item(&inner.ty);
                let out_ty = iter_item(&it.ty);
                let cl = cl.clone();
                let op = *op;
                self.iterate(inner, &mut |fl: &mut FnLower, x, pl, cont| {
                    let cell = fl.mut_item_cell(&item_ty, &pl);
                    let arg = cell.as_ref().map(|c| c.0).or(x);
                    fl.inline_closure(&cl, &[arg]);
                    match op {
                        "map" => {
                            let r = fl.stash(&out_ty);
                            fl.mut_item_write_back(&cell);
                            each(fl, r, None, cont);
                        }
                        "filter" => {
                            fl.emit(I::I32Eqz);
                            fl.br_if(cont);
                            each(fl, x, pl, cont);
                        }
                        _ => {
                            fl.drop_value(&cl.body.ty);
                            fl.mut_item_write_back(&cell);
                            each(fl, x, pl, cont);
                        }
                    }
                });
            }
            K::IterAdapt("chain", a, args, _) => {
                self.iterate(a, each);
                self.iterate(&args[0], each);
            }
            K::IterAdapt("zip", a, args, _) => {
                let tt = iter_item(&it.ty);
                let l = self.lw.layout(&tt);
                if self.mut_scalar_items(&args[0]) {
                    self.lw.error(crate::diagnostics::codes::UNSUPPORTED_EXPR, &args[0].span, "`zip` with an `iter_mut()` of scalars as its argument is not supported yet", Some("put the `iter_mut()` side first: `a.iter_mut().zip(b.iter())`"));
                    return true;
                }
                let a_item = iter_item(&a.ty);
                let p = self.pull_init(&args[0]);
                let outer = self.open(0, BlockType::Empty);
                self.iterate(a, &mut |fl: &mut FnLower, x, pl, _cont| {
                    let (has, y) = fl.pull_next(&p);
                    fl.emit(I::LocalGet(has));
                    fl.emit(I::I32Eqz);
                    fl.br_if(outer);
                    let cell = fl.mut_item_cell(&a_item, &pl);
                    if let Some((c, _, _)) = &cell {
                        fl.emit(I::LocalGet(*c));
                    } else if let Some(x) = x {
                        fl.emit(I::LocalGet(x));
                    }
                    if let Some(y) = y {
                        fl.emit(I::LocalGet(y));
                    }
                    fl.emit(I::StructNew(l.ty));
                    let t = fl.new_local(ref_ty(l.ty));
                    fl.emit(I::LocalSet(t));
                    let body = fl.open(0, BlockType::Empty);
                    each(fl, Some(t), None, body);
                    fl.end();
                    fl.mut_item_write_back(&cell);
                });
                self.end();
            }
            K::IterAdapt("flat_map", a, _, Some(cl)) => {
                let cl = cl.clone();
                self.iterate(a, &mut |fl: &mut FnLower, x, _pl, _cont| {
                    fl.bind_closure_params(&cl, &[x]);
                    fl.iterate(&cl.body, each);
                });
            }
            K::IterAdapt("scan", a, args, Some(cl)) => {
                let st = args[0].ty.clone();
                let out = iter_item(&it.ty);
                let ot = Ty::Option(Box::new(out));
                self.expr(&args[0]);
                let state = if self.lw.is_scalar(&st) {
                    let c = self.lw.cell_type(&st);
                    self.emit(I::StructNew(c));
                    Some(self.stash(&Ty::Ref(true, Box::new(st.clone()))).unwrap())
                } else {
                    self.stash(&st)
                };
                let cl = cl.clone();
                let outer = self.open(0, BlockType::Empty);
                self.iterate(a, &mut |fl: &mut FnLower, x, _pl, cont| {
                    fl.inline_closure(&cl, &[state, x]);
                    let r = fl.stash(&ot).unwrap();
                    fl.opt_tag(r, &ot);
                    fl.emit(I::I32Eqz);
                    fl.br_if(outer);
                    let p = fl.payload(r, &ot, 1);
                    each(fl, p, None, cont);
                });
                self.end();
            }
            K::IterAdapt(op @ ("filter_map" | "map_while"), a, _, Some(cl)) => {
                let ot = Ty::Option(Box::new(iter_item(&it.ty)));
                let cl = cl.clone();
                let stop_all = *op == "map_while";
                let outer = self.open(0, BlockType::Empty);
                self.iterate(a, &mut |fl: &mut FnLower, x, _pl, cont| {
                    fl.inline_closure(&cl, &[x]);
                    let r = fl.stash(&ot).unwrap();
                    fl.opt_tag(r, &ot);
                    fl.emit(I::I32Eqz);
                    fl.br_if(if stop_all { outer } else { cont });
                    let p = fl.payload(r, &ot, 1);
                    each(fl, p, None, cont);
                });
                self.end();
            }
            K::IterAdapt("inspect", a, _, Some(cl)) => {
                let cl = cl.clone();
                self.iterate(a, &mut |fl: &mut FnLower, x, pl, cont| {
                    fl.inline_closure(&cl, &[x]);
                    fl.drop_value(&cl.body.ty);
                    each(fl, x, pl, cont);
                });
            }
            K::IterAdapt("take_while", a, _, Some(cl)) => {
                let cl = cl.clone();
                let outer = self.open(0, BlockType::Empty);
                self.iterate(a, &mut |fl: &mut FnLower, x, pl, cont| {
                    fl.inline_closure(&cl, &[x]);
                    fl.emit(I::I32Eqz);
                    fl.br_if(outer);
                    each(fl, x, pl, cont);
                });
                self.end();
            }
            K::IterAdapt("skip_while", a, _, Some(cl)) => {
                let cl = cl.clone();
                let skipping = self.new_local(ValType::I32);
                self.emit(I::I32Const(1));
                self.emit(I::LocalSet(skipping));
                self.iterate(a, &mut |fl: &mut FnLower, x, pl, cont| {
                    fl.emit(I::LocalGet(skipping));
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    fl.inline_closure(&cl, &[x]);
                    fl.br_if(cont);
                    fl.emit(I::I32Const(0));
                    fl.emit(I::LocalSet(skipping));
                    fl.depth -= 1;
                    fl.emit(I::End);
                    each(fl, x, pl, cont);
                });
            }
            K::IterAdapt("take", a, args, _) => {
                // Never pulls the item after the n-th (Rust's `Take`): matters for inspect/by_ref.
                let n = self.new_local(ValType::I32);
                self.expr(&args[0]);
                self.emit(I::LocalSet(n));
                let k = self.zeroed_i32();
                let outer = self.open(0, BlockType::Empty);
                self.emit(I::LocalGet(n));
                self.emit(I::I32Eqz);
                self.br_if(outer);
                self.iterate(a, &mut |fl: &mut FnLower, x, pl, _cont| {
                    let body = fl.open(0, BlockType::Empty);
                    each(fl, x, pl, body);
                    fl.end();
                    fl.emit(I::LocalGet(k));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalTee(k));
                    fl.emit(I::LocalGet(n));
                    fl.emit(I::I32GeU);
                    fl.br_if(outer);
                });
                self.end();
            }
            K::IterAdapt("rev", inner, _, _) => return self.iterate_rev(it, inner, each),
            _ => return false,
        }
        true
    }

    /// `rev()` pushed through adapters that commute with it, down to a double-ended source.
    fn iterate_rev(&mut self, it: &TExpr, inner: &TExpr, each: Each) -> bool {
        let rev_of = |e: &TExpr| mk(K::IterAdapt("rev", Box::new(e.clone()), vec![], None), e.ty.clone(), e);
        match &inner.kind {
            K::IterAdapt(op @ ("map" | "filter" | "cloned" | "inspect" | "filter_map"), src, args, cl) => {
                let swapped = mk(K::IterAdapt(op, Box::new(rev_of(src)), args.clone(), cl.clone()), it.ty.clone(), it);
                self.iterate(&swapped, each);
                true
            }
            K::IterAdapt("chain", a, args, _) => {
                let swapped = mk(K::IterAdapt("chain", Box::new(rev_of(&args[0])), vec![rev_of(a)], None), it.ty.clone(), it);
                self.iterate(&swapped, each);
                true
            }
            K::IterAdapt("rev", src, _, _) => {
                self.iterate(src, each);
                true
            }
            _ if is_seq_source(inner).is_some() => {
                let base = is_seq_source(inner).unwrap();
                let t = base.ty.peel_refs().clone();
                let elem = match &t {
                    Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
                    _ => Ty::Int(IntTy::U8),
                };
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(base);
                let b = self.stash(&base.ty).unwrap();
                let (arr, start, len) = self.seq_triple(b, &t, &elem);
                let i = self.new_local(ValType::I32);
                self.emit(I::LocalGet(start));
                self.emit(I::LocalGet(len));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(i));
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(start));
                self.emit(I::I32LeU);
                self.br_if(done);
                self.emit(I::LocalGet(i));
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                self.emit(I::LocalSet(i));
                let item = self.lw.repr(&elem).map(|v| self.new_local(v));
                let idx = self.new_local(ValType::I32);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalSet(idx));
                if let Some(x) = item {
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    self.array_get(at, &elem);
                    self.emit(I::LocalSet(x));
                }
                let place = Some(Place::Elem { arr, idx, arr_ty: at, elem: elem.clone() });
                let cont = self.open(0, BlockType::Empty);
                each(self, item, place, cont);
                self.end();
                self.br(lp);
                self.end();
                self.end();
                true
            }
            K::IterSource("range" | "range_incl", _) => false,
            _ => {
                // General case (ops.rs): collected, then walked backwards — not for `&mut` items, whose
                // writes would land in the copies.
                fn has_mut_ref(t: &Ty) -> bool {
                    match t {
                        Ty::Ref(true, _) => true,
                        Ty::Tuple(ts) => ts.iter().any(has_mut_ref),
                        _ => false,
                    }
                }
                if has_mut_ref(&iter_item(&inner.ty)) {
                    self.lw.error(codes::UNSUPPORTED_EXPR, &it.span, "`rev()` over this chain of `&mut` items is not supported yet", Some("reverse the sequence source directly: `v.iter_mut().rev()`"));
                    return true;
                }
                !self.check_materializable(inner)
            }
        }
    }

    /// Non-closure std ops of this module; false when not one of them.
    pub fn iter_std_ext(&mut self, op: &str, args: &[TExpr], e: &TExpr) -> bool {
        match op {
            "cmp.cmp" | "cmp.partial_cmp" => {
                let t = args[0].ty.peel_refs().clone();
                let is_float = matches!(t, Ty::F32 | Ty::F64);
                self.expr(&args[0]);
                let a = self.stash(&args[0].ty);
                self.expr(&args[1]);
                let b = self.stash(&args[1].ty);
                let (Some(a), Some(b)) = (a, b) else {
                    self.emit(I::I32Const(1));
                    if op == "cmp.partial_cmp" {
                        self.build_variant_from_stack(&e.ty, 1);
                    }
                    return true;
                };
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(b));
                helpers::cmp_value(self, &t);
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                if op == "cmp.partial_cmp" {
                    if is_float {
                        // NaN on either side: None.
                        let o = self.stash(&Ty::Int(IntTy::I32)).unwrap();
                        let (eq, f64t) = if matches!(t, Ty::F64) { (I::F64Eq, true) } else { (I::F32Eq, false) };
                        let _ = f64t;
                        self.emit(I::LocalGet(a));
                        self.emit(I::LocalGet(a));
                        self.emit(eq.clone());
                        self.emit(I::LocalGet(b));
                        self.emit(I::LocalGet(b));
                        self.emit(eq);
                        self.emit(I::I32And);
                        let bt = self.bt(&e.ty);
                        self.open(2, bt);
                        self.emit(I::LocalGet(o));
                        self.build_variant_from_stack(&e.ty, 1);
                        self.emit(I::Else);
                        self.build_variant_from_stack(&e.ty, 0);
                        self.end();
                    } else {
                        self.build_variant_from_stack(&e.ty, 1);
                    }
                }
            }
            "iter.sum" | "iter.product" if matches!(e.ty, Ty::Option(_) | Ty::Result(..)) => {
                // Sum<Option<T>> / Sum<Result<T, E>>: the first None/Err ends the iteration and is the result.
                let item = iter_item(&args[0].ty);
                let is_opt = matches!(e.ty, Ty::Option(_));
                let good = if is_opt { 1 } else { 0 };
                let num = match &e.ty {
                    Ty::Option(a) | Ty::Result(a, _) => (**a).clone(),
                    _ => return false,
                };
                let il = self.lw.layout(&item);
                let Some(nv) = self.lw.repr(&num) else { return false };
                let acc = self.new_local(nv);
                self.int_const(if op == "iter.product" { 1 } else { 0 }, &num);
                self.emit(I::LocalSet(acc));
                let bad = self.zeroed_i32();
                let err = if is_opt {
                    None
                } else {
                    let Ty::Result(_, et) = &e.ty else { return false };
                    let et = (**et).clone();
                    self.lw.repr(&et).map(|v| self.new_local(v))
                };
                let done = self.open(0, BlockType::Empty);
                let it_ty = item.clone();
                let sp = e.span.clone();
                let numt = num.clone();
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let Some(x) = x else { return };
                    fl.emit(I::LocalGet(x));
                    fl.emit(I::StructGet { struct_type_index: il.ty, field_index: 0 });
                    fl.emit(I::I32Const(good));
                    fl.emit(I::I32Ne);
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    if let Some(el) = err {
                        if let Some(p) = fl.payload(x, &it_ty, 1) {
                            fl.emit(I::LocalGet(p));
                            fl.emit(I::LocalSet(el));
                        }
                    }
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(bad));
                    fl.br(done);
                    fl.depth -= 1;
                    fl.emit(I::End);
                    fl.emit(I::LocalGet(acc));
                    if let Some(p) = fl.payload(x, &it_ty, good as usize) {
                        fl.emit(I::LocalGet(p));
                    }
                    let bop = if op == "iter.sum" { crate::tir::BinOp::Add } else { crate::tir::BinOp::Mul };
                    fl.loc_override = Some(core_location("iter/traits/accum.rs:204:1"));
                    fl.arith(bop, &numt, &numt, &sp);
                    fl.loc_override = None;
                    fl.emit(I::LocalSet(acc));
                });
                self.end();
                let bt = self.bt(&e.ty);
                self.emit(I::LocalGet(bad));
                self.open(2, bt);
                if let Some(el) = err {
                    self.emit(I::LocalGet(el));
                }
                self.build_variant_from_stack(&e.ty, if is_opt { 0 } else { 1 });
                self.emit(I::Else);
                self.emit(I::LocalGet(acc));
                self.build_variant_from_stack(&e.ty, good as usize);
                self.end();
            }
            "iter.collect_any" => {
                // A collect whose target was decided after the call was checked.
                let op = match &e.ty {
                    Ty::Vec(_) => "iter.collect_vec",
                    Ty::String if matches!(iter_item(&args[0].ty).peel_refs(), Ty::Char) => "iter.collect_string_chars",
                    Ty::String => "iter.collect_string_strs",
                    Ty::Result(..) | Ty::Option(_) => "iter.collect_shunt",
                    _ => {
                        self.unsupported(e, "collect into this type");
                        return true;
                    }
                };
                if !self.iter_std(op, args, e) {
                    self.unsupported(e, "collect into this type");
                }
            }
            "iter.collect_shunt" => {
                // Ok(vec) / Some(vec) of the payloads, or the first Err / None (nothing pulled after it).
                let item = iter_item(&args[0].ty);
                let is_opt = matches!(e.ty, Ty::Option(_));
                let good = if is_opt { 1 } else { 0 };
                let elem = match &e.ty {
                    Ty::Result(a, _) | Ty::Option(a) => match &**a {
                        Ty::Vec(x) => (**x).clone(),
                        _ => return false,
                    },
                    _ => return false,
                };
                let v = self.new_vec(&elem);
                let push = self.vec_push_fn(&elem);
                let bad = self.zeroed_i32();
                let il = self.lw.layout(&item);
                let err_local = if is_opt {
                    None
                } else {
                    let Ty::Result(_, et) = &item else { return false };
                    let et = (**et).clone();
                    self.lw.repr(&et).map(|ev| (self.new_local(ev), et))
                };
                let done = self.open(0, BlockType::Empty);
                let it_ty = item.clone();
                let el = elem.clone();
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let Some(x) = x else { return };
                    fl.emit(I::LocalGet(x));
                    fl.emit(I::StructGet { struct_type_index: il.ty, field_index: 0 });
                    fl.emit(I::I32Const(good));
                    fl.emit(I::I32Ne);
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    if let Some((el_, _)) = &err_local {
                        if let Some(p) = fl.payload(x, &it_ty, 1) {
                            fl.emit(I::LocalGet(p));
                            fl.emit(I::LocalSet(*el_));
                        }
                    }
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(bad));
                    fl.br(done);
                    fl.depth -= 1;
                    fl.emit(I::End);
                    fl.emit(I::LocalGet(v));
                    match fl.payload(x, &it_ty, good as usize) {
                        Some(p) => {
                            fl.emit(I::LocalGet(p));
                            fl.copy_if_needed(&el);
                        }
                        None => fl.emit(I::I32Const(0)),
                    }
                    fl.emit(I::Call(push));
                });
                self.end();
                let bt = self.bt(&e.ty);
                self.emit(I::LocalGet(bad));
                self.open(2, bt);
                if let Some((el_, _)) = &err_local {
                    self.emit(I::LocalGet(*el_));
                }
                self.build_variant_from_stack(&e.ty, if is_opt { 0 } else { 1 });
                self.emit(I::Else);
                self.emit(I::LocalGet(v));
                self.build_variant_from_stack(&e.ty, good as usize);
                self.end();
            }
            "range.is_empty" => {
                let rt = args[0].ty.peel_refs().clone();
                let Ty::Range(elem, incl) = &rt else { return false };
                let l = self.lw.layout(&rt);
                self.expr_noncopy(&args[0]);
                let r = self.stash(&rt).unwrap();
                for k in 0..2 {
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: l.fields[0][k].unwrap_or(k as u32) });
                }
                let (signed, w64) = match &**elem {
                    Ty::Int(x) => (x.signed(), x.is64()),
                    _ => (false, false),
                };
                // excl: !(start < end); incl: !(start <= end)
                self.emit(match (*incl, signed, w64) {
                    (false, true, false) => I::I32GeS,
                    (false, false, false) => I::I32GeU,
                    (false, true, true) => I::I64GeS,
                    (false, false, true) => I::I64GeU,
                    (true, true, false) => I::I32GtS,
                    (true, false, false) => I::I32GtU,
                    (true, true, true) => I::I64GtS,
                    (true, false, true) => I::I64GtU,
                });
            }
            "iter.max" | "iter.min" => {
                // The first item is taken without comparing (a reference item has no value before it).
                let it = &args[0];
                let item = iter_item(&it.ty);
                let Some(v) = self.lw.repr(&item) else { return false };
                let has = self.zeroed_i32();
                let best = self.new_local(v);
                let is_max = op == "iter.max";
                let ity = item.clone();
                self.iterate(it, &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let Some(x) = x else { return };
                    fl.emit(I::LocalGet(has));
                    fl.emit(I::If(BlockType::Result(ValType::I32)));
                    fl.emit(I::LocalGet(best));
                    fl.emit(I::LocalGet(x));
                    helpers::cmp_value(fl, &ity);
                    fl.emit(I::I32Const(1));
                    fl.emit(if is_max { I::I32Ne } else { I::I32Eq });
                    fl.emit(I::Else);
                    fl.emit(I::I32Const(1));
                    fl.emit(I::End);
                    fl.emit(I::If(BlockType::Empty));
                    fl.emit(I::LocalGet(x));
                    fl.emit(I::LocalSet(best));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(has));
                    fl.emit(I::End);
                });
                let l = self.lw.layout(&e.ty);
                self.emit(I::LocalGet(has));
                self.emit(I::LocalGet(best));
                self.emit(I::StructNew(l.ty));
            }
            "iter.peek" | "iter.next_if_eq" if self.lazy_of(&args[0]).is_some() => {
                let li = self.lazy_of(&args[0]).unwrap();
                self.lazy_peek_op(&li, op, args.get(1), None, e);
            }
            "iter.peek" | "iter.next_if_eq" => {
                let item = iter_item(&args[0].ty);
                let (ity, vt, at) = (self.lw.iter_type(&item), self.lw.vec_type(&item), self.lw.array_type(&item));
                self.expr_noncopy(&args[0]);
                let obj = self.new_local(ref_ty(ity));
                self.emit(I::LocalSet(obj));
                let want = if op == "iter.next_if_eq" {
                    self.expr(&args[1]);
                    self.stash(&args[1].ty)
                } else {
                    None
                };
                let bt = self.bt(&e.ty);
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                self.emit(I::I32LtU);
                self.open(2, bt);
                let x = self.lw.repr(&item).map(|v| self.new_local(v));
                if let Some(x) = x {
                    self.emit(I::LocalGet(obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                    self.emit(I::LocalGet(obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                    self.array_get(at, &item);
                    self.emit(I::LocalSet(x));
                }
                if op == "iter.next_if_eq" {
                    match (x, want) {
                        (Some(x), Some(w)) => {
                            self.emit(I::LocalGet(x));
                            self.emit(I::LocalGet(w));
                            helpers::eq_value(self, &item);
                        }
                        _ => self.emit(I::I32Const(1)),
                    }
                    self.open(2, bt);
                    self.advance_stored(obj, ity);
                    if let Some(x) = x {
                        self.emit(I::LocalGet(x));
                    }
                    self.build_variant_from_stack(&e.ty, 1);
                    self.emit(I::Else);
                    self.build_variant_from_stack(&e.ty, 0);
                    self.end();
                } else {
                    if let Some(x) = x {
                        self.emit(I::LocalGet(x));
                    }
                    self.build_variant_from_stack(&e.ty, 1);
                }
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            "iter.eq" | "iter.ne" | "iter.lt" | "iter.le" | "iter.gt" | "iter.ge" | "iter.cmp" => {
                let item = iter_item(&args[0].ty);
                let it_ty = item.clone();
                let p = self.pull_init(&args[1]);
                let ord = self.zeroed_i32();
                let eq_only = matches!(op, "iter.eq" | "iter.ne");
                let done = self.open(0, BlockType::Empty);
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let (has, y) = fl.pull_next(&p);
                    fl.emit(I::LocalGet(has));
                    fl.emit(I::I32Eqz);
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(ord));
                    fl.br(done);
                    fl.depth -= 1;
                    fl.emit(I::End);
                    let (Some(x), Some(y)) = (x, y) else { return };
                    fl.emit(I::LocalGet(x));
                    fl.emit(I::LocalGet(y));
                    if eq_only {
                        helpers::eq_value(fl, &it_ty);
                        fl.emit(I::I32Eqz);
                    } else {
                        helpers::cmp_value(fl, &it_ty);
                    }
                    fl.emit(I::LocalTee(ord));
                    fl.br_if(done);
                });
                let (has, _) = self.pull_next(&p);
                self.emit(I::LocalGet(has));
                self.emit(I::If(BlockType::Empty));
                self.depth += 1;
                self.emit(I::I32Const(-1));
                self.emit(I::LocalSet(ord));
                self.depth -= 1;
                self.emit(I::End);
                self.end();
                self.emit(I::LocalGet(ord));
                match op {
                    "iter.eq" => self.emit(I::I32Eqz),
                    "iter.ne" => {
                        self.emit(I::I32Const(0));
                        self.emit(I::I32Ne);
                    }
                    "iter.lt" => {
                        self.emit(I::I32Const(0));
                        self.emit(I::I32LtS);
                    }
                    "iter.le" => {
                        self.emit(I::I32Const(0));
                        self.emit(I::I32LeS);
                    }
                    "iter.gt" => {
                        self.emit(I::I32Const(0));
                        self.emit(I::I32GtS);
                    }
                    "iter.ge" => {
                        self.emit(I::I32Const(0));
                        self.emit(I::I32GeS);
                    }
                    _ => {
                        self.emit(I::I32Const(1));
                        self.emit(I::I32Add);
                    }
                }
            }
            "iter.unzip" => {
                let Ty::Tuple(outs) = e.ty.clone() else { return false };
                let elems: Vec<Ty> = outs.iter().map(|v| match v {
                    Ty::Vec(x) => (**x).clone(),
                    _ => Ty::Unit,
                }).collect();
                let tt = iter_item(&args[0].ty);
                let tl = self.lw.layout(&tt);
                let vs: Vec<u32> = elems.iter().map(|el| self.new_vec(el)).collect();
                let pushes: Vec<u32> = elems.iter().map(|el| self.vec_push_fn(el)).collect();
                let el2 = elems.clone();
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let Some(x) = x else { return };
                    for k in 0..2 {
                        fl.emit(I::LocalGet(vs[k]));
                        match tl.fields[0].get(k).copied().flatten() {
                            Some(f) => {
                                fl.emit(I::LocalGet(x));
                                fl.emit(I::StructGet { struct_type_index: tl.ty, field_index: f });
                                fl.copy_if_needed(&el2[k]);
                            }
                            None => fl.emit(I::I32Const(0)),
                        }
                        fl.emit(I::Call(pushes[k]));
                    }
                });
                let rl = self.lw.layout(&e.ty);
                self.emit(I::LocalGet(vs[0]));
                self.emit(I::LocalGet(vs[1]));
                self.emit(I::StructNew(rl.ty));
            }
            "seq.concat_vec" => {
                let outer = args[0].ty.peel_refs().clone();
                let inner_c = match &outer {
                    Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
                    _ => return false,
                };
                let elem = match &e.ty {
                    Ty::Vec(x) => (**x).clone(),
                    _ => return false,
                };
                let v = self.new_vec(&elem);
                let push = self.vec_push_fn(&elem);
                let at = self.lw.array_type(&elem);
                let src = mk(K::IterSource("seq_ref", vec![args[0].clone()]), Ty::Iter(Box::new(Ty::Ref(false, Box::new(inner_c.clone())))), e);
                let ic = inner_c.peel_refs().clone();
                self.iterate(&src, &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let Some(x) = x else { return };
                    let (arr, start, len) = fl.seq_triple(x, &ic, &elem);
                    let i = fl.new_local(ValType::I32);
                    fl.emit(I::LocalGet(start));
                    fl.emit(I::LocalSet(i));
                    fl.emit(I::LocalGet(start));
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalSet(len));
                    let done = fl.open(0, BlockType::Empty);
                    let lp = fl.open(1, BlockType::Empty);
                    fl.emit(I::LocalGet(i));
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::I32GeU);
                    fl.br_if(done);
                    fl.emit(I::LocalGet(v));
                    if fl.lw.repr(&elem).is_some() {
                        fl.emit(I::LocalGet(arr));
                        fl.emit(I::LocalGet(i));
                        fl.array_get(at, &elem);
                        if matches!(fl.lw.repr(&elem), Some(ValType::Ref(_))) && !matches!(elem, Ty::Ref(..)) {
                            let f = helpers::clone_fn(fl.lw, &elem);
                            fl.emit(I::Call(f));
                        }
                    } else {
                        fl.emit(I::I32Const(0));
                    }
                    fl.emit(I::Call(push));
                    fl.emit(I::LocalGet(i));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalSet(i));
                    fl.br(lp);
                    fl.end();
                    fl.end();
                });
                self.emit(I::LocalGet(v));
            }
            "opt.flatten" => {
                let t = args[0].ty.peel_refs().clone();
                self.expr(&args[0]);
                let obj = self.stash(&t).unwrap();
                self.opt_tag(obj, &t);
                let bt = self.bt(&e.ty);
                self.open(2, bt);
                let p = self.payload(obj, &t, 1);
                if let Some(p) = p {
                    self.emit(I::LocalGet(p));
                }
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            "opt.transpose" | "res.transpose" => {
                // Option<Result<T, E>> <-> Result<Option<T>, E>
                let t = args[0].ty.peel_refs().clone();
                self.expr(&args[0]);
                let obj = self.stash(&t).unwrap();
                let bt = self.bt(&e.ty);
                let (outer_good, inner_t) = match &t {
                    Ty::Option(x) => (1usize, (**x).clone()),
                    Ty::Result(x, _) => (0usize, (**x).clone()),
                    _ => return false,
                };
                let l = self.lw.layout(&t);
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                self.emit(I::I32Const(outer_good as i32));
                self.emit(I::I32Eq);
                self.open(2, bt);
                let inner = self.payload(obj, &t, outer_good).unwrap();
                let il = self.lw.layout(&inner_t);
                // inner good: Ok (0) of a Result / Some (1) of an Option
                let inner_good = if matches!(inner_t, Ty::Result(..)) { 0 } else { 1 };
                self.emit(I::LocalGet(inner));
                self.emit(I::StructGet { struct_type_index: il.ty, field_index: 0 });
                self.emit(I::I32Const(inner_good));
                self.emit(I::I32Eq);
                self.open(2, bt);
                // Some(Ok(x)) -> Ok(Some(x)) ; Ok(Some(x)) -> Some(Ok(x))
                let x = self.payload(inner, &inner_t, inner_good as usize);
                if let Some(x) = x {
                    self.emit(I::LocalGet(x));
                }
                let mid_t = match &e.ty {
                    Ty::Result(a, _) => (**a).clone(),
                    Ty::Option(a) => (**a).clone(),
                    _ => Ty::Unit,
                };
                self.build_variant_from_stack(&mid_t, if op == "opt.transpose" { 1 } else { 0 });
                self.build_variant_from_stack(&e.ty, if op == "opt.transpose" { 0 } else { 1 });
                self.emit(I::Else);
                if op == "opt.transpose" {
                    // Some(Err(e)) -> Err(e)
                    if let Some(er) = self.payload(inner, &inner_t, 1) {
                        self.emit(I::LocalGet(er));
                    }
                    self.build_variant_from_stack(&e.ty, 1);
                } else {
                    // Ok(None) -> None
                    self.build_variant_from_stack(&e.ty, 0);
                }
                self.end();
                self.emit(I::Else);
                if op == "opt.transpose" {
                    // None -> Ok(None)
                    self.build_variant_from_stack(&mid_t, 0);
                    self.build_variant_from_stack(&e.ty, 0);
                } else {
                    // Err(e) -> Some(Err(e))
                    if let Some(er) = self.payload(obj, &t, 1) {
                        self.emit(I::LocalGet(er));
                    }
                    self.build_variant_from_stack(&mid_t, 1);
                    self.build_variant_from_stack(&e.ty, 1);
                }
                self.end();
            }
            _ => return false,
        }
        true
    }

    /// Panics located inside `core` (asserts without `#[track_caller]`): rustc reports the library
    /// source path of the toolchain, `/rustc/<commit>/library/core/src/…`. The commit is that of the
    /// rustc this project pins (`rust-version` 1.95, rustc 1.95.0).
    pub fn panic_in_core(&mut self, file_line_col: &str, msg: &str) {
        self.str_lit(&core_location(file_line_col));
        self.str_lit(msg);
        let f = self.lw.prelude_fn("panic_str");
        self.emit(I::Call(f));
        self.emit(I::Unreachable);
    }

    /// `*opt.get_or_insert(x)` / `insert` / `get_or_insert_with` on a scalar payload: the `&mut` is the
    /// payload field of the Option object itself (a place), so reads and writes through it reach the Option.
    pub fn option_slot_place(&mut self, r: &TExpr, target: &Ty) -> Option<Place> {
        if !self.lw.is_scalar(target) {
            return None;
        }
        let (op, args, cl) = match &r.kind {
            K::Std(op @ ("opt.get_or_insert" | "opt.insert"), args) => (*op, args, None),
            K::StdClosure(op @ "opt.get_or_insert_with", args, cls) => (*op, args, Some(&cls[0])),
            _ => return None,
        };
        let t = args[0].ty.peel_refs().clone();
        let l = self.lw.layout(&t);
        let w = l.fields[1][0]?;
        self.expr_noncopy(&args[0]);
        let obj = self.stash(&t).unwrap();
        let store = |fl: &mut FnLower| {
            let x = match cl {
                Some(cl) => {
                    fl.inline_closure(cl, &[]);
                    fl.stash(target)
                }
                None => {
                    fl.expr(&args[1]);
                    fl.stash(target)
                }
            };
            fl.emit(I::LocalGet(obj));
            fl.emit(I::I32Const(1));
            fl.emit(I::StructSet { struct_type_index: l.ty, field_index: 0 });
            if let Some(x) = x {
                fl.emit(I::LocalGet(obj));
                fl.emit(I::LocalGet(x));
                fl.emit(I::StructSet { struct_type_index: l.ty, field_index: w });
            }
        };
        if op == "opt.insert" {
            store(self);
        } else {
            self.emit(I::LocalGet(obj));
            self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
            self.emit(I::I32Eqz);
            self.open(2, BlockType::Empty);
            store(self);
            self.end();
        }
        Some(Place::Field { obj, ty: l.ty, field: w })
    }

    /// Items of `it` are `&mut` to scalars (an `iter_mut()` chain).
    fn mut_scalar_items(&mut self, it: &TExpr) -> bool {
        match iter_item(&it.ty) {
            Ty::Ref(true, x) => self.lw.is_scalar(&x),
            _ => false,
        }
    }

    fn new_vec(&mut self, elem: &Ty) -> u32 {
        let at = self.lw.array_type(elem);
        let vt = self.lw.vec_type(elem);
        self.emit(I::I32Const(0));
        self.emit(I::ArrayNewDefault(at));
        self.emit(I::I32Const(0));
        self.emit(I::StructNew(vt));
        let v = self.new_local(ref_ty(vt));
        self.emit(I::LocalSet(v));
        v
    }

    fn advance_stored(&mut self, obj: u32, ity: u32) {
        self.emit(I::LocalGet(obj));
        self.emit(I::LocalGet(obj));
        self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::StructSet { struct_type_index: ity, field_index: 1 });
    }

    /// Closure-taking ops of this module; false when not one of them.
    pub fn closure_op_ext(&mut self, op: &str, args: &[TExpr], cls: &[Closure], e: &TExpr) -> bool {
        match op {
            "iter.for_each" if self.mut_scalar_items(&args[0]) => {
                let item_ty = iter_item(&args[0].ty);
                let cl = cls[0].clone();
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, pl, _cont| {
                    let cell = fl.mut_item_cell(&item_ty, &pl);
                    let arg = cell.as_ref().map(|c| c.0).or(x);
                    fl.inline_closure(&cl, &[arg]);
                    fl.drop_value(&cl.body.ty);
                    fl.mut_item_write_back(&cell);
                });
            }
            "ord.then_with" => {
                self.expr(&args[0]);
                let o = self.stash(&Ty::Int(IntTy::I32)).unwrap();
                self.emit(I::LocalGet(o));
                self.emit(I::I32Const(1));
                self.emit(I::I32Eq);
                self.open(2, BlockType::Result(ValType::I32));
                self.inline_closure(&cls[0], &[]);
                self.emit(I::Else);
                self.emit(I::LocalGet(o));
                self.end();
            }
            "seq.sort_by" | "seq.sort_by_key2" => {
                let by_key = op == "seq.sort_by_key2";
                let cl = cls[0].clone();
                // std's small-slice insertion sort asks `is_less(current, earlier)`: the same calls in
                // the same order, so comparators with side effects print what native prints.
                self.sort_inline(&args[0], &mut |fl: &mut FnLower, y, x| {
                    if by_key {
                        fl.inline_closure(&cl, &[Some(x)]);
                        fl.inline_closure(&cl, &[Some(y)]);
                        let kt = cl.body.ty.clone();
                        helpers::cmp_value(fl, &kt);
                        fl.emit(I::I32Const(0));
                        fl.emit(I::I32LtS);
                    } else {
                        fl.inline_closure(&cl, &[Some(x), Some(y)]);
                        fl.emit(I::I32Const(0));
                        fl.emit(I::I32Eq);
                    }
                });
            }
            "seq.binary_search_by" | "seq.binary_search_by_key" | "seq.partition_point" => self.binary_search_by(op, args, &cls[0], e),
            "vec.dedup_by_key" | "vec.dedup_by" => self.dedup_by(op, args, &cls[0]),
            "array.map" => {
                let Ty::Array(out, n) = e.ty.clone() else { return false };
                let src_item = match args[0].ty.peel_refs() {
                    Ty::Array(x, _) => (**x).clone(),
                    _ => return false,
                };
                let src = mk(K::IterSource("seq_owned", vec![args[0].clone()]), Ty::Iter(Box::new(src_item)), e);
                let mapped = mk(K::IterAdapt("map", Box::new(src), vec![], Some(cls[0].clone())), Ty::Iter(out.clone()), e);
                let v = self.collect_vec(&mapped, &out);
                let at = self.lw.array_type(&out);
                let vt = self.lw.vec_type(&out);
                self.emit(I::I32Const(n as i32));
                self.emit(I::ArrayNewDefault(at));
                let r = self.new_local(ref_ty(at));
                self.emit(I::LocalTee(r));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(v));
                self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                self.emit(I::I32Const(0));
                self.emit(I::I32Const(n as i32));
                self.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
                self.emit(I::LocalGet(r));
            }
            "opt.map_or_else" | "res.map_or" | "res.map_or_else" | "opt.is_none_or" | "opt.inspect" | "opt.get_or_insert_with" => self.enum_closure_ext(op, args, cls, e),
            "iter.min_by" | "iter.max_by" | "iter.reduce" => {
                let it = &args[0];
                let item = iter_item(&it.ty);
                let Some(v) = self.lw.repr(&item) else { return false };
                let has = self.zeroed_i32();
                let best = self.new_local(v);
                let cl = cls[0].clone();
                let is_max = op == "iter.max_by";
                let reduce = op == "iter.reduce";
                self.iterate(it, &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let Some(x) = x else { return };
                    fl.emit(I::LocalGet(has));
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    if reduce {
                        fl.inline_closure(&cl, &[Some(best), Some(x)]);
                        fl.emit(I::LocalSet(best));
                    } else {
                        fl.inline_closure(&cl, &[Some(best), Some(x)]);
                        fl.emit(I::I32Const(2));
                        fl.emit(if is_max { I::I32Ne } else { I::I32Eq });
                        fl.emit(I::If(BlockType::Empty));
                        fl.emit(I::LocalGet(x));
                        fl.emit(I::LocalSet(best));
                        fl.emit(I::End);
                    }
                    fl.emit(I::Else);
                    fl.emit(I::LocalGet(x));
                    fl.emit(I::LocalSet(best));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(has));
                    fl.depth -= 1;
                    fl.emit(I::End);
                });
                let l = self.lw.layout(&e.ty);
                self.emit(I::LocalGet(has));
                self.emit(I::LocalGet(best));
                self.emit(I::StructNew(l.ty));
            }
            "iter.max_by_key" | "iter.min_by_key" => {
                // std maps every item to (key, item) once, then compares keys: max keeps the last
                // maximum, min the first minimum.
                let it = &args[0];
                let item = iter_item(&it.ty);
                let Some(v) = self.lw.repr(&item) else { return false };
                let cl = cls[0].clone();
                let kt = cl.body.ty.clone();
                let kv = self.lw.repr(&kt);
                let has = self.zeroed_i32();
                let best = self.new_local(v);
                let best_key = kv.map(|k| self.new_local(k));
                let is_max = op == "iter.max_by_key";
                self.iterate(it, &mut |fl: &mut FnLower, x, _pl, _cont| {
                    let Some(x) = x else { return };
                    fl.inline_closure(&cl, &[Some(x)]);
                    let k = fl.stash(&kt);
                    fl.emit(I::LocalGet(has));
                    fl.emit(I::If(BlockType::Result(ValType::I32)));
                    fl.depth += 1;
                    match (best_key, k) {
                        (Some(bk), Some(k)) => {
                            fl.emit(I::LocalGet(bk));
                            fl.emit(I::LocalGet(k));
                            helpers::cmp_value(fl, &kt);
                        }
                        _ => fl.emit(I::I32Const(0)),
                    }
                    fl.emit(I::I32Const(1));
                    fl.emit(if is_max { I::I32Ne } else { I::I32Eq });
                    fl.depth -= 1;
                    fl.emit(I::Else);
                    fl.emit(I::I32Const(1));
                    fl.emit(I::End);
                    fl.emit(I::If(BlockType::Empty));
                    fl.emit(I::LocalGet(x));
                    fl.emit(I::LocalSet(best));
                    if let (Some(bk), Some(k)) = (best_key, k) {
                        fl.emit(I::LocalGet(k));
                        fl.emit(I::LocalSet(bk));
                    }
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(has));
                    fl.emit(I::End);
                });
                let l = self.lw.layout(&e.ty);
                self.emit(I::LocalGet(has));
                self.emit(I::LocalGet(best));
                self.emit(I::StructNew(l.ty));
            }
            "iter.rposition" => {
                // std tests from the back; a forward scan keeping the last match is the same answer when
                // the predicate has no side effects.
                if has_effects(&cls[0].body) {
                    self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, "`rposition` with a side-effecting predicate is not supported yet", Some("use `.iter().rev().position(..)` and convert the index"));
                    return true;
                }
                let (found, last, k) = (self.zeroed_i32(), self.zeroed_i32(), self.zeroed_i32());
                let cl = cls[0].clone();
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, _pl, _cont| {
                    fl.inline_closure(&cl, &[x]);
                    fl.emit(I::If(BlockType::Empty));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(found));
                    fl.emit(I::LocalGet(k));
                    fl.emit(I::LocalSet(last));
                    fl.emit(I::End);
                    fl.emit(I::LocalGet(k));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalSet(k));
                });
                let l = self.lw.layout(&e.ty);
                self.emit(I::LocalGet(found));
                self.emit(I::LocalGet(last));
                self.emit(I::StructNew(l.ty));
            }
            "iter.find_map" => {
                let ot = e.ty.clone();
                self.build_variant_from_stack(&ot, 0);
                let r = self.stash(&ot).unwrap();
                let cl = cls[0].clone();
                let done = self.open(0, BlockType::Empty);
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, _pl, _cont| {
                    fl.inline_closure(&cl, &[x]);
                    fl.emit(I::LocalTee(r));
                    let l = fl.lw.layout(&ot);
                    fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                    fl.br_if(done);
                });
                self.end();
                self.emit(I::LocalGet(r));
            }
            "iter.partition" => {
                let Ty::Tuple(outs) = e.ty.clone() else { return false };
                let elem = match &outs[0] {
                    Ty::Vec(x) => (**x).clone(),
                    _ => return false,
                };
                let (a, b) = (self.new_vec(&elem), self.new_vec(&elem));
                let vt = self.lw.vec_type(&elem);
                let push = self.vec_push_fn(&elem);
                let cl = cls[0].clone();
                let el = elem.clone();
                self.iterate(&args[0], &mut |fl: &mut FnLower, x, _pl, _cont| {
                    fl.inline_closure(&cl, &[x]);
                    fl.emit(I::If(BlockType::Result(ref_ty(vt))));
                    fl.emit(I::LocalGet(a));
                    fl.emit(I::Else);
                    fl.emit(I::LocalGet(b));
                    fl.emit(I::End);
                    match x {
                        Some(x) => {
                            fl.emit(I::LocalGet(x));
                            fl.copy_if_needed(&el);
                        }
                        None => fl.emit(I::I32Const(0)),
                    }
                    fl.emit(I::Call(push));
                });
                let rl = self.lw.layout(&e.ty);
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(b));
                self.emit(I::StructNew(rl.ty));
            }
            "iter.next_if" if self.lazy_of(&args[0]).is_some() => {
                let li = self.lazy_of(&args[0]).unwrap();
                self.lazy_peek_op(&li, op, None, Some(&cls[0]), e);
            }
            "iter.next_if" => {
                let item = iter_item(&args[0].ty);
                let (ity, vt, at) = (self.lw.iter_type(&item), self.lw.vec_type(&item), self.lw.array_type(&item));
                self.expr_noncopy(&args[0]);
                let obj = self.new_local(ref_ty(ity));
                self.emit(I::LocalSet(obj));
                let bt = self.bt(&e.ty);
                let r = {
                    self.build_variant_from_stack(&e.ty, 0);
                    self.stash(&e.ty).unwrap()
                };
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                self.emit(I::I32LtU);
                self.open(2, BlockType::Empty);
                let x = self.lw.repr(&item).map(|v| self.new_local(v));
                if let Some(x) = x {
                    self.emit(I::LocalGet(obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                    self.emit(I::LocalGet(obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                    self.array_get(at, &item);
                    self.emit(I::LocalSet(x));
                }
                self.inline_closure(&cls[0], &[x]);
                self.open(2, BlockType::Empty);
                self.advance_stored(obj, ity);
                if let Some(x) = x {
                    self.emit(I::LocalGet(x));
                }
                self.build_variant_from_stack(&e.ty, 1);
                self.emit(I::LocalSet(r));
                self.end();
                self.end();
                let _ = bt;
                self.emit(I::LocalGet(r));
            }
            _ => return false,
        }
        true
    }

    /// Stable insertion sort of a sequence in place; `greater(fl, earlier, current)` leaves 1 when the
    /// earlier element must move after the current one.
    fn sort_inline(&mut self, base: &TExpr, greater: &mut dyn FnMut(&mut FnLower, u32, u32)) {
        let t = base.ty.peel_refs().clone();
        let elem = match &t {
            Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
            _ => return,
        };
        let Some(ev) = self.lw.repr(&elem) else { return };
        let at = self.lw.array_type(&elem);
        self.expr_noncopy(base);
        let b = self.stash(&base.ty).unwrap();
        let (arr, start, len) = self.seq_triple(b, &t, &elem);
        let (i, j, x, y) = (self.new_local(ValType::I32), self.new_local(ValType::I32), self.new_local(ev), self.new_local(ev));
        self.emit(I::I32Const(1));
        self.emit(I::LocalSet(i));
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(len));
        self.emit(I::I32GeU);
        self.br_if(done);
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(start));
        self.emit(I::LocalGet(i));
        self.emit(I::I32Add);
        self.array_get(at, &elem);
        self.emit(I::LocalSet(x));
        self.emit(I::LocalGet(i));
        self.emit(I::LocalSet(j));
        let idone = self.open(0, BlockType::Empty);
        let ilp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(j));
        self.emit(I::I32Eqz);
        self.br_if(idone);
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(start));
        self.emit(I::LocalGet(j));
        self.emit(I::I32Add);
        self.emit(I::I32Const(1));
        self.emit(I::I32Sub);
        self.array_get(at, &elem);
        self.emit(I::LocalSet(y));
        greater(self, y, x);
        self.emit(I::I32Eqz);
        self.br_if(idone);
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(start));
        self.emit(I::LocalGet(j));
        self.emit(I::I32Add);
        self.emit(I::LocalGet(y));
        self.emit(I::ArraySet(at));
        self.emit(I::LocalGet(j));
        self.emit(I::I32Const(1));
        self.emit(I::I32Sub);
        self.emit(I::LocalSet(j));
        self.br(ilp);
        self.end();
        self.end();
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(start));
        self.emit(I::LocalGet(j));
        self.emit(I::I32Add);
        self.emit(I::LocalGet(x));
        self.emit(I::ArraySet(at));
        self.emit(I::LocalGet(i));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalSet(i));
        self.br(lp);
        self.end();
        self.end();
    }

    /// `binary_search_by(f)` with std's algorithm (the same probes, so the same index among equals).
    fn binary_search_by(&mut self, op: &str, args: &[TExpr], cl: &Closure, _e: &TExpr) {
        let t = args[0].ty.peel_refs().clone();
        let elem = match &t {
            Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
            _ => return,
        };
        let at = self.lw.array_type(&elem);
        self.expr_noncopy(&args[0]);
        let b = self.stash(&args[0].ty).unwrap();
        let (arr, start, size) = self.seq_triple(b, &t, &elem);
        let key = if op == "seq.binary_search_by_key" {
            self.expr(&args[1]);
            self.stash(&args[1].ty)
        } else {
            None
        };
        let x = self.lw.repr(&elem).map(|v| self.new_local(v));
        let (base, half, c) = (self.zeroed_i32(), self.new_local(ValType::I32), self.new_local(ValType::I32));
        let kty = cl.body.ty.clone();
        let partition = op == "seq.partition_point";
        let probe = |fl: &mut FnLower, idx: &dyn Fn(&mut FnLower)| {
            if let Some(x) = x {
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(start));
                idx(fl);
                fl.emit(I::I32Add);
                fl.array_get(at, &elem);
                fl.emit(I::LocalSet(x));
            }
            fl.inline_closure(cl, &[x]);
            if partition {
                // pred(x) ? Less : Greater
                fl.emit(I::I32Eqz);
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Shl);
            }
            if let Some(k) = key {
                fl.emit(I::LocalGet(k));
                helpers::cmp_value(fl, &kty);
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Add);
            }
            fl.emit(I::LocalSet(c));
        };
        let rty = Ty::Result(Box::new(Ty::usize()), Box::new(Ty::usize()));
        let rl = self.lw.layout(&rty);
        let res = self.new_local(ref_ty(rl.ty));
        let out = self.open(0, BlockType::Empty);
        // size == 0: Err(0)
        self.emit(I::LocalGet(size));
        self.emit(I::I32Eqz);
        self.emit(I::If(BlockType::Empty));
        self.depth += 1;
        self.emit(I::I32Const(1));
        self.emit(I::I32Const(0));
        self.emit(I::I32Const(0));
        self.emit(I::StructNew(rl.ty));
        self.emit(I::LocalSet(res));
        self.br(out);
        self.depth -= 1;
        self.emit(I::End);
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(size));
        self.emit(I::I32Const(1));
        self.emit(I::I32LeU);
        self.br_if(done);
        self.emit(I::LocalGet(size));
        self.emit(I::I32Const(1));
        self.emit(I::I32ShrU);
        self.emit(I::LocalSet(half));
        probe(self, &|fl| {
            fl.emit(I::LocalGet(base));
            fl.emit(I::LocalGet(half));
            fl.emit(I::I32Add);
        });
        // base = if cmp == Greater { base } else { mid }
        self.emit(I::LocalGet(base));
        self.emit(I::LocalGet(half));
        self.emit(I::I32Add);
        self.emit(I::LocalGet(base));
        self.emit(I::LocalGet(c));
        self.emit(I::I32Const(2));
        self.emit(I::I32Ne);
        self.emit(I::Select);
        self.emit(I::LocalSet(base));
        self.emit(I::LocalGet(size));
        self.emit(I::LocalGet(half));
        self.emit(I::I32Sub);
        self.emit(I::LocalSet(size));
        self.br(lp);
        self.end();
        self.end();
        probe(self, &|fl| fl.emit(I::LocalGet(base)));
        // Equal: Ok(base); else Err(base + (cmp == Less))
        self.emit(I::LocalGet(c));
        self.emit(I::I32Const(1));
        self.emit(I::I32Ne);
        self.emit(I::LocalGet(base));
        self.emit(I::LocalGet(c));
        self.emit(I::I32Eqz);
        self.emit(I::I32Add);
        self.emit(I::LocalGet(base));
        self.emit(I::LocalGet(c));
        self.emit(I::I32Const(1));
        self.emit(I::I32Ne);
        self.emit(I::Select);
        // layout of Result<usize, usize>: {tag, ok, err}
        let v = self.new_local(ValType::I32);
        self.emit(I::LocalSet(v));
        let tag = self.new_local(ValType::I32);
        self.emit(I::LocalSet(tag));
        self.emit(I::LocalGet(tag));
        self.emit(I::LocalGet(v));
        self.emit(I::LocalGet(v));
        self.emit(I::StructNew(rl.ty));
        self.emit(I::LocalSet(res));
        self.end();
        self.emit(I::LocalGet(res));
        if partition {
            // partition_point is the index of either variant (both fields hold it).
            self.emit(I::StructGet { struct_type_index: rl.ty, field_index: rl.fields[1][0].unwrap_or(2) });
        }
    }

    /// `dedup_by_key` / `dedup_by`: keeps the first of each run; `same(current, last kept)`.
    fn dedup_by(&mut self, op: &str, args: &[TExpr], cl: &Closure) {
        let t = args[0].ty.peel_refs().clone();
        let Ty::Vec(elem) = t.clone() else { return };
        let elem = (*elem).clone();
        let Some(ev) = self.lw.repr(&elem) else { return };
        let vt = self.lw.vec_type(&elem);
        let at = self.lw.array_type(&elem);
        self.expr_noncopy(&args[0]);
        let v = self.stash(&t).unwrap();
        let (arr, len) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32));
        self.seq_parts(v, &t, arr, None, len);
        let (r, w) = (self.new_local(ValType::I32), self.new_local(ValType::I32));
        let out = self.open(0, BlockType::Empty);
        self.emit(I::LocalGet(len));
        self.emit(I::I32Const(2));
        self.emit(I::I32LtU);
        self.br_if(out);
        self.emit(I::I32Const(1));
        self.emit(I::LocalSet(r));
        self.emit(I::I32Const(1));
        self.emit(I::LocalSet(w));
        let scalar = self.lw.is_scalar(&elem);
        let cell = if scalar { Some(self.lw.cell_type(&elem)) } else { None };
        let (cur, prev) = (self.new_local(ev), self.new_local(ev));
        // `&mut elem` arguments: scalars go through a cell that is written back.
        let arg = |fl: &mut FnLower, src: u32| -> u32 {
            match cell {
                Some(c) => {
                    fl.emit(I::LocalGet(src));
                    fl.emit(I::StructNew(c));
                    let l = fl.new_local(ref_ty(c));
                    fl.emit(I::LocalSet(l));
                    l
                }
                None => src,
            }
        };
        let back = |fl: &mut FnLower, l: u32, dst: u32| {
            if let Some(c) = cell {
                fl.emit(I::LocalGet(l));
                fl.emit(I::StructGet { struct_type_index: c, field_index: 0 });
                fl.emit(I::LocalSet(dst));
            }
        };
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(r));
        self.emit(I::LocalGet(len));
        self.emit(I::I32GeU);
        self.br_if(done);
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(r));
        self.array_get(at, &elem);
        self.emit(I::LocalSet(cur));
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(w));
        self.emit(I::I32Const(1));
        self.emit(I::I32Sub);
        self.array_get(at, &elem);
        self.emit(I::LocalSet(prev));
        if op == "vec.dedup_by_key" {
            let a = arg(self, cur);
            self.inline_closure(cl, &[Some(a)]);
            back(self, a, cur);
            let b = arg(self, prev);
            self.inline_closure(cl, &[Some(b)]);
            back(self, b, prev);
            let kt = cl.body.ty.clone();
            helpers::eq_value(self, &kt);
        } else {
            let (a, b) = (arg(self, cur), arg(self, prev));
            self.inline_closure(cl, &[Some(a), Some(b)]);
            back(self, a, cur);
            back(self, b, prev);
        }
        let same = self.new_local(ValType::I32);
        self.emit(I::LocalSet(same));
        // write back the (possibly mutated) previous element
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(w));
        self.emit(I::I32Const(1));
        self.emit(I::I32Sub);
        self.emit(I::LocalGet(prev));
        self.emit(I::ArraySet(at));
        self.emit(I::LocalGet(same));
        self.emit(I::I32Eqz);
        self.emit(I::If(BlockType::Empty));
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(w));
        self.emit(I::LocalGet(cur));
        self.emit(I::ArraySet(at));
        self.emit(I::LocalGet(w));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalSet(w));
        self.emit(I::End);
        self.emit(I::LocalGet(r));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalSet(r));
        self.br(lp);
        self.end();
        self.end();
        self.emit(I::LocalGet(v));
        self.emit(I::LocalGet(w));
        self.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
        self.end();
    }

    fn enum_closure_ext(&mut self, op: &str, args: &[TExpr], cls: &[Closure], e: &TExpr) {
        let t = args[0].ty.peel_refs().clone();
        let l = self.lw.layout(&t);
        if op == "opt.get_or_insert_with" {
            self.expr_noncopy(&args[0]);
        } else {
            self.expr(&args[0]);
        }
        let obj = self.stash(&t).unwrap();
        let is_opt = matches!(t, Ty::Option(_));
        let good = if is_opt { 1 } else { 0 };
        let bt = self.bt(&e.ty);
        let extra = if args.len() > 1 {
            self.expr(&args[1]);
            self.stash(&args[1].ty)
        } else {
            None
        };
        self.emit(I::LocalGet(obj));
        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
        self.emit(I::I32Const(good));
        self.emit(I::I32Eq);
        match op {
            "res.map_or" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, 0);
                self.inline_closure(&cls[0], &[p]);
                self.emit(I::Else);
                if let Some(x) = extra {
                    self.emit(I::LocalGet(x));
                }
                self.end();
            }
            "opt.map_or_else" | "res.map_or_else" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, good as usize);
                self.inline_closure(&cls[1], &[p]);
                self.emit(I::Else);
                if is_opt {
                    self.inline_closure(&cls[0], &[]);
                } else {
                    let p = self.payload(obj, &t, 1);
                    self.inline_closure(&cls[0], &[p]);
                }
                self.end();
            }
            "opt.is_none_or" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, 1);
                self.inline_closure(&cls[0], &[p]);
                self.emit(I::Else);
                self.emit(I::I32Const(1));
                self.end();
            }
            "opt.inspect" => {
                self.open(2, BlockType::Empty);
                let p = self.payload(obj, &t, 1);
                self.inline_closure(&cls[0], &[p]);
                self.drop_value(&cls[0].body.ty);
                self.end();
                self.emit(I::LocalGet(obj));
            }
            "opt.get_or_insert_with" => {
                let w = l.fields[1][0];
                self.emit(I::I32Eqz);
                self.open(2, BlockType::Empty);
                self.inline_closure(&cls[0], &[]);
                let x = self.stash(&cls[0].body.ty);
                self.emit(I::LocalGet(obj));
                self.emit(I::I32Const(1));
                self.emit(I::StructSet { struct_type_index: l.ty, field_index: 0 });
                if let (Some(w), Some(x)) = (w, x) {
                    self.emit(I::LocalGet(obj));
                    self.emit(I::LocalGet(x));
                    self.emit(I::StructSet { struct_type_index: l.ty, field_index: w });
                }
                self.end();
                if let Some(w) = w {
                    if self.lw.is_scalar(&e.ty.peel_refs().clone()) {
                        self.lw.error(codes::UNSUPPORTED_BORROW, &e.span, "a `&mut` to a scalar inside an Option is not supported yet", None);
                    } else {
                        self.emit(I::LocalGet(obj));
                        self.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
                    }
                }
            }
            _ => {}
        }
    }
}
