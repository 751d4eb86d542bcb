//! WASI preview 1 (`wasi_snapshot_preview1`) for command modules.
//!
//! The context ([`WasiCtx`]) lives in the store; host functions find the calling instance's exported
//! `memory` through `Store::caller_instance`. `preview1` holds the functions; unknown imports make
//! instantiation fail with an unlinkable error naming the import.

mod preview1;

use std::path::PathBuf;

use crate::error::Error;
use crate::store::{Extern, Store};

/// How to run a WASI program.
#[derive(Debug, Default, Clone)]
pub struct WasiConfig {
    /// `argv`, including the program name.
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Host directory and the guest path it is visible under.
    pub preopens: Vec<(PathBuf, String)>,
    /// Instruction budget; `None` is unlimited.
    pub fuel: Option<u64>,
    /// Capture stdout/stderr into the outcome instead of inheriting the host's.
    pub capture_output: bool,
}

/// What a command run produced.
#[derive(Debug, Clone, Default)]
pub struct CommandOutcome {
    pub exit_code: i32,
    /// Captured stdout (only with `capture_output`).
    pub stdout: Vec<u8>,
    /// Captured stderr (only with `capture_output`).
    pub stderr: Vec<u8>,
}

/// Per-store WASI state.
pub struct WasiCtx {
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
    pub(crate) preopens: Vec<(PathBuf, String)>,
    pub(crate) capture: bool,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
    /// Descriptors closed by the guest.
    pub(crate) closed: Vec<u32>,
}

impl WasiCtx {
    pub fn new(config: &WasiConfig) -> WasiCtx {
        WasiCtx {
            args: config.args.clone(),
            env: config.env.clone(),
            preopens: config.preopens.clone(),
            capture: config.capture_output,
            stdout: Vec::new(),
            stderr: Vec::new(),
            closed: Vec::new(),
        }
    }
}

/// Compiles and instantiates `wasm` with WASI imports provided; returns the store and instance.
pub fn instantiate_with_wasi(wasm: &[u8], config: WasiConfig) -> Result<(Store, u32), Error> {
    let mut store = Store::new();
    store.wasi = Some(WasiCtx::new(&config));
    let module = store.compile(wasm)?;
    let inst = store.instantiate(&module, &mut |s, m, n| {
        if m == preview1::MODULE { preview1::define(s, n).map(Extern::Func) } else { None }
    })?;
    store.set_fuel(config.fuel);
    Ok((store, inst))
}

/// Validates, instantiates and runs `_start` of a WASI preview-1 command module.
pub fn run_command(wasm: &[u8], config: WasiConfig) -> Result<CommandOutcome, Error> {
    let (mut store, inst) = instantiate_with_wasi(wasm, config)?;
    let Some(Extern::Func(start)) = store.instance_export(inst, "_start") else {
        return Err(Error::Host("module has no exported `_start` function".into()));
    };
    let exit_code = match store.call_func(start, &[]) {
        Ok(_) => 0,
        Err(Error::Exit(c)) => c,
        Err(e) => return Err(e),
    };
    let ctx = store.wasi.take().expect("wasi context");
    Ok(CommandOutcome { exit_code, stdout: ctx.stdout, stderr: ctx.stderr })
}
