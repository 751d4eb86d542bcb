//! The one error type of the runtime: traps, invalid/unlinkable modules, uncaught exceptions, exits.

use std::fmt;

/// Everything that can go wrong while loading, linking or running a module.
#[derive(Debug, Clone)]
pub enum Error {
    /// A wasm trap; the message is the spec's ("integer divide by zero", ...).
    Trap(String),
    /// The binary is malformed or fails validation.
    Invalid(String),
    /// Imports could not be resolved or have incompatible types.
    Unlinkable(String),
    /// A wasm exception escaped to the host.
    Exception(String),
    /// The guest called `proc_exit`.
    Exit(i32),
    /// Host-side failure (I/O, bad arguments to the embedding API).
    Host(String),
}

impl Error {
    pub(crate) fn trap(msg: &str) -> Error {
        Error::Trap(msg.to_string())
    }
    /// The trap message, if this is a trap.
    pub fn trap_message(&self) -> Option<&str> {
        match self {
            Error::Trap(m) => Some(m),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Trap(m) => write!(f, "wasm trap: {m}"),
            Error::Invalid(m) => write!(f, "invalid module: {m}"),
            Error::Unlinkable(m) => write!(f, "unlinkable module: {m}"),
            Error::Exception(m) => write!(f, "uncaught wasm exception: {m}"),
            Error::Exit(c) => write!(f, "guest exited with status {c}"),
            Error::Host(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {}

/// Spec trap messages, kept in one place so `assert_trap` texts match.
pub(crate) mod msg {
    pub const UNREACHABLE: &str = "unreachable";
    pub const DIV_ZERO: &str = "integer divide by zero";
    pub const INT_OVERFLOW: &str = "integer overflow";
    pub const BAD_CONVERSION: &str = "invalid conversion to integer";
    pub const OOB_MEMORY: &str = "out of bounds memory access";
    pub const OOB_TABLE: &str = "out of bounds table access";
    pub const UNDEFINED_ELEMENT: &str = "undefined element";
    pub const UNINITIALIZED_ELEMENT: &str = "uninitialized element";
    pub const INDIRECT_TYPE_MISMATCH: &str = "indirect call type mismatch";
    pub const NULL_FUNC: &str = "null function reference";
    pub const NULL_STRUCT: &str = "null structure reference";
    pub const NULL_ARRAY: &str = "null array reference";
    pub const NULL_I31: &str = "null i31 reference";
    pub const NULL_REF: &str = "null reference";
    pub const NULL_EXN: &str = "null exception reference";
    pub const CAST_FAILURE: &str = "cast failure";
    pub const STACK_EXHAUSTED: &str = "call stack exhausted";
    pub const OOB_ARRAY: &str = "out of bounds array access";
    pub const ARRAY_TOO_LARGE: &str = "allocation size too large";
    pub const FUEL: &str = "all fuel consumed";
}
