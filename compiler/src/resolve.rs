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
}

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
}

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

pub struct VariantDef {
    pub name: String,
    pub shape: Shape,
    pub fields: Vec<FieldDef>,
    pub discr: Option<syn::Expr>,
}

pub struct AdtDef {
    pub name: String,
    pub module: usize,
    pub file: usize,
    pub is_enum: bool,
    /// Structs have exactly one variant.
    pub variants: Vec<VariantDef>,
    pub derives: Vec<String>,
    pub span: Span,
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
    /// Module index of the std prelude.
    pub prelude_mod: usize,
    pub root_mod: usize,
}

/// The std surface: the prelude proper, then the Unicode part (kept apart: it is large and generated-table driven).
const PRELUDE_SRC: &str = concat!(include_str!("std/prelude.rs"), include_str!("std/unicode.rs"), include_str!("std/cmp.rs"), include_str!("std/utf8.rs"), include_str!("std/hash.rs"));

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
            syn::GenericParam::Type(t) => errors.push(unsupported(
                p,
                codes::GENERICS,
                file,
                t.ident.span(),
                "generic type parameters are not supported yet",
                "generic parameter",
                "use concrete types; generics arrive with issue 4",
            )),
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
            p.fns.push(FnDef {
                name: name.clone(),
                module: mi,
                file,
                span: span_of(file, f.sig.ident.span()),
                sig: f.sig,
                block: *f.block,
                self_adt: None,
                is_prelude,
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
        syn::Item::Trait(t) => errors.push(unsupported(
            p,
            codes::TRAITS,
            file,
            t.ident.span(),
            "user-defined traits are not supported yet",
            "trait definition",
            "use inherent methods (`impl Type { ... }`); traits arrive with issue 4",
        )),
        syn::Item::Type(t) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, t.ident.span(), "type aliases are not supported yet", "type alias", "write the aliased type out")),
        syn::Item::Union(u) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, u.ident.span(), "unions are not supported", "union", "use an enum")),
        syn::Item::ForeignMod(f) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, f.abi.extern_token.span, "extern blocks are not supported", "extern block", "import host functions with #[wasm::import]")),
        syn::Item::Macro(m) => errors.push(unsupported(p, codes::UNSUPPORTED_MACRO, file, m.mac.path.span(), "macro definitions and item macros are not supported", "macro", "write the expanded items out")),
        syn::Item::ExternCrate(e) => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, e.ident.span(), "`extern crate` is not supported", "", "dependencies are not lowered yet")),
        syn::Item::Mod(_) => {}
        other => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, other.span(), "unsupported item", "", "")),
    }
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
    let Some((self_name, self_span)) = type_path_last(&imp.self_ty) else {
        errors.push(unsupported(p, codes::TRAITS, file, imp.self_ty.span(), "impl blocks are only supported on structs and enums of this crate", "", ""));
        return;
    };
    let adt = match lookup_type_simple(p, mi, &imp.self_ty) {
        Some(a) => a,
        None => {
            errors.push(unsupported(
                p,
                codes::TRAITS,
                file,
                self_span,
                &format!("impl blocks are only supported on structs and enums of this crate, not `{self_name}`"),
                "",
                "",
            ));
            return;
        }
    };
    let trait_name = imp.trait_.as_ref().and_then(|(_, path, _)| path.segments.last().map(|s| s.ident.to_string()));
    if let Some(t) = &trait_name {
        if t != "Display" && t != "Debug" {
            let sp = imp.trait_.as_ref().map(|(_, path, _)| path.span()).unwrap_or(self_span);
            errors.push(unsupported(
                p,
                codes::TRAITS,
                file,
                sp,
                &format!("implementing the trait `{t}` is not supported yet"),
                "trait impl",
                "only `fmt::Display` and `fmt::Debug` impls and #[derive(Debug, Clone, Copy, PartialEq, Eq)] are supported",
            ));
            return;
        }
    }
    for it in imp.items {
        match it {
            syn::ImplItem::Fn(f) => {
                check_sig(p, errors, file, &f.sig);
                let id = p.fns.len();
                let name = f.sig.ident.to_string();
                p.fns.push(FnDef {
                    name: format!("{}::{}", p.adts[adt].name, name),
                    module: mi,
                    file,
                    span: span_of(file, f.sig.ident.span()),
                    sig: f.sig,
                    block: f.block,
                    self_adt: Some(adt),
                    is_prelude: p.mods[mi].is_prelude,
                });
                match trait_name.as_deref() {
                    Some("Display") => {
                        p.display_impls.insert(adt, id);
                    }
                    Some("Debug") => {
                        p.debug_impls.insert(adt, id);
                    }
                    _ => {
                        p.methods.insert((adt, name), id);
                    }
                }
            }
            syn::ImplItem::Const(c) => {
                let id = p.consts.len();
                let name = c.ident.to_string();
                p.consts.push(ConstDef { self_adt: Some(adt), name: name.clone(), module: mi, file, ty: c.ty, expr: c.expr });
                p.assoc_consts.insert((adt, name), id);
            }
            other => errors.push(unsupported(p, codes::UNSUPPORTED_ITEM, file, other.span(), "unsupported impl item", "", "")),
        }
    }
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
        return Some(std_adt(p, segs).unwrap_or_else(|| Def::Std(segs.join("::"))));
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
            Def::Std(s) => return Some(Def::Std(format!("{s}::{}", segs[i + 1..].join("::")))),
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
                        let d = std_adt(p, &path).unwrap_or_else(|| Def::Std(path.join("::")));
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
