//! What the figures were measured on, and with which tool versions.

use serde::{Deserialize, Serialize};
use std::process::Command;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Machine {
    pub nproc: String,
    pub cpu_model: String,
    pub memory: String,
    pub os: String,
    pub load_before: String,
    pub load_after: String,
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    let text = if out.stdout.is_empty() { out.stderr } else { out.stdout };
    let text = String::from_utf8_lossy(&text);
    text.lines().find(|l| !l.trim().is_empty()).map(|l| l.trim().to_string())
}

pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

pub fn describe() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").map(|r| r.trim_start_matches([' ', '\t', ':']).to_string()))
        .unwrap_or_else(|| "unknown".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|kb| kb.trim().trim_end_matches(" kB").parse::<f64>().ok())
        .map(|kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown".into());
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_string())))
        .unwrap_or_else(|| "unknown".into());
    let kernel = output("uname", &["-r"]).unwrap_or_default();
    Machine {
        nproc: output("nproc", &[]).unwrap_or_else(|| "unknown".into()),
        cpu_model,
        memory,
        os: format!("{os}, Linux {kernel}"),
        load_before: load_average(),
        load_after: String::new(),
    }
}

/// (tool, version line) for every tool the figures depend on; "not installed" otherwise.
pub fn tool_versions(wasmi: Option<&str>, python: &str) -> Vec<(String, String)> {
    let missing = || "not installed".to_string();
    let mut tools = vec![
        ("rustc (native)".to_string(), output("rustc", &["-V"]).unwrap_or_else(missing)),
        ("rustc (Debian rustc-web, wasm32)".to_string(), output("/usr/bin/rustc", &["-V"]).unwrap_or_else(missing)),
        ("clang".to_string(), output("clang", &["--version"]).unwrap_or_else(missing)),
        ("wasm-opt".to_string(), output("wasm-opt", &["--version"]).unwrap_or_else(missing)),
        ("valgrind".to_string(), output("valgrind", &["--version"]).unwrap_or_else(missing)),
    ];
    tools.push((
        "wasmi".to_string(),
        wasmi.and_then(|w| output(w, &["--version"])).unwrap_or_else(missing),
    ));
    tools.push((
        "wasmtime (PyPI)".to_string(),
        output(python, &["-c", "import importlib.metadata as m; print(m.version('wasmtime'))"])
            .unwrap_or_else(missing),
    ));
    // Other work may be uncommitted in the checkout that built cargo-wasm: say so.
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().count())
        .unwrap_or(0);
    let head = output("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_else(missing);
    tools.push((
        "WasmRust commit (cargo-wasm, gc-runtime)".to_string(),
        if dirty > 0 { format!("{head} + {dirty} modified tracked files in the working tree") } else { head },
    ));
    tools
}
