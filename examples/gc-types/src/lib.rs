//! Example library using WasmRust's GC model: `#[wasm::gc]` types, `GcBox`, `GcRc`, `GcArray`,
//! `GcString`, `ExternRef` and `#[wasm::export]`ed functions. Its tests pass under `cargo test`
//! (native) and are written for `cargo wasm test` (WasmGC) too: plain assertions, no external crates.

pub mod exports;
pub mod graph;
pub mod list;
pub mod matrix;
pub mod text;
pub mod tree;
