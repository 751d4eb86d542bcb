//! End-to-end: compile small programs, validate, and (when the PyPI `wasmtime` module is installed) run
//! them and compare with the output rustc's binary would print.

use std::path::Path;
use std::process::Command;
use wasmrust_compiler::{compile, CompileOptions, CrateKind};

fn build(name: &str, src: &str, release: bool) -> Vec<u8> {
    compile_src(name, src, release).wasm
}

/// Compiles `src` as the `src/main.rs` of a bin crate and validates the module.
fn compile_src(name: &str, src: &str, release: bool) -> wasmrust_compiler::CompileOutput {
    let dir = std::env::temp_dir().join(format!("wasmrust-e2e-{}-{name}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let main = dir.join("src/main.rs");
    std::fs::write(&main, src).unwrap();
    let opts = CompileOptions {
        package_root: dir.clone(),
        crate_root: main,
        crate_name: name.into(),
        kind: CrateKind::Bin,
        overflow_checks: !release,
        debug_assertions: !release,
        optimize: release,
        features: vec![],
    };
    let out = compile(&opts).unwrap_or_else(|d| panic!("{}", d.render(false)));
    let _ = std::fs::remove_dir_all(dir);
    wasmparser::Validator::new().validate_all(&out.wasm).expect("valid module");
    out
}

/// Runs with wasmtime through Python; None when the binding is not installed.
fn run(name: &str, wasm: &[u8]) -> Option<(i32, String, String)> {
    let ok = Command::new("python3").args(["-c", "import wasmtime"]).output().ok()?.status.success();
    if !ok {
        return None;
    }
    let path = std::env::temp_dir().join(format!("wasmrust-e2e-{}-{name}.wasm", std::process::id()));
    std::fs::write(&path, wasm).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/run_wasm.py");
    let out = Command::new("python3").arg(script).arg(&path).output().ok()?;
    let _ = std::fs::remove_file(path);
    Some((out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into()))
}

#[test]
fn hello_world_is_tiny_and_runs() {
    let wasm = build("hello", "fn main() {\n    println!(\"Hello, world!\");\n}\n", false);
    assert!(wasm.len() < 2048, "hello world is {} bytes", wasm.len());
    if let Some((code, out, err)) = run("hello", &wasm) {
        assert_eq!((code, out.as_str(), err.as_str()), (0, "Hello, world!\n", ""));
    }
}

#[test]
fn overflow_panics_in_dev_and_wraps_in_release() {
    let src = "fn main() {\n    let mut x: u8 = 250;\n    for _ in 0..10 {\n        x += 1;\n    }\n    println!(\"{x}\");\n}\n";
    let dev = build("ovf-dev", src, false);
    if let Some((code, out, err)) = run("ovf-dev", &dev) {
        assert_eq!(code, 101);
        assert_eq!(out, "");
        assert_eq!(err, "\nthread 'main' panicked at src/main.rs:4:9:\nattempt to add with overflow\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
    }
    let rel = build("ovf-rel", src, true);
    if let Some((code, out, _)) = run("ovf-rel", &rel) {
        assert_eq!((code, out.as_str()), (0, "4\n"));
    }
}

#[test]
fn structs_enums_vectors_and_formatting() {
    let src = r#"
#[derive(Debug, Clone, PartialEq)]
enum Shape { Circle { r: f64 }, Rect(u32, u32), Empty }

fn area(s: &Shape) -> f64 {
    match s {
        Shape::Circle { r } => 3.0 * r * r,
        Shape::Rect(w, h) => (*w * *h) as f64,
        Shape::Empty => 0.0,
    }
}

fn main() {
    let shapes = vec![Shape::Circle { r: 1.5 }, Shape::Rect(2, 3), Shape::Empty];
    let total: f64 = shapes.iter().map(|s| area(s)).sum();
    println!("{:?}", shapes);
    println!("total={total:.2} [{:>6}] [{:<4}] {:#x} {:+}", "ab", 7, 255, 3);
    let words: Vec<String> = "b a c".split_whitespace().map(|w| w.to_uppercase()).collect();
    println!("{}", words.join("-"));
    std::process::exit(3);
}
"#;
    let wasm = build("mixed", src, false);
    if let Some((code, out, _)) = run("mixed", &wasm) {
        assert_eq!(code, 3);
        assert_eq!(
            out,
            "[Circle { r: 1.5 }, Rect(2, 3), Empty]\ntotal=12.75 [    ab] [7   ] 0xff +3\nB-A-C\n"
        );
    }
}

/// Thin monomorphization: `Stack<String>`, `Stack<Point>` and `Stack<Vec<i32>>` share one body per
/// method (their type parameter has no bound and they differ only in GC reference types), while
/// `Stack<i32>` keeps its own. The corpus program `i4t_thin_generics` checks the output three ways.
#[test]
fn thin_instances_share_one_body() {
    let src = r#"
struct Point { x: i32, y: i32 }
struct Stack<T> { items: Vec<T> }
impl<T> Stack<T> {
    fn new() -> Self { Stack { items: Vec::new() } }
    fn push(&mut self, x: T) { self.items.push(x); }
    fn pop(&mut self) -> Option<T> { self.items.pop() }
}
fn main() {
    let mut a = Stack::new();
    a.push(String::from("s"));
    let mut b = Stack::new();
    b.push(Point { x: 1, y: 2 });
    let mut c = Stack::new();
    c.push(vec![1, 2]);
    let mut d = Stack::new();
    d.push(7);
    let p = b.pop().unwrap();
    println!("{:?} {} {:?} {:?}", a.pop(), p.x + p.y, c.pop(), d.pop());
}
"#;
    let out = compile_src("thin", src, false);
    // 3 reference instances of each of new/push/pop go to 3 thin instances.
    assert_eq!((out.stats.thin_instances, out.stats.thin_bodies), (9, 3), "{:?}", out.stats);
    let names = function_names(&out.wasm);
    let count = |n: &str| names.iter().filter(|x| x.as_str() == n).count();
    // One shared body + the i32 one.
    assert_eq!((count("Stack::push"), count("Stack::pop")), (2, 2), "{names:?}");
    // The shared bodies compute what rustc's build computes.
    if let (Some((code, out, _)), Some(native)) = (run("thin", &out.wasm), native_stdout("thin", src)) {
        assert_eq!((code, out), (0, native));
    }
}

/// The stdout of `src` built natively by rustc; None when rustc is not on the PATH.
fn native_stdout(name: &str, src: &str) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("wasmrust-e2e-native-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let (main, exe) = (dir.join("main.rs"), dir.join("prog"));
    std::fs::write(&main, src).ok()?;
    let built = Command::new(std::env::var_os("RUSTC").unwrap_or("rustc".into())).args(["--edition", "2021", "-o"]).arg(&exe).arg(&main).output().ok()?;
    assert!(built.status.success(), "rustc rejected the test program: {}", String::from_utf8_lossy(&built.stderr));
    let out = Command::new(&exe).output().ok()?;
    let _ = std::fs::remove_dir_all(dir);
    Some(String::from_utf8_lossy(&out.stdout).into())
}

fn function_names(wasm: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::CustomSection(c)) = payload {
            if let wasmparser::KnownCustom::Name(reader) = c.as_known() {
                for n in reader.flatten() {
                    if let wasmparser::Name::Function(map) = n {
                        names.extend(map.into_iter().flatten().map(|n| n.name.to_string()));
                    }
                }
            }
        }
    }
    names
}

/// The same source always gives the same module (the passes iterate hash maps: their order must not
/// leak into the output). Two corpus programs with generic instances, thin ones and Display impls.
#[test]
fn compilation_is_deterministic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    for prog in ["i4t_thin_generics", "i4_generic_matrix_ops", "i4g_generic_containers"] {
        let src = std::fs::read_to_string(root.join(prog).join("main.rs")).unwrap();
        let first = build(prog, &src, false);
        for _ in 0..4 {
            assert!(build(prog, &src, false) == first, "{prog}: two compilations differ");
        }
    }
}
