//! Attribute macros behind the `wasm` facade crate. Use them through the facade:
//! `#[wasm::gc]`, `#[wasm::export]`, `#[wasm::r#async]`.
//!
//! Natively each attribute expands to plain Rust (plus, for `#[wasm::gc]`, the `Trace`
//! implementation the native cycle collector needs). Each also rejects, with a spanned error at
//! `cargo check` time, what the WasmGC lowering cannot handle, so the mistake shows in the editor
//! instead of in `cargo wasm build`. The WasmGC compiler reads the attributes from the source.

use proc_macro::TokenStream;

mod r#async;
mod diagnostic;
mod export;
mod gc;

/// (Implementation of `#[wasm::gc]`.)
#[proc_macro_attribute]
pub fn gc(args: TokenStream, item: TokenStream) -> TokenStream {
    gc::expand(args.into(), item.into()).into()
}

/// (Implementation of `#[wasm::export]`.)
#[proc_macro_attribute]
pub fn export(args: TokenStream, item: TokenStream) -> TokenStream {
    export::expand(args.into(), item.into()).into()
}

/// (Implementation of `#[wasm::r#async]`.)
#[proc_macro_attribute]
pub fn r#async(args: TokenStream, item: TokenStream) -> TokenStream {
    r#async::expand(args.into(), item.into()).into()
}
