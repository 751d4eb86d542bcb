//! `cargo wasm run`: build the package's binary (or take a ready module) and run it in gc-runtime.
//! The process exits with the guest's exit status (134 on a trap, as wasmtime's CLI), so scripts
//! see what the program meant.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use gc_runtime::wasi::{RunOutcome, RunResult, WasiConfig};

use crate::Failure;
use crate::cli::RunArgs;
use crate::commands::build::{self, display_path};
use crate::shell::Shell;
use crate::workspace::Want;

/// Exit status for a trap, as wasmtime's CLI uses on Unix (128 + SIGABRT).
pub const TRAP_EXIT_CODE: i32 = 134;

/// How many functions and opcodes `--guest-profile` lists.
const PROFILE_TOP: usize = 20;

pub fn run(shell: &Shell, args: &RunArgs) -> Result<(), Failure> {
    let (module_path, guest_name) = match &args.module {
        Some(path) => (path.clone(), path.display().to_string()),
        None => {
            let started = std::time::Instant::now();
            let artifact = build::build(shell, &args.build, Want::Run)?;
            build::finished(shell, &artifact, started);
            let name = artifact.target.name.clone();
            (artifact.wasm_path, name)
        }
    };
    let wasm = std::fs::read(&module_path)
        .with_context(|| format!("could not read `{}`", module_path.display()))?;
    let config = wasi_config(args, guest_name)?;
    shell.status("Running", format_args!("`{}`", display_path(&module_path)));

    let invoke = args
        .invoke
        .as_deref()
        .map(|name| (name, args.args.as_slice()));
    let outcome = gc_runtime::wasi::run(&wasm, config, invoke);
    report_profile(&outcome);
    match outcome.result {
        Ok(RunResult::Values(values)) => {
            for value in values {
                println!("{value}");
            }
            Ok(())
        }
        Ok(RunResult::Exit(0)) => Ok(()),
        Ok(RunResult::Exit(code)) => Err(Failure::Silent(code)),
        Err(e) => Err(runtime_failure(shell, &e)),
    }
}

/// With `--guest-profile`, the profile goes to stderr after the run (also after a trap).
fn report_profile(outcome: &RunOutcome) {
    if let Some(p) = &outcome.profile {
        eprint!("{}", p.render(PROFILE_TOP));
    }
}

fn runtime_failure(shell: &Shell, error: &gc_runtime::Error) -> Failure {
    shell.error(&error.to_string());
    if error.trap_message().is_some() {
        Failure::Silent(TRAP_EXIT_CODE)
    } else {
        Failure::Silent(1)
    }
}

fn wasi_config(args: &RunArgs, program_name: String) -> Result<WasiConfig> {
    let mut config = WasiConfig {
        fuel: args.fuel,
        max_memory_bytes: args.max_memory,
        profile: args.guest_profile,
        ..WasiConfig::default()
    };
    config.args.push(program_name);
    if args.invoke.is_none() {
        config.args.extend(args.args.iter().cloned());
    }
    for pair in &args.envs {
        let Some((key, value)) = pair.split_once('=') else {
            bail!("invalid value `{pair}` for `--env`: expected KEY=VALUE");
        };
        config.env.push((key.to_string(), value.to_string()));
    }
    for dir in &args.dirs {
        let (host, guest) = dir.split_once("::").unwrap_or((dir.as_str(), dir.as_str()));
        let host = PathBuf::from(host);
        if !host.is_dir() {
            bail!("`--dir {dir}`: `{}` is not a directory", host.display());
        }
        config.preopens.push((host, guest.to_string()));
    }
    Ok(config)
}
