//! Trait objects: building one (`struct.new $dyn` of the table tag and the concrete value) and calling
//! through one (a dispatch helper per table and method that tests the tag, casts the value back to its
//! concrete type and calls that type's implementation). See `typeck::dyn_trait` for the tables.

use super::func::FnLower;
use super::reprs::ref_ty;
use crate::tir::TExpr;
use crate::types::Ty;
use crate::typeck::DynImpl;
use wasm_encoder::{BlockType, HeapType, Instruction as I, ValType};

impl FnLower<'_, '_> {
    pub fn to_dyn(&mut self, _table: usize, tag: usize, inner: &TExpr) {
        self.expr(inner);
        let dt = self.lw.dyn_type();
        let v = self.lw.repr(&inner.ty);
        match v {
            Some(ValType::Ref(_)) => {
                let l = self.stash(&inner.ty).unwrap();
                self.emit(I::I32Const(tag as i32));
                self.emit(I::LocalGet(l));
            }
            None => {
                self.emit(I::I32Const(tag as i32));
                self.emit(I::RefNull(HeapType::ANY));
            }
            Some(_) => {
                self.lw.error(crate::diagnostics::codes::TRAITS, &inner.span, "a trait object of a number behind `&` is not supported yet", Some("box the value: `Box::new(x)`"));
                return;
            }
        }
        self.emit(I::StructNew(dt));
    }

    pub fn dyn_call(&mut self, table: usize, m: usize, args: &[TExpr], ret: &Ty) {
        let mut params = Vec::new();
        for a in args {
            self.expr(a);
            if let Some(v) = self.lw.repr(&a.ty) {
                params.push(v);
            }
        }
        let results: Vec<ValType> = self.lw.repr(ret).into_iter().collect();
        let f = dispatch_helper(self.lw, table, m, params, results);
        self.emit(I::Call(f));
        if matches!(ret, Ty::Never) {
            self.emit(I::Unreachable);
        }
    }
}

/// `dyn<table>.<method>(object, args..)`: tests the tag and calls the concrete implementation.
fn dispatch_helper(lw: &mut super::Lowerer, table: usize, m: usize, params: Vec<ValType>, results: Vec<ValType>) -> u32 {
    let key = format!("dyn{table}.{}", lw.ck.dyn_tables[table].methods[m]);
    let (id, new) = lw.helper(&key, params.clone(), results.clone(), false);
    if !new {
        return id;
    }
    let dt = lw.dyn_type();
    let entries = lw.ck.dyn_tables[table].entries.clone();
    let nargs = params.len() as u32 - 1;
    let mut fl = FnLower::new_helper(lw, params.len() as u32, results.first().copied());
    for (tag, (_, impls)) in entries.iter().enumerate() {
        let f = match &impls[m] {
            DynImpl::Fn(f) => *f,
            DynImpl::Closure(c) => match fl.lw.ck.closure_info.get(c) {
                Some(info) => info.lifted,
                None => continue,
            },
        };
        let callee = fl.lw.user_fn(f);
        let cparams = fl.lw.funcs[callee as usize].params.clone();
        fl.emit(I::LocalGet(0));
        fl.emit(I::StructGet { struct_type_index: dt, field_index: 0 });
        fl.emit(I::I32Const(tag as i32));
        fl.emit(I::I32Eq);
        fl.emit(I::If(BlockType::Empty));
        if cparams.len() as u32 == nargs + 1 {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: dt, field_index: 1 });
            if let ValType::Ref(r) = cparams[0] {
                fl.emit(I::RefCastNullable(r.heap_type));
            }
        }
        for i in 1..=nargs {
            fl.emit(I::LocalGet(i));
        }
        fl.emit(I::Call(callee));
        fl.emit(I::Return);
        fl.emit(I::End);
    }
    fl.emit(I::Unreachable);
    fl.finish(id);
    let _ = ref_ty;
    id
}
