//! Library builds: a reactor module. Its roots are the `#[wasm::export]` functions (see `crate::exports`);
//! `_initialize` (what WASI reactors export for set-up) has nothing to do yet.

use super::Lowerer;
use crate::diagnostics::codes;
use crate::exports::ExportDesc;
use crate::types::Ty;
use wasm_encoder::Instruction;

/// Declares `_initialize` and lowers every export; returns `_initialize`'s id.
pub fn entry(lw: &mut Lowerer, exports: &[ExportDesc]) -> u32 {
    let (init, _) = lw.helper("_initialize", vec![], vec![], false);
    lw.set_body(init, vec![], vec![Instruction::End]);
    for e in exports {
        let p = &lw.ck.program;
        let f = p.fns.iter().position(|d| !d.is_prelude && d.self_adt.is_none() && d.name == e.function && p.mods[d.module].path == e.module);
        let Some(f) = f else { continue };
        if !check_boundary_types(lw, f, &e.name) {
            continue;
        }
        let id = lw.user_fn(f);
        lw.exports.push((e.name.clone(), id));
    }
    init
}

/// Parameters and results must be numbers, bool, char, the GC types or `#[wasm::gc]` structs/enums
/// (which the `wasm` macros check natively too; this keeps bad input from reaching the emitter).
fn check_boundary_types(lw: &mut Lowerer, f: usize, export: &str) -> bool {
    let body = &lw.ck.bodies[&f];
    let mut types: Vec<Ty> = body.params.iter().map(|&l| body.locals[l].ty.clone()).collect();
    types.push(body.ret.clone());
    let span = lw.ck.program.fns[f].span.clone();
    for t in types {
        let ok = match &t {
            // i128/u128 are GC structs inside the module (see `wide.rs`): no wasm number carries them.
            Ty::Int(i) => !i.is128(),
            Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char | Ty::Unit => true,
            Ty::Gc(..) => true,
            Ty::Adt(_, _) => true,
            _ => false,
        };
        if !ok {
            let n = lw.ck.ty_name(&t);
            lw.error(codes::UNSUPPORTED_ITEM, &span, format!("`{n}` cannot cross the boundary of the export `{export}`"), Some("exports take and return numbers, bool, char, GcString, GcArray<T>, GcBox<T>, GcRc<T>, ExternRef and #[wasm::gc] types"));
            return false;
        }
    }
    true
}
