//! The independent engine: the same module on wasmtime (PyPI `wasmtime`), through `tests/tools/wasmtime_run.py`.

use anyhow::Result;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::process::{self, Captured};

/// `python3 wasmtime_run.py <module> [args]`; the interpreter can be overridden with `PYTHON`.
pub fn run(
    script: &Path,
    module: &Path,
    args: &[String],
    cwd: &Path,
    timeout: Duration,
) -> Result<Captured> {
    let python = std::env::var_os("PYTHON").unwrap_or_else(|| "python3".into());
    let mut command = Command::new(python);
    command.arg(script).arg(module).args(args).current_dir(cwd);
    process::run(&mut command, timeout)
}
