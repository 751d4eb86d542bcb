//! `#[wasm::gc]`: checks that a struct or enum can live in GC memory and derives `Trace` for it.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Fields, GenericArgument, Item, PathArguments, Type};

use crate::diagnostic::Errors;

pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    if !args.is_empty() {
        errors.push(
            &args,
            "`#[wasm::gc]` takes no arguments",
            Some("write `#[wasm::gc]`"),
        );
    }
    let item: Item = match syn::parse2(item) {
        Ok(item) => item,
        Err(e) => return e.to_compile_error(),
    };
    let trace_impl = match &item {
        Item::Struct(s) => {
            check_generics(&s.generics, &mut errors);
            check_fields(&s.fields, &mut errors);
            derive_trace(&s.ident, &s.generics, &[(None, &[], &s.fields)])
        }
        Item::Enum(e) => {
            check_generics(&e.generics, &mut errors);
            e.variants
                .iter()
                .filter(|v| cfgs(&v.attrs).next().is_none())
                .for_each(|v| check_fields(&v.fields, &mut errors));
            let variants: Vec<_> = e
                .variants
                .iter()
                .map(|v| (Some(&v.ident), &v.attrs[..], &v.fields))
                .collect();
            derive_trace(&e.ident, &e.generics, &variants)
        }
        Item::Union(u) => {
            errors.push(
                u.union_token,
                "unions cannot be GC types",
                Some("WasmGC has no untagged unions; use an enum"),
            );
            TokenStream::new()
        }
        other => {
            errors.push_at(
                item_keyword_span(other),
                "`#[wasm::gc]` can only be applied to structs and enums",
                None,
            );
            TokenStream::new()
        }
    };
    match errors.into_tokens() {
        // Keep the item, with a `Trace` impl that reports nothing (never run: the crate does not
        // compile), so that its uses do not add follow-on errors to the real one.
        Some(errors) => {
            let silencer = match &item {
                Item::Struct(s) => empty_trace(&s.ident, &s.generics),
                Item::Enum(e) => empty_trace(&e.ident, &e.generics),
                _ => TokenStream::new(),
            };
            quote! { #errors #item #silencer }
        }
        None => quote! { #item #trace_impl },
    }
}

fn empty_trace(name: &syn::Ident, generics: &syn::Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        // SAFETY: only emitted next to a `compile_error!`, so it never runs.
        unsafe impl #impl_generics ::wasm::gc::Trace for #name #ty_generics #where_clause {
            fn trace(&self, _: &mut ::wasm::gc::Tracer<'_>) {}
        }
    }
}

fn item_keyword_span(item: &Item) -> Span {
    match item {
        Item::Fn(f) => f.sig.fn_token.span,
        Item::Trait(t) => t.trait_token.span,
        Item::Impl(i) => i.impl_token.span,
        Item::Type(t) => t.type_token.span,
        Item::Mod(m) => m.mod_token.span,
        other => other.span(),
    }
}

fn check_generics(generics: &syn::Generics, errors: &mut Errors) {
    for lifetime in generics.lifetimes() {
        errors.push(
            &lifetime.lifetime,
            "GC types cannot have lifetime parameters",
            Some("an object in GC memory may outlive any borrow; store owned values or GC references"),
        );
    }
}

/// Attribute macros see fields before `cfg` is evaluated: a field under `#[cfg]` is not checked
/// here (if it is compiled in, the derived `Trace` still rejects a type that cannot be traced).
fn check_fields(fields: &Fields, errors: &mut Errors) {
    for field in fields.iter().filter(|f| cfgs(&f.attrs).next().is_none()) {
        check_type(&field.ty, errors);
    }
}

/// Rejects the types that cannot be stored in GC memory, wherever they occur inside a field's type.
fn check_type(ty: &Type, errors: &mut Errors) {
    match ty {
        Type::Ptr(ptr) => errors.push(
            ptr,
            "raw pointers cannot be stored in GC memory",
            Some("the collector cannot follow a raw pointer; use `GcBox<T>` or `GcRc<T>` to refer to another GC object"),
        ),
        Type::Reference(reference) => errors.push(reference, "references cannot be stored in GC memory", Some(reference_help(reference))),
        Type::Path(path) => {
            if let Some(qself) = &path.qself {
                check_type(&qself.ty, errors);
            }
            for segment in &path.path.segments {
                if let PathArguments::AngleBracketed(args) = &segment.arguments {
                    for arg in &args.args {
                        match arg {
                            GenericArgument::Type(t) => check_type(t, errors),
                            GenericArgument::Lifetime(l) if l.ident != "static" => errors.push(
                                l,
                                "GC types cannot hold borrowed data",
                                Some("an object in GC memory may outlive any borrow; store owned values or GC references"),
                            ),
                            _ => {}
                        }
                    }
                }
            }
        }
        Type::Array(a) => check_type(&a.elem, errors),
        Type::Slice(s) => check_type(&s.elem, errors),
        Type::Tuple(t) => t.elems.iter().for_each(|t| check_type(t, errors)),
        Type::Paren(p) => check_type(&p.elem, errors),
        Type::Group(g) => check_type(&g.elem, errors),
        _ => {}
    }
}

fn reference_help(reference: &syn::TypeReference) -> &'static str {
    match &*reference.elem {
        Type::Path(p) if p.path.is_ident("str") => {
            "use `GcString` (shared) or `String` (owned) for text"
        }
        Type::Slice(_) => "use `GcArray<T>` (shared) or `Vec<T>` (owned) for a sequence",
        _ => {
            "an object in GC memory may outlive any borrow; use `GcBox<T>` or `GcRc<T>` to share a value, or store it by value"
        }
    }
}

/// `unsafe impl Trace`: reports every field, in every variant. Sound because a field's `Trace`
/// reports exactly the handles that field owns, and the fields are disjoint.
/// A variant (or the struct itself, with no name): its attributes and fields.
type Variant<'a> = (Option<&'a syn::Ident>, &'a [syn::Attribute], &'a Fields);

/// The `#[cfg]` attributes of a field or variant, repeated on the code that traces it.
fn cfgs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("cfg"))
}

fn derive_trace(
    name: &syn::Ident,
    generics: &syn::Generics,
    variants: &[Variant<'_>],
) -> TokenStream {
    let mut generics = generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(::wasm::gc::Trace));
        param.bounds.push(syn::parse_quote!('static));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let arms = variants.iter().map(|(variant, attrs, fields)| {
        let variant_cfgs = cfgs(attrs);
        let path = match variant {
            Some(v) => quote!(Self::#v),
            None => quote!(Self),
        };
        let bindings: Vec<_> = fields
            .iter()
            .enumerate()
            // Spanned at the field's type, so a field type without `Trace` is reported there.
            .map(|(i, f)| (f, format_ident!("__field{}", i, span = f.ty.span())))
            .collect();
        let calls = bindings.iter().map(|(f, binding)| {
            let field_cfgs = cfgs(&f.attrs);
            quote_spanned! {f.ty.span()=> #(#field_cfgs)* ::wasm::gc::Trace::trace(#binding, __tracer); }
        });
        let pattern = match fields {
            Fields::Named(_) => {
                let names = bindings.iter().map(|(f, binding)| {
                    let ident = f.ident.as_ref().expect("named field");
                    let field_cfgs = cfgs(&f.attrs);
                    quote!(#(#field_cfgs)* #ident: #binding)
                });
                quote!(#path { #(#names),* })
            }
            Fields::Unnamed(_) => {
                let names = bindings.iter().map(|(_, binding)| binding);
                quote!(#path ( #(#names),* ))
            }
            Fields::Unit => quote!(#path),
        };
        quote! { #(#variant_cfgs)* #pattern => { #(#calls)* } }
    });

    // An empty enum has no values to trace (`match *self {}` proves it to the compiler).
    let body = if variants.is_empty() {
        quote! { match *self {} }
    } else {
        quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#arms)*
            }
        }
    };

    quote! {
        #[automatically_derived]
        // SAFETY: generated by `#[wasm::gc]`; traces each field exactly once.
        unsafe impl #impl_generics ::wasm::gc::Trace for #name #ty_generics #where_clause {
            #[allow(unused_variables)]
            fn trace(&self, __tracer: &mut ::wasm::gc::Tracer<'_>) {
                #body
            }
        }
    }
}
