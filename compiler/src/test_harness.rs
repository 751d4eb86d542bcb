//! Test mode (`CrateKind::Test`): finds the crate's `#[test]` functions and adds a synthesized module,
//! written in Rust and compiled like user code, that plays libtest's per-test part inside one wasm instance:
//! `_start` reads argv[1] (the index of the test to run) and calls that test; panics name the test as the
//! current thread (`thread 'tests::adds' panicked at ...`), and a test returning `Err(e)` prints
//! `Error: {e:?}` and exits with 1, as `Termination` does natively.
//!
//! Running, filtering and judging the tests (`should_panic`, `ignore`) is the runner's job (`cargo wasm test`).

use crate::diagnostics::{codes, Diagnostic, Diagnostics};
use crate::load::{span_of, Crate, Module};

/// Module path of the synthesized harness.
pub const HARNESS_MOD: &str = "__wasmrust_test";
/// The harness function the prelude's `thread_name` is redirected to in test mode.
pub const THREAD_NAME_FN: &str = "__wasmrust_thread_name";

/// One `#[test]` function, as libtest describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestDesc {
    /// Path inside the crate, e.g. `tests::adds` (the name libtest prints).
    pub name: String,
    /// `None` unless `#[ignore]`; `Some(Some(reason))` for `#[ignore = "reason"]`.
    pub ignore: Option<Option<String>>,
    pub should_panic: ShouldPanic,
    /// `src/lib.rs:L:C` of the function's name.
    pub location: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShouldPanic {
    No,
    Yes,
    WithMessage(String),
}

/// A test function found in the crate, with how its result is reported.
struct Found {
    desc: TestDesc,
    /// `crate::tests::adds`.
    call_path: String,
    returns_value: bool,
}

/// Collects the `#[test]` functions of `krate` (index = position in the returned list) and appends the
/// harness module. Errors: test functions with parameters or generics, which rustc rejects too.
pub fn install(krate: &mut Crate) -> Result<Vec<TestDesc>, Diagnostics> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for module in &krate.modules {
        for item in &module.items {
            let syn::Item::Fn(f) = item else { continue };
            if !f.attrs.iter().any(|a| a.path().is_ident("test")) {
                continue;
            }
            let span = span_of(module.file, f.sig.ident.span());
            if !f.sig.inputs.is_empty() || !f.sig.generics.params.is_empty() || f.sig.asyncness.is_some() {
                errors.push(krate.sources.diag(
                    codes::UNSUPPORTED_ITEM,
                    &span,
                    "functions used as tests can not have any arguments or generic parameters",
                    "",
                    None,
                ));
                continue;
            }
            let mut segments = module.path.clone();
            segments.push(f.sig.ident.to_string());
            let file = &krate.sources.files[module.file].display;
            found.push(Found {
                desc: TestDesc {
                    name: segments.join("::"),
                    ignore: ignore_attr(&f.attrs),
                    should_panic: should_panic_attr(&f.attrs),
                    location: format!("{file}:{}:{}", span.start.line, span.start.col),
                },
                call_path: format!("crate::{}", segments.join("::")),
                returns_value: !matches!(&f.sig.output, syn::ReturnType::Default)
                    && !matches!(&f.sig.output, syn::ReturnType::Type(_, t) if is_unit(t)),
            });
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let source = harness_source(&found);
    let file = krate.sources.add(
        format!("<wasmrust-test>/{HARNESS_MOD}.rs").into(),
        format!("<wasmrust-test>/{HARNESS_MOD}.rs"),
        source.clone(),
    );
    match syn::parse_file(&source) {
        Ok(parsed) => krate.modules.push(Module { path: vec![HARNESS_MOD.to_string()], file, items: parsed.items }),
        Err(e) => {
            return Err(Diagnostics(vec![Diagnostic {
                code: codes::ICE,
                message: format!("internal compiler error: the test harness does not parse: {e}"),
                file: String::new(),
                source_line: String::new(),
                line: 0,
                col: 0,
                len: 1,
                label: String::new(),
                help: None,
            }]));
        }
    }
    Ok(found.into_iter().map(|f| f.desc).collect())
}

/// Whether `program` was loaded in test mode (its entry is the harness, not a `main`).
pub fn is_installed(program: &crate::resolve::Program) -> bool {
    program.mods.iter().any(|m| m.path.len() == 1 && m.path[0] == HARNESS_MOD)
}

fn is_unit(t: &syn::Type) -> bool {
    matches!(t, syn::Type::Tuple(tt) if tt.elems.is_empty())
}

/// `#[ignore]` / `#[ignore = "reason"]`.
fn ignore_attr(attrs: &[syn::Attribute]) -> Option<Option<String>> {
    let a = attrs.iter().find(|a| a.path().is_ident("ignore"))?;
    Some(match &a.meta {
        syn::Meta::NameValue(nv) => str_lit(&nv.value),
        _ => None,
    })
}

/// `#[should_panic]`, `#[should_panic = "msg"]`, `#[should_panic(expected = "msg")]`.
fn should_panic_attr(attrs: &[syn::Attribute]) -> ShouldPanic {
    let Some(a) = attrs.iter().find(|a| a.path().is_ident("should_panic")) else { return ShouldPanic::No };
    let expected = match &a.meta {
        syn::Meta::Path(_) => None,
        syn::Meta::NameValue(nv) => str_lit(&nv.value),
        syn::Meta::List(l) => l
            .parse_args::<syn::MetaNameValue>()
            .ok()
            .filter(|nv| nv.path.is_ident("expected"))
            .and_then(|nv| str_lit(&nv.value)),
    };
    match expected {
        Some(m) => ShouldPanic::WithMessage(m),
        None => ShouldPanic::Yes,
    }
}

fn str_lit(e: &syn::Expr) -> Option<String> {
    match e {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
        _ => None,
    }
}

/// The harness in Rust: dispatch on argv[1], and the thread name for panic reports.
fn harness_source(tests: &[Found]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    s.push_str(
        "fn __wasmrust_test_index() -> usize {\n\
         \x20   let args: Vec<String> = std::env::args().collect();\n\
         \x20   if args.len() < 2 {\n        return 4294967295;\n    }\n\
         \x20   let mut n: usize = 0;\n\
         \x20   for c in args[1].chars() {\n\
         \x20       match c.to_digit(10) {\n\
         \x20           Some(d) => n = n.wrapping_mul(10).wrapping_add(d as usize),\n\
         \x20           None => return 4294967295,\n\
         \x20       }\n    }\n    n\n}\n\n",
    );
    let _ = writeln!(s, "pub fn {THREAD_NAME_FN}() -> &'static str {{");
    s.push_str("    let i = __wasmrust_test_index();\n");
    for (i, t) in tests.iter().enumerate() {
        let _ = writeln!(s, "    if i == {i} {{\n        return {:?};\n    }}", t.desc.name);
    }
    s.push_str("    \"main\"\n}\n\n");
    s.push_str("pub fn main() {\n    let i = __wasmrust_test_index();\n");
    for (i, t) in tests.iter().enumerate() {
        if t.returns_value {
            let _ = writeln!(
                s,
                "    if i == {i} {{\n        match {}() {{\n            Ok(_) => {{}}\n            Err(e) => {{\n                eprintln!(\"Error: {{:?}}\", e);\n                std::process::exit(1);\n            }}\n        }}\n        return;\n    }}",
                t.call_path
            );
        } else {
            let _ = writeln!(s, "    if i == {i} {{\n        {}();\n        return;\n    }}", t.call_path);
        }
    }
    s.push_str("    eprintln!(\"error: no test with this index\");\n    std::process::exit(2);\n}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(src: &str) -> Vec<syn::Attribute> {
        let f: syn::ItemFn = syn::parse_str(&format!("{src} fn f() {{}}")).unwrap();
        f.attrs
    }

    #[test]
    fn reads_should_panic_forms() {
        assert_eq!(should_panic_attr(&attrs("#[test]")), ShouldPanic::No);
        assert_eq!(should_panic_attr(&attrs("#[should_panic]")), ShouldPanic::Yes);
        assert_eq!(should_panic_attr(&attrs("#[should_panic = \"boom\"]")), ShouldPanic::WithMessage("boom".into()));
        assert_eq!(
            should_panic_attr(&attrs("#[should_panic(expected = \"out of\")]")),
            ShouldPanic::WithMessage("out of".into())
        );
    }

    #[test]
    fn reads_ignore_forms() {
        assert_eq!(ignore_attr(&attrs("#[test]")), None);
        assert_eq!(ignore_attr(&attrs("#[ignore]")), Some(None));
        assert_eq!(ignore_attr(&attrs("#[ignore = \"slow\"]")), Some(Some("slow".into())));
    }

    #[test]
    fn harness_parses_and_dispatches_each_test() {
        let t = |name: &str, value: bool| Found {
            desc: TestDesc { name: name.into(), ignore: None, should_panic: ShouldPanic::No, location: String::new() },
            call_path: format!("crate::{name}"),
            returns_value: value,
        };
        let src = harness_source(&[t("tests::a", false), t("b", true)]);
        syn::parse_file(&src).expect("harness parses");
        assert!(src.contains("if i == 0 {\n        crate::tests::a();"));
        assert!(src.contains("match crate::b() {"));
        assert!(src.contains("return \"tests::a\";"));
    }
}
