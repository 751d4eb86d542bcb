//! Pass 1: reads the module tree from the crate root (`mod foo;` files, `#[path]`, inline modules) and
//! evaluates `#[cfg]` so later passes only see items that exist for the wasm target.

use crate::diagnostics::{codes, Diagnostic, Diagnostics, Pos, SourceMap, Span};
use crate::CompileOptions;
use std::path::{Path, PathBuf};

/// A loaded module: its items after cfg-stripping, and child modules.
pub struct Module {
    /// Path segments from the crate root (empty for the root).
    pub path: Vec<String>,
    pub file: usize,
    pub items: Vec<syn::Item>,
}

/// The whole crate as parsed syntax.
pub struct Crate {
    pub sources: SourceMap,
    pub modules: Vec<Module>,
}

/// Converts a proc-macro2 span of file `file` into our span (columns 1-based, like rustc).
pub fn span_of(file: usize, s: proc_macro2::Span) -> Span {
    let a = s.start();
    let b = s.end();
    Span { file, start: Pos { line: a.line, col: a.column + 1 }, end: Pos { line: b.line, col: b.column + 1 } }
}

pub fn load(opts: &CompileOptions) -> Result<Crate, Diagnostics> {
    let mut krate = Crate { sources: SourceMap::default(), modules: Vec::new() };
    let mut loader = Loader { opts, errors: Vec::new() };
    let root = opts.crate_root.clone();
    match loader.read(&mut krate, &root, None) {
        Some((file, parsed)) => {
            let dir = root.parent().map(Path::to_path_buf).unwrap_or_default();
            loader.module(&mut krate, Vec::new(), file, parsed.items, dir, true);
        }
        None => {}
    }
    if loader.errors.is_empty() { Ok(krate) } else { Err(Diagnostics(loader.errors)) }
}

struct Loader<'a> {
    opts: &'a CompileOptions,
    errors: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn read(&mut self, krate: &mut Crate, path: &Path, from: Option<Span>) -> Option<(usize, syn::File)> {
        let display = path
            .strip_prefix(&self.opts.package_root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                let d = match from {
                    Some(sp) => krate.sources.diag(codes::IO, &sp, format!("cannot read `{display}`: {e}"), "", None),
                    None => Diagnostic {
                        code: codes::IO,
                        message: format!("cannot read `{display}`: {e}"),
                        file: display.clone(),
                        source_line: String::new(),
                        line: 0,
                        col: 0,
                        len: 1,
                        label: String::new(),
                        help: None,
                    },
                };
                self.errors.push(d);
                return None;
            }
        };
        let file = krate.sources.add(path.to_path_buf(), display, text.clone());
        match syn::parse_file(&text) {
            Ok(f) => Some((file, f)),
            Err(e) => {
                let sp = span_of(file, e.span());
                self.errors.push(krate.sources.diag(codes::PARSE, &sp, format!("syntax error: {e}"), "", None));
                None
            }
        }
    }

    /// `dir` is the directory where child `mod foo;` files are looked up.
    fn module(&mut self, krate: &mut Crate, path: Vec<String>, file: usize, items: Vec<syn::Item>, dir: PathBuf, _is_mod_rs: bool) {
        let mut kept = Vec::new();
        for item in items {
            if !self.cfg_enabled(item_attrs(&item)) {
                continue;
            }
            match item {
                syn::Item::Mod(m) => {
                    let name = m.ident.to_string();
                    let mut child_path = path.clone();
                    child_path.push(name.clone());
                    let explicit = path_attr(&m.attrs);
                    if let Some((_, inner)) = m.content {
                        let child_dir = match &explicit {
                            Some(p) => dir.join(p),
                            None => dir.join(&name),
                        };
                        self.module(krate, child_path, file, inner, child_dir, false);
                    } else {
                        let sp = span_of(file, m.ident.span());
                        let candidates: Vec<PathBuf> = match &explicit {
                            Some(p) => vec![dir.join(p)],
                            None => vec![dir.join(format!("{name}.rs")), dir.join(&name).join("mod.rs")],
                        };
                        match candidates.iter().find(|p| p.is_file()) {
                            Some(p) => {
                                let p = p.clone();
                                if let Some((f, parsed)) = self.read(krate, &p, Some(sp)) {
                                    let is_mod_rs = p.file_name().is_some_and(|n| n == "mod.rs");
                                    let child_dir = if explicit.is_some() || is_mod_rs {
                                        p.parent().map(Path::to_path_buf).unwrap_or_default()
                                    } else {
                                        dir.join(&name)
                                    };
                                    self.module(krate, child_path, f, parsed.items, child_dir, is_mod_rs);
                                }
                            }
                            None => {
                                let shown: Vec<String> = candidates
                                    .iter()
                                    .map(|c| c.strip_prefix(&self.opts.package_root).unwrap_or(c).display().to_string())
                                    .collect();
                                self.errors.push(krate.sources.diag(
                                    codes::MODULE_NOT_FOUND,
                                    &sp,
                                    format!("file not found for module `{name}`"),
                                    "",
                                    Some(format!("create {}", shown.join(" or "))),
                                ));
                            }
                        }
                    }
                }
                other => kept.push(other),
            }
        }
        krate.modules.push(Module { path, file, items: kept });
    }

    /// Evaluates every `#[cfg(...)]` attribute in `attrs` for the wasm target.
    pub fn cfg_enabled(&self, attrs: &[syn::Attribute]) -> bool {
        CFG_TEST.with(|t| t.set(self.opts.kind == crate::CrateKind::Test));
        cfg_attrs_enabled(attrs, &self.opts.features, self.opts.debug_assertions)
    }
}

/// Evaluates `#[cfg]` attributes: `target_family = "wasm"`, `target_arch = "wasm32"`, `target_os = "wasi"`,
/// `feature = "..."`, `debug_assertions`, `test` (false), combined with all/any/not.
pub fn cfg_attrs_enabled(attrs: &[syn::Attribute], features: &[String], debug_assertions: bool) -> bool {
    attrs.iter().filter(|a| a.path().is_ident("cfg")).all(|a| match &a.meta {
        syn::Meta::List(l) => match syn::parse2::<syn::Meta>(l.tokens.clone()) {
            Ok(m) => eval_cfg(&m, features, debug_assertions),
            Err(_) => true,
        },
        _ => true,
    })
}

// Whether `cfg(test)` holds: set by `Loader::cfg_enabled` for the crate being loaded (test mode).
thread_local! {
    static CFG_TEST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn eval_cfg(m: &syn::Meta, features: &[String], dbg: bool) -> bool {
    match m {
        syn::Meta::Path(p) => {
            let n = p.get_ident().map(|i| i.to_string()).unwrap_or_default();
            match n.as_str() {
                "debug_assertions" => dbg,
                "test" => CFG_TEST.with(|t| t.get()),
                "unix" | "windows" | "miri" | "doc" => false,
                _ => false,
            }
        }
        syn::Meta::NameValue(nv) => {
            let key = nv.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let val = match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => s.value(),
                _ => return false,
            };
            match key.as_str() {
                "feature" => features.iter().any(|f| *f == val),
                "target_family" => val == "wasm",
                "target_arch" => val == "wasm32",
                "target_os" => val == "wasi",
                "target_pointer_width" => val == "32",
                "target_endian" => val == "little",
                "panic" => val == "abort",
                _ => false,
            }
        }
        syn::Meta::List(l) => {
            let name = l.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let inner: Vec<syn::Meta> = l
                .parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
                .map(|p| p.into_iter().collect())
                .unwrap_or_default();
            match name.as_str() {
                "all" => inner.iter().all(|m| eval_cfg(m, features, dbg)),
                "any" => inner.iter().any(|m| eval_cfg(m, features, dbg)),
                "not" => !inner.first().is_some_and(|m| eval_cfg(m, features, dbg)),
                _ => false,
            }
        }
    }
}

fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find(|a| a.path().is_ident("path")).and_then(|a| match &a.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// Attributes of any item kind.
pub fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::TraitAlias(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}
