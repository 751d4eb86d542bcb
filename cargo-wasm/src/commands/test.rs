//! `cargo wasm test`: the WasmGC half of `cargo test`. The crate is compiled once in test mode (the compiler
//! adds a harness that runs the `#[test]` whose index is argv[1]); each selected test then runs in a fresh
//! gc-runtime instance with captured output, and the report is libtest's (see `crate::libtest`).

use std::time::Instant;

use anyhow::Context;
use gc_runtime::wasi::{RunResult, WasiConfig};
use wasmrust_compiler::{CompileOptions, CrateKind, TestDesc};

use crate::Failure;
use crate::cli::TestArgs;
use crate::commands::build::{self, CheckFor, display_path};
use crate::commands::run::TRAP_EXIT_CODE;
use crate::features::enabled_features;
use crate::libtest::{self, Execution, HarnessOptions, ShouldPanic, TestCase, Verdict};
use crate::profile;
use crate::shell::Shell;
use crate::workspace::{self, Want};

pub fn run(shell: &Shell, args: &TestArgs) -> Result<(), Failure> {
    let harness = HarnessOptions::parse(args.filter.as_deref(), &args.harness_args).map_err(|e| {
        shell.error(&e);
        Failure::Silent(101)
    })?;
    let opts = &args.build;
    let metadata = workspace::load_metadata(opts)?;
    let package = workspace::select_package(&metadata, opts)?.clone();
    let target = workspace::select_target(&package, opts, Want::Test)?.clone();
    // `cargo test` uses the `test` profile, which inherits dev (or `bench`/release with `--release`).
    let profile = profile::resolve(&metadata.workspace_root, opts.release, opts.profile.as_deref())?;
    let features = enabled_features(&package.features, opts)?;
    let started = Instant::now();

    if !opts.no_check {
        build::native_check(shell, opts, &package, &target, &metadata.target_directory, CheckFor::Tests)?;
    }
    shell.status("Compiling", format_args!("{} v{} ({}) [wasm-gc test]", package.name, package.version, package.root().display()));
    let compile_options = CompileOptions {
        package_root: package.root().to_path_buf(),
        crate_root: target.src_path.clone(),
        crate_name: target.name.replace('-', "_"),
        kind: CrateKind::Test,
        overflow_checks: profile.overflow_checks,
        debug_assertions: profile.debug_assertions,
        optimize: profile.optimize(),
        features,
    };
    let output = match wasmrust_compiler::compile(&compile_options) {
        Ok(output) => output,
        Err(diagnostics) => {
            shell.print_stderr(&diagnostics.render(shell.stderr_supports_color()));
            let what = if target.is_bin() { format!("bin \"{}\" test", target.name) } else { "lib test".to_string() };
            let count = diagnostics.0.len();
            let plural = if count == 1 { "" } else { "s" };
            return Err(Failure::Reported(format!(
                "could not compile `{}` ({what}) to wasm-gc due to {count} previous error{plural}",
                package.name
            )));
        }
    };
    let out_dir = metadata.target_directory.join("wasm-gc").join(&profile.dir_name);
    std::fs::create_dir_all(&out_dir).with_context(|| format!("could not create `{}`", out_dir.display()))?;
    let wasm_path = out_dir.join(format!("{}-test.wasm", target.name.replace('-', "_")));
    std::fs::write(&wasm_path, &output.wasm).with_context(|| format!("could not write `{}`", wasm_path.display()))?;
    shell.status(
        "Finished",
        format_args!(
            "`{}` profile [{}] target(s) in {:.2}s",
            if opts.release { "bench".to_string() } else { "test".to_string() },
            profile.description(),
            started.elapsed().as_secs_f64()
        ),
    );
    let src = target.src_path.strip_prefix(package.root()).unwrap_or(&target.src_path).display().to_string();
    shell.status("Running", format_args!("unittests {src} ({})", display_path(&wasm_path)));

    let cases: Vec<TestCase> = output.tests.iter().map(test_case).collect();
    let failed = run_tests(&output.wasm, &cases, &output.tests, &harness, &target.name);
    if failed { Err(Failure::Silent(101)) } else { Ok(()) }
}

fn test_case(t: &TestDesc) -> TestCase {
    TestCase {
        name: t.name.clone(),
        ignore: t.ignore.clone(),
        should_panic: match &t.should_panic {
            wasmrust_compiler::ShouldPanic::No => ShouldPanic::No,
            wasmrust_compiler::ShouldPanic::Yes => ShouldPanic::Yes,
            wasmrust_compiler::ShouldPanic::WithMessage(m) => ShouldPanic::WithMessage(m.clone()),
        },
        location: t.location.clone(),
    }
}

/// Runs the planned tests and prints libtest's report on stdout; returns whether any failed.
fn run_tests(wasm: &[u8], cases: &[TestCase], descs: &[TestDesc], opts: &HarnessOptions, program: &str) -> bool {
    let (planned, filtered_out) = libtest::plan(cases, opts);
    if opts.list {
        print!("{}", libtest::list(&planned));
        return false;
    }
    let started = Instant::now();
    println!("\nrunning {} test{}", planned.len(), if planned.len() == 1 { "" } else { "s" });
    let mut results: Vec<(&TestCase, Verdict)> = Vec::new();
    let mut first_panic_seen = false;
    for case in planned {
        let verdict = if libtest::should_run(case, opts) {
            let index = descs.iter().position(|d| d.name == case.name).expect("planned tests come from the compiler's list");
            let execution = execute(wasm, program, index, opts.nocapture);
            let mut verdict = libtest::judge(case, &execution);
            if let Verdict::Failed { output } = &mut verdict {
                *output = libtest::strip_repeated_backtrace_note(output, &mut first_panic_seen);
            }
            verdict
        } else {
            Verdict::Ignored { reason: case.ignore.clone().flatten() }
        };
        println!("{}", libtest::result_line(case, &verdict));
        results.push((case, verdict));
    }
    print!("{}", libtest::summary(&results, filtered_out, started.elapsed().as_secs_f64()));
    results.iter().any(|(_, v)| matches!(v, Verdict::Failed { .. }))
}

/// One test in a fresh instance: argv = [program, index]. A trap counts as a failure with the runtime's
/// message in the output (natively that would be a crash of the test binary).
fn execute(wasm: &[u8], program: &str, index: usize, nocapture: bool) -> Execution {
    let config = WasiConfig { args: vec![program.to_string(), index.to_string()], capture_output: !nocapture, ..WasiConfig::default() };
    let outcome = gc_runtime::wasi::run(wasm, config, None);
    let mut output = String::from_utf8_lossy(&outcome.stdout).into_owned();
    output.push_str(&String::from_utf8_lossy(&outcome.stderr));
    let exit_code = match outcome.result {
        Ok(RunResult::Exit(code)) => code,
        Ok(RunResult::Values(_)) => 0,
        Err(e) => {
            output.push_str(&format!("error: {e}\n"));
            TRAP_EXIT_CODE
        }
    };
    Execution { exit_code, output }
}
