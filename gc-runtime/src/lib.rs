//! gc-runtime.
