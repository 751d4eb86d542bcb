//! gc-runtime: a WebAssembly 3.0 interpreter (everything but SIMD) with a precise tracing GC.
//!
//! * `wasmparser` validates; each function is translated lazily, on first call, into a compact IR
//!   with resolved branch targets ([`ir`], [`translate`]).
//! * Wasm calls never recurse on the native stack: frames live in an explicit stack ([`exec`]), so
//!   deep recursion traps cleanly with "call stack exhausted" and fuel is exact.
//! * Structs, arrays and exceptions live in a non-moving mark-sweep heap ([`gc`]); `i31ref` is unboxed.
//!
//! Entry points: [`api`] for embedding (wasmtime-shaped: `Engine`, `Module`, `Store<T>`, `Linker<T>`,
//! typed and async calls, fuel, limits), [`wast::run_wast_str`] for spec scripts,
//! [`wasi::run_command`] / [`wasi::run`] for WASI commands, [`invoke_export`] for calling one
//! export; [`Store`] is the interpreter's own store underneath.

pub mod api;
mod error;
pub mod exec;
pub mod gc;
mod instance;
pub mod ir;
pub mod meter;
pub mod module;
pub mod store;
pub mod translate;
pub mod types;
mod value;
pub mod wasi;
pub mod wast;

pub use error::Error;
pub use gc::GcStats;
pub use module::Module;
pub use store::{Extern, Store};
pub use value::{Ref, Val};

use wasmparser::ValType;

/// For `cargo wasm run --invoke NAME ARGS`: instantiates `wasm` (WASI imports available), calls
/// export `name` with `args` parsed per its parameter types, and returns the results formatted the
/// way wasmtime's CLI prints them (one per line).
pub fn invoke_export(wasm: &[u8], name: &str, args: &[String], config: wasi::WasiConfig) -> Result<Vec<String>, Error> {
    let (mut store, inst) = wasi::instantiate_with_wasi(wasm, config)?;
    let Some(Extern::Func(f)) = store.instance_export(inst, name) else {
        return Err(Error::Host(format!("no exported function named `{name}`")));
    };
    let (params, _) = store.func_params_results(f);
    if params.len() != args.len() {
        return Err(Error::Host(format!(
            "export `{name}` takes {} argument(s), {} given",
            params.len(),
            args.len()
        )));
    }
    let mut vals = Vec::new();
    for (p, a) in params.iter().zip(args) {
        vals.push(parse_arg(*p, a)?);
    }
    let results = store.call_func(f, &vals)?;
    Ok(results.iter().map(format_val).collect())
}

fn parse_arg(ty: ValType, s: &str) -> Result<Val, Error> {
    let bad = || Error::Host(format!("invalid argument `{s}` for parameter of type {ty}"));
    Ok(match ty {
        ValType::I32 => Val::I32(
            s.parse::<i32>().or_else(|_| s.parse::<u32>().map(|v| v as i32)).map_err(|_| bad())?,
        ),
        ValType::I64 => Val::I64(
            s.parse::<i64>().or_else(|_| s.parse::<u64>().map(|v| v as i64)).map_err(|_| bad())?,
        ),
        ValType::F32 => Val::F32(s.parse::<f32>().map_err(|_| bad())?.to_bits()),
        ValType::F64 => Val::F64(s.parse::<f64>().map_err(|_| bad())?.to_bits()),
        ValType::Ref(_) if s == "null" => Val::Ref(Ref::Null),
        _ => return Err(bad()),
    })
}

/// Formats a value like wasmtime's CLI.
pub fn format_val(v: &Val) -> String {
    match v {
        Val::I32(x) => x.to_string(),
        Val::I64(x) => x.to_string(),
        Val::F32(b) => format!("{}", f32::from_bits(*b)),
        Val::F64(b) => format!("{}", f64::from_bits(*b)),
        Val::Ref(Ref::Null) => "null".to_string(),
        Val::Ref(Ref::Func(_)) => "<funcref>".to_string(),
        Val::Ref(Ref::ExternHost(_) | Ref::ExternGc(_) | Ref::ExternI31(_)) => "<externref>".to_string(),
        Val::Ref(Ref::I31(v)) => format!("i31 {}", ((v << 1) as i32) >> 1),
        Val::Ref(_) => "<anyref>".to_string(),
    }
}

/// Fuzzing and differential-testing support (wasm-smith configuration, export runner).
pub mod smith;
