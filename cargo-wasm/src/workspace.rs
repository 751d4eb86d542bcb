//! Reads the workspace through `cargo metadata` (never by parsing manifests ourselves, so workspaces,
//! inheritance and path rules are exactly cargo's) and picks the package and target a command acts on.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

use crate::cli::BuildOptions;

#[derive(Debug, Deserialize)]
pub struct Metadata {
    pub packages: Vec<Package>,
    pub workspace_members: Vec<String>,
    #[serde(default)]
    pub workspace_default_members: Vec<String>,
    pub target_directory: PathBuf,
    pub workspace_root: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Package {
    pub name: String,
    pub version: String,
    pub id: String,
    pub manifest_path: PathBuf,
    pub targets: Vec<Target>,
    #[serde(default)]
    pub features: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub default_run: Option<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Target {
    pub name: String,
    pub kind: Vec<String>,
    pub crate_types: Vec<String>,
    pub src_path: PathBuf,
    #[serde(default)]
    pub edition: String,
    #[serde(default)]
    pub test: bool,
}

impl Package {
    pub fn root(&self) -> &Path {
        self.manifest_path.parent().unwrap_or(Path::new("."))
    }
}

impl Target {
    pub fn is_bin(&self) -> bool {
        self.kind.iter().any(|k| k == "bin")
    }
    pub fn is_lib(&self) -> bool {
        self.kind.iter().any(|k| matches!(k.as_str(), "lib" | "rlib" | "cdylib" | "dylib" | "staticlib"))
    }
}

/// Which kind of crate a command wants out of a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// `build`: the lib if asked with --lib, the named --bin, else the only bin, else the lib.
    Build,
    /// `run`: a binary.
    Run,
    /// `test`: the lib if there is one, else the bin.
    Test,
}

/// Program used to call cargo: `$CARGO` when cargo started us, else `cargo` from PATH.
pub fn cargo_program() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

pub fn load_metadata(opts: &BuildOptions) -> Result<Metadata> {
    let mut cmd = Command::new(cargo_program());
    cmd.args(["metadata", "--format-version", "1", "--no-deps"]);
    if let Some(path) = &opts.manifest_path {
        if !path.exists() {
            bail!("manifest path `{}` does not exist", path.display());
        }
        cmd.arg("--manifest-path").arg(path);
    }
    for (flag, on) in [("--locked", opts.locked), ("--offline", opts.offline), ("--frozen", opts.frozen)] {
        if on {
            cmd.arg(flag);
        }
    }
    let output = cmd.output().context("could not run `cargo metadata` (is cargo on PATH?)")?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr = stderr.trim().strip_prefix("error: ").unwrap_or(stderr.trim());
        bail!("{stderr}");
    }
    let mut metadata: Metadata =
        serde_json::from_slice(&output.stdout).context("could not parse the output of `cargo metadata`")?;
    if let Some(dir) = &opts.target_dir {
        metadata.target_directory = std::env::current_dir()?.join(dir);
    }
    Ok(metadata)
}

/// The package a command acts on: `-p`, else the package whose manifest was named or that contains the
/// current directory, else the workspace's only default member.
pub fn select_package<'m>(metadata: &'m Metadata, opts: &BuildOptions) -> Result<&'m Package> {
    let members: Vec<&Package> =
        metadata.packages.iter().filter(|p| metadata.workspace_members.contains(&p.id)).collect();
    if let Some(spec) = &opts.package {
        let (name, version) = spec.split_once('@').unwrap_or((spec.as_str(), ""));
        return members
            .iter()
            .copied()
            .find(|p| p.name == name && (version.is_empty() || p.version == version))
            .ok_or_else(|| {
                let names: Vec<&str> = members.iter().map(|p| p.name.as_str()).collect();
                anyhow!(
                    "package ID specification `{spec}` did not match any packages\n\n\
                     help: the workspace has: {}",
                    names.join(", ")
                )
            });
    }
    let manifest = match &opts.manifest_path {
        Some(path) => Some(std::fs::canonicalize(path).with_context(|| format!("{}", path.display()))?),
        None => find_manifest_upwards(&std::env::current_dir()?),
    };
    if let Some(manifest) = manifest {
        if let Some(p) = members.iter().find(|p| p.manifest_path == manifest) {
            return Ok(p);
        }
    }
    let defaults: Vec<&Package> = if metadata.workspace_default_members.is_empty() {
        members.clone()
    } else {
        members.iter().copied().filter(|p| metadata.workspace_default_members.contains(&p.id)).collect()
    };
    match defaults.as_slice() {
        [only] => Ok(only),
        _ => bail!(
            "`cargo wasm` needs one package, but this is a virtual workspace with several\n\n\
             help: pick one with `-p <NAME>` or `--manifest-path <PATH>`; members: {}",
            defaults.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn find_manifest_upwards(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join("Cargo.toml")).find(|m| m.is_file()).and_then(|m| m.canonicalize().ok())
}

/// Picks the target (bin or lib) within the package.
pub fn select_target<'p>(package: &'p Package, opts: &BuildOptions, want: Want) -> Result<&'p Target> {
    let bins: Vec<&Target> = package.targets.iter().filter(|t| t.is_bin()).collect();
    let lib = package.targets.iter().find(|t| t.is_lib());
    if let Some(name) = &opts.bin {
        return bins.iter().copied().find(|t| &t.name == name).ok_or_else(|| {
            anyhow!(
                "no bin target named `{name}` in package `{}`\n\nhelp: available bin targets: {}",
                package.name,
                if bins.is_empty() { "(none)".to_string() } else { bins.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ") }
            )
        });
    }
    if opts.lib {
        if want == Want::Run {
            bail!("`cargo wasm run` runs a binary; `--lib` cannot be run (use `--invoke` on a built module)");
        }
        return lib.ok_or_else(|| anyhow!("no library targets found in package `{}`", package.name));
    }
    let pick_bin = || -> Result<&'p Target> {
        match bins.as_slice() {
            [only] => Ok(only),
            [] => bail!("a bin target must be available for `cargo wasm run`"),
            many => {
                if let Some(default) = &package.default_run {
                    if let Some(t) = many.iter().find(|t| &t.name == default) {
                        return Ok(t);
                    }
                }
                bail!(
                    "`cargo wasm run` could not determine which binary to run. Use the `--bin` option to specify a binary\n\
                     available binaries: {}",
                    many.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ")
                )
            }
        }
    };
    match want {
        Want::Run => pick_bin(),
        Want::Test => lib.or(bins.first().copied()).ok_or_else(|| anyhow!("no lib or bin target to test")),
        Want::Build => match (bins.len(), lib) {
            (1, _) => Ok(bins[0]),
            (0, Some(lib)) => Ok(lib),
            (0, None) => bail!("package `{}` has no lib or bin target", package.name),
            _ => pick_bin(),
        },
    }
}
