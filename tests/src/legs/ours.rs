//! Our leg: `cargo wasm build` lowers the package to a WasmGC module, `cargo wasm run` runs it on gc-runtime.

use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::cargo_json::BuildMessages;
use super::{BuildFailure, Profile};
use crate::package::Package;
use crate::process::{self, Captured};

/// `cargo wasm build -q --manifest-path <pkg>/Cargo.toml [--release] --message-format=json`; the module path
/// comes from the `compiler-artifact` message.
pub fn build(
    cargo_wasm: &Path,
    package: &Package,
    profile: Profile,
    target_dir: &Path,
    timeout: Duration,
) -> Result<Result<PathBuf, BuildFailure>> {
    if !cargo_wasm.is_file() {
        return Ok(Err(BuildFailure {
            summary: format!("cargo-wasm not found at {}", cargo_wasm.display()),
            detail: "build it with `cargo build --release -p cargo-wasm` or point CARGO_WASM at it"
                .into(),
        }));
    }
    let mut command = Command::new(cargo_wasm);
    command
        .args(["wasm", "build", "-q", "--manifest-path"])
        .arg(package.manifest_path())
        .arg("--message-format=json")
        .env("CARGO_TARGET_DIR", target_dir)
        .env("CARGO_TERM_COLOR", "never");
    if profile == Profile::Release {
        command.arg("--release");
    }
    let captured = process::run(&mut command, timeout)?;
    let messages = BuildMessages::parse(&captured.stdout);
    if !captured.status.success() {
        let mut detail = messages.rendered("error");
        detail.push_str(&captured.stderr);
        let first_line = detail
            .lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_owned();
        return Ok(Err(BuildFailure {
            summary: format!("wasm build failed ({}): {first_line}", captured.status),
            detail,
        }));
    }
    match messages.wasm_module() {
        Some(module) => Ok(validate(Path::new(module)).map(|()| PathBuf::from(module))),
        None => Ok(Err(BuildFailure {
            summary: "wasm build succeeded but reported no .wasm artifact".into(),
            detail: format!("stdout:\n{}\nstderr:\n{}", captured.stdout, captured.stderr),
        })),
    }
}

/// Checks the module independently of cargo-wasm's own validation: every output must be valid for
/// `wasmparser` with its default features (issue 3's contract).
pub fn validate(module: &Path) -> Result<(), BuildFailure> {
    let bytes = std::fs::read(module).map_err(|error| BuildFailure {
        summary: format!("cannot read the module {}", module.display()),
        detail: error.to_string(),
    })?;
    wasmparser::Validator::new()
        .validate_all(&bytes)
        .map(|_| ())
        .map_err(|error| BuildFailure {
            summary: format!("invalid module (wasmparser): {error}"),
            detail: format!("{}: {error}", module.display()),
        })
}

/// `cargo wasm run -q <module> [-- args]`.
pub fn run(
    cargo_wasm: &Path,
    module: &Path,
    args: &[String],
    cwd: &Path,
    timeout: Duration,
) -> Result<Captured> {
    let mut command = Command::new(cargo_wasm);
    command
        .args(["wasm", "run", "-q"])
        .arg(module)
        .current_dir(cwd);
    if !args.is_empty() {
        command.arg("--").args(args);
    }
    process::run(&mut command, timeout)
}

#[cfg(test)]
mod tests {
    use super::validate;

    #[test]
    fn rejects_invalid_modules() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.wasm");
        // A function declared to return i32 whose body is empty.
        let bytes = [
            0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // header
            1, 5, 1, 0x60, 0, 1, 0x7f, // type section: [] -> [i32]
            3, 2, 1, 0, // function section
            10, 4, 1, 2, 0, 0x0b, // code section: no locals, end
        ];
        std::fs::write(&path, bytes).unwrap();
        let failure = validate(&path).unwrap_err();
        assert!(
            failure
                .summary
                .starts_with("invalid module (wasmparser): type mismatch"),
            "{}",
            failure.summary
        );
        std::fs::write(&path, &bytes[..8]).unwrap();
        assert_eq!(validate(&path), Ok(()));
    }
}
