//! `cargo wasm build`: native `cargo check` first (rustc owns type and borrow errors), then our compiler.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result};
use serde_json::json;
use wasmrust_compiler::{CompileOptions, CrateKind};

use crate::cli::{BuildOptions, MessageFormat};
use crate::features::enabled_features;
use crate::profile::{self, Profile};
use crate::shell::{Shell, Verbosity};
use crate::workspace::{self, Package, Target, Want};
use crate::{Failure, diagnostics_json};

/// What a successful build produced.
pub struct Artifact {
    pub wasm_path: PathBuf,
    pub target: Target,
    pub profile: Profile,
}

pub fn run(shell: &Shell, opts: &BuildOptions) -> Result<(), Failure> {
    let started = Instant::now();
    let artifact = build(shell, opts, Want::Build)?;
    finished(shell, &artifact, started);
    if shell.message_format() == MessageFormat::Json {
        shell.json_message(&json!({"reason": "build-finished", "success": true}));
    }
    Ok(())
}

/// `    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.21s: target/wasm-gc/debug/x.wasm`
pub fn finished(shell: &Shell, artifact: &Artifact, started: Instant) {
    let size = std::fs::metadata(&artifact.wasm_path).map(|m| m.len()).unwrap_or(0);
    shell.status(
        "Finished",
        format_args!(
            "`{}` profile [{}] target(s) in {:.2}s: {} ({})",
            artifact.profile.name,
            artifact.profile.description(),
            started.elapsed().as_secs_f64(),
            display_path(&artifact.wasm_path),
            human_size(size)
        ),
    );
}

pub fn build(shell: &Shell, opts: &BuildOptions, want: Want) -> Result<Artifact, Failure> {
    let metadata = workspace::load_metadata(opts)?;
    let package = workspace::select_package(&metadata, opts)?.clone();
    let target = workspace::select_target(&package, opts, want)?.clone();
    let profile = profile::resolve(&metadata.workspace_root, opts.release, opts.profile.as_deref())?;
    let features = enabled_features(&package.features, opts)?;

    if !opts.no_check {
        native_check(shell, opts, &package, &target, &metadata.target_directory, CheckFor::Build)?;
    }

    shell.status("Compiling", format_args!("{} v{} ({}) [wasm-gc]", package.name, package.version, package.root().display()));
    let kind = if target.is_bin() { CrateKind::Bin } else { CrateKind::Lib };
    let compile_options = CompileOptions {
        package_root: package.root().to_path_buf(),
        crate_root: target.src_path.clone(),
        crate_name: target.name.replace('-', "_"),
        kind,
        overflow_checks: profile.overflow_checks,
        debug_assertions: profile.debug_assertions,
        optimize: profile.optimize(),
        features: features.clone(),
    };
    let output = match wasmrust_compiler::compile(&compile_options) {
        Ok(output) => output,
        Err(diagnostics) => {
            let count = diagnostics.0.len();
            match shell.message_format() {
                MessageFormat::Json => {
                    for message in diagnostics_json::messages(&diagnostics, &package, &target) {
                        shell.json_message(&message);
                    }
                    shell.json_message(&json!({"reason": "build-finished", "success": false}));
                }
                _ => shell.print_stderr(&diagnostics.render(shell.stderr_supports_color())),
            }
            let what = if target.is_bin() { format!("bin \"{}\"", target.name) } else { "lib".to_string() };
            let plural = if count == 1 { "" } else { "s" };
            return Err(Failure::Reported(format!(
                "could not compile `{}` ({what}) to wasm-gc due to {count} previous error{plural}",
                package.name
            )));
        }
    };

    let out_dir = metadata.target_directory.join("wasm-gc").join(&profile.dir_name);
    std::fs::create_dir_all(&out_dir).with_context(|| format!("could not create `{}`", out_dir.display()))?;
    let wasm_path = out_dir.join(format!("{}.wasm", artifact_stem(&target)));
    write_atomically(&wasm_path, &output.wasm)?;
    shell.verbose_status(
        "Wrote",
        format_args!(
            "{} ({} functions; {} bytes before the first export can run)",
            display_path(&wasm_path),
            output.stats.functions,
            output.stats.bytes_before_first_export
        ),
    );

    if shell.message_format() == MessageFormat::Json {
        shell.json_message(&json!({
            "reason": "compiler-artifact",
            "package_id": package.id,
            "manifest_path": package.manifest_path,
            "target": target,
            "profile": {
                "opt_level": profile.opt_level,
                "debuginfo": 0,
                "debug_assertions": profile.debug_assertions,
                "overflow_checks": profile.overflow_checks,
                "test": false,
            },
            "features": features,
            "filenames": [wasm_path],
            "executable": if target.is_bin() { json!(wasm_path) } else { json!(null) },
            "fresh": false,
        }));
    }
    Ok(Artifact { wasm_path, target, profile })
}

/// Bins keep their name (`my-app.wasm`), libraries use the crate name (`my_lib.wasm`), as cargo names outputs.
fn artifact_stem(target: &Target) -> String {
    if target.is_bin() { target.name.clone() } else { target.name.replace('-', "_") }
}

/// What the native check must cover: the build itself, or the crate as `cargo test` compiles it (`cfg(test)`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CheckFor {
    Build,
    Tests,
}

/// Runs `cargo check` for the same package/target/profile/features; its human output streams through, and with
/// `--message-format=json` only its diagnostics are forwarded (its `.rmeta` artifacts would mislead consumers).
pub fn native_check(
    shell: &Shell,
    opts: &BuildOptions,
    package: &Package,
    target: &Target,
    target_dir: &Path,
    check_for: CheckFor,
) -> Result<(), Failure> {
    let mut cmd = Command::new(workspace::cargo_program());
    cmd.arg("check").arg("--manifest-path").arg(&package.manifest_path);
    cmd.arg("--color").arg(shell.color_flag());
    if target.is_bin() {
        cmd.arg("--bin").arg(&target.name);
    } else {
        cmd.arg("--lib");
    }
    match (check_for, &opts.profile, opts.release) {
        (_, Some(p), _) => {
            cmd.arg("--profile").arg(p);
        }
        // `cargo test` builds with the `test` profile (`bench` with `--release`), which turns on `cfg(test)`.
        (CheckFor::Tests, None, release) => {
            cmd.arg("--profile").arg(if release { "bench" } else { "test" });
        }
        (CheckFor::Build, None, true) => {
            cmd.arg("--release");
        }
        (CheckFor::Build, None, false) => {}
    }
    cmd.arg("--target-dir").arg(target_dir);
    if let Some(j) = opts.jobs {
        cmd.arg("-j").arg(j.to_string());
    }
    for f in &opts.features {
        cmd.arg("--features").arg(f);
    }
    for (flag, on) in [
        ("--all-features", opts.all_features),
        ("--no-default-features", opts.no_default_features),
        ("--locked", opts.locked),
        ("--offline", opts.offline),
        ("--frozen", opts.frozen),
    ] {
        if on {
            cmd.arg(flag);
        }
    }
    // One `Finished` line per command, as cargo prints: the nested check's status lines show only with `-v`.
    // rustc's warnings and errors still come through with `-q`.
    match shell.verbosity() {
        Verbosity::Quiet | Verbosity::Normal => {
            cmd.arg("-q");
        }
        Verbosity::Verbose => {
            cmd.arg("-v");
        }
    }
    let json = shell.message_format() == MessageFormat::Json;
    if json {
        cmd.arg("--message-format=json");
        cmd.stdout(Stdio::piped());
    }
    let mut child = cmd.spawn().context("could not run `cargo check`")?;
    if json {
        let stdout = child.stdout.take().expect("stdout is piped");
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line.context("reading `cargo check` output")?;
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) {
                if value.get("reason").and_then(|r| r.as_str()) == Some("compiler-message") {
                    shell.json_message(&value);
                }
            }
        }
    }
    let status = child.wait().context("waiting for `cargo check`")?;
    if !status.success() {
        if json {
            shell.json_message(&json!({"reason": "build-finished", "success": false}));
        }
        // cargo has already printed `error: could not compile ...`.
        return Err(Failure::Silent(101));
    }
    Ok(())
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("wasm.tmp");
    std::fs::write(&tmp, bytes).with_context(|| format!("could not write `{}`", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("could not write `{}`", path.display()))?;
    Ok(())
}

/// Paths relative to the current directory when inside it, as cargo prints them.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    cwd.and_then(|cwd| path.strip_prefix(&cwd).ok().map(|p| p.display().to_string()))
        .unwrap_or_else(|| path.display().to_string())
}

fn human_size(bytes: u64) -> String {
    if bytes < 1024 { format!("{bytes} B") } else { format!("{:.1} KiB", bytes as f64 / 1024.0) }
}
