//! Lowering of the std maps and sets (`HashMap`, `HashSet`, `BTreeMap`, `BTreeSet`) and `Reverse`.
//!
//! Representation (one struct type per key/value pair of types): `{keys: Vec<K>, vals: Vec<&mut V>,
//! table: [i32], hashes: Vec<i32>}`. Entries live densely in `keys`/`vals` (so iteration is a walk over
//! two Vecs); a value is stored in its `&mut V` representation — a one-field cell for scalars — so
//! `get_mut`/`entry().or_insert()` hand out the stored slot itself and writes through it land in the map.
//! Sets have `V = ()`.
//! - Hash maps/sets: `table` is an open-addressing index (linear probing, power-of-two capacity, load
//!   ≤ 1/2) holding entry index + 1 (0 = empty); `hashes` caches each entry's hash. Removal swaps the
//!   last entry into the hole and deletes the table slot by backward shifting (no tombstones).
//! - BTree maps/sets: a first version as a *sorted array*: lookups are binary searches (O(log n)) with the
//!   key type's `Ord`; insertion and removal shift the arrays (O(n)). `table`/`hashes` stay null.
//!   Iteration is in key order, so output equals Rust's.

use super::func::FnLower;
use super::helpers;
use super::reprs::{ref_ty, StorageKey, TypeKey, ValKey};
use super::Lowerer;
use crate::collections::CollKind;
use crate::diagnostics::codes;
use crate::tir::{Closure, TExpr};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, HeapType, Instruction as I, ValType};

const F_KEYS: u32 = 0;
const F_VALS: u32 = 1;
const F_TABLE: u32 = 2;
const F_HASHES: u32 = 3;

/// Key, value and kind of a map-like collection type.
pub(super) fn map_parts(t: &Ty) -> Option<(CollKind, Ty, Ty)> {
    match t {
        Ty::Coll(k, ts) if k.is_map_like() => Some((*k, ts[0].clone(), ts.get(1).cloned().unwrap_or(Ty::Unit))),
        Ty::Ref(_, x) => map_parts(x),
        _ => None,
    }
}

fn slot_ty(v: &Ty) -> Ty {
    Ty::Ref(true, Box::new(v.clone()))
}

impl Lowerer<'_> {
    pub fn coll_repr(&mut self, kind: CollKind, ts: &[Ty]) -> Option<ValType> {
        match kind {
            _ if kind.is_map_like() => {
                let v = ts.get(1).cloned().unwrap_or(Ty::Unit);
                Some(ref_ty(self.map_type(&ts[0], &v)))
            }
            CollKind::VecDeque => Some(ref_ty(self.deque_type(&ts[0]))),
            CollKind::BinaryHeap => Some(ref_ty(self.vec_type(&ts[0]))),
            CollKind::Reverse => self.repr(&ts[0]),
            _ if kind.is_cell() => self.cell_repr(kind, &ts[0]),
            _ => None,
        }
    }

    pub fn map_type(&mut self, k: &Ty, v: &Ty) -> u32 {
        let kv = self.vec_type(k);
        let vv = self.vec_type(&slot_ty(v));
        let tab = self.array_type(&Ty::Int(IntTy::I32));
        let hv = self.vec_type(&Ty::Int(IntTy::I32));
        let name = format!("Map<{}, {}>", self.ck.ty_name(k), self.ck.ty_name(v));
        let r = |i: u32| (StorageKey::Val(ValKey::Ref(i)), true);
        self.intern(TypeKey::Named(name.clone(), vec![r(kv), r(vv), r(tab), r(hv)]), name, vec!["keys".into(), "vals".into(), "table".into(), "hashes".into()])
    }
}

fn fl_repr(fl: &mut FnLower, t: &Ty) -> ValType {
    fl.lw.repr(t).unwrap_or(ValType::I32)
}

/// Small emission shorthands.
impl FnLower<'_, '_> {
    pub(super) fn lg(&mut self, l: u32) {
        self.emit(I::LocalGet(l));
    }
    pub(super) fn ls(&mut self, l: u32) {
        self.emit(I::LocalSet(l));
    }
    pub(super) fn ic(&mut self, v: i32) {
        self.emit(I::I32Const(v));
    }
    pub(super) fn sget(&mut self, ty: u32, f: u32) {
        self.emit(I::StructGet { struct_type_index: ty, field_index: f });
    }
    pub(super) fn sset(&mut self, ty: u32, f: u32) {
        self.emit(I::StructSet { struct_type_index: ty, field_index: f });
    }
    /// `local = local + d`.
    pub(super) fn inc(&mut self, l: u32, d: i32) {
        self.lg(l);
        self.ic(d);
        self.emit(I::I32Add);
        self.ls(l);
    }

    /// A counted loop `for i in 0..n` (n in a local); `body` gets `i`'s local.
    pub(super) fn count_loop(&mut self, n: u32, body: &mut dyn FnMut(&mut FnLower, u32)) {
        let i = self.new_local(ValType::I32);
        self.ic(0);
        self.ls(i);
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.lg(i);
        self.lg(n);
        self.emit(I::I32GeS);
        self.br_if(done);
        body(self, i);
        self.inc(i, 1);
        self.br(lp);
        self.end();
        self.end();
    }

    /// Loads a value of type `v` from its slot (a cell for scalars) on the stack.
    fn slot_load(&mut self, v: &Ty) {
        if self.lw.is_scalar(v) {
            let c = self.lw.cell_type(v);
            self.sget(c, 0);
        }
    }

    /// Turns a value of type `v` on the stack into its slot representation.
    fn slot_store(&mut self, v: &Ty) {
        if self.lw.is_scalar(v) {
            let c = self.lw.cell_type(v);
            self.emit(I::StructNew(c));
        } else if self.lw.repr(v).is_none() {
            self.ic(0);
        }
    }

    /// `Default::default()` of `t` (the value `or_default` inserts).
    pub(super) fn coll_default_of(&mut self, t: &Ty) {
        match t {
            Ty::Vec(_) | Ty::String => {
                let e = match t {
                    Ty::Vec(x) => (**x).clone(),
                    _ => Ty::Int(IntTy::U8),
                };
                let (at, vt) = (self.lw.array_type(&e), self.lw.vec_type(&e));
                self.ic(0);
                self.emit(I::ArrayNewDefault(at));
                self.ic(0);
                self.emit(I::StructNew(vt));
            }
            Ty::Coll(k, ts) => self.coll_new(*k, ts),
            Ty::Option(_) => self.build_variant_from_stack(t, 0),
            Ty::Tuple(ts) => {
                let l = self.lw.layout(t);
                for ft in ts {
                    self.coll_default_of(ft);
                }
                self.emit(I::StructNew(l.ty));
            }
            Ty::Adt(a, args) if !self.lw.ck.program.adts[*a].is_enum => {
                let fts = self.lw.ck.variant_fields(*a, args, 0);
                let l = self.lw.layout(t);
                for ft in &fts {
                    self.coll_default_of(ft);
                }
                self.emit(I::StructNew(l.ty));
            }
            _ => helpers::default_value(self, t),
        }
    }

    /// A new empty collection on the stack.
    pub(super) fn coll_new(&mut self, kind: CollKind, ts: &[Ty]) {
        match kind {
            CollKind::VecDeque => self.deque_new(&ts[0]),
            CollKind::BinaryHeap => self.coll_default_of(&Ty::Vec(Box::new(ts[0].clone()))),
            _ => {
                let (k, v) = (ts[0].clone(), ts.get(1).cloned().unwrap_or(Ty::Unit));
                let mt = self.lw.map_type(&k, &v);
                self.coll_default_of(&Ty::Vec(Box::new(k)));
                self.coll_default_of(&Ty::Vec(Box::new(slot_ty(&v))));
                let tab = self.lw.array_type(&Ty::Int(IntTy::I32));
                let hv = self.lw.vec_type(&Ty::Int(IntTy::I32));
                if kind.is_hashed() {
                    self.ic(8);
                    self.emit(I::ArrayNewDefault(tab));
                    self.coll_default_of(&Ty::Vec(Box::new(Ty::Int(IntTy::I32))));
                } else {
                    // BTree: `table` holds one number, the length of the sorted prefix
                    self.ic(1);
                    self.emit(I::ArrayNewDefault(tab));
                    self.emit(I::RefNull(HeapType::Concrete(hv)));
                }
                self.emit(I::StructNew(mt));
            }
        }
    }

    /// Evaluates `args[i]` as a value (receivers without copying).
    fn coll_arg(&mut self, a: &TExpr) {
        if matches!(a.ty.peel_refs(), Ty::Coll(..)) {
            self.expr_noncopy(a);
        } else {
            self.expr(a);
        }
    }

    /// Std ops on collections (`coll.*`, `deque.*`, `heap.*`).
    pub fn coll_op(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        if op.starts_with("deque.") || op.starts_with("heap.") {
            return self.deque_heap_op(op, args, e);
        }
        if op.starts_with("rc.") || op.starts_with("cell.") {
            return self.cell_op(op, args, e);
        }
        match op {
            "mem.drop" => {
                let t = args[0].ty.clone();
                self.expr(&args[0]);
                if let Some(x) = self.stash(&t) {
                    super::rc_drops_glue::drop_glue(self, x, &t);
                }
            }
            "coll.reverse_new" | "coll.reverse_get" => self.expr(&args[0]),
            "coll.new" => {
                let Ty::Coll(k, ts) = &e.ty else { return };
                self.coll_new(*k, ts);
            }
            "coll.entry" => {
                self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, "an `Entry` must be used where it is made", Some("write `map.entry(k).or_insert(v)`"));
            }
            _ => {
                let t = args[0].ty.peel_refs().clone();
                match &t {
                    Ty::Coll(CollKind::VecDeque | CollKind::BinaryHeap, _) => self.deque_heap_op(op, args, e),
                    _ if op == "coll.from_vec" => {
                        let Ty::Coll(kind, ts) = e.ty.clone() else { return };
                        match kind {
                            CollKind::VecDeque | CollKind::BinaryHeap => self.deque_heap_op(op, args, e),
                            _ => {
                                let f = self.map_from_vec_fn(kind, &ts[0], &ts.get(1).cloned().unwrap_or(Ty::Unit));
                                self.expr(&args[0]);
                                self.emit(I::Call(f));
                            }
                        }
                    }
                    _ => match map_parts(&t) {
                        Some((kind, k, v)) => self.map_op(op, args, e, kind, &k, &v),
                        None => self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, format!("`{op}` is not supported here"), None),
                    },
                }
            }
        }
    }

    fn map_op(&mut self, op: &str, args: &[TExpr], e: &TExpr, kind: CollKind, k: &Ty, v: &Ty) {
        let mt = self.lw.map_type(k, v);
        let kvec = self.lw.vec_type(k);
        let vvec = self.lw.vec_type(&slot_ty(v));
        let kat = self.lw.array_type(k);
        let vat = self.lw.array_type(&slot_ty(v));
        let find = |fl: &mut FnLower| {
            let f = fl.map_find_fn(kind, k, v);
            fl.emit(I::Call(f));
        };
        match op {
            "coll.len" | "coll.is_empty" => {
                self.expr_noncopy(&args[0]);
                self.sget(mt, F_KEYS);
                self.sget(kvec, 1);
                if op == "coll.is_empty" {
                    self.emit(I::I32Eqz);
                }
            }
            "coll.clear" => {
                self.expr_noncopy(&args[0]);
                let m = self.stash(&args[0].ty).unwrap();
                // entries holding an `Rc` are dropped
                super::rc_drops_glue::drop_glue(self, m, &args[0].ty.peel_refs().clone());
                self.lg(m);
                self.coll_new(kind, &[k.clone(), v.clone()]);
                let tmp = self.new_local(ref_ty(mt));
                self.ls(tmp);
                for f in [F_KEYS, F_VALS, F_TABLE, F_HASHES] {
                    self.lg(m);
                    self.lg(tmp);
                    self.sget(mt, f);
                    self.sset(mt, f);
                }
                self.emit(I::Drop);
            }
            "coll.contains" => {
                self.expr_noncopy(&args[0]);
                self.expr(&args[1]);
                find(self);
                self.ic(0);
                self.emit(I::I32GeS);
            }
            "coll.insert" => {
                let f = self.map_insert_fn(kind, k, v);
                self.expr_noncopy(&args[0]);
                self.expr(&args[1]);
                if !kind.is_set() {
                    self.expr(&args[2]);
                    self.slot_store(v);
                } else {
                    self.ic(0);
                }
                // returns the index of an existing entry (>= 0) or -1 for a new one
                self.emit(I::Call(f));
                if kind.is_set() {
                    self.ic(0);
                    self.emit(I::I32LtS);
                }
                // maps: the helper returned the previous value as Option<V>
            }
            "coll.get" | "coll.get_mut" | "coll.get_key" | "coll.index" => {
                self.expr_noncopy(&args[0]);
                let m = self.stash(&args[0].ty).unwrap();
                self.lg(m);
                self.expr(&args[1]);
                find(self);
                let i = self.new_local(ValType::I32);
                self.ls(i);
                let load = |fl: &mut FnLower| {
                    fl.lg(m);
                    if op == "coll.get_key" {
                        fl.sget(mt, F_KEYS);
                        fl.sget(kvec, 0);
                        fl.lg(i);
                        fl.array_get(kat, k);
                    } else {
                        fl.sget(mt, F_VALS);
                        fl.sget(vvec, 0);
                        fl.lg(i);
                        fl.array_get(vat, &slot_ty(&v));
                        if op != "coll.get_mut" {
                            fl.slot_load(v);
                        }
                    }
                };
                if op == "coll.index" {
                    self.lg(i);
                    self.ic(0);
                    self.emit(I::I32LtS);
                    self.emit(I::If(BlockType::Empty));
                    self.panic_const(&e.span, "no entry found for key");
                    self.emit(I::End);
                    load(self);
                    return;
                }
                let bt = self.bt(&e.ty);
                self.lg(i);
                self.ic(0);
                self.emit(I::I32GeS);
                self.open(2, bt);
                load(self);
                self.build_variant_from_stack(&e.ty, 1);
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            "coll.remove" | "coll.remove_bool" | "coll.take" | "coll.remove_entry" => {
                self.expr_noncopy(&args[0]);
                let m = self.stash(&args[0].ty).unwrap();
                self.lg(m);
                self.expr(&args[1]);
                find(self);
                let i = self.new_local(ValType::I32);
                self.ls(i);
                if op == "coll.remove_bool" {
                    self.lg(i);
                    self.ic(0);
                    self.emit(I::I32GeS);
                    self.emit(I::If(BlockType::Empty));
                    let f = self.map_remove_at_fn(kind, k, v);
                    self.lg(m);
                    self.lg(i);
                    self.emit(I::Call(f));
                    self.emit(I::End);
                    self.lg(i);
                    self.ic(0);
                    self.emit(I::I32GeS);
                    return;
                }
                let bt = self.bt(&e.ty);
                self.lg(i);
                self.ic(0);
                self.emit(I::I32GeS);
                self.open(2, bt);
                let load_key = |fl: &mut FnLower| {
                    fl.lg(m);
                    fl.sget(mt, F_KEYS);
                    fl.sget(kvec, 0);
                    fl.lg(i);
                    fl.array_get(kat, k);
                };
                let load_val = |fl: &mut FnLower| {
                    fl.lg(m);
                    fl.sget(mt, F_VALS);
                    fl.sget(vvec, 0);
                    fl.lg(i);
                    fl.array_get(vat, &slot_ty(&v));
                    fl.slot_load(v);
                };
                match op {
                    "coll.take" => load_key(self),
                    "coll.remove_entry" => {
                        load_key(self);
                        load_val(self);
                        let l = self.lw.layout(&Ty::Tuple(vec![k.clone(), v.clone()]));
                        self.emit(I::StructNew(l.ty));
                    }
                    _ => load_val(self),
                }
                let f = self.map_remove_at_fn(kind, k, v);
                self.lg(m);
                self.lg(i);
                self.emit(I::Call(f));
                self.build_variant_from_stack(&e.ty, 1);
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            "coll.items_keys" | "coll.items_vals" | "coll.items_vals_mut" | "coll.items_pairs" | "coll.items_pairs_mut" => {
                let f = self.map_items_fn(op, kind, k, v, &e.ty);
                self.expr_noncopy(&args[0]);
                self.emit(I::Call(f));
            }
            "coll.extend" => {
                let f = self.map_extend_fn(kind, k, v);
                self.expr_noncopy(&args[0]);
                self.expr(&args[1]);
                self.emit(I::Call(f));
            }
            "coll.clone" => {
                let f = self.map_clone_fn(kind, k, v);
                self.expr_noncopy(&args[0]);
                self.emit(I::Call(f));
            }
            "coll.set_intersection" | "coll.set_union" | "coll.set_difference" | "coll.set_symmetric_difference" | "coll.is_subset" | "coll.is_superset" | "coll.is_disjoint" => {
                let f = self.set_op_fn(op, kind, k);
                self.expr_noncopy(&args[0]);
                self.expr_noncopy(&args[1]);
                self.emit(I::Call(f));
            }
            "coll.first_key" | "coll.last_key" | "coll.first_pair" | "coll.last_pair" | "coll.pop_first_key" | "coll.pop_last_key" | "coll.pop_first_pair" | "coll.pop_last_pair" => {
                self.expr_noncopy(&args[0]);
                let m = self.stash(&args[0].ty).unwrap();
                self.btree_normalize(kind, k, v, m);
                let i = self.new_local(ValType::I32);
                let last = op.contains("last");
                self.lg(m);
                self.sget(mt, F_KEYS);
                self.sget(kvec, 1);
                if last {
                    self.ic(1);
                    self.emit(I::I32Sub);
                } else {
                    self.emit(I::Drop);
                    self.ic(0);
                }
                self.ls(i);
                let bt = self.bt(&e.ty);
                self.lg(m);
                self.sget(mt, F_KEYS);
                self.sget(kvec, 1);
                self.ic(0);
                self.emit(I::I32GtS);
                self.open(2, bt);
                self.lg(m);
                self.sget(mt, F_KEYS);
                self.sget(kvec, 0);
                self.lg(i);
                self.array_get(kat, k);
                if op.ends_with("pair") {
                    self.lg(m);
                    self.sget(mt, F_VALS);
                    self.sget(vvec, 0);
                    self.lg(i);
                    self.array_get(vat, &slot_ty(&v));
                    self.slot_load(v);
                    let l = self.lw.layout(&Ty::Tuple(vec![k.clone(), v.clone()]));
                    self.emit(I::StructNew(l.ty));
                }
                if op.contains("pop") {
                    let f = self.map_remove_at_fn(kind, k, v);
                    self.lg(m);
                    self.lg(i);
                    self.emit(I::Call(f));
                }
                self.build_variant_from_stack(&e.ty, 1);
                self.emit(I::Else);
                self.build_variant_from_stack(&e.ty, 0);
                self.end();
            }
            _ if op.starts_with("coll.range_") => {
                let f = self.map_range_fn(op, kind, k, v, &e.ty);
                for a in args {
                    self.coll_arg(a);
                }
                self.emit(I::Call(f));
            }
            _ => self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, format!("`{op}` is not supported for this collection yet"), None),
        }
    }

    /// Std ops with closures on collections: the entry API and `retain`.
    pub fn coll_closure_op(&mut self, op: &str, args: &[TExpr], cls: &[Closure], e: &TExpr) {
        let Some((kind, k, v)) = map_parts(args[0].ty.peel_refs()) else {
            self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, format!("`{op}` is not supported here"), None);
            return;
        };
        let mt = self.lw.map_type(&k, &v);
        let vvec = self.lw.vec_type(&slot_ty(&v));
        let vat = self.lw.array_type(&slot_ty(&v));
        let kvec = self.lw.vec_type(&k);
        let kat = self.lw.array_type(&k);
        let slot_v = slot_ty(&v);
        let sv = self.lw.repr(&slot_v).unwrap_or(ValType::I32);
        let slot_at = |fl: &mut FnLower, m: u32, i: u32| {
            fl.lg(m);
            fl.sget(mt, F_VALS);
            fl.sget(vvec, 0);
            fl.lg(i);
            fl.array_get(vat, &slot_ty(&v));
        };
        match op {
            "coll.entry_or_insert" | "coll.entry_or_default" | "coll.entry_or_insert_with" | "coll.entry_and_modify" => {
                self.expr_noncopy(&args[0]);
                let m = self.stash(&args[0].ty).unwrap();
                self.expr(&args[1]);
                let key = self.stash(&k);
                let val = if op == "coll.entry_or_insert" {
                    self.expr(&args[2]);
                    self.stash(&v)
                } else {
                    None
                };
                let (insert_cl, modify_cl) = match op {
                    "coll.entry_or_insert_with" => (cls.first(), cls.get(1)),
                    _ => (None, cls.first()),
                };
                let i = self.new_local(ValType::I32);
                let f = self.map_find_fn(kind, &k, &v);
                self.lg(m);
                if let Some(key) = key {
                    self.lg(key);
                }
                self.emit(I::Call(f));
                self.ls(i);
                self.lg(i);
                self.ic(0);
                self.emit(I::I32GeS);
                self.emit(I::If(BlockType::Empty));
                if let Some(mc) = modify_cl {
                    let s = self.new_local(sv);
                    slot_at(self, m, i);
                    self.ls(s);
                    self.inline_closure(mc, &[Some(s)]);
                    self.drop_value(&mc.body.ty);
                }
                if op != "coll.entry_and_modify" {
                    self.emit(I::Else);
                    let ins = self.map_insert_new_fn(kind, &k, &v);
                    self.lg(m);
                    if let Some(key) = key {
                        self.lg(key);
                    }
                    match op {
                        "coll.entry_or_insert" => {
                            if let Some(val) = val {
                                self.lg(val);
                            }
                        }
                        "coll.entry_or_default" => self.coll_default_of(&v),
                        _ => {
                            if let Some(cl) = insert_cl {
                                self.inline_closure(cl, &[]);
                            }
                        }
                    }
                    self.slot_store(&v);
                    self.emit(I::Call(ins));
                    self.ls(i);
                }
                self.emit(I::End);
                if op != "coll.entry_and_modify" {
                    slot_at(self, m, i);
                }
            }
            "coll.retain" => {
                self.expr_noncopy(&args[0]);
                let m = self.stash(&args[0].ty).unwrap();
                // BTree maps visit their entries in key order
                self.btree_normalize(kind, &k, &v, m);
                let i = self.zeroed_i32();
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.lg(i);
                self.lg(m);
                self.sget(mt, F_KEYS);
                self.sget(kvec, 1);
                self.emit(I::I32GeS);
                self.br_if(done);
                let kl = self.lw.repr(&k).map(|t| self.new_local(t));
                if let Some(kl) = kl {
                    self.lg(m);
                    self.sget(mt, F_KEYS);
                    self.sget(kvec, 0);
                    self.lg(i);
                    self.array_get(kat, &k);
                    self.ls(kl);
                }
                let mut vals = vec![kl];
                if !kind.is_set() {
                    let s = self.new_local(sv);
                    slot_at(self, m, i);
                    self.ls(s);
                    vals.push(Some(s));
                }
                self.inline_closure(&cls[0], &vals);
                self.emit(I::If(BlockType::Empty));
                self.inc(i, 1);
                self.emit(I::Else);
                // a removed entry holding an `Rc` is dropped
                if let Some(kl) = kl {
                    super::rc_drops_glue::drop_glue(self, kl, &k);
                }
                if let Some(Some(s)) = vals.get(1) {
                    if !self.lw.is_scalar(&v) {
                        super::rc_drops_glue::drop_glue(self, *s, &v);
                    }
                }
                let f = self.map_remove_at_fn(kind, &k, &v);
                self.lg(m);
                self.lg(i);
                self.emit(I::Call(f));
                self.emit(I::End);
                self.br(lp);
                self.end();
                self.end();
            }
            _ => self.lw.error(codes::UNSUPPORTED_EXPR, &e.span, format!("`{op}` is not supported yet"), None),
        }
    }

    fn map_key_name(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> String {
        format!("{}<{}, {}>", kind.name(), self.lw.ck.ty_name(k), self.lw.ck.ty_name(v))
    }

    /// `find(map, key) -> i32`: the entry index, or a negative number when absent (for BTree maps
    /// `-(insertion point) - 1`).
    fn map_find_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let kv = self.lw.repr(k).unwrap_or(ValType::I32);
        let key = format!("map_find<{}>", self.map_key_name(kind, k, v));
        let params = if self.lw.repr(k).is_some() { vec![ref_ty(mt), kv] } else { vec![ref_ty(mt)] };
        let (id, new) = self.lw.helper(&key, params.clone(), vec![ValType::I32], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, params.len() as u32, Some(ValType::I32));
        let kvec = fl.lw.vec_type(k);
        let kat = fl.lw.array_type(k);
        let keys = fl.new_local(ref_ty(kvec));
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.ls(keys);
        let key_at = |fl: &mut FnLower, i: u32| {
            fl.lg(keys);
            fl.sget(kvec, 0);
            fl.lg(i);
            fl.array_get(kat, k);
        };
        if kind.is_hashed() {
            // h = hash(key); probe from h & mask
            let (h, p, e, mask) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
            let tab = fl.lw.array_type(&Ty::Int(IntTy::I32));
            let hv = fl.lw.vec_type(&Ty::Int(IntTy::I32));
            if params.len() > 1 {
                fl.lg(1);
            }
            hash_value(&mut fl, k);
            fl.ls(h);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.emit(I::ArrayLen);
            fl.ic(1);
            fl.emit(I::I32Sub);
            fl.ls(mask);
            fl.lg(h);
            fl.lg(mask);
            fl.emit(I::I32And);
            fl.ls(p);
            let lp = fl.open(1, BlockType::Empty);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.lg(p);
            fl.emit(I::ArrayGet(tab));
            fl.emit(I::LocalTee(e));
            fl.emit(I::I32Eqz);
            fl.emit(I::If(BlockType::Empty));
            fl.ic(-1);
            fl.emit(I::Return);
            fl.emit(I::End);
            fl.inc(e, -1);
            // hashes[e] == h && keys[e] == key
            fl.lg(0);
            fl.sget(mt, F_HASHES);
            fl.sget(hv, 0);
            fl.lg(e);
            let hat = fl.lw.array_type(&Ty::Int(IntTy::I32));
            fl.emit(I::ArrayGet(hat));
            fl.lg(h);
            fl.emit(I::I32Eq);
            fl.emit(I::If(BlockType::Empty));
            if params.len() > 1 {
                key_at(&mut fl, e);
                fl.lg(1);
                helpers::eq_value(&mut fl, k);
            } else {
                fl.ic(1);
            }
            fl.emit(I::If(BlockType::Empty));
            fl.lg(e);
            fl.emit(I::Return);
            fl.emit(I::End);
            fl.emit(I::End);
            fl.lg(p);
            fl.ic(1);
            fl.emit(I::I32Add);
            fl.lg(mask);
            fl.emit(I::I32And);
            fl.ls(p);
            fl.br(lp);
            fl.end();
            fl.emit(I::Unreachable);
        } else {
            // binary search over the sorted prefix keys[0..sorted], then a scan of the unsorted tail
            let (lo, hi, mid, c) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
            let tab = fl.lw.array_type(&Ty::Int(IntTy::I32));
            fl.ic(0);
            fl.ls(lo);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.ic(0);
            fl.emit(I::ArrayGet(tab));
            fl.ls(hi);
            let sorted = fl.new_local(ValType::I32);
            fl.lg(hi);
            fl.ls(sorted);
            let done = fl.open(0, BlockType::Empty);
            let lp = fl.open(1, BlockType::Empty);
            fl.lg(lo);
            fl.lg(hi);
            fl.emit(I::I32GeS);
            fl.br_if(done);
            fl.lg(lo);
            fl.lg(hi);
            fl.emit(I::I32Add);
            fl.ic(1);
            fl.emit(I::I32ShrU);
            fl.ls(mid);
            if params.len() > 1 {
                key_at(&mut fl, mid);
                fl.lg(1);
                helpers::cmp_value(&mut fl, k);
            } else {
                fl.ic(0);
            }
            fl.emit(I::LocalTee(c));
            fl.emit(I::I32Eqz);
            fl.emit(I::If(BlockType::Empty));
            fl.lg(mid);
            fl.emit(I::Return);
            fl.emit(I::End);
            fl.lg(c);
            fl.ic(0);
            fl.emit(I::I32LtS);
            fl.emit(I::If(BlockType::Empty));
            fl.lg(mid);
            fl.ic(1);
            fl.emit(I::I32Add);
            fl.ls(lo);
            fl.emit(I::Else);
            fl.lg(mid);
            fl.ls(hi);
            fl.emit(I::End);
            fl.br(lp);
            fl.end();
            fl.end();
            if params.len() > 1 {
                let n = fl.new_local(ValType::I32);
                fl.lg(keys);
                fl.sget(kvec, 1);
                fl.ls(n);
                let t = fl.new_local(ValType::I32);
                fl.lg(sorted);
                fl.ls(t);
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.lg(t);
                fl.lg(n);
                fl.emit(I::I32GeS);
                fl.br_if(done);
                key_at(&mut fl, t);
                fl.lg(1);
                helpers::cmp_value(&mut fl, k);
                fl.emit(I::I32Eqz);
                fl.emit(I::If(BlockType::Empty));
                fl.lg(t);
                fl.emit(I::Return);
                fl.emit(I::End);
                fl.inc(t, 1);
                fl.br(lp);
                fl.end();
                fl.end();
            }
            fl.ic(-1);
            fl.lg(lo);
            fl.emit(I::I32Sub);
        }
        fl.finish(id);
        id
    }

    /// Sorts a BTree map's entries completely: the unsorted tail (recent insertions) is sorted and
    /// merged with the sorted prefix. Ordered reads call this first.
    pub(super) fn btree_normalize_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let key = format!("btree_normalize<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt)], vec![], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 1, None);
        let kvec = fl.lw.vec_type(k);
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let kat = fl.lw.array_type(k);
        let vat = fl.lw.array_type(&slot_ty(v));
        let tab = fl.lw.array_type(&Ty::Int(IntTy::I32));
        let (keys, vals) = (fl.new_local(ref_ty(kat)), fl.new_local(ref_ty(vat)));
        let (n, sl) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.sget(kvec, 1);
        fl.ls(n);
        fl.lg(0);
        fl.sget(mt, F_TABLE);
        fl.ic(0);
        fl.emit(I::ArrayGet(tab));
        fl.ls(sl);
        fl.lg(sl);
        fl.lg(n);
        fl.emit(I::I32GeS);
        fl.emit(I::If(BlockType::Empty));
        fl.emit(I::Return);
        fl.emit(I::End);
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.sget(kvec, 0);
        fl.ls(keys);
        fl.lg(0);
        fl.sget(mt, F_VALS);
        fl.sget(vvec, 0);
        fl.ls(vals);
        let has_val = fl.lw.repr(&slot_ty(v)).is_some();
        let (kr, vr) = (fl_repr(&mut fl, k), fl_repr(&mut fl, &slot_ty(v)));
        let (kx, vx) = (fl.new_local(kr), fl.new_local(vr));
        let (i, j) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
        // insertion sort of the tail [sl, n)
        fl.lg(sl);
        fl.ic(1);
        fl.emit(I::I32Add);
        fl.ls(i);
        let done = fl.open(0, BlockType::Empty);
        let lp = fl.open(1, BlockType::Empty);
        fl.lg(i);
        fl.lg(n);
        fl.emit(I::I32GeS);
        fl.br_if(done);
        fl.lg(keys);
        fl.lg(i);
        fl.array_get(kat, k);
        fl.ls(kx);
        if has_val {
            fl.lg(vals);
            fl.lg(i);
            fl.array_get(vat, &slot_ty(&v));
            fl.ls(vx);
        }
        fl.lg(i);
        fl.ls(j);
        let d2 = fl.open(0, BlockType::Empty);
        let l2 = fl.open(1, BlockType::Empty);
        fl.lg(j);
        fl.lg(sl);
        fl.emit(I::I32LeS);
        fl.br_if(d2);
        fl.lg(keys);
        fl.lg(j);
        fl.ic(1);
        fl.emit(I::I32Sub);
        fl.array_get(kat, k);
        fl.lg(kx);
        helpers::cmp_value(&mut fl, k);
        fl.ic(0);
        fl.emit(I::I32LeS);
        fl.br_if(d2);
        for (arr, at, et) in [(keys, kat, k.clone()), (vals, vat, slot_ty(v))] {
            if arr == vals && !has_val {
                continue;
            }
            fl.lg(arr);
            fl.lg(j);
            fl.lg(arr);
            fl.lg(j);
            fl.ic(1);
            fl.emit(I::I32Sub);
            fl.array_get(at, &et);
            fl.emit(I::ArraySet(at));
        }
        fl.inc(j, -1);
        fl.br(l2);
        fl.end();
        fl.end();
        fl.lg(keys);
        fl.lg(j);
        fl.lg(kx);
        fl.emit(I::ArraySet(kat));
        if has_val {
            fl.lg(vals);
            fl.lg(j);
            fl.lg(vx);
            fl.emit(I::ArraySet(vat));
        }
        fl.inc(i, 1);
        fl.br(lp);
        fl.end();
        fl.end();
        // merge the two sorted runs into fresh buffers
        let (nk, nv) = (fl.new_local(ref_ty(kat)), fl.new_local(ref_ty(vat)));
        fl.lg(keys);
        fl.emit(I::ArrayLen);
        fl.emit(I::ArrayNewDefault(kat));
        fl.ls(nk);
        fl.lg(vals);
        fl.emit(I::ArrayLen);
        fl.emit(I::ArrayNewDefault(vat));
        fl.ls(nv);
        let (a, b, o) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
        fl.ic(0);
        fl.ls(a);
        fl.lg(sl);
        fl.ls(b);
        fl.ic(0);
        fl.ls(o);
        let src = fl.new_local(ValType::I32);
        let done = fl.open(0, BlockType::Empty);
        let lp = fl.open(1, BlockType::Empty);
        fl.lg(o);
        fl.lg(n);
        fl.emit(I::I32GeS);
        fl.br_if(done);
        // take from the prefix when the tail is exhausted or prefix <= tail
        fl.lg(b);
        fl.lg(n);
        fl.emit(I::I32GeS);
        fl.emit(I::If(BlockType::Result(ValType::I32)));
        fl.ic(1);
        fl.emit(I::Else);
        fl.lg(a);
        fl.lg(sl);
        fl.emit(I::I32GeS);
        fl.emit(I::If(BlockType::Result(ValType::I32)));
        fl.ic(0);
        fl.emit(I::Else);
        fl.lg(keys);
        fl.lg(a);
        fl.array_get(kat, k);
        fl.lg(keys);
        fl.lg(b);
        fl.array_get(kat, k);
        helpers::cmp_value(&mut fl, k);
        fl.ic(0);
        fl.emit(I::I32LeS);
        fl.emit(I::End);
        fl.emit(I::End);
        fl.emit(I::If(BlockType::Empty));
        fl.lg(a);
        fl.ls(src);
        fl.inc(a, 1);
        fl.emit(I::Else);
        fl.lg(b);
        fl.ls(src);
        fl.inc(b, 1);
        fl.emit(I::End);
        for (dst, arr, at, et) in [(nk, keys, kat, k.clone()), (nv, vals, vat, slot_ty(v))] {
            if arr == vals && !has_val {
                continue;
            }
            fl.lg(dst);
            fl.lg(o);
            fl.lg(arr);
            fl.lg(src);
            fl.array_get(at, &et);
            fl.emit(I::ArraySet(at));
        }
        fl.inc(o, 1);
        fl.br(lp);
        fl.end();
        fl.end();
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.lg(nk);
        fl.sset(kvec, 0);
        if has_val {
            fl.lg(0);
            fl.sget(mt, F_VALS);
            fl.lg(nv);
            fl.sset(vvec, 0);
        }
        fl.lg(0);
        fl.sget(mt, F_TABLE);
        fl.ic(0);
        fl.lg(n);
        fl.emit(I::ArraySet(tab));
        fl.finish(id);
        id
    }

    /// Sorts the BTree map/set in local `m` (no-op for hash kinds).
    pub(super) fn btree_normalize(&mut self, kind: CollKind, k: &Ty, v: &Ty, m: u32) {
        if kind.is_map_like() && !kind.is_hashed() {
            let f = self.btree_normalize_fn(kind, k, v);
            self.lg(m);
            self.emit(I::Call(f));
        }
    }

    /// `insert_new(map, key, slot) -> index`: adds an entry known to be absent.
    fn map_insert_new_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let kv = self.lw.repr(k).unwrap_or(ValType::I32);
        let sv = self.lw.repr(&slot_ty(v)).unwrap_or(ValType::I32);
        let key = format!("map_insert_new<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt), kv, sv], vec![ValType::I32], false);
        if !new {
            return id;
        }
        let has_key = self.lw.repr(k).is_some();
        let mut fl = FnLower::new_helper(self.lw, 3, Some(ValType::I32));
        let kvec = fl.lw.vec_type(k);
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let kat = fl.lw.array_type(k);
        let vat = fl.lw.array_type(&slot_ty(v));
        let (keys, vals) = (fl.new_local(ref_ty(kvec)), fl.new_local(ref_ty(vvec)));
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.ls(keys);
        fl.lg(0);
        fl.sget(mt, F_VALS);
        fl.ls(vals);
        let n = fl.new_local(ValType::I32);
        fl.lg(keys);
        fl.sget(kvec, 1);
        fl.ls(n);
        if kind.is_hashed() {
            let push_k = fl.vec_push_fn(k);
            let push_v = fl.vec_push_fn(&slot_ty(v));
            let i32t = Ty::Int(IntTy::I32);
            let push_h = fl.vec_push_fn(&i32t);
            fl.lg(keys);
            fl.lg(1);
            fl.emit(I::Call(push_k));
            fl.lg(vals);
            fl.lg(2);
            fl.emit(I::Call(push_v));
            fl.lg(0);
            fl.sget(mt, F_HASHES);
            fl.lg(1);
            if !has_key {
                fl.emit(I::Drop);
                fl.ic(0);
            }
            hash_value(&mut fl, if has_key { k } else { &i32t });
            fl.emit(I::Call(push_h));
            // grow the table at load 1/2, then place the new entry
            let tab = fl.lw.array_type(&i32t);
            fl.lg(n);
            fl.ic(1);
            fl.emit(I::I32Add);
            fl.ic(2);
            fl.emit(I::I32Mul);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.emit(I::ArrayLen);
            fl.emit(I::I32GtU);
            fl.emit(I::If(BlockType::Empty));
            let rebuild = table_rebuild_fn(fl.lw, mt);
            fl.lg(0);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.emit(I::ArrayLen);
            fl.ic(2);
            fl.emit(I::I32Mul);
            fl.emit(I::Call(rebuild));
            fl.emit(I::Else);
            let put = table_put_fn(fl.lw, mt);
            fl.lg(0);
            fl.lg(n);
            fl.emit(I::Call(put));
            fl.emit(I::End);
            let _ = tab;
            fl.lg(n);
        } else {
            // Append. In key order the sorted prefix just grows; otherwise the entry joins the unsorted
            // tail, merged into the prefix once the tail outgrows max(16, sqrt(n)) (amortized O(sqrt n)).
            let tab = fl.lw.array_type(&Ty::Int(IntTy::I32));
            let sl = fl.new_local(ValType::I32);
            fl.lg(n);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.ic(0);
            fl.emit(I::ArrayGet(tab));
            fl.emit(I::I32Sub);
            fl.ic(16);
            fl.lg(n);
            fl.emit(I::F64ConvertI32S);
            fl.emit(I::F64Sqrt);
            fl.emit(I::I32TruncF64S);
            fl.emit(I::I32Const(16));
            fl.lg(n);
            fl.emit(I::F64ConvertI32S);
            fl.emit(I::F64Sqrt);
            fl.emit(I::I32TruncF64S);
            fl.emit(I::I32GtS);
            fl.emit(I::Select);
            fl.emit(I::I32GeS);
            fl.emit(I::If(BlockType::Empty));
            let norm = fl.btree_normalize_fn(kind, k, v);
            fl.lg(0);
            fl.emit(I::Call(norm));
            fl.emit(I::End);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.ic(0);
            fl.emit(I::ArrayGet(tab));
            fl.ls(sl);
            let push_k = fl.vec_push_fn(k);
            let push_v = fl.vec_push_fn(&slot_ty(v));
            // in order: the prefix is everything and the new key is greater than the last one
            fl.lg(sl);
            fl.lg(n);
            fl.emit(I::I32Eq);
            fl.emit(I::If(BlockType::Result(ValType::I32)));
            fl.lg(n);
            fl.emit(I::I32Eqz);
            fl.emit(I::If(BlockType::Result(ValType::I32)));
            fl.ic(1);
            fl.emit(I::Else);
            if has_key {
                fl.lg(keys);
                fl.sget(kvec, 0);
                fl.lg(n);
                fl.ic(1);
                fl.emit(I::I32Sub);
                fl.array_get(kat, k);
                fl.lg(1);
                helpers::cmp_value(&mut fl, k);
                fl.ic(0);
                fl.emit(I::I32LtS);
            } else {
                fl.ic(0);
            }
            fl.emit(I::End);
            fl.emit(I::Else);
            fl.ic(0);
            fl.emit(I::End);
            let in_order = fl.new_local(ValType::I32);
            fl.ls(in_order);
            fl.lg(keys);
            fl.lg(1);
            fl.emit(I::Call(push_k));
            fl.lg(vals);
            fl.lg(2);
            fl.emit(I::Call(push_v));
            fl.lg(in_order);
            fl.emit(I::If(BlockType::Empty));
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.ic(0);
            fl.lg(n);
            fl.ic(1);
            fl.emit(I::I32Add);
            fl.emit(I::ArraySet(tab));
            fl.emit(I::End);
            let _ = vat;
            fl.lg(n);
        }
        fl.finish(id);
        id
    }

    /// `insert(map, key, slot)`: maps return the previous value as `Option<V>`; sets return the index
    /// of the existing entry or -1.
    fn map_insert_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let kv = self.lw.repr(k).unwrap_or(ValType::I32);
        let sv = self.lw.repr(&slot_ty(v)).unwrap_or(ValType::I32);
        let opt = Ty::Option(Box::new(v.clone()));
        let rv = if kind.is_set() { ValType::I32 } else { self.lw.repr(&opt).unwrap() };
        let key = format!("map_insert<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt), kv, sv], vec![rv], false);
        if !new {
            return id;
        }
        let has_key = self.lw.repr(k).is_some();
        let mut fl = FnLower::new_helper(self.lw, 3, Some(rv));
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let vat = fl.lw.array_type(&slot_ty(v));
        let find = fl.map_find_fn(kind, k, v);
        let ins = fl.map_insert_new_fn(kind, k, v);
        let i = fl.new_local(ValType::I32);
        fl.lg(0);
        if has_key {
            fl.lg(1);
        }
        fl.emit(I::Call(find));
        fl.ls(i);
        fl.lg(i);
        fl.ic(0);
        fl.emit(I::I32LtS);
        fl.emit(I::If(BlockType::Empty));
        fl.lg(0);
        fl.lg(1);
        fl.lg(2);
        fl.emit(I::Call(ins));
        fl.emit(I::Drop);
        if kind.is_set() {
            fl.ic(-1);
        } else {
            fl.build_variant_from_stack(&opt, 0);
        }
        fl.emit(I::Return);
        fl.emit(I::End);
        if kind.is_set() {
            fl.lg(i);
        } else {
            // Some(old value); the new value replaces the old in place (cells keep their identity)
            let old = fl.lw.repr(v).map(|t| fl.new_local(t));
            fl.lg(0);
            fl.sget(mt, F_VALS);
            fl.sget(vvec, 0);
            fl.lg(i);
            fl.array_get(vat, &slot_ty(&v));
            fl.slot_load(v);
            if let Some(old) = old {
                fl.ls(old);
            }
            fl.lg(0);
            fl.sget(mt, F_VALS);
            fl.sget(vvec, 0);
            fl.lg(i);
            fl.lg(2);
            fl.emit(I::ArraySet(vat));
            if let Some(old) = old {
                fl.lg(old);
            }
            fl.build_variant_from_stack(&opt, 1);
        }
        fl.finish(id);
        id
    }

    /// `remove_at(map, index)`.
    fn map_remove_at_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let key = format!("map_remove_at<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt), ValType::I32], vec![], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 2, None);
        let kvec = fl.lw.vec_type(k);
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let kat = fl.lw.array_type(k);
        let vat = fl.lw.array_type(&slot_ty(v));
        let i32t = Ty::Int(IntTy::I32);
        let hv = fl.lw.vec_type(&i32t);
        let hat = fl.lw.array_type(&i32t);
        let last = fl.new_local(ValType::I32);
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.sget(kvec, 1);
        fl.ic(1);
        fl.emit(I::I32Sub);
        fl.ls(last);
        let mut vecs = vec![(F_KEYS, kvec, kat, k.clone()), (F_VALS, vvec, vat, slot_ty(v))];
        if kind.is_hashed() {
            vecs.push((F_HASHES, hv, hat, i32t.clone()));
            let tab = hat;
            let (mask, p) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.emit(I::ArrayLen);
            fl.ic(1);
            fl.emit(I::I32Sub);
            fl.ls(mask);
            // slot of entry `idx` (probe from its hash until table[p] == idx + 1) → p
            let slot_of = |fl: &mut FnLower, idx: u32| {
                fl.lg(0);
                fl.sget(mt, F_HASHES);
                fl.sget(hv, 0);
                fl.lg(idx);
                fl.emit(I::ArrayGet(hat));
                fl.lg(mask);
                fl.emit(I::I32And);
                fl.ls(p);
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.lg(0);
                fl.sget(mt, F_TABLE);
                fl.lg(p);
                fl.emit(I::ArrayGet(tab));
                fl.lg(idx);
                fl.ic(1);
                fl.emit(I::I32Add);
                fl.emit(I::I32Eq);
                fl.br_if(done);
                fl.lg(p);
                fl.ic(1);
                fl.emit(I::I32Add);
                fl.lg(mask);
                fl.emit(I::I32And);
                fl.ls(p);
                fl.br(lp);
                fl.end();
                fl.end();
            };
            slot_of(&mut fl, 1);
            // backward-shift deletion at p
            let (j, ideal) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
            fl.lg(p);
            fl.ls(j);
            let done = fl.open(0, BlockType::Empty);
            let lp = fl.open(1, BlockType::Empty);
            fl.lg(j);
            fl.ic(1);
            fl.emit(I::I32Add);
            fl.lg(mask);
            fl.emit(I::I32And);
            fl.ls(j);
            let tj = fl.new_local(ValType::I32);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.lg(j);
            fl.emit(I::ArrayGet(tab));
            fl.emit(I::LocalTee(tj));
            fl.emit(I::I32Eqz);
            fl.br_if(done);
            fl.lg(0);
            fl.sget(mt, F_HASHES);
            fl.sget(hv, 0);
            fl.lg(tj);
            fl.ic(1);
            fl.emit(I::I32Sub);
            fl.emit(I::ArrayGet(hat));
            fl.lg(mask);
            fl.emit(I::I32And);
            fl.ls(ideal);
            // stays when ideal lies cyclically in (p, j]: (j - ideal) & mask < (j - p) & mask
            fl.lg(j);
            fl.lg(ideal);
            fl.emit(I::I32Sub);
            fl.lg(mask);
            fl.emit(I::I32And);
            fl.lg(j);
            fl.lg(p);
            fl.emit(I::I32Sub);
            fl.lg(mask);
            fl.emit(I::I32And);
            fl.emit(I::I32LtU);
            fl.br_if(lp);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.lg(p);
            fl.lg(tj);
            fl.emit(I::ArraySet(tab));
            fl.lg(j);
            fl.ls(p);
            fl.br(lp);
            fl.end();
            fl.end();
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.lg(p);
            fl.ic(0);
            fl.emit(I::ArraySet(tab));
            // move the last entry into the hole
            fl.lg(1);
            fl.lg(last);
            fl.emit(I::I32Ne);
            fl.emit(I::If(BlockType::Empty));
            slot_of(&mut fl, last);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.lg(p);
            fl.lg(1);
            fl.ic(1);
            fl.emit(I::I32Add);
            fl.emit(I::ArraySet(tab));
            for (f, vt, at, et) in &vecs {
                fl.lg(0);
                fl.sget(mt, *f);
                fl.sget(*vt, 0);
                fl.lg(1);
                fl.lg(0);
                fl.sget(mt, *f);
                fl.sget(*vt, 0);
                fl.lg(last);
                fl.array_get(*at, et);
                fl.emit(I::ArraySet(*at));
            }
            fl.emit(I::End);
        } else {
            // an entry of the sorted prefix shortens it
            let tab = fl.lw.array_type(&i32t);
            fl.lg(1);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.ic(0);
            fl.emit(I::ArrayGet(tab));
            fl.emit(I::I32LtS);
            fl.emit(I::If(BlockType::Empty));
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.ic(0);
            fl.lg(0);
            fl.sget(mt, F_TABLE);
            fl.ic(0);
            fl.emit(I::ArrayGet(tab));
            fl.ic(1);
            fl.emit(I::I32Sub);
            fl.emit(I::ArraySet(tab));
            fl.emit(I::End);
            for (f, vt, at, _) in &vecs {
                // array.copy(buf, i, buf, i + 1, last - i)
                fl.lg(0);
                fl.sget(mt, *f);
                fl.sget(*vt, 0);
                fl.lg(1);
                fl.lg(0);
                fl.sget(mt, *f);
                fl.sget(*vt, 0);
                fl.lg(1);
                fl.ic(1);
                fl.emit(I::I32Add);
                fl.lg(last);
                fl.lg(1);
                fl.emit(I::I32Sub);
                fl.emit(I::ArrayCopy { array_type_index_dst: *at, array_type_index_src: *at });
            }
        }
        for (f, vt, _, _) in &vecs {
            fl.lg(0);
            fl.sget(mt, *f);
            fl.lg(last);
            fl.sset(*vt, 1);
        }
        fl.finish(id);
        id
    }

    /// Materializes the items of a map/set as a Vec of `out` (keys, values, slots or pairs).
    fn map_items_fn(&mut self, op: &str, kind: CollKind, k: &Ty, v: &Ty, out: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let ov = self.lw.repr(out).unwrap();
        let key = format!("{op}<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt)], vec![ov], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 1, Some(ov));
        fl.btree_normalize(kind, k, v, 0);
        let kvec = fl.lw.vec_type(k);
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let kat = fl.lw.array_type(k);
        let vat = fl.lw.array_type(&slot_ty(v));
        let elem = match out {
            Ty::Vec(x) => (**x).clone(),
            _ => Ty::Unit,
        };
        let ovt = fl.lw.vec_type(&elem);
        let oat = fl.lw.array_type(&elem);
        let n = fl.new_local(ValType::I32);
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.sget(kvec, 1);
        fl.ls(n);
        let share = match op {
            "coll.items_keys" => Some((F_KEYS, kvec)),
            "coll.items_vals_mut" => Some((F_VALS, vvec)),
            "coll.items_vals" if !fl.lw.is_scalar(v) => Some((F_VALS, vvec)),
            _ => None,
        };
        if let Some((f, vt)) = share {
            // the buffer itself: nothing can change the map while the items are iterated
            fl.lg(0);
            fl.sget(mt, f);
            fl.sget(vt, 0);
            fl.lg(n);
            fl.emit(I::StructNew(ovt));
            fl.finish(id);
            return id;
        }
        let arr = fl.new_local(ref_ty(oat));
        fl.lg(n);
        fl.emit(I::ArrayNewDefault(oat));
        fl.ls(arr);
        let tl = if matches!(elem, Ty::Tuple(_)) { Some(fl.lw.layout(&elem)) } else { None };
        fl.count_loop(n, &mut |fl: &mut FnLower, i| {
            fl.lg(arr);
            fl.lg(i);
            if tl.is_some() {
                fl.lg(0);
                fl.sget(mt, F_KEYS);
                fl.sget(kvec, 0);
                fl.lg(i);
                fl.array_get(kat, k);
            }
            fl.lg(0);
            fl.sget(mt, F_VALS);
            fl.sget(vvec, 0);
            fl.lg(i);
            fl.array_get(vat, &slot_ty(&v));
            if op != "coll.items_pairs_mut" {
                fl.slot_load(v);
            }
            if let Some(l) = &tl {
                fl.emit(I::StructNew(l.ty));
            }
            fl.emit(I::ArraySet(oat));
        });
        fl.lg(arr);
        fl.lg(n);
        fl.emit(I::StructNew(ovt));
        fl.finish(id);
        id
    }

    /// A map/set from a Vec of `(K, V)` pairs (or keys), later entries replacing earlier ones.
    fn map_from_vec_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let elem = if kind.is_set() { k.clone() } else { Ty::Tuple(vec![k.clone(), v.clone()]) };
        let vt = self.lw.vec_type(&elem);
        let key = format!("map_from_vec<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(vt)], vec![ref_ty(mt)], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 1, Some(ref_ty(mt)));
        let m = fl.new_local(ref_ty(mt));
        fl.coll_new(kind, &[k.clone(), v.clone()]);
        fl.ls(m);
        let ext = fl.map_extend_vec_fn(kind, k, v);
        fl.lg(m);
        fl.lg(0);
        fl.emit(I::Call(ext));
        fl.lg(m);
        fl.finish(id);
        id
    }

    /// Inserts every element of a Vec of pairs (or keys) into the map.
    fn map_extend_vec_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let elem = if kind.is_set() { k.clone() } else { Ty::Tuple(vec![k.clone(), v.clone()]) };
        let vt = self.lw.vec_type(&elem);
        let at = self.lw.array_type(&elem);
        let key = format!("map_extend_vec<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt), ref_ty(vt)], vec![], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 2, None);
        let ins = fl.map_insert_fn(kind, k, v);
        let n = fl.new_local(ValType::I32);
        fl.lg(1);
        fl.sget(vt, 1);
        fl.ls(n);
        let tl = if kind.is_set() { None } else { Some(fl.lw.layout(&elem)) };
        fl.count_loop(n, &mut |fl: &mut FnLower, i| {
            fl.lg(0);
            let x = fl.lw.repr(&elem).map(|t| fl.new_local(t));
            fl.lg(1);
            fl.sget(vt, 0);
            fl.lg(i);
            fl.array_get(at, &elem);
            match (x, &tl) {
                (Some(x), Some(l)) => {
                    fl.ls(x);
                    for (fi, ft) in [k, v].iter().enumerate() {
                        match l.fields[0][fi] {
                            Some(w) => {
                                fl.lg(x);
                                fl.sget(l.ty, w);
                            }
                            None => {
                                if fi == 0 {
                                    fl.ic(0);
                                }
                            }
                        }
                        if fi == 1 {
                            fl.slot_store(ft);
                        }
                    }
                }
                (_, None) => {
                    if fl.lw.repr(k).is_none() {
                        fl.emit(I::Drop);
                        fl.ic(0);
                    }
                    fl.ic(0);
                }
                _ => {}
            }
            fl.emit(I::Call(ins));
            fl.emit(I::Drop);
        });
        fl.finish(id);
        id
    }

    /// `map.extend(other)` where `other` is a freshly built map of the same type.
    fn map_extend_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let key = format!("map_extend<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt), ref_ty(mt)], vec![], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 2, None);
        let ins = fl.map_insert_fn(kind, k, v);
        let kvec = fl.lw.vec_type(k);
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let kat = fl.lw.array_type(k);
        let vat = fl.lw.array_type(&slot_ty(v));
        let n = fl.new_local(ValType::I32);
        fl.lg(1);
        fl.sget(mt, F_KEYS);
        fl.sget(kvec, 1);
        fl.ls(n);
        fl.count_loop(n, &mut |fl: &mut FnLower, i| {
            fl.lg(0);
            fl.lg(1);
            fl.sget(mt, F_KEYS);
            fl.sget(kvec, 0);
            fl.lg(i);
            fl.array_get(kat, k);
            fl.lg(1);
            fl.sget(mt, F_VALS);
            fl.sget(vvec, 0);
            fl.lg(i);
            fl.array_get(vat, &slot_ty(&v));
            fl.emit(I::Call(ins));
            fl.emit(I::Drop);
        });
        fl.finish(id);
        id
    }

    /// A deep copy (keys and values cloned, scalar values in fresh cells).
    fn map_clone_fn(&mut self, kind: CollKind, k: &Ty, v: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let key = format!("map_clone<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt)], vec![ref_ty(mt)], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 1, Some(ref_ty(mt)));
        let ins = fl.map_insert_new_fn(kind, k, v);
        let kvec = fl.lw.vec_type(k);
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let kat = fl.lw.array_type(k);
        let vat = fl.lw.array_type(&slot_ty(v));
        let m = fl.new_local(ref_ty(mt));
        fl.coll_new(kind, &[k.clone(), v.clone()]);
        fl.ls(m);
        let n = fl.new_local(ValType::I32);
        fl.lg(0);
        fl.sget(mt, F_KEYS);
        fl.sget(kvec, 1);
        fl.ls(n);
        fl.count_loop(n, &mut |fl: &mut FnLower, i| {
            fl.lg(m);
            fl.lg(0);
            fl.sget(mt, F_KEYS);
            fl.sget(kvec, 0);
            fl.lg(i);
            fl.array_get(kat, k);
            helpers::clone_value(fl, k);
            fl.lg(0);
            fl.sget(mt, F_VALS);
            fl.sget(vvec, 0);
            fl.lg(i);
            fl.array_get(vat, &slot_ty(&v));
            if fl.lw.repr(v).is_some() {
                fl.slot_load(v);
                helpers::clone_value(fl, v);
                fl.slot_store(v);
            }
            fl.emit(I::Call(ins));
            fl.emit(I::Drop);
        });
        fl.lg(m);
        fl.finish(id);
        id
    }

    /// Set algebra: the items (as a Vec of `&T`, in `self`'s order then `other`'s) or a bool.
    fn set_op_fn(&mut self, op: &str, kind: CollKind, k: &Ty) -> u32 {
        let v = Ty::Unit;
        let mt = self.lw.map_type(k, &v);
        let out = Ty::Vec(Box::new(k.clone()));
        let ov = self.lw.repr(&out).unwrap();
        let is_bool = matches!(op, "coll.is_subset" | "coll.is_superset" | "coll.is_disjoint");
        let rv = if is_bool { ValType::I32 } else { ov };
        let key = format!("{op}<{}>", self.map_key_name(kind, k, &v));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(mt), ref_ty(mt)], vec![rv], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, 2, Some(rv));
        fl.btree_normalize(kind, k, &v, 0);
        fl.btree_normalize(kind, k, &v, 1);
        let find = fl.map_find_fn(kind, k, &v);
        let kvec = fl.lw.vec_type(k);
        let kat = fl.lw.array_type(k);
        let push = fl.vec_push_fn(k);
        let res = fl.new_local(ov);
        fl.coll_default_of(&out);
        fl.ls(res);
        let has_key = fl.lw.repr(k).is_some();
        // for each x in `a`: test membership in `b`
        let scan = |fl: &mut FnLower, a: u32, b: u32, want: bool, on_hit: &mut dyn FnMut(&mut FnLower, u32)| {
            let n = fl.new_local(ValType::I32);
            fl.lg(a);
            fl.sget(mt, F_KEYS);
            fl.sget(kvec, 1);
            fl.ls(n);
            fl.count_loop(n, &mut |fl: &mut FnLower, i| {
                fl.lg(b);
                if has_key {
                    fl.lg(a);
                    fl.sget(mt, F_KEYS);
                    fl.sget(kvec, 0);
                    fl.lg(i);
                    fl.array_get(kat, k);
                }
                fl.emit(I::Call(find));
                fl.ic(0);
                fl.emit(if want { I::I32GeS } else { I::I32LtS });
                fl.emit(I::If(BlockType::Empty));
                on_hit(fl, i);
                fl.emit(I::End);
            });
        };
        let push_item = |fl: &mut FnLower, a: u32, i: u32| {
            fl.lg(res);
            fl.lg(a);
            fl.sget(mt, F_KEYS);
            fl.sget(kvec, 0);
            fl.lg(i);
            fl.array_get(kat, k);
            if !has_key {
                fl.ic(0);
            }
            fl.emit(I::Call(push));
        };
        match op {
            "coll.set_intersection" => scan(&mut fl, 0, 1, true, &mut |fl, i| push_item(fl, 0, i)),
            "coll.set_difference" => scan(&mut fl, 0, 1, false, &mut |fl, i| push_item(fl, 0, i)),
            "coll.set_union" | "coll.set_symmetric_difference" if !kind.is_hashed() && has_key => {
                // both key arrays are sorted: merge them (ascending, as BTreeSet yields)
                let union = op == "coll.set_union";
                let (i, j, na, nb, c) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
                for (m, n) in [(0u32, na), (1u32, nb)] {
                    fl.lg(m);
                    fl.sget(mt, F_KEYS);
                    fl.sget(kvec, 1);
                    fl.ls(n);
                }
                let key = |fl: &mut FnLower, m: u32, idx: u32| {
                    fl.lg(m);
                    fl.sget(mt, F_KEYS);
                    fl.sget(kvec, 0);
                    fl.lg(idx);
                    fl.array_get(kat, k);
                };
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.lg(i);
                fl.lg(na);
                fl.emit(I::I32GeS);
                fl.lg(j);
                fl.lg(nb);
                fl.emit(I::I32GeS);
                fl.emit(I::I32And);
                fl.br_if(done);
                // c = a exhausted ? 1 : b exhausted ? -1 : cmp(a[i], b[j])
                fl.lg(i);
                fl.lg(na);
                fl.emit(I::I32GeS);
                fl.emit(I::If(BlockType::Result(ValType::I32)));
                fl.ic(1);
                fl.emit(I::Else);
                fl.lg(j);
                fl.lg(nb);
                fl.emit(I::I32GeS);
                fl.emit(I::If(BlockType::Result(ValType::I32)));
                fl.ic(-1);
                fl.emit(I::Else);
                key(&mut fl, 0, i);
                key(&mut fl, 1, j);
                helpers::cmp_value(&mut fl, k);
                fl.emit(I::End);
                fl.emit(I::End);
                fl.ls(c);
                fl.lg(c);
                fl.ic(0);
                fl.emit(I::I32LtS);
                fl.emit(I::If(BlockType::Empty));
                push_item(&mut fl, 0, i);
                fl.inc(i, 1);
                fl.emit(I::Else);
                fl.lg(c);
                fl.ic(0);
                fl.emit(I::I32GtS);
                fl.emit(I::If(BlockType::Empty));
                push_item(&mut fl, 1, j);
                fl.inc(j, 1);
                fl.emit(I::Else);
                if union {
                    push_item(&mut fl, 0, i);
                }
                fl.inc(i, 1);
                fl.inc(j, 1);
                fl.emit(I::End);
                fl.emit(I::End);
                fl.br(lp);
                fl.end();
                fl.end();
            }
            "coll.set_union" | "coll.set_symmetric_difference" => {
                if op == "coll.set_union" {
                    let n = fl.new_local(ValType::I32);
                    fl.lg(0);
                    fl.sget(mt, F_KEYS);
                    fl.sget(kvec, 1);
                    fl.ls(n);
                    fl.count_loop(n, &mut |fl: &mut FnLower, i| push_item(fl, 0, i));
                } else {
                    scan(&mut fl, 0, 1, false, &mut |fl, i| push_item(fl, 0, i));
                }
                scan(&mut fl, 1, 0, false, &mut |fl, i| push_item(fl, 1, i));
            }
            "coll.is_subset" => scan(&mut fl, 0, 1, false, &mut |fl, _| {
                fl.ic(0);
                fl.emit(I::Return);
            }),
            "coll.is_superset" => scan(&mut fl, 1, 0, false, &mut |fl, _| {
                fl.ic(0);
                fl.emit(I::Return);
            }),
            _ => scan(&mut fl, 0, 1, true, &mut |fl, _| {
                fl.ic(0);
                fl.emit(I::Return);
            }),
        }
        if is_bool {
            fl.ic(1);
        } else {
            fl.lg(res);
        }
        fl.finish(id);
        id
    }

    /// `BTreeMap::range` / `BTreeSet::range`: the items with keys in the bounds, in order.
    fn map_range_fn(&mut self, op: &str, kind: CollKind, k: &Ty, v: &Ty, out: &Ty) -> u32 {
        let mt = self.lw.map_type(k, v);
        let kv = self.lw.repr(k).unwrap_or(ValType::I32);
        let ov = self.lw.repr(out).unwrap();
        let (has_lo, has_hi) = (op.contains("_l"), op.contains('h'));
        let incl = op.ends_with("hi");
        let mut params = vec![ref_ty(mt)];
        if has_lo {
            params.push(kv);
        }
        if has_hi {
            params.push(kv);
        }
        let key = format!("{op}<{}>", self.map_key_name(kind, k, v));
        let (id, new) = self.lw.helper(&key, params.clone(), vec![ov], false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, params.len() as u32, Some(ov));
        fl.btree_normalize(kind, k, v, 0);
        let find = fl.map_find_fn(kind, k, v);
        let kvec = fl.lw.vec_type(k);
        let vvec = fl.lw.vec_type(&slot_ty(v));
        let kat = fl.lw.array_type(k);
        let vat = fl.lw.array_type(&slot_ty(v));
        let (from, to) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
        // start index: position of lo (found or insertion point)
        let pos_of = |fl: &mut FnLower, param: u32, dst: u32, after_equal: bool| {
            fl.lg(0);
            fl.lg(param);
            fl.emit(I::Call(find));
            fl.emit(I::LocalTee(dst));
            fl.ic(0);
            fl.emit(I::I32LtS);
            fl.emit(I::If(BlockType::Empty));
            fl.ic(-1);
            fl.lg(dst);
            fl.emit(I::I32Sub);
            fl.ls(dst);
            if after_equal {
                fl.emit(I::Else);
                fl.inc(dst, 1);
            }
            fl.emit(I::End);
        };
        if has_lo {
            pos_of(&mut fl, 1, from, false);
        } else {
            fl.ic(0);
            fl.ls(from);
        }
        if has_hi {
            pos_of(&mut fl, if has_lo { 2 } else { 1 }, to, incl);
        } else {
            fl.lg(0);
            fl.sget(mt, F_KEYS);
            fl.sget(kvec, 1);
            fl.ls(to);
        }
        let elem = match out {
            Ty::Vec(x) => (**x).clone(),
            _ => Ty::Unit,
        };
        let ovt = fl.lw.vec_type(&elem);
        let oat = fl.lw.array_type(&elem);
        let n = fl.new_local(ValType::I32);
        fl.lg(to);
        fl.lg(from);
        fl.emit(I::I32Sub);
        fl.ls(n);
        fl.lg(n);
        fl.ic(0);
        fl.emit(I::I32LtS);
        fl.emit(I::If(BlockType::Empty));
        fl.ic(0);
        fl.ls(n);
        fl.emit(I::End);
        let arr = fl.new_local(ref_ty(oat));
        fl.lg(n);
        fl.emit(I::ArrayNewDefault(oat));
        fl.ls(arr);
        let tl = if matches!(elem, Ty::Tuple(_)) { Some(fl.lw.layout(&elem)) } else { None };
        fl.count_loop(n, &mut |fl: &mut FnLower, i| {
            let j = fl.new_local(ValType::I32);
            fl.lg(i);
            fl.lg(from);
            fl.emit(I::I32Add);
            fl.ls(j);
            fl.lg(arr);
            fl.lg(i);
            fl.lg(0);
            fl.sget(mt, F_KEYS);
            fl.sget(kvec, 0);
            fl.lg(j);
            fl.array_get(kat, k);
            if let Some(l) = &tl {
                fl.lg(0);
                fl.sget(mt, F_VALS);
                fl.sget(vvec, 0);
                fl.lg(j);
                fl.array_get(vat, &slot_ty(&v));
                fl.slot_load(v);
                fl.emit(I::StructNew(l.ty));
            }
            fl.emit(I::ArraySet(oat));
        });
        fl.lg(arr);
        fl.lg(n);
        fl.emit(I::StructNew(ovt));
        fl.finish(id);
        id
    }

    /// The ordered items of a collection value on the stack as a Vec (maps: `(K, V)` pairs), for
    /// comparisons and hashing; None for kinds without an item order (hash maps/sets, cells).
    fn coll_items_vec(&mut self, kind: CollKind, ts: &[Ty]) -> Option<Ty> {
        match kind {
            CollKind::VecDeque => {
                let f = self.deque_items_fn(&ts[0]);
                self.emit(I::Call(f));
                Some(Ty::Vec(Box::new(ts[0].clone())))
            }
            CollKind::BinaryHeap => Some(Ty::Vec(Box::new(ts[0].clone()))),
            CollKind::BTreeSet => {
                let out = Ty::Vec(Box::new(ts[0].clone()));
                let f = self.map_items_fn("coll.items_keys", kind, &ts[0], &Ty::Unit, &out);
                self.emit(I::Call(f));
                Some(out)
            }
            CollKind::BTreeMap => {
                let out = Ty::Vec(Box::new(Ty::Tuple(vec![ts[0].clone(), ts[1].clone()])));
                let f = self.map_items_fn("coll.items_pairs", kind, &ts[0], &ts[1], &out);
                self.emit(I::Call(f));
                Some(out)
            }
            _ => None,
        }
    }

    /// The value inside an `Rc`/`RefCell`/`Cell` on the stack (None: no representation).
    fn cell_value(&mut self, kind: CollKind, t: &Ty) -> Option<()> {
        self.lw.repr(t)?;
        match kind {
            CollKind::Rc => {
                let (ht, bt) = (self.lw.rc_handle_type(t), self.lw.rcbox_type(t));
                self.sget(ht, 0);
                self.sget(bt, 0);
            }
            CollKind::RefCell => {
                let g = self.lw.rc_type(t);
                self.sget(g, 0);
                if self.lw.is_number_like(t) {
                    let c = self.lw.cell_type(t);
                    self.sget(c, 0);
                }
            }
            _ => {
                let c = self.lw.cell_type(t);
                self.sget(c, 0);
            }
        }
        Some(())
    }

    /// `==` of two collections (params 0 and 1): the body of the generated equality helper.
    pub(super) fn coll_eq_body(&mut self, kind: CollKind, ts: &[Ty]) {
        if kind.is_cell() {
            let t = ts[0].clone();
            self.lg(0);
            if self.cell_value(kind, &t).is_none() {
                self.emit(I::Drop);
                self.ic(1);
                return;
            }
            self.lg(1);
            self.cell_value(kind, &t);
            helpers::eq_value(self, &t);
            return;
        }
        self.lg(0);
        if let Some(vt) = self.coll_items_vec(kind, ts) {
            self.lg(1);
            self.coll_items_vec(kind, ts);
            let f = helpers::eq_fn(self.lw, &vt);
            self.emit(I::Call(f));
            return;
        }
        self.emit(I::Drop);
        // hash maps/sets: same length and every entry of one found, with an equal value, in the other
        let (k, v) = (ts[0].clone(), ts.get(1).cloned().unwrap_or(Ty::Unit));
        let mt = self.lw.map_type(&k, &v);
        let kvec = self.lw.vec_type(&k);
        let vvec = self.lw.vec_type(&slot_ty(&v));
        let kat = self.lw.array_type(&k);
        let vat = self.lw.array_type(&slot_ty(&v));
        let find = self.map_find_fn(kind, &k, &v);
        let n = self.new_local(ValType::I32);
        self.lg(0);
        self.sget(mt, F_KEYS);
        self.sget(kvec, 1);
        self.emit(I::LocalTee(n));
        self.lg(1);
        self.sget(mt, F_KEYS);
        self.sget(kvec, 1);
        self.emit(I::I32Ne);
        self.emit(I::If(BlockType::Empty));
        self.ic(0);
        self.emit(I::Return);
        self.emit(I::End);
        let has_key = self.lw.repr(&k).is_some();
        self.count_loop(n, &mut |fl: &mut FnLower, i| {
            let j = fl.new_local(ValType::I32);
            fl.lg(1);
            if has_key {
                fl.lg(0);
                fl.sget(mt, F_KEYS);
                fl.sget(kvec, 0);
                fl.lg(i);
                fl.array_get(kat, &k);
            }
            fl.emit(I::Call(find));
            fl.emit(I::LocalTee(j));
            fl.ic(0);
            fl.emit(I::I32LtS);
            fl.emit(I::If(BlockType::Empty));
            fl.ic(0);
            fl.emit(I::Return);
            fl.emit(I::End);
            if fl.lw.repr(&v).is_some() {
                for (m, idx) in [(0u32, i), (1u32, j)] {
                    fl.lg(m);
                    fl.sget(mt, F_VALS);
                    fl.sget(vvec, 0);
                    fl.lg(idx);
                    fl.array_get(vat, &slot_ty(&v));
                    fl.slot_load(&v);
                }
                helpers::eq_value(fl, &v);
                fl.emit(I::I32Eqz);
                fl.emit(I::If(BlockType::Empty));
                fl.ic(0);
                fl.emit(I::Return);
                fl.emit(I::End);
            }
        });
        self.ic(1);
    }

    /// `Ord::cmp` of two collections (params 0 and 1): item-wise for ordered kinds, by value for cells.
    pub(super) fn coll_cmp_body(&mut self, kind: CollKind, ts: &[Ty]) {
        if kind.is_cell() {
            let t = ts[0].clone();
            self.lg(0);
            if self.cell_value(kind, &t).is_none() {
                self.emit(I::Drop);
                self.ic(0);
                return;
            }
            self.lg(1);
            self.cell_value(kind, &t);
            helpers::cmp_value(self, &t);
            return;
        }
        self.lg(0);
        match self.coll_items_vec(kind, ts) {
            Some(vt) => {
                self.lg(1);
                self.coll_items_vec(kind, ts);
                helpers::cmp_value(self, &vt);
            }
            None => {
                self.emit(I::Drop);
                self.ic(0);
            }
        }
    }

    /// `Clone::clone` of a collection/cell/`Rc` in param 0 (body of the generated clone helper).
    pub(super) fn coll_clone_body(&mut self, kind: CollKind, ts: &[Ty]) {
        match kind {
            CollKind::Reverse => {
                self.lg(0);
                helpers::clone_value(self, &ts[0]);
            }
            CollKind::Rc | CollKind::Weak => {
                let (ht, bt) = (self.lw.rc_handle_type(&ts[0]), self.lw.rcbox_type(&ts[0]));
                let b = self.new_local(ref_ty(bt));
                self.lg(0);
                self.sget(ht, 0);
                self.ls(b);
                self.lg(b);
                self.emit(I::RefIsNull);
                self.emit(I::I32Eqz);
                self.emit(I::If(BlockType::Empty));
                self.lg(b);
                self.lg(b);
                self.sget(bt, if kind == CollKind::Rc { super::cells::RC_STRONG } else { super::cells::RC_WEAK });
                self.ic(1);
                self.emit(I::I32Add);
                self.sset(bt, if kind == CollKind::Rc { super::cells::RC_STRONG } else { super::cells::RC_WEAK });
                self.emit(I::End);
                self.lg(b);
                self.emit(I::StructNew(ht));
            }
            CollKind::Cell | CollKind::RefCell => {
                let inner = ts[0].clone();
                let (sty, scalar_cell) = if kind == CollKind::Cell { (self.lw.cell_type(&inner), false) } else { (self.lw.rc_type(&inner), self.lw.is_number_like(&inner)) };
                if self.lw.repr(&inner).is_some() {
                    self.lg(0);
                    self.sget(sty, 0);
                    if scalar_cell {
                        let c = self.lw.cell_type(&inner);
                        self.sget(c, 0);
                    }
                    helpers::clone_value(self, &inner);
                    if scalar_cell {
                        let c = self.lw.cell_type(&inner);
                        self.emit(I::StructNew(c));
                    }
                } else {
                    self.ic(0);
                }
                if kind == CollKind::RefCell {
                    self.ic(0);
                }
                self.emit(I::StructNew(sty));
            }
            CollKind::VecDeque => {
                let f = self.deque_items_fn(&ts[0]);
                let vt = self.lw.vec_type(&ts[0]);
                let dt = self.lw.deque_type(&ts[0]);
                let v = self.new_local(ref_ty(vt));
                self.lg(0);
                self.emit(I::Call(f));
                let c = helpers::clone_fn(self.lw, &Ty::Vec(Box::new(ts[0].clone())));
                self.emit(I::Call(c));
                self.ls(v);
                self.lg(v);
                self.sget(vt, 0);
                self.ic(0);
                self.lg(v);
                self.sget(vt, 1);
                self.emit(I::StructNew(dt));
            }
            CollKind::BinaryHeap => {
                let c = helpers::clone_fn(self.lw, &Ty::Vec(Box::new(ts[0].clone())));
                self.lg(0);
                self.emit(I::Call(c));
            }
            _ if kind.is_map_like() => {
                let f = self.map_clone_fn(kind, &ts[0], &ts.get(1).cloned().unwrap_or(Ty::Unit));
                self.lg(0);
                self.emit(I::Call(f));
            }
            _ => {
                self.lg(0);
            }
        }
    }

    /// `{:?}` of a collection (body of the generated Debug helper: params out, value, spec...).
    pub(super) fn coll_debug_body(&mut self, kind: CollKind, ts: &[Ty]) {
        let lit = |fl: &mut FnLower, s: &str| {
            fl.lg(0);
            fl.str_lit(s);
            fl.call_prelude("string_push_str");
        };
        let pretty = self.new_local(ValType::I32);
        self.lg(5);
        self.ic(4);
        self.emit(I::I32And);
        self.ls(pretty);
        let spec = |fl: &mut FnLower| {
            for p in 2..7 {
                fl.lg(p);
            }
        };
        match kind {
            _ if kind.is_cell() => self.cell_debug_body(kind, &ts[0]),
            CollKind::Reverse => {
                lit(self, "Reverse(");
                // the content as a one-field tuple struct would print it
                let t = ts[0].clone();
                if self.lw.repr(&t).is_some() {
                    super::ops::debug_item(self, pretty, 1, &t);
                }
                lit(self, ")");
            }
            CollKind::VecDeque | CollKind::BinaryHeap => {
                let t = ts[0].clone();
                let vt = Ty::Vec(Box::new(t.clone()));
                let vv = self.lw.repr(&vt).unwrap();
                let v = self.new_local(vv);
                self.lg(1);
                if kind == CollKind::VecDeque {
                    let f = self.deque_items_fn(&t);
                    self.emit(I::Call(f));
                }
                self.ls(v);
                self.fmt_debug_spec(0, v, &vt, &mut |fl: &mut FnLower| spec(fl));
            }
            _ => {
                let (k, v) = (ts[0].clone(), ts.get(1).cloned().unwrap_or(Ty::Unit));
                self.btree_normalize(kind, &k, &v, 1);
                let mt = self.lw.map_type(&k, &v);
                let kvec = self.lw.vec_type(&k);
                let vvec = self.lw.vec_type(&slot_ty(&v));
                let kat = self.lw.array_type(&k);
                let vat = self.lw.array_type(&slot_ty(&v));
                let n = self.new_local(ValType::I32);
                self.lg(1);
                self.sget(mt, F_KEYS);
                self.sget(kvec, 1);
                self.ls(n);
                lit(self, "{");
                let set = kind.is_set();
                self.count_loop(n, &mut |fl: &mut FnLower, i| {
                    fl.lg(i);
                    fl.emit(I::If(BlockType::Empty));
                    super::ops::compact_sep(fl, pretty);
                    fl.emit(I::End);
                    let kl = fl.lw.repr(&k).map(|t| fl.new_local(t));
                    if let Some(kl) = kl {
                        fl.lg(1);
                        fl.sget(mt, F_KEYS);
                        fl.sget(kvec, 0);
                        fl.lg(i);
                        fl.array_get(kat, &k);
                        fl.ls(kl);
                    }
                    let vl = fl.lw.repr(&v).map(|t| fl.new_local(t));
                    if let Some(vl) = vl {
                        fl.lg(1);
                        fl.sget(mt, F_VALS);
                        fl.sget(vvec, 0);
                        fl.lg(i);
                        fl.array_get(vat, &slot_ty(&v));
                        fl.slot_load(&v);
                        fl.ls(vl);
                    }
                    if set {
                        if let Some(kl) = kl {
                            super::ops::debug_item(fl, pretty, kl, &k);
                        }
                        return;
                    }
                    // "k: v" (pretty: formatted into a temporary and indented as one item)
                    let tmp = fl.new_string();
                    for (loc, t) in [(kl, &k), (vl, &v)] {
                        if let Some(loc) = loc {
                            fl.fmt_debug_spec(tmp, loc, t, &mut |fl: &mut FnLower| spec(fl));
                        } else {
                            fl.lg(tmp);
                            fl.str_lit("()");
                            fl.call_prelude("string_push_str");
                        }
                        if std::ptr::eq(t, &k) {
                            fl.lg(tmp);
                            fl.str_lit(": ");
                            fl.call_prelude("string_push_str");
                        }
                    }
                    fl.lg(pretty);
                    fl.emit(I::If(BlockType::Empty));
                    fl.lg(0);
                    fl.lg(tmp);
                    fl.call_prelude("string_as_str");
                    fl.call_prelude("push_pretty_item");
                    fl.emit(I::Else);
                    fl.lg(0);
                    fl.lg(tmp);
                    fl.call_prelude("string_as_str");
                    fl.call_prelude("string_push_str");
                    fl.emit(I::End);
                });
                lit(self, "}");
            }
        }
    }
}

/// Puts entry `idx` (param 1) into the hash table of the map (param 0): first empty slot from its hash.
fn table_put_fn(lw: &mut Lowerer, mt: u32) -> u32 {
    let key = format!("map_table_put<{mt}>");
    let (id, new) = lw.helper(&key, vec![ref_ty(mt), ValType::I32], vec![], false);
    if !new {
        return id;
    }
    let i32t = Ty::Int(IntTy::I32);
    let mut fl = FnLower::new_helper(lw, 2, None);
    let tab = fl.lw.array_type(&i32t);
    let hv = fl.lw.vec_type(&i32t);
    let (mask, p) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
    fl.lg(0);
    fl.sget(mt, F_TABLE);
    fl.emit(I::ArrayLen);
    fl.ic(1);
    fl.emit(I::I32Sub);
    fl.ls(mask);
    fl.lg(0);
    fl.sget(mt, F_HASHES);
    fl.sget(hv, 0);
    fl.lg(1);
    fl.emit(I::ArrayGet(tab));
    fl.lg(mask);
    fl.emit(I::I32And);
    fl.ls(p);
    let done = fl.open(0, BlockType::Empty);
    let lp = fl.open(1, BlockType::Empty);
    fl.lg(0);
    fl.sget(mt, F_TABLE);
    fl.lg(p);
    fl.emit(I::ArrayGet(tab));
    fl.emit(I::I32Eqz);
    fl.br_if(done);
    fl.lg(p);
    fl.ic(1);
    fl.emit(I::I32Add);
    fl.lg(mask);
    fl.emit(I::I32And);
    fl.ls(p);
    fl.br(lp);
    fl.end();
    fl.end();
    fl.lg(0);
    fl.sget(mt, F_TABLE);
    fl.lg(p);
    fl.lg(1);
    fl.ic(1);
    fl.emit(I::I32Add);
    fl.emit(I::ArraySet(tab));
    fl.finish(id);
    id
}

/// Replaces the table by one of capacity param 1 and re-places every entry.
fn table_rebuild_fn(lw: &mut Lowerer, mt: u32) -> u32 {
    let key = format!("map_table_rebuild<{mt}>");
    let (id, new) = lw.helper(&key, vec![ref_ty(mt), ValType::I32], vec![], false);
    if !new {
        return id;
    }
    let i32t = Ty::Int(IntTy::I32);
    let mut fl = FnLower::new_helper(lw, 2, None);
    let tab = fl.lw.array_type(&i32t);
    let hv = fl.lw.vec_type(&i32t);
    let put = table_put_fn(fl.lw, mt);
    fl.lg(0);
    fl.lg(1);
    fl.emit(I::ArrayNewDefault(tab));
    fl.sset(mt, F_TABLE);
    let n = fl.new_local(ValType::I32);
    fl.lg(0);
    fl.sget(mt, F_HASHES);
    fl.sget(hv, 1);
    fl.ls(n);
    fl.count_loop(n, &mut |fl: &mut FnLower, i| {
        fl.lg(0);
        fl.lg(i);
        fl.emit(I::Call(put));
    });
    fl.finish(id);
    id
}

/// Pushes the (well-mixed) 32-bit hash of the value of type `t` on the stack.
pub fn hash_value(fl: &mut FnLower, t: &Ty) {
    let t = match t {
        Ty::Ref(_, x) => (**x).clone(),
        Ty::Coll(CollKind::Reverse, ts) => ts[0].clone(),
        other => other.clone(),
    };
    match fl.lw.repr(&t) {
        None => fl.ic(0x3c6e_f372),
        Some(ValType::I32) => {}
        Some(ValType::I64) => {
            let x = fl.new_local(ValType::I64);
            fl.emit(I::LocalTee(x));
            fl.emit(I::I32WrapI64);
            fl.emit(I::LocalGet(x));
            fl.emit(I::I64Const(32));
            fl.emit(I::I64ShrU);
            fl.emit(I::I32WrapI64);
            fl.ic(0x27d4_eb2d);
            fl.emit(I::I32Mul);
            fl.emit(I::I32Xor);
        }
        Some(ValType::F32) => fl.emit(I::I32ReinterpretF32),
        Some(ValType::F64) => {
            fl.emit(I::I64ReinterpretF64);
            fl.emit(I::I32WrapI64);
        }
        Some(_) => {
            let f = hash_fn(fl.lw, &t);
            fl.emit(I::Call(f));
        }
    }
    // murmur3 fmix32
    let h = fl.new_local(ValType::I32);
    fl.ls(h);
    for (shift, mul) in [(16, 0x85eb_ca6bu32 as i32), (13, 0xc2b2_ae35u32 as i32)] {
        fl.lg(h);
        fl.lg(h);
        fl.ic(shift);
        fl.emit(I::I32ShrU);
        fl.emit(I::I32Xor);
        fl.ic(mul);
        fl.emit(I::I32Mul);
        fl.ls(h);
    }
    fl.lg(h);
    fl.lg(h);
    fl.ic(16);
    fl.emit(I::I32ShrU);
    fl.emit(I::I32Xor);
}

/// Structural hash of an aggregate (strings and sequences by content, structs/enums field by field),
/// consistent with `helpers::eq_fn`.
fn hash_fn(lw: &mut Lowerer, t: &Ty) -> u32 {
    let v = lw.repr(t).unwrap_or(ValType::I32);
    let key = format!("hash<{}>", lw.ck.ty_name(t));
    let (id, new) = lw.helper(&key, vec![v], vec![ValType::I32], false);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 1, Some(ValType::I32));
    let h = fl.new_local(ValType::I32);
    fl.ic(0x811c_9dc5u32 as i32);
    fl.ls(h);
    // h = (h ^ x) * FNV prime, x on the stack
    let mix = |fl: &mut FnLower| {
        fl.lg(h);
        fl.emit(I::I32Xor);
        fl.ic(0x0100_0193);
        fl.emit(I::I32Mul);
        fl.ls(h);
    };
    let struct_like = matches!(t, Ty::Tuple(_) | Ty::Adt(..) | Ty::Option(_) | Ty::Result(..));
    if let Ty::Coll(kind, ts) = t {
        // ordered collections by their items, cells by their value
        fl.lg(0);
        if kind.is_cell() {
            let inner = ts[0].clone();
            if fl.cell_value(*kind, &inner).is_some() {
                hash_value(&mut fl, &inner);
            } else {
                fl.emit(I::Drop);
                fl.ic(0);
            }
        } else if let Some(vt) = fl.coll_items_vec(*kind, ts) {
            hash_value(&mut fl, &vt);
        } else {
            fl.emit(I::Drop);
            fl.ic(0);
        }
        mix(&mut fl);
    } else if struct_like {
        let l = fl.lw.layout(t);
        let tys: Vec<Vec<Ty>> = match t {
            Ty::Tuple(ts) => vec![ts.clone()],
            Ty::Adt(a, args) => (0..fl.lw.ck.program.adts[*a].variants.len()).map(|v| fl.lw.ck.variant_fields(*a, args, v)).collect(),
            Ty::Option(x) => vec![vec![], vec![(**x).clone()]],
            Ty::Result(a, b) => vec![vec![(**a).clone()], vec![(**b).clone()]],
            _ => vec![],
        };
        if l.tagged {
            fl.lg(0);
            fl.sget(l.ty, 0);
            mix(&mut fl);
        }
        for (vi, fs) in tys.iter().enumerate() {
            let skip = fl.open(0, BlockType::Empty);
            if l.tagged {
                fl.lg(0);
                fl.sget(l.ty, 0);
                fl.ic(vi as i32);
                fl.emit(I::I32Ne);
                fl.br_if(skip);
            }
            for (fi, ft) in fs.iter().enumerate() {
                if let Some(w) = l.fields[vi].get(fi).copied().flatten() {
                    fl.lg(0);
                    fl.sget(l.ty, w);
                    hash_value(&mut fl, ft);
                    mix(&mut fl);
                }
            }
            fl.end();
        }
    } else {
        let elem = match t {
            Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => (**e).clone(),
            _ => Ty::Int(IntTy::U8),
        };
        let at = fl.lw.array_type(&elem);
        let (arr, len, start) = (fl.new_local(ref_ty(at)), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
        fl.seq_parts(0, t, arr, None, len);
        if let Some(st) = fl.slice_struct_of(t) {
            fl.lg(0);
            fl.sget(st, 1);
            fl.ls(start);
        }
        fl.count_loop(len, &mut |fl: &mut FnLower, i| {
            fl.lg(arr);
            fl.lg(start);
            fl.lg(i);
            fl.emit(I::I32Add);
            fl.array_get(at, &elem);
            if !matches!(elem, Ty::Int(IntTy::U8)) {
                hash_value(fl, &elem);
            }
            mix(fl);
        });
        fl.lg(len);
        mix(&mut fl);
    }
    fl.lg(h);
    fl.finish(id);
    id
}
