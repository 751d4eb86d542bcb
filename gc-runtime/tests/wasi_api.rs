//! WASI for embedders: every preview 1 import links with its witx signature, stdin can be
//! supplied, stdout/stderr captured, and unimplementable calls give their documented errno.

use gc_runtime::wasi::{RunResult, WasiConfig, preview1_names, run};

/// The 46 functions of `wasi_snapshot_preview1` with their core signatures, transcribed from
/// the specification (`wasi_snapshot_preview1.witx`).
const ALL: &[(&str, &str)] = &[
    ("args_get", "(param i32 i32) (result i32)"),
    ("args_sizes_get", "(param i32 i32) (result i32)"),
    ("environ_get", "(param i32 i32) (result i32)"),
    ("environ_sizes_get", "(param i32 i32) (result i32)"),
    ("clock_res_get", "(param i32 i32) (result i32)"),
    ("clock_time_get", "(param i32 i64 i32) (result i32)"),
    ("fd_advise", "(param i32 i64 i64 i32) (result i32)"),
    ("fd_allocate", "(param i32 i64 i64) (result i32)"),
    ("fd_close", "(param i32) (result i32)"),
    ("fd_datasync", "(param i32) (result i32)"),
    ("fd_fdstat_get", "(param i32 i32) (result i32)"),
    ("fd_fdstat_set_flags", "(param i32 i32) (result i32)"),
    ("fd_fdstat_set_rights", "(param i32 i64 i64) (result i32)"),
    ("fd_filestat_get", "(param i32 i32) (result i32)"),
    ("fd_filestat_set_size", "(param i32 i64) (result i32)"),
    (
        "fd_filestat_set_times",
        "(param i32 i64 i64 i32) (result i32)",
    ),
    ("fd_pread", "(param i32 i32 i32 i64 i32) (result i32)"),
    ("fd_prestat_get", "(param i32 i32) (result i32)"),
    ("fd_prestat_dir_name", "(param i32 i32 i32) (result i32)"),
    ("fd_pwrite", "(param i32 i32 i32 i64 i32) (result i32)"),
    ("fd_read", "(param i32 i32 i32 i32) (result i32)"),
    ("fd_readdir", "(param i32 i32 i32 i64 i32) (result i32)"),
    ("fd_renumber", "(param i32 i32) (result i32)"),
    ("fd_seek", "(param i32 i64 i32 i32) (result i32)"),
    ("fd_sync", "(param i32) (result i32)"),
    ("fd_tell", "(param i32 i32) (result i32)"),
    ("fd_write", "(param i32 i32 i32 i32) (result i32)"),
    ("path_create_directory", "(param i32 i32 i32) (result i32)"),
    (
        "path_filestat_get",
        "(param i32 i32 i32 i32 i32) (result i32)",
    ),
    (
        "path_filestat_set_times",
        "(param i32 i32 i32 i32 i64 i64 i32) (result i32)",
    ),
    (
        "path_link",
        "(param i32 i32 i32 i32 i32 i32 i32) (result i32)",
    ),
    (
        "path_open",
        "(param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)",
    ),
    (
        "path_readlink",
        "(param i32 i32 i32 i32 i32 i32) (result i32)",
    ),
    ("path_remove_directory", "(param i32 i32 i32) (result i32)"),
    (
        "path_rename",
        "(param i32 i32 i32 i32 i32 i32) (result i32)",
    ),
    ("path_symlink", "(param i32 i32 i32 i32 i32) (result i32)"),
    ("path_unlink_file", "(param i32 i32 i32) (result i32)"),
    ("poll_oneoff", "(param i32 i32 i32 i32) (result i32)"),
    ("proc_exit", "(param i32)"),
    ("proc_raise", "(param i32) (result i32)"),
    ("sched_yield", "(result i32)"),
    ("random_get", "(param i32 i32) (result i32)"),
    ("sock_accept", "(param i32 i32 i32) (result i32)"),
    ("sock_recv", "(param i32 i32 i32 i32 i32 i32) (result i32)"),
    ("sock_send", "(param i32 i32 i32 i32 i32) (result i32)"),
    ("sock_shutdown", "(param i32 i32) (result i32)"),
];

fn config() -> WasiConfig {
    WasiConfig {
        args: vec!["t".into()],
        capture_output: true,
        ..Default::default()
    }
}

fn exit_code(module: &str, config: WasiConfig) -> (i32, Vec<u8>) {
    let out = run(module.as_bytes(), config, None);
    match out.result {
        Ok(RunResult::Exit(c)) => (c, out.stdout),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn every_preview1_function_links_with_its_spec_signature() {
    assert_eq!(preview1_names().count(), ALL.len());
    let imports: String = ALL
        .iter()
        .map(|(n, sig)| format!("(import \"wasi_snapshot_preview1\" \"{n}\" (func ${n} {sig}))\n"))
        .collect();
    let module =
        format!("(module {imports} (memory (export \"memory\") 1) (func (export \"_start\")))");
    assert_eq!(exit_code(&module, config()).0, 0);
}

/// `proc_raise` is ENOSYS (52); sockets are ENOTSUP (58) on a valid descriptor and EBADF (8) otherwise.
#[test]
fn unsupported_calls_return_their_errno() {
    let call = |body: &str, sig: &str, name: &str| {
        let m = format!(
            r#"(module (import "wasi_snapshot_preview1" "{name}" (func $f {sig}))
                (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                (memory (export "memory") 1) (func (export "_start") (call $exit {body})))"#
        );
        exit_code(&m, config()).0
    };
    assert_eq!(
        call(
            "(call $f (i32.const 6))",
            "(param i32) (result i32)",
            "proc_raise"
        ),
        52
    );
    assert_eq!(
        call(
            "(call $f (i32.const 1) (i32.const 0))",
            "(param i32 i32) (result i32)",
            "sock_shutdown"
        ),
        58
    );
    assert_eq!(
        call(
            "(call $f (i32.const 99) (i32.const 0))",
            "(param i32 i32) (result i32)",
            "sock_shutdown"
        ),
        8
    );
}

/// A guest that copies stdin to stdout, 5 bytes at a time.
const CAT: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 64))
    (loop $l
      (i32.store (i32.const 4) (i32.const 5))
      (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 16)))
      (if (i32.load (i32.const 16)) (then
        (i32.store (i32.const 4) (i32.load (i32.const 16)))
        (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 20)))
        (br $l))))))"#;

#[test]
fn embedder_supplies_stdin_and_captures_stdout() {
    let input = b"hello from the embedder\n".to_vec();
    let (code, stdout) = exit_code(
        CAT,
        WasiConfig {
            stdin: Some(input.clone()),
            ..config()
        },
    );
    assert_eq!(code, 0);
    assert_eq!(stdout, input);
}

#[test]
fn fuel_and_profile_are_reported_for_a_run() {
    let cfg = || WasiConfig {
        stdin: Some(b"abcdefghij".to_vec()),
        fuel: Some(1_000_000),
        profile: true,
        ..config()
    };
    let a = run(CAT.as_bytes(), cfg(), None);
    let b = run(CAT.as_bytes(), cfg(), None);
    assert_eq!(a.stdout, b"abcdefghij");
    let (fa, fb) = (a.fuel_consumed.unwrap(), b.fuel_consumed.unwrap());
    assert_eq!(fa, fb, "same input, same fuel");
    let p = a.profile.unwrap();
    assert_eq!(
        p.total_instructions, fa,
        "the profiler counts what fuel charges"
    );
    assert!(p.functions[0].name.contains("_start"), "{:?}", p.functions);
    assert!(
        p.opcodes.iter().any(|o| o.name == "Call"),
        "{:?}",
        p.opcodes
    );
}

#[test]
fn invoke_runs_an_export_with_parsed_arguments() {
    let m = r#"(module (func (export "mul") (param i32 f32) (result f32) (f32.mul (f32.convert_i32_s (local.get 0)) (local.get 1))))"#;
    let out = run(
        m.as_bytes(),
        config(),
        Some(("mul", &["-3".to_string(), "1.5".to_string()])),
    );
    assert_eq!(out.result.unwrap(), RunResult::Values(vec!["-4.5".into()]));
    let out = run(
        m.as_bytes(),
        config(),
        Some(("mul", &["x".to_string(), "1".to_string()])),
    );
    assert!(
        out.result
            .unwrap_err()
            .to_string()
            .contains("invalid argument `x`")
    );
}

#[test]
fn missing_preopen_directory_is_a_clear_error() {
    let cfg = WasiConfig {
        preopens: vec![("/definitely/not/here".into(), "/x".into())],
        ..config()
    };
    let err = run(CAT.as_bytes(), cfg, None).result.unwrap_err();
    assert!(err.to_string().contains("is not a directory"), "{err}");
}

/// Hostile arguments (pointers past memory, enormous lengths and counts) give an errno, never a
/// host panic or a huge host allocation.
#[test]
fn bad_pointers_and_sizes_are_errnos() {
    let m = r#"(module
      (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "args_get" (func $args (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
      (memory (export "memory") 1)
      (func (export "random_far") (result i32) (call $random (i32.const 0xffff0000) (i32.const 16)))
      (func (export "random_huge") (result i32) (call $random (i32.const 0) (i32.const -1)))
      (func (export "poll_many") (result i32) (call $poll (i32.const 0) (i32.const 64) (i32.const 0x10000000) (i32.const 8)))
      (func (export "write_many") (result i32) (call $write (i32.const 1) (i32.const 0) (i32.const 5000) (i32.const 8)))
      (func (export "args_far") (result i32) (call $args (i32.const -16) (i32.const 0)))
      (func (export "read_far") (result i32)
        (i32.store (i32.const 0) (i32.const 65530)) (i32.store (i32.const 4) (i32.const 100))
        (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 16)))
      (func (export "clock_bad") (result i32) (call $clock (i32.const 99) (i64.const 0) (i32.const 0))))"#;
    let cases = [
        ("random_far", "21"),
        ("random_huge", "21"),
        ("poll_many", "21"),
        ("write_many", "28"),
        ("args_far", "21"),
        ("read_far", "21"),
        ("clock_bad", "28"),
    ];
    for (name, errno) in cases {
        let cfg = WasiConfig {
            stdin: Some(b"x".to_vec()),
            ..config()
        };
        let out = run(m.as_bytes(), cfg, Some((name, &[])));
        assert_eq!(
            out.result.unwrap(),
            RunResult::Values(vec![errno.into()]),
            "{name}"
        );
    }
}

#[test]
fn proc_exit_inside_an_invoked_export_is_an_exit_status() {
    let m = r#"(module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (memory (export "memory") 1) (func (export "quit") (call $exit (i32.const 3))))"#;
    let out = run(m.as_bytes(), config(), Some(("quit", &[])));
    assert_eq!(out.result.unwrap(), RunResult::Exit(3));
}
