//! `#[wasm::r#async]`: marks an `async fn` whose awaits suspend the whole wasm stack (JSPI in
//! browsers, stack parking in gc-runtime). Natively it is an ordinary `async fn`, passed through.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;

use crate::diagnostic::Errors;
use crate::export::is_wasm_attribute;

pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    if !args.is_empty() {
        errors.push(
            &args,
            "`#[wasm::r#async]` takes no arguments",
            Some("write `#[wasm::r#async]`"),
        );
    }
    let mut function: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            return syn::Error::new(
                syn::parse2::<syn::Item>(item)
                    .map(|i| i.span())
                    .unwrap_or_else(|_| proc_macro2::Span::call_site()),
                "`#[wasm::r#async]` can only be applied to `async fn` items",
            )
            .to_compile_error();
        }
    };
    if function.sig.asyncness.is_none() {
        errors.push(
            function.sig.fn_token,
            "`#[wasm::r#async]` requires an `async fn`",
            Some(&format!(
                "make it asynchronous: `async fn {}`",
                function.sig.ident
            )),
        );
    }
    // `#[wasm::export]` must come first, so that it sees this attribute and accepts the `async fn`.
    if let Some(at) = function
        .attrs
        .iter()
        .position(|a| is_wasm_attribute(a, "export"))
    {
        // Reported here; removed so that it does not also complain about the `async fn`.
        let export = function.attrs.remove(at);
        errors.push(
            export,
            "`#[wasm::export]` must come before `#[wasm::r#async]`",
            Some("write `#[wasm::export]` on the line above `#[wasm::r#async]`"),
        );
    }
    match errors.into_tokens() {
        Some(errors) => quote! { #errors #function },
        None => quote! { #function },
    }
}
