//! WasmRust compiler.
