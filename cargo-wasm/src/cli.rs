//! Command-line surface of `cargo wasm`, modelled on cargo's own flags so that muscle memory carries over.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Cargo invokes `cargo-wasm wasm <ARGS>`; the outer enum swallows that `wasm` word.
#[derive(Debug, Parser)]
#[command(name = "cargo", bin_name = "cargo", styles = clap_cargo_styles())]
pub enum CargoCli {
    /// Build, run and test Rust crates as WebAssembly GC modules.
    Wasm(WasmCli),
}

#[derive(Debug, Args)]
#[command(
    version,
    about = "Build, run and test Rust crates as WebAssembly GC modules",
    long_about = "Build, run and test Rust crates as WebAssembly GC modules.\n\n\
        The crate is first checked natively with `cargo check` (so type and borrow errors come from rustc),\n\
        then lowered to WebAssembly GC by the WasmRust compiler. Output lands in\n\
        <target-dir>/wasm-gc/<profile>/<name>.wasm and runs in the in-tree gc-runtime or any\n\
        WebAssembly 3.0 engine with WASI preview 1 (e.g. wasmtime)."
)]
pub struct WasmCli {
    /// Coloring: auto, always, never
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile a package to a WebAssembly GC module
    #[command(visible_alias = "b")]
    Build(BuildArgs),
    /// Build and run a binary, or run an existing WASI command module
    #[command(visible_alias = "r")]
    Run(RunArgs),
    /// Compile the package's #[test] functions to WebAssembly GC and run them
    #[command(visible_alias = "t")]
    Test(TestArgs),
    /// Run WebAssembly script (.wast) files in gc-runtime
    Wast(WastArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    /// Human-readable status lines and diagnostics on stderr
    Human,
    /// Shorter diagnostics
    Short,
    /// One JSON message per line on stdout, as `cargo --message-format=json`
    Json,
}

/// Flags shared by every subcommand that builds a package (the same names and meanings as cargo's).
#[derive(Debug, Clone, Args)]
pub struct BuildOptions {
    /// Path to Cargo.toml
    #[arg(long, value_name = "PATH", help_heading = "Manifest Options")]
    pub manifest_path: Option<PathBuf>,
    /// Package to build (see `cargo help pkgid`)
    #[arg(short = 'p', long = "package", value_name = "SPEC", help_heading = "Package Selection")]
    pub package: Option<String>,
    /// Build only the specified binary
    #[arg(long, value_name = "NAME", help_heading = "Target Selection")]
    pub bin: Option<String>,
    /// Build only this package's library
    #[arg(long, help_heading = "Target Selection", conflicts_with = "bin")]
    pub lib: bool,
    /// Build artifacts in release mode, with optimizations
    #[arg(short = 'r', long, help_heading = "Compilation Options", conflicts_with = "profile")]
    pub release: bool,
    /// Build artifacts with the specified profile
    #[arg(long, value_name = "PROFILE-NAME", help_heading = "Compilation Options")]
    pub profile: Option<String>,
    /// Directory for all generated artifacts
    #[arg(long, value_name = "DIRECTORY", help_heading = "Compilation Options")]
    pub target_dir: Option<PathBuf>,
    /// Number of parallel jobs for the native `cargo check`
    #[arg(short = 'j', long, value_name = "N", help_heading = "Compilation Options")]
    pub jobs: Option<u32>,
    /// Space or comma separated list of features to activate
    #[arg(short = 'F', long, value_name = "FEATURES", help_heading = "Feature Selection")]
    pub features: Vec<String>,
    /// Activate all available features
    #[arg(long, help_heading = "Feature Selection")]
    pub all_features: bool,
    /// Do not activate the `default` feature
    #[arg(long, help_heading = "Feature Selection")]
    pub no_default_features: bool,
    /// Assert that `Cargo.lock` will remain unchanged
    #[arg(long, help_heading = "Manifest Options")]
    pub locked: bool,
    /// Run without accessing the network
    #[arg(long, help_heading = "Manifest Options")]
    pub offline: bool,
    /// Equivalent to specifying both --locked and --offline
    #[arg(long, help_heading = "Manifest Options")]
    pub frozen: bool,
    /// Do not print cargo log messages
    #[arg(short = 'q', long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Use verbose output (-vv very verbose)
    #[arg(short = 'v', long, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Error format
    #[arg(long, value_name = "FMT", default_value = "human")]
    pub message_format: MessageFormat,
    /// Skip the native `cargo check` that normally runs first
    #[arg(long, help_heading = "Compilation Options")]
    pub no_check: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub build: BuildOptions,
}

#[derive(Debug, Args)]
#[command(after_help = "With no MODULE, builds the package's binary and runs it. Arguments after `--` go to the program.\n\
    The process exits with the program's exit status.")]
pub struct RunArgs {
    #[command(flatten)]
    pub build: BuildOptions,
    /// Run this existing .wasm module instead of building a package
    #[arg(value_name = "MODULE")]
    pub module: Option<PathBuf>,
    /// Arguments passed to the guest program
    #[arg(value_name = "ARGS", trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
    /// Grant the guest access to a host directory: HOST[::GUEST]
    #[arg(long = "dir", value_name = "HOST[::GUEST]", help_heading = "Runtime Options")]
    pub dirs: Vec<String>,
    /// Set an environment variable in the guest: KEY=VALUE
    #[arg(long = "env", value_name = "KEY=VALUE", help_heading = "Runtime Options")]
    pub envs: Vec<String>,
    /// Stop the guest with the trap "all fuel consumed" after N units of fuel (one per wasm
    /// instruction executed; deterministic)
    #[arg(long, value_name = "N", help_heading = "Runtime Options")]
    pub fuel: Option<u64>,
    /// Call this export (for modules without `_start`) and print its results
    #[arg(long, value_name = "NAME", help_heading = "Runtime Options")]
    pub invoke: Option<String>,
    /// Limit each linear memory to BYTES (suffixes K, M, G for KiB, MiB, GiB); `memory.grow` fails beyond it
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes, help_heading = "Runtime Options")]
    pub max_memory: Option<u64>,
    /// Profile the guest: print the top functions by instructions executed and an opcode histogram
    /// to stderr after the run. (Named `--guest-profile` because `--profile NAME` is cargo's
    /// build-profile flag, which `cargo wasm run` keeps.)
    #[arg(long, help_heading = "Runtime Options")]
    pub guest_profile: bool,
}

/// Parses a byte count with an optional binary suffix: `65536`, `64K`, `16M`, `1G`.
fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, mult) = match t.char_indices().last() {
        Some((i, c)) if c.eq_ignore_ascii_case(&'k') => (&t[..i], 1u64 << 10),
        Some((i, c)) if c.eq_ignore_ascii_case(&'m') => (&t[..i], 1 << 20),
        Some((i, c)) if c.eq_ignore_ascii_case(&'g') => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("`{s}` is not a byte count (e.g. 65536, 64K, 16M, 1G)"))
}

#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub build: BuildOptions,
    /// Run only tests whose names contain this string
    #[arg(value_name = "TESTNAME")]
    pub filter: Option<String>,
    /// Arguments for the test harness (after `--`), e.g. `--ignored`, `--exact`
    #[arg(last = true, value_name = "ARGS")]
    pub harness_args: Vec<String>,
}

#[derive(Debug, Args)]
pub struct WastArgs {
    /// The .wast script files to run
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Print every failing assertion, not only the per-file counts
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// Do not print per-file lines, only the total
    #[arg(short = 'q', long, conflicts_with = "verbose")]
    pub quiet: bool,
}

/// The colours cargo uses in its own `--help`.
fn clap_cargo_styles() -> clap::builder::Styles {
    use anstyle::{AnsiColor, Effects};
    clap::builder::Styles::styled()
        .header(AnsiColor::Green.on_default().effects(Effects::BOLD))
        .usage(AnsiColor::Green.on_default().effects(Effects::BOLD))
        .literal(AnsiColor::Cyan.on_default().effects(Effects::BOLD))
        .placeholder(AnsiColor::Cyan.on_default())
        .error(AnsiColor::Red.on_default().effects(Effects::BOLD))
        .valid(AnsiColor::Cyan.on_default().effects(Effects::BOLD))
        .invalid(AnsiColor::Yellow.on_default().effects(Effects::BOLD))
}
