//! `wasmrust-tests programs [SUBSTRING]`: the differential corpus run (native vs gc-runtime vs wasmtime).

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use wasmrust_tests::corpus;
use wasmrust_tests::known_failures::KnownFailures;
use wasmrust_tests::report::{
    Summary, classify, format_result, updated_known_failures, wasm_figures,
};
use wasmrust_tests::runner::{Settings, run_all};

#[derive(Parser)]
#[command(about = "WasmRust differential tests: native ≡ WasmGC (gc-runtime) ≡ wasmtime")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build and run every program of tests/programs three ways and compare stdout, stderr and exit status.
    Programs {
        /// Only programs whose name contains this.
        filter: Option<String>,
        /// Rewrite tests/programs/KNOWN_FAILURES from this run's results.
        #[arg(long)]
        update_known_failures: bool,
        /// Programs checked at once.
        #[arg(long, default_value_t = 2)]
        jobs: usize,
        /// Seconds allowed for each build and each run of a program.
        #[arg(long, default_value_t = 60)]
        timeout: u64,
        /// Only build and run natively (validates the corpus itself: clean build, deterministic output).
        #[arg(long)]
        native_only: bool,
        /// Corpus directory [default: <workspace>/tests/programs]; its KNOWN_FAILURES is used.
        #[arg(long)]
        programs_dir: Option<PathBuf>,
        /// Scratch directory [default: $CARGO_TARGET_DIR/wasmrust-programs or <workspace>/target/wasmrust-programs].
        #[arg(long)]
        work_dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

fn run(cli: Cli) -> Result<ExitCode> {
    let Command::Programs {
        filter,
        update_known_failures,
        jobs,
        timeout,
        native_only,
        programs_dir,
        work_dir,
    } = cli.command;
    let root = workspace_root();
    let programs_dir = programs_dir.unwrap_or_else(|| root.join("tests").join("programs"));
    let known_path = programs_dir.join("KNOWN_FAILURES");
    let known = match std::fs::read_to_string(&known_path) {
        Ok(text) => KnownFailures::parse(&text)?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => KnownFailures::default(),
        Err(error) => return Err(error).context(format!("cannot read {}", known_path.display())),
    };
    if native_only && update_known_failures {
        bail!("--update-known-failures needs the wasm legs; drop --native-only");
    }

    let work_dir = work_dir.unwrap_or_else(|| {
        std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target"))
            .join("wasmrust-programs")
    });
    std::fs::create_dir_all(&work_dir)
        .with_context(|| format!("cannot create {}", work_dir.display()))?;
    let work_dir = work_dir.canonicalize()?;
    let settings = Settings {
        work_dir,
        cargo_wasm: std::env::var_os("CARGO_WASM")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target").join("release").join("cargo-wasm")),
        wasmtime_script: root.join("tests").join("tools").join("wasmtime_run.py"),
        timeout: Duration::from_secs(timeout),
        jobs,
        native_only,
    };

    let programs = corpus::discover(&programs_dir, filter.as_deref())?;
    if programs.is_empty() {
        bail!(
            "no programs in {} match {:?}",
            programs_dir.display(),
            filter.unwrap_or_default()
        );
    }
    if native_only {
        println!("native only: the gc-runtime and wasmtime legs are skipped");
    } else if !settings.cargo_wasm.is_file() {
        println!(
            "warning: cargo-wasm not found at {}; set CARGO_WASM",
            settings.cargo_wasm.display()
        );
    }
    println!(
        "checking {} programs with {} workers",
        programs.len(),
        settings.jobs
    );

    let started = Instant::now();
    let known_for_report = if native_only {
        KnownFailures::default()
    } else {
        known.clone()
    };
    let results = run_all(&settings, &programs, |result| {
        println!(
            "{}",
            format_result(result, &classify(result, &known_for_report))
        );
    });
    let existing: BTreeSet<String> = corpus::all_names(&programs_dir)?.into_iter().collect();
    let summary = Summary::new(&results, &known_for_report, &existing);
    println!("finished in {:.1} s", started.elapsed().as_secs_f32());
    if let Some(figures) = wasm_figures(&results) {
        println!("{figures}");
    }

    if update_known_failures {
        let updated = updated_known_failures(&results, &known, &existing);
        std::fs::write(&known_path, updated.render())
            .with_context(|| format!("cannot write {}", known_path.display()))?;
        println!(
            "wrote {} ({} entries)",
            known_path.display(),
            updated.entries.len()
        );
        println!("{}", summary.render());
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", summary.render());
    Ok(if summary.is_failure() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
