//! String operations added with issue 4 that need the lowering: `Chars::as_str` of a stored `chars()`
//! iterator and `String::into_bytes` (free: a `Vec<u8>` is a `String`).

use super::func::FnLower;
use crate::tir::TExpr;
use crate::types::Ty;
use wasm_encoder::Instruction as I;

impl FnLower<'_, '_> {
    /// `chars.as_str()` (the rest of a stored `Chars`: {items, pos}) and `String::into_bytes` (free).
    pub fn text_op(&mut self, op: &str, args: &[TExpr]) {
        self.expr(&args[0]);
        if op == "chars.as_str" {
            let it = self.lw.iter_type(&Ty::Char);
            let v = self.new_local(super::reprs::ref_ty(it));
            self.emit(I::LocalTee(v));
            self.emit(I::StructGet { struct_type_index: it, field_index: 0 });
            self.emit(I::LocalGet(v));
            self.emit(I::StructGet { struct_type_index: it, field_index: 1 });
            self.call_prelude("chars_rest_as_str");
        }
    }
}
