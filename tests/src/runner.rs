//! Checking programs: build and run each leg, compare with native, on a small pool of workers.

use anyhow::Result;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::compare::{difference, short_diff};
use crate::corpus::Program;
use crate::legs::{BuildFailure, Profile, native, ours, wasmtime};
use crate::package::{Package, write_package};
use crate::process::Status;

/// Where things are and how to run them.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Scratch space: generated packages and one cargo target directory per worker.
    pub work_dir: PathBuf,
    pub cargo_wasm: PathBuf,
    pub wasmtime_script: PathBuf,
    /// Limit for each build and each run of a program.
    pub timeout: Duration,
    pub jobs: usize,
    /// Only build and run natively (to validate the corpus itself).
    pub native_only: bool,
}

/// The outcome for one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    Failed { summary: String, detail: String },
}

#[derive(Debug, Clone)]
pub struct ProgramResult {
    pub name: String,
    pub verdict: Verdict,
    pub elapsed: Duration,
    pub wasm: WasmMetrics,
}

/// Figures about the dev-profile module, for the report (module size, compile time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WasmMetrics {
    /// Size of the module in bytes, when `cargo wasm build` produced one.
    pub module_bytes: Option<u64>,
    /// Wall time of `cargo wasm build` (including its `cargo check`).
    pub build_time: Duration,
}

/// Checks all `programs` on `settings.jobs` workers; `on_result` sees each result as soon as it is known
/// (so a CI log shows progress); the results are returned in completion order.
pub fn run_all(
    settings: &Settings,
    programs: &[Program],
    mut on_result: impl FnMut(&ProgramResult),
) -> Vec<ProgramResult> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    let mut results = Vec::with_capacity(programs.len());
    std::thread::scope(|scope| {
        for worker in 0..settings.jobs.max(1) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                while let Some(program) = programs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if sender
                        .send(check_program(settings, program, worker))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for result in receiver {
            on_result(&result);
            results.push(result);
        }
    });
    results
}

/// Checks one program in the dev profile, and in release too when its header asks for it.
pub fn check_program(settings: &Settings, program: &Program, worker: usize) -> ProgramResult {
    let started = Instant::now();
    let target_dir = settings.work_dir.join(format!("target-w{worker}"));
    let mut profiles = vec![Profile::Dev];
    if program.header.also_release {
        profiles.push(Profile::Release);
    }
    let mut verdict = Verdict::Passed;
    let mut wasm = WasmMetrics::default();
    match write_package(&settings.work_dir.join("pkgs"), program) {
        Err(error) => verdict = failed("cannot write the package", format!("{error:#}")),
        Ok(package) => {
            for profile in profiles {
                let metrics = if profile == Profile::Dev {
                    Some(&mut wasm)
                } else {
                    None
                };
                let outcome =
                    check_profile(settings, program, &package, profile, &target_dir, metrics)
                        .unwrap_or_else(|error| failed("harness error", format!("{error:#}")));
                if let Verdict::Failed { summary, detail } = outcome {
                    let summary = if profile == Profile::Dev {
                        summary
                    } else {
                        format!("[{}] {summary}", profile.name())
                    };
                    verdict = Verdict::Failed { summary, detail };
                    break;
                }
            }
        }
    }
    ProgramResult {
        name: program.name.clone(),
        verdict,
        elapsed: started.elapsed(),
        wasm,
    }
}

/// Whether a program is meant to end with a non-zero status: its name says so. This catches programs that
/// panic by mistake, whose (deterministic) native output would otherwise be accepted as the reference.
pub fn may_fail_natively(name: &str) -> bool {
    name.contains("panic") || name.contains("exit")
}

fn failed(summary: impl Into<String>, detail: impl Into<String>) -> Verdict {
    Verdict::Failed {
        summary: summary.into(),
        detail: detail.into(),
    }
}

fn build_failed(failure: BuildFailure) -> Verdict {
    failed(failure.summary, failure.detail)
}

fn check_profile(
    settings: &Settings,
    program: &Program,
    package: &Package,
    profile: Profile,
    target_dir: &Path,
    metrics: Option<&mut WasmMetrics>,
) -> Result<Verdict> {
    let args = &program.header.args;
    let cwd = &package.dir;
    let timeout = settings.timeout;

    let executable = match native::build(package, profile, target_dir, timeout)? {
        Ok(executable) => executable,
        Err(failure) => return Ok(build_failed(failure)),
    };
    let reference = native::run(&executable, args, cwd, timeout)?;
    if let Status::TimedOut(_) = reference.status {
        return Ok(failed(
            format!("native run {}", reference.status),
            short_diff("", &reference.stdout),
        ));
    }
    if !reference.status.success() && !may_fail_natively(&program.name) {
        let detail = format!("stderr:\n{}", reference.stderr.trim_start());
        return Ok(failed(
            format!(
                "native run ends with {} but the name does not say it panics or exits (`panic`/`exit` in the name)",
                reference.status
            ),
            detail,
        ));
    }
    let again = native::run(&executable, args, cwd, timeout)?;
    if let Some(diff) = difference(&reference, &again) {
        return Ok(failed("native output is not deterministic", diff.detail));
    }
    if settings.native_only {
        return Ok(Verdict::Passed);
    }

    let build_started = Instant::now();
    let built = ours::build(&settings.cargo_wasm, package, profile, target_dir, timeout)?;
    if let Some(metrics) = metrics {
        metrics.build_time = build_started.elapsed();
        metrics.module_bytes = built
            .as_ref()
            .ok()
            .and_then(|module| std::fs::metadata(module).ok())
            .map(|m| m.len());
    }
    let module = match built {
        Ok(module) => module,
        Err(failure) => return Ok(build_failed(failure)),
    };
    let legs = [
        (
            "gc-runtime",
            ours::run(&settings.cargo_wasm, &module, args, cwd, timeout)?,
        ),
        (
            "wasmtime",
            wasmtime::run(&settings.wasmtime_script, &module, args, cwd, timeout)?,
        ),
    ];
    let mut summaries = Vec::new();
    let mut detail = None;
    for (leg, captured) in &legs {
        if let Some(diff) = difference(&reference, captured) {
            summaries.push(format!(
                "{leg}: {} differ{} from native",
                diff.channels.join(", "),
                if diff.channels.len() == 1 { "s" } else { "" }
            ));
            detail.get_or_insert_with(|| {
                format!("{leg} vs native (- native, + {leg}):\n{}", diff.detail)
            });
        }
    }
    // When both engines print the same wrong thing, the module is at fault (the compiler), not gc-runtime.
    if summaries.len() == legs.len() && difference(&legs[0].1, &legs[1].1).is_none() {
        summaries.push("both engines agree with each other".into());
    }
    Ok(match detail {
        None => Verdict::Passed,
        Some(detail) => failed(summaries.join("; "), detail),
    })
}

#[cfg(test)]
mod tests {
    use super::may_fail_natively;

    #[test]
    fn only_programs_named_for_it_may_fail() {
        assert!(may_fail_natively("int_overflow_add_panics"));
        assert!(may_fail_natively("panic_unwrap_none"));
        assert!(may_fail_natively("process_exit_code"));
        assert!(!may_fail_natively("string_methods"));
    }
}
