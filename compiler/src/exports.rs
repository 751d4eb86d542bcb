//! The `wasm` attributes on items, read after loading:
//! - `#[wasm::export]` / `#[wasm::export(name = "...")]` on free functions of a library crate: the functions
//!   a reactor module exports (duplicate export names are an error, as two exports cannot share a name);
//! - `#[wasm::r#async]` functions: in WasmGC they are plain functions (awaits on host calls suspend the
//!   whole stack), so their `async` is dropped here.
//!
//! A library crate gets an (empty) marker module, so later passes know its entry points are the exports
//! rather than a `main`.

use crate::diagnostics::{codes, Diagnostics};
use crate::load::{span_of, Crate, Module};

/// Module path of the marker module of a library (reactor) build.
pub const REACTOR_MOD: &str = "__wasmrust_reactor";

/// One exported function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDesc {
    /// The export's name in the module (`name = "..."` or the function's name).
    pub name: String,
    /// Module path of the function (empty for the crate root).
    pub module: Vec<String>,
    pub function: String,
}

/// Whether `attr` is `#[wasm::NAME]` (or `#[NAME]` imported from `wasm`).
pub fn is_wasm_attr(attr: &syn::Attribute, name: &str) -> bool {
    let segs: Vec<String> = attr.path().segments.iter().map(|s| s.ident.to_string().trim_start_matches("r#").to_string()).collect();
    match segs.as_slice() {
        [w, n] => w == "wasm" && n == name,
        [n] => n == name,
        _ => false,
    }
}

/// Drops `async` from `#[wasm::r#async]` functions (see the module doc).
pub fn lower_async_fns(krate: &mut Crate) {
    for module in &mut krate.modules {
        for item in &mut module.items {
            if let syn::Item::Fn(f) = item {
                if f.sig.asyncness.is_some() && f.attrs.iter().any(|a| is_wasm_attr(a, "async")) {
                    f.sig.asyncness = None;
                }
            }
        }
    }
}

/// Collects the exports of a library crate and adds the reactor marker module.
pub fn install(krate: &mut Crate) -> Result<Vec<ExportDesc>, Diagnostics> {
    let mut exports: Vec<(ExportDesc, crate::diagnostics::Span)> = Vec::new();
    let mut errors = Vec::new();
    for module in &krate.modules {
        for item in &module.items {
            let syn::Item::Fn(f) = item else { continue };
            let Some(attr) = f.attrs.iter().find(|a| is_wasm_attr(a, "export")) else { continue };
            let span = span_of(module.file, f.sig.ident.span());
            let name = match export_name(attr) {
                Ok(n) => n.unwrap_or_else(|| f.sig.ident.to_string()),
                Err(msg) => {
                    errors.push(krate.sources.diag(codes::UNSUPPORTED_ITEM, &span_of(module.file, attr_span(attr)), msg, "", None));
                    continue;
                }
            };
            if let Some((_, first)) = exports.iter().find(|(e, _)| e.name == name) {
                let first = format!("{}:{}:{}", krate.sources.files[first.file].display, first.start.line, first.start.col);
                errors.push(krate.sources.diag(
                    codes::UNSUPPORTED_ITEM,
                    &span,
                    format!("the export name `{name}` is defined multiple times"),
                    "exported again here",
                    Some(format!("`{name}` is first exported at {first}; rename one with `#[wasm::export(name = \"...\")]`")),
                ));
                continue;
            }
            exports.push((ExportDesc { name, module: module.path.clone(), function: f.sig.ident.to_string() }, span));
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let file = krate.sources.add(format!("<wasmrust>/{REACTOR_MOD}.rs").into(), format!("<wasmrust>/{REACTOR_MOD}.rs"), String::new());
    krate.modules.push(Module { path: vec![REACTOR_MOD.to_string()], file, items: Vec::new() });
    Ok(exports.into_iter().map(|(e, _)| e).collect())
}

/// Whether `program` is a library build (its entry points are exports).
pub fn is_reactor(program: &crate::resolve::Program) -> bool {
    program.mods.iter().any(|m| m.path.len() == 1 && m.path[0] == REACTOR_MOD)
}

fn attr_span(attr: &syn::Attribute) -> proc_macro2::Span {
    use syn::spanned::Spanned;
    attr.span()
}

/// `name = "..."` of `#[wasm::export(...)]`, if given.
fn export_name(attr: &syn::Attribute) -> Result<Option<String>, String> {
    match &attr.meta {
        syn::Meta::Path(_) => Ok(None),
        syn::Meta::List(l) => {
            let nv: syn::MetaNameValue = l.parse_args().map_err(|e| format!("malformed `#[wasm::export]` arguments: {e}"))?;
            if !nv.path.is_ident("name") {
                return Err("`#[wasm::export]` takes only `name = \"...\"`".into());
            }
            match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) if !s.value().is_empty() => Ok(Some(s.value())),
                _ => Err("the export name must be a non-empty string literal".into()),
            }
        }
        syn::Meta::NameValue(_) => Err("use `#[wasm::export(name = \"...\")]`".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(src: &str) -> syn::Attribute {
        let f: syn::ItemFn = syn::parse_str(&format!("{src} fn f() {{}}")).unwrap();
        f.attrs.into_iter().next().unwrap()
    }

    #[test]
    fn reads_export_names() {
        assert_eq!(export_name(&attr("#[wasm::export]")), Ok(None));
        assert_eq!(export_name(&attr("#[wasm::export(name = \"makePoint\")]")), Ok(Some("makePoint".into())));
        assert!(export_name(&attr("#[wasm::export(name = \"\")]")).is_err());
        assert!(export_name(&attr("#[wasm::export(label = \"x\")]")).is_err());
    }

    #[test]
    fn recognizes_wasm_attributes() {
        assert!(is_wasm_attr(&attr("#[wasm::export]"), "export"));
        assert!(is_wasm_attr(&attr("#[wasm::r#async]"), "async"));
        assert!(!is_wasm_attr(&attr("#[test]"), "export"));
        assert!(!is_wasm_attr(&attr("#[other::export]"), "export"));
    }
}
