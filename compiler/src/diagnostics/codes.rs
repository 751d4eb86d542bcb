//! Stable error codes. One line each; never renumber (users and tests match on them).

/// Internal compiler error (a bug in WasmRust, caught at the API boundary).
pub const ICE: &str = "W0000";
/// A source file could not be read.
pub const IO: &str = "W0001";
/// The source does not parse as Rust.
pub const PARSE: &str = "W0002";
/// `mod foo;` whose file (`foo.rs` / `foo/mod.rs` / `#[path]`) does not exist.
pub const MODULE_NOT_FOUND: &str = "W0003";
/// The crate has no `fn main`.
pub const NO_MAIN: &str = "W0004";
/// An item kind the lowering does not support (extern blocks, unions, macro_rules!, ...).
pub const UNSUPPORTED_ITEM: &str = "W0100";
/// User-defined generic parameters (issue 4).
pub const GENERICS: &str = "W0101";
/// User-defined traits and trait impls other than Display/Debug/derives (issue 4).
pub const TRAITS: &str = "W0102";
/// A type the lowering does not support (i128, raw pointers, fn pointers, dyn Trait, ...).
pub const UNSUPPORTED_TYPE: &str = "W0103";
/// An expression form the lowering does not support.
pub const UNSUPPORTED_EXPR: &str = "W0104";
/// A pattern form the lowering does not support.
pub const UNSUPPORTED_PATTERN: &str = "W0105";
/// A macro other than the supported std macros.
pub const UNSUPPORTED_MACRO: &str = "W0106";
/// A method or associated function that the std surface does not provide.
pub const UNKNOWN_METHOD: &str = "W0107";
/// A name or path that does not resolve.
pub const UNRESOLVED: &str = "W0108";
/// Types do not agree (rustc would also reject this; reported for robustness).
pub const TYPE_MISMATCH: &str = "W0109";
/// Inference could not determine a type: add an annotation.
pub const ANNOTATIONS_NEEDED: &str = "W0110";
/// A std path or function outside the supported std surface.
pub const UNSUPPORTED_STD: &str = "W0111";
/// `unsafe` blocks and functions.
pub const UNSAFE: &str = "W0113";
/// `async` fns and blocks outside `#[wasm::r#async]`.
pub const ASYNC: &str = "W0114";
/// A mutable reference to a place the lowering cannot address (e.g. a primitive struct field).
pub const UNSUPPORTED_BORROW: &str = "W0115";
/// A malformed or unsupported format string.
pub const FORMAT: &str = "W0116";
/// Wrong number of arguments in a call.
pub const ARITY: &str = "W0117";
/// No such field on the type.
pub const NO_FIELD: &str = "W0118";
/// Closures outside the positions the lowering supports (stored, returned, called later).
pub const CLOSURE: &str = "W0119";
/// Unknown loop label, or break/continue outside a loop.
pub const LABEL: &str = "W0120";
/// Threads, raw I/O, and other std APIs with no WASI preview-1 lowering.
pub const NO_PLATFORM: &str = "W0121";

/// Every code with its one-line meaning, for documentation and `--explain`-style listings.
pub const ALL: &[(&str, &str)] = &[
    (ICE, "internal compiler error"),
    (IO, "source file could not be read"),
    (PARSE, "source does not parse"),
    (MODULE_NOT_FOUND, "module file not found"),
    (NO_MAIN, "binary crate has no `main` function"),
    (UNSUPPORTED_ITEM, "unsupported item kind"),
    (GENERICS, "user-defined generics are not supported yet"),
    (TRAITS, "user-defined traits are not supported yet"),
    (UNSUPPORTED_TYPE, "unsupported type"),
    (UNSUPPORTED_EXPR, "unsupported expression"),
    (UNSUPPORTED_PATTERN, "unsupported pattern"),
    (UNSUPPORTED_MACRO, "unsupported macro"),
    (UNKNOWN_METHOD, "method not provided by the std surface"),
    (UNRESOLVED, "unresolved name"),
    (TYPE_MISMATCH, "mismatched types"),
    (ANNOTATIONS_NEEDED, "type annotations needed"),
    (UNSUPPORTED_STD, "std item not supported"),
    (UNSAFE, "unsafe code is not supported"),
    (ASYNC, "async is not supported here"),
    (UNSUPPORTED_BORROW, "borrow of this place is not supported"),
    (FORMAT, "invalid or unsupported format string"),
    (ARITY, "wrong number of arguments"),
    (NO_FIELD, "no such field"),
    (CLOSURE, "closure in an unsupported position"),
    (LABEL, "unknown loop label or break outside loop"),
    (NO_PLATFORM, "std API with no WASI preview-1 lowering"),
];
