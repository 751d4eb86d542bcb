//! Allocation-free `match` on tuple expressions and on `v.get(i)` / `v.first()` / `v.last()`.
//!
//! Why: tuples and `Option`s are GC structs, so `match (v.get(i), expected) { (Some(A), A) => .. }`
//! built two heap objects per evaluation just to take them apart again, and on wasmtime each GC
//! allocation is a libcall into a free-list allocator. Here a tuple scrutinee is never built: each
//! component is evaluated into a local (left to right, as the tuple would be) and matched in place;
//! a `seq.get`-style `Option<&T>` becomes a "present" flag plus the element read (the same reads,
//! bounds test and order as `std_op("seq.get")`).
//!
//! Only patterns that take the scrutinee apart qualify: a pattern naming the whole tuple or the
//! whole `Option` (a binding, `x @ ..`), or binding a `&mut` to a component (which would alias the
//! tuple's field), falls back to the general lowering.

use super::func::FnLower;
use super::pattern::Src;
use super::place::Place;
use crate::tir::{Arm, ExprKind, PatKind, TExpr, TPat};
use crate::types::Ty;
use wasm_encoder::{BlockType, Instruction as I};

/// One component of a scrutinee, already evaluated.
enum Part {
    /// The value in a local (None for zero-sized types).
    Value(Option<u32>),
    /// An `Option<&T>` of a sequence element: the present flag and the element (valid when present).
    Elem { present: u32, val: Option<u32> },
}

/// `seq.get`/`seq.first`/`seq.last` on a Vec, array or slice.
fn is_elem_get(e: &TExpr) -> bool {
    matches!(&e.kind, ExprKind::Std("seq.get" | "seq.first" | "seq.last", args)
        if matches!(args[0].ty.peel_refs(), Ty::Vec(_) | Ty::Array(..) | Ty::Slice(_)))
        && matches!(e.ty, Ty::Option(_))
}

/// A pattern on an `Option` that only tests `None` / `Some(p)` (or ignores it).
fn is_option_split(p: &TPat) -> bool {
    match &p.kind {
        PatKind::Wild => true,
        PatKind::Variant(0, fs) => fs.is_empty(),
        PatKind::Variant(1, fs) => fs.len() == 1 && fs[0].0 == 0,
        _ => false,
    }
}

impl FnLower<'_, '_> {
    /// Lowers `match scrut { arms }` without building a tuple or `Option` scrutinee when possible;
    /// false (nothing emitted) otherwise.
    pub fn match_no_alloc(&mut self, scrut: &TExpr, arms: &[Arm], ty: &Ty) -> bool {
        if arms.iter().any(|a| self.pat_binds_mut_ref(&a.pat)) {
            return false;
        }
        let parts: Vec<Part> = match &scrut.kind {
            ExprKind::Tuple(items) if arms.iter().all(|a| match &a.pat.kind {
                PatKind::Wild => true,
                PatKind::Tuple(ps) => ps.len() == items.len(),
                _ => false,
            }) => {
                let split: Vec<bool> = (0..items.len())
                    .map(|i| {
                        is_elem_get(&items[i])
                            && arms.iter().all(|a| match &a.pat.kind {
                                PatKind::Tuple(ps) => is_option_split(&ps[i]),
                                _ => true,
                            })
                    })
                    .collect();
                items.iter().zip(split).map(|(it, s)| self.part(it, s)).collect()
            }
            _ if is_elem_get(scrut) && arms.iter().all(|a| is_option_split(&a.pat)) => vec![self.part(scrut, true)],
            _ => return false,
        };
        let whole_tuple = matches!(scrut.kind, ExprKind::Tuple(_));
        let bt = self.bt(ty);
        let done = self.open(0, bt);
        for arm in arms {
            let next = self.open(0, BlockType::Empty);
            match &arm.pat.kind {
                PatKind::Tuple(ps) if whole_tuple => {
                    for (p, part) in ps.iter().zip(&parts) {
                        self.bind_part(p, part, next);
                    }
                }
                _ if whole_tuple => {} // `_`
                _ => self.bind_part(&arm.pat, &parts[0], next),
            }
            self.arm_guard_and_body(arm, ty, next, done);
        }
        self.close_arms(ty);
        true
    }

    /// Evaluates one scrutinee component: as an element-or-absent pair when `split`, else a value.
    fn part(&mut self, e: &TExpr, split: bool) -> Part {
        if !split {
            self.expr_noncopy(e);
            return Part::Value(self.stash(&e.ty));
        }
        let ExprKind::Std(op, args) = &e.kind else { unreachable!("is_elem_get checked the shape") };
        // The element's place when present, as `first_mut`/`get_mut` find it (`elem_refs`).
        let (present, place) = self.elem_opt_place(op, args);
        let Place::Elem { elem, .. } = &place else { unreachable!("elem_opt_place gives an element") };
        let val = self.lw.repr(elem).map(|v| self.new_local(v));
        if let Some(v) = val {
            self.emit(I::LocalGet(present));
            self.emit(I::If(BlockType::Empty));
            self.load(&place);
            self.emit(I::LocalSet(v));
            self.emit(I::End);
        }
        Part::Elem { present, val }
    }

    fn bind_part(&mut self, p: &TPat, part: &Part, fail: u32) {
        match part {
            Part::Value(l) => self.bind_pat(p, Src { local: *l, place: None }, fail),
            Part::Elem { present, val } => match &p.kind {
                PatKind::Variant(0, _) => {
                    self.emit(I::LocalGet(*present));
                    self.br_if(fail);
                }
                PatKind::Variant(1, fs) => {
                    self.emit(I::LocalGet(*present));
                    self.emit(I::I32Eqz);
                    self.br_if(fail);
                    self.bind_pat(&fs[0].1, Src { local: *val, place: None }, fail);
                }
                _ => {} // `_`
            },
        }
    }

    /// Whether `p` binds a `&mut` (which the general lowering may alias to the scrutinee's place).
    fn pat_binds_mut_ref(&self, p: &TPat) -> bool {
        match &p.kind {
            PatKind::Bind(l, sub) => {
                matches!(self.body.map(|b| &b.locals[*l].ty), Some(Ty::Ref(true, _))) || sub.as_ref().is_some_and(|s| self.pat_binds_mut_ref(s))
            }
            PatKind::Tuple(ps) | PatKind::Or(ps) => ps.iter().any(|q| self.pat_binds_mut_ref(q)),
            PatKind::Struct(_, fs) | PatKind::Variant(_, fs) => fs.iter().any(|(_, q)| self.pat_binds_mut_ref(q)),
            PatKind::Deref(q) => self.pat_binds_mut_ref(q),
            PatKind::Slice(a, r, b) => a.iter().chain(b.iter()).any(|q| self.pat_binds_mut_ref(q)) || r.as_ref().is_some_and(|q| self.pat_binds_mut_ref(q)),
            PatKind::Wild | PatKind::Lit(_) | PatKind::Range(..) => false,
        }
    }
}
