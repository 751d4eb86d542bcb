//! Resolves `--release` / `--profile NAME` into the settings the compiler needs, following cargo's rules:
//! built-in `dev`/`release` defaults, `[profile.*]` overrides in the workspace root manifest, and `inherits`.

use std::path::Path;

use anyhow::{Context, Result, bail};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// `dev`, `release` or a custom name.
    pub name: String,
    /// Directory under `target/wasm-gc/`: `debug` for `dev`, else the profile name (as cargo does).
    pub dir_name: String,
    pub opt_level: String,
    pub debug_assertions: bool,
    pub overflow_checks: bool,
}

impl Profile {
    fn builtin(name: &str) -> Option<Profile> {
        let dev = Profile {
            name: "dev".into(),
            dir_name: "debug".into(),
            opt_level: "0".into(),
            debug_assertions: true,
            overflow_checks: true,
        };
        match name {
            "dev" | "test" => Some(Profile { name: name.into(), ..dev }),
            "release" | "bench" => Some(Profile {
                name: name.into(),
                dir_name: "release".into(),
                opt_level: "3".into(),
                debug_assertions: false,
                overflow_checks: false,
            }),
            _ => None,
        }
    }

    /// `[unoptimized + debuginfo]` / `[optimized]`, as in cargo's Finished line.
    pub fn description(&self) -> &'static str {
        if self.opt_level == "0" { "unoptimized + debuginfo" } else { "optimized" }
    }

    pub fn optimize(&self) -> bool {
        self.opt_level != "0"
    }
}

/// The profile named on the command line, with the workspace's overrides applied.
pub fn resolve(workspace_root: &Path, release: bool, profile: Option<&str>) -> Result<Profile> {
    let name = match (release, profile) {
        (_, Some(name)) => name,
        (true, None) => "release",
        (false, None) => "dev",
    };
    if name == "debug" {
        bail!("profile name `debug` is reserved\n\nhelp: to use the dev profile, do not specify `--profile`");
    }
    let manifest_path = workspace_root.join("Cargo.toml");
    let manifest: toml::Table = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => text.parse().with_context(|| format!("could not parse `{}`", manifest_path.display()))?,
        Err(_) => toml::Table::new(),
    };
    let profiles = manifest.get("profile").and_then(|p| p.as_table()).cloned().unwrap_or_default();
    resolve_named(name, &profiles, 0)
}

fn resolve_named(name: &str, profiles: &toml::Table, depth: usize) -> Result<Profile> {
    if depth > 16 {
        bail!("profile inheritance loop involving `{name}`");
    }
    let table = profiles.get(name).and_then(|t| t.as_table());
    let mut profile = match Profile::builtin(name) {
        Some(p) => p,
        None => {
            let Some(parent) = table.and_then(|t| t.get("inherits")).and_then(|v| v.as_str()) else {
                bail!(
                    "profile `{name}` is not defined\n\nhelp: define it in the workspace Cargo.toml as \
                     `[profile.{name}]` with `inherits = \"release\"` (or \"dev\")"
                );
            };
            let mut p = resolve_named(parent, profiles, depth + 1)?;
            p.name = name.into();
            p.dir_name = name.into();
            p
        }
    };
    if Profile::builtin(name).is_some() && name != "dev" && name != "release" {
        // `test` and `bench` inherit from dev/release overrides first.
        let base = if name == "test" { "dev" } else { "release" };
        let base = resolve_named(base, profiles, depth + 1)?;
        profile = Profile { name: profile.name, dir_name: base.dir_name.clone(), ..base };
    }
    if let Some(table) = table {
        if let Some(v) = table.get("opt-level") {
            profile.opt_level = v.as_integer().map(|i| i.to_string()).or_else(|| v.as_str().map(str::to_string)).unwrap_or(profile.opt_level);
        }
        if let Some(v) = table.get("debug-assertions").and_then(|v| v.as_bool()) {
            profile.debug_assertions = v;
        }
        if let Some(v) = table.get("overflow-checks").and_then(|v| v.as_bool()) {
            profile.overflow_checks = v;
        }
    }
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profiles(src: &str) -> toml::Table {
        src.parse::<toml::Table>().unwrap().get("profile").and_then(|p| p.as_table()).cloned().unwrap_or_default()
    }

    #[test]
    fn dev_and_release_defaults_match_cargo() {
        let dev = resolve_named("dev", &toml::Table::new(), 0).unwrap();
        assert_eq!((dev.dir_name.as_str(), dev.overflow_checks, dev.debug_assertions), ("debug", true, true));
        let rel = resolve_named("release", &toml::Table::new(), 0).unwrap();
        assert_eq!((rel.dir_name.as_str(), rel.overflow_checks, rel.opt_level.as_str()), ("release", false, "3"));
    }

    #[test]
    fn custom_profile_inherits_and_overrides() {
        let t = profiles("[profile.release]\noverflow-checks = true\n[profile.fast]\ninherits = \"release\"\nopt-level = \"s\"\n");
        let fast = resolve_named("fast", &t, 0).unwrap();
        assert_eq!(fast.dir_name, "fast");
        assert_eq!(fast.opt_level, "s");
        assert!(fast.overflow_checks, "inherits release's override");
    }

    #[test]
    fn undefined_and_looping_profiles_are_errors() {
        assert!(resolve_named("nope", &toml::Table::new(), 0).unwrap_err().to_string().contains("not defined"));
        let t = profiles("[profile.a]\ninherits = \"b\"\n[profile.b]\ninherits = \"a\"\n");
        assert!(resolve_named("a", &t, 0).unwrap_err().to_string().contains("loop"));
    }
}
