//! The reference leg: `cargo build` with rustc and run the executable.

use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::cargo_json::BuildMessages;
use super::{BuildFailure, Profile};
use crate::package::Package;
use crate::process::{self, Captured};

/// Builds `package` natively. Warnings count as failures: the corpus must stay clean, and a warning often
/// means a program does not test what it claims to (dead code, an unused result).
pub fn build(
    package: &Package,
    profile: Profile,
    target_dir: &Path,
    timeout: Duration,
) -> Result<Result<PathBuf, BuildFailure>> {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .args([
            "build",
            "--quiet",
            "--message-format=json",
            "--manifest-path",
        ])
        .arg(package.manifest_path())
        .env("CARGO_TARGET_DIR", target_dir)
        .env("CARGO_TERM_COLOR", "never");
    if profile == Profile::Release {
        command.arg("--release");
    }
    let captured = process::run(&mut command, timeout)?;
    let messages = BuildMessages::parse(&captured.stdout);
    if !captured.status.success() {
        let errors = messages.rendered("error");
        let detail = if errors.is_empty() {
            captured.stderr
        } else {
            errors
        };
        return Ok(Err(BuildFailure {
            summary: format!("native build failed ({})", captured.status),
            detail,
        }));
    }
    let warnings = messages.rendered("warning");
    if !warnings.is_empty() {
        return Ok(Err(BuildFailure {
            summary: "native build has warnings".into(),
            detail: warnings,
        }));
    }
    match messages.executables.last() {
        Some(executable) => Ok(Ok(PathBuf::from(executable))),
        None => Ok(Err(BuildFailure {
            summary: "native build reported no executable".into(),
            detail: captured.stdout,
        })),
    }
}

/// Runs a native executable with the program's arguments, without backtraces (as a user sees a panic).
pub fn run(executable: &Path, args: &[String], cwd: &Path, timeout: Duration) -> Result<Captured> {
    let mut command = Command::new(executable);
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    process::run(&mut command, timeout)
}
