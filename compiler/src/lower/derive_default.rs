//! `Default::default()` of aggregates: `#[derive(Default)]` structs (every field's default), enums
//! (their `#[default]` unit variant), tuples, `Option` (None) and arrays. Std leaves (String, Vec,
//! numbers, bool, char) come from `FnLower::default_of`. One generated helper per type, so nested
//! defaults stay small and every call builds fresh objects (a default `Vec` field is never shared).

use super::func::FnLower;
use super::helpers;
use crate::tir::TExpr;
use crate::types::Ty;
use wasm_encoder::{BlockType, Instruction as I, ValType};

/// Whether `t` has a default this lowering can build (the native build already checked `Default`).
fn supported(fl: &FnLower, t: &Ty) -> bool {
    match t {
        Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char | Ty::Unit | Ty::String | Ty::Vec(_) | Ty::Option(_) => true,
        Ty::Tuple(ts) => ts.iter().all(|x| supported(fl, x)),
        Ty::Array(x, _) => supported(fl, x),
        Ty::Adt(a, _) => {
            let d = &fl.lw.ck.program.adts[*a];
            // a hand-written `impl Default` is not structural: typeck calls it (`derived_default`)
            if !d.derives("Default") {
                return false;
            }
            if d.is_enum {
                fl.lw.ck.program.default_variants.get(a).is_some_and(|&v| d.variants[v].fields.is_empty())
            } else {
                fl.lw.ck.adt_fields[*a][0].iter().all(|x| supported(fl, x))
            }
        }
        _ => false,
    }
}

impl FnLower<'_, '_> {
    /// Pushes `Default::default()` of an aggregate `t`; false (nothing emitted) when unsupported.
    pub fn default_aggregate(&mut self, t: &Ty, e: &TExpr) -> bool {
        if !supported(self, t) {
            return false;
        }
        let Some(v) = self.lw.repr(t) else {
            return true;
        };
        let key = format!("default<{}>", self.lw.ck.ty_name(t));
        let (id, new) = self.lw.helper(&key, vec![], vec![v], false);
        if new {
            let mut fl = FnLower::new_helper(self.lw, 0, Some(v));
            fl.default_body(t, e);
            fl.finish(id);
        }
        self.emit(I::Call(id));
        true
    }

    fn default_body(&mut self, t: &Ty, e: &TExpr) {
        match t {
            Ty::Adt(a, _) if self.lw.ck.adt_is_fieldless_enum(*a) => {
                let v = self.lw.ck.program.default_variants[a];
                self.emit(I::I32Const(self.lw.ck.adt_discrs[*a][v] as i32));
            }
            Ty::Adt(_, _) | Ty::Tuple(_) | Ty::Option(_) => {
                let l = self.lw.layout(t);
                let (variant, all): (usize, Vec<Vec<Ty>>) = match t {
                    Ty::Adt(a, _) => {
                        let d = &self.lw.ck.program.adts[*a];
                        let v = if d.is_enum { self.lw.ck.program.default_variants[a] } else { 0 };
                        (v, self.lw.ck.adt_fields[*a].clone())
                    }
                    Ty::Tuple(ts) => (0, vec![ts.clone()]),
                    Ty::Option(x) => (0, vec![vec![], vec![(**x).clone()]]),
                    _ => unreachable!(),
                };
                if l.tagged {
                    self.emit(I::I32Const(variant as i32));
                }
                for (vi, fs) in all.iter().enumerate() {
                    for (fi, ft) in fs.iter().enumerate() {
                        if l.fields[vi][fi].is_none() {
                            continue;
                        }
                        if vi == variant && !matches!(t, Ty::Option(_)) {
                            self.default_of(ft, e);
                        } else {
                            helpers::default_value(self, ft);
                        }
                    }
                }
                self.emit(I::StructNew(l.ty));
            }
            Ty::Array(x, n) => {
                // n fresh defaults (element objects must not be shared)
                let at = self.lw.array_type(x);
                let arr = self.new_local(super::reprs::ref_ty(at));
                self.emit(I::I32Const(*n as i32));
                self.emit(I::ArrayNewDefault(at));
                self.emit(I::LocalSet(arr));
                if !matches!(self.lw.repr(x), Some(ValType::Ref(_))) && !matches!(**x, Ty::Adt(_, _)) {
                    // numeric zero is already the default
                } else {
                    let i = self.new_local(ValType::I32);
                    let done = self.open(0, BlockType::Empty);
                    let lp = self.open(1, BlockType::Empty);
                    self.emit(I::LocalGet(i));
                    self.emit(I::I32Const(*n as i32));
                    self.emit(I::I32GeU);
                    self.br_if(done);
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    self.default_of(x, e);
                    self.emit(I::ArraySet(at));
                    self.emit(I::LocalGet(i));
                    self.emit(I::I32Const(1));
                    self.emit(I::I32Add);
                    self.emit(I::LocalSet(i));
                    self.br(lp);
                    self.end();
                    self.end();
                }
                self.emit(I::LocalGet(arr));
            }
            _ => self.default_of(t, e),
        }
    }
}
