//! WASI preview 1 compared with wasmtime: each C program in `tests/wasi/` is compiled with
//! `clang --target=wasm32-wasi` and run by gc-runtime and by wasmtime (PyPI) on the same module,
//! with the same arguments, environment and a fresh copy of the same preopened directory tree.
//! Stdout, stderr, exit status and the resulting directory tree must be identical.
//!
//! Missing tools are a failure naming `scripts/install-test-deps.sh`, never a silent skip.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use gc_runtime::wasi::{RunResult, WasiConfig, run};

const INSTALL_HINT: &str = "install the test toolchain with `scripts/install-test-deps.sh` (clang, lld, wasi-libc, wasmtime from PyPI)";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Checks once that clang and wasmtime are usable.
fn require_tools() {
    static CHECKED: OnceLock<Result<(), String>> = OnceLock::new();
    let r = CHECKED.get_or_init(|| {
        let clang = Command::new("clang").arg("--version").output();
        if !clang.is_ok_and(|o| o.status.success()) {
            return Err(format!("`clang` is not installed; {INSTALL_HINT}"));
        }
        let py = Command::new(python())
            .args(["-c", "import wasmtime"])
            .output();
        if !py.is_ok_and(|o| o.status.success()) {
            return Err(format!(
                "python module `wasmtime` is not importable with `{}`; {INSTALL_HINT}",
                python()
            ));
        }
        Ok(())
    });
    if let Err(e) = r {
        panic!("{e}");
    }
}

fn compile(name: &str, out_dir: &Path) -> PathBuf {
    require_tools();
    let src = repo_root().join("tests/wasi").join(format!("{name}.c"));
    let out = out_dir.join(format!("{name}.wasm"));
    let o = Command::new("clang")
        .args(["--target=wasm32-wasi", "--sysroot=/usr", "-O1", "-o"])
        .arg(&out)
        .arg(&src)
        .output()
        .expect("run clang");
    assert!(
        o.status.success(),
        "clang failed for {}:\n{}\n({INSTALL_HINT})",
        src.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// `// args:` and `// env:` header lines of a program.
fn header(name: &str) -> (Vec<String>, Vec<(String, String)>) {
    let src =
        std::fs::read_to_string(repo_root().join("tests/wasi").join(format!("{name}.c"))).unwrap();
    let mut args = Vec::new();
    let mut env = Vec::new();
    for line in src.lines().take_while(|l| l.starts_with("//")) {
        if let Some(a) = line.strip_prefix("// args:") {
            args.extend(split_args(a));
        } else if let Some(e) = line.strip_prefix("// env:") {
            let (k, v) = e.trim().split_once('=').expect("env line K=V");
            env.push((k.to_string(), v.to_string()));
        }
    }
    (args, env)
}

/// Splits on spaces, keeping double-quoted groups together.
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

/// The fixture: `sandbox/` (preopened as `/sandbox`) with files, a subdirectory and two escaping
/// symlinks, and `outside/` next to it, which the guest must never reach.
fn fixture(root: &Path) -> PathBuf {
    let sb = root.join("sandbox");
    std::fs::create_dir_all(sb.join("sub")).unwrap();
    std::fs::create_dir_all(root.join("outside")).unwrap();
    std::fs::write(sb.join("hello.txt"), "hello, sandbox\n").unwrap();
    std::fs::write(sb.join("sub/a.txt"), "a\n").unwrap();
    std::fs::write(sb.join("sub/b.txt"), "bb\n").unwrap();
    std::fs::write(root.join("outside/secret.txt"), "secret\n").unwrap();
    std::os::unix::fs::symlink("../outside", sb.join("escape")).unwrap();
    std::os::unix::fs::symlink("/etc", sb.join("abs")).unwrap();
    sb
}

/// Every path under `root` with its kind and content (symlinks are not followed).
fn snapshot(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            let md = std::fs::symlink_metadata(&p).unwrap();
            if md.file_type().is_symlink() {
                out.insert(
                    rel,
                    format!("symlink -> {}", std::fs::read_link(&p).unwrap().display()),
                );
            } else if md.is_dir() {
                out.insert(rel, "dir".into());
                walk(root, &p, out);
            } else {
                out.insert(
                    rel,
                    format!(
                        "file {:?}",
                        String::from_utf8_lossy(&std::fs::read(&p).unwrap())
                    ),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

struct Outcome {
    exit: i32,
    stdout: String,
    stderr: String,
    tree: BTreeMap<String, String>,
}

fn run_ours(wasm: &Path, args: &[String], env: &[(String, String)]) -> Outcome {
    let tmp = tempfile::tempdir().unwrap();
    let sb = fixture(tmp.path());
    let mut argv = vec![wasm.file_name().unwrap().to_string_lossy().into_owned()];
    argv.extend(args.iter().cloned());
    let config = WasiConfig {
        args: argv,
        env: env.to_vec(),
        preopens: vec![(sb, "/sandbox".into())],
        capture_output: true,
        stdin: Some(Vec::new()), // wasmtime's runner gives the guest no stdin either
        ..Default::default()
    };
    let out = run(&std::fs::read(wasm).unwrap(), config, None);
    let exit = match out.result {
        Ok(RunResult::Exit(c)) => c,
        Ok(RunResult::Values(_)) => unreachable!(),
        Err(e) if e.trap_message().is_some() => 134,
        Err(e) => panic!("gc-runtime failed to run {}: {e}", wasm.display()),
    };
    Outcome {
        exit,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        tree: snapshot(tmp.path()),
    }
}

fn run_wasmtime(wasm: &Path, args: &[String], env: &[(String, String)]) -> Outcome {
    let tmp = tempfile::tempdir().unwrap();
    let sb = fixture(tmp.path());
    let mut cmd = Command::new(python());
    cmd.arg(repo_root().join("tests/wasi/run_wasmtime.py"));
    cmd.arg("--dir").arg(format!("{}::/sandbox", sb.display()));
    for (k, v) in env {
        cmd.arg("--env").arg(format!("{k}={v}"));
    }
    cmd.arg(wasm).args(args);
    let o = cmd.output().expect("run python3");
    let exit = o.status.code().expect("wasmtime runner exit code");
    assert_ne!(
        exit,
        2,
        "wasmtime runner failed: {}\n({INSTALL_HINT})",
        String::from_utf8_lossy(&o.stderr)
    );
    Outcome {
        exit,
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        tree: snapshot(tmp.path()),
    }
}

/// Compiles `name.c`, runs it on both engines and compares everything; returns our stdout.
fn compare(name: &str) -> String {
    let build = tempfile::tempdir().unwrap();
    let wasm = compile(name, build.path());
    let (args, env) = header(name);
    let ours = run_ours(&wasm, &args, &env);
    let theirs = run_wasmtime(&wasm, &args, &env);
    assert_eq!(
        ours.stdout, theirs.stdout,
        "{name}: stdout differs (left: gc-runtime, right: wasmtime)"
    );
    assert_eq!(ours.stderr, theirs.stderr, "{name}: stderr differs");
    assert_eq!(ours.exit, theirs.exit, "{name}: exit status differs");
    assert_eq!(
        ours.tree, theirs.tree,
        "{name}: resulting directory trees differ"
    );
    ours.stdout
}

#[test]
fn files() {
    let out = compare("files");
    assert!(out.contains("preexisting: hello, sandbox"), "{out}");
}

#[test]
fn directories() {
    let out = compare("dirs");
    assert!(out.contains("/sandbox: abs@ escape@ hello.txt sub/"), "{out}");
}

#[test]
fn args_and_env() {
    let out = compare("args_env");
    assert!(out.contains("argv[3]=three four"), "{out}");
}

#[test]
fn clocks() {
    let out = compare("clocks");
    assert!(!out.contains(": no"), "{out}");
}

#[test]
fn exit_codes() {
    compare("exit_code");
}

#[test]
fn descriptor_operations() {
    let out = compare("fdops");
    assert!(out.contains("log: one\nlog: two\n"), "{out}");
    assert!(
        out.contains("futimens: 0 \natime set: 1 mtime set: 1"),
        "{out}"
    );
    assert!(
        out.contains("seekdir resumes after the first entry: 1"),
        "{out}"
    );
}

#[test]
fn stdio_descriptors() {
    let out = compare("stdio");
    assert!(
        out.contains("fd 1: errno=0 isatty=0 type=0 flags=0 rights=40"),
        "{out}"
    );
    assert!(out.contains("fd 9: errno=8"), "{out}");
}

#[test]
fn sandbox_escapes() {
    let out = compare("sandbox");
    assert!(!out.contains("escape!"), "{out}");
    assert_eq!(out.matches("refused").count(), 7, "{out}");
    assert!(out.contains("(inside): ok"), "{out}");
}
