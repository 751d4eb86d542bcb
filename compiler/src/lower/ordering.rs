//! Lowering of the `PartialOrd`/`Ord` methods typed by `typeck::methods::ord` (`ExprKind::Std("ord.*")`).
//! Comparisons reuse the structural `helpers::cmp_value` (derived order: struct fields in declaration
//! order, enums by variant index then fields), whose -1/0/1 plus one is the variant index of the
//! prelude's `Ordering` enum. (`then_with` is lowered with the iterator ops.)

use super::func::FnLower;
use super::helpers;
use crate::tir::TExpr;
use crate::types::Ty;
use wasm_encoder::{BlockType, Instruction as I};

fn strip(t: &Ty) -> Ty {
    match t {
        Ty::Ref(_, x) | Ty::Boxed(x) => strip(x),
        other => other.clone(),
    }
}

impl FnLower<'_, '_> {
    pub fn ord_op(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        let t = strip(&args[0].ty);
        match op {
            "ord.cmp" => {
                // -1/0/1 → the prelude `Ordering`'s variant index 0/1/2
                self.expr(&args[0]);
                self.expr(&args[1]);
                helpers::cmp_value(self, &t);
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
            }
            "ord.partial_cmp" => {
                self.expr(&args[0]);
                self.expr(&args[1]);
                helpers::cmp_value(self, &t);
                self.call_prelude("ordering_from_partial");
            }
            "ord.max" | "ord.min" => {
                // std: max returns the second argument when equal, min the first.
                let Some(v) = self.lw.repr(&t) else {
                    return;
                };
                self.expr(&args[0]);
                let a = self.stash(&t).unwrap();
                self.expr(&args[1]);
                let b = self.stash(&t).unwrap();
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(b));
                helpers::cmp_value(self, &t);
                self.emit(I::I32Const(0));
                self.emit(if op == "ord.max" { I::I32GtS } else { I::I32LeS });
                self.emit(I::If(BlockType::Result(v)));
                self.emit(I::LocalGet(a));
                self.emit(I::Else);
                self.emit(I::LocalGet(b));
                self.emit(I::End);
            }
            "ord.clamp" => {
                // assert!(min <= max), then max(min(self, hi), lo) as std.
                let Some(v) = self.lw.repr(&t) else {
                    return;
                };
                let mut locals = Vec::new();
                for a in &args[..3] {
                    self.expr(a);
                    locals.push(self.stash(&t).unwrap());
                }
                let (x, lo, hi) = (locals[0], locals[1], locals[2]);
                self.emit(I::LocalGet(lo));
                self.emit(I::LocalGet(hi));
                helpers::cmp_value(self, &t);
                self.emit(I::I32Const(0));
                self.emit(I::I32GtS);
                self.emit(I::If(BlockType::Empty));
                self.depth += 1;
                self.panic_const(&e.span, "assertion failed: min <= max");
                self.depth -= 1;
                self.emit(I::End);
                let out = self.new_local(v);
                self.emit(I::LocalGet(x));
                self.emit(I::LocalSet(out));
                for (bound, keep_if) in [(lo, I::I32LtS), (hi, I::I32GtS)] {
                    self.emit(I::LocalGet(out));
                    self.emit(I::LocalGet(bound));
                    helpers::cmp_value(self, &t);
                    self.emit(I::I32Const(0));
                    self.emit(keep_if);
                    self.emit(I::If(BlockType::Empty));
                    self.emit(I::LocalGet(bound));
                    self.emit(I::LocalSet(out));
                    self.emit(I::End);
                }
                self.emit(I::LocalGet(out));
            }
            _ => self.lw.error(crate::diagnostics::codes::UNKNOWN_METHOD, &e.span, format!("`{op}` is not supported by the wasm lowering yet"), None),
        }
    }
}
