//! `cargo wasm wast FILE...`: runs WebAssembly spec scripts in gc-runtime and prints libtest-like totals.

use anyhow::Context;

use crate::Failure;
use crate::cli::WastArgs;
use crate::shell::Shell;

pub fn run(shell: &Shell, args: &WastArgs) -> Result<(), Failure> {
    let (mut passed, mut failed) = (0usize, 0usize);
    for path in &args.files {
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
                    println!("{name}: {} passed, {} failed", report.passed, report.failed);
                }
                if args.verbose {
                    for f in &report.failures {
                        println!("  {name}:{}:{}: {}", f.line, f.col, f.message);
                    }
                }
            }
            Err(error) => {
                // The script itself could not be parsed: count it as one failure, keep going with the rest.
                shell.error(format_args!("{name}: {error}"));
                failed += 1;
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 { Ok(()) } else { Err(Failure::Silent(101)) }
}
