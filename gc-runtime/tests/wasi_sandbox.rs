//! Capability sandbox of WASI preopens, at the ABI level (no libc in between): a guest calls
//! `path_open` relative to preopened descriptor 3 and exits with the errno it got. Escapes must be
//! refused with EPERM (what wasmtime returns) or ENOTCAPABLE, and nothing outside may be touched.

use std::path::Path;

use gc_runtime::wasi::{RunResult, WasiConfig, run};

const EPERM: i32 = 63;
const ENOTCAPABLE: i32 = 76;
const O_CREAT: i32 = 1;

/// A command that opens `path` under fd 3 (following symlinks) with `oflags`, and exits with the errno.
fn open_module(path: &str, oflags: i32) -> String {
    let escaped: String = path.bytes().map(|b| format!("\\{b:02x}")).collect();
    format!(
        r#"(module
          (import "wasi_snapshot_preview1" "path_open"
            (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (memory (export "memory") 1)
          (data (i32.const 64) "{escaped}")
          (func (export "_start")
            (call $exit (call $open (i32.const 3) (i32.const 1) (i32.const 64) (i32.const {len})
              (i32.const {oflags}) (i64.const 0x1fffffff) (i64.const 0x1fffffff) (i32.const 0) (i32.const 0)))))"#,
        len = path.len()
    )
}

/// Runs the module with `root/sandbox` preopened; returns the exit status (the errno).
fn errno_of(root: &Path, path: &str, oflags: i32) -> i32 {
    let config = WasiConfig {
        args: vec!["sandbox".into()],
        preopens: vec![(root.join("sandbox"), "/sandbox".into())],
        capture_output: true,
        ..Default::default()
    };
    match run(open_module(path, oflags).as_bytes(), config, None).result {
        Ok(RunResult::Exit(code)) => code,
        other => panic!("unexpected outcome {other:?}"),
    }
}

fn fixture() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let sb = tmp.path().join("sandbox");
    std::fs::create_dir_all(sb.join("sub")).unwrap();
    std::fs::create_dir_all(tmp.path().join("outside")).unwrap();
    std::fs::write(sb.join("inside.txt"), "in").unwrap();
    std::fs::write(tmp.path().join("outside/secret.txt"), "secret").unwrap();
    tmp
}

fn assert_refused(errno: i32) {
    assert!(
        errno == EPERM || errno == ENOTCAPABLE,
        "expected EPERM or ENOTCAPABLE, got errno {errno}"
    );
}

#[test]
fn files_inside_the_preopen_are_reachable_even_through_dotdot() {
    let tmp = fixture();
    assert_eq!(errno_of(tmp.path(), "inside.txt", 0), 0);
    assert_eq!(errno_of(tmp.path(), "sub/../inside.txt", 0), 0);
}

#[test]
fn path_traversal_with_dotdot_is_refused() {
    let tmp = fixture();
    assert_refused(errno_of(tmp.path(), "../outside/secret.txt", 0));
    assert_refused(errno_of(tmp.path(), "sub/../../outside/secret.txt", 0));
    assert_refused(errno_of(tmp.path(), "../sandbox-sibling.txt", O_CREAT));
    assert!(
        !tmp.path().join("sandbox-sibling.txt").exists(),
        "nothing was created outside"
    );
}

#[test]
fn symlink_escape_is_refused() {
    let tmp = fixture();
    let sb = tmp.path().join("sandbox");
    std::os::unix::fs::symlink("../outside", sb.join("rel_link")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("outside"), sb.join("abs_link")).unwrap();
    std::os::unix::fs::symlink("../outside/secret.txt", sb.join("file_link")).unwrap();
    assert_refused(errno_of(tmp.path(), "rel_link/secret.txt", 0));
    assert_refused(errno_of(tmp.path(), "abs_link/secret.txt", 0));
    assert_refused(errno_of(tmp.path(), "file_link", 0));
    assert_refused(errno_of(tmp.path(), "rel_link/created.txt", O_CREAT));
    assert!(
        !tmp.path().join("outside/created.txt").exists(),
        "nothing was created outside"
    );
}

#[test]
fn absolute_paths_are_refused() {
    let tmp = fixture();
    let secret = tmp.path().join("outside/secret.txt");
    assert_refused(errno_of(tmp.path(), secret.to_str().unwrap(), 0));
    assert_refused(errno_of(tmp.path(), "/etc/passwd", 0));
}
