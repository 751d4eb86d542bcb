//! `Formatter::debug_struct/debug_tuple/debug_list/debug_set/debug_map` builder chains, as written in
//! hand-made `Debug` impls: `f.debug_struct("P").field("x", &self.x).finish()`.
//!
//! A chain ending in `finish()`/`finish_non_exhaustive()` is desugared into ordinary code: each field or
//! entry is formatted with `{:?}` (or `{:#?}` when the formatter is alternate) and placed by the prelude's
//! `debug_builder_item`/`debug_builder_close`, which follow std's `DebugStruct`… byte for byte (pretty
//! items are indented like std's `PadAdapter`). A builder stored in a variable (not one chain) is not
//! supported and keeps the "no method" error.

use super::super::FnCx;
use crate::tir::TExpr;
use crate::types::Ty;
use quote::quote;

/// The builder kinds, as the prelude numbers them.
fn kind_of(method: &str) -> Option<u32> {
    Some(match method {
        "debug_struct" => 1,
        "debug_tuple" => 2,
        "debug_list" => 3,
        "debug_set" => 4,
        "debug_map" => 5,
        _ => return None,
    })
}

impl FnCx<'_> {
    /// The desugared chain when `m` is `<builder chain>.finish()` (or `finish_non_exhaustive()`).
    pub(crate) fn debug_builder_chain(&mut self, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> Option<TExpr> {
        let non_exhaustive = match m.method.to_string().as_str() {
            "finish" => false,
            "finish_non_exhaustive" => true,
            _ => return None,
        };
        if !m.args.is_empty() {
            return None;
        }
        let mut steps: Vec<&syn::ExprMethodCall> = Vec::new();
        let mut cur = &*m.receiver;
        let (kind, fmt, name) = loop {
            match cur {
                syn::Expr::MethodCall(mc) => {
                    let n = mc.method.to_string();
                    if let Some(k) = kind_of(&n) {
                        let name = mc.args.first().cloned();
                        if (k <= 2) != name.is_some() || mc.args.len() > 1 {
                            return None;
                        }
                        break (k, (*mc.receiver).clone(), name);
                    }
                    if !matches!(n.as_str(), "field" | "entry" | "entries") {
                        return None;
                    }
                    steps.push(mc);
                    cur = &mc.receiver;
                }
                syn::Expr::Paren(p) => cur = &p.expr,
                _ => return None,
            }
        };
        steps.reverse();
        let mut body = Vec::new();
        let item = |fmt_plain: &str, fmt_pretty: &str, args: Vec<proc_macro2::TokenStream>| {
            quote! {
                let __dbg_item = if __dbg_pretty { format!(#fmt_pretty, #(#args),*) } else { format!(#fmt_plain, #(#args),*) };
                __wasmrust_prelude::debug_builder_item(&mut __dbg_s, __dbg_pretty, #kind, __dbg_n, &__dbg_item);
                __dbg_n += 1;
            }
        };
        for s in steps {
            let method = s.method.to_string();
            let a: Vec<&syn::Expr> = s.args.iter().collect();
            let step = match (method.as_str(), kind, a.as_slice()) {
                ("field", 1, [fname, v]) => item("{}: {:?}", "{}: {:#?}", vec![quote!(#fname), quote!(#v)]),
                ("field", 2, [v]) | ("entry", 3 | 4, [v]) => item("{:?}", "{:#?}", vec![quote!(#v)]),
                ("entry", 5, [k, v]) => item("{:?}: {:?}", "{:#?}: {:#?}", vec![quote!(#k), quote!(#v)]),
                ("entries", 3 | 4, [it]) => {
                    let each = item("{:?}", "{:#?}", vec![quote!(__dbg_e)]);
                    quote! { for __dbg_e in #it { #each } }
                }
                ("entries", 5, [it]) => {
                    let each = item("{:?}: {:?}", "{:#?}: {:#?}", vec![quote!(__dbg_k), quote!(__dbg_v)]);
                    quote! { for (__dbg_k, __dbg_v) in #it { #each } }
                }
                _ => return None,
            };
            body.push(step);
        }
        let name = name.map(|n| quote!(#n)).unwrap_or_else(|| quote!(""));
        let block: syn::Expr = syn::parse_quote_spanned! {m.method.span()=> {
            let __dbg_f = #fmt;
            let __dbg_name: &str = #name;
            let __dbg_pretty = __dbg_f.alternate();
            let mut __dbg_s = String::new();
            let mut __dbg_n: usize = 0;
            __dbg_s.push_str(__dbg_name);
            #(#body)*
            __wasmrust_prelude::debug_builder_close(&mut __dbg_s, __dbg_pretty, #kind, __dbg_n, __dbg_name.is_empty(), #non_exhaustive);
            __dbg_f.write_str(&__dbg_s)
        }};
        Some(self.check_expr(&block, expected))
    }
}
