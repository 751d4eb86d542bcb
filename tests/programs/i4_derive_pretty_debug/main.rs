// Issue 4: {:#?} pretty Debug of derived types, derived PartialOrd/Ord ordering, Default, Hash-free.
#![allow(dead_code)]

#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Version {
    major: u32,
    minor: u32,
    patch: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Channel {
    Stable,
    Beta(u8),
    Nightly { date: String },
}

#[derive(Debug, Default)]
struct Release {
    name: String,
    version: Version,
    tags: Vec<&'static str>,
    notes: Option<String>,
    sizes: (u32, f32),
}

fn main() {
    let release = Release {
        name: "wasmrust".into(),
        version: Version { major: 0, minor: 3, patch: 1 },
        tags: vec!["gc", "wasm"],
        notes: Some("first \"public\"\nrelease".into()),
        sizes: (1024, 0.5),
    };
    println!("{release:#?}");
    println!("{:#?}", Release::default());
    println!("{:#?}", (1, "x", [Some(1.5), None]));
    let mut versions = vec![Version { major: 1, minor: 0, patch: 0 }, Version { major: 0, minor: 9, patch: 12 }, Version { major: 1, minor: 0, patch: 0 }, Version::default()];
    versions.sort();
    println!("{versions:?}");
    let mut channels = vec![Channel::Nightly { date: "2024-01-02".into() }, Channel::Beta(3), Channel::Stable, Channel::Beta(1), Channel::Nightly { date: "2023-12-31".into() }];
    channels.sort();
    println!("{channels:#?}");
    println!("{:?} {:?}", Channel::Stable < Channel::Beta(0), versions[1].cmp(&versions[2]));
    println!("{:#?}", Vec::<u8>::new());
}
