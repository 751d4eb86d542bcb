//! `#[wasm::gc]` types become exactly one named WasmGC struct type each (field names in the name section),
//! `#[wasm::export]` functions of a library are the exports of a reactor module, and duplicate export
//! names are rejected. Modules are inspected with wasmparser.

use std::collections::HashMap;
use std::path::PathBuf;
use wasmparser::{CompositeInnerType, Name, Parser, Payload, Validator, WasmFeatures};
use wasmrust_compiler::{compile, CompileOptions, CrateKind};

const LIB: &str = r#"
use wasm::{GcArray, GcBox, GcRc, GcString};

#[wasm::gc]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[wasm::gc]
pub struct Counter {
    pub label: GcString,
    pub count: i32,
}

#[wasm::gc]
pub enum Shape {
    Circle(GcBox<Point>, f64),
    Rect { corner: GcBox<Point>, w: f64, h: f64 },
    Empty,
}

#[wasm::export(name = "makePoint")]
pub fn make_point(x: f64, y: f64) -> GcBox<Point> {
    GcBox::new(Point { x, y })
}

#[wasm::export]
pub fn norm(p: GcBox<Point>) -> f64 {
    (p.x * p.x + p.y * p.y).sqrt()
}

#[wasm::export]
pub fn bump(c: GcRc<Counter>, by: i32) -> i32 {
    c.borrow_mut().count += by;
    c.borrow().count
}

#[wasm::export]
pub fn counter(label: GcString) -> GcRc<Counter> {
    GcRc::new(Counter { label, count: 0 })
}

#[wasm::export]
pub fn area(s: GcBox<Shape>) -> f64 {
    match &*s {
        Shape::Circle(_, r) => 3.0 * r * r,
        Shape::Rect { w, h, .. } => w * h,
        Shape::Empty => 0.0,
    }
}

#[wasm::export]
pub fn circle(r: f64) -> GcBox<Shape> {
    GcBox::new(Shape::Circle(GcBox::new(Point { x: 0.0, y: 0.0 }), r))
}

#[wasm::export]
pub fn sum(a: GcArray<i64>) -> i64 {
    a.iter().sum()
}

pub fn not_exported(a: GcArray<Point>) -> usize {
    a.len()
}
"#;

fn crate_dir(name: &str, lib: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wasmrust-gc-types-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
    dir
}

fn options(dir: &PathBuf, kind: CrateKind) -> CompileOptions {
    CompileOptions {
        package_root: dir.clone(),
        crate_root: dir.join("src/lib.rs"),
        crate_name: "gc_lib".into(),
        kind,
        overflow_checks: true,
        debug_assertions: true,
        optimize: false,
        features: vec![],
    }
}

/// Type names, field names per type index, which indices are structs, and the exports.
struct Inspected {
    type_names: HashMap<u32, String>,
    field_names: HashMap<u32, Vec<String>>,
    structs: Vec<u32>,
    exports: Vec<String>,
}

fn inspect(wasm: &[u8]) -> Inspected {
    Validator::new_with_features(WasmFeatures::default()).validate_all(wasm).expect("valid module");
    let mut out = Inspected { type_names: HashMap::new(), field_names: HashMap::new(), structs: vec![], exports: vec![] };
    let mut index = 0u32;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.unwrap() {
            Payload::TypeSection(r) => {
                for group in r {
                    for sub in group.unwrap().into_types() {
                        if matches!(sub.composite_type.inner, CompositeInnerType::Struct(_)) {
                            out.structs.push(index);
                        }
                        index += 1;
                    }
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    out.exports.push(e.unwrap().name.to_string());
                }
            }
            Payload::CustomSection(c) => {
                if let wasmparser::KnownCustom::Name(names) = c.as_known() {
                    for n in names {
                        match n.unwrap() {
                            Name::Type(map) => {
                                for naming in map {
                                    let naming = naming.unwrap();
                                    out.type_names.insert(naming.index, naming.name.to_string());
                                }
                            }
                            Name::Field(map) => {
                                for indirect in map {
                                    let indirect = indirect.unwrap();
                                    let fields = indirect.names.into_iter().map(|n| n.unwrap().name.to_string()).collect();
                                    out.field_names.insert(indirect.index, fields);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn struct_types_named(m: &Inspected, name: &str) -> Vec<u32> {
    m.structs.iter().copied().filter(|i| m.type_names.get(i).map(String::as_str) == Some(name)).collect()
}

#[test]
fn each_gc_type_is_exactly_one_named_struct_type() {
    let dir = crate_dir("one-struct", LIB);
    let out = compile(&options(&dir, CrateKind::Lib)).unwrap_or_else(|d| panic!("{}", d.render(false)));
    let m = inspect(&out.wasm);
    for (name, fields) in [
        ("Point", vec!["x", "y"]),
        ("Counter", vec!["label", "count"]),
        ("Shape", vec!["tag", "Circle.0", "Circle.1", "Rect.corner", "Rect.w", "Rect.h"]),
    ] {
        let found = struct_types_named(&m, name);
        assert_eq!(found.len(), 1, "`{name}` must be one struct type, found {found:?} in {:?}", m.type_names);
        assert_eq!(m.field_names.get(&found[0]).cloned().unwrap_or_default(), fields, "field names of `{name}`");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_library_is_a_reactor_exporting_its_wasm_exports() {
    let dir = crate_dir("reactor", LIB);
    let out = compile(&options(&dir, CrateKind::Lib)).unwrap_or_else(|d| panic!("{}", d.render(false)));
    let m = inspect(&out.wasm);
    for e in ["_initialize", "makePoint", "norm", "bump", "counter", "area", "circle", "sum"] {
        assert!(m.exports.iter().any(|x| x == e), "missing export `{e}` in {:?}", m.exports);
    }
    assert!(!m.exports.iter().any(|x| x == "_start" || x == "make_point" || x == "not_exported"), "{:?}", m.exports);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn duplicate_export_names_are_an_error() {
    let lib = "#[wasm::export]\npub fn a() -> i32 { 1 }\n\n#[wasm::export(name = \"a\")]\npub fn b() -> i32 { 2 }\n";
    let dir = crate_dir("dup", lib);
    let err = compile(&options(&dir, CrateKind::Lib)).expect_err("two exports named `a`");
    let text = err.render(false);
    assert!(text.contains("the export name `a` is defined multiple times"), "{text}");
    assert!(text.contains("src/lib.rs:5:8"), "points at the second function: {text}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn test_mode_lists_tests_with_attributes_and_locations() {
    let lib = "pub fn f() -> i32 { 1 }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn plain() {\n        assert_eq!(super::f(), 1);\n    }\n\n    #[test]\n    #[ignore = \"slow\"]\n    fn slow() {}\n\n    #[test]\n    #[should_panic(expected = \"boom\")]\n    fn boom() {\n        panic!(\"boom\");\n    }\n}\n";
    let dir = crate_dir("tests", lib);
    let out = compile(&options(&dir, CrateKind::Test)).unwrap_or_else(|d| panic!("{}", d.render(false)));
    let names: Vec<&str> = out.tests.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["tests::plain", "tests::slow", "tests::boom"]);
    assert_eq!(out.tests[0].location, "src/lib.rs:6:8");
    assert_eq!(out.tests[1].ignore, Some(Some("slow".into())));
    assert_eq!(out.tests[2].should_panic, wasmrust_compiler::ShouldPanic::WithMessage("boom".into()));
    let m = inspect(&out.wasm);
    assert!(m.exports.iter().any(|e| e == "_start"));
    // Not in test mode, the tests module does not exist: a library without exports has none.
    let lib_out = compile(&options(&dir, CrateKind::Lib)).unwrap_or_else(|d| panic!("{}", d.render(false)));
    assert!(lib_out.tests.is_empty());
    let _ = std::fs::remove_dir_all(dir);
}
