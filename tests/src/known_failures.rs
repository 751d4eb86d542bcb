//! `tests/programs/KNOWN_FAILURES`: programs expected to fail today, one per line as `name reason...`.
//! The list may only shrink: a listed program that passes is an error, so fixed programs get unlisted.

use anyhow::{Result, bail};
use std::collections::BTreeMap;

const FILE_HEADER: &str = "\
# Corpus programs expected to fail today: `<program> <reason>`, one per line.
# A listed program that passes is reported as a stale entry (an error): remove it.
# Regenerate with `cargo run --release -p wasmrust-tests -- programs --update-known-failures`.
";

/// Program name → reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownFailures {
    pub entries: BTreeMap<String, String>,
}

impl KnownFailures {
    /// Parses the file's text; blank lines and `#` comments are skipped, every entry needs a reason.
    pub fn parse(text: &str) -> Result<KnownFailures> {
        let mut entries = BTreeMap::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let reason = reason.trim();
            if reason.is_empty() {
                bail!(
                    "KNOWN_FAILURES line {}: `{name}` needs a reason after the name",
                    index + 1
                );
            }
            if entries.insert(name.to_owned(), reason.to_owned()).is_some() {
                bail!(
                    "KNOWN_FAILURES line {}: `{name}` is listed twice",
                    index + 1
                );
            }
        }
        Ok(KnownFailures { entries })
    }

    pub fn reason(&self, name: &str) -> Option<&str> {
        self.entries.get(name).map(String::as_str)
    }

    /// The file's text, entries sorted by name.
    pub fn render(&self) -> String {
        let mut text = FILE_HEADER.to_owned();
        for (name, reason) in &self.entries {
            let reason = reason.replace('\n', " ");
            text.push_str(&format!("{name} {reason}\n"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_render() {
        let list = KnownFailures::parse(
            "# comment\n\nb_prog   wasm build failed: W0001\na_prog stdout differs\n",
        )
        .unwrap();
        assert_eq!(list.reason("b_prog"), Some("wasm build failed: W0001"));
        assert_eq!(KnownFailures::parse(&list.render()).unwrap(), list);
        assert!(list.render().find("a_prog").unwrap() < list.render().find("b_prog").unwrap());
    }

    #[test]
    fn an_entry_without_reason_is_an_error() {
        let error = KnownFailures::parse("lonely\n").unwrap_err();
        assert!(
            error.to_string().contains("`lonely` needs a reason"),
            "{error}"
        );
    }

    #[test]
    fn duplicates_are_an_error() {
        assert!(KnownFailures::parse("a x\na y\n").is_err());
    }
}
