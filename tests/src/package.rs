//! The cargo package a corpus program is built from: `<work>/pkgs/<name>/{Cargo.toml,src/main.rs}`, so panic
//! locations read `src/main.rs:L:C` exactly as in a user's crate. The directory is stable across runs and files
//! are only rewritten when they change, so cargo's fingerprints make a re-run cheap.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

use crate::corpus::Program;

/// A generated package on disk.
#[derive(Debug, Clone)]
pub struct Package {
    pub dir: PathBuf,
    pub name: String,
}

impl Package {
    pub fn manifest_path(&self) -> PathBuf {
        self.dir.join("Cargo.toml")
    }
}

/// Cargo package name for a program: distinct per program so all can share a target directory.
pub fn package_name(program_name: &str) -> String {
    let sanitized: String = program_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("prog_{sanitized}")
}

/// The manifest: its own `[workspace]` so cargo does not attach it to an enclosing workspace. Programs that
/// use the GC types (`wasm::...`) depend on this repository's `wasm` facade crate.
fn manifest(name: &str, uses_wasm: bool) -> String {
    let mut m = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n[workspace]\n"
    );
    if uses_wasm {
        let facade = Path::new(env!("CARGO_MANIFEST_DIR")).join("../wasm");
        let facade = facade.canonicalize().unwrap_or(facade);
        m.push_str(&format!(
            "\n[dependencies]\nwasm = {{ path = {:?} }}\n",
            facade.display().to_string()
        ));
    }
    m
}

/// Whether a program uses the `wasm` facade crate (`use wasm::...`, `#[wasm::gc]`, `wasm::GcBox`...).
fn uses_wasm_crate(source: &str) -> bool {
    source.contains("wasm::")
}

/// Writes (or refreshes) the package of `program` under `pkgs_dir`.
pub fn write_package(pkgs_dir: &Path, program: &Program) -> Result<Package> {
    let name = package_name(&program.name);
    let dir = pkgs_dir.join(&program.name);
    write_if_changed(
        &dir.join("Cargo.toml"),
        &manifest(&name, uses_wasm_crate(&program.source)),
    )?;
    write_if_changed(&dir.join("src").join("main.rs"), &program.source)?;
    Ok(Package { dir, name })
}

fn write_if_changed(path: &Path, contents: &str) -> Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, contents).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_cargo_package_names() {
        assert_eq!(package_name("fmt_width-align"), "prog_fmt_width-align");
        assert_eq!(package_name("a.b"), "prog_a_b");
    }

    #[test]
    fn gc_programs_depend_on_the_facade_crate() {
        assert!(!manifest("p", false).contains("[dependencies]"));
        let m = manifest("p", true);
        assert!(m.contains("[dependencies]\nwasm = { path = "), "{m}");
        assert!(uses_wasm_crate("use wasm::GcBox;"));
        assert!(!uses_wasm_crate("fn main() {}"));
    }
}
