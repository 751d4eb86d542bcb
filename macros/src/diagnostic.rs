//! Spanned errors that read like rustc's: a message, then a `help` line.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

/// Collects every error of one expansion, so all of them are reported at once.
#[derive(Default)]
pub(crate) struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    /// Records `message` at `at`'s span, with a `help:` line when `help` is given.
    pub(crate) fn push(&mut self, at: impl ToTokens, message: &str, help: Option<&str>) {
        self.push_error(error_spanned(at, message, help));
    }

    pub(crate) fn push_at(&mut self, span: Span, message: &str, help: Option<&str>) {
        self.push_error(error(span, message, help));
    }

    pub(crate) fn push_error(&mut self, e: syn::Error) {
        match &mut self.combined {
            Some(all) => all.combine(e),
            None => self.combined = Some(e),
        }
    }

    /// The errors as `compile_error!` invocations, or `None` when there were none.
    pub(crate) fn into_tokens(self) -> Option<TokenStream> {
        self.combined.map(|e| e.to_compile_error())
    }
}

pub(crate) fn error_spanned(at: impl ToTokens, message: &str, help: Option<&str>) -> syn::Error {
    syn::Error::new_spanned(at, render(message, help))
}

pub(crate) fn error(span: Span, message: &str, help: Option<&str>) -> syn::Error {
    syn::Error::new(span, render(message, help))
}

fn render(message: &str, help: Option<&str>) -> String {
    match help {
        Some(help) => format!("{message}\n= help: {help}"),
        None => message.to_string(),
    }
}
