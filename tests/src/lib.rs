//! Differential test harness for WasmRust: every program in `tests/programs/` is built and run natively
//! (the reference), compiled with `cargo wasm` and run in our gc-runtime, and run on wasmtime; stdout, stderr
//! and the exit status of all three must agree.

pub mod compare;
pub mod corpus;
pub mod header;
pub mod known_failures;
pub mod legs;
pub mod package;
pub mod process;
pub mod report;
pub mod runner;
