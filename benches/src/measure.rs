//! Running modules on engines: wall time (repeated, interleaved across engines so drift hits all
//! of them alike), wasmtime's in-process phases, callgrind instruction counts, output checks.

use crate::ctx::Ctx;
use crate::exec::{self, Outcome};
use crate::stats::Stats;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const NATIVE: &str = "native";
pub const WASMTIME: &str = "wasmtime";
pub const WASMI: &str = "wasmi";
pub const GC_RUNTIME: &str = "gc-runtime";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Phases {
    pub compile: Stats,
    pub instantiate: Stats,
    pub run: Stats,
}

/// One (engine, module flavor) pair for one program.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Cell {
    pub engine: String,
    pub flavor: String,
    #[serde(skip, default)]
    pub artifact: PathBuf,
    /// The module has its size compiled in and takes no argument.
    pub fixed_size: bool,
    #[serde(skip, default)]
    pub callgrind_artifact: Option<PathBuf>,
    /// Seconds from the start of loading to exit. Process wall time, except for wasmtime where
    /// it is the in-process compile + instantiate + run (Python's start-up excluded).
    pub wall: Option<Stats>,
    pub phases: Option<Phases>,
    pub instructions: Option<u64>,
    pub error: Option<String>,
    pub callgrind_error: Option<String>,
    #[serde(skip, default)]
    samples: Vec<f64>,
    #[serde(skip, default)]
    phase_samples: Vec<[f64; 3]>,
}

impl Cell {
    pub fn new(engine: &str, flavor: &str, artifact: &Path) -> Cell {
        Cell {
            engine: engine.into(),
            flavor: flavor.into(),
            artifact: artifact.into(),
            fixed_size: false,
            callgrind_artifact: None,
            wall: None,
            phases: None,
            instructions: None,
            error: None,
            callgrind_error: None,
            samples: Vec::new(),
            phase_samples: Vec::new(),
        }
    }
}

fn timings_file(ctx: &Ctx) -> PathBuf {
    ctx.target.join(format!("wasmtime-timings-{}.json", std::process::id()))
}

fn command(ctx: &Ctx, cell: &Cell, size: Option<u32>) -> Command {
    command_for(ctx, cell, &cell.artifact, size)
}

fn command_for(ctx: &Ctx, cell: &Cell, artifact: &Path, size: Option<u32>) -> Command {
    let mut c = match cell.engine.as_str() {
        NATIVE => Command::new(artifact),
        WASMTIME => {
            let mut c = Command::new(&ctx.python);
            c.arg(ctx.tool("wasmtime_timed.py")).arg(timings_file(ctx)).arg(artifact);
            c
        }
        WASMI => {
            let mut c = Command::new(ctx.wasmi.as_ref().expect("checked by caller"));
            c.arg("run").arg(artifact);
            c
        }
        GC_RUNTIME => {
            let mut c = Command::new(ctx.cargo_wasm.as_ref().expect("checked by caller"));
            c.args(["wasm", "run", "-q"]).arg(artifact);
            c
        }
        other => unreachable!("unknown engine {other}"),
    };
    if let Some(size) = size.filter(|_| !cell.fixed_size) {
        c.arg(size.to_string());
    }
    c
}

/// Whether an engine is installed; the reason it is not otherwise.
pub fn engine_missing(ctx: &Ctx, engine: &str) -> Option<String> {
    match engine {
        WASMI if ctx.wasmi.is_none() => Some("wasmi_cli not installed".into()),
        GC_RUNTIME if ctx.cargo_wasm.is_none() => Some("cargo-wasm not built".into()),
        _ => None,
    }
}

fn check(outcome: &Outcome, expected: &str) -> Result<(), String> {
    if !outcome.ok() {
        return Err(outcome.failure());
    }
    if outcome.stdout != expected {
        let first = expected
            .lines()
            .zip(outcome.stdout.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(outcome.stdout.lines().count()));
        let got = outcome.stdout.lines().nth(first).unwrap_or("<end of output>");
        return Err(format!("wrong output at line {}: `{}`", first + 1, got.chars().take(80).collect::<String>()));
    }
    Ok(())
}

/// One more wall-time sample for `cell` (skipped once it has failed).
pub fn sample(ctx: &Ctx, cell: &mut Cell, size: Option<u32>, expected: &str) {
    if cell.error.is_some() {
        return;
    }
    let timings = timings_file(ctx);
    let _ = std::fs::remove_file(&timings);
    let outcome = match exec::run(command(ctx, cell, size), ctx.limit) {
        Ok(o) => o,
        Err(e) => {
            cell.error = Some(e.to_string());
            return;
        }
    };
    if let Err(e) = check(&outcome, expected) {
        cell.error = Some(e);
        return;
    }
    if cell.engine == WASMTIME {
        let phases: Option<[f64; 3]> = std::fs::read_to_string(&timings).ok().and_then(|text| {
            let v: serde_json::Value = serde_json::from_str(&text).ok()?;
            Some([v["compile"].as_f64()?, v["instantiate"].as_f64()?, v["run"].as_f64()?])
        });
        match phases {
            Some(p) => {
                cell.samples.push(p[0] + p[1] + p[2]);
                cell.phase_samples.push(p);
            }
            None => cell.error = Some("wasmtime runner wrote no timings".into()),
        }
    } else {
        cell.samples.push(outcome.seconds);
    }
}

/// Turns the collected samples into statistics.
pub fn finish(cell: &mut Cell) {
    cell.wall = Stats::of(&cell.samples);
    if !cell.phase_samples.is_empty() {
        let column = |i: usize| Stats::of(&cell.phase_samples.iter().map(|p| p[i]).collect::<Vec<_>>()).unwrap();
        cell.phases = Some(Phases { compile: column(0), instantiate: column(1), run: column(2) });
    }
}

/// The slowest first sample so far, to shorten repetitions of very slow cells.
pub fn first_sample(cell: &Cell) -> Option<f64> {
    cell.samples.first().copied()
}

/// Instruction count under callgrind (one run: the count is deterministic up to a few 0.01 %).
pub fn callgrind(ctx: &Ctx, cell: &mut Cell, size: Option<u32>, expected: &str) {
    let artifact = cell.callgrind_artifact.clone().unwrap_or_else(|| cell.artifact.clone());
    let cmd = command_for(ctx, cell, &artifact, size);
    match exec::callgrind(&cmd, ctx.limit * 20) {
        Ok((Some(count), outcome)) => match check(&outcome, expected) {
            Ok(()) => cell.instructions = Some(count),
            Err(e) => cell.callgrind_error = Some(e),
        },
        Ok((None, outcome)) => cell.callgrind_error = Some(format!("no callgrind count ({})", outcome.failure())),
        Err(e) => cell.callgrind_error = Some(e.to_string()),
    }
}

/// Expected stdout: the native rustc build's output at this size.
pub fn reference_output(ctx: &Ctx, native: &Path, size: Option<u32>) -> Result<String, String> {
    let cell = Cell::new(NATIVE, "", native);
    let outcome = exec::run(command(ctx, &cell, size), ctx.limit).map_err(|e| e.to_string())?;
    if !outcome.ok() {
        return Err(outcome.failure());
    }
    Ok(outcome.stdout)
}
