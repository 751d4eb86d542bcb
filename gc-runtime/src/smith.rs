//! Shared by the fuzz target and the differential check: the wasm-smith configuration for
//! modules this runtime must handle (GC and exceptions on; SIMD/threads off), and a runner that
//! executes every exported function of a module with bounded resources.

use crate::{Error, Extern, Store, Val};

/// wasm-smith configuration used by the fuzzers (GC on).
#[cfg(feature = "smith")]
pub fn config() -> wasm_smith::Config {
    wasm_smith::Config {
        gc_enabled: true,
        exceptions_enabled: true,
        tail_call_enabled: true,
        reference_types_enabled: true,
        memory64_enabled: true,
        extended_const_enabled: true,
        simd_enabled: false,
        relaxed_simd_enabled: false,
        threads_enabled: false,
        wide_arithmetic_enabled: false,
        custom_page_sizes_enabled: false,
        max_memories: 2,
        max_tables: 2,
        max_memory32_bytes: 1 << 20,
        max_memory64_bytes: 1 << 20,
        max_table_elements: 10_000,
        max_imports: 0,
        export_everything: true,
        canonicalize_nans: true,
        ..wasm_smith::Config::default()
    }
}

/// The observable outcome of calling one export.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Values(Vec<String>),
    Trap(String),
    Exception,
    /// Instantiation or other non-trap failure.
    Error(String),
}

/// A canonical, engine-independent rendering of a value (NaNs collapse, references by kind).
pub fn render(store: &Store, v: &Val) -> String {
    match v {
        Val::I32(x) => format!("i32:{x}"),
        Val::I64(x) => format!("i64:{x}"),
        Val::F32(b) if f32::from_bits(*b).is_nan() => "f32:nan".into(),
        Val::F64(b) if f64::from_bits(*b).is_nan() => "f64:nan".into(),
        Val::F32(b) => format!("f32:{b}"),
        Val::F64(b) => format!("f64:{b}"),
        Val::Ref(r) if r.is_null() => "ref:null".into(),
        Val::Ref(_) => {
            let _ = store;
            "ref:nonnull".into()
        }
    }
}

/// Maps a trap message to a coarse kind shared with other engines.
pub fn trap_kind(msg: &str) -> &'static str {
    const KINDS: &[(&str, &str)] = &[
        ("divide by zero", "div0"),
        ("integer overflow", "overflow"),
        ("invalid conversion", "conversion"),
        ("out of bounds memory", "oob-memory"),
        ("undefined element", "oob-table"),
        ("out of bounds table", "oob-table"),
        ("uninitialized element", "null-element"),
        ("indirect call type mismatch", "signature"),
        ("null", "null"),
        ("cast", "cast"),
        ("out of bounds array", "oob-array"),
        ("array", "oob-array"),
        ("stack", "stack"),
        ("unreachable", "unreachable"),
        ("fuel", "fuel"),
        ("allocation", "alloc"),
    ];
    KINDS.iter().find(|(k, _)| msg.contains(k)).map(|(_, v)| *v).unwrap_or("other")
}

/// Compiles and instantiates `wasm` (no imports), then calls every exported function whose
/// parameters are all numeric (or nullable references) with three argument patterns (0, 1, -1),
/// under `fuel`. Outcomes are keyed `NAME#PATTERN`. Never panics on any input.
pub fn run_exports(wasm: &[u8], fuel: u64) -> Result<Vec<(String, Outcome)>, Error> {
    run_exports_with_heap_limit(wasm, fuel, 256 << 20)
}

/// [`run_exports`] with an explicit GC heap limit in bytes.
pub fn run_exports_with_heap_limit(wasm: &[u8], fuel: u64, heap_limit: usize) -> Result<Vec<(String, Outcome)>, Error> {
    let mut store = Store::new();
    store.limits.max_memory_pages = 256;
    store.limits.max_table_elems = 100_000;
    // Bounded so a fuzz input cannot allocate gigabytes (a single array over this traps up front).
    store.limits.max_gc_heap_bytes = heap_limit;
    let module = store.compile(wasm)?;
    store.set_fuel(Some(fuel));
    let inst = store.instantiate(&module, &mut |_, _, _| None)?;
    let mut names: Vec<(String, ExternKindFunc)> = Vec::new();
    for (name, _) in module.exports() {
        if let Some(Extern::Func(f)) = store.instance_export(inst, name) {
            names.push((name.to_string(), f));
        }
    }
    let mut out = Vec::new();
    for (name, f) in names {
        let (params, _) = store.func_params_results(f);
        // Three argument patterns per export: all zeros, all ones, all minus-one (NaN-free floats).
        for (k, pattern) in [0i64, 1, -1].into_iter().enumerate() {
            let mut args = Vec::new();
            for p in &params {
                match p {
                    wasmparser::ValType::I32 => args.push(Val::I32(pattern as i32)),
                    wasmparser::ValType::I64 => args.push(Val::I64(pattern)),
                    wasmparser::ValType::F32 => args.push(Val::F32((pattern as f32).to_bits())),
                    wasmparser::ValType::F64 => args.push(Val::F64((pattern as f64).to_bits())),
                    wasmparser::ValType::Ref(r) if r.is_nullable() => args.push(Val::Ref(crate::Ref::Null)),
                    _ => break,
                }
            }
            if args.len() != params.len() {
                break;
            }
            store.set_fuel(Some(fuel));
            let o = match store.call_func(f, &args) {
                Ok(vals) => Outcome::Values(vals.iter().map(|v| render(&store, v)).collect()),
                Err(Error::Trap(m)) => Outcome::Trap(trap_kind(&m).to_string()),
                Err(Error::Exception(_)) => Outcome::Exception,
                Err(e) => Outcome::Error(e.to_string()),
            };
            out.push((format!("{name}#{k}"), o));
        }
    }
    Ok(out)
}

type ExternKindFunc = u32;

/// Generates a deterministic wasm-smith module from `seed` (xorshift bytes), instrumented with
/// `ensure_termination` so every engine stops loops and recursion at the same point.
#[cfg(feature = "smith")]
pub fn module_from_seed(seed: u64) -> Option<Vec<u8>> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let len = 2048 + (seed % 16) as usize * 2048;
    let bytes: Vec<u8> = (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let mut u = arbitrary::Unstructured::new(&bytes);
    let mut m = wasm_smith::Module::new(config(), &mut u).ok()?;
    m.ensure_termination(1_000).ok()?;
    numeric_exports_only(&m.to_bytes())
}

/// Re-encodes `wasm` keeping only function exports whose signatures are purely numeric, so other
/// engines' embedding APIs (e.g. wasmtime-py, which cannot pass GC references) can call them all.
#[cfg(feature = "smith")]
pub fn numeric_exports_only(wasm: &[u8]) -> Option<Vec<u8>> {
    use wasmparser::{ExternalKind, Parser, Payload, ValType};
    let types = wasmparser::Validator::new_with_features(crate::module::features()).validate_all(wasm).ok()?;
    let t = types.as_ref();
    let numeric = |v: &ValType| matches!(v, ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64);
    let mut out = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.ok()?;
        match payload {
            Payload::Version { .. } | Payload::End(_) => {}
            Payload::ExportSection(r) => {
                let mut ex = wasm_encoder::ExportSection::new();
                for e in r {
                    let e = e.ok()?;
                    if e.kind != ExternalKind::Func {
                        continue;
                    }
                    let f = t[t.core_function_at(e.index)].unwrap_func();
                    if f.params().iter().all(numeric) && f.results().iter().all(numeric) {
                        ex.export(e.name, wasm_encoder::ExportKind::Func, e.index);
                    }
                }
                out.section(&ex);
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    out.section(&wasm_encoder::RawSection { id, data: &wasm[range.start as usize..range.end as usize] });
                }
            }
        }
    }
    Some(out.finish())
}
