//! The example host: the `log` import sees the guest's strings, and the typed export returns.

#[test]
fn host_reads_guest_strings_and_calls_the_typed_export() {
    let (value, log) = embed::fib(50).unwrap();
    assert_eq!(value, 12_586_269_025);
    assert_eq!(log, ["computing fib", "done"]);
}

#[test]
fn binary_prints_log_and_result() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_embed"))
        .arg("10")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "guest: computing fib\nguest: done\nfib(10) = 55\n"
    );
}
