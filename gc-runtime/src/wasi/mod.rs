//! WASI preview 1 (`wasi_snapshot_preview1`), all of it, for command modules and embedders.
//!
//! The context ([`WasiCtx`]) lives in the store; host functions find the calling instance's
//! exported `memory` through `Store::caller_instance`. Directories are capabilities: each preopen
//! (`--dir HOST[::GUEST]`) is a descriptor, and every path is resolved component by component under
//! the directory descriptor it is relative to ([`sandbox`]), so `..`, absolute paths and symlinks
//! cannot escape (`EPERM`, as in wasmtime). `proc_raise` is `ENOSYS`; the `sock_*` functions are `ENOTSUP`
//! (preview 1 has no way to create sockets and none are preopened).

mod errno;
mod fdtable;
mod preview1;
pub mod sandbox;

use std::path::PathBuf;
use std::time::Instant;

use crate::api::{self, Engine, Linker, Store as ApiStore, StoreLimitsBuilder};
use crate::error::Error;
use crate::meter::ProfileReport;
use crate::store::{Extern, Store};
use fdtable::{Fd, FdTable, Kind};

pub use preview1::MODULE;

/// How to run a WASI program. Build with `..Default::default()` for the fields you do not set.
#[derive(Debug, Default, Clone)]
pub struct WasiConfig {
    /// `argv`, including the program name.
    pub args: Vec<String>,
    /// Environment variables (the guest sees only these).
    pub env: Vec<(String, String)>,
    /// Host directory and the guest path it is visible under.
    pub preopens: Vec<(PathBuf, String)>,
    /// Instruction budget; `None` is unlimited.
    pub fuel: Option<u64>,
    /// Capture stdout/stderr into the outcome instead of inheriting the host's.
    pub capture_output: bool,
    /// The guest's stdin; `None` inherits the host's.
    pub stdin: Option<Vec<u8>>,
    /// Largest size of each linear memory, in bytes (`memory.grow` fails beyond it).
    pub max_memory_bytes: Option<u64>,
    /// Count instructions per function and per opcode ([`RunOutcome::profile`]).
    pub profile: bool,
}

/// What a command run produced.
#[derive(Debug, Clone, Default)]
pub struct CommandOutcome {
    /// The guest's exit status (0 when `_start` returns).
    pub exit_code: i32,
    /// Captured stdout (only with `capture_output`).
    pub stdout: Vec<u8>,
    /// Captured stderr (only with `capture_output`).
    pub stderr: Vec<u8>,
}

/// Everything a run produced, including when it failed: the profile and fuel of a trapped run are
/// still of interest.
#[derive(Debug)]
pub struct RunOutcome {
    /// The exit status (0 when `_start` returns), the invoked export's formatted results, or the error.
    pub result: Result<RunResult, Error>,
    /// Captured stdout (only with `capture_output`).
    pub stdout: Vec<u8>,
    /// Captured stderr (only with `capture_output`).
    pub stderr: Vec<u8>,
    /// The guest profile (only with `profile`).
    pub profile: Option<ProfileReport>,
    /// Fuel consumed, when metering was on.
    pub fuel_consumed: Option<u64>,
}

/// How a successful run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunResult {
    /// The exit status of a command.
    Exit(i32),
    /// Results of `--invoke`, formatted like wasmtime's CLI.
    Values(Vec<String>),
}

/// Per-store WASI state.
pub struct WasiCtx {
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
    pub(crate) fds: FdTable,
    pub(crate) stdin: Option<(Vec<u8>, usize)>,
    pub(crate) capture: bool,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
    /// Origin of the monotonic clock.
    pub(crate) start: Instant,
    pub(crate) monotonic_base: u64,
}

impl WasiCtx {
    /// A context for `config`; fails if a preopened directory does not exist.
    pub fn new(config: &WasiConfig) -> Result<WasiCtx, Error> {
        let mut fds = FdTable::default();
        fds.insert(Fd::new(Kind::Stdin));
        fds.insert(Fd::new(Kind::Stdout));
        fds.insert(Fd::new(Kind::Stderr));
        for (host, guest) in &config.preopens {
            let path = std::fs::canonicalize(host)
                .ok()
                .filter(|p| p.is_dir())
                .ok_or_else(|| {
                    Error::Host(format!(
                        "preopened directory `{}` is not a directory",
                        host.display()
                    ))
                })?;
            fds.insert(Fd::new(Kind::Dir {
                path,
                preopen: Some(guest.clone()),
            }));
        }
        Ok(WasiCtx {
            args: config.args.clone(),
            env: config.env.clone(),
            fds,
            stdin: config.stdin.clone().map(|d| (d, 0)),
            capture: config.capture_output,
            stdout: Vec::new(),
            stderr: Vec::new(),
            start: Instant::now(),
            monotonic_base: 1_000_000_000,
        })
    }
}

/// Every function name of `wasi_snapshot_preview1`.
pub fn preview1_names() -> impl Iterator<Item = &'static str> {
    preview1::names()
}

/// Adds the host function for `wasi_snapshot_preview1::name` to `store`.
pub(crate) fn define_import(store: &mut Store, name: &str) -> Option<u32> {
    preview1::define(store, name)
}

/// Compiles and instantiates `wasm` with WASI imports provided; returns the store and instance.
pub fn instantiate_with_wasi(wasm: &[u8], config: WasiConfig) -> Result<(Store, u32), Error> {
    let mut store = Store::new();
    store.wasi = Some(WasiCtx::new(&config)?);
    if let Some(b) = config.max_memory_bytes {
        store.limits.max_memory_pages = b / crate::store::PAGE;
    }
    if config.profile {
        store.enable_profiling();
    }
    let module = store.compile(wasm)?;
    let inst = store.instantiate(&module, &mut |s, m, n| {
        if m == preview1::MODULE {
            preview1::define(s, n).map(Extern::Func)
        } else {
            None
        }
    })?;
    store.set_fuel(config.fuel);
    Ok((store, inst))
}

/// Validates, instantiates and runs `_start` of a WASI preview-1 command module.
pub fn run_command(wasm: &[u8], config: WasiConfig) -> Result<CommandOutcome, Error> {
    let out = run(wasm, config, None);
    match out.result? {
        RunResult::Exit(exit_code) => Ok(CommandOutcome {
            exit_code,
            stdout: out.stdout,
            stderr: out.stderr,
        }),
        RunResult::Values(_) => unreachable!("no export was invoked"),
    }
}

/// Runs `wasm` through the embedding API: `_start` (a command), or with `invoke = Some((name,
/// args))` that export with arguments parsed per its parameter types.
pub fn run(wasm: &[u8], config: WasiConfig, invoke: Option<(&str, &[String])>) -> RunOutcome {
    let mut cfg = api::Config::new();
    cfg.consume_fuel(config.fuel.is_some());
    let engine = Engine::new(&cfg);
    let mut store = ApiStore::new(&engine, ());
    let result = run_in(&engine, &mut store, wasm, &config, invoke);
    let (stdout, stderr) = store
        .wasi_output()
        .map(|(o, e)| (o.to_vec(), e.to_vec()))
        .unwrap_or_default();
    RunOutcome {
        result,
        stdout,
        stderr,
        profile: store.profile_report(),
        fuel_consumed: config.fuel.map(|f| f - store.get_fuel().unwrap_or(0)),
    }
}

fn run_in(
    engine: &Engine,
    store: &mut ApiStore<()>,
    wasm: &[u8],
    config: &WasiConfig,
    invoke: Option<(&str, &[String])>,
) -> Result<RunResult, Error> {
    if let Some(f) = config.fuel {
        store.set_fuel(f)?;
    }
    if let Some(b) = config.max_memory_bytes {
        store.limiter(
            StoreLimitsBuilder::new()
                .memory_size(usize::try_from(b).unwrap_or(usize::MAX))
                .build(),
        );
    }
    if config.profile {
        store.enable_profiling();
    }
    store.set_wasi(config.clone())?;
    let module = api::Module::new(engine, wasm)?;
    let mut linker = Linker::<()>::new(engine);
    linker.define_wasi()?;
    let instance = match linker.instantiate(&mut *store, &module) {
        Err(Error::Exit(c)) => return Ok(RunResult::Exit(c)),
        r => r?,
    };
    let _ = std::io::Write::flush(&mut std::io::stdout());
    match invoke {
        None => {
            let start = instance
                .get_func(&mut *store, "_start")
                .ok_or_else(|| Error::Host("module has no exported `_start` function".into()))?;
            match start.call(&mut *store, &[], &mut []) {
                Ok(()) => Ok(RunResult::Exit(0)),
                Err(Error::Exit(c)) => Ok(RunResult::Exit(c)),
                Err(e) => Err(e),
            }
        }
        Some((name, args)) => {
            let f = instance
                .get_func(&mut *store, name)
                .ok_or_else(|| Error::Host(format!("no exported function named `{name}`")))?;
            let ty = f.ty(&*store);
            if ty.params().len() != args.len() {
                return Err(Error::Host(format!(
                    "export `{name}` takes {} argument(s), {} given",
                    ty.params().len(),
                    args.len()
                )));
            }
            let params = ty
                .params()
                .iter()
                .zip(args)
                .map(|(t, a)| parse_arg(*t, a))
                .collect::<Result<Vec<_>, _>>()?;
            let mut results = vec![api::Val::I32(0); ty.results().len()];
            match f.call(&mut *store, &params, &mut results) {
                Err(Error::Exit(c)) => return Ok(RunResult::Exit(c)),
                r => r?,
            }
            Ok(RunResult::Values(
                results.iter().map(format_result).collect(),
            ))
        }
    }
}

fn parse_arg(ty: wasmparser::ValType, s: &str) -> Result<api::Val, Error> {
    use wasmparser::ValType as V;
    let bad = || Error::Host(format!("invalid argument `{s}` for parameter of type {ty}"));
    Ok(match ty {
        V::I32 => api::Val::I32(
            s.parse::<i32>()
                .or_else(|_| s.parse::<u32>().map(|v| v as i32))
                .map_err(|_| bad())?,
        ),
        V::I64 => api::Val::I64(
            s.parse::<i64>()
                .or_else(|_| s.parse::<u64>().map(|v| v as i64))
                .map_err(|_| bad())?,
        ),
        V::F32 => api::Val::F32(s.parse::<f32>().map_err(|_| bad())?.to_bits()),
        V::F64 => api::Val::F64(s.parse::<f64>().map_err(|_| bad())?.to_bits()),
        V::Ref(rt) if s == "null" && rt.is_func_ref() => api::Val::FuncRef(None),
        V::Ref(rt) if s == "null" && rt.is_extern_ref() => api::Val::ExternRef(None),
        V::Ref(_) if s == "null" => api::Val::AnyRef(None),
        _ => return Err(bad()),
    })
}

fn format_result(v: &api::Val) -> String {
    match v {
        api::Val::I32(x) => x.to_string(),
        api::Val::I64(x) => x.to_string(),
        api::Val::F32(b) => format!("{}", f32::from_bits(*b)),
        api::Val::F64(b) => format!("{}", f64::from_bits(*b)),
        api::Val::FuncRef(None)
        | api::Val::ExternRef(None)
        | api::Val::AnyRef(None)
        | api::Val::ExnRef(None) => "null".into(),
        api::Val::FuncRef(Some(_)) => "<funcref>".into(),
        api::Val::ExternRef(Some(_)) => "<externref>".into(),
        api::Val::AnyRef(Some(r)) => match r.as_i31() {
            Some(i) => format!("i31 {i}"),
            None => "<anyref>".into(),
        },
        api::Val::ExnRef(Some(_)) => "<exnref>".into(),
    }
}
