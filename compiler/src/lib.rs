//! WasmRust compiler: lowers an ordinary Rust binary crate (read with `syn`) to a WebAssembly GC module.
//!
//! Pipeline (one module per pass): [`load`] → [`resolve`] → [`typeck`] → [`lower`] → [`emit`].
//! The std surface lives in `src/std/*.rs`, Rust source compiled by this same compiler on intrinsics.

pub mod collections;
pub mod diagnostics;
pub mod load;
pub mod rc_drops;
pub mod lower;
pub mod emit;
pub mod exports;
pub mod gc_borrows;
pub mod gc_types;
pub mod resolve;
pub mod test_harness;
pub mod tir;
pub mod tir_walk;
pub mod typeck;
pub mod types;

use std::path::PathBuf;

pub use diagnostics::{Diagnostic, Diagnostics};
pub use test_harness::{ShouldPanic, TestDesc};

/// What kind of crate is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrateKind {
    Bin,
    Lib,
    /// The crate built as its test harness: `cfg(test)` on, `_start` runs the `#[test]` fn whose index is argv[1].
    Test,
}

/// Inputs of one compilation.
#[derive(Clone, Debug)]
pub struct CompileOptions {
    /// Directory of Cargo.toml; paths in panics and diagnostics are shown relative to it.
    pub package_root: PathBuf,
    /// Absolute path of src/main.rs (or lib.rs).
    pub crate_root: PathBuf,
    pub crate_name: String,
    pub kind: CrateKind,
    /// dev: true, release: false (as rustc).
    pub overflow_checks: bool,
    pub debug_assertions: bool,
    pub optimize: bool,
    /// Enabled cargo features, for `cfg(feature = "...")`.
    pub features: Vec<String>,
}

/// The emitted module and figures about it.
#[derive(Clone, Debug)]
pub struct CompileOutput {
    pub wasm: Vec<u8>,
    pub stats: CompileStats,
    /// The `#[test]` functions in harness index order (empty unless `CrateKind::Test`).
    pub tests: Vec<TestDesc>,
}

#[derive(Clone, Debug, Default)]
pub struct CompileStats {
    /// Number of functions defined in the module (imports excluded).
    pub functions: usize,
    /// Bytes of the module that must arrive before the body of the first exported function is complete.
    pub bytes_before_first_export: usize,
    /// Functions removed by identical-code folding (monomorphized copies with the same wasm code).
    pub folded_functions: usize,
    /// Thin monomorphization: generic instances whose calls went to a shared thin instance, and how
    /// many thin instances they share.
    pub thin_instances: usize,
    pub thin_bodies: usize,
}

/// Compiles the crate described by `opts`. Never panics: an internal panic becomes `error[W0000]`.
pub fn compile(opts: &CompileOptions) -> Result<CompileOutput, Diagnostics> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| compile_inner(opts)));
    match result {
        Ok(r) => r,
        Err(payload) => {
            let msg = if let Some(s) = payload.downcast_ref::<&str>() {
                s.to_string()
            } else if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else {
                "unknown panic".to_string()
            };
            Err(Diagnostics(vec![Diagnostic {
                code: diagnostics::codes::ICE,
                message: format!("internal compiler error: {msg}"),
                file: opts.crate_root.display().to_string(),
                source_line: String::new(),
                line: 0,
                col: 0,
                len: 1,
                label: String::new(),
                help: Some("this is a bug in WasmRust; please report it with the program that triggered it".into()),
            }]))
        }
    }
}

fn compile_inner(opts: &CompileOptions) -> Result<CompileOutput, Diagnostics> {
    let mut krate = load::load(opts)?;
    exports::lower_async_fns(&mut krate);
    let tests = if opts.kind == CrateKind::Test { test_harness::install(&mut krate)? } else { Vec::new() };
    let exports = if opts.kind == CrateKind::Lib { exports::install(&mut krate)? } else { Vec::new() };
    let program = resolve::resolve(krate).map_err(Diagnostics)?;
    let mut checked = typeck::check(program).map_err(Diagnostics)?;
    gc_borrows::instrument(&mut checked);
    rc_drops::instrument(&mut checked).map_err(Diagnostics)?;
    let ir = lower::lower(&checked, opts, &exports).map_err(Diagnostics)?;
    let (wasm, mut stats) = emit::emit(ir).map_err(|d| Diagnostics(vec![d]))?;
    stats.thin_instances = checked.thin.redirected;
    stats.thin_bodies = checked.thin.shared_bodies;
    Ok(CompileOutput { wasm, stats, tests })
}
