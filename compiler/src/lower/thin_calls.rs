//! The caller's side of thin monomorphization (`typeck::thin`): a thin instance returns its erased
//! result (`anyref`, or an `Option` of one), which becomes the caller's concrete type again.

use super::func::FnLower;
use crate::tir::TExpr;
use crate::types::Ty;
use wasm_encoder::Instruction as I;

/// Lowers `inner` (a call of a thin instance) and converts its value to `outer`.
pub fn unerase(fl: &mut FnLower, inner: &TExpr, outer: &Ty) {
    fl.expr(inner);
    let (from, to) = (fl.lw.repr(&inner.ty), fl.lw.repr(outer));
    if from == to {
        return; // same wasm type (`Vec<_>` is `Vec<Point>`)
    }
    match (&inner.ty, outer) {
        // `Option<_>` and `Option<Point>` are distinct structs: rebuild {tag, payload} around a cast.
        (Ty::Option(_), Ty::Option(x)) => {
            let (lin, lout) = (fl.lw.layout(&inner.ty), fl.lw.layout(outer));
            let (Some(Some(pin)), Some(h)) = (lin.fields.get(1).and_then(|v| v.first().copied()), fl.lw.unerase_cast(x)) else {
                return;
            };
            let src = fl.new_local(from.expect("an Option is a reference"));
            fl.emit(I::LocalSet(src));
            fl.emit(I::LocalGet(src));
            fl.emit(I::StructGet { struct_type_index: lin.ty, field_index: 0 });
            fl.emit(I::LocalGet(src));
            fl.emit(I::StructGet { struct_type_index: lin.ty, field_index: pin });
            fl.emit(I::RefCastNullable(h));
            fl.emit(I::StructNew(lout.ty));
        }
        _ => {
            if let Some(h) = fl.lw.unerase_cast(outer) {
                fl.emit(I::RefCastNullable(h));
            }
        }
    }
}
