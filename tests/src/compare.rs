//! Comparing a leg's output with the native reference, and describing the first difference briefly.

use crate::process::Captured;

/// Lines of context shown around the first differing line.
const CONTEXT_LINES: usize = 2;
/// Lines of each side shown from the first difference on.
const SHOWN_LINES: usize = 4;
/// Longest line shown in a diff, in characters.
const MAX_LINE_CHARS: usize = 160;

/// How one leg's output differs from the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The channels that differ, in the order stdout, stderr, exit status (e.g. `["stdout", "exit status"]`).
    pub channels: Vec<&'static str>,
    /// A short diff of the first differing channel.
    pub detail: String,
}

/// `None` when `actual` agrees with `expected` on stdout, stderr (after [`normalize_stderr`]) and exit status.
pub fn difference(expected: &Captured, actual: &Captured) -> Option<Difference> {
    let mut channels = Vec::new();
    let mut detail = None;
    if expected.stdout != actual.stdout {
        channels.push("stdout");
        detail.get_or_insert_with(|| short_diff(&expected.stdout, &actual.stdout));
    }
    let (expected_stderr, actual_stderr) = (
        normalize_stderr(&expected.stderr),
        normalize_stderr(&actual.stderr),
    );
    if expected_stderr != actual_stderr {
        channels.push("stderr");
        detail.get_or_insert_with(|| short_diff(&expected_stderr, &actual_stderr));
    }
    let same_status =
        matches!((expected.status.code(), actual.status.code()), (Some(a), Some(b)) if a == b);
    if !same_status {
        channels.push("exit status");
        detail.get_or_insert_with(|| format!("- {}\n+ {}", expected.status, actual.status));
    }
    detail.map(|detail| Difference { channels, detail })
}

/// Removes the OS thread id rustc ≥ 1.90 prints after the thread name (`thread 'main' (12345) panicked at`,
/// `thread 'main' (12345) has overflowed its stack`): it changes on every run, and a wasm module has no
/// thread id to print.
pub fn normalize_stderr(stderr: &str) -> String {
    stderr.split_inclusive('\n').map(strip_thread_id).collect()
}

fn strip_thread_id(line: &str) -> std::borrow::Cow<'_, str> {
    let parsed = line.strip_prefix("thread '").and_then(|rest| {
        let name_end = rest.find("' (")?;
        let after_name = &rest[name_end + 3..];
        let digits = after_name.find(|c: char| !c.is_ascii_digit())?;
        let tail = after_name[digits..].strip_prefix(") ")?;
        (digits > 0).then(|| format!("thread '{}' {tail}", &rest[..name_end]))
    });
    match parsed {
        Some(line) => line.into(),
        None => line.into(),
    }
}

/// A few lines around the first line where `expected` and `actual` differ: `-` lines are the expected
/// (native) text, `+` lines the actual one, `  ` lines common context.
pub fn short_diff(expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.split_inclusive('\n').collect();
    let actual_lines: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = expected_lines
        .iter()
        .zip(&actual_lines)
        .take_while(|(a, b)| a == b)
        .count();

    // In a long line, show the part where the two first differing lines part ways.
    let skip = match (expected_lines.get(first), actual_lines.get(first)) {
        (Some(a), Some(b)) => {
            let column = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            column.saturating_sub(MAX_LINE_CHARS / 4)
        }
        _ => 0,
    };

    let mut out = Vec::new();
    for line in &expected_lines[first.saturating_sub(CONTEXT_LINES)..first] {
        out.push(format!("  {}", visible(line, 0)));
    }
    push_side(&mut out, '-', &expected_lines[first..], skip);
    push_side(&mut out, '+', &actual_lines[first..], skip);
    out.join("\n")
}

fn push_side(out: &mut Vec<String>, sign: char, lines: &[&str], skip_in_first: usize) {
    if lines.is_empty() {
        out.push(format!("{sign} (end of output)"));
        return;
    }
    for (index, line) in lines.iter().take(SHOWN_LINES).enumerate() {
        let skip = if index == 0 { skip_in_first } else { 0 };
        out.push(format!("{sign} {}", visible(line, skip)));
    }
    if lines.len() > SHOWN_LINES {
        out.push(format!(
            "{sign} ... ({} more lines)",
            lines.len() - SHOWN_LINES
        ));
    }
}

/// A line as shown in a diff: plain when that is unambiguous, escaped when it has control characters,
/// trailing whitespace or no final newline (differences a reader could not otherwise see). The first `skip`
/// characters are elided (`…`), and so is what goes beyond [`MAX_LINE_CHARS`].
fn visible(line: &str, skip: usize) -> String {
    let (body, has_newline) = match line.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (line, false),
    };
    let ambiguous =
        !has_newline || body.ends_with([' ', '\t', '\r']) || body.chars().any(char::is_control);
    let shown = if ambiguous {
        format!("{line:?}")
    } else {
        body.to_owned()
    };
    let mut out: String = if skip > 0 {
        "…".to_owned()
    } else {
        String::new()
    };
    out.extend(shown.chars().skip(skip).take(MAX_LINE_CHARS));
    if shown.chars().count() > skip + MAX_LINE_CHARS {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Status;

    fn captured(stdout: &str, stderr: &str, code: i32) -> Captured {
        Captured {
            stdout: stdout.into(),
            stderr: stderr.into(),
            status: Status::Exited(code),
        }
    }

    #[test]
    fn identical_outputs_agree() {
        assert_eq!(
            difference(&captured("a\n", "b\n", 0), &captured("a\n", "b\n", 0)),
            None
        );
    }

    #[test]
    fn reports_every_differing_channel_and_diffs_the_first() {
        let diff = difference(
            &captured("1\n2\n3\n", "", 0),
            &captured("1\n2\nx\n", "", 101),
        )
        .unwrap();
        assert_eq!(diff.channels, ["stdout", "exit status"]);
        assert_eq!(diff.detail, "  1\n  2\n- 3\n+ x");
    }

    #[test]
    fn status_difference_alone() {
        let diff = difference(&captured("", "", 0), &captured("", "", 3)).unwrap();
        assert_eq!(diff.channels, ["exit status"]);
        assert_eq!(diff.detail, "- exit status 0\n+ exit status 3");
    }

    #[test]
    fn a_timeout_never_agrees() {
        let timed_out = Captured {
            status: Status::TimedOut(std::time::Duration::from_secs(1)),
            ..captured("", "", 0)
        };
        assert!(difference(&timed_out, &timed_out).is_some());
    }

    #[test]
    fn panic_thread_ids_are_ignored() {
        let native = captured(
            "",
            "\nthread 'main' (4242) panicked at src/main.rs:3:5:\nboom\n",
            101,
        );
        let wasm = captured(
            "",
            "\nthread 'main' panicked at src/main.rs:3:5:\nboom\n",
            101,
        );
        assert_eq!(difference(&native, &wasm), None);
        let elsewhere = captured(
            "",
            "\nthread 'main' panicked at src/main.rs:4:5:\nboom\n",
            101,
        );
        assert_eq!(
            difference(&native, &elsewhere).unwrap().channels,
            ["stderr"]
        );
        assert_eq!(
            normalize_stderr("thread 'main' (7) has overflowed its stack\n"),
            "thread 'main' has overflowed its stack\n"
        );
        assert_eq!(
            normalize_stderr("a thread 'x' (12) b\n"),
            "a thread 'x' (12) b\n"
        );
        assert_eq!(normalize_stderr("thread 'x' () b\n"), "thread 'x' () b\n");
    }

    #[test]
    fn truncated_output_is_shown_as_end_of_output() {
        assert_eq!(short_diff("a\nb\n", "a\n"), "  a\n- b\n+ (end of output)");
    }

    #[test]
    fn invisible_differences_are_escaped() {
        assert_eq!(short_diff("x\n", "x \n"), "- x\n+ \"x \\n\"");
        assert_eq!(short_diff("x\n", "x"), "- x\n+ \"x\"");
    }

    #[test]
    fn long_lines_are_shown_where_they_differ() {
        let expected = format!("{}1{}\n", "0".repeat(300), "x".repeat(300));
        let actual = format!("{}2{}\n", "0".repeat(300), "x".repeat(300));
        let diff = short_diff(&expected, &actual);
        let lines: Vec<&str> = diff.lines().collect();
        let skipped = 300 - MAX_LINE_CHARS / 4;
        assert_eq!(
            lines[0],
            format!(
                "- …{}1{}…",
                "0".repeat(300 - skipped),
                "x".repeat(MAX_LINE_CHARS - (300 - skipped) - 1)
            )
        );
        assert!(
            lines[1].starts_with("+ …") && lines[1].contains("02x"),
            "{diff}"
        );
    }

    #[test]
    fn long_tails_are_elided() {
        let expected = "0\n1\n2\n3\n4\n5\n6\n";
        assert_eq!(
            short_diff(expected, ""),
            "- 0\n- 1\n- 2\n- 3\n- ... (3 more lines)\n+ (end of output)"
        );
    }
}
