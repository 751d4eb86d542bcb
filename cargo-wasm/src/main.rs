//! `cargo wasm`: the cargo extension that builds, runs and tests Rust as WebAssembly GC.
//!
//! Cargo runs us as `cargo-wasm wasm <ARGS>`. Each subcommand lives in `commands/`; cargo conventions
//! (metadata, profiles, features, status lines, JSON messages, exit codes) live in their own modules.

mod cli;
mod commands;
mod diagnostics_json;
mod features;
mod libtest;
mod profile;
mod shell;
mod workspace;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use cli::{CargoCli, Command, MessageFormat};
use shell::{Shell, Verbosity};

/// How a command ended when it did not succeed.
pub enum Failure {
    /// Print `error: <message>` and exit 101.
    Reported(String),
    /// Everything has been said already; exit with this status.
    Silent(i32),
    /// An unexpected error: printed with its causes, exit 101.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

fn main() -> ExitCode {
    let argv = normalize_argv(std::env::args_os().collect());
    let (argv, guest_args) = split_guest_args(argv);
    let cli = match CargoCli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version are successes; usage errors exit 1 as cargo's do.
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    let CargoCli::Wasm(cli) = cli;
    let (shell, result) = match cli.command {
        Command::Build(args) => {
            let shell = shell_for(cli.color, &args.build);
            let r = commands::build::run(&shell, &args.build);
            (shell, r)
        }
        Command::Run(mut args) => {
            args.args.extend(guest_args);
            let shell = shell_for(cli.color, &args.build);
            let r = commands::run::run(&shell, &args);
            (shell, r)
        }
        Command::Test(mut args) => {
            args.harness_args.extend(guest_args);
            let shell = shell_for(cli.color, &args.build);
            let r = commands::test::run(&shell, &args);
            (shell, r)
        }
        Command::Wast(args) => {
            let verbosity = if args.quiet { Verbosity::Quiet } else { Verbosity::Normal };
            let shell = Shell::new(cli.color, verbosity, MessageFormat::Human);
            let r = commands::wast::run(&shell, &args);
            (shell, r)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Reported(message)) => {
            shell.error(message);
            ExitCode::from(101)
        }
        Err(Failure::Silent(code)) => ExitCode::from(exit_byte(code)),
        Err(Failure::Other(error)) => {
            shell.error(format_args!("{error:#}"));
            ExitCode::from(101)
        }
    }
}

fn shell_for(color: cli::ColorChoice, build: &cli::BuildOptions) -> Shell {
    let verbosity = if build.quiet {
        Verbosity::Quiet
    } else if build.verbose > 0 {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    Shell::new(color, verbosity, build.message_format)
}

/// Exit statuses are one byte on Unix; WASI exit codes outside 0..=255 wrap the same way a native process's do.
fn exit_byte(code: i32) -> u8 {
    (code & 0xff) as u8
}

/// Accepts both `cargo-wasm wasm build` (as cargo calls us) and a direct `cargo-wasm build`.
fn normalize_argv(mut argv: Vec<OsString>) -> Vec<OsString> {
    if argv.get(1).map(|a| a != "wasm").unwrap_or(true) {
        argv.insert(1, "wasm".into());
    }
    argv
}

/// Everything after the first `--` of `run`/`test` belongs to the guest program or the test harness; we take it
/// out before clap sees it so that `cargo wasm run -- a b` never mistakes `a` for a module path.
fn split_guest_args(mut argv: Vec<OsString>) -> (Vec<OsString>, Vec<String>) {
    let is_guest_command = argv.get(2).is_some_and(|c| matches!(c.to_str(), Some("run" | "r" | "test" | "t")));
    if !is_guest_command {
        return (argv, Vec::new());
    }
    // For `run MODULE args...`, clap's trailing positional already collects what follows the module.
    match argv.iter().position(|a| a == "--") {
        Some(i) => {
            let rest = argv.split_off(i + 1);
            argv.pop();
            (argv, rest.into_iter().map(|a| a.to_string_lossy().into_owned()).collect())
        }
        None => (argv, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn direct_invocation_gets_the_wasm_word() {
        assert_eq!(normalize_argv(os(&["cargo-wasm", "build"])), os(&["cargo-wasm", "wasm", "build"]));
        assert_eq!(normalize_argv(os(&["cargo-wasm", "wasm", "run"])), os(&["cargo-wasm", "wasm", "run"]));
    }

    #[test]
    fn guest_args_after_double_dash_are_split_off() {
        let (argv, guest) = split_guest_args(os(&["c", "wasm", "run", "--release", "--", "a", "--b"]));
        assert_eq!(argv, os(&["c", "wasm", "run", "--release"]));
        assert_eq!(guest, ["a", "--b"]);
        let (argv, guest) = split_guest_args(os(&["c", "wasm", "build", "--", "x"]));
        assert_eq!(argv.len(), 5);
        assert!(guest.is_empty());
    }

    #[test]
    fn exit_codes_wrap_like_unix() {
        assert_eq!(exit_byte(101), 101);
        assert_eq!(exit_byte(256 + 3), 3);
        assert_eq!(exit_byte(-1), 255);
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        CargoCli::command().debug_assert();
    }
}
