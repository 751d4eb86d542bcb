//! `&str` literals built once and cached in a global, instead of on every evaluation.
//!
//! Why: a literal is a GC byte array plus a `&[u8]` slice struct. Built afresh, `out.push_str("null")`
//! costs two GC allocations and a copy out of the data segment each time it runs, and a `const`
//! table of 16 literals indexed in a loop costs 33 allocations per lookup. On wasmtime every GC
//! allocation is a libcall into a free-list allocator (and every dead object a deallocation), which
//! made string-heavy programs 10–50× slower than rustc's code. Cached, a literal costs a
//! `global.get`: every literal is built once by the module's start function (`init_literals`).
//!
//! Sharing one slice object between all evaluations of a literal is sound because `&str` is
//! immutable: nothing writes into a `&[u8]` slice struct or into the byte array behind a `&str`
//! (owned strings copy: `String::from`, `to_string`, `to_owned` push the bytes into a new buffer).
//! Nothing stores into a slice struct in place: a `&mut &str` is a cell (shared references count as
//! scalars, `reprs::is_scalar`), so `*r = "…"` rebinds the cell and never writes into the literal.
//!
//! The same goes for reading an element of a constant table, `WORDS[i]` with
//! `const WORDS: [&str; 12] = [..]` (a `const` is inlined at each use, so every lookup used to build
//! the whole array): an array literal of scalar or `&str` literals that is only indexed for reading
//! is built once into a global. The array never escapes (only the element is read), so sharing it
//! cannot be observed.

use super::func::FnLower;
use super::reprs::ref_ty;
use super::Lowerer;
use crate::diagnostics::Span;
use crate::tir::{ExprKind, TExpr};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, ValType};

/// `global_map` key prefix of the global holding a `&str` literal.
const LIT_KEY: &str = "str_lit:";

/// Declares the module's start function (run by the engine at instantiation, before `_start`,
/// `_initialize` or any export) that builds every `&str` literal into its global; None when the
/// program has no literal. Built eagerly rather than on first use: a use is then a single
/// `global.get` (2 bytes, smaller than building the literal in place), with no null test.
pub fn init_literals(lw: &mut Lowerer) -> Option<u32> {
    let mut lits: Vec<(u32, String)> = lw.global_map.iter().filter_map(|(k, &g)| k.strip_prefix(LIT_KEY).map(|s| (g, s.to_string()))).collect();
    if lits.is_empty() {
        return None;
    }
    lits.sort();
    let (id, _) = lw.helper("__init_literals", vec![], vec![], false);
    let mut fl = FnLower::new_helper(lw, 0, None);
    for (g, s) in &lits {
        fl.str_lit(s);
        fl.emit(I::GlobalSet(*g));
    }
    fl.finish(id);
    Some(id)
}

/// A key naming the contents of `items` when it is an array literal of scalar / `&str` literals
/// (what `const_table_index` can cache); None otherwise.
pub fn const_table_key(base: &TExpr) -> Option<String> {
    let (ExprKind::Array(items), Ty::Array(elem, _)) = (&base.kind, &base.ty) else { return None };
    if items.is_empty() || super::wide::is_wide(elem) {
        return None;
    }
    let mut key = format!("const_table:{elem:?}:");
    for it in items {
        let part = match &it.kind {
            ExprKind::Str(s) => format!("s{}:{s}", s.len()),
            ExprKind::Int(v) => format!("i{v}"),
            ExprKind::Float(f) => format!("f{}", f.to_bits()),
            ExprKind::Bool(b) => format!("b{}", *b as u8),
            ExprKind::Char(c) => format!("c{}", *c as u32),
            _ => return None,
        };
        key.push_str(&part);
        key.push(',');
    }
    Some(key)
}

impl FnLower<'_, '_> {
    /// Emits the `&str` literal `s`: a read of its global (one per distinct text), which
    /// `init_literals` fills when the module is instantiated.
    pub fn str_lit_cached(&mut self, s: &str) {
        let u8t = Ty::Int(IntTy::U8);
        let sl = self.lw.slice_type(&u8t);
        let key = format!("{LIT_KEY}{s}");
        let g = match self.lw.global_map.get(&key) {
            Some(&g) => g,
            None => {
                let g = self.lw.globals.len() as u32;
                self.lw.globals.push(sl);
                self.lw.global_map.insert(key, g);
                g
            }
        };
        self.emit(I::GlobalGet(g));
    }

    /// Emits the shared zero-length byte array, the buffer of every new empty `String`.
    pub fn empty_bytes(&mut self) {
        let arr = self.lw.array_type(&Ty::Int(IntTy::U8));
        self.empty_array(arr);
    }

    /// Emits the shared zero-length array of type `arr`, the buffer of every new empty `String` /
    /// `Vec`: it has no element to write, and growing always allocates a new array, so sharing it
    /// is unobservable and saves one GC allocation per `String::new()` / `Vec::new()`.
    pub fn empty_array(&mut self, arr: u32) {
        let key = format!("empty_array:{arr}");
        let g = match self.lw.global_map.get(&key) {
            Some(&g) => g,
            None => {
                let g = self.lw.globals.len() as u32;
                self.lw.globals.push(arr);
                self.lw.global_map.insert(key, g);
                g
            }
        };
        self.emit(I::Block(BlockType::Result(ref_ty(arr))));
        self.emit(I::GlobalGet(g));
        self.emit(I::BrOnNonNull(0));
        self.emit(I::I32Const(0));
        self.emit(I::ArrayNewDefault(arr));
        self.emit(I::GlobalSet(g));
        self.emit(I::GlobalGet(g));
        self.emit(I::End);
    }

    /// `base[idx]` read, where `base` is a constant table (`const_table_key` gave `key`): the array
    /// comes from its cache global; bounds check and panic message as `bounds_checked_index`.
    pub fn const_table_index(&mut self, key: String, base: &TExpr, idx: &TExpr, e: &TExpr) {
        let (ExprKind::Array(items), Ty::Array(elem, _)) = (&base.kind, &base.ty) else { unreachable!("const_table_key checked the shape") };
        let arr_ty = self.lw.array_type(elem);
        let g = match self.lw.global_map.get(&key) {
            Some(&g) => g,
            None => {
                let g = self.lw.globals.len() as u32;
                self.lw.globals.push(arr_ty);
                self.lw.global_map.insert(key, g);
                g
            }
        };
        self.emit(I::Block(BlockType::Result(ref_ty(arr_ty))));
        self.emit(I::GlobalGet(g));
        self.emit(I::BrOnNonNull(0));
        self.expr(base);
        self.emit(I::GlobalSet(g));
        self.emit(I::GlobalGet(g));
        self.emit(I::End);
        let arr = self.new_local(ref_ty(arr_ty));
        self.emit(I::LocalSet(arr));
        self.expr(idx);
        let i = self.new_local(ValType::I32);
        self.emit(I::LocalSet(i));
        self.table_bounds_check(i, items.len() as i32, &e.span);
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(i));
        self.array_get(arr_ty, elem);
        self.copy_if_needed(&e.ty);
    }

    fn table_bounds_check(&mut self, i: u32, len: i32, span: &Span) {
        self.emit(I::LocalGet(i));
        self.emit(I::I32Const(len));
        self.emit(I::I32GeU);
        self.open(2, BlockType::Empty);
        let loc = self.loc_string(span);
        self.str_lit(&loc);
        self.emit(I::I32Const(len));
        self.emit(I::LocalGet(i));
        let f = self.lw.prelude_fn("panic_bounds");
        self.emit(I::Call(f));
        self.emit(I::Unreachable);
        self.end();
    }

    /// `&Enum::Unit` of an enum whose values are GC structs (it has variants with fields): the
    /// value is built once into a global, as rustc promotes such a borrow to a static. Nothing can
    /// write through a shared reference to a unit variant (no fields, no interior mutability, no
    /// `Drop`), so every evaluation may share it. False (nothing emitted) for anything else.
    pub fn shared_unit_variant(&mut self, inner: &TExpr) -> bool {
        let (ExprKind::Variant(v, args), Ty::Adt(a, _)) = (&inner.kind, &inner.ty) else { return false };
        if !args.is_empty() || self.lw.ck.adt_is_fieldless_enum(*a) || !matches!(self.lw.repr(&inner.ty), Some(ValType::Ref(_))) {
            return false;
        }
        let st = self.lw.layout(&inner.ty).ty;
        let key = format!("unit_variant:{}:{v}", self.lw.ck.ty_name(&inner.ty));
        let g = match self.lw.global_map.get(&key) {
            Some(&g) => g,
            None => {
                let g = self.lw.globals.len() as u32;
                self.lw.globals.push(st);
                self.lw.global_map.insert(key, g);
                g
            }
        };
        self.emit(I::Block(BlockType::Result(ref_ty(st))));
        self.emit(I::GlobalGet(g));
        self.emit(I::BrOnNonNull(0));
        self.expr(inner);
        self.emit(I::GlobalSet(g));
        self.emit(I::GlobalGet(g));
        self.emit(I::End);
        true
    }
}
