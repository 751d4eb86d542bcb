//! The three ways a program is run: natively (the reference), with `cargo wasm` on gc-runtime, and the same
//! module on wasmtime.

pub mod cargo_json;
pub mod native;
pub mod ours;
pub mod wasmtime;

/// Cargo profile a leg builds with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Dev,
    Release,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Dev => "dev",
            Profile::Release => "release",
        }
    }
}

/// A build that did not produce an artifact: what went wrong, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildFailure {
    pub summary: String,
    pub detail: String,
}
