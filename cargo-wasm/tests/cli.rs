//! End-to-end tests of the `cargo wasm` command line: the binary is run as cargo would run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cargo_wasm() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-wasm"));
    cmd.arg("wasm").env("CARGO_TERM_COLOR", "never").env_remove("CARGO_TARGET_DIR");
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output { status, stdout, stderr } = cmd.output().expect("cargo-wasm runs");
    (status.code().unwrap_or(-1), String::from_utf8_lossy(&stdout).into_owned(), String::from_utf8_lossy(&stderr).into_owned())
}

/// A throw-away package with its own target dir (so tests never fight over a lock).
fn package(main_rs: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"fixture\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("src/main.rs"), main_rs).unwrap();
    dir
}

fn manifest(dir: &Path) -> PathBuf {
    dir.join("Cargo.toml")
}

#[test]
fn help_lists_every_subcommand() {
    let (code, out, _) = run(cargo_wasm().arg("--help"));
    assert_eq!(code, 0);
    for sub in ["build", "run", "test", "wast"] {
        assert!(out.contains(sub), "`{sub}` missing from --help:\n{out}");
    }
}

#[test]
fn subcommand_help_describes_cargo_flags() {
    let (code, out, _) = run(cargo_wasm().args(["build", "--help"]));
    assert_eq!(code, 0);
    for flag in [
        "--manifest-path", "--package", "--release", "--profile", "--target-dir", "--locked", "--offline",
        "--frozen", "--quiet", "--verbose", "--message-format", "--features", "--bin", "--lib",
    ] {
        assert!(out.contains(flag), "`{flag}` missing from build --help:\n{out}");
    }
    let (code, out, _) = run(cargo_wasm().args(["run", "--help"]));
    assert_eq!(code, 0);
    for flag in ["--dir", "--env", "--fuel", "--invoke", "[MODULE]"] {
        assert!(out.contains(flag), "`{flag}` missing from run --help:\n{out}");
    }
}

#[test]
fn unknown_subcommand_and_bad_flag_are_usage_errors() {
    let (code, _, err) = run(cargo_wasm().arg("frobnicate"));
    assert_eq!(code, 1);
    assert!(err.contains("unrecognized subcommand 'frobnicate'"), "{err}");
    let (code, _, err) = run(cargo_wasm().args(["build", "--no-such-flag"]));
    assert_eq!(code, 1);
    assert!(err.contains("unexpected argument '--no-such-flag'"), "{err}");
    let (code, _, err) = run(cargo_wasm().args(["build", "--message-format", "xml"]));
    assert_eq!(code, 1);
    assert!(err.contains("invalid value 'xml'"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_manifest_is_a_clear_error() {
    let (code, _, err) = run(cargo_wasm().args(["build", "--manifest-path", "/nonexistent/Cargo.toml"]));
    assert_eq!(code, 101);
    assert!(err.contains("error: manifest path `/nonexistent/Cargo.toml` does not exist"), "{err}");
}

#[test]
fn unknown_package_lists_the_members() {
    let dir = package("fn main() {}\n");
    let (code, _, err) = run(cargo_wasm().args(["build", "-p", "nope", "--manifest-path"]).arg(manifest(dir.path())));
    assert_eq!(code, 101);
    assert!(err.contains("`nope` did not match any packages") && err.contains("fixture"), "{err}");
}

#[test]
fn json_build_emits_artifact_and_finished_messages() {
    let dir = package("fn main() {\n    println!(\"hi\");\n}\n");
    let (code, out, err) =
        run(cargo_wasm().args(["build", "--message-format=json", "--manifest-path"]).arg(manifest(dir.path())));
    assert_eq!(code, 0, "stderr:\n{err}");
    let messages: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect();
    let artifact = messages.iter().find(|m| m["reason"] == "compiler-artifact").expect("a compiler-artifact message");
    let path = PathBuf::from(artifact["filenames"][0].as_str().unwrap());
    assert!(path.ends_with("target/wasm-gc/debug/fixture.wasm"), "{}", path.display());
    let bytes = std::fs::read(&path).unwrap();
    wasmparser::Validator::new().validate_all(&bytes).expect("a valid module");
    assert_eq!(messages.last().unwrap()["reason"], "build-finished");
    assert_eq!(messages.last().unwrap()["success"], true);
}

#[test]
fn human_build_prints_cargo_style_status_lines() {
    let dir = package("fn main() {\n    println!(\"hi\");\n}\n");
    let (code, out, err) = run(cargo_wasm().args(["build", "--release", "--manifest-path"]).arg(manifest(dir.path())));
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "status goes to stderr, stdout stays clean: {out}");
    assert!(err.contains("   Compiling fixture v0.1.0"), "{err}");
    let finished = err.lines().rev().find(|l| l.starts_with("    Finished ")).expect("a Finished line");
    assert!(finished.contains("`release` profile [optimized]"), "{finished}");
    assert!(finished.contains("wasm-gc/release/fixture.wasm"), "{finished}");
    let (code, _, err) = run(cargo_wasm().args(["build", "-q", "--manifest-path"]).arg(manifest(dir.path())));
    assert_eq!((code, err.as_str()), (0, ""), "-q prints nothing");
}

#[test]
fn run_exits_with_the_program_status_and_passes_args() {
    let dir = package(
        "fn main() {\n    let args: Vec<String> = std::env::args().collect();\n    println!(\"{}\", args.len());\n    std::process::exit(7);\n}\n",
    );
    let (code, out, err) = run(cargo_wasm().args(["run", "-q", "--manifest-path"]).arg(manifest(dir.path())).args(["--", "a", "b"]));
    assert_eq!((code, out.as_str()), (7, "3\n"), "{err}");
}

#[test]
fn compile_errors_are_rustc_style_with_exit_101() {
    // `async fn` compiles natively, but is outside what the WasmGC lowering takes without #[wasm::r#async].
    let dir = package("async fn later() {}\n\nfn main() {\n    let _ = later();\n}\n");
    let (code, _, err) = run(cargo_wasm().args(["build", "--manifest-path"]).arg(manifest(dir.path())));
    assert_eq!(code, 101, "{err}");
    assert!(err.contains("error[W"), "{err}");
    assert!(err.contains("--> src/main.rs:"), "{err}");
    assert!(err.contains("error: could not compile `fixture` (bin \"fixture\") to wasm-gc due to"), "{err}");
}

#[test]
fn native_type_errors_come_from_rustc() {
    let dir = package("fn main() {\n    let x: u32 = \"no\";\n}\n");
    let (code, _, err) = run(cargo_wasm().args(["build", "--manifest-path"]).arg(manifest(dir.path())));
    assert_eq!(code, 101);
    assert!(err.contains("error[E0308]: mismatched types"), "{err}");
}

#[test]
fn wast_prints_per_file_and_total_counts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.wast");
    std::fs::write(
        &file,
        "(module (func (export \"add\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))\n\
         (assert_return (invoke \"add\" (i32.const 1) (i32.const 2)) (i32.const 3))\n\
         (assert_return (invoke \"add\" (i32.const 1) (i32.const 2)) (i32.const 4))\n",
    )
    .unwrap();
    let (code, out, _) = run(cargo_wasm().arg("wast").arg(&file));
    assert_eq!(code, 101, "a failed assertion fails the run");
    // Every directive counts once: the module, the passing assertion; the wrong expectation fails.
    assert!(out.contains("t.wast: 2 passed, 1 failed"), "{out}");
    assert!(out.trim_end().ends_with("2 passed, 1 failed"), "{out}");
}

#[test]
fn run_module_with_invoke_prints_results() {
    let dir = tempfile::tempdir().unwrap();
    let wat = "(module (func (export \"mul\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.mul))";
    let buffer = wast::parser::ParseBuffer::new(wat).unwrap();
    let mut parsed = wast::parser::parse::<wast::Wat>(&buffer).unwrap();
    let bytes = parsed.encode().unwrap();
    let module = dir.path().join("m.wasm");
    std::fs::write(&module, bytes).unwrap();
    let (code, out, err) = run(cargo_wasm().args(["run", "-q", "--invoke", "mul"]).arg(&module).args(["6", "7"]));
    assert_eq!((code, out.as_str()), (0, "42\n"), "{err}");
}
