//! Which cargo features are on for the package, computed the way cargo does it for a single package:
//! `default` unless `--no-default-features`, plus `--features`, closed over features that enable features.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, bail};

use crate::cli::BuildOptions;

pub fn enabled_features(declared: &BTreeMap<String, Vec<String>>, opts: &BuildOptions) -> Result<Vec<String>> {
    let mut wanted: Vec<String> = Vec::new();
    if opts.all_features {
        wanted.extend(declared.keys().cloned());
    }
    if !opts.no_default_features && declared.contains_key("default") {
        wanted.push("default".into());
    }
    for list in &opts.features {
        for name in list.split([',', ' ']).filter(|s| !s.is_empty()) {
            if name.contains('/') {
                // `dep/feature` toggles a dependency's feature; it does not change this crate's cfgs.
                continue;
            }
            if !declared.contains_key(name) {
                bail!(
                    "the package does not contain this feature: {name}\n\nhelp: declared features: {}",
                    if declared.is_empty() { "(none)".to_string() } else { declared.keys().cloned().collect::<Vec<_>>().join(", ") }
                );
            }
            wanted.push(name.to_string());
        }
    }
    let mut on = BTreeSet::new();
    while let Some(name) = wanted.pop() {
        if !on.insert(name.clone()) {
            continue;
        }
        for implied in declared.get(&name).into_iter().flatten() {
            // `dep:x` and `x/y` refer to dependencies, not to features of this crate.
            if !implied.starts_with("dep:") && !implied.contains('/') && declared.contains_key(implied.as_str()) {
                wanted.push(implied.clone());
            }
        }
    }
    Ok(on.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn opts(args: &[&str]) -> BuildOptions {
        #[derive(Parser)]
        struct P {
            #[command(flatten)]
            b: BuildOptions,
        }
        let mut argv = vec!["x"];
        argv.extend_from_slice(args);
        P::parse_from(argv).b
    }

    fn declared() -> BTreeMap<String, Vec<String>> {
        let mut m = BTreeMap::new();
        m.insert("default".into(), vec!["std".into()]);
        m.insert("std".into(), vec![]);
        m.insert("fast".into(), vec!["simd".into(), "dep:foo".into()]);
        m.insert("simd".into(), vec![]);
        m
    }

    #[test]
    fn defaults_and_implications() {
        assert_eq!(enabled_features(&declared(), &opts(&[])).unwrap(), ["default", "std"]);
        assert_eq!(
            enabled_features(&declared(), &opts(&["--no-default-features", "-F", "fast"])).unwrap(),
            ["fast", "simd"]
        );
    }

    #[test]
    fn unknown_feature_is_an_error() {
        let err = enabled_features(&declared(), &opts(&["--features", "nope"])).unwrap_err();
        assert!(err.to_string().contains("does not contain this feature: nope"));
    }
}
