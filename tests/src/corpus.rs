//! Finding the corpus programs: `tests/programs/<name>/main.rs`.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

use crate::header::Header;

/// One corpus program.
#[derive(Debug, Clone)]
pub struct Program {
    pub name: String,
    pub source_path: PathBuf,
    pub source: String,
    pub header: Header,
}

/// All programs under `dir` whose name contains `filter`, sorted by name.
pub fn discover(dir: &Path, filter: Option<&str>) -> Result<Vec<Program>> {
    let mut programs = Vec::new();
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let entry = entry?;
        let source_path = entry.path().join("main.rs");
        if !source_path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if filter.is_some_and(|filter| !name.contains(filter)) {
            continue;
        }
        let source = std::fs::read_to_string(&source_path)
            .with_context(|| format!("cannot read {}", source_path.display()))?;
        let header = Header::parse(&source)
            .with_context(|| format!("bad header in {}", source_path.display()))?;
        programs.push(Program {
            name,
            source_path,
            source,
            header,
        });
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(programs)
}

/// Names of all programs in `dir` (unfiltered), to detect stale known-failure entries.
pub fn all_names(dir: &Path) -> Result<Vec<String>> {
    Ok(discover(dir, None)?
        .into_iter()
        .map(|program| program.name)
        .collect())
}
