//! Runs the harness binary on a two-program corpus with a stand-in `cargo-wasm` whose "compiled" module is a
//! hand-written WAT program, so the whole pipeline (native build, artifact JSON, gc-runtime leg, wasmtime leg,
//! comparison, KNOWN_FAILURES) is exercised without our compiler.

use std::path::Path;
use std::process::Command;

/// Prints "hello\n" on stdout and exits with 7, like `programs/hello_exit/main.rs` below.
const HELLO_WAT: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (type $span (struct (field i32) (field i32)))
  (data (i32.const 16) "hello\n")
  (func (export "_start")
    (local $s (ref $span))
    (local.set $s (struct.new $span (i32.const 16) (i32.const 6)))
    (i32.store (i32.const 0) (struct.get $span 0 (local.get $s)))
    (i32.store (i32.const 4) (struct.get $span 1 (local.get $s)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 7))))"#;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn wat_to_wasm(wat: &str) -> Vec<u8> {
    let buffer = wast::parser::ParseBuffer::new(wat).unwrap();
    let mut module = wast::parser::parse::<wast::Wat>(&buffer).unwrap();
    module.encode().unwrap()
}

struct Corpus {
    dir: tempfile::TempDir,
}

impl Corpus {
    fn new() -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            &root.join("programs/hello_exit/main.rs"),
            "fn main() {\n    println!(\"hello\");\n    std::process::exit(7);\n}\n",
        );
        write(
            &root.join("programs/mismatch_exit/main.rs"),
            "fn main() {\n    println!(\"bye\");\n    std::process::exit(7);\n}\n",
        );
        std::fs::write(root.join("hello.wasm"), wat_to_wasm(HELLO_WAT)).unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/wasmtime_run.py");
        // The stand-in: `wasm build` reports hello.wasm for every package; `wasm run` runs it on wasmtime.
        let fake = format!(
            "#!/bin/sh\nset -e\nif [ \"$2\" = build ]; then\n  echo '{{\"reason\":\"compiler-artifact\",\"filenames\":[\"{}\"]}}'\n  exit 0\nfi\nshift 3\nexec python3 {} \"$@\"\n",
            root.join("hello.wasm").display(),
            script.display()
        );
        let fake_path = root.join("cargo-wasm");
        write(&fake_path, &fake);
        std::process::Command::new("chmod")
            .arg("+x")
            .arg(&fake_path)
            .status()
            .unwrap();
        Corpus { dir }
    }

    fn known_failures(&self, text: &str) {
        write(&self.dir.path().join("programs/KNOWN_FAILURES"), text);
    }

    fn run(&self, extra: &[&str]) -> (String, i32) {
        let root = self.dir.path();
        let output = Command::new(env!("CARGO_BIN_EXE_wasmrust-tests"))
            .arg("programs")
            .arg("--programs-dir")
            .arg(root.join("programs"))
            .arg("--work-dir")
            .arg(root.join("work"))
            .args(extra)
            .env("CARGO_WASM", root.join("cargo-wasm"))
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            output.stderr.is_empty(),
            "harness stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        (stdout, output.status.code().unwrap())
    }
}

#[test]
fn three_way_comparison_with_known_failures() {
    let corpus = Corpus::new();

    let (stdout, code) = corpus.run(&[]);
    assert!(stdout.contains("\nok            hello_exit ("), "{stdout}");
    assert!(stdout.contains("FAILED        mismatch_exit ("), "{stdout}");
    assert!(stdout.contains("gc-runtime: stdout differs from native; wasmtime: stdout differs from native; both engines agree with each other"), "{stdout}");
    assert!(stdout.contains("    - bye\n    + hello\n"), "{stdout}");
    assert!(stdout.ends_with("\n1 passed, 1 failed\n"), "{stdout}");
    assert_eq!(code, 1);

    corpus.known_failures("mismatch_exit prints bye natively\n");
    let (stdout, code) = corpus.run(&[]);
    assert!(stdout.contains("known failure mismatch_exit ("), "{stdout}");
    assert!(stdout.ends_with("\n1 passed, 1 failed\n"), "{stdout}");
    assert_eq!(code, 0);

    corpus.known_failures("mismatch_exit prints bye natively\nhello_exit was broken once\n");
    let (stdout, code) = corpus.run(&["hello"]);
    assert!(stdout.contains("stale entry   hello_exit"), "{stdout}");
    assert!(stdout.ends_with("\n1 passed, 0 failed\n"), "{stdout}");
    assert_eq!(code, 1);

    let (_, code) = corpus.run(&["--update-known-failures"]);
    assert_eq!(code, 0);
    let list = std::fs::read_to_string(corpus.dir.path().join("programs/KNOWN_FAILURES")).unwrap();
    assert!(
        list.contains("\nmismatch_exit prints bye natively\n") && !list.contains("hello"),
        "{list}"
    );
}
