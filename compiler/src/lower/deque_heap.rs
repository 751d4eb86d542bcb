//! Lowering of `VecDeque<T>` (a ring buffer `{buf, head, len}`, capacity doubling) and `BinaryHeap<T>`
//! (a `Vec<T>` kept as a max-heap with std's exact sift algorithms, so `{:?}` and `into_vec` show the
//! same internal order as native).

use super::func::FnLower;
use super::reprs::{ref_ty, StorageKey, TypeKey, ValKey};
use super::Lowerer;
use crate::collections::CollKind;
use crate::diagnostics::codes;
use crate::tir::TExpr;
use crate::types::Ty;
use wasm_encoder::{BlockType, Instruction as I, ValType};

const D_BUF: u32 = 0;
const D_HEAD: u32 = 1;
const D_LEN: u32 = 2;

impl Lowerer<'_> {
    pub fn deque_type(&mut self, t: &Ty) -> u32 {
        let at = self.array_type(t);
        let name = format!("VecDeque<{}>", self.ck.ty_name(t));
        let i = (StorageKey::Val(ValKey::I32), true);
        self.intern(TypeKey::Named(name.clone(), vec![(StorageKey::Val(ValKey::Ref(at)), true), i, i]), name, vec!["buf".into(), "head".into(), "len".into()])
    }
}

impl FnLower<'_, '_> {
    pub(super) fn deque_new(&mut self, t: &Ty) {
        let (at, dt) = (self.lw.array_type(t), self.lw.deque_type(t));
        self.ic(0);
        self.emit(I::ArrayNewDefault(at));
        self.ic(0);
        self.ic(0);
        self.emit(I::StructNew(dt));
    }

    /// Pushes the physical index of logical index `i` (value on the stack) of the deque in local `d`.
    fn deque_phys(&mut self, d: u32, dt: u32) {
        self.lg(d);
        self.sget(dt, D_HEAD);
        self.emit(I::I32Add);
        self.lg(d);
        self.sget(dt, D_BUF);
        self.emit(I::ArrayLen);
        self.emit(I::I32RemU);
    }

    /// The elements of a deque in order, as a fresh `Vec<T>`.
    pub(super) fn deque_items_fn(&mut self, t: &Ty) -> u32 {
        let dt = self.lw.deque_type(t);
        let vt = self.lw.vec_type(t);
        let key = format!("deque_items<{}>", self.lw.ck.ty_name(t));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(dt)], vec![ref_ty(vt)], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 1, Some(ref_ty(vt)));
        let at = fl.lw.array_type(t);
        let (arr, n) = (fl.new_local(ref_ty(at)), fl.new_local(ValType::I32));
        fl.lg(0);
        fl.sget(dt, D_LEN);
        fl.ls(n);
        fl.lg(n);
        fl.emit(I::ArrayNewDefault(at));
        fl.ls(arr);
        fl.count_loop(n, &mut |fl: &mut FnLower, i| {
            fl.lg(arr);
            fl.lg(i);
            fl.lg(0);
            fl.sget(dt, D_BUF);
            fl.lg(i);
            fl.deque_phys(0, dt);
            fl.emit(I::ArrayGet(at));
            fl.emit(I::ArraySet(at));
        });
        fl.lg(arr);
        fl.lg(n);
        fl.emit(I::StructNew(vt));
        fl.finish(id);
        id
    }

    /// Makes room for one more element: a full buffer is replaced by one twice as large (at least 4),
    /// the elements moved to its start in order.
    fn deque_reserve_fn(&mut self, t: &Ty) -> u32 {
        let dt = self.lw.deque_type(t);
        let key = format!("deque_reserve<{}>", self.lw.ck.ty_name(t));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(dt)], vec![], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 1, None);
        let at = fl.lw.array_type(t);
        let items = fl.deque_items_fn(t);
        let vt = fl.lw.vec_type(t);
        let (cap, arr) = (fl.new_local(ValType::I32), fl.new_local(ref_ty(at)));
        fl.lg(0);
        fl.sget(dt, D_LEN);
        fl.lg(0);
        fl.sget(dt, D_BUF);
        fl.emit(I::ArrayLen);
        fl.emit(I::LocalTee(cap));
        fl.emit(I::I32LtU);
        fl.emit(I::If(BlockType::Empty));
        fl.emit(I::Return);
        fl.emit(I::End);
        fl.lg(cap);
        fl.ic(2);
        fl.emit(I::I32Mul);
        fl.ic(4);
        fl.lg(cap);
        fl.ic(2);
        fl.emit(I::I32Mul);
        fl.ic(4);
        fl.emit(I::I32GtU);
        fl.emit(I::Select);
        fl.emit(I::ArrayNewDefault(at));
        fl.ls(arr);
        // copy the ordered items into the new buffer
        fl.lg(arr);
        fl.ic(0);
        fl.lg(0);
        fl.emit(I::Call(items));
        fl.sget(vt, 0);
        fl.ic(0);
        fl.lg(0);
        fl.sget(dt, D_LEN);
        fl.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
        fl.lg(0);
        fl.lg(arr);
        fl.sset(dt, D_BUF);
        fl.lg(0);
        fl.ic(0);
        fl.sset(dt, D_HEAD);
        fl.finish(id);
        id
    }

    pub(super) fn deque_heap_op(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        let t = args.first().map(|a| a.ty.peel_refs().clone()).unwrap_or(Ty::Unit);
        let (kind, elem) = match (&t, &e.ty) {
            (Ty::Coll(k, ts), _) => (*k, ts[0].clone()),
            (_, Ty::Coll(k, ts)) => (*k, ts[0].clone()),
            _ => return,
        };
        if kind == CollKind::BinaryHeap {
            return self.heap_op(op, args, e, &elem);
        }
        let dt = self.lw.deque_type(&elem);
        let at = self.lw.array_type(&elem);
        let vt = self.lw.vec_type(&elem);
        let has_val = self.lw.repr(&elem).is_some();
        let recv = |fl: &mut FnLower| -> u32 {
            fl.expr_noncopy(&args[0]);
            fl.stash(&args[0].ty).unwrap()
        };
        match op {
            "coll.len" | "coll.is_empty" => {
                self.expr_noncopy(&args[0]);
                self.sget(dt, D_LEN);
                if op == "coll.is_empty" {
                    self.emit(I::I32Eqz);
                }
            }
            "coll.clear" => {
                let d = recv(self);
                super::rc_drops_glue::drop_glue(self, d, &t);
                self.lg(d);
                self.ic(0);
                self.sset(dt, D_LEN);
                self.lg(d);
                self.ic(0);
                self.sset(dt, D_HEAD);
            }
            "deque.truncate" => {
                let d = recv(self);
                self.expr(&args[1]);
                let n = self.new_local(ValType::I32);
                self.ls(n);
                self.lg(n);
                self.lg(d);
                self.sget(dt, D_LEN);
                self.emit(I::I32LtU);
                self.emit(I::If(BlockType::Empty));
                self.lg(d);
                self.lg(n);
                self.sset(dt, D_LEN);
                self.emit(I::End);
            }
            "coll.from_vec" => {
                // the Vec is fresh (or moved in): its buffer becomes the ring
                self.expr(&args[0]);
                let v = self.stash(&args[0].ty).unwrap();
                self.lg(v);
                self.sget(vt, 0);
                self.ic(0);
                self.lg(v);
                self.sget(vt, 1);
                self.emit(I::StructNew(dt));
            }
            "coll.items_elems" | "coll.clone" => {
                let f = self.deque_items_fn(&elem);
                self.expr_noncopy(&args[0]);
                self.emit(I::Call(f));
                if op == "coll.clone" {
                    let v = self.new_local(ref_ty(vt));
                    self.ls(v);
                    self.lg(v);
                    self.sget(vt, 0);
                    self.ic(0);
                    self.lg(v);
                    self.sget(vt, 1);
                    self.emit(I::StructNew(dt));
                }
            }
            "coll.extend" => {
                let d = recv(self);
                self.expr(&args[1]);
                let src = self.stash(&args[1].ty).unwrap();
                let f = self.deque_push_fn(&elem, false);
                let n = self.new_local(ValType::I32);
                self.lg(src);
                self.sget(dt, D_LEN);
                self.ls(n);
                self.count_loop(n, &mut |fl: &mut FnLower, i| {
                    fl.lg(d);
                    fl.lg(src);
                    fl.sget(dt, D_BUF);
                    fl.lg(i);
                    fl.array_get(at, &elem);
                    fl.emit(I::Call(f));
                });
            }
            "deque.push_back" | "deque.push_front" => {
                let f = self.deque_push_fn(&elem, op == "deque.push_front");
                self.expr_noncopy(&args[0]);
                self.expr(&args[1]);
                if !has_val {
                    self.ic(0);
                }
                self.emit(I::Call(f));
            }
            "deque.pop_front" | "deque.pop_back" | "deque.front" | "deque.back" | "deque.get" | "deque.index" => {
                let d = recv(self);
                let i = self.new_local(ValType::I32);
                match op {
                    "deque.get" | "deque.index" => {
                        self.expr(&args[1]);
                        self.ls(i);
                    }
                    "deque.pop_back" | "deque.back" => {
                        self.lg(d);
                        self.sget(dt, D_LEN);
                        self.ic(1);
                        self.emit(I::I32Sub);
                        self.ls(i);
                    }
                    _ => {}
                }
                let load = |fl: &mut FnLower| {
                    if has_val {
                        fl.lg(d);
                        fl.sget(dt, D_BUF);
                        fl.lg(i);
                        fl.deque_phys(d, dt);
                        fl.array_get(at, &elem);
                    }
                };
                let in_bounds = |fl: &mut FnLower| {
                    fl.lg(i);
                    fl.lg(d);
                    fl.sget(dt, D_LEN);
                    fl.emit(I::I32LtU);
                };
                if op == "deque.index" {
                    in_bounds(self);
                    self.emit(I::I32Eqz);
                    self.emit(I::If(BlockType::Empty));
                    self.panic_const(&e.span, "Out of bounds access");
                    self.emit(I::End);
                    load(self);
                    return;
                }
                let bt = self.bt(&e.ty);
                in_bounds(self);
                self.open(2, bt);
                load(self);
                if op == "deque.pop_front" {
                    self.lg(d);
                    self.ic(1);
                    self.deque_phys(d, dt);
                    self.sset(dt, D_HEAD);
                }
                if op.starts_with("deque.pop") {
                    self.lg(d);
                    self.lg(d);
                    self.sget(dt, D_LEN);
                    self.ic(1);
                    self.emit(I::I32Sub);
                    self.sset(dt, D_LEN);
                }
                self.build_variant_from_stack(&e.ty, 1);
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            "deque.remove" | "deque.insert" | "deque.swap" => {
                // logical element moves over the ring (O(len - i)), as std
                let d = recv(self);
                self.expr(&args[1]);
                let i = self.new_local(ValType::I32);
                self.ls(i);
                let at_ = |fl: &mut FnLower, idx: &dyn Fn(&mut FnLower)| {
                    fl.lg(d);
                    fl.sget(dt, D_BUF);
                    idx(fl);
                    fl.deque_phys(d, dt);
                };
                let len = |fl: &mut FnLower| {
                    fl.lg(d);
                    fl.sget(dt, D_LEN);
                };
                match op {
                    "deque.swap" => {
                        self.expr(&args[2]);
                        let j = self.new_local(ValType::I32);
                        self.ls(j);
                        for x in [i, j] {
                            self.lg(x);
                            len(self);
                            self.emit(I::I32GeU);
                            self.emit(I::If(BlockType::Empty));
                            self.panic_const(&e.span, if x == i { "assertion failed: i < self.len()" } else { "assertion failed: j < self.len()" });
                            self.emit(I::End);
                        }
                        if has_val {
                            let ev = self.lw.repr(&elem).unwrap();
                            let tmp = self.new_local(ev);
                            at_(self, &|fl: &mut FnLower| fl.lg(i));
                            self.array_get(at, &elem);
                            self.ls(tmp);
                            at_(self, &|fl: &mut FnLower| fl.lg(i));
                            at_(self, &|fl: &mut FnLower| fl.lg(j));
                            self.array_get(at, &elem);
                            self.emit(I::ArraySet(at));
                            at_(self, &|fl: &mut FnLower| fl.lg(j));
                            self.lg(tmp);
                            self.emit(I::ArraySet(at));
                        }
                    }
                    "deque.insert" => {
                        self.expr(&args[2]);
                        let x = self.stash(&elem);
                        self.lg(i);
                        len(self);
                        self.emit(I::I32GtU);
                        self.emit(I::If(BlockType::Empty));
                        self.panic_const(&e.span, "index out of bounds");
                        self.emit(I::End);
                        let reserve = self.deque_reserve_fn(&elem);
                        self.lg(d);
                        self.emit(I::Call(reserve));
                        // shift [i, len) right by one, back to front
                        let j = self.new_local(ValType::I32);
                        len(self);
                        self.ls(j);
                        let done = self.open(0, BlockType::Empty);
                        let lp = self.open(1, BlockType::Empty);
                        self.lg(j);
                        self.lg(i);
                        self.emit(I::I32LeS);
                        self.br_if(done);
                        if has_val {
                            at_(self, &|fl: &mut FnLower| fl.lg(j));
                            at_(self, &|fl: &mut FnLower| {
                                fl.lg(j);
                                fl.ic(1);
                                fl.emit(I::I32Sub);
                            });
                            self.array_get(at, &elem);
                            self.emit(I::ArraySet(at));
                        }
                        self.inc(j, -1);
                        self.br(lp);
                        self.end();
                        self.end();
                        if let Some(x) = x {
                            at_(self, &|fl: &mut FnLower| fl.lg(i));
                            self.lg(x);
                            self.emit(I::ArraySet(at));
                        }
                        self.lg(d);
                        len(self);
                        self.ic(1);
                        self.emit(I::I32Add);
                        self.sset(dt, D_LEN);
                    }
                    _ => {
                        // remove(i): Some(element), the later ones shifted left; None when out of range
                        let bty = self.bt(&e.ty);
                        self.lg(i);
                        len(self);
                        self.emit(I::I32LtU);
                        self.open(2, bty);
                        if has_val {
                            at_(self, &|fl: &mut FnLower| fl.lg(i));
                            self.array_get(at, &elem);
                        }
                        let j = self.new_local(ValType::I32);
                        self.lg(i);
                        self.ls(j);
                        let done = self.open(0, BlockType::Empty);
                        let lp = self.open(1, BlockType::Empty);
                        self.lg(j);
                        len(self);
                        self.ic(1);
                        self.emit(I::I32Sub);
                        self.emit(I::I32GeS);
                        self.br_if(done);
                        if has_val {
                            at_(self, &|fl: &mut FnLower| fl.lg(j));
                            at_(self, &|fl: &mut FnLower| {
                                fl.lg(j);
                                fl.ic(1);
                                fl.emit(I::I32Add);
                            });
                            self.array_get(at, &elem);
                            self.emit(I::ArraySet(at));
                        }
                        self.inc(j, 1);
                        self.br(lp);
                        self.end();
                        self.end();
                        self.lg(d);
                        len(self);
                        self.ic(1);
                        self.emit(I::I32Sub);
                        self.sset(dt, D_LEN);
                        self.build_variant_from_stack(&e.ty, 1);
                        self.emit(I::Else);
                        self.build_variant_from_stack(&e.ty, 0);
                        self.end();
                    }
                }
            }
            "deque.contains" => {
                let d = recv(self);
                self.expr(&args[1]);
                let x = self.stash(&elem);
                let n = self.new_local(ValType::I32);
                self.lg(d);
                self.sget(dt, D_LEN);
                self.ls(n);
                let found = self.zeroed_i32();
                self.count_loop(n, &mut |fl: &mut FnLower, i| {
                    fl.lg(d);
                    fl.sget(dt, D_BUF);
                    fl.lg(i);
                    fl.deque_phys(d, dt);
                    fl.array_get(at, &elem);
                    if let Some(x) = x {
                        fl.lg(x);
                    }
                    super::helpers::eq_value(fl, &elem);
                    fl.lg(found);
                    fl.emit(I::I32Or);
                    fl.ls(found);
                });
                self.lg(found);
            }
            "deque.rotate_left" | "deque.rotate_right" => {
                // rebuild in rotated order: new[i] = old[(i + n) % len] (left)
                let d = recv(self);
                self.expr(&args[1]);
                let n = self.new_local(ValType::I32);
                self.ls(n);
                let len = self.new_local(ValType::I32);
                self.lg(d);
                self.sget(dt, D_LEN);
                self.ls(len);
                self.lg(n);
                self.lg(len);
                self.emit(I::I32GtU);
                self.emit(I::If(BlockType::Empty));
                self.panic_const(&e.span, if op == "deque.rotate_left" { "assertion failed: n <= self.len()" } else { "assertion failed: k <= self.len()" });
                self.emit(I::End);
                if op == "deque.rotate_right" {
                    self.lg(len);
                    self.lg(n);
                    self.emit(I::I32Sub);
                    self.ls(n);
                }
                let items = self.deque_items_fn(&elem);
                let v = self.new_local(ref_ty(vt));
                self.lg(d);
                self.emit(I::Call(items));
                self.ls(v);
                self.count_loop(len, &mut |fl: &mut FnLower, i| {
                    fl.lg(d);
                    fl.sget(dt, D_BUF);
                    fl.lg(i);
                    fl.lg(v);
                    fl.sget(vt, 0);
                    fl.lg(i);
                    fl.lg(n);
                    fl.emit(I::I32Add);
                    fl.lg(len);
                    fl.emit(I::I32RemU);
                    fl.emit(I::ArrayGet(at));
                    fl.emit(I::ArraySet(at));
                });
                self.lg(d);
                self.ic(0);
                self.sset(dt, D_HEAD);
            }
            _ => self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, format!("`{op}` is not supported for `VecDeque` yet"), None),
        }
    }

    fn deque_push_fn(&mut self, t: &Ty, front: bool) -> u32 {
        let dt = self.lw.deque_type(t);
        let ev = self.lw.repr(t).unwrap_or(ValType::I32);
        let key = format!("deque_push_{}<{}>", if front { "front" } else { "back" }, self.lw.ck.ty_name(t));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(dt), ev], vec![], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 2, None);
        let at = fl.lw.array_type(t);
        let reserve = fl.deque_reserve_fn(t);
        fl.lg(0);
        fl.emit(I::Call(reserve));
        let p = fl.new_local(ValType::I32);
        if front {
            // head = (head + cap - 1) % cap
            fl.lg(0);
            fl.sget(dt, D_BUF);
            fl.emit(I::ArrayLen);
            fl.ic(1);
            fl.emit(I::I32Sub);
            fl.deque_phys(0, dt);
            fl.ls(p);
            fl.lg(0);
            fl.lg(p);
            fl.sset(dt, D_HEAD);
        } else {
            fl.lg(0);
            fl.sget(dt, D_LEN);
            fl.deque_phys(0, dt);
            fl.ls(p);
        }
        fl.lg(0);
        fl.sget(dt, D_BUF);
        fl.lg(p);
        fl.lg(1);
        fl.emit(I::ArraySet(at));
        fl.lg(0);
        fl.lg(0);
        fl.sget(dt, D_LEN);
        fl.ic(1);
        fl.emit(I::I32Add);
        fl.sset(dt, D_LEN);
        fl.finish(id);
        id
    }

    fn heap_op(&mut self, op: &str, args: &[TExpr], e: &TExpr, elem: &Ty) {
        let vt = self.lw.vec_type(elem);
        let at = self.lw.array_type(elem);
        match op {
            "coll.len" | "coll.is_empty" => {
                self.expr_noncopy(&args[0]);
                self.sget(vt, 1);
                if op == "coll.is_empty" {
                    self.emit(I::I32Eqz);
                }
            }
            "coll.clear" => {
                self.expr_noncopy(&args[0]);
                let h = self.stash(&args[0].ty).unwrap();
                let zero = self.zeroed_i32();
                super::rc_drops_glue::drop_vec_tail(self, h, elem, zero);
                self.lg(h);
                self.ic(0);
                self.sset(vt, 1);
            }
            "coll.from_vec" => {
                let f = self.heap_fn("rebuild", elem);
                self.expr(&args[0]);
                let v = self.stash(&args[0].ty).unwrap();
                self.lg(v);
                self.emit(I::Call(f));
                self.lg(v);
            }
            "coll.items_elems" | "heap.into_vec" => {
                // the heap's Vec in its internal order
                self.expr_noncopy(&args[0]);
                let v = self.stash(&args[0].ty).unwrap();
                self.lg(v);
                self.sget(vt, 0);
                self.lg(v);
                self.sget(vt, 1);
                self.emit(I::StructNew(vt));
            }
            "coll.clone" => {
                let f = super::helpers::clone_fn(self.lw, &Ty::Vec(Box::new(elem.clone())));
                self.expr_noncopy(&args[0]);
                self.emit(I::Call(f));
            }
            "heap.into_sorted_vec" => {
                let f = self.heap_fn("sort", elem);
                self.expr(&args[0]);
                let v = self.stash(&args[0].ty).unwrap();
                self.lg(v);
                self.emit(I::Call(f));
                self.lg(v);
            }
            "heap.push" | "coll.extend" => {
                let f = self.heap_fn("push", elem);
                if op == "coll.extend" {
                    self.expr_noncopy(&args[0]);
                    let h = self.stash(&args[0].ty).unwrap();
                    self.expr(&args[1]);
                    let src = self.stash(&args[1].ty).unwrap();
                    let n = self.new_local(ValType::I32);
                    self.lg(src);
                    self.sget(vt, 1);
                    self.ls(n);
                    self.count_loop(n, &mut |fl: &mut FnLower, i| {
                        fl.lg(h);
                        fl.lg(src);
                        fl.sget(vt, 0);
                        fl.lg(i);
                        fl.array_get(at, elem);
                        fl.emit(I::Call(f));
                    });
                    return;
                }
                self.expr_noncopy(&args[0]);
                self.expr(&args[1]);
                self.emit(I::Call(f));
            }
            "heap.peek" | "heap.pop" => {
                self.expr_noncopy(&args[0]);
                let h = self.stash(&args[0].ty).unwrap();
                let bt = self.bt(&e.ty);
                self.lg(h);
                self.sget(vt, 1);
                self.open(2, bt);
                if op == "heap.pop" {
                    let f = self.heap_fn("pop", elem);
                    self.lg(h);
                    self.emit(I::Call(f));
                } else {
                    self.lg(h);
                    self.sget(vt, 0);
                    self.ic(0);
                    self.array_get(at, elem);
                }
                self.build_variant_from_stack(&e.ty, 1);
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            _ => self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, format!("`{op}` is not supported for `BinaryHeap` yet"), None),
        }
    }

    /// Heap helpers, as std's `BinaryHeap` (hole-based sifts, `pop` = swap_remove(0) +
    /// sift_down_to_bottom + sift_up): "push"(h, x), "pop"(h) -> T (non-empty), "rebuild"(h), "sort"(h).
    fn heap_fn(&mut self, what: &str, t: &Ty) -> u32 {
        let vt = self.lw.vec_type(t);
        let ev = self.lw.repr(t).unwrap_or(ValType::I32);
        let (params, results) = match what {
            "push" => (vec![ref_ty(vt), ev], vec![]),
            "pop" => (vec![ref_ty(vt)], vec![ev]),
            "sift_up" => (vec![ref_ty(vt), ValType::I32, ValType::I32], vec![]),
            "sift_down_range" => (vec![ref_ty(vt), ValType::I32, ValType::I32], vec![]),
            _ => (vec![ref_ty(vt)], vec![]),
        };
        let key = format!("heap_{what}<{}>", self.lw.ck.ty_name(t));
        let (id, new) = self.lw.helper(&key, params.clone(), results.clone(), false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, params.len() as u32, results.first().copied());
        let at = fl.lw.array_type(t);
        let get = |fl: &mut FnLower, i: u32| {
            fl.lg(0);
            fl.sget(vt, 0);
            fl.lg(i);
            fl.array_get(at, t);
        };
        let set = |fl: &mut FnLower, i: u32, val: &dyn Fn(&mut FnLower)| {
            fl.lg(0);
            fl.sget(vt, 0);
            fl.lg(i);
            val(fl);
            fl.emit(I::ArraySet(at));
        };
        // std's sift step: `child += (data[child] <= data[child + 1])`, the larger of two siblings.
        let larger_child = |fl: &mut FnLower, child: u32| {
            let c1 = fl.new_local(ValType::I32);
            fl.lg(child);
            fl.ic(1);
            fl.emit(I::I32Add);
            fl.ls(c1);
            get(fl, child);
            get(fl, c1);
            super::helpers::cmp_value(fl, t);
            fl.ic(0);
            fl.emit(I::I32LeS);
            fl.lg(child);
            fl.emit(I::I32Add);
            fl.ls(child);
        };
        match what {
            "push" => {
                let push = fl.vec_push_fn(t);
                let up = fl.heap_fn("sift_up", t);
                fl.lg(0);
                fl.lg(1);
                fl.emit(I::Call(push));
                fl.lg(0);
                fl.ic(0);
                fl.lg(0);
                fl.sget(vt, 1);
                fl.ic(1);
                fl.emit(I::I32Sub);
                fl.emit(I::Call(up));
            }
            "sift_up" => {
                // params: heap, start, pos
                let (x, parent) = (fl.new_local(ev), fl.new_local(ValType::I32));
                get(&mut fl, 2);
                fl.ls(x);
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.lg(2);
                fl.lg(1);
                fl.emit(I::I32LeS);
                fl.br_if(done);
                fl.lg(2);
                fl.ic(1);
                fl.emit(I::I32Sub);
                fl.ic(1);
                fl.emit(I::I32ShrU);
                fl.ls(parent);
                // if x <= data[parent] break
                fl.lg(x);
                get(&mut fl, parent);
                super::helpers::cmp_value(&mut fl, t);
                fl.ic(0);
                fl.emit(I::I32LeS);
                fl.br_if(done);
                set(&mut fl, 2, &|fl: &mut FnLower| get(fl, parent));
                fl.lg(parent);
                fl.ls(2);
                fl.br(lp);
                fl.end();
                fl.end();
                set(&mut fl, 2, &|fl: &mut FnLower| fl.lg(x));
            }
            "sift_down_range" => {
                // params: heap, pos, end — std's sift_down_range
                let (x, child) = (fl.new_local(ev), fl.new_local(ValType::I32));
                get(&mut fl, 1);
                fl.ls(x);
                fl.lg(1);
                fl.ic(2);
                fl.emit(I::I32Mul);
                fl.ic(1);
                fl.emit(I::I32Add);
                fl.ls(child);
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                // while child <= end - 2
                fl.lg(child);
                fl.lg(2);
                fl.ic(2);
                fl.emit(I::I32Sub);
                fl.emit(I::I32GtS);
                fl.br_if(done);
                larger_child(&mut fl, child);
                // if x >= data[child] return (place x)
                fl.lg(x);
                get(&mut fl, child);
                super::helpers::cmp_value(&mut fl, t);
                fl.ic(0);
                fl.emit(I::I32GeS);
                fl.emit(I::If(BlockType::Empty));
                set(&mut fl, 1, &|fl: &mut FnLower| fl.lg(x));
                fl.emit(I::Return);
                fl.emit(I::End);
                set(&mut fl, 1, &|fl: &mut FnLower| get(fl, child));
                fl.lg(child);
                fl.ls(1);
                fl.lg(child);
                fl.ic(2);
                fl.emit(I::I32Mul);
                fl.ic(1);
                fl.emit(I::I32Add);
                fl.ls(child);
                fl.br(lp);
                fl.end();
                fl.end();
                // if child == end - 1 && x < data[child]: move down once more
                fl.lg(child);
                fl.lg(2);
                fl.ic(1);
                fl.emit(I::I32Sub);
                fl.emit(I::I32Eq);
                fl.emit(I::If(BlockType::Empty));
                fl.lg(x);
                get(&mut fl, child);
                super::helpers::cmp_value(&mut fl, t);
                fl.ic(0);
                fl.emit(I::I32LtS);
                fl.emit(I::If(BlockType::Empty));
                set(&mut fl, 1, &|fl: &mut FnLower| get(fl, child));
                fl.lg(child);
                fl.ls(1);
                fl.emit(I::End);
                fl.emit(I::End);
                set(&mut fl, 1, &|fl: &mut FnLower| fl.lg(x));
            }
            "pop" => {
                // item = pop last; if non-empty: swap item with data[0], sift_down_to_bottom(0)
                let (item, n, x, child, pos) = (fl.new_local(ev), fl.new_local(ValType::I32), fl.new_local(ev), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
                fl.lg(0);
                fl.sget(vt, 1);
                fl.ic(1);
                fl.emit(I::I32Sub);
                fl.ls(n);
                fl.lg(0);
                fl.lg(n);
                fl.sset(vt, 1);
                get(&mut fl, n);
                fl.ls(item);
                fl.lg(n);
                fl.emit(I::I32Eqz);
                fl.emit(I::If(BlockType::Empty));
                fl.lg(item);
                fl.emit(I::Return);
                fl.emit(I::End);
                let zero = fl.zeroed_i32();
                get(&mut fl, zero);
                fl.ls(x);
                // hole at 0 holds `item`; sift_down_to_bottom
                fl.ic(0);
                fl.ls(pos);
                fl.ic(1);
                fl.ls(child);
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.lg(child);
                fl.lg(n);
                fl.ic(2);
                fl.emit(I::I32Sub);
                fl.emit(I::I32GtS);
                fl.br_if(done);
                larger_child(&mut fl, child);
                set(&mut fl, pos, &|fl: &mut FnLower| get(fl, child));
                fl.lg(child);
                fl.ls(pos);
                fl.lg(child);
                fl.ic(2);
                fl.emit(I::I32Mul);
                fl.ic(1);
                fl.emit(I::I32Add);
                fl.ls(child);
                fl.br(lp);
                fl.end();
                fl.end();
                fl.lg(child);
                fl.lg(n);
                fl.ic(1);
                fl.emit(I::I32Sub);
                fl.emit(I::I32Eq);
                fl.emit(I::If(BlockType::Empty));
                set(&mut fl, pos, &|fl: &mut FnLower| get(fl, child));
                fl.lg(child);
                fl.ls(pos);
                fl.emit(I::End);
                set(&mut fl, pos, &|fl: &mut FnLower| fl.lg(item));
                let up = fl.heap_fn("sift_up", t);
                fl.lg(0);
                fl.ic(0);
                fl.lg(pos);
                fl.emit(I::Call(up));
                fl.lg(x);
            }
            "rebuild" => {
                let down = fl.heap_fn("sift_down_range", t);
                let (n, i) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
                fl.lg(0);
                fl.sget(vt, 1);
                fl.ls(n);
                fl.lg(n);
                fl.ic(2);
                fl.emit(I::I32DivS);
                fl.ls(i);
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.lg(i);
                fl.ic(0);
                fl.emit(I::I32LeS);
                fl.br_if(done);
                fl.inc(i, -1);
                fl.lg(0);
                fl.lg(i);
                fl.lg(n);
                fl.emit(I::Call(down));
                fl.br(lp);
                fl.end();
                fl.end();
            }
            _ => {
                // "sort": while end > 1 { end -= 1; swap(0, end); sift_down_range(0, end) }
                let down = fl.heap_fn("sift_down_range", t);
                let (end, tmp) = (fl.new_local(ValType::I32), fl.new_local(ev));
                let zero = fl.zeroed_i32();
                fl.lg(0);
                fl.sget(vt, 1);
                fl.ls(end);
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.lg(end);
                fl.ic(1);
                fl.emit(I::I32LeS);
                fl.br_if(done);
                fl.inc(end, -1);
                get(&mut fl, zero);
                fl.ls(tmp);
                set(&mut fl, zero, &|fl: &mut FnLower| get(fl, end));
                set(&mut fl, end, &|fl: &mut FnLower| fl.lg(tmp));
                fl.lg(0);
                fl.ic(0);
                fl.lg(end);
                fl.emit(I::Call(down));
                fl.br(lp);
                fl.end();
                fl.end();
            }
        }
        fl.finish(id);
        id
    }
}
