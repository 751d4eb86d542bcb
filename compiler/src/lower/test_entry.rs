//! Test mode in the lowering: the module's entry is the synthesized harness's `main` (see
//! `crate::test_harness`), and the prelude's `thread_name` (used by panic reports) is bound to the harness
//! function that names the running test.

use super::{FuncKey, Lowerer};
use crate::test_harness::{HARNESS_MOD, THREAD_NAME_FN};
use crate::typeck::Checked;
use crate::CrateKind;

/// A function of the harness module by name.
fn harness_fn(ck: &Checked, name: &str) -> Option<usize> {
    let p = &ck.program;
    p.fns.iter().position(|f| f.name == name && p.mods[f.module].path.len() == 1 && p.mods[f.module].path[0] == HARNESS_MOD)
}

/// The function `_start` calls: the harness's `main` in test mode, else the crate's `main`.
pub fn root_fn(lw: &Lowerer) -> Option<usize> {
    let ck = lw.ck;
    if lw.opts.kind == CrateKind::Test {
        return harness_fn(ck, "main");
    }
    ck.program.fns.iter().position(|f| f.name == "main" && f.module == ck.program.root_mod)
}

/// In test mode, calls to the prelude's `thread_name` go to the harness's, which names the running test.
pub fn bind_thread_name(lw: &mut Lowerer) {
    if lw.opts.kind != CrateKind::Test {
        return;
    }
    let ck = lw.ck;
    let prelude = ck.program.fns.iter().position(|d| d.is_prelude && d.name == "thread_name");
    if let (Some(prelude), Some(harness)) = (prelude, harness_fn(ck, THREAD_NAME_FN)) {
        let id = lw.user_fn(harness);
        lw.fn_map.insert(FuncKey::User(prelude), id);
    }
}
