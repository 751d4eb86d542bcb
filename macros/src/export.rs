//! `#[wasm::export]` / `#[wasm::export(name = "...")]`: checks that a free function's signature can
//! cross the wasm boundary. Natively the function is kept as written.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    Expr, ExprLit, FnArg, GenericArgument, ItemFn, Lit, Meta, PathArguments, ReturnType, Token,
    Type,
};

use crate::diagnostic::{Errors, error};

/// Scalar types a wasm export can take or return, and what they lower to.
const SCALARS: &[&str] = &[
    "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize", "f32", "f64", "bool",
    "char",
];

pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    check_args(args, &mut errors);
    let mut function: ItemFn = match syn::parse2(item) {
        Ok(f) => f,
        Err(e) => {
            return error(
                e.span(),
                "`#[wasm::export]` can only be applied to free functions",
                Some("methods and other items cannot be exported; call them from an exported `fn`"),
            )
            .to_compile_error();
        }
    };
    // `#[wasm::r#async]` below this attribute makes an `async fn` export a promising export (JSPI).
    let marked_async = function.attrs.iter().any(|a| is_wasm_attribute(a, "async"));
    check_signature(&function.sig, marked_async, &mut errors);
    if let Some(errors) = errors.into_tokens() {
        return quote! { #errors #function };
    }
    let gc_checks = require_trace(&function.sig);
    // A private export is still used: by the wasm module's export section.
    if matches!(function.vis, syn::Visibility::Inherited) {
        function.attrs.push(syn::parse_quote!(#[allow(dead_code)]));
    }
    quote! { #function #gc_checks }
}

/// Every type crossing the boundary must be able to live in GC memory: a user type must be a
/// `#[wasm::gc]` type. The macro cannot see other items, so it asks rustc, which reports a missing
/// `Trace` at the type (with the trait's "mark its definition `#[wasm::gc]`" note).
fn require_trace(sig: &syn::Signature) -> TokenStream {
    let mut types: Vec<&Type> = sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            FnArg::Typed(arg) => Some(&*arg.ty),
            FnArg::Receiver(_) => None,
        })
        .collect();
    if let ReturnType::Type(_, ty) = &sig.output
        && !matches!(**ty, Type::Never(_))
    {
        types.push(ty);
    }
    let checks = types
        .iter()
        .map(|ty| quote_spanned! {ty.span()=> __wasm_export_type::<#ty>(); });
    quote! {
        const _: () = {
            fn __wasm_export_type<T: ::wasm::gc::Trace + ?Sized>() {}
            #[allow(dead_code)]
            fn __wasm_export_types() {
                #(#checks)*
            }
        };
    }
}

/// Whether `attr` is `#[wasm::<name>]` (or `#[<name>]`, imported).
pub(crate) fn is_wasm_attribute(attr: &syn::Attribute, name: &str) -> bool {
    let segments = &attr.path().segments;
    let last_matches = segments.last().is_some_and(|s| s.ident.unraw() == name);
    last_matches && (segments.len() == 1 || (segments.len() == 2 && segments[0].ident == "wasm"))
}

fn check_args(args: TokenStream, errors: &mut Errors) {
    if args.is_empty() {
        return;
    }
    let metas = match Punctuated::<Meta, Token![,]>::parse_terminated.parse2(args) {
        Ok(metas) => metas,
        Err(e) => return errors.push_error(e),
    };
    let mut seen_name = false;
    for meta in metas {
        match &meta {
            Meta::NameValue(nv) if nv.path.is_ident("name") => {
                if seen_name {
                    errors.push(&meta, "duplicate `name` argument", None);
                }
                seen_name = true;
                match &nv.value {
                    Expr::Lit(ExprLit {
                        lit: Lit::Str(name),
                        ..
                    }) if name.value().is_empty() => {
                        errors.push(name, "the export name cannot be empty", None)
                    }
                    Expr::Lit(ExprLit {
                        lit: Lit::Str(_), ..
                    }) => {}
                    _ => errors.push(
                        &nv.value,
                        "expected a string literal",
                        Some("write `#[wasm::export(name = \"exportName\")]`"),
                    ),
                }
            }
            _ => errors.push(
                &meta,
                "unknown `#[wasm::export]` argument",
                Some("the only argument is `name = \"...\"`, the name of the wasm export"),
            ),
        }
    }
}

fn check_signature(sig: &syn::Signature, marked_async: bool, errors: &mut Errors) {
    if let Some(asyncness) = sig.asyncness
        && !marked_async
    {
        errors.push(
            asyncness,
            "an exported `async fn` must also be marked `#[wasm::r#async]`",
            Some("add `#[wasm::r#async]` below `#[wasm::export]`: the export then suspends the wasm stack while it awaits (JSPI), or export a synchronous `fn`"),
        );
    }
    if let Some(abi) = &sig.abi {
        errors.push(
            abi,
            "exported functions cannot declare an ABI",
            Some("remove it: `#[wasm::export]` chooses the wasm ABI"),
        );
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors.push(
            &sig.generics,
            "exported functions cannot be generic",
            Some("a wasm export has one concrete signature; export a non-generic wrapper for each instantiation"),
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic, "exported functions cannot be variadic", None);
    }
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => errors.push(
                receiver,
                "exported functions cannot take `self`",
                Some("exports are free functions; take the value as an ordinary parameter"),
            ),
            FnArg::Typed(arg) => check_type(&arg.ty, errors),
        }
    }
    if let ReturnType::Type(_, ty) = &sig.output {
        match &**ty {
            Type::Tuple(t) if t.elems.is_empty() => {}
            ty => check_type(ty, errors),
        }
    }
}

/// Accepts scalars, the facade's GC types and (by path) `#[wasm::gc]` user types.
fn check_type(ty: &Type, errors: &mut Errors) {
    match ty {
        Type::Reference(r) => {
            let help = match &*r.elem {
                Type::Path(p) if p.path.is_ident("str") => "use `wasm::GcString`",
                Type::Slice(_) => "use `wasm::GcArray<T>`",
                _ => {
                    "pass a GC reference instead: `wasm::GcBox<T>` (shared) or `wasm::GcRc<T>` (shared, mutable)"
                }
            };
            errors.push(r, "references cannot cross the wasm boundary", Some(help));
        }
        Type::Paren(p) => check_type(&p.elem, errors),
        Type::Group(g) => check_type(&g.elem, errors),
        Type::Path(p) if p.qself.is_none() => check_path(p, errors),
        Type::Never(_) => {}
        other => {
            let help = match other {
                Type::Tuple(_) => "return a `#[wasm::gc]` struct instead of a tuple",
                Type::Array(_) | Type::Slice(_) => "use `wasm::GcArray<T>`",
                Type::ImplTrait(_) | Type::TraitObject(_) => "use a concrete type",
                _ => "use a number, `bool`, `char`, a `wasm::Gc*` type or a `#[wasm::gc]` type",
            };
            errors.push(
                other,
                "this type cannot cross the wasm boundary",
                Some(help),
            );
        }
    }
}

fn check_path(ty: &syn::TypePath, errors: &mut Errors) {
    let last = ty.path.segments.last().expect("a path has a segment");
    let name = last.ident.to_string();
    let rejected_help = match name.as_str() {
        "String" | "str" => Some("use `wasm::GcString`"),
        "Vec" | "VecDeque" => Some("use `wasm::GcArray<T>`"),
        "Box" | "Rc" | "Arc" => {
            Some("use `wasm::GcBox<T>`, or `wasm::GcRc<T>` for a mutable value")
        }
        "RefCell" | "Cell" => Some("use `wasm::GcRc<T>`"),
        "Option" | "Result" => Some("use a `#[wasm::gc]` enum instead"),
        "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet" => Some("wrap it in a `#[wasm::gc]` type"),
        "i128" | "u128" => Some("wasm has no 128-bit integers; use `i64`/`u64`"),
        "Self" => Some("exports are free functions; name the type"),
        _ => None,
    };
    if let Some(help) = rejected_help {
        let message = format!("`{name}` cannot cross the wasm boundary");
        return errors.push(ty, &message, Some(help));
    }
    if SCALARS.contains(&name.as_str()) && ty.path.segments.len() == 1 {
        return;
    }
    // Anything else is `GcString`, `GcArray<T>`, `GcBox<T>`, `GcRc<T>`, `ExternRef` or a `#[wasm::gc]`
    // user type (which rustc checks exists); check type arguments, as in `GcArray<T>`.
    for segment in &ty.path.segments {
        if let PathArguments::AngleBracketed(args) = &segment.arguments {
            for arg in &args.args {
                match arg {
                    GenericArgument::Type(t) => check_type(t, errors),
                    GenericArgument::Lifetime(l) => errors.push(
                        l,
                        "borrowed data cannot cross the wasm boundary",
                        Some("pass owned values or GC references"),
                    ),
                    _ => {}
                }
            }
        } else if let PathArguments::Parenthesized(args) = &segment.arguments {
            errors.push(
                args,
                "this type cannot cross the wasm boundary",
                Some("use a concrete type"),
            );
        }
    }
}
