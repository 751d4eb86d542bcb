//! `cargo wasm run MODULE` runtime flags: --fuel, --max-memory, --invoke, --guest-profile, --dir,
//! --env, `-- ARGS`, and the exit status.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cargo_wasm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cargo-wasm"))
}

/// Runs `cargo wasm run ARGS...`; returns (status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let o = cargo_wasm()
        .arg("wasm")
        .arg("run")
        .args(args)
        .output()
        .expect("run cargo-wasm");
    (
        o.status.code().expect("exit code"),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, wast_to_wasm(text)).unwrap();
    p
}

fn wast_to_wasm(text: &str) -> Vec<u8> {
    let buf = wast::parser::ParseBuffer::new(text).unwrap();
    let mut wat: wast::Wat<'_> = wast::parser::parse(&buf).unwrap();
    wat.encode().unwrap()
}

const SPIN: &str = r#"(module
  (memory (export "memory") 1)
  (func $spin (loop $l (br $l)))
  (func (export "_start") (call $spin)))"#;

fn instructions(stderr: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("profile: "))
        .unwrap_or_else(|| panic!("no profile in {stderr}"));
    line["profile: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn fuel_stops_an_infinite_loop_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let m = write(dir.path(), "spin.wasm", SPIN);
    let m = m.to_str().unwrap();
    let (code, _, err) = run(&[m, "--fuel", "1000000"]);
    assert_eq!(code, 134, "{err}");
    assert!(err.contains("all fuel consumed"), "{err}");
    let (_, _, a) = run(&[m, "--fuel", "1000000", "--guest-profile"]);
    let (_, _, b) = run(&[m, "--fuel", "1000000", "--guest-profile"]);
    assert_eq!(
        instructions(&a),
        1_000_000,
        "the whole budget is consumed, exactly"
    );
    assert_eq!(instructions(&a), instructions(&b));
    assert!(
        a.contains("spin"),
        "functions are named from the name section:\n{a}"
    );
}

#[test]
fn guest_profile_lists_functions_and_opcodes() {
    let dir = tempfile::tempdir().unwrap();
    let m = write(
        dir.path(),
        "count.wasm",
        r#"(module
          (func $count (export "count") (param $n i32) (result i32) (local $i i32)
            (block $done (loop $l
              (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
            (local.get $i)))"#,
    );
    let (code, out, err) = run(&[
        m.to_str().unwrap(),
        "--invoke",
        "count",
        "--guest-profile",
        "1000",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "1000");
    assert!(
        err.contains("top functions by instructions executed"),
        "{err}"
    );
    assert!(err.contains("opcode histogram"), "{err}");
    let count_line = err
        .lines()
        .find(|l| l.ends_with(" count"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(count_line.contains("100.00%"), "{count_line}");
    assert!(err.contains("LocalGet"), "{err}");
}

#[test]
fn max_memory_makes_memory_grow_fail() {
    let dir = tempfile::tempdir().unwrap();
    let m = write(
        dir.path(),
        "grow.wasm",
        r#"(module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    );
    let m = m.to_str().unwrap();
    let (code, out, err) = run(&[m, "--max-memory", "128K", "--invoke", "grow", "1"]);
    assert_eq!((code, out.trim()), (0, "1"), "{err}");
    let (code, out, _) = run(&[m, "--max-memory", "128K", "--invoke", "grow", "2"]);
    assert_eq!((code, out.trim()), (0, "-1"));
    let (code, _, err) = run(&[m, "--max-memory", "lots", "--invoke", "grow", "1"]);
    assert_eq!(code, 1, "a bad value is a usage error (exit 1, as cargo)");
    assert!(err.contains("is not a byte count"), "{err}");
}

#[test]
fn invoke_prints_results_and_checks_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let m = write(
        dir.path(),
        "add.wasm",
        r#"(module (func (export "add") (param i64 f64) (result i64 f64) (local.get 0) (local.get 1)))"#,
    );
    let m = m.to_str().unwrap();
    let (code, out, err) = run(&[m, "--invoke", "add", "-5", "2.5"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "-5\n2.5\n");
    let (code, _, err) = run(&[m, "--invoke", "add", "1"]);
    assert_eq!(code, 1);
    assert!(err.contains("takes 2 argument(s), 1 given"), "{err}");
}

#[test]
fn exit_status_is_the_guests() {
    let dir = tempfile::tempdir().unwrap();
    let m = write(
        dir.path(),
        "exit.wasm",
        r#"(module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
            (memory (export "memory") 1) (func (export "_start") (call $exit (i32.const 7))))"#,
    );
    assert_eq!(run(&[m.to_str().unwrap()]).0, 7);
    let t = write(
        dir.path(),
        "trap.wasm",
        r#"(module (func (export "_start") unreachable))"#,
    );
    let (code, _, err) = run(&[t.to_str().unwrap()]);
    assert_eq!(code, 134);
    assert!(err.contains("wasm trap: unreachable"), "{err}");
}

/// `--dir`, `--env` and guest arguments reach a WASI program (a C program built with clang).
#[test]
fn dir_env_and_args_reach_the_guest() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("prog.c");
    std::fs::write(
        &src,
        r#"#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    FILE *in = fopen("/data/in.txt", "r");
    char line[64] = {0};
    if (!in || !fgets(line, sizeof line, in)) return 3;
    fclose(in);
    FILE *out = fopen("/data/out.txt", "w");
    fprintf(out, "%s|%s|%s", argv[1], argv[2], getenv("GREETING"));
    fclose(out);
    printf("read: %s", line);
    return 0;
}
"#,
    )
    .unwrap();
    let wasm = dir.path().join("prog.wasm");
    let clang = Command::new("clang")
        .args(["--target=wasm32-wasi", "--sysroot=/usr", "-O1", "-o"])
        .arg(&wasm)
        .arg(&src)
        .output();
    let ok = clang.as_ref().is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "clang --target=wasm32-wasi failed or is missing ({}); install the toolchain with scripts/install-test-deps.sh",
        clang
            .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
            .unwrap_or_else(|e| e.to_string())
    );
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("in.txt"), "input line\n").unwrap();
    let dir_flag = format!("{}::/data", data.display());
    let (code, out, err) = run(&[
        wasm.to_str().unwrap(),
        "--dir",
        &dir_flag,
        "--env",
        "GREETING=hi",
        "--",
        "first",
        "-x",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "read: input line\n");
    assert_eq!(
        std::fs::read_to_string(data.join("out.txt")).unwrap(),
        "first|-x|hi"
    );
}

#[test]
fn help_explains_the_guest_profile_flag() {
    let o = cargo_wasm()
        .args(["wasm", "run", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&o.stdout);
    for flag in [
        "--dir",
        "--env",
        "--fuel",
        "--max-memory",
        "--invoke",
        "--guest-profile",
        "--profile",
    ] {
        assert!(help.contains(flag), "missing {flag} in\n{help}");
    }
    assert!(help.contains("cargo's build-profile flag"), "{help}");
}
