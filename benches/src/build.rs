//! Building every program with every toolchain, timing the compiles.
//!
//! Flavors: native `rustc -O`, native `clang -O2` (C versions), rustc wasm32-wasip1 at opt-level
//! z and 3 (build-std, fat LTO, panic=abort, stripped), the z module through `wasm-opt -Oz`,
//! clang wasm32-wasi -O2 (C versions), and ours (`cargo wasm build --release`).

use crate::ctx::Ctx;
use crate::exec::{self, Outcome};
use crate::programs::Program;
use crate::stats::Stats;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Built {
    pub module: Option<PathBuf>,
    pub error: Option<String>,
    /// Compile time of this program alone (dependencies such as std already built).
    pub compile: Option<Stats>,
    /// The size is compiled into the module (it takes no argument); see `ours`.
    pub fixed_size: bool,
    /// Module to run under callgrind when it differs from `module` (fixed-size builds).
    pub callgrind_module: Option<PathBuf>,
}

impl Built {
    fn failed(error: impl Into<String>) -> Built {
        Built { error: Some(error.into()), ..Built::default() }
    }
}

/// Flavor names used as keys throughout the results.
pub const NATIVE_RUST: &str = "native-rustc";
pub const NATIVE_C: &str = "native-clang";
pub const RUSTC_Z: &str = "rustc-z";
pub const RUSTC_3: &str = "rustc-3";
pub const RUSTC_Z_OPT: &str = "rustc-z+wasm-opt";
pub const CLANG_WASM: &str = "clang-c";
pub const OURS: &str = "ours";

fn touch(path: &Path) {
    if let Ok(file) = std::fs::File::options().write(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

fn first_error(outcome: &Outcome) -> String {
    let text = format!("{}\n{}", outcome.stderr, outcome.stdout);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("error"))
        .or_else(|| text.lines().rev().find(|l| !l.trim().is_empty()))
        .unwrap_or("failed without output");
    line.trim().chars().take(200).collect()
}

/// Times `make()` `reps` times; `before` runs ahead of each one (e.g. touching the source).
fn timed(ctx: &Ctx, reps: usize, before: &dyn Fn(), make: &dyn Fn() -> Command) -> Result<Stats, String> {
    let mut samples = Vec::new();
    for _ in 0..reps {
        before();
        let outcome = exec::run(make(), ctx.limit).map_err(|e| e.to_string())?;
        if !outcome.ok() {
            return Err(first_error(&outcome));
        }
        samples.push(outcome.seconds);
    }
    Ok(Stats::of(&samples).expect("reps >= 1"))
}

fn main_rs(ctx: &Ctx, p: &Program) -> PathBuf {
    ctx.programs.join(p.name).join("src").join("main.rs")
}

fn c_source(ctx: &Ctx, p: &Program) -> PathBuf {
    ctx.programs.join("c").join(format!("{}.c", p.name))
}

pub fn native_rust(ctx: &Ctx, p: &Program) -> Built {
    let out = ctx.module_dir(NATIVE_RUST).join(p.name);
    let _ = std::fs::create_dir_all(out.parent().unwrap());
    let src = main_rs(ctx, p);
    let make = || {
        let mut c = Command::new("rustc");
        c.args(["-O", "--edition", "2021", "--crate-name", p.name]).arg(&src).arg("-o").arg(&out);
        c
    };
    match timed(ctx, 1, &|| {}, &make) {
        Ok(stats) => Built { module: Some(out), compile: Some(stats), ..Built::default() },
        Err(e) => Built::failed(e),
    }
}

pub fn native_c(ctx: &Ctx, p: &Program) -> Built {
    if !exec::tool_exists("clang") {
        return Built::failed("clang not installed");
    }
    let out = ctx.module_dir(NATIVE_C).join(p.name);
    let _ = std::fs::create_dir_all(out.parent().unwrap());
    let src = c_source(ctx, p);
    let make = || {
        let mut c = Command::new("clang");
        c.args(["-O2", "-w"]).arg(&src).arg("-o").arg(&out).arg("-lm");
        c
    };
    match timed(ctx, 1, &|| {}, &make) {
        Ok(stats) => Built { module: Some(out), compile: Some(stats), ..Built::default() },
        Err(e) => Built::failed(e),
    }
}

pub fn clang_wasm(ctx: &Ctx, p: &Program) -> Built {
    if !exec::tool_exists("clang") || !Path::new("/usr/lib/wasm32-wasi/libc.a").exists() {
        return Built::failed("clang or wasi-libc not installed");
    }
    let out = ctx.module_dir(CLANG_WASM).join(format!("{}.wasm", p.name));
    let _ = std::fs::create_dir_all(out.parent().unwrap());
    let src = c_source(ctx, p);
    let make = || {
        let mut c = Command::new("clang");
        c.args(["--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-w", "-Wl,--strip-all"])
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .arg("-lm");
        c
    };
    match timed(ctx, 1, &|| {}, &make) {
        Ok(stats) => Built { module: Some(out), compile: Some(stats), ..Built::default() },
        Err(e) => Built::failed(e),
    }
}

/// Debian's rustc-web toolchain (it has the wasm targets; rustup's has none installed here).
fn rustc_web_cargo(ctx: &Ctx) -> Command {
    let mut c = Command::new("/usr/bin/cargo");
    let path = std::env::var("PATH").unwrap_or_default();
    c.env("PATH", format!("/usr/bin:{path}"))
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_WASM32_WASIP1_LINKER", ctx.tool("wasm-ld-wasi.sh"))
        .env("CARGO_TARGET_DIR", ctx.target.join("rustc-wasm"))
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .current_dir(&ctx.programs);
    c.args(["build", "-q", "-Zbuild-std=std,panic_abort", "--target", "wasm32-wasip1"]);
    c
}

pub fn rustc_web_available() -> Result<(), String> {
    if !Path::new("/usr/bin/cargo").exists() || !Path::new("/usr/bin/rustc").exists() {
        return Err("Debian rustc-web/cargo-web not installed".into());
    }
    if !Path::new("/usr/lib/rustlib/src/rust/library").exists() {
        return Err("Debian rust-web-src (std sources for -Zbuild-std) not installed".into());
    }
    if !exec::tool_exists("wasm-ld") {
        return Err("wasm-ld (package lld) not installed".into());
    }
    Ok(())
}

/// Builds every program with one rustc wasm profile (`wasm-z` or `wasm-3`, defined in
/// benches/programs/Cargo.toml). The first, untimed build compiles std; then each program's
/// own compile (+ LTO link with std) is timed by touching its main.rs.
pub fn rustc_wasm(ctx: &Ctx, programs: &[&Program], profile: &str, flavor: &str) -> Vec<Built> {
    if let Err(e) = rustc_web_available() {
        return programs.iter().map(|_| Built::failed(e.clone())).collect();
    }
    let mut warm = rustc_web_cargo(ctx);
    warm.args(["--keep-going", "--profile", profile]);
    for p in programs {
        warm.args(["-p", p.name]);
    }
    eprintln!("bench: building std and all programs with rustc wasm32-wasip1 --profile {profile} (untimed warm-up)");
    let warm_error = match exec::run(warm, ctx.limit * 10) {
        Ok(o) if o.ok() => None,
        Ok(o) => Some(first_error(&o)),
        Err(e) => Some(e.to_string()),
    };
    if let Some(e) = &warm_error {
        eprintln!("bench: warning: rustc wasm warm-up build: {e}");
    }
    let dir = ctx.module_dir(flavor);
    let _ = std::fs::create_dir_all(&dir);
    let reps = if ctx.quick { 1 } else { ctx.reps };
    programs
        .iter()
        .map(|p| {
            let src = main_rs(ctx, p);
            let make = || {
                let mut c = rustc_web_cargo(ctx);
                c.args(["--profile", profile, "-p", p.name]);
                c
            };
            match timed(ctx, reps, &|| touch(&src), &make) {
                Ok(stats) => {
                    let built = ctx
                        .target
                        .join("rustc-wasm/wasm32-wasip1")
                        .join(profile)
                        .join(format!("{}.wasm", p.name));
                    let module = dir.join(format!("{}.wasm", p.name));
                    match std::fs::copy(&built, &module) {
                        Ok(_) => Built { module: Some(module), compile: Some(stats), ..Built::default() },
                        Err(e) => Built::failed(format!("{}: {e}", built.display())),
                    }
                }
                Err(e) => Built::failed(e),
            }
        })
        .collect()
}

pub fn wasm_opt(ctx: &Ctx, p: &Program, input: &Built) -> Built {
    let Some(module) = &input.module else {
        return Built::failed("no rustc-z module");
    };
    if !exec::tool_exists("wasm-opt") {
        return Built::failed("wasm-opt (binaryen) not installed");
    }
    let out = ctx.module_dir(RUSTC_Z_OPT).join(format!("{}.wasm", p.name));
    let _ = std::fs::create_dir_all(out.parent().unwrap());
    let make = || {
        let mut c = Command::new("wasm-opt");
        c.args(["-Oz", "--all-features", "--strip-debug", "--strip-producers"]).arg(module).arg("-o").arg(&out);
        c
    };
    match timed(ctx, 1, &|| {}, &make) {
        Ok(stats) => Built { module: Some(out), compile: Some(stats), ..Built::default() },
        Err(e) => Built::failed(e),
    }
}

/// Our compiler: `cargo wasm build --release -p <program>` on the programs workspace.
///
/// While our compiler lacks `std::env::args`, a program cannot read its size argument; then it is
/// built from a generated copy whose `size_arg` returns the size as a constant, once per size
/// (run size and callgrind size), and run without an argument. That variant is reported as such.
pub fn ours(ctx: &Ctx, p: &Program, size: Option<u32>, callgrind_size: Option<u32>) -> Built {
    let Some(cargo_wasm) = &ctx.cargo_wasm else {
        return Built::failed("cargo-wasm was not built");
    };
    let first = match ours_build(ctx, cargo_wasm, &ctx.programs, p) {
        Ok(o) => o,
        Err(e) => return Built::failed(e),
    };
    let direct_error = if first.ok() { None } else { Some(ours_error(&first)) };
    let (workspace, outcome, fixed) = match (&direct_error, size) {
        (None, _) => (ctx.programs.clone(), first, false),
        (Some(e), Some(n)) if e.contains("env::args") => {
            let dir = match fixed_size_copy(ctx, p, n) {
                Ok(d) => d,
                Err(e) => return Built::failed(format!("fixed-size copy: {e}")),
            };
            match ours_build(ctx, cargo_wasm, &dir, p) {
                Ok(o) if o.ok() => (dir, o, true),
                Ok(o) => return Built::failed(ours_error(&o)),
                Err(e) => return Built::failed(e),
            }
        }
        (Some(e), _) => return Built::failed(e.clone()),
    };
    let Some(path) = executable_path(&outcome.stdout) else {
        return Built::failed("cargo wasm build reported no executable");
    };
    let reps = if ctx.quick { 1 } else { ctx.reps };
    let src = workspace.join(p.name).join("src/main.rs");
    let make = || ours_command(ctx, cargo_wasm, &workspace, p);
    let compile = match timed(ctx, reps, &|| touch(&src), &make) {
        Ok(stats) => stats,
        Err(e) => return Built::failed(e),
    };
    let module = ctx.module_dir(OURS).join(format!("{}.wasm", p.name));
    let _ = std::fs::create_dir_all(module.parent().unwrap());
    if let Err(e) = std::fs::copy(&path, &module) {
        return Built::failed(format!("{}: {e}", path.display()));
    }
    let mut built = Built { module: Some(module), error: None, compile: Some(compile), ..Built::default() };
    if fixed {
        built.fixed_size = true;
        built.callgrind_module = match callgrind_size {
            Some(n) if Some(n) != size => {
                let made = fixed_size_copy(ctx, p, n).map_err(|e| e.to_string()).and_then(|dir| {
                    let o = ours_build(ctx, cargo_wasm, &dir, p)?;
                    if !o.ok() {
                        return Err(ours_error(&o));
                    }
                    let path = executable_path(&o.stdout).ok_or("no executable reported")?;
                    let module = ctx.module_dir(OURS).join(format!("{}.callgrind.wasm", p.name));
                    std::fs::copy(&path, &module).map_err(|e| e.to_string())?;
                    Ok(module)
                });
                made.ok()
            }
            _ => built.module.clone(),
        };
    }
    built
}

fn ours_command(ctx: &Ctx, cargo_wasm: &Path, workspace: &Path, p: &Program) -> Command {
    let mut c = Command::new(cargo_wasm);
    c.args(["wasm", "build", "--release", "--message-format", "json", "-p", p.name])
        .arg("--manifest-path")
        .arg(workspace.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(ctx.target.join("ours"))
        .current_dir(workspace);
    c
}

fn ours_build(ctx: &Ctx, cargo_wasm: &Path, workspace: &Path, p: &Program) -> Result<Outcome, String> {
    exec::run(ours_command(ctx, cargo_wasm, workspace, p), ctx.limit).map_err(|e| e.to_string())
}

/// A one-program workspace under the target dir whose `size_arg` returns `size`.
fn fixed_size_copy(ctx: &Ctx, p: &Program, size: u32) -> std::io::Result<PathBuf> {
    let dir = ctx.target.join("ours-fixed-size").join(format!("{}-{size}", p.name));
    let src_dir = dir.join(p.name).join("src");
    std::fs::create_dir_all(&src_dir)?;
    std::fs::write(dir.join("Cargo.toml"), format!("[workspace]\nresolver = \"2\"\nmembers = [\"{}\"]\n", p.name))?;
    std::fs::copy(ctx.programs.join(p.name).join("Cargo.toml"), dir.join(p.name).join("Cargo.toml"))?;
    let source = std::fs::read_to_string(ctx.programs.join(p.name).join("src/main.rs"))?;
    let fixed = with_fixed_size(&source, size).ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "no `fn size_arg(default: T) -> T {` to replace")
    })?;
    let path = src_dir.join("main.rs");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(fixed.as_str()) {
        std::fs::write(path, fixed)?;
    }
    Ok(dir)
}

/// Replaces the body of `fn size_arg(default: T) -> T { ... }` (ending at the first line that is
/// exactly `}`) with the constant `size`.
pub fn with_fixed_size(source: &str, size: u32) -> Option<String> {
    let start = source.find("fn size_arg(default: ")?;
    let open = start + source[start..].find("{\n")?;
    let close = open + source[open..].find("\n}\n")?;
    Some(format!("{}{{\n    let _ = default;\n    {size}\n{}", &source[..open], &source[close + 1..]))
}

/// The compiler's own diagnostic (JSON `compiler-message` or plain text), shortened.
fn ours_error(outcome: &Outcome) -> String {
    for line in outcome.stdout.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        if let Some(msg) = v.pointer("/message/message").and_then(|m| m.as_str()) {
            let level = v.pointer("/message/level").and_then(|m| m.as_str()).unwrap_or("");
            if level == "error" || level.is_empty() {
                return msg.chars().take(200).collect();
            }
        }
    }
    first_error(outcome)
}

fn executable_path(stdout: &str) -> Option<PathBuf> {
    stdout.lines().rev().find_map(|line| {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        v.get("executable")?.as_str().map(PathBuf::from)
    })
}

#[cfg(test)]
mod tests {
    use super::with_fixed_size;

    #[test]
    fn fixed_size_replaces_only_the_size_arg_body() {
        let src = "fn a() {}\nfn size_arg(default: u32) -> u32 {\n    match x {\n        _ => 1,\n    }\n}\n\nfn main() {}\n";
        let out = with_fixed_size(src, 42).unwrap();
        assert_eq!(out, "fn a() {}\nfn size_arg(default: u32) -> u32 {\n    let _ = default;\n    42\n}\n\nfn main() {}\n");
        assert!(with_fixed_size("fn main() {}\n", 1).is_none());
    }
}
