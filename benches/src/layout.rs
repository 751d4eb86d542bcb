//! Static figures of a module file: raw and gzip size, and how many bytes must arrive before its
//! first export can run (the streaming start-up figure from the design).

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::{Command, Stdio};
use std::io::Write;
use wasmparser::{ElementItems, ExternalKind, Operator, Parser, Payload, TypeRef};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Layout {
    pub raw: u64,
    pub gzip: u64,
    /// Name of the root export (`_start` if present, else the first exported function).
    pub root: String,
    /// File offset where the root's own code body ends: everything before it must arrive.
    pub root_body_end: u64,
    /// File offset where the last body reachable from the root (calls, `ref.func`, and every
    /// table element once an indirect call is reachable) ends: the stricter figure.
    pub reachable_end: u64,
    /// Functions defined in the module, and how many are reachable from the root.
    pub functions: u32,
    pub reachable_functions: u32,
    /// Bytes of the data section (it follows the code section and is needed at instantiation).
    pub data_bytes: u64,
    /// Bytes in custom sections (names, producers, ...), headers included: what stripping removes.
    #[serde(default)]
    pub custom_bytes: u64,
}

/// gzip -9 size, as a transfer-size proxy.
pub fn gzip_size(bytes: &[u8]) -> Result<u64> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("running gzip")?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output()?;
    writer.join().map_err(|_| anyhow::anyhow!("gzip writer panicked"))??;
    if !out.status.success() {
        bail!("gzip failed");
    }
    Ok(out.stdout.len() as u64)
}

pub fn analyze_file(path: &Path) -> Result<Layout> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut layout = analyze(&bytes).with_context(|| format!("parsing {}", path.display()))?;
    layout.gzip = gzip_size(&bytes)?;
    Ok(layout)
}

/// One defined function's body: where it ends and what it can reach.
struct Body {
    end: u64,
    direct: Vec<u32>,
    indirect: bool,
}

pub fn analyze(bytes: &[u8]) -> Result<Layout> {
    let mut imported_funcs = 0u32;
    let mut exports: Vec<(String, u32)> = Vec::new();
    let mut start_func: Option<u32> = None;
    let mut table_funcs: BTreeSet<u32> = BTreeSet::new();
    let mut const_refs: BTreeSet<u32> = BTreeSet::new();
    let mut bodies: Vec<Body> = Vec::new();
    let mut data_bytes = 0;
    let mut custom_bytes = 0;

    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if let TypeRef::Func(_) = import?.ty {
                        imported_funcs += 1;
                    }
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    if export.kind == ExternalKind::Func {
                        exports.push((export.name.to_string(), export.index));
                    }
                }
            }
            Payload::StartSection { func, .. } => start_func = Some(func),
            Payload::ElementSection(reader) => {
                for element in reader {
                    match element?.items {
                        ElementItems::Functions(funcs) => {
                            for f in funcs {
                                table_funcs.insert(f?);
                            }
                        }
                        ElementItems::Expressions(_, exprs) => {
                            for expr in exprs {
                                let mut ops = expr?.get_operators_reader();
                                while !ops.eof() {
                                    if let Operator::RefFunc { function_index } = ops.read()? {
                                        table_funcs.insert(function_index);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    let mut ops = global?.init_expr.get_operators_reader();
                    while !ops.eof() {
                        if let Operator::RefFunc { function_index } = ops.read()? {
                            const_refs.insert(function_index);
                        }
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let end = body.range().end;
                let mut direct = Vec::new();
                let mut indirect = false;
                let mut ops = body.get_operators_reader()?;
                while !ops.eof() {
                    match ops.read()? {
                        Operator::Call { function_index }
                        | Operator::ReturnCall { function_index }
                        | Operator::RefFunc { function_index } => direct.push(function_index),
                        Operator::CallIndirect { .. } | Operator::ReturnCallIndirect { .. } => {
                            indirect = true
                        }
                        _ => {}
                    }
                }
                bodies.push(Body { end, direct, indirect });
            }
            Payload::DataSection(reader) => data_bytes = reader.range().end - reader.range().start,
            Payload::CustomSection(reader) => {
                // Section id byte + LEB128 size + payload (name included).
                let payload = reader.range().end - reader.range().start;
                custom_bytes += 1 + leb128_len(payload) + payload;
            }
            _ => {}
        }
    }

    let (root_name, root) = match exports.iter().find(|(name, _)| name == "_start") {
        Some(found) => found.clone(),
        None => match exports.first() {
            Some(found) => found.clone(),
            None => bail!("module exports no function"),
        },
    };
    let body_of = |func: u32| -> Option<usize> {
        func.checked_sub(imported_funcs).map(|i| i as usize).filter(|&i| i < bodies.len())
    };

    // Reachability from the start function (runs at instantiation) and the root export.
    let mut seen: HashMap<u32, ()> = HashMap::new();
    let mut work: Vec<u32> = vec![root];
    work.extend(start_func);
    work.extend(const_refs.iter().copied());
    let mut tables_added = false;
    while let Some(func) = work.pop() {
        if seen.insert(func, ()).is_some() {
            continue;
        }
        if let Some(i) = body_of(func) {
            work.extend(bodies[i].direct.iter().copied());
            if bodies[i].indirect && !tables_added {
                tables_added = true;
                work.extend(table_funcs.iter().copied());
            }
        }
    }
    let mut reachable_end = 0;
    let mut reachable_functions = 0;
    for func in seen.keys() {
        if let Some(i) = body_of(*func) {
            reachable_functions += 1;
            reachable_end = reachable_end.max(bodies[i].end);
        }
    }
    let root_body_end = match body_of(root) {
        Some(i) => bodies[i].end,
        None => bail!("root export `{root_name}` is an imported function"),
    };
    Ok(Layout {
        raw: bytes.len() as u64,
        gzip: 0,
        root: root_name,
        root_body_end,
        reachable_end,
        functions: bodies.len() as u32,
        reachable_functions,
        data_bytes,
        custom_bytes,
    })
}

fn leb128_len(mut n: u64) -> u64 {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-assembled module: (func $a (call $b)) (func $b) (func $c) (export "_start" $a),
    /// so the reachable set is {a, b} and ends at b's body, before c's.
    #[test]
    fn reachability_stops_before_unreached_bodies() {
        let module: Vec<u8> = vec![
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // header
            0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
            0x03, 0x04, 0x03, 0x00, 0x00, 0x00, // function section: 3 funcs of type 0
            0x07, 0x0a, 0x01, 0x06, b'_', b's', b't', b'a', b'r', b't', 0x00, 0x00, // export
            0x0a, 0x0c, 0x03, // code section, 3 bodies
            0x04, 0x00, 0x10, 0x01, 0x0b, // a: call 1
            0x02, 0x00, 0x0b, // b
            0x02, 0x00, 0x0b, // c
        ];
        let layout = analyze(&module).unwrap();
        assert_eq!(layout.root, "_start");
        assert_eq!(layout.functions, 3);
        assert_eq!(layout.reachable_functions, 2);
        assert_eq!(layout.root_body_end, 40);
        assert_eq!(layout.reachable_end, 43);
        assert_eq!(layout.raw, 46);
    }

    #[test]
    fn custom_sections_are_counted_with_their_headers() {
        let mut module: Vec<u8> = vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
        module.extend([0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00]);
        module.extend([0x07, 0x05, 0x01, 0x01, b'f', 0x00, 0x00]); // export "f"
        module.extend([0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b]);
        module.extend([0x00, 0x03, 0x01, b'x', 0xaa]); // custom section "x", one byte
        let layout = analyze(&module).unwrap();
        assert_eq!(layout.root, "f");
        assert_eq!(layout.custom_bytes, 5);
    }

    #[test]
    fn rejects_garbage() {
        assert!(analyze(b"not wasm").is_err());
    }
}
