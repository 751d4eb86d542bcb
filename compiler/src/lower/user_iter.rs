//! Iterator chains over a user `impl Iterator`: the source calls the type's `next` until it returns
//! `None` (std adapters and consumers then work on it like on any other source).

use super::func::FnLower;
use super::place::Place;
use crate::tir::{ExprKind, TExpr};
use crate::types::Ty;
use wasm_encoder::{BlockType, Instruction as I};

impl FnLower<'_, '_> {
    /// `IterSource("user", [&mut iterator, next(local), local])`; false for other sources.
    pub fn iterate_user(&mut self, it: &TExpr, each: &mut dyn FnMut(&mut FnLower, Option<u32>, Option<Place>, u32)) -> bool {
        let ExprKind::IterSource("user", args) = &it.kind else { return false };
        let ExprKind::Local(l) = args[2].kind else { return false };
        self.expr_noncopy(&args[0]);
        self.init_local_from_stack(l);
        let opt = args[1].ty.clone();
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.expr(&args[1]);
        let obj = self.stash(&opt).expect("Option is a reference");
        let lay = self.lw.layout(&opt);
        self.emit(I::LocalGet(obj));
        self.emit(I::StructGet { struct_type_index: lay.ty, field_index: 0 });
        self.emit(I::I32Eqz);
        self.br_if(done);
        let item = self.payload(obj, &opt, 1);
        let cont = self.open(0, BlockType::Empty);
        each(self, item, None, cont);
        self.end();
        self.br(lp);
        self.end();
        self.end();
        let _ = Ty::Unit;
        true
    }
}
