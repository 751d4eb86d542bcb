//! `cargo wasm test` against `cargo test` on a fixture crate with passing, failing, ignored,
//! `should_panic` and `Result`-returning tests: the same tests pass, fail and are ignored, and the
//! report is libtest's, line for line (thread ids and timings aside).

use std::path::{Path, PathBuf};
use std::process::Command;

/// A private copy of the fixture, so the two builds do not write into the repository.
fn fixture() -> (tempfile::TempDir, PathBuf) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/test-harness");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("test-harness");
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::copy(src.join("Cargo.toml"), root.join("Cargo.toml")).unwrap();
    std::fs::copy(src.join("src/lib.rs"), root.join("src/lib.rs")).unwrap();
    (dir, root)
}

/// Runs a command in `dir`; returns (exit status, stdout with timings and thread ids normalized).
fn run(mut cmd: Command, dir: &Path) -> (i32, String) {
    let o = cmd.current_dir(dir).env_remove("RUST_BACKTRACE").output().expect("run");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let normalized: Vec<String> = stdout
        .lines()
        .map(|l| {
            let l = match (l.find("' ("), l.find(") panicked at ")) {
                (Some(a), Some(b)) if a < b => format!("{}'{}", &l[..a], &l[b + 1..]),
                _ => l.to_string(),
            };
            match l.find("finished in ") {
                Some(i) => format!("{}finished in X", &l[..i]),
                None => l,
            }
        })
        .collect();
    (o.status.code().unwrap_or(-1), normalized.join("\n"))
}

fn native(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or("cargo".into()));
    cmd.args(["test", "--lib"]).args(args);
    if !args.contains(&"--") {
        cmd.arg("--");
    }
    cmd.arg("--test-threads=1");
    run(cmd, dir)
}

fn wasm(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-wasm"));
    cmd.args(["wasm", "test", "-q"]).args(args);
    run(cmd, dir)
}

/// `test NAME ... STATUS` lines.
fn verdicts(report: &str) -> Vec<&str> {
    report.lines().filter(|l| l.starts_with("test ") && l.contains(" ... ")).collect()
}

#[test]
fn same_verdicts_and_report_as_cargo_test() {
    let (_keep, dir) = fixture();
    let (native_code, native_out) = native(&dir, &[]);
    let (wasm_code, wasm_out) = wasm(&dir, &[]);
    assert_eq!(native_code, 101, "{native_out}");
    assert_eq!(wasm_code, 101, "{wasm_out}");
    assert_eq!(verdicts(&wasm_out), verdicts(&native_out));
    assert!(wasm_out.contains("test result: FAILED. 4 passed; 7 failed; 2 ignored"), "{wasm_out}");
    assert!(wasm_out.contains("thread 'tests::unwraps_none' panicked at src/lib.rs:76:11:"), "{wasm_out}");
    assert_eq!(wasm_out, native_out);
}

#[test]
fn filters_and_harness_flags_select_the_same_tests() {
    let (_keep, dir) = fixture();
    for args in [&["adds"][..], &["--", "--ignored"], &["--", "--exact", "top_level"], &["--", "--skip", "tests::"], &["--", "--include-ignored", "slow"]] {
        let (native_code, native_out) = native(&dir, args);
        let (wasm_code, wasm_out) = wasm(&dir, args);
        assert_eq!(wasm_code, native_code, "{args:?}\n{wasm_out}\n---\n{native_out}");
        assert_eq!(wasm_out, native_out, "{args:?}");
    }
}

#[test]
fn all_passing_exits_zero_and_list_matches() {
    let (_keep, dir) = fixture();
    let (code, out) = wasm(&dir, &["returns_ok"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("test tests::returns_ok ... ok"));
    assert!(out.contains("test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 12 filtered out"), "{out}");
    assert_eq!(wasm(&dir, &["--", "--list"]), native(&dir, &["--", "--list"]));
}

/// Tests whose WasmGC verdict is known to differ from the native one, with the reason. The list may only
/// shrink: a listed test that starts to agree fails `gc_types_example_agrees_with_cargo_test`.
const GC_TYPES_KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

#[test]
fn gc_types_example_agrees_with_cargo_test() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/gc-types");
    let target = tempfile::tempdir().unwrap();
    let with_target = |mut cmd: Command| {
        cmd.env("CARGO_TARGET_DIR", target.path());
        cmd
    };
    let mut native_cmd = with_target(Command::new(std::env::var_os("CARGO").unwrap_or("cargo".into())));
    native_cmd.args(["test", "--lib", "--", "--test-threads=1"]);
    let (_, native_out) = run(native_cmd, &example);
    let mut wasm_cmd = with_target(Command::new(env!("CARGO_BIN_EXE_cargo-wasm")));
    wasm_cmd.args(["wasm", "test", "-q"]);
    let (wasm_code, wasm_out) = run(wasm_cmd, &example);
    let native: Vec<&str> = verdicts(&native_out);
    let wasm: Vec<&str> = verdicts(&wasm_out);
    assert!(wasm.len() >= 20, "{wasm_out}");
    let name_of = |line: &str| line["test ".len()..line.find(" ... ").unwrap()].trim_end_matches(" - should panic").to_string();
    for line in &wasm {
        let name = name_of(line);
        let native_line = native.iter().find(|l| name_of(l) == name).unwrap_or_else(|| panic!("`{name}` is not a native test"));
        let known = GC_TYPES_KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == name);
        if known {
            assert_ne!(line, native_line, "`{name}` agrees now: remove it from GC_TYPES_KNOWN_DIFFERENCES");
        } else {
            assert_eq!(line, native_line, "verdict of `{name}`");
        }
    }
    // Only native-only tests (`cfg(not(target_family = "wasm"))`) are missing from the wasm run.
    for line in &native {
        let name = name_of(line);
        if !wasm.iter().any(|l| name_of(l) == name) {
            let src = std::fs::read_to_string(example.join("src").join(format!("{}.rs", name.split("::").next().unwrap()))).unwrap();
            let f = name.rsplit("::").next().unwrap();
            let at = src.find(&format!("fn {f}()")).unwrap();
            assert!(src[..at].rsplit("#[test]").nth(1).is_some_and(|before| before.contains("not(target_family = \"wasm\")")), "`{name}` missing from the wasm run");
        }
    }
    assert_eq!(wasm_code, if GC_TYPES_KNOWN_DIFFERENCES.is_empty() { 0 } else { 101 });
}
