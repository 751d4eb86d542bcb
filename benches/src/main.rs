//! `wasmrust-bench`: builds the benchmark programs with every toolchain, runs them on every
//! engine, and writes BENCHMARKS.md (tables, chart, raw JSON). Entry point: scripts/bench.sh.
//!
//! Usage: wasmrust-bench [--quick] [--reps N] [--no-callgrind] [--only a,b] [--out-dir DIR]
//!        [--target-dir DIR] [--cargo-wasm PATH] [--wasmi PATH] [--command TEXT] [--install-log FILE]
//!        [--root REPO] [--render-only RESULTS.json (rewrite BENCHMARKS.md and chart, no measuring)]

mod build;
mod chart;
mod ctx;
mod exec;
mod layout;
mod machine;
mod measure;
mod programs;
mod report;
mod stats;

use anyhow::{Context, Result, bail};
use build::Built;
use ctx::Ctx;
use layout::Layout;
use measure::{Cell, GC_RUNTIME, NATIVE, WASMI, WASMTIME};
use programs::{PROGRAMS, Program};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Serialize, Deserialize)]
pub struct ProgramResult {
    pub name: String,
    pub size_meaning: String,
    /// Size argument for wall-time runs and for callgrind runs (None: the program takes none).
    pub size: Option<u32>,
    pub callgrind_size: Option<u32>,
    pub cpu_bound: bool,
    pub builds: BTreeMap<String, Built>,
    pub layouts: BTreeMap<String, Layout>,
    pub layout_errors: BTreeMap<String, String>,
    pub cells: Vec<Cell>,
    pub reference_error: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct Results {
    pub quick: bool,
    pub command: String,
    pub started_utc: String,
    pub duration_s: f64,
    pub reps: usize,
    pub run_flavor: String,
    pub machine: machine::Machine,
    pub tools: Vec<(String, String)>,
    pub install_log: String,
    pub programs: Vec<ProgramResult>,
}

struct Options {
    quick: bool,
    reps: Option<usize>,
    callgrind: bool,
    only: Vec<String>,
    out_dir: Option<PathBuf>,
    target_dir: Option<PathBuf>,
    cargo_wasm: Option<PathBuf>,
    wasmi: Option<PathBuf>,
    command: String,
    install_log: Option<PathBuf>,
    root: Option<PathBuf>,
    render_only: Option<PathBuf>,
}

fn parse_args() -> Result<Options> {
    let mut o = Options {
        quick: false,
        reps: None,
        callgrind: true,
        only: Vec::new(),
        out_dir: None,
        target_dir: None,
        cargo_wasm: None,
        wasmi: None,
        command: "bash scripts/bench.sh".into(),
        install_log: None,
        root: None,
        render_only: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--quick" => o.quick = true,
            "--no-callgrind" => o.callgrind = false,
            "--reps" => o.reps = Some(value("--reps")?.parse().context("--reps: not a number")?),
            "--only" => o.only = value("--only")?.split(',').map(str::to_string).collect(),
            "--out-dir" => o.out_dir = Some(value("--out-dir")?.into()),
            "--target-dir" => o.target_dir = Some(value("--target-dir")?.into()),
            "--cargo-wasm" => o.cargo_wasm = Some(value("--cargo-wasm")?.into()),
            "--wasmi" => o.wasmi = Some(value("--wasmi")?.into()),
            "--command" => o.command = value("--command")?,
            "--install-log" => o.install_log = Some(value("--install-log")?.into()),
            "--root" => o.root = Some(value("--root")?.into()),
            "--render-only" => o.render_only = Some(value("--render-only")?.into()),
            "-h" | "--help" => {
                println!("{}", include_str!("main.rs").lines().take(6).collect::<Vec<_>>().join("\n"));
                std::process::exit(0);
            }
            other => bail!("unknown argument `{other}` (see --help)"),
        }
    }
    if o.reps == Some(0) {
        bail!("--reps must be at least 1");
    }
    Ok(o)
}

fn utc_now() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn size_arg(p: &Program, size: u32) -> Option<u32> {
    if p.name == "hello" { None } else { Some(size) }
}

/// Writes results.json, chart.svg and BENCHMARKS.md for one run.
fn write_outputs(all: &Results, md_path: &std::path::Path, assets_dir: &std::path::Path, assets_link: &str, notes: &str) -> Result<()> {
    std::fs::create_dir_all(assets_dir)?;
    std::fs::write(assets_dir.join("results.json"), serde_json::to_string_pretty(all)?)?;
    std::fs::write(assets_dir.join("chart.svg"), chart::render(all))?;
    std::fs::write(md_path, report::render(all, &format!("{assets_link}chart.svg"), &format!("{assets_link}results.json"), notes))?;
    Ok(())
}

fn main() -> Result<()> {
    let options = parse_args()?;
    if let Some(json) = &options.render_only {
        // Re-render a finished run (e.g. after a report fix) without measuring again.
        let text = std::fs::read_to_string(json).with_context(|| format!("reading {}", json.display()))?;
        let all: Results = serde_json::from_str(&text).context("parsing results.json")?;
        let root = options.root.clone().unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."));
        let (md, dir, link) = if all.quick {
            let dir = json.parent().context("results.json has a directory")?.to_path_buf();
            (dir.join("BENCHMARKS.md"), dir, String::new())
        } else {
            (root.join("BENCHMARKS.md"), root.join("benches/results"), "benches/results/".to_string())
        };
        let notes = std::fs::read_to_string(root.join("benches/notes.md")).unwrap_or_default();
        write_outputs(&all, &md, &dir, &link, &notes)?;
        eprintln!("bench: re-rendered {}", md.display());
        return Ok(());
    }
    let started = std::time::Instant::now();
    let started_utc = utc_now();
    let benches = match &options.root {
        Some(root) => root.join("benches"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    };
    let root = benches.parent().context("benches has a parent")?.to_path_buf();
    let target = options.target_dir.clone().unwrap_or_else(|| root.join("target-bench"));
    std::fs::create_dir_all(&target)?;
    let target = target.canonicalize()?;
    let wasmi = options.wasmi.clone().or_else(|| {
        let home = std::env::var_os("HOME").map(PathBuf::from)?;
        let p = home.join(".cargo/bin/wasmi");
        p.is_file().then_some(p)
    });
    let ctx = Ctx {
        root: root.clone(),
        programs: benches.join("programs"),
        target: target.clone(),
        quick: options.quick,
        reps: options.reps.unwrap_or(if options.quick { 1 } else { 5 }),
        callgrind: options.callgrind && exec::tool_exists("valgrind"),
        cargo_wasm: options.cargo_wasm.as_ref().and_then(|p| p.canonicalize().ok()).filter(|p| p.is_file()),
        wasmi: wasmi.and_then(|p| p.canonicalize().ok()).filter(|p| p.is_file()),
        python: "python3".into(),
        limit: Duration::from_secs(if options.quick { 60 } else { 300 }),
        only: options.only.clone(),
    };
    let selected: Vec<&Program> =
        PROGRAMS.iter().filter(|p| ctx.only.is_empty() || ctx.only.iter().any(|o| o == p.name)).collect();
    if selected.is_empty() {
        bail!("--only matched no program");
    }
    let mut machine = machine::describe();
    let tools = machine::tool_versions(ctx.wasmi.as_ref().and_then(|p| p.to_str()), &ctx.python);

    // ---- builds ----
    let (run_profile, run_flavor) = if ctx.quick { ("wasm-z", build::RUSTC_Z) } else { ("wasm-3", build::RUSTC_3) };
    let rustc_z = build::rustc_wasm(&ctx, &selected, "wasm-z", build::RUSTC_Z);
    let rustc_3 = if ctx.quick { None } else { Some(build::rustc_wasm(&ctx, &selected, run_profile, build::RUSTC_3)) };
    let mut results = Vec::new();
    for (i, p) in selected.iter().enumerate() {
        eprintln!("bench: building {}", p.name);
        let mut builds = BTreeMap::new();
        builds.insert(build::NATIVE_RUST.to_string(), build::native_rust(&ctx, p));
        builds.insert(build::RUSTC_Z.to_string(), rustc_z[i].clone());
        if let Some(r3) = &rustc_3 {
            builds.insert(build::RUSTC_3.to_string(), r3[i].clone());
        }
        builds.insert(build::RUSTC_Z_OPT.to_string(), build::wasm_opt(&ctx, p, &rustc_z[i]));
        if p.has_c {
            builds.insert(build::NATIVE_C.to_string(), build::native_c(&ctx, p));
            builds.insert(build::CLANG_WASM.to_string(), build::clang_wasm(&ctx, p));
        }
        let run_size = size_arg(p, if ctx.quick { p.quick } else { p.full });
        let cg_size = size_arg(p, if ctx.quick { p.quick } else { p.callgrind });
        builds.insert(build::OURS.to_string(), build::ours(&ctx, p, run_size, cg_size));

        let mut layouts = BTreeMap::new();
        let mut layout_errors = BTreeMap::new();
        for (flavor, built) in &builds {
            if let Some(module) = built.module.as_ref().filter(|m| m.extension().is_some_and(|e| e == "wasm")) {
                match layout::analyze_file(module) {
                    Ok(l) => {
                        layouts.insert(flavor.clone(), l);
                    }
                    Err(e) => {
                        layout_errors.insert(flavor.clone(), format!("{e:#}"));
                    }
                }
            }
        }

        let size = if ctx.quick { p.quick } else { p.full };
        let mut cells = Vec::new();
        let plan: &[(&str, &str)] = &[
            (NATIVE, build::NATIVE_RUST),
            (NATIVE, build::NATIVE_C),
            (WASMTIME, run_flavor),
            (WASMTIME, build::CLANG_WASM),
            (WASMTIME, build::OURS),
            (WASMI, run_flavor),
            (WASMI, build::CLANG_WASM),
            (WASMI, build::OURS),
            (GC_RUNTIME, run_flavor),
            (GC_RUNTIME, build::CLANG_WASM),
            (GC_RUNTIME, build::OURS),
        ];
        for (engine, flavor) in plan {
            let Some(built) = builds.get(*flavor) else { continue };
            let mut cell = Cell::new(engine, flavor, built.module.as_deref().unwrap_or(std::path::Path::new("")));
            cell.fixed_size = built.fixed_size;
            cell.callgrind_artifact = built.callgrind_module.clone();
            if let Some(e) = &built.error {
                cell.error = Some(format!("not built: {e}"));
            } else if let Some(reason) = measure::engine_missing(&ctx, engine) {
                cell.error = Some(reason);
            }
            cells.push(cell);
        }
        results.push(ProgramResult {
            name: p.name.into(),
            size_meaning: p.size_meaning.into(),
            size: size_arg(p, size),
            callgrind_size: size_arg(p, if ctx.quick { p.quick } else { p.callgrind }),
            cpu_bound: p.cpu_bound,
            builds,
            layouts,
            layout_errors,
            cells,
            reference_error: None,
        });
    }

    // ---- reference outputs (native rustc) ----
    let mut expected: Vec<(String, String)> = Vec::new();
    for r in results.iter_mut() {
        let native = r.builds[build::NATIVE_RUST].module.clone();
        let outputs = match native {
            Some(exe) => measure::reference_output(&ctx, &exe, r.size)
                .and_then(|a| measure::reference_output(&ctx, &exe, r.callgrind_size).map(|b| (a, b))),
            None => Err(format!(
                "native rustc build failed: {}",
                r.builds[build::NATIVE_RUST].error.as_deref().unwrap_or("unknown")
            )),
        };
        match outputs {
            Ok(pair) => expected.push(pair),
            Err(e) => {
                r.reference_error = Some(e.clone());
                for cell in r.cells.iter_mut() {
                    cell.error.get_or_insert(format!("no reference output: {e}"));
                }
                expected.push((String::new(), String::new()));
            }
        }
    }

    // ---- wall time, interleaved: every repetition visits every cell once ----
    for rep in 0..ctx.reps {
        eprintln!("bench: wall-time repetition {}/{}", rep + 1, ctx.reps);
        for (r, (exp, _)) in results.iter_mut().zip(&expected) {
            for cell in r.cells.iter_mut() {
                // Very slow cells (a quarter of the time limit) are not repeated.
                if rep > 0 && measure::first_sample(cell).is_some_and(|s| s > ctx.limit.as_secs_f64() / 4.0) {
                    continue;
                }
                measure::sample(&ctx, cell, r.size, exp);
            }
        }
    }
    for r in results.iter_mut() {
        for cell in r.cells.iter_mut() {
            measure::finish(cell);
        }
    }

    // ---- instruction counts ----
    if ctx.callgrind {
        for (r, (_, exp)) in results.iter_mut().zip(&expected) {
            eprintln!("bench: callgrind {}", r.name);
            for cell in r.cells.iter_mut() {
                // wasmtime runs inside Python: its count would be mostly the interpreter's.
                if cell.engine == WASMTIME || cell.error.is_some() {
                    continue;
                }
                // In quick mode one count proves the path works.
                if ctx.quick && !(r.name == "hello" && cell.engine == NATIVE) {
                    continue;
                }
                measure::callgrind(&ctx, cell, r.callgrind_size, exp);
            }
        }
    }

    machine.load_after = machine::load_average();
    let install_log = options
        .install_log
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    let all = Results {
        quick: ctx.quick,
        command: options.command.clone(),
        started_utc,
        duration_s: started.elapsed().as_secs_f64(),
        reps: ctx.reps,
        run_flavor: run_flavor.into(),
        machine,
        tools,
        install_log,
        programs: results,
    };

    // ---- outputs ----
    let (md_path, assets_dir, assets_link) = match (&options.out_dir, ctx.quick) {
        (Some(dir), _) => (dir.join("BENCHMARKS.md"), dir.clone(), String::new()),
        (None, true) => (target.join("quick/BENCHMARKS.md"), target.join("quick"), String::new()),
        (None, false) => (root.join("BENCHMARKS.md"), benches.join("results"), "benches/results/".to_string()),
    };
    let notes = std::fs::read_to_string(benches.join("notes.md")).unwrap_or_default();
    write_outputs(&all, &md_path, &assets_dir, &assets_link, &notes)?;
    eprintln!("bench: wrote {} ({:.0} s)", md_path.display(), all.duration_s);

    // The harness itself must work: every baseline that is installed must have produced figures.
    let broken: Vec<String> = all
        .programs
        .iter()
        .flat_map(|p| {
            p.cells
                .iter()
                .filter(|c| c.flavor != build::OURS && c.engine != GC_RUNTIME)
                .filter(|c| c.error.as_deref().is_some_and(|e| !e.contains("not installed")))
                .map(move |c| format!("{} on {} ({}): {}", p.name, c.engine, c.flavor, c.error.as_deref().unwrap_or("")))
        })
        .collect();
    if !broken.is_empty() {
        for b in &broken {
            eprintln!("bench: baseline failed: {b}");
        }
        bail!("{} baseline measurement(s) failed", broken.len());
    }
    Ok(())
}
