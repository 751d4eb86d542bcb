//! Every program in `tests/rejects/` uses Rust the lowering does not support. Each must be rejected with
//! the stable code and `line:col` in its `expected.txt`, rendered rustc-style with the source line and a caret.

use std::path::{Path, PathBuf};
use wasmrust_compiler::{compile, CompileOptions, CrateKind};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Copies `main.rs` into a fresh package (`<tmp>/src/main.rs`) and returns its options.
fn package(name: &str, source: &str) -> CompileOptions {
    let dir = std::env::temp_dir().join(format!("wasmrust-rejects-{}-{name}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let main = dir.join("src").join("main.rs");
    std::fs::write(&main, source).unwrap();
    CompileOptions {
        package_root: dir,
        crate_root: main,
        crate_name: name.into(),
        kind: CrateKind::Bin,
        overflow_checks: true,
        debug_assertions: true,
        optimize: false,
        features: vec![],
    }
}

#[test]
fn rejects_report_expected_code_and_location() {
    let root = workspace().join("tests").join("rejects");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 20, "expected at least 20 reject programs, found {}", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(dir.join("main.rs")).unwrap();
        let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
        let mut lines = expected.lines();
        let code = lines.next().unwrap().trim().to_string();
        let loc = lines.next().unwrap().trim().to_string();
        let opts = package(&name, &source);
        match compile(&opts) {
            Ok(_) => failures.push(format!("{name}: compiled, but should be rejected with {code}")),
            Err(d) => {
                let text = d.render(false);
                let first = text.lines().next().unwrap_or("");
                if !first.starts_with(&format!("{code}:")) {
                    failures.push(format!("{name}: first error is `{first}`, expected {code}"));
                }
                if !text.contains(&format!("--> {loc}\n")) {
                    failures.push(format!("{name}: location {loc} not reported:\n{text}"));
                }
                // The offending source line and a caret are shown.
                let (_, lc) = loc.split_once(':').unwrap();
                let line_no: usize = lc.split(':').next().unwrap().parse().unwrap();
                let src_line = source.lines().nth(line_no - 1).unwrap();
                if !text.contains(src_line) || !text.contains('^') {
                    failures.push(format!("{name}: source line or caret missing:\n{text}"));
                }
                if d.0.iter().any(|x| x.code == "W0000") {
                    failures.push(format!("{name}: internal compiler error:\n{text}"));
                }
            }
        }
        let _ = std::fs::remove_dir_all(opts.package_root);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Truncated corpus programs (mostly syntax errors) must produce diagnostics, never a panic or ICE.
#[test]
fn truncated_programs_never_crash_the_compiler() {
    let root = workspace().join("tests").join("programs");
    let Ok(entries) = std::fs::read_dir(&root) else { return };
    let mut checked = 0;
    for e in entries.flatten() {
        let src = match std::fs::read_to_string(e.path().join("main.rs")) {
            Ok(s) => s,
            Err(_) => continue,
        };
        let lines: Vec<&str> = src.lines().collect();
        for cut in [lines.len() / 3, lines.len() / 2, lines.len() * 3 / 4] {
            let truncated = lines[..cut].join("\n");
            let name = format!("trunc-{}-{cut}", e.file_name().to_string_lossy());
            let opts = package(&name, &truncated);
            if let Err(d) = compile(&opts) {
                let ice: Vec<_> = d.0.iter().filter(|x| x.code == "W0000").collect();
                assert!(ice.is_empty(), "{name}: {}", d.render(false));
            }
            let _ = std::fs::remove_dir_all(opts.package_root);
            checked += 1;
        }
    }
    let _ = checked;
}

/// Rendering follows rustc's layout.
#[test]
fn diagnostics_render_like_rustc() {
    let opts = package("render", "fn main() {\n    let x: *const u8;\n    println!(\"hi\");\n}\n");
    let d = compile(&opts).unwrap_err();
    let text = d.render(false);
    let expected_head = "error[W0103]: raw pointers are not supported\n --> src/main.rs:2:12\n  |\n2 |     let x: *const u8;\n  |            ^^^^^^^^^\n  = help: use references or Box\n";
    assert!(text.starts_with(expected_head), "got:\n{text}");
    assert!(text.contains("aborting due to 1 previous error"));
    let _ = std::fs::remove_dir_all(opts.package_root);
}
