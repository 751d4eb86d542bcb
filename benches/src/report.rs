//! BENCHMARKS.md: every table is generated from the results of one run.

use crate::build::{CLANG_WASM, NATIVE_C, NATIVE_RUST, OURS, RUSTC_3, RUSTC_Z, RUSTC_Z_OPT};
use crate::measure::{Cell, GC_RUNTIME, NATIVE, WASMI, WASMTIME};
use crate::stats::Stats;
use crate::{ProgramResult, Results};
use std::fmt::Write;

pub fn seconds(s: f64) -> String {
    if s < 1e-3 {
        format!("{:.0} µs", s * 1e6)
    } else if s < 0.1 {
        format!("{:.2} ms", s * 1e3)
    } else if s < 10.0 {
        format!("{:.0} ms", s * 1e3)
    } else {
        format!("{:.1} s", s)
    }
}

fn stats(s: &Stats) -> String {
    if s.runs == 1 {
        format!("{} (1 run)", seconds(s.median))
    } else {
        format!("{} ({}–{})", seconds(s.median), seconds(s.min), seconds(s.max))
    }
}

pub fn bytes(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn ratio(a: f64, b: f64) -> String {
    if b <= 0.0 { "—".into() } else { format!("{:.2}×", a / b) }
}

fn count(n: u64) -> String {
    if n >= 1_000_000_000 {
        format!("{:.2} G", n as f64 / 1e9)
    } else if n >= 1_000_000 {
        format!("{:.1} M", n as f64 / 1e6)
    } else {
        format!("{:.0} k", n as f64 / 1e3)
    }
}

fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| *v <= 0.0) {
        return None;
    }
    Some((values.iter().map(|v| v.ln()).sum::<f64>() / values.len() as f64).exp())
}

/// "geomean 0.18× (0.10×–0.30×, 7 programs)" over per-program ratios.
fn spread(ratios: &[(String, f64)]) -> String {
    let values: Vec<f64> = ratios.iter().map(|(_, v)| *v).collect();
    match geomean(&values) {
        None => "— (no program measured)".into(),
        Some(g) => {
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(0.0, f64::max);
            format!("geometric mean **{:.2}×** (range {:.2}×–{:.2}×, {} programs)", g, lo, hi, values.len())
        }
    }
}

/// Headline figures, each computed from the tables below.
fn summary(w: &mut String, r: &Results) {
    let run = r.run_flavor.as_str();
    let _ = writeln!(w, "## Summary\n");
    if let Some(h) = r.programs.iter().find(|p| p.name == "hello") {
        match (h.layouts.get(OURS), h.layouts.get(RUSTC_Z), h.layouts.get(RUSTC_Z_OPT)) {
            (Some(o), Some(z), Some(zo)) => {
                let _ = writeln!(
                    w,
                    "- Hello world: ours **{} B** ({} B gzipped) vs rustc wasm32 -Oz {} B ({} B with wasm-opt -Oz): {:.3}× / {:.3}×.",
                    bytes(o.raw), bytes(o.gzip), bytes(z.raw), bytes(zo.raw), o.raw as f64 / z.raw as f64, o.raw as f64 / zo.raw as f64
                );
            }
            _ => {
                let _ = writeln!(w, "- Hello world: ours not measured (see below).");
            }
        }
    }
    let per = |f: &dyn Fn(&ProgramResult) -> Option<f64>, skip_hello: bool| -> Vec<(String, f64)> {
        r.programs
            .iter()
            .filter(|p| !(skip_hello && p.name == "hello"))
            .filter_map(|p| f(p).map(|v| (p.name.clone(), v)))
            .collect()
    };
    let size = per(&|p| Some(p.layouts.get(OURS)?.raw as f64 / p.layouts.get(RUSTC_Z)?.raw as f64), false);
    let _ = writeln!(w, "- Module size, ours / rustc-z: {}.", spread(&size));
    let size_opt = per(&|p| Some(p.layouts.get(OURS)?.raw as f64 / p.layouts.get(RUSTC_Z_OPT)?.raw as f64), false);
    let _ = writeln!(w, "- Module size, ours / rustc-z+wasm-opt: {}.", spread(&size_opt));
    let compile = per(
        &|p| Some(p.builds.get(OURS)?.compile.as_ref()?.median / p.builds.get(RUSTC_Z)?.compile.as_ref()?.median),
        false,
    );
    let _ = writeln!(w, "- Compile time of one program, ours / rustc wasm32 -Oz: {}.", spread(&compile));
    let instr = |engine: &str, flavor: &str, p: &ProgramResult| cell(p, engine, flavor).and_then(|c| c.instructions);
    let cpu = |p: &ProgramResult| p.cpu_bound;
    let interp: Vec<(String, f64)> = r
        .programs
        .iter()
        .filter(|p| cpu(p))
        .filter_map(|p| Some((p.name.clone(), instr(GC_RUNTIME, run, p)? as f64 / instr(WASMI, run, p)? as f64)))
        .collect();
    let _ = writeln!(
        w,
        "- Interpreter throughput, gc-runtime / wasmi on the same rustc `{run}` module, CPU-bound programs, callgrind \
         instructions (lower is better for gc-runtime): {}.",
        spread(&interp)
    );
    let interp_wall: Vec<(String, f64)> = r
        .programs
        .iter()
        .filter(|p| cpu(p))
        .filter_map(|p| {
            Some((p.name.clone(), cell(p, GC_RUNTIME, run)?.wall.as_ref()?.median / cell(p, WASMI, run)?.wall.as_ref()?.median))
        })
        .collect();
    let _ = writeln!(w, "- The same in wall time: {}.", spread(&interp_wall));
    let codegen: Vec<(String, f64)> = r
        .programs
        .iter()
        .filter(|p| p.name != "hello")
        .filter_map(|p| Some((p.name.clone(), instr(GC_RUNTIME, OURS, p)? as f64 / instr(GC_RUNTIME, run, p)? as f64)))
        .collect();
    let _ = writeln!(
        w,
        "- Our code vs rustc's on the same engine (gc-runtime, callgrind instructions, ours / rustc `{run}`): {}.",
        spread(&codegen)
    );
    let wt: Vec<(String, f64)> = r
        .programs
        .iter()
        .filter(|p| p.name != "hello")
        .filter_map(|p| {
            let o = cell(p, WASMTIME, OURS)?.phases.as_ref()?.run.median;
            let z = cell(p, WASMTIME, run)?.phases.as_ref()?.run.median;
            Some((p.name.clone(), o / z))
        })
        .collect();
    let _ = writeln!(w, "- On wasmtime, run phase only (compile excluded), ours / rustc `{run}`: {}.", spread(&wt));
    let _ = writeln!(w);
}

pub fn cell<'a>(p: &'a ProgramResult, engine: &str, flavor: &str) -> Option<&'a Cell> {
    p.cells.iter().find(|c| c.engine == engine && c.flavor == flavor)
}

/// The most specific part of an error chain ("a: b: cause" gives "cause"), for table cells;
/// the full text is listed under "What is missing".
fn cause(reason: &str) -> &str {
    if reason.starts_with("wrong output") || reason.starts_with("timed out") {
        return reason;
    }
    match reason.rsplit_once(": ") {
        Some((_, last)) if last.len() > 12 => last,
        _ => reason,
    }
}

/// "—" with a short reason, for a missing figure.
fn missing(reason: &str) -> String {
    let reason = cause(reason);
    let short: String = reason.chars().take(70).collect();
    let short = short.replace('|', "/").replace('`', "'");
    format!("— ({short}{})", if reason.chars().count() > 70 { "…" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::{bytes, cause, seconds};

    #[test]
    fn formatting() {
        assert_eq!(bytes(43433), "43,433");
        assert_eq!(bytes(1008), "1,008");
        assert_eq!(bytes(754), "754");
        assert_eq!(seconds(0.000_5), "500 µs");
        assert_eq!(seconds(0.012_34), "12.34 ms");
        assert_eq!(seconds(12.0), "12.0 s");
    }

    #[test]
    fn cause_keeps_the_most_specific_part() {
        assert_eq!(cause("exit Some(1): Error: failed to compile \"x.wasm\": rec group usage requires gc"), "rec group usage requires gc");
        assert_eq!(cause("wrong output at line 2: `abc`"), "wrong output at line 2: `abc`");
        assert_eq!(cause("not built: the type `HashMap` is not supported yet"), "the type `HashMap` is not supported yet");
    }
}

fn size_cell(p: &ProgramResult, flavor: &str) -> String {
    match (p.layouts.get(flavor), p.builds.get(flavor)) {
        (Some(l), _) => format!("{} / {}", bytes(l.raw), bytes(l.gzip)),
        (None, Some(b)) => match &b.error {
            Some(e) => missing(e),
            None => p.layout_errors.get(flavor).map(|e| missing(e)).unwrap_or_else(|| "—".into()),
        },
        (None, None) => "n/a".into(),
    }
}

fn wall_cell(c: Option<&Cell>, native: Option<f64>) -> String {
    match c {
        None => "n/a".into(),
        Some(c) => match (&c.wall, &c.error) {
            (Some(w), _) => {
                let main = match native {
                    Some(n) if c.engine != NATIVE || c.flavor != NATIVE_RUST => {
                        format!("{} **{}**", stats(w), ratio(w.median, n))
                    }
                    _ => stats(w),
                };
                match &c.phases {
                    Some(ph) => format!("{main}<br>of which compile {}", seconds(ph.compile.median)),
                    None => main,
                }
            }
            (None, Some(e)) => missing(e),
            (None, None) => "—".into(),
        },
    }
}

fn size_label(p: &ProgramResult, callgrind: bool) -> String {
    let size = if callgrind { p.callgrind_size } else { p.size };
    match size {
        Some(n) => format!("{} ({} {})", p.name, p.size_meaning, n),
        None => p.name.clone(),
    }
}

/// `notes`: hand-written caveats from benches/notes.md, appended verbatim.
pub fn render(r: &Results, chart: &str, json: &str, notes: &str) -> String {
    let mut md = String::new();
    let w = &mut md;
    let run3 = r.run_flavor.as_str();
    let _ = writeln!(w, "# WasmRust benchmarks\n");
    let _ = writeln!(
        w,
        "Generated by `{}` on {} in {:.0} s{}. Every figure below comes from that one run; raw data: [{}]({}).\n",
        r.command,
        r.started_utc,
        r.duration_s,
        if r.quick { " — **quick mode: tiny sizes, one repetition, not a measurement**" } else { "" },
        json,
        json
    );
    summary(w, r);
    let _ = writeln!(w, "## Machine\n");
    let m = &r.machine;
    let _ = writeln!(w, "| | |\n|---|---|");
    let _ = writeln!(w, "| CPU | {} |", m.cpu_model);
    let _ = writeln!(w, "| `nproc` | {} |", m.nproc);
    let _ = writeln!(w, "| memory | {} |", m.memory);
    let _ = writeln!(w, "| OS | {} |", m.os);
    let _ = writeln!(w, "| load average (1/5/15 min) before → after | {} → {} |", m.load_before, m.load_after);
    for (tool, version) in &r.tools {
        let _ = writeln!(w, "| {} | {} |", tool, version);
    }
    let _ = writeln!(
        w,
        "\nThe machine is shared (other jobs were running: see the load average), so wall times carry noise; \
         each is the median of {} interleaved runs with min–max, and the callgrind instruction counts \
         below are the load-independent figures.\n",
        r.reps
    );
    if !r.install_log.trim().is_empty() {
        let _ = writeln!(w, "Baseline installation (seconds, from `scripts/bench-install.sh`; 0 = already present):\n");
        let _ = writeln!(w, "```\n{}\n```\n", r.install_log.trim());
    }

    let _ = writeln!(w, "## What is compared\n");
    let _ = writeln!(
        w,
        "- **rustc-z / rustc-3**: the same Rust source through rustc's `wasm32-wasip1` target (Debian `rustc-web`, \
         `-Zbuild-std=std,panic_abort`, fat LTO, `codegen-units=1`, `panic=abort`, stripped) at `opt-level=\"z\"` / `3`.\n\
         - **rustc-z+wasm-opt**: rustc-z through binaryen `wasm-opt -Oz`: the smallest module stock tooling makes.\n\
         - **clang-c**: the C versions of the CPU-bound programs (`benches/programs/c`), `clang -O2 --target=wasm32-wasi` with Debian's wasi-libc.\n\
         - **ours**: `cargo wasm build --release` (WasmGC). Engines: **wasmtime** (PyPI, Cranelift, compiles the module every run), \
         **wasmi** (`wasmi_cli`, interpreter, lazy translation), **gc-runtime** (ours, interpreter, via `cargo wasm run MODULE`), \
         and **native** executables (`rustc -O`, `clang -O2`) as the floor.\n\
         - Every run's stdout is compared with the native rustc build's; a mismatch is reported as a failure, never timed.\n"
    );

    // ---- sizes ----
    let _ = writeln!(w, "## Module size\n");
    let _ = writeln!(w, "Bytes, raw / `gzip -9`. Ratios use raw sizes. rustc's and clang's modules are stripped; ours keep their \
        custom sections (name section, producers), counted here — the next table shows ours without them.\n");
    let _ = writeln!(w, "| program | rustc-z | rustc-z+wasm-opt | rustc-3 | clang-c | ours | ours / rustc-z | ours / rustc-z+wasm-opt |");
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for p in &r.programs {
        let ours = p.layouts.get(OURS).map(|l| l.raw as f64);
        let rz = p.layouts.get(RUSTC_Z).map(|l| l.raw as f64);
        let ropt = p.layouts.get(RUSTC_Z_OPT).map(|l| l.raw as f64);
        let rat = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => ratio(a, b),
            _ => "—".into(),
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            p.name,
            size_cell(p, RUSTC_Z),
            size_cell(p, RUSTC_Z_OPT),
            size_cell(p, RUSTC_3),
            size_cell(p, CLANG_WASM),
            size_cell(p, OURS),
            rat(ours, rz),
            rat(ours, ropt)
        );
    }
    let _ = writeln!(w, "\nOurs without custom sections (what `wasm-opt --strip-debug --strip-producers` would leave):\n");
    let _ = writeln!(w, "| program | ours, stripped | of which custom sections removed | stripped ours / rustc-z+wasm-opt |");
    let _ = writeln!(w, "|---|---:|---:|---:|");
    for p in &r.programs {
        if let Some(l) = p.layouts.get(OURS) {
            let stripped = l.raw - l.custom_bytes;
            let vs = p.layouts.get(RUSTC_Z_OPT).map(|o| ratio(stripped as f64, o.raw as f64)).unwrap_or_else(|| "—".into());
            let _ = writeln!(w, "| {} | {} | {} | {} |", p.name, bytes(stripped), bytes(l.custom_bytes), vs);
        }
    }
    let _ = writeln!(w, "\n![sizes and run times]({chart})\n");

    // ---- streaming ----
    let _ = writeln!(w, "## Bytes before the first export can run\n");
    let _ = writeln!(
        w,
        "Computed from the section layout by `benches/src/layout.rs` (wasmparser) the same way for every module. \
         *root body end*: the file offset where `_start`'s own code body ends (everything before it must have arrived). \
         *reachable end*: where the last body reachable from `_start` ends (direct calls, `ref.func`, and all table \
         elements once an indirect call is reachable) — the stricter figure. Note that the data section follows the \
         code section, and a module needs it to instantiate; its size is shown separately.\n"
    );
    let _ = writeln!(w, "| program | module | total | root body end | reachable end | reachable / all functions | data section |");
    let _ = writeln!(w, "|---|---|---:|---:|---:|---:|---:|");
    for p in &r.programs {
        for flavor in [RUSTC_Z, RUSTC_Z_OPT, OURS] {
            match p.layouts.get(flavor) {
                Some(l) => {
                    let _ = writeln!(
                        w,
                        "| {} | {} | {} | {} ({:.0} %) | {} ({:.0} %) | {} / {} | {} |",
                        p.name,
                        flavor,
                        bytes(l.raw),
                        bytes(l.root_body_end),
                        100.0 * l.root_body_end as f64 / l.raw as f64,
                        bytes(l.reachable_end),
                        100.0 * l.reachable_end as f64 / l.raw as f64,
                        l.reachable_functions,
                        l.functions,
                        bytes(l.data_bytes)
                    );
                }
                None if flavor == OURS => {
                    let reason = p.builds.get(OURS).and_then(|b| b.error.clone()).unwrap_or_default();
                    let _ = writeln!(w, "| {} | ours | {} | | | | |", p.name, missing(&reason));
                }
                None => {}
            }
        }
    }

    // ---- compile time ----
    let _ = writeln!(w, "\n## Compile time\n");
    let _ = writeln!(
        w,
        "One program, its dependencies (std) already built: `touch src/main.rs` then the build command, \
         median of {} (min–max). rustc's figure includes the fat-LTO link against std; ours includes the \
         native `cargo check` that `cargo wasm build` runs first.\n",
        if r.quick { 1 } else { r.reps }
    );
    let _ = writeln!(w, "| program | rustc wasm32 -z | rustc wasm32 -3 | ours | ours / rustc-z | native rustc -O (1 run, no cargo) |");
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|");
    for p in &r.programs {
        let c = |flavor: &str| -> String {
            match p.builds.get(flavor) {
                Some(b) => match (&b.compile, &b.error) {
                    (_, Some(e)) => missing(e),
                    (Some(s), None) => stats(s),
                    _ => "—".into(),
                },
                None => "n/a".into(),
            }
        };
        let med = |flavor: &str| p.builds.get(flavor).and_then(|b| b.compile.as_ref()).map(|s| s.median);
        let rat = match (med(OURS), med(RUSTC_Z)) {
            (Some(a), Some(b)) => ratio(a, b),
            _ => "—".into(),
        };
        let _ = writeln!(w, "| {} | {} | {} | {} | {} | {} |", p.name, c(RUSTC_Z), c(RUSTC_3), c(OURS), rat, c(NATIVE_RUST));
    }

    // ---- start-up ----
    if let Some(hello) = r.programs.iter().find(|p| p.name == "hello") {
        let _ = writeln!(w, "\n## Start-up: hello world\n");
        let _ = writeln!(
            w,
            "Validate + instantiate + first call, for the module printing one line. wasmtime's phases are timed \
             inside the process (Python's start-up excluded); wasmi, gc-runtime and native are whole-process wall \
             times (process creation included, about 1 ms here — see the native row).\n"
        );
        let _ = writeln!(w, "| engine | module | total | compile/validate | instantiate | run |");
        let _ = writeln!(w, "|---|---|---:|---:|---:|---:|");
        for c in &hello.cells {
            let (total, phases) = match (&c.wall, &c.phases, &c.error) {
                (Some(t), Some(ph), _) => (stats(t), format!("{} | {} | {}", stats(&ph.compile), stats(&ph.instantiate), stats(&ph.run))),
                (Some(t), None, _) => (stats(t), "| | ".to_string()),
                (None, _, Some(e)) => (missing(e), "| | ".to_string()),
                _ => ("—".into(), "| | ".to_string()),
            };
            let _ = writeln!(w, "| {} | {} | {} | {} |", c.engine, c.flavor, total, phases);
        }
    }

    // ---- run time ----
    let _ = writeln!(w, "\n## Run time\n");
    let _ = writeln!(
        w,
        "Wall time, median of {} runs interleaved across all engines (min–max), and **the ratio to native rustc -O**. \
         Engines run rustc's `{}` module, the C module and ours. wasmtime's figure is in-process compile + \
         instantiate + run; the others are process wall times.\n",
        r.reps, run3
    );
    let _ = writeln!(w, "| program | engine | rustc module | C module | ours |");
    let _ = writeln!(w, "|---|---|---:|---:|---:|");
    for p in &r.programs {
        if p.name == "hello" {
            continue;
        }
        let native = cell(p, NATIVE, NATIVE_RUST).and_then(|c| c.wall.as_ref()).map(|s| s.median);
        let label = size_label(p, false);
        let _ = writeln!(
            w,
            "| {} | native | {} | {} | |",
            label,
            wall_cell(cell(p, NATIVE, NATIVE_RUST), native),
            wall_cell(cell(p, NATIVE, NATIVE_C), native)
        );
        for engine in [WASMTIME, WASMI, GC_RUNTIME] {
            let _ = writeln!(
                w,
                "| | {} | {} | {} | {} |",
                engine,
                wall_cell(cell(p, engine, run3), native),
                wall_cell(cell(p, engine, CLANG_WASM), native),
                wall_cell(cell(p, engine, OURS), native)
            );
        }
    }

    // ---- interpreters ----
    let _ = writeln!(w, "\n## Interpreters: gc-runtime vs wasmi on the same module\n");
    let _ = writeln!(
        w,
        "Both engines run the very same rustc `{}` (and C) module, so the ratio measures the interpreters alone. \
         Ratio = gc-runtime / wasmi (below 1: gc-runtime is faster). Instruction counts are from callgrind at the \
         callgrind size (see the next table).\n",
        run3
    );
    let _ = writeln!(w, "| program | module | wasmi wall | gc-runtime wall | ratio (wall) | wasmi instr. | gc-runtime instr. | ratio (instr.) |");
    let _ = writeln!(w, "|---|---|---:|---:|---:|---:|---:|---:|");
    for p in r.programs.iter().filter(|p| p.name != "hello") {
        for flavor in [run3, CLANG_WASM] {
            let (Some(a), Some(b)) = (cell(p, WASMI, flavor), cell(p, GC_RUNTIME, flavor)) else { continue };
            let wall_ratio = match (&a.wall, &b.wall) {
                (Some(x), Some(y)) => ratio(y.median, x.median),
                _ => "—".into(),
            };
            let instr_ratio = match (a.instructions, b.instructions) {
                (Some(x), Some(y)) => ratio(y as f64, x as f64),
                _ => "—".into(),
            };
            let instr = |c: &Cell| match (c.instructions, &c.callgrind_error, &c.error) {
                (Some(n), _, _) => count(n),
                (None, Some(e), _) | (None, None, Some(e)) => missing(e),
                _ => "—".into(),
            };
            let _ = writeln!(
                w,
                "| {}{} | {} | {} | {} | {} | {} | {} | {} |",
                p.name,
                if p.cpu_bound { "" } else { " (not CPU-bound)" },
                flavor,
                wall_cell(Some(a), None),
                wall_cell(Some(b), None),
                wall_ratio,
                instr(a),
                instr(b),
                instr_ratio
            );
        }
    }

    // ---- callgrind ----
    let _ = writeln!(w, "\n## Instruction counts (callgrind)\n");
    let _ = writeln!(
        w,
        "`valgrind --tool=callgrind`, one run per cell (counts are deterministic to ~0.01 %, unaffected by load). \
         Whole process, so start-up is included. wasmtime is left out: it runs inside Python, whose own \
         instructions would dominate. Ratio to native rustc in bold.\n"
    );
    let _ = writeln!(w, "| program | native rustc | native clang | wasmi rustc | wasmi C | gc-runtime rustc | gc-runtime C | gc-runtime ours |");
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for p in &r.programs {
        let base = cell(p, NATIVE, NATIVE_RUST).and_then(|c| c.instructions);
        let f = |engine: &str, flavor: &str| -> String {
            match cell(p, engine, flavor) {
                None => "n/a".into(),
                Some(c) => match (c.instructions, &c.callgrind_error, &c.error) {
                    (Some(n), _, _) => match base {
                        Some(b) if !(engine == NATIVE && flavor == NATIVE_RUST) => format!("{} **{}**", count(n), ratio(n as f64, b as f64)),
                        _ => count(n),
                    },
                    (None, Some(e), _) => missing(e),
                    (None, None, Some(e)) => missing(e),
                    _ => "—".into(),
                },
            }
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            size_label(p, true),
            f(NATIVE, NATIVE_RUST),
            f(NATIVE, NATIVE_C),
            f(WASMI, run3),
            f(WASMI, CLANG_WASM),
            f(GC_RUNTIME, run3),
            f(GC_RUNTIME, CLANG_WASM),
            f(GC_RUNTIME, OURS)
        );
    }

    // ---- missing ----
    let _ = writeln!(w, "\n## What is missing, and why\n");
    let mut any = false;
    for p in &r.programs {
        for (flavor, b) in &p.builds {
            if b.fixed_size {
                any = true;
                let _ = writeln!(
                    w,
                    "- {} / {}: our compiler does not support `std::env::args` yet, so this module was built from a \
                     generated copy whose `size_arg` returns the size as a constant (one build per size); it runs \
                     without an argument. Everything else in the source is identical.",
                    p.name, flavor
                );
            }
            if let Some(e) = &b.error {
                any = true;
                let _ = writeln!(w, "- {} / {}: not built — {}", p.name, flavor, e.replace('`', "'"));
            }
        }
        for c in &p.cells {
            if let Some(e) = c.error.as_ref().filter(|e| !e.contains("not built") && !e.contains("not installed")) {
                any = true;
                let _ = writeln!(w, "- {} on {} ({}): {}", p.name, c.engine, c.flavor, e.replace('`', "'"));
            }
        }
    }
    if !any {
        let _ = writeln!(w, "- Nothing: every program was built and run by every toolchain and engine.");
    }
    if !notes.trim().is_empty() {
        let _ = writeln!(w, "\n{}", notes.trim());
    }
    md
}
