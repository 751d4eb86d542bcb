//! `cargo wasm test`: the WasmGC half of `cargo test`.

use crate::Failure;
use crate::cli::TestArgs;
use crate::shell::Shell;
use crate::workspace::{self, Want};

pub fn run(shell: &Shell, args: &TestArgs) -> Result<(), Failure> {
    // Resolve the package first so that flag and manifest errors are reported exactly as for `build`.
    let metadata = workspace::load_metadata(&args.build)?;
    let package = workspace::select_package(&metadata, &args.build)?;
    workspace::select_target(package, &args.build, Want::Test)?;
    shell.error(format_args!(
        "`cargo wasm test` cannot lower `#[test]` functions yet (package `{}`)\n\n\
         help: run `cargo test` for the native half; the WasmGC test harness is tracked in the project's issue 7",
        package.name
    ));
    Err(Failure::Silent(101))
}
