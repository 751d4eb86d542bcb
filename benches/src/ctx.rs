//! Paths, tools and settings shared by every step of one harness run.

use std::path::PathBuf;
use std::time::Duration;

pub struct Ctx {
    /// Repository root (BENCHMARKS.md goes here in full mode).
    pub root: PathBuf,
    /// benches/programs: the Rust workspace of programs, and c/ with the C versions.
    pub programs: PathBuf,
    /// Scratch directory for every build and module (target-bench by default).
    pub target: PathBuf,
    pub quick: bool,
    /// Wall-time repetitions per measured cell.
    pub reps: usize,
    pub callgrind: bool,
    /// Our `cargo-wasm` binary (release build), if it was built.
    pub cargo_wasm: Option<PathBuf>,
    pub wasmi: Option<PathBuf>,
    pub python: String,
    /// Kill any single run after this long.
    pub limit: Duration,
    /// Only these programs (empty: all).
    pub only: Vec<String>,
}

impl Ctx {
    pub fn module_dir(&self, flavor: &str) -> PathBuf {
        self.target.join("modules").join(flavor)
    }
    pub fn tool(&self, name: &str) -> PathBuf {
        self.root.join("benches").join("tools").join(name)
    }
}
