//! libtest's behaviour for `cargo wasm test`: which tests run (filters, `--ignored`, `--exact`, `--skip`), how an
//! outcome is judged (`#[should_panic(expected = ...)]`), and the exact console format of `cargo test`
//! (`running N tests`, `test x ... ok`, the `failures:` blocks, `test result: ...`), so that a user — or a
//! script comparing `cargo test` with `cargo wasm test` — sees the same thing from both.

use std::fmt::Write as _;

/// One `#[test]` function as the compiler describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    /// Path inside the crate, e.g. `tests::adds`.
    pub name: String,
    /// `None` unless `#[ignore]`; `Some(Some(reason))` for `#[ignore = "reason"]`.
    pub ignore: Option<Option<String>>,
    pub should_panic: ShouldPanic,
    /// `src/lib.rs:L:C` of the function's name (libtest names it when a `should_panic` test does not panic).
    pub location: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShouldPanic {
    No,
    Yes,
    WithMessage(String),
}

/// Harness flags after `--`, as libtest takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HarnessOptions {
    pub filters: Vec<String>,
    pub skip: Vec<String>,
    pub exact: bool,
    pub ignored: bool,
    pub include_ignored: bool,
    pub list: bool,
    pub nocapture: bool,
    pub show_output: bool,
}

impl HarnessOptions {
    /// Parses libtest's own arguments; unknown ones are an error, as libtest makes them.
    pub fn parse(filter: Option<&str>, args: &[String]) -> Result<HarnessOptions, String> {
        let mut o = HarnessOptions::default();
        o.filters.extend(filter.map(str::to_string));
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--exact" => o.exact = true,
                "--ignored" => o.ignored = true,
                "--include-ignored" => o.include_ignored = true,
                "--list" => o.list = true,
                "--nocapture" | "--no-capture" => o.nocapture = true,
                "--show-output" => o.show_output = true,
                // Accepted for compatibility; tests run one at a time in fresh instances anyway.
                "--test-threads" => {
                    it.next().ok_or("argument for --test-threads missing")?;
                }
                "-q" | "--quiet" | "--color=never" | "--color=always" | "--color=auto" => {}
                "--skip" => o.skip.push(it.next().ok_or("argument for --skip missing")?.clone()),
                s if s.starts_with("--test-threads=") => {}
                s if s.starts_with("--skip=") => o.skip.push(s["--skip=".len()..].to_string()),
                s if s.starts_with('-') => return Err(format!("Unrecognized option: '{}'", s.trim_start_matches('-'))),
                s => o.filters.push(s.to_string()),
            }
        }
        Ok(o)
    }

    fn selects(&self, name: &str) -> bool {
        let hit = |f: &String| if self.exact { name == f } else { name.contains(f.as_str()) };
        (self.filters.is_empty() || self.filters.iter().any(hit)) && !self.skip.iter().any(hit)
    }
}

/// What running one test's module produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Execution {
    /// The guest's exit status: 0 returned normally, 101 panicked, other codes as the program chose.
    pub exit_code: i32,
    /// Captured stdout then stderr (libtest captures both into one buffer).
    pub output: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Failed { output: String },
    Ignored { reason: Option<String> },
}

/// The tests to run, in libtest's order (sorted by name), and how many the filters removed.
pub fn plan<'t>(tests: &'t [TestCase], opts: &HarnessOptions) -> (Vec<&'t TestCase>, usize) {
    let mut chosen: Vec<&TestCase> = tests.iter().filter(|t| opts.selects(&t.name)).collect();
    let filtered_out = tests.len() - chosen.len();
    if opts.ignored {
        chosen.retain(|t| t.ignore.is_some());
    }
    chosen.sort_by(|a, b| a.name.cmp(&b.name));
    let ignored_dropped = tests.len() - filtered_out - chosen.len();
    (chosen, filtered_out + ignored_dropped)
}

/// Whether a chosen test is executed or reported as ignored.
pub fn should_run(test: &TestCase, opts: &HarnessOptions) -> bool {
    test.ignore.is_none() || opts.ignored || opts.include_ignored
}

/// Judges an execution as libtest would, including `should_panic`'s notes.
pub fn judge(test: &TestCase, execution: &Execution) -> Verdict {
    let output = execution.output.clone();
    let panicked = execution.exit_code == 101 && panic_message(&output).is_some();
    match (&test.should_panic, execution.exit_code, panicked) {
        (ShouldPanic::No, 0, _) => Verdict::Ok,
        (ShouldPanic::No, _, _) => Verdict::Failed { output },
        (_, 0, _) => Verdict::Failed { output: output + &format!("note: test did not panic as expected at {}", test.location) },
        (ShouldPanic::Yes, _, true) => Verdict::Ok,
        (ShouldPanic::WithMessage(expected), _, true) => {
            let message = panic_message(&output).unwrap_or_default();
            if message.contains(expected.as_str()) {
                Verdict::Ok
            } else {
                Verdict::Failed {
                    output: output
                        + &format!(
                            "note: panic did not contain expected string\n      panic message: {message:?}\n expected substring: {expected:?}"
                        ),
                }
            }
        }
        (_, _, false) => Verdict::Failed { output },
    }
}

/// The payload of the last panic in captured output: the lines after `panicked at FILE:L:C:` up to the
/// backtrace note.
pub fn panic_message(output: &str) -> Option<String> {
    // `thread 'NAME' (TID) panicked at FILE:L:C:` — the thread id is there since Rust 1.93.
    let start = output.rfind(" panicked at ")?;
    let after_header = &output[start..];
    let body_start = after_header.find('\n')? + 1;
    let body = &after_header[body_start..];
    let end = body.find("\nnote: run with `RUST_BACKTRACE=1`").unwrap_or(body.trim_end_matches('\n').len());
    Some(body[..end].to_string())
}

/// The backtrace hint is printed once per process natively (the first panic); every wasm test runs in a fresh
/// instance and prints it, so all but the first panicking test's copy are removed.
pub fn strip_repeated_backtrace_note(output: &str, first_panic_seen: &mut bool) -> String {
    const NOTE: &str = "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
    if !output.contains(NOTE) {
        return output.to_string();
    }
    if !*first_panic_seen {
        *first_panic_seen = true;
        return output.to_string();
    }
    output.replacen(NOTE, "", 1)
}

/// `test name ... ok` (with ` - should panic` like libtest).
pub fn result_line(test: &TestCase, verdict: &Verdict) -> String {
    let suffix = if test.should_panic != ShouldPanic::No { " - should panic" } else { "" };
    let status = match verdict {
        Verdict::Ok => "ok".to_string(),
        Verdict::Failed { .. } => "FAILED".to_string(),
        Verdict::Ignored { reason: None } => "ignored".to_string(),
        Verdict::Ignored { reason: Some(r) } => format!("ignored, {r}"),
    };
    format!("test {}{suffix} ... {status}", test.name)
}

/// The closing part of libtest's report: failure outputs, the failure list and `test result:`.
pub fn summary(results: &[(&TestCase, Verdict)], filtered_out: usize, seconds: f64) -> String {
    let mut out = String::new();
    let failures: Vec<(&TestCase, &String)> = results
        .iter()
        .filter_map(|(t, v)| match v {
            Verdict::Failed { output } => Some((*t, output)),
            _ => None,
        })
        .collect();
    if !failures.is_empty() {
        let mut blocks = String::new();
        for (test, output) in &failures {
            if !output.is_empty() {
                let _ = write!(blocks, "---- {} stdout ----\n{output}\n", test.name);
            }
        }
        if !blocks.is_empty() {
            // libtest heads the captured outputs with their own `failures:` line.
            out.push_str("\nfailures:\n\n");
            out.push_str(&blocks);
        }
        out.push_str("\nfailures:\n");
        let mut names: Vec<&str> = failures.iter().map(|(t, _)| t.name.as_str()).collect();
        names.sort();
        for name in names {
            let _ = writeln!(out, "    {name}");
        }
    }
    let count = |f: fn(&Verdict) -> bool| results.iter().filter(|(_, v)| f(v)).count();
    let passed = count(|v| matches!(v, Verdict::Ok));
    let failed = failures.len();
    let ignored = count(|v| matches!(v, Verdict::Ignored { .. }));
    let status = if failed == 0 { "ok" } else { "FAILED" };
    let _ = writeln!(
        out,
        "\ntest result: {status}. {passed} passed; {failed} failed; {ignored} ignored; 0 measured; {filtered_out} filtered out; finished in {seconds:.2}s\n"
    );
    out
}

/// `--list` output.
pub fn list(tests: &[&TestCase]) -> String {
    let mut out = String::new();
    for t in tests {
        let _ = writeln!(out, "{}: test", t.name);
    }
    let _ = writeln!(out, "\n{} tests, 0 benchmarks", tests.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, ignore: Option<Option<&str>>, should_panic: ShouldPanic) -> TestCase {
        TestCase {
            name: name.into(),
            ignore: ignore.map(|r| r.map(str::to_string)),
            should_panic,
            location: "src/lib.rs:11:32".into(),
        }
    }

    const PANIC: &str = "\nthread 'tests::b' (1) panicked at src/lib.rs:10:69:\nboom\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";

    #[test]
    fn panic_message_is_the_payload() {
        assert_eq!(panic_message(PANIC).as_deref(), Some("boom"));
        let multi = "out\n\nthread 'main' (7) panicked at src/lib.rs:6:54:\nassertion `left == right` failed\n  left: 3\n right: 4\n";
        assert_eq!(panic_message(multi).as_deref(), Some("assertion `left == right` failed\n  left: 3\n right: 4"));
        assert_eq!(panic_message("no panic here\n"), None);
    }

    #[test]
    fn should_panic_verdicts_match_libtest() {
        let panicked = Execution { exit_code: 101, output: PANIC.into() };
        let returned = Execution { exit_code: 0, output: String::new() };
        assert_eq!(judge(&case("a", None, ShouldPanic::Yes), &panicked), Verdict::Ok);
        assert_eq!(judge(&case("a", None, ShouldPanic::WithMessage("oo".into())), &panicked), Verdict::Ok);
        let Verdict::Failed { output } = judge(&case("a", None, ShouldPanic::WithMessage("other".into())), &panicked) else {
            panic!("must fail")
        };
        assert!(output.ends_with(
            "note: panic did not contain expected string\n      panic message: \"boom\"\n expected substring: \"other\""
        ));
        assert_eq!(
            judge(&case("a", None, ShouldPanic::Yes), &returned),
            Verdict::Failed { output: "note: test did not panic as expected at src/lib.rs:11:32".into() }
        );
        assert_eq!(judge(&case("a", None, ShouldPanic::No), &returned), Verdict::Ok);
        assert!(matches!(judge(&case("a", None, ShouldPanic::No), &panicked), Verdict::Failed { .. }));
        // `Err` from a test returning Result: exit status 1 and the Debug of the error.
        let err = Execution { exit_code: 1, output: "Error: \"bad\"\n".into() };
        assert!(matches!(judge(&case("a", None, ShouldPanic::No), &err), Verdict::Failed { .. }));
        assert!(matches!(judge(&case("a", None, ShouldPanic::Yes), &err), Verdict::Failed { .. }));
    }

    #[test]
    fn filters_sort_and_count_like_libtest() {
        let tests = vec![
            case("tests::b", None, ShouldPanic::No),
            case("tests::a", None, ShouldPanic::No),
            case("tests::slow", Some(Some("slow")), ShouldPanic::No),
            case("other::a", None, ShouldPanic::No),
        ];
        let opts = HarnessOptions::parse(Some("tests::"), &[]).unwrap();
        let (chosen, filtered) = plan(&tests, &opts);
        assert_eq!(chosen.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["tests::a", "tests::b", "tests::slow"]);
        assert_eq!(filtered, 1);
        assert!(!should_run(chosen[2], &opts));
        let opts = HarnessOptions::parse(None, &["--exact".into(), "tests::a".into()]).unwrap();
        assert_eq!(plan(&tests, &opts).0.len(), 1);
        let opts = HarnessOptions::parse(None, &["--ignored".into()]).unwrap();
        let (chosen, filtered) = plan(&tests, &opts);
        assert_eq!((chosen.len(), filtered), (1, 3));
        let opts = HarnessOptions::parse(None, &["--skip".into(), "::a".into()]).unwrap();
        assert_eq!(plan(&tests, &opts).0.len(), 2);
        assert_eq!(HarnessOptions::parse(None, &["--bogus".into()]).unwrap_err(), "Unrecognized option: 'bogus'");
    }

    #[test]
    fn report_format_is_libtests() {
        let ok = case("tests::ok_one", None, ShouldPanic::No);
        let ig = case("tests::ignored_reason", Some(Some("slow")), ShouldPanic::No);
        let sp = case("tests::sp_no_panic", None, ShouldPanic::Yes);
        let bad = case("tests::fails_eq", None, ShouldPanic::No);
        assert_eq!(result_line(&ig, &Verdict::Ignored { reason: Some("slow".into()) }), "test tests::ignored_reason ... ignored, slow");
        assert_eq!(result_line(&sp, &Verdict::Failed { output: String::new() }), "test tests::sp_no_panic - should panic ... FAILED");
        let results = vec![
            (&bad, Verdict::Failed { output: "some output\n".into() }),
            (&ig, Verdict::Ignored { reason: Some("slow".into()) }),
            (&ok, Verdict::Ok),
            (&sp, Verdict::Failed { output: "note: test did not panic as expected at src/lib.rs:11:32".into() }),
        ];
        assert_eq!(
            summary(&results, 2, 0.0),
            "\nfailures:\n\n---- tests::fails_eq stdout ----\nsome output\n\n\
             ---- tests::sp_no_panic stdout ----\nnote: test did not panic as expected at src/lib.rs:11:32\n\
             \nfailures:\n    tests::fails_eq\n    tests::sp_no_panic\n\
             \ntest result: FAILED. 1 passed; 2 failed; 1 ignored; 0 measured; 2 filtered out; finished in 0.00s\n\n"
        );
        assert_eq!(
            summary(&[(&ok, Verdict::Ok)], 0, 0.0),
            "\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\n"
        );
    }

    #[test]
    fn backtrace_note_is_kept_once() {
        let mut seen = false;
        assert_eq!(strip_repeated_backtrace_note(PANIC, &mut seen), PANIC);
        assert!(!strip_repeated_backtrace_note(PANIC, &mut seen).contains("RUST_BACKTRACE"));
        assert_eq!(strip_repeated_backtrace_note("plain\n", &mut seen), "plain\n");
    }
}
