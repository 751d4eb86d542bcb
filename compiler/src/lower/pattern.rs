//! Pattern matching: tests branch to a failure label; bindings initialize locals (or alias places for
//! `&mut` bindings of scalar fields and elements).

use super::func::FnLower;
use super::place::Place;
use super::reprs::ref_ty;
use crate::tir::{Arm, PatKind, TExpr, TPat};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, ValType};

/// Where a value being matched lives.
#[derive(Clone)]
pub struct Src {
    pub local: Option<u32>,
    pub place: Option<Place>,
}

impl FnLower<'_, '_> {
    pub fn match_expr(&mut self, scrut: &TExpr, arms: &[Arm], ty: &Ty) {
        if self.elem_opt_match(scrut, arms, ty) || self.match_no_alloc(scrut, arms, ty) {
            return;
        }
        self.expr_noncopy(scrut);
        let s = self.stash(&scrut.ty);
        let bt = self.bt(ty);
        let done = self.open(0, bt);
        for arm in arms {
            let next = self.open(0, BlockType::Empty);
            self.bind_pat(&arm.pat, Src { local: s, place: None }, next);
            self.arm_guard_and_body(arm, ty, next, done);
        }
        self.close_arms(ty);
    }

    /// The rest of a match arm once its pattern bound: the guard (falling through to `next` when it
    /// fails), the body, then a branch to the match's end `done`.
    pub(super) fn arm_guard_and_body(&mut self, arm: &Arm, ty: &Ty, next: u32, done: u32) {
        if let Some(g) = &arm.guard {
            self.expr(g);
            self.emit(I::I32Eqz);
            self.br_if(next);
        }
        self.expr(&arm.body);
        if self.lw.repr(ty).is_none() {
            self.drop_value(&arm.body.ty);
        }
        self.br(done);
        self.end();
    }

    /// Closes a match after its arms (no arm matched is unreachable: rustc checked exhaustiveness).
    pub(super) fn close_arms(&mut self, ty: &Ty) {
        self.emit(I::Unreachable);
        self.end();
        if matches!(ty, Ty::Never) {
            self.emit(I::Unreachable);
        }
    }

    pub fn let_else(&mut self, pat: &TPat, init: &TExpr, els: &TExpr) {
        self.expr_noncopy(init);
        let s = self.stash(&init.ty);
        let ok = self.open(0, BlockType::Empty);
        let fail = self.open(0, BlockType::Empty);
        self.bind_pat(pat, Src { local: s, place: None }, fail);
        self.br(ok);
        self.end();
        self.expr(els);
        self.end();
    }

    fn src_get(&mut self, src: &Src) {
        if let Some(l) = src.local {
            self.emit(I::LocalGet(l));
        }
    }

    pub fn bind_pat(&mut self, p: &TPat, src: Src, fail: u32) {
        match &p.kind {
            PatKind::Wild => {}
            PatKind::Bind(l, sub) => {
                if let Some(sub) = sub {
                    self.bind_pat(sub, src.clone(), fail);
                }
                let body = self.body.unwrap();
                let bt = body.locals[*l].ty.clone();
                if let (Ty::Ref(true, inner), Some(place)) = (&bt, &src.place) {
                    // Only a by-reference binding of the scalar itself aliases the place; a field that
                    // holds a `&mut` (a cell) is bound by value.
                    // (A 128-bit scalar or a shared reference is itself a reference: only its cell type
                    // means a held `&mut`.)
                    let holds_cell = match src.local.map(|l| self.local_valtype(l)) {
                        Some(Some(v)) if super::wide::is_wide(inner) || matches!(**inner, Ty::Ref(false, _)) => v == super::reprs::ref_ty(self.lw.cell_type(inner)),
                        Some(v) => matches!(v, Some(ValType::Ref(_))),
                        None => false,
                    };
                    if self.lw.is_scalar(inner) && !holds_cell {
                        self.aliases.insert(*l, place.clone());
                        return;
                    }
                }
                if src.local.is_none() {
                    return;
                }
                self.src_get(&src);
                if !matches!(bt, Ty::Ref(..)) {
                    self.copy_if_needed(&bt);
                }
                self.init_local_from_stack(*l);
            }
            PatKind::Lit(e) => {
                let t = p.ty.peel_refs().clone();
                match &t {
                    Ty::Int(i) if i.is128() => {
                        self.src_get(&src);
                        self.expr(e);
                        super::wide::compare(self, crate::tir::BinOp::Ne, *i);
                        self.br_if(fail);
                    }
                    Ty::Str | Ty::String => {
                        self.src_get(&src);
                        if matches!(t, Ty::String) {
                            let f = self.lw.prelude_fn("string_as_str");
                            self.emit(I::Call(f));
                        }
                        self.expr(e);
                        let f = self.lw.prelude_fn("str_eq");
                        self.emit(I::Call(f));
                        self.emit(I::I32Eqz);
                        self.br_if(fail);
                    }
                    _ => {
                        self.src_get(&src);
                        self.expr(e);
                        let ne = match self.lw.repr(&t) {
                            Some(ValType::I64) => I::I64Ne,
                            Some(ValType::F64) => I::F64Ne,
                            Some(ValType::F32) => I::F32Ne,
                            _ => I::I32Ne,
                        };
                        self.emit(ne);
                        self.br_if(fail);
                    }
                }
            }
            PatKind::Range(lo, hi, incl) if matches!(p.ty.peel_refs(), Ty::Int(i) if i.is128()) => {
                let Ty::Int(i) = p.ty.peel_refs().clone() else { return };
                if let Some(lo) = lo {
                    self.src_get(&src);
                    self.expr(lo);
                    super::wide::compare(self, crate::tir::BinOp::Lt, i);
                    self.br_if(fail);
                }
                if let Some(hi) = hi {
                    self.src_get(&src);
                    self.expr(hi);
                    super::wide::compare(self, if *incl { crate::tir::BinOp::Gt } else { crate::tir::BinOp::Ge }, i);
                    self.br_if(fail);
                }
            }
            PatKind::Range(lo, hi, incl) => {
                let t = p.ty.peel_refs().clone();
                let (signed, is64, fl) = match &t {
                    Ty::Int(i) => (i.signed(), i.is64(), false),
                    Ty::F64 | Ty::F32 => (true, false, true),
                    _ => (false, false, false),
                };
                if let Some(lo) = lo {
                    self.src_get(&src);
                    self.expr(lo);
                    self.emit(match (fl, is64, signed) {
                        (true, _, _) => if matches!(t, Ty::F64) { I::F64Lt } else { I::F32Lt },
                        (_, true, true) => I::I64LtS,
                        (_, true, false) => I::I64LtU,
                        (_, false, true) => I::I32LtS,
                        _ => I::I32LtU,
                    });
                    self.br_if(fail);
                }
                if let Some(hi) = hi {
                    self.src_get(&src);
                    self.expr(hi);
                    self.emit(match (fl, is64, signed, incl) {
                        (true, _, _, true) => if matches!(t, Ty::F64) { I::F64Gt } else { I::F32Gt },
                        (true, _, _, false) => if matches!(t, Ty::F64) { I::F64Ge } else { I::F32Ge },
                        (_, true, true, true) => I::I64GtS,
                        (_, true, false, true) => I::I64GtU,
                        (_, false, true, true) => I::I32GtS,
                        (_, false, false, true) => I::I32GtU,
                        (_, true, true, false) => I::I64GeS,
                        (_, true, false, false) => I::I64GeU,
                        (_, false, true, false) => I::I32GeS,
                        _ => I::I32GeU,
                    });
                    self.br_if(fail);
                }
            }
            PatKind::Deref(sub) => {
                if let Ty::Ref(true, inner) = &p.ty {
                    if self.lw.is_scalar(inner) {
                        let inner = (**inner).clone();
                        let c = self.lw.cell_type(&inner);
                        let Some(cl) = src.local else { return };
                        let v = self.lw.repr(&inner).unwrap();
                        let t = self.new_local(v);
                        self.emit(I::LocalGet(cl));
                        self.emit(I::StructGet { struct_type_index: c, field_index: 0 });
                        self.emit(I::LocalSet(t));
                        self.bind_pat(sub, Src { local: Some(t), place: Some(Place::Cell(cl, c)) }, fail);
                        return;
                    }
                }
                self.bind_pat(sub, src, fail);
            }
            PatKind::Tuple(ps) => {
                let t = p.ty.clone();
                let tys = match &t {
                    Ty::Tuple(ts) => ts.clone(),
                    _ => vec![],
                };
                let fields: Vec<(usize, TPat)> = ps.iter().cloned().enumerate().collect();
                self.bind_fields(&t, 0, &tys, &fields, &src, fail);
            }
            PatKind::Struct(a, fields) => {
                let t = Ty::Adt(*a, vec![]);
                let tys = self.lw.ck.adt_fields[*a][0].clone();
                self.bind_fields(&t, 0, &tys, fields, &src, fail);
            }
            PatKind::Variant(v, fields) => {
                let t = p.ty.peel_refs().clone();
                if let Ty::Adt(a, _) = t {
                    if self.lw.ck.adt_is_fieldless_enum(a) {
                        self.src_get(&src);
                        self.emit(I::I32Const(self.lw.ck.adt_discrs[a][*v] as i32));
                        self.emit(I::I32Ne);
                        self.br_if(fail);
                        return;
                    }
                }
                let l = self.lw.layout(&t);
                self.src_get(&src);
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                self.emit(I::I32Const(*v as i32));
                self.emit(I::I32Ne);
                self.br_if(fail);
                let tys: Vec<Ty> = match &t {
                    Ty::Adt(a, _) => self.lw.ck.adt_fields[*a][*v].clone(),
                    Ty::Option(x) => vec![(**x).clone()],
                    Ty::Result(a, b) => vec![if *v == 0 { (**a).clone() } else { (**b).clone() }],
                    _ => vec![],
                };
                self.bind_fields(&t, *v, &tys, fields, &src, fail);
            }
            PatKind::Or(alts) => {
                let ok = self.open(0, BlockType::Empty);
                // Every alternative binds the same locals: later alternatives move their values into the
                // wasm locals the first one allocated, which the arm body reads.
                let mut first_map: Option<Vec<Option<u32>>> = None;
                for alt in alts {
                    let next = self.open(0, BlockType::Empty);
                    self.bind_pat(alt, src.clone(), next);
                    match &first_map {
                        None => first_map = Some(self.local_map.clone()),
                        Some(first) => {
                            for (l, then) in first.clone().into_iter().enumerate() {
                                let now = self.local_map[l];
                                if now != then {
                                    if let (Some(n), Some(t)) = (now, then) {
                                        self.emit(I::LocalGet(n));
                                        self.emit(I::LocalSet(t));
                                    }
                                    self.local_map[l] = then;
                                }
                            }
                        }
                    }
                    self.br(ok);
                    self.end();
                }
                self.br(fail);
                self.end();
            }
            PatKind::Slice(pre, rest, post) => {
                let t = p.ty.peel_refs().clone();
                let elem = match &t {
                    Ty::Array(e, _) | Ty::Slice(e) => (**e).clone(),
                    _ => return,
                };
                let Some(sl) = src.local else { return };
                let arr_ty = self.lw.array_type(&elem);
                let arr = self.new_local(ref_ty(arr_ty));
                let len = self.new_local(ValType::I32);
                let start = self.new_local(ValType::I32);
                self.seq_parts(sl, &t, arr, None, len);
                if let Some(st) = self.slice_struct_of(&t) {
                    self.emit(I::LocalGet(sl));
                    self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
                    self.emit(I::LocalSet(start));
                }
                let n = (pre.len() + post.len()) as i32;
                self.emit(I::LocalGet(len));
                self.emit(I::I32Const(n));
                self.emit(if rest.is_some() { I::I32LtU } else { I::I32Ne });
                self.br_if(fail);
                let ev = self.lw.repr(&elem);
                for (i, q) in pre.iter().enumerate() {
                    let tl = ev.map(|v| self.new_local(v));
                    let idx = self.new_local(ValType::I32);
                    self.emit(I::LocalGet(start));
                    self.emit(I::I32Const(i as i32));
                    self.emit(I::I32Add);
                    self.emit(I::LocalSet(idx));
                    if let Some(tl) = tl {
                        self.emit(I::LocalGet(arr));
                        self.emit(I::LocalGet(idx));
                        self.array_get(arr_ty, &elem);
                        self.emit(I::LocalSet(tl));
                    }
                    let place = Place::Elem { arr, idx, arr_ty, elem: elem.clone() };
                    self.bind_pat(q, Src { local: tl, place: Some(place) }, fail);
                }
                for (j, q) in post.iter().enumerate() {
                    let tl = ev.map(|v| self.new_local(v));
                    let idx = self.new_local(ValType::I32);
                    self.emit(I::LocalGet(start));
                    self.emit(I::LocalGet(len));
                    self.emit(I::I32Add);
                    self.emit(I::I32Const((post.len() - j) as i32));
                    self.emit(I::I32Sub);
                    self.emit(I::LocalSet(idx));
                    if let Some(tl) = tl {
                        self.emit(I::LocalGet(arr));
                        self.emit(I::LocalGet(idx));
                        self.array_get(arr_ty, &elem);
                        self.emit(I::LocalSet(tl));
                    }
                    let place = Place::Elem { arr, idx, arr_ty, elem: elem.clone() };
                    self.bind_pat(q, Src { local: tl, place: Some(place) }, fail);
                }
                if let Some(r) = rest {
                    if let PatKind::Bind(..) = r.kind {
                        let st = self.lw.slice_type(&elem);
                        self.emit(I::LocalGet(arr));
                        self.emit(I::LocalGet(start));
                        self.emit(I::I32Const(pre.len() as i32));
                        self.emit(I::I32Add);
                        self.emit(I::LocalGet(len));
                        self.emit(I::I32Const(n));
                        self.emit(I::I32Sub);
                        self.emit(I::StructNew(st));
                        let tl = self.new_local(ref_ty(st));
                        self.emit(I::LocalSet(tl));
                        self.bind_pat(r, Src { local: Some(tl), place: None }, fail);
                    }
                }
            }
        }
    }

    fn bind_fields(&mut self, t: &Ty, variant: usize, tys: &[Ty], fields: &[(usize, TPat)], src: &Src, fail: u32) {
        let Some(obj) = src.local else { return };
        let l = self.lw.layout(t);
        for (i, q) in fields {
            if matches!(q.kind, PatKind::Wild) {
                continue;
            }
            let ft = tys.get(*i).cloned().unwrap_or(Ty::Unit);
            let wf = l.fields.get(variant).and_then(|v| v.get(*i).copied().flatten());
            match (wf, self.lw.repr(&ft)) {
                (Some(wf), Some(v)) => {
                    let tl = self.new_local(v);
                    self.emit(I::LocalGet(obj));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: wf });
                    self.emit(I::LocalSet(tl));
                    let place = Place::Field { obj, ty: l.ty, field: wf };
                    self.bind_pat(q, Src { local: Some(tl), place: Some(place) }, fail);
                }
                _ => self.bind_pat(q, Src { local: None, place: None }, fail),
            }
        }
        let _ = IntTy::U8;
    }
}
