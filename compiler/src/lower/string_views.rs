//! Consumers of a `String`'s text that skip the `&str` view.
//!
//! Why: `String` is `{buf, len}` and `&str` is `{buf, start, len}`, so `string_as_str` allocates a
//! GC struct each time a `String` is used where a `&str` is expected. For the hottest consumers —
//! `out.push_str(&s)` (and `format!` pieces, `+`, `extend`), `s.len()` / `s.is_empty()`,
//! `s.to_string()` / `s.clone()` and hashing a `String` key — the view is built only to be read
//! once, so the call right after `string_as_str` is replaced by a variant that reads the `String`
//! directly.
//!
//! The rewrite is a peephole on the instruction stream: it applies only when the `string_as_str`
//! call is the instruction just emitted (so its result is exactly the consumer's last argument, in
//! the same straight-line code).

use super::func::FnLower;
use crate::types::{IntTy, Ty};
use wasm_encoder::Instruction as I;

/// The prelude function taking `&String` in place of the `&str` last argument of `name`.
fn string_variant(name: &str) -> Option<&'static str> {
    match name {
        "string_push_str" | "__intrinsic_push_str" => Some("__intrinsic_push_string"),
        "DefaultHasher::write_str" => Some("DefaultHasher::write_string"),
        "str_to_string" => Some("string_to_string"),
        _ => None,
    }
}

impl FnLower<'_, '_> {
    /// The prelude function to call for `name`: its `&String` variant, with the preceding
    /// `string_as_str` call removed, when the view was just built for it; else `name`.
    pub fn fuse_string_view<'n>(&mut self, name: &'n str) -> &'n str {
        let Some(variant) = string_variant(name) else { return name };
        if self.pop_string_view() {
            return variant;
        }
        name
    }

    /// The byte length of the `&str` on the stack (`s.len()`, `s.is_empty()`); read from the
    /// `String` itself when the view was just built from one.
    pub fn view_len(&mut self) {
        let u8t = Ty::Int(IntTy::U8);
        if self.pop_string_view() {
            let vt = self.lw.vec_type(&u8t);
            self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
        } else {
            let st = self.lw.slice_type(&u8t);
            self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
        }
    }

    /// Removes a `string_as_str` call that is the last instruction emitted (leaving its `String`
    /// argument on the stack); false when the last instruction is anything else.
    fn pop_string_view(&mut self) -> bool {
        // Look the function up without declaring it: a program that never calls it must not get it.
        let p = &self.lw.ck.program;
        let Some(as_str) = p.fns.iter().position(|d| d.is_prelude && d.name == "string_as_str").and_then(|f| self.lw.fn_map.get(&super::FuncKey::User(f)).copied()) else {
            return false;
        };
        if matches!(self.code.last(), Some(I::Call(f)) if *f == as_str) {
            self.code.pop();
            return true;
        }
        false
    }
}
