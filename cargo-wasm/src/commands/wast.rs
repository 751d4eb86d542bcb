//! `cargo wasm wast FILE...`: runs WebAssembly spec scripts in gc-runtime and prints libtest-like totals.

use anyhow::Context;

use crate::Failure;
use crate::cli::WastArgs;
use crate::shell::Shell;

pub fn run(shell: &Shell, args: &WastArgs) -> Result<(), Failure> {
    let (mut passed, mut failed) = (0usize, 0usize);
    let progress = progress_bar(args.files.len());
    for path in &args.files {
        progress.set_message(path.display().to_string());
        let source = std::fs::read(path).with_context(|| format!("could not read `{}`", path.display()))?;
        let name = path.display().to_string();
        let Ok(source) = String::from_utf8(source) else {
            shell.error(format_args!("{name}: not valid UTF-8 text"));
            failed += 1;
            continue;
        };
        match gc_runtime::wast::run_wast_str(&source, &name) {
            Ok(report) => {
                passed += report.passed;
                failed += report.failed;
                if !args.quiet {
                    progress.suspend(|| println!("{name}: {} passed, {} failed", report.passed, report.failed));
                }
                if args.verbose {
                    for f in &report.failures {
                        progress.suspend(|| println!("  {name}:{}:{}: {}", f.line, f.col, f.message));
                    }
                }
            }
            Err(error) => {
                // The script itself could not be parsed: count it as one failure, keep going with the rest.
                progress.suspend(|| shell.error(format_args!("{name}: {error}")));
                failed += 1;
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    println!("{passed} passed, {failed} failed");
    if failed == 0 { Ok(()) } else { Err(Failure::Silent(101)) }
}

/// A bar on stderr for runs of many files; hidden when stderr is not a terminal (CI logs stay clean).
fn progress_bar(files: usize) -> indicatif::ProgressBar {
    if files < 2 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(files as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{prefix:>12.cyan.bold} [{bar:27}] {pos}/{len}: {wide_msg}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("Running");
    bar
}
