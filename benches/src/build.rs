//! Building every program with every toolchain, timing the compiles.
//!
//! Flavors: native `rustc -O`, native `clang -O2` (C versions), rustc wasm32-wasip1 at opt-level
//! z and 3 (build-std, fat LTO, panic=abort, stripped), the z module through `wasm-opt -Oz`,
//! clang wasm32-wasi -O2 (C versions), and ours (`cargo wasm build --release`).

use crate::ctx::Ctx;
use crate::exec::{self, Outcome};
use crate::programs::Program;
use crate::stats::Stats;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

#[derive(Clone, Debug, Default, Serialize)]
pub struct Built {
    pub module: Option<PathBuf>,
    pub error: Option<String>,
    /// Compile time of this program alone (dependencies such as std already built).
    pub compile: Option<Stats>,
}

impl Built {
    fn failed(error: impl Into<String>) -> Built {
        Built { module: None, error: Some(error.into()), compile: None }
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
        Ok(stats) => Built { module: Some(out), error: None, compile: Some(stats) },
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
        Ok(stats) => Built { module: Some(out), error: None, compile: Some(stats) },
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
        Ok(stats) => Built { module: Some(out), error: None, compile: Some(stats) },
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
                        Ok(_) => Built { module: Some(module), error: None, compile: Some(stats) },
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
        Ok(stats) => Built { module: Some(out), error: None, compile: Some(stats) },
        Err(e) => Built::failed(e),
    }
}

/// Our compiler: `cargo wasm build --release -p <program>` on the programs workspace.
pub fn ours(ctx: &Ctx, p: &Program) -> Built {
    let Some(cargo_wasm) = &ctx.cargo_wasm else {
        return Built::failed("cargo-wasm was not built");
    };
    let target_dir = ctx.target.join("ours");
    let make = || {
        let mut c = Command::new(cargo_wasm);
        c.args(["wasm", "build", "--release", "--message-format", "json", "-p", p.name])
            .arg("--manifest-path")
            .arg(ctx.programs.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&target_dir)
            .current_dir(&ctx.programs);
        c
    };
    // One untimed build first: it also runs the native `cargo check` of the program, once.
    let first = match exec::run(make(), ctx.limit) {
        Ok(o) => o,
        Err(e) => return Built::failed(e.to_string()),
    };
    if !first.ok() {
        return Built::failed(ours_error(&first));
    }
    let Some(path) = executable_path(&first.stdout) else {
        return Built::failed("cargo wasm build reported no executable");
    };
    let reps = if ctx.quick { 1 } else { ctx.reps };
    let src = main_rs(ctx, p);
    let compile = match timed(ctx, reps, &|| touch(&src), &make) {
        Ok(stats) => stats,
        Err(e) => return Built::failed(e),
    };
    let module = ctx.module_dir(OURS).join(format!("{}.wasm", p.name));
    let _ = std::fs::create_dir_all(module.parent().unwrap());
    match std::fs::copy(&path, &module) {
        Ok(_) => Built { module: Some(module), error: None, compile: Some(compile) },
        Err(e) => Built::failed(format!("{}: {e}", path.display())),
    }
}

/// The compiler's own diagnostic (JSON `compiler-message` or plain text), shortened.
fn ours_error(outcome: &Outcome) -> String {
    for line in outcome.stdout.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            if let Some(msg) = v.pointer("/message/message").and_then(|m| m.as_str()) {
                let level = v.pointer("/message/level").and_then(|m| m.as_str()).unwrap_or("");
                if level == "error" || level.is_empty() {
                    return msg.chars().take(200).collect();
                }
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
