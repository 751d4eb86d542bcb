//! `cargo wasm run`: build the package's binary (or take a ready module) and run it in gc-runtime.
//! The process exits with the guest's exit status, so scripts see what the program meant.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use gc_runtime::wasi::WasiConfig;

use crate::Failure;
use crate::cli::RunArgs;
use crate::commands::build::{self, display_path};
use crate::shell::Shell;
use crate::workspace::Want;

/// Exit status for a trap, as wasmtime's CLI uses on Unix (128 + SIGABRT).
pub const TRAP_EXIT_CODE: i32 = 134;

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
    let wasm = std::fs::read(&module_path).with_context(|| format!("could not read `{}`", module_path.display()))?;
    let config = wasi_config(args, guest_name)?;
    shell.status("Running", format_args!("`{}`", display_path(&module_path)));

    if let Some(export) = &args.invoke {
        let results = gc_runtime::invoke_export(&wasm, export, &args.args, config)
            .map_err(|e| runtime_failure(shell, &e))?;
        for value in results {
            println!("{value}");
        }
        return Ok(());
    }
    let outcome = gc_runtime::wasi::run_command(&wasm, config).map_err(|e| runtime_failure(shell, &e))?;
    if outcome.exit_code == 0 { Ok(()) } else { Err(Failure::Silent(outcome.exit_code)) }
}

fn runtime_failure(shell: &Shell, error: &gc_runtime::Error) -> Failure {
    let text = error.to_string();
    shell.error(&text);
    if text.starts_with("wasm trap") { Failure::Silent(TRAP_EXIT_CODE) } else { Failure::Silent(1) }
}

fn wasi_config(args: &RunArgs, program_name: String) -> Result<WasiConfig> {
    let mut config = WasiConfig { fuel: args.fuel, ..WasiConfig::default() };
    config.args.push(program_name);
    config.args.extend(args.args.iter().cloned());
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
