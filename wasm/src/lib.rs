//! The `wasm` facade crate.
