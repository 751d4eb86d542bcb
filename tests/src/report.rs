//! Turning results into the report: one line per program, known failures, stale entries, and the final
//! `N passed, M failed` line.

use std::collections::BTreeSet;

use crate::known_failures::KnownFailures;
use crate::runner::{ProgramResult, Verdict};

/// Lines of a failure's detail shown under its report line.
const MAX_DETAIL_LINES: usize = 16;

/// A result judged against KNOWN_FAILURES.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Classification {
    Passed,
    /// Failed, and listed: expected today.
    KnownFailure,
    /// Failed, not listed: a regression (or a new program that does not work yet).
    Failed,
    /// Passed although listed: the entry must go.
    Stale,
}

pub fn classify(result: &ProgramResult, known: &KnownFailures) -> Classification {
    let listed = known.reason(&result.name).is_some();
    match (&result.verdict, listed) {
        (Verdict::Passed, false) => Classification::Passed,
        (Verdict::Passed, true) => Classification::Stale,
        (Verdict::Failed { .. }, true) => Classification::KnownFailure,
        (Verdict::Failed { .. }, false) => Classification::Failed,
    }
}

/// The report line for one program, with the indented diff for failures.
pub fn format_result(result: &ProgramResult, classification: &Classification) -> String {
    let mut figures = format!("{:.1} s", result.elapsed.as_secs_f32());
    if let Some(bytes) = result.wasm.module_bytes {
        figures.push_str(&format!(", {bytes} B"));
    }
    match (&result.verdict, classification) {
        (Verdict::Passed, Classification::Stale) => {
            format!(
                "stale entry   {} ({figures}): passes but is listed in KNOWN_FAILURES; remove it",
                result.name
            )
        }
        (Verdict::Passed, _) => format!("ok            {} ({figures})", result.name),
        (Verdict::Failed { summary, detail }, classification) => {
            let label = if *classification == Classification::KnownFailure {
                "known failure"
            } else {
                "FAILED       "
            };
            let mut text = format!("{label} {} ({figures}): {summary}", result.name);
            if *classification == Classification::Failed {
                text.push_str(&indent(detail));
            }
            text
        }
    }
}

fn indent(detail: &str) -> String {
    let lines: Vec<&str> = detail.lines().collect();
    let mut text = String::new();
    for line in lines.iter().take(MAX_DETAIL_LINES) {
        text.push_str("\n    ");
        text.push_str(line);
    }
    if lines.len() > MAX_DETAIL_LINES {
        text.push_str(&format!(
            "\n    ... ({} more lines)",
            lines.len() - MAX_DETAIL_LINES
        ));
    }
    text
}

/// Module sizes and compile time over the run (dev profile), for issue reports.
pub fn wasm_figures(results: &[ProgramResult]) -> Option<String> {
    let sizes: Vec<(u64, &str)> = results
        .iter()
        .filter_map(|r| r.wasm.module_bytes.map(|bytes| (bytes, r.name.as_str())))
        .collect();
    let build_time: f32 = results
        .iter()
        .map(|r| r.wasm.build_time.as_secs_f32())
        .sum();
    let (largest, largest_name) = sizes.iter().copied().max()?;
    let (smallest, smallest_name) = sizes.iter().copied().min()?;
    let total: u64 = sizes.iter().map(|(bytes, _)| bytes).sum();
    Some(format!(
        "wasm modules: {} built, {total} B in total, smallest {smallest_name} {smallest} B, largest {largest_name} {largest} B; cargo wasm build time {build_time:.1} s in total",
        sizes.len()
    ))
}

/// Totals of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub passed: usize,
    /// All failures, known ones included.
    pub failed: usize,
    pub known: usize,
    pub unexpected: usize,
    /// Listed programs that passed, or that no longer exist.
    pub stale: Vec<String>,
}

impl Summary {
    /// `existing` are all corpus program names, so entries for deleted programs are stale too.
    pub fn new(
        results: &[ProgramResult],
        known: &KnownFailures,
        existing: &BTreeSet<String>,
    ) -> Summary {
        let mut summary = Summary::default();
        for result in results {
            match classify(result, known) {
                Classification::Passed => summary.passed += 1,
                Classification::Stale => {
                    summary.passed += 1;
                    summary.stale.push(result.name.clone());
                }
                Classification::KnownFailure => {
                    summary.failed += 1;
                    summary.known += 1;
                }
                Classification::Failed => {
                    summary.failed += 1;
                    summary.unexpected += 1;
                }
            }
        }
        summary.stale.extend(
            known
                .entries
                .keys()
                .filter(|name| !existing.contains(*name))
                .cloned(),
        );
        summary
    }

    /// Whether the run should make CI fail.
    pub fn is_failure(&self) -> bool {
        self.unexpected > 0 || !self.stale.is_empty()
    }

    /// The closing lines; the last one is exactly `N passed, M failed`.
    pub fn render(&self) -> String {
        let mut text = String::new();
        if self.known > 0 || self.unexpected > 0 {
            text.push_str(&format!(
                "{} known failures (KNOWN_FAILURES), {} unexpected\n",
                self.known, self.unexpected
            ));
        }
        if !self.stale.is_empty() {
            text.push_str(&format!(
                "stale KNOWN_FAILURES entries: {}\n",
                self.stale.join(", ")
            ));
        }
        text.push_str(&format!("{} passed, {} failed", self.passed, self.failed));
        text
    }
}

/// The list after a run: failing programs that were run are listed (keeping a human-written reason), passing
/// ones removed; entries of programs not run this time (filtered out) are kept while the program exists.
pub fn updated_known_failures(
    results: &[ProgramResult],
    known: &KnownFailures,
    existing: &BTreeSet<String>,
) -> KnownFailures {
    let mut updated = known.clone();
    updated.entries.retain(|name, _| existing.contains(name));
    for result in results {
        match &result.verdict {
            Verdict::Passed => {
                updated.entries.remove(&result.name);
            }
            Verdict::Failed { summary, .. } => {
                let reason = known
                    .reason(&result.name)
                    .map(str::to_owned)
                    .unwrap_or_else(|| summary.clone());
                updated.entries.insert(result.name.clone(), reason);
            }
        }
    }
    updated
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn result(name: &str, passed: bool) -> ProgramResult {
        let verdict = if passed {
            Verdict::Passed
        } else {
            Verdict::Failed {
                summary: "wasm build failed".into(),
                detail: "error".into(),
            }
        };
        ProgramResult {
            name: name.into(),
            verdict,
            elapsed: Duration::ZERO,
            wasm: Default::default(),
        }
    }

    fn names(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn known_failures_do_not_fail_the_run_but_stale_entries_do() {
        let known =
            KnownFailures::parse("b listed reason\nc fixed since\ngone deleted program\n").unwrap();
        let results = [
            result("a", true),
            result("b", false),
            result("c", true),
            result("d", false),
        ];
        let summary = Summary::new(&results, &known, &names(&["a", "b", "c", "d"]));
        assert_eq!(summary.passed, 2);
        assert_eq!(summary.failed, 2);
        assert_eq!(summary.known, 1);
        assert_eq!(summary.unexpected, 1);
        assert_eq!(summary.stale, ["c", "gone"]);
        assert!(summary.is_failure());
        assert!(summary.render().ends_with("\n2 passed, 2 failed"));
    }

    #[test]
    fn only_known_failures_is_success() {
        let known = KnownFailures::parse("b reason\n").unwrap();
        let summary = Summary::new(
            &[result("a", true), result("b", false)],
            &known,
            &names(&["a", "b"]),
        );
        assert!(!summary.is_failure());
        assert_eq!(
            format_result(&result("b", false), &classify(&result("b", false), &known)),
            "known failure b (0.0 s): wasm build failed"
        );
    }

    #[test]
    fn figures_summarize_module_sizes() {
        let mut a = result("a", true);
        a.wasm = crate::runner::WasmMetrics {
            module_bytes: Some(300),
            build_time: Duration::from_millis(500),
        };
        let mut b = result("b", true);
        b.wasm = crate::runner::WasmMetrics {
            module_bytes: Some(100),
            build_time: Duration::from_millis(250),
        };
        let failed = result("c", false);
        assert_eq!(
            wasm_figures(&[a.clone(), b, failed.clone()]).unwrap(),
            "wasm modules: 2 built, 400 B in total, smallest b 100 B, largest a 300 B; cargo wasm build time 0.8 s in total"
        );
        assert_eq!(
            format_result(&a, &Classification::Passed),
            "ok            a (0.0 s, 300 B)"
        );
        assert_eq!(wasm_figures(&[failed]), None);
    }

    #[test]
    fn update_keeps_reasons_and_unrun_entries() {
        let known =
            KnownFailures::parse("b human reason\nc fixed\nz not run this time\ngone deleted\n")
                .unwrap();
        let results = [result("b", false), result("c", true), result("d", false)];
        let updated = updated_known_failures(&results, &known, &names(&["b", "c", "d", "z"]));
        let expected =
            KnownFailures::parse("b human reason\nd wasm build failed\nz not run this time\n")
                .unwrap();
        assert_eq!(updated, expected);
    }
}
