//! Pass 2: collects items of every module (user crate and the std prelude) into tables and resolves
//! `use` declarations, so later passes can map any path to its definition.

use crate::diagnostics::{codes, Diagnostic, SourceMap, Span};
use crate::load::{span_of, Crate};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub enum Def {
    Fn(usize),
    Adt(usize),
    Variant(usize, usize),
    Const(usize),
    Mod(usize),
    /// A std path the std surface may know (`std::process::exit`, `std::fmt`, ...).
    Std(String),
    /// A user trait.
    Trait(usize),
}

#[derive(Clone)]
pub struct FnDef {
    pub name: String,
    pub module: usize,
    pub file: usize,
    pub sig: syn::Signature,
    pub block: syn::Block,
    /// Set for methods and associated functions of `impl Adt`.
    pub self_adt: Option<usize>,
    pub is_prelude: bool,
    pub span: Span,
    /// Type parameters in scope, in order: the impl's, then the fn's own. A trait's default method has
    /// `Self` as its first parameter. Generic fns are templates: typeck checks one body per instance.
    pub generics: Vec<String>,
    /// The impl block this fn belongs to.
    pub impl_id: Option<usize>,
    /// Set for a trait's default method.
    pub trait_id: Option<usize>,
    /// Bounds binding an associated type to another parameter: `I: IntoIterator<Item = T>` is
    /// (index of I, "IntoIterator", "Item", index of T). They infer T from I at call sites.
    pub assoc_bounds: Vec<(usize, String, String, usize)>,
    /// `I: IntoIterator<Item = X>` / `I: Iterator<Item = X>` with any `X`: (index of I, X).
    pub item_bounds: Vec<(usize, syn::Type)>,
    /// `F: Fn(A) -> R` bounds: (index of F, argument types, return type).
    pub fn_bounds: Vec<(usize, Vec<syn::Type>, Option<syn::Type>)>,
    /// Per entry of `generics`: whether any bound or `where` clause (of the fn or its impl) mentions
    /// the parameter. An unbounded parameter can only be moved around, so thin monomorphization may
    /// share one body between instances (see `typeck::thin`).
    pub bounded: Vec<bool>,
}

/// An `impl` block: inherent (`trait_name` is None) or of a user or std trait.
pub struct ImplDef {
    pub generics: Vec<String>,
    pub self_ty: syn::Type,
    pub trait_name: Option<String>,
    /// Generic arguments written on the trait (`From<i32>` → `i32`).
    pub trait_args: Vec<syn::Type>,
    pub trait_id: Option<usize>,
    pub module: usize,
    pub file: usize,
    pub methods: HashMap<String, usize>,
    pub assoc_types: HashMap<String, syn::Type>,
    pub consts: HashMap<String, usize>,
}

/// A user trait: its default methods and constants (required items are only names here).
pub struct TraitDef {
    pub name: String,
    pub module: usize,
    pub file: usize,
    pub defaults: HashMap<String, usize>,
    pub required: Vec<String>,
    /// Every method's declared signature (for calls through `dyn Trait`).
    pub method_sigs: Vec<(String, syn::Signature)>,
    pub default_consts: HashMap<String, usize>,
    pub supertraits: Vec<String>,
}

#[derive(Clone)]
pub struct FieldDef {
    pub name: String,
    pub ty: syn::Type,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    Named,
    Tuple,
    Unit,
}

#[derive(Clone)]
pub struct VariantDef {
    pub name: String,
    pub shape: Shape,
    pub fields: Vec<FieldDef>,
    pub discr: Option<syn::Expr>,
}

#[derive(Clone)]
pub struct AdtDef {
    pub name: String,
    pub module: usize,
    pub file: usize,
    pub is_enum: bool,
    /// Structs have exactly one variant.
    pub variants: Vec<VariantDef>,
    pub derives: Vec<String>,
    pub span: Span,
    pub generics: Vec<String>,
}

impl AdtDef {
    pub fn derives(&self, t: &str) -> bool {
        self.derives.iter().any(|d| d == t)
    }
}

pub struct ConstDef {
    pub self_adt: Option<usize>,
    pub name: String,
    pub module: usize,
    pub file: usize,
    pub ty: syn::Type,
    pub expr: syn::Expr,
}

pub struct ModScope {
    pub path: Vec<String>,
    pub parent: Option<usize>,
    pub file: usize,
    pub types: HashMap<String, Def>,
    pub values: HashMap<String, Def>,
    pub is_prelude: bool,
}

pub struct Program {
    pub sources: SourceMap,
    pub fns: Vec<FnDef>,
    pub adts: Vec<AdtDef>,
    pub consts: Vec<ConstDef>,
    pub mods: Vec<ModScope>,
    /// Inherent methods and associated functions: (adt, name) → fn.
    pub methods: HashMap<(usize, String), usize>,
    /// Associated constants: (adt, name) → const.
    pub assoc_consts: HashMap<(usize, String), usize>,
    /// `impl fmt::Display for Adt` → its `fmt`.
    pub display_impls: HashMap<usize, usize>,
    /// Manual `impl fmt::Debug for Adt` → its `fmt`.
    pub debug_impls: HashMap<usize, usize>,
    /// `#[default]` variant of an enum (for `#[derive(Default)]`).
    pub default_variants: HashMap<usize, usize>,
    pub impls: Vec<ImplDef>,
    pub traits: Vec<TraitDef>,
    /// Module index of the std prelude.
    pub prelude_mod: usize,
    pub root_mod: usize,
}

/// The std surface: the prelude proper, 128-bit integers (`prelude_wide.rs`), full Unicode (`unicode.rs`, tables
/// generated), `std::cmp::Ordering`, UTF-8 conversions and `DefaultHasher`.
const PRELUDE_SRC: &str = concat!(include_str!("std/prelude.rs"), include_str!("std/prelude_wide.rs"), include_str!("std/unicode.rs"), include_str!("std/cmp.rs"), include_str!("std/utf8.rs"), include_str!("std/hash.rs"));

pub fn resolve(krate: Crate) -> Result<Program, Vec<Diagnostic>> {
    let Crate { mut sources, mut modules } = krate;
    let prelude_file = sources.add("<wasmrust-std>/prelude.rs".into(), "<wasmrust-std>/prelude.rs".into(), PRELUDE_SRC.into());
    let mut errors = Vec::new();
    match syn::parse_file(PRELUDE_SRC) {
        Ok(f) => modules.push(crate::load::Module { path: vec!["__std".into()], file: prelude_file, items: f.items }),
        Err(e) => errors.push(sources.diag(codes::ICE, &span_of(prelude_file, e.span()), format!("std prelude does not parse: {e}"), "", None)),
    }
    let mut p = Program {
        sources,
        fns: Vec::new(),
        adts: Vec::new(),
        consts: Vec::new(),
        mods: Vec::new(),
        methods: HashMap::new(),
        assoc_consts: HashMap::new(),
        display_impls: HashMap::new(),
        debug_impls: HashMap::new(),
        default_variants: HashMap::new(),
        impls: Vec::new(),
        traits: Vec::new(),
        prelude_mod: 0,
        root_mod: 0,
    };
    // Module scopes first (so parents can be linked by path).
    for m in &modules {
        p.mods.push(ModScope {
            path: m.path.clone(),
            parent: None,
            file: m.file,
            types: HashMap::new(),
            values: HashMap::new(),
            is_prelude: m.path.first().is_some_and(|s| s == "__std"),
        });
    }
    let by_path: HashMap<Vec<String>, usize> = p.mods.iter().enumerate().map(|(i, m)| (m.path.clone(), i)).collect();
    for i in 0..p.mods.len() {
        let path = p.mods[i].path.clone();
        if path.first().is_some_and(|s| s == "__std") {
            p.prelude_mod = i;
            continue;
        }
        if path.is_empty() {
            p.root_mod = i;
            continue;
        }
        let parent = by_path.get(&path[..path.len() - 1]).copied();
        p.mods[i].parent = parent;
        if let Some(par) = parent {
            p.mods[par].types.insert(path.last().unwrap().clone(), Def::Mod(i));
        }
    }
    let mut uses: Vec<(usize, usize, syn::UseTree)> = Vec::new();
    let mut impls: Vec<(usize, usize, syn::ItemImpl)> = Vec::new();
    for (mi, m) in modules.into_iter().enumerate() {
        let file = m.file;
        let is_prelude = p.mods[mi].is_prelude;
        for item in m.items {
            collect_item(&mut p, &mut errors, mi, file, is_prelude, item, &mut uses, &mut impls);
        }
    }
    for (mi, file, imp) in impls {
        collect_impl(&mut p, &mut errors, mi, file, imp);
    }
    resolve_uses(&mut p, &mut errors, uses);
    if errors.is_empty() { Ok(p) } else { Err(errors) }
}

fn unsupported(p: &Program, code: &'static str, file: usize, sp: proc_macro2::Span, msg: &str, label: &str, help: &str) -> Diagnostic {
    p.sources.diag(code, &span_of(file, sp), msg, label, if help.is_empty() { None } else { Some(help.to_string()) })
}

fn derives_of(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for a in attrs {
        if a.path().is_ident("derive") {
            let _ = a.parse_nested_meta(|m| {
                if let Some(id) = m.path.segments.last() {
                    out.push(id.ident.to_string());
                }
                Ok(())
            });
        }
    }
    out
}

fn check_generics(p: &Program, errors: &mut Vec<Diagnostic>, file: usize, g: &syn::Generics) {
    for param in &g.params {
        match param {
            syn::GenericParam::Lifetime(_) => {}
            syn::GenericParam::Type(_) => {}
            syn::GenericParam::Const(c) => errors.push(unsupported(
                p,
                codes::GENERICS,
                file,
                c.ident.span(),
                "const generic parameters are not supported yet",
                "const parameter",
                "use a concrete length",
            )),
        }
    }
}

fn check_sig(p: &Program, errors: &mut Vec<Diagnostic>, file: usize, sig: &syn::Signature) {
    check_generics(p, errors, file, &sig.generics);
    if let Some(u) = &sig.unsafety {
        errors.push(unsupported(p, codes::UNSAFE, file, u.span, "`unsafe` functions are not supported", "unsafe", "WasmGC code has no raw memory; remove `unsafe`"));
    }
    if let Some(a) = &sig.asyncness {
        errors.push(unsupported(p, codes::ASYNC, file, a.span, "`async fn` is not supported here", "async", "use #[wasm::r#async] exports for async host calls"));
    }
    if let Some(v) = &sig.variadic {
        errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, v.dots.spans[0], "variadic functions are not supported", "", ""));
    }
}

#[allow(clippy::too_many_arguments)]
fn collect_item(
    p: &mut Program,
    errors: &mut Vec<Diagnostic>,
    mi: usize,
    file: usize,
    is_prelude: bool,
    item: syn::Item,
    uses: &mut Vec<(usize, usize, syn::UseTree)>,
    impls: &mut Vec<(usize, usize, syn::ItemImpl)>,
) {
    use syn::spanned::Spanned;
    match item {
        syn::Item::Fn(f) => {
            check_sig(p, errors, file, &f.sig);
            // Items declared inside the body are hoisted to the module (visible there too).
            for st in &f.block.stmts {
                if let syn::Stmt::Item(inner) = st {
                    if matches!(inner, syn::Item::Fn(_) | syn::Item::Struct(_) | syn::Item::Enum(_) | syn::Item::Const(_) | syn::Item::Static(_) | syn::Item::Use(_) | syn::Item::Impl(_)) {
                        collect_item(p, errors, mi, file, is_prelude, inner.clone(), uses, impls);
                    }
                }
            }
            let id = p.fns.len();
            let name = f.sig.ident.to_string();
            let mut generics = type_params(&f.sig.generics);
            let mut f = f;
            desugar_impl_trait_args(&mut f.sig, &mut generics);
            p.fns.push(FnDef {
                name: name.clone(),
                module: mi,
                file,
                span: span_of(file, f.sig.ident.span()),
                assoc_bounds: assoc_bounds(&generics, &f.sig.generics),
                item_bounds: item_bounds(&generics, &f.sig.generics),
                fn_bounds: fn_bounds(&generics, &f.sig.generics),
                bounded: bounded_params(&generics, &[&f.sig.generics]),
                sig: f.sig,
                block: *f.block,
                self_adt: None,
                is_prelude,
                generics,
                impl_id: None,
                trait_id: None,
            });
            p.mods[mi].values.insert(name, Def::Fn(id));
        }
        syn::Item::Struct(s) => {
            check_generics(p, errors, file, &s.generics);
            let (shape, fields) = fields_of(&s.fields);
            let id = p.adts.len();
            let name = s.ident.to_string();
            p.adts.push(AdtDef {
                name: name.clone(),
                module: mi,
                file,
                is_enum: false,
                variants: vec![VariantDef { name: name.clone(), shape, fields, discr: None }],
                derives: derives_of(&s.attrs),
                span: span_of(file, s.ident.span()),
                generics: type_params(&s.generics),
            });
            p.mods[mi].types.insert(name.clone(), Def::Adt(id));
            if shape != Shape::Named {
                p.mods[mi].values.insert(name, Def::Adt(id));
            }
        }
        syn::Item::Enum(e) => {
            check_generics(p, errors, file, &e.generics);
            let id = p.adts.len();
            let name = e.ident.to_string();
            let variants = e
                .variants
                .iter()
                .map(|v| {
                    let (shape, fields) = fields_of(&v.fields);
                    VariantDef { name: v.ident.to_string(), shape, fields, discr: v.discriminant.as_ref().map(|d| d.1.clone()) }
                })
                .collect();
            p.adts.push(AdtDef {
                name: name.clone(),
                module: mi,
                file,
                is_enum: true,
                variants,
                derives: derives_of(&e.attrs),
                span: span_of(file, e.ident.span()),
                generics: type_params(&e.generics),
            });
            if let Some(v) = e.variants.iter().position(|v| v.attrs.iter().any(|a| a.path().is_ident("default"))) {
                p.default_variants.insert(id, v);
            }
            p.mods[mi].types.insert(name, Def::Adt(id));
        }
        syn::Item::Const(c) => {
            let id = p.consts.len();
            let name = c.ident.to_string();
            p.consts.push(ConstDef { self_adt: None, name: name.clone(), module: mi, file, ty: *c.ty, expr: *c.expr });
            p.mods[mi].values.insert(name, Def::Const(id));
        }
        syn::Item::Static(s) => {
            if let syn::StaticMutability::Mut(m) = &s.mutability {
                errors.push(unsupported(p, codes::UNSAFE, file, m.span, "`static mut` is not supported", "mutable static", "use a local variable or pass state explicitly"));
                return;
            }
            let id = p.consts.len();
            let name = s.ident.to_string();
            p.consts.push(ConstDef { self_adt: None, name: name.clone(), module: mi, file, ty: *s.ty, expr: *s.expr });
            p.mods[mi].values.insert(name, Def::Const(id));
        }
        syn::Item::Use(u) => uses.push((mi, file, u.tree)),
        syn::Item::Impl(i) => impls.push((mi, file, i)),
        syn::Item::Trait(t) => collect_trait(p, errors, mi, file, is_prelude, t),
        syn::Item::Type(t) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, t.ident.span(), "type aliases are not supported yet", "type alias", "write the aliased type out")),
        syn::Item::Union(u) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, u.ident.span(), "unions are not supported", "union", "use an enum")),
        syn::Item::ForeignMod(f) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, f.abi.extern_token.span, "extern blocks are not supported", "extern block", "import host functions with #[wasm::import]")),
        syn::Item::Macro(m) => errors.push(unsupported(p, codes::UNSUPPORTED_MACRO, file, m.mac.path.span(), "macro definitions and item macros are not supported", "macro", "write the expanded items out")),
        syn::Item::ExternCrate(e) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, e.ident.span(), "`extern crate` is not supported", "", "dependencies are not lowered yet")),
        syn::Item::Mod(_) => {}
        other => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, other.span(), "unsupported item", "", "")),
    }
}

/// Argument-position `impl Trait` is an anonymous type parameter: rewrite each one to a named parameter
/// `__implN` (appended to `generics`) so the rest of the compiler sees an ordinary generic fn.
fn desugar_impl_trait_args(sig: &mut syn::Signature, generics: &mut Vec<String>) {
    fn rewrite(t: &mut syn::Type, generics: &mut Vec<String>, params: &mut Vec<syn::GenericParam>) {
        match t {
            syn::Type::ImplTrait(it) => {
                let name = format!("__impl{}", generics.len());
                let ident = syn::Ident::new(&name, proc_macro2::Span::call_site());
                params.push(syn::GenericParam::Type(syn::TypeParam {
                    attrs: vec![],
                    ident: ident.clone(),
                    colon_token: Some(Default::default()),
                    bounds: it.bounds.clone(),
                    eq_token: None,
                    default: None,
                }));
                *t = syn::Type::Path(syn::TypePath { qself: None, path: ident.into() });
                generics.push(name);
            }
            syn::Type::Reference(r) => rewrite(&mut r.elem, generics, params),
            syn::Type::Paren(p) => rewrite(&mut p.elem, generics, params),
            syn::Type::Slice(s) => rewrite(&mut s.elem, generics, params),
            syn::Type::Array(a) => rewrite(&mut a.elem, generics, params),
            syn::Type::Tuple(t) => t.elems.iter_mut().for_each(|e| rewrite(e, generics, params)),
            syn::Type::Path(tp) => {
                for seg in tp.path.segments.iter_mut() {
                    if let syn::PathArguments::AngleBracketed(ab) = &mut seg.arguments {
                        for a in ab.args.iter_mut() {
                            if let syn::GenericArgument::Type(t) = a {
                                rewrite(t, generics, params);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut params = Vec::new();
    for input in sig.inputs.iter_mut() {
        if let syn::FnArg::Typed(pt) = input {
            rewrite(&mut pt.ty, generics, &mut params);
        }
    }
    sig.generics.params.extend(params);
}

/// `F: Fn(A, B) -> R` bounds (inline or in the where clause): (index of F, argument types, return type).
/// They type closure arguments at call sites, and infer parameters only named there.
/// Which of `names` some bound or `where` predicate of `gens` mentions (by identifier, anywhere in the
/// bound: `F: Fn(&T)` bounds both F and T). Marker bounds that give a body no operation on the
/// value (`?Sized`, `Sized`, `Send`, `Sync`, `Unpin`, lifetimes) do not count.
fn bounded_params(names: &[String], gens: &[&syn::Generics]) -> Vec<bool> {
    use quote::ToTokens;
    fn idents(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
        for tt in ts {
            match tt {
                proc_macro2::TokenTree::Ident(i) => out.push(i.to_string()),
                proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
                _ => {}
            }
        }
    }
    fn is_marker(b: &syn::TypeParamBound) -> bool {
        match b {
            syn::TypeParamBound::Lifetime(_) => true,
            syn::TypeParamBound::Trait(t) => {
                t.lifetimes.is_none()
                    && t.path.segments.last().is_some_and(|s| s.arguments.is_empty() && matches!(s.ident.to_string().as_str(), "Sized" | "Send" | "Sync" | "Unpin"))
            }
            _ => false,
        }
    }
    let mut mentioned = Vec::new();
    let bounds = |bounded_ty: Option<String>, bs: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>, mentioned: &mut Vec<String>| {
        for b in bs.iter().filter(|b| !is_marker(b)) {
            mentioned.extend(bounded_ty.clone());
            idents(b.to_token_stream(), mentioned);
        }
    };
    for g in gens {
        for p in &g.params {
            if let syn::GenericParam::Type(t) = p {
                bounds(Some(t.ident.to_string()), &t.bounds, &mut mentioned);
            }
        }
        if let Some(w) = &g.where_clause {
            for pred in &w.predicates {
                match pred {
                    syn::WherePredicate::Type(pt) => {
                        if pt.bounds.iter().any(|b| !is_marker(b)) {
                            // The bounded type may be `Vec<T>` or `T::Item`: every name in it counts.
                            idents(pt.bounded_ty.to_token_stream(), &mut mentioned);
                        }
                        bounds(None, &pt.bounds, &mut mentioned);
                    }
                    other => idents(other.to_token_stream(), &mut mentioned),
                }
            }
        }
    }
    names.iter().map(|n| mentioned.contains(n)).collect()
}

/// Every trait bound on one of `names`, inline (`T: Tr`) or in the `where` clause (`T: Tr`), with the
/// parameter's index: the walk the bound extractors below share.
fn param_trait_bounds<'g>(names: &[String], g: &'g syn::Generics) -> Vec<(usize, &'g syn::TraitBound)> {
    let idx = |id: &syn::Ident| names.iter().position(|n| *n == id.to_string());
    let mut lists: Vec<(usize, &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>)> = Vec::new();
    for p in &g.params {
        if let syn::GenericParam::Type(t) = p {
            if let Some(i) = idx(&t.ident) {
                lists.push((i, &t.bounds));
            }
        }
    }
    if let Some(w) = &g.where_clause {
        for pred in &w.predicates {
            if let syn::WherePredicate::Type(syn::PredicateType { bounded_ty: syn::Type::Path(tp), bounds, .. }) = pred {
                if let Some(i) = tp.path.get_ident().and_then(idx) {
                    lists.push((i, bounds));
                }
            }
        }
    }
    lists
        .into_iter()
        .flat_map(|(i, bs)| bs.iter().filter_map(move |b| if let syn::TypeParamBound::Trait(tb) = b { Some((i, tb)) } else { None }))
        .collect()
}

/// `F: Fn(A..) -> R` bounds (also `FnMut`/`FnOnce`): (index of F, argument types, return type).
fn fn_bounds(names: &[String], g: &syn::Generics) -> Vec<(usize, Vec<syn::Type>, Option<syn::Type>)> {
    let mut out = Vec::new();
    for (bounded, tb) in param_trait_bounds(names, g) {
        let Some(seg) = tb.path.segments.last() else { continue };
        if !matches!(seg.ident.to_string().as_str(), "Fn" | "FnMut" | "FnOnce") {
            continue;
        }
        let syn::PathArguments::Parenthesized(pa) = &seg.arguments else { continue };
        let ret = match &pa.output {
            syn::ReturnType::Default => None,
            syn::ReturnType::Type(_, t) => Some((**t).clone()),
        };
        out.push((bounded, pa.inputs.iter().cloned().collect(), ret));
    }
    out
}

/// `I: IntoIterator<Item = X>` / `I: Iterator<Item = X>` bounds with any item type `X`.
fn item_bounds(names: &[String], g: &syn::Generics) -> Vec<(usize, syn::Type)> {
    let mut out = Vec::new();
    for (bounded, tb) in param_trait_bounds(names, g) {
        let Some(seg) = tb.path.segments.last() else { continue };
        if !matches!(seg.ident.to_string().as_str(), "IntoIterator" | "Iterator") {
            continue;
        }
        let syn::PathArguments::AngleBracketed(ab) = &seg.arguments else { continue };
        for a in &ab.args {
            if let syn::GenericArgument::AssocType(at) = a {
                if at.ident == "Item" {
                    out.push((bounded, at.ty.clone()));
                }
            }
        }
    }
    out
}

/// `I: IntoIterator<Item = T>`-style bounds (inline or in the where clause) among `names`.
fn assoc_bounds(names: &[String], g: &syn::Generics) -> Vec<(usize, String, String, usize)> {
    let idx = |t: &syn::Type| -> Option<usize> {
        let syn::Type::Path(tp) = t else { return None };
        let id = tp.path.get_ident()?.to_string();
        names.iter().position(|n| *n == id)
    };
    let mut out = Vec::new();
    for (bounded, tb) in param_trait_bounds(names, g) {
        let Some(seg) = tb.path.segments.last() else { continue };
        let syn::PathArguments::AngleBracketed(ab) = &seg.arguments else { continue };
        for a in &ab.args {
            if let syn::GenericArgument::AssocType(at) = a {
                if let Some(j) = idx(&at.ty) {
                    out.push((bounded, seg.ident.to_string(), at.ident.to_string(), j));
                }
            }
        }
    }
    out
}

/// Names of the type parameters of a generics list (lifetimes are ignored by the lowering).
pub fn type_params(g: &syn::Generics) -> Vec<String> {
    g.params
        .iter()
        .filter_map(|p| match p {
            syn::GenericParam::Type(t) => Some(t.ident.to_string()),
            _ => None,
        })
        .collect()
}

fn collect_trait(p: &mut Program, errors: &mut Vec<Diagnostic>, mi: usize, file: usize, is_prelude: bool, t: syn::ItemTrait) {
    use syn::spanned::Spanned;
    check_generics(p, errors, file, &t.generics);
    if !t.generics.params.iter().all(|g| matches!(g, syn::GenericParam::Lifetime(_))) {
        errors.push(unsupported(p, codes::GENERICS, file, t.generics.span(), "generic traits are not supported yet", "generic trait", "use associated types"));
        return;
    }
    let id = p.traits.len();
    let name = t.ident.to_string();
    let supertraits = t
        .supertraits
        .iter()
        .filter_map(|b| match b {
            syn::TypeParamBound::Trait(tb) => tb.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        })
        .collect();
    let mut def = TraitDef { name: name.clone(), module: mi, file, defaults: HashMap::new(), required: Vec::new(), method_sigs: Vec::new(), default_consts: HashMap::new(), supertraits };
    for item in t.items {
        match item {
            syn::TraitItem::Fn(f) => {
                check_sig(p, errors, file, &f.sig);
                let mname = f.sig.ident.to_string();
                def.method_sigs.push((mname.clone(), f.sig.clone()));
                let mut f = f;
                match f.default.take() {
                    Some(block) => {
                        let fid = p.fns.len();
                        let mut generics = vec!["Self".to_string()];
                        generics.extend(type_params(&f.sig.generics));
                        desugar_impl_trait_args(&mut f.sig, &mut generics);
                        p.fns.push(FnDef {
                            name: format!("{name}::{mname}"),
                            module: mi,
                            file,
                            span: span_of(file, f.sig.ident.span()),
                            assoc_bounds: assoc_bounds(&generics, &f.sig.generics),
                item_bounds: item_bounds(&generics, &f.sig.generics),
                fn_bounds: fn_bounds(&generics, &f.sig.generics),
                            // `Self` of a default method is bounded by the trait itself.
                            bounded: std::iter::once(true).chain(bounded_params(&generics, &[&f.sig.generics]).into_iter().skip(1)).collect(),
                            sig: f.sig,
                            block,
                            self_adt: None,
                            is_prelude,
                            generics,
                            impl_id: None,
                            trait_id: Some(id),
                        });
                        def.defaults.insert(mname, fid);
                    }
                    None => def.required.push(mname),
                }
            }
            syn::TraitItem::Const(c) => {
                if let Some((_, e)) = c.default {
                    let cid = p.consts.len();
                    p.consts.push(ConstDef { self_adt: None, name: c.ident.to_string(), module: mi, file, ty: c.ty, expr: e });
                    def.default_consts.insert(c.ident.to_string(), cid);
                }
            }
            syn::TraitItem::Type(_) => {}
            other => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, other.span(), "unsupported trait item", "", "")),
        }
    }
    p.traits.push(def);
    p.mods[mi].types.insert(name, Def::Trait(id));
}

fn fields_of(f: &syn::Fields) -> (Shape, Vec<FieldDef>) {
    match f {
        syn::Fields::Named(n) => (
            Shape::Named,
            n.named.iter().map(|f| FieldDef { name: f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default(), ty: f.ty.clone() }).collect(),
        ),
        syn::Fields::Unnamed(u) => (Shape::Tuple, u.unnamed.iter().enumerate().map(|(i, f)| FieldDef { name: i.to_string(), ty: f.ty.clone() }).collect()),
        syn::Fields::Unit => (Shape::Unit, Vec::new()),
    }
}

/// Last path segment name of a type like `Foo`, `self::Foo`, `fmt::Display`.
fn type_path_last(t: &syn::Type) -> Option<(String, proc_macro2::Span)> {
    match t {
        syn::Type::Path(tp) => tp.path.segments.last().map(|s| (s.ident.to_string(), s.ident.span())),
        _ => None,
    }
}

fn collect_impl(p: &mut Program, errors: &mut Vec<Diagnostic>, mi: usize, file: usize, imp: syn::ItemImpl) {
    use syn::spanned::Spanned;
    check_generics(p, errors, file, &imp.generics);
    if let Some(u) = &imp.unsafety {
        errors.push(unsupported(p, codes::UNSAFE, file, u.span, "`unsafe impl` is not supported", "", ""));
        return;
    }
    if let Some((Some(bang), _, _)) = &imp.trait_ {
        errors.push(unsupported(p, codes::TRAITS, file, bang.span, "negative impls are not supported", "", ""));
        return;
    }
    let adt = lookup_type_simple(p, mi, &imp.self_ty);
    let trait_path = imp.trait_.as_ref().map(|(_, path, _)| path.clone());
    let trait_name = trait_path.as_ref().and_then(|path| path.segments.last().map(|s| s.ident.to_string()));
    let trait_args: Vec<syn::Type> = trait_path
        .as_ref()
        .and_then(|path| path.segments.last())
        .map(|s| match &s.arguments {
            syn::PathArguments::AngleBracketed(ab) => ab
                .args
                .iter()
                .filter_map(|a| match a {
                    syn::GenericArgument::Type(t) => Some(t.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        })
        .unwrap_or_default();
    if trait_name.is_none() && adt.is_none() {
        let (self_name, self_span) = type_path_last(&imp.self_ty).unwrap_or_else(|| ("?".into(), imp.self_ty.span()));
        errors.push(unsupported(
            p,
            codes::TRAITS,
            file,
            self_span,
            &format!("inherent impl blocks are only supported on structs and enums of this crate, not `{self_name}`"),
            "",
            "",
        ));
        return;
    }
    let trait_id = trait_path.as_ref().and_then(|path| lookup_trait(p, mi, path));
    let impl_generics = type_params(&imp.generics);
    let impl_id = p.impls.len();
    let mut def = ImplDef {
        generics: impl_generics.clone(),
        self_ty: (*imp.self_ty).clone(),
        trait_name: trait_name.clone(),
        trait_args,
        trait_id,
        module: mi,
        file,
        methods: HashMap::new(),
        assoc_types: HashMap::new(),
        consts: HashMap::new(),
    };
    let is_fmt_trait = trait_id.is_none() && matches!(trait_name.as_deref(), Some("Display" | "Debug"));
    for it in imp.items {
        match it {
            syn::ImplItem::Fn(f) => {
                check_sig(p, errors, file, &f.sig);
                let id = p.fns.len();
                let name = f.sig.ident.to_string();
                let mut generics = impl_generics.clone();
                generics.extend(type_params(&f.sig.generics));
                let mut f = f;
                desugar_impl_trait_args(&mut f.sig, &mut generics);
                let owner = match adt {
                    Some(a) => p.adts[a].name.clone(),
                    None => type_path_last(&imp.self_ty).map(|x| x.0).unwrap_or_else(|| "impl".into()),
                };
                p.fns.push(FnDef {
                    name: format!("{owner}::{name}"),
                    module: mi,
                    file,
                    span: span_of(file, f.sig.ident.span()),
                    assoc_bounds: assoc_bounds(&generics, &f.sig.generics),
                item_bounds: item_bounds(&generics, &f.sig.generics),
                fn_bounds: fn_bounds(&generics, &f.sig.generics),
                    bounded: bounded_params(&generics, &[&imp.generics, &f.sig.generics]),
                    sig: f.sig,
                    block: f.block,
                    self_adt: adt,
                    is_prelude: p.mods[mi].is_prelude,
                    generics,
                    impl_id: Some(impl_id),
                    trait_id: None,
                });
                def.methods.insert(name.clone(), id);
                match (is_fmt_trait, trait_name.as_deref(), adt) {
                    (true, Some("Display"), Some(a)) => {
                        p.display_impls.insert(a, id);
                    }
                    (true, Some("Debug"), Some(a)) => {
                        p.debug_impls.insert(a, id);
                    }
                    (_, None, Some(a)) => {
                        p.methods.insert((a, name), id);
                    }
                    _ => {}
                }
            }
            syn::ImplItem::Const(c) => {
                let id = p.consts.len();
                let name = c.ident.to_string();
                p.consts.push(ConstDef { self_adt: adt, name: name.clone(), module: mi, file, ty: c.ty, expr: c.expr });
                if let Some(a) = adt {
                    p.assoc_consts.insert((a, name.clone()), id);
                }
                def.consts.insert(name, id);
            }
            syn::ImplItem::Type(t) => {
                def.assoc_types.insert(t.ident.to_string(), t.ty);
            }
            other => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, other.span(), "unsupported impl item", "", "")),
        }
    }
    // A trait's default constants apply to implementors that do not override them.
    if let (Some(t), Some(a)) = (trait_id, adt) {
        for (name, &c) in &p.traits[t].default_consts {
            if !def.consts.contains_key(name) {
                p.assoc_consts.entry((a, name.clone())).or_insert(c);
            }
        }
    }
    p.impls.push(def);
}

/// Finds a user trait named by a path (by its last segment when the path does not resolve directly).
fn lookup_trait(p: &Program, mi: usize, path: &syn::Path) -> Option<usize> {
    let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    if let Some(Def::Trait(t)) = p.mods[mi].types.get(&segs[segs.len() - 1]) {
        return Some(*t);
    }
    if matches!(segs[0].as_str(), "std" | "core" | "alloc") {
        return None;
    }
    let cands: Vec<usize> = p.traits.iter().enumerate().filter(|(_, t)| t.name == segs[segs.len() - 1]).map(|(i, _)| i).collect();
    if cands.len() == 1 { Some(cands[0]) } else { None }
}

/// Finds a struct/enum named by a simple type path as seen from module `mi` (before `use` resolution,
/// so impls may only name types defined in, or directly visible from, the module through its path).
fn lookup_type_simple(p: &Program, mi: usize, t: &syn::Type) -> Option<usize> {
    let syn::Type::Path(tp) = t else { return None };
    let segs: Vec<String> = tp.path.segments.iter().map(|s| s.ident.to_string()).collect();
    if segs.len() == 1 {
        // Search this module, then any module (impls commonly name a type imported with `use`).
        if let Some(Def::Adt(a)) = p.mods[mi].types.get(&segs[0]) {
            return Some(*a);
        }
        let cands: Vec<usize> = p.adts.iter().enumerate().filter(|(_, a)| a.name == segs[0] && !p.mods[a.module].is_prelude).map(|(i, _)| i).collect();
        if cands.len() == 1 {
            return Some(cands[0]);
        }
        return None;
    }
    match resolve_path_in(p, mi, &segs) {
        Some(Def::Adt(a)) => Some(a),
        _ => None,
    }
}

fn module_start(p: &Program, mi: usize, segs: &[String]) -> Option<(usize, usize)> {
    match segs.first().map(String::as_str) {
        Some("crate") => Some((p.root_mod, 1)),
        Some("self") => Some((mi, 1)),
        Some("super") => {
            let mut m = p.mods[mi].parent?;
            let mut i = 1;
            while segs.get(i).map(String::as_str) == Some("super") {
                m = p.mods[m].parent?;
                i += 1;
            }
            Some((m, i))
        }
        _ => None,
    }
}

/// Resolves a multi-segment path from module `mi` (types namespace for prefixes, either for the last).
pub fn resolve_path_in(p: &Program, mi: usize, segs: &[String]) -> Option<Def> {
    if segs.is_empty() {
        return None;
    }
    if matches!(segs[0].as_str(), "std" | "core" | "alloc" | "wasm") {
        return Some(std_adt(p, segs).unwrap_or_else(|| std_def(p, segs.join("::"))));
    }
    let (mut m, mut i) = match module_start(p, mi, segs) {
        Some(x) => x,
        None => (mi, 0),
    };
    if i == segs.len() {
        return Some(Def::Mod(m));
    }
    loop {
        let name = &segs[i];
        let last = i + 1 == segs.len();
        let found = if last {
            p.mods[m].values.get(name).or_else(|| p.mods[m].types.get(name)).cloned()
        } else {
            p.mods[m].types.get(name).cloned()
        };
        let found = match found {
            Some(f) => f,
            None if i == 0 => {
                // Not in scope here: maybe the root module (2015-style) has it.
                let r = p.root_mod;
                let f = if last { p.mods[r].values.get(name).or_else(|| p.mods[r].types.get(name)) } else { p.mods[r].types.get(name) };
                f.cloned()?
            }
            None => return None,
        };
        if last {
            return Some(found);
        }
        match found {
            Def::Mod(n) => {
                m = n;
                i += 1;
            }
            Def::Adt(a) if i + 2 == segs.len() => {
                let v = &segs[i + 1];
                if let Some(vi) = p.adts[a].variants.iter().position(|x| x.name == *v && p.adts[a].is_enum) {
                    return Some(Def::Variant(a, vi));
                }
                if let Some(c) = p.assoc_consts.get(&(a, v.clone())) {
                    return Some(Def::Const(*c));
                }
                return p.methods.get(&(a, v.clone())).map(|f| Def::Fn(*f));
            }
            Def::Std(s) => return Some(std_def(p, format!("{s}::{}", segs[i + 1..].join("::")))),
            _ => return None,
        }
    }
}

fn resolve_uses(p: &mut Program, errors: &mut Vec<Diagnostic>, uses: Vec<(usize, usize, syn::UseTree)>) {
    // Flatten trees into (module, file, path, alias-or-glob, span).
    let mut flat: Vec<(usize, usize, Vec<String>, Option<String>, proc_macro2::Span)> = Vec::new();
    fn walk(t: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, Option<String>, proc_macro2::Span)>) {
        match t {
            syn::UseTree::Path(pp) => {
                prefix.push(pp.ident.to_string());
                walk(&pp.tree, prefix, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut full = prefix.clone();
                let name = n.ident.to_string();
                if name == "self" {
                    let alias = prefix.last().cloned();
                    out.push((full, alias, n.ident.span()));
                } else {
                    full.push(name.clone());
                    out.push((full, Some(name), n.ident.span()));
                }
            }
            syn::UseTree::Rename(r) => {
                let mut full = prefix.clone();
                full.push(r.ident.to_string());
                out.push((full, Some(r.rename.to_string()), r.ident.span()));
            }
            syn::UseTree::Glob(g) => out.push((prefix.clone(), None, g.star_token.spans[0])),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    walk(t, prefix, out);
                }
            }
        }
    }
    for (mi, file, tree) in &uses {
        let mut out = Vec::new();
        walk(tree, &mut Vec::new(), &mut out);
        for (path, alias, sp) in out {
            flat.push((*mi, *file, path, alias, sp));
        }
    }
    // Iterate to a fixpoint: a `use` may depend on another module's `use`.
    let mut pending = flat;
    for _round in 0..8 {
        let mut next = Vec::new();
        let mut progress = false;
        for (mi, file, path, alias, sp) in pending {
            match alias {
                Some(name) => {
                    let mut done = false;
                    if matches!(path[0].as_str(), "std" | "core" | "alloc" | "wasm") {
                        let d = std_adt(p, &path).unwrap_or_else(|| std_def(p, path.join("::")));
                        p.mods[mi].types.insert(name.clone(), d.clone());
                        p.mods[mi].values.insert(name.clone(), d);
                        done = true;
                    } else {
                        let (tdef, vdef) = resolve_both(p, mi, &path);
                        if let Some(t) = tdef {
                            p.mods[mi].types.insert(name.clone(), t);
                            done = true;
                        }
                        if let Some(v) = vdef {
                            p.mods[mi].values.insert(name.clone(), v);
                            done = true;
                        }
                    }
                    if done {
                        progress = true;
                    } else {
                        next.push((mi, file, path, Some(name), sp));
                    }
                }
                None => {
                    if matches!(path.first().map(String::as_str), Some("std" | "core" | "alloc" | "wasm")) {
                        // `use std::cmp::Ordering::*;`: the variants of a prelude-defined std enum
                        if let Some(Def::Adt(a)) = std_adt(p, &path) {
                            let names: Vec<String> = if p.adts[a].is_enum { p.adts[a].variants.iter().map(|v| v.name.clone()).collect() } else { Vec::new() };
                            for (vi, n) in names.into_iter().enumerate() {
                                p.mods[mi].values.entry(n).or_insert(Def::Variant(a, vi));
                            }
                        }
                        progress = true;
                        continue;
                    }
                    match resolve_path_in(p, mi, &path).or_else(|| module_start(p, mi, &path).filter(|(_, i)| *i == path.len()).map(|(m, _)| Def::Mod(m))) {
                        Some(Def::Mod(m)) => {
                            let types: Vec<(String, Def)> = p.mods[m].types.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                            let values: Vec<(String, Def)> = p.mods[m].values.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                            for (k, v) in types {
                                p.mods[mi].types.entry(k).or_insert(v);
                            }
                            for (k, v) in values {
                                p.mods[mi].values.entry(k).or_insert(v);
                            }
                            progress = true;
                        }
                        Some(Def::Adt(a)) if p.adts[a].is_enum => {
                            for (vi, v) in p.adts[a].variants.iter().enumerate() {
                                p.mods[mi].values.entry(v.name.clone()).or_insert(Def::Variant(a, vi));
                                p.mods[mi].types.entry(v.name.clone()).or_insert(Def::Variant(a, vi));
                            }
                            progress = true;
                        }
                        _ => next.push((mi, file, path, None, sp)),
                    }
                }
            }
        }
        pending = next;
        if pending.is_empty() || !progress {
            break;
        }
    }
    for (_mi, file, path, _alias, sp) in pending {
        errors.push(p.sources.diag(codes::UNRESOLVED, &span_of(file, sp), format!("unresolved import `{}`", path.join("::")), "no such item", None));
    }
}

fn resolve_both(p: &Program, mi: usize, path: &[String]) -> (Option<Def>, Option<Def>) {
    let n = path.len();
    if n == 1 {
        let t = p.mods[mi].types.get(&path[0]).cloned().or_else(|| p.mods[p.root_mod].types.get(&path[0]).cloned());
        let v = p.mods[mi].values.get(&path[0]).cloned().or_else(|| p.mods[p.root_mod].values.get(&path[0]).cloned());
        return (t, v);
    }
    let prefix = &path[..n - 1];
    let last = &path[n - 1];
    let m = match module_start(p, mi, prefix).filter(|(_, i)| *i == prefix.len()) {
        Some((m, _)) => Some(Def::Mod(m)),
        None => resolve_path_in(p, mi, prefix),
    };
    match m {
        Some(Def::Mod(m)) => (p.mods[m].types.get(last).cloned(), p.mods[m].values.get(last).cloned()),
        Some(Def::Adt(a)) => {
            let v = p.adts[a].variants.iter().position(|x| x.name == *last && p.adts[a].is_enum).map(|vi| Def::Variant(a, vi));
            (v.clone(), v)
        }
        _ => (None, None),
    }
}

/// Std types that the prelude defines as ordinary enums/structs (`std::cmp::Ordering`, the UTF-8
/// errors): a std path naming one (or one of its variants/associated items) resolves to the prelude
/// definition.
fn std_adt(p: &Program, segs: &[String]) -> Option<Def> {
    let norm: Vec<&str> = segs.iter().map(String::as_str).skip(1).collect();
    let (name, rest) = match norm.as_slice() {
        ["cmp", "Ordering", rest @ ..] => ("Ordering", rest),
        ["string", "FromUtf8Error", rest @ ..] => ("FromUtf8Error", rest),
        ["str", "Utf8Error", rest @ ..] => ("Utf8Error", rest),
        ["collections", "hash_map", "DefaultHasher", rest @ ..] | ["hash", "DefaultHasher", rest @ ..] => ("DefaultHasher", rest),
        _ => return None,
    };
    let a = p.adts.iter().position(|d| d.name == name && p.mods[d.module].is_prelude)?;
    match rest {
        [] => Some(Def::Adt(a)),
        [v] => {
            if let Some(vi) = p.adts[a].variants.iter().position(|x| x.name == *v && p.adts[a].is_enum) {
                return Some(Def::Variant(a, vi));
            }
            p.methods.get(&(a, v.to_string())).map(|f| Def::Fn(*f))
        }
        _ => None,
    }
}

/// A std path, or the prelude item that implements it (`std::cmp::Ordering` and its variants are an
/// ordinary enum of the prelude, so matching, `==`, `{:?}` and its methods need no special casing).
pub fn std_def(p: &Program, path: String) -> Def {
    let segs: Vec<&str> = path.split("::").filter(|s| !matches!(*s, "std" | "core" | "alloc")).collect();
    let prelude_adt = |name: &str| p.adts.iter().position(|a| a.name == name && p.mods[a.module].is_prelude);
    match segs.as_slice() {
        ["cmp", "Ordering"] => prelude_adt("Ordering").map(Def::Adt),
        ["cmp", "Ordering", v] => prelude_adt("Ordering").and_then(|a| p.adts[a].variants.iter().position(|x| x.name == *v).map(|vi| Def::Variant(a, vi))),
        _ => None,
    }
    .unwrap_or(Def::Std(path))
}
