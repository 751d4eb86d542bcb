//! The optional header comment of a corpus program: `// args: a b c` and `// profile: release`.

use anyhow::{Result, bail};

/// What a program's leading comment lines ask of the harness.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Command-line arguments passed to the program (after argv[0]).
    pub args: Vec<String>,
    /// Also build and run with `--release` (overflow wraps there), besides the dev profile.
    pub also_release: bool,
}

impl Header {
    /// Reads the directives from the comment lines at the top of `source`; parsing stops at the first line
    /// that is neither a `//` comment nor blank, so directives further down are ordinary comments.
    pub fn parse(source: &str) -> Result<Header> {
        let mut header = Header::default();
        for (index, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let Some(comment) = line.strip_prefix("//") else {
                break;
            };
            let comment = comment.trim_start_matches(['/', '!']).trim();
            if let Some(args) = comment.strip_prefix("args:") {
                header.args = args.split_whitespace().map(str::to_owned).collect();
            } else if let Some(profile) = comment.strip_prefix("profile:") {
                match profile.trim() {
                    "release" => header.also_release = true,
                    "dev" => {}
                    other => bail!(
                        "line {}: unknown profile `{other}` (expected `release` or `dev`)",
                        index + 1
                    ),
                }
            }
        }
        Ok(header)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_args_and_profile_from_leading_comments() {
        let source =
            "// Sums its arguments.\n// args: 1 2  3\n// profile: release\n\nfn main() {}\n";
        let header = Header::parse(source).unwrap();
        assert_eq!(header.args, ["1", "2", "3"]);
        assert!(header.also_release);
    }

    #[test]
    fn ignores_directives_after_the_first_item() {
        let source = "fn main() {}\n// args: x\n// profile: release\n";
        assert_eq!(Header::parse(source).unwrap(), Header::default());
    }

    #[test]
    fn rejects_unknown_profiles() {
        let error = Header::parse("// profile: fast\nfn main() {}").unwrap_err();
        assert!(
            error.to_string().contains("unknown profile `fast`"),
            "{error}"
        );
    }
}
