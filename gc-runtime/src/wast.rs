//! A `.wast` script runner (spec test format), including the `spectest` host module.

use std::collections::HashMap;
use std::sync::Arc;

use wasmparser::{GlobalType, RefType, ValType};
use wast::core::{NanPattern, WastArgCore, WastRetCore};
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, Wast, WastArg, WastDirective, WastExecute, WastInvoke, WastRet, Wat};

use crate::error::Error;
use crate::module::Module;
use crate::store::{Extern, GlobalInst, MemInst, Store, TableInst, PAGE};
use crate::value::{Ref, Val};

/// Outcome of one script.
#[derive(Debug, Clone, Default)]
pub struct WastReport {
    pub passed: usize,
    pub failed: usize,
    pub failures: Vec<WastFailure>,
}

/// One failed directive, with its 1-based position in the script.
#[derive(Debug, Clone)]
pub struct WastFailure {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Runs one .wast script; parse errors of the script itself are `Err` (with line:col in the message).
pub fn run_wast_str(source: &str, file_name: &str) -> Result<WastReport, Error> {
    run_wast_str_with_features(source, file_name, crate::module::features())
}

/// Like [`run_wast_str`], validating with `features` (proposal test suites predating Wasm 3.0
/// assume some later proposals are off, e.g. memory64's tests expect a second memory to be invalid).
pub fn run_wast_str_with_features(
    source: &str,
    file_name: &str,
    features: wasmparser::WasmFeatures,
) -> Result<WastReport, Error> {
    let mut lexer = Lexer::new(source);
    lexer.allow_confusing_unicode(true);
    let perr = |mut e: wast::Error| {
        e.set_path(std::path::Path::new(file_name));
        e.set_text(source);
        Error::Host(format!("failed to parse {file_name}: {e}"))
    };
    let buf = ParseBuffer::new_with_lexer(lexer).map_err(perr)?;
    let script: Wast<'_> = parser::parse(&buf).map_err(perr)?;
    let mut runner = Runner::new(features);
    let mut report = WastReport::default();
    for directive in script.directives {
        let span = directive.span();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| runner.directive(directive)));
        let r = match r {
            Ok(r) => r,
            Err(p) => {
                let m = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                // The store may be inconsistent after a panic; continue with a fresh one.
                runner = Runner::new(features);
                Err(format!("runtime panicked: {m}"))
            }
        };
        match r {
            Ok(Counted::Yes) => report.passed += 1,
            Ok(Counted::No) => {}
            Err(message) => {
                let (line, col) = span.linecol_in(source);
                report.failed += 1;
                report.failures.push(WastFailure { line: line + 1, col: col + 1, message });
            }
        }
    }
    Ok(report)
}

enum Counted {
    Yes,
    No,
}

struct Runner {
    store: Store,
    registered: HashMap<String, HashMap<String, Extern>>,
    named: HashMap<String, u32>,
    definitions: HashMap<String, Arc<Module>>,
    current: Option<u32>,
}

fn encode(q: &mut QuoteWat<'_>) -> Result<Vec<u8>, String> {
    q.encode().map_err(|e| format!("failed to encode module: {e}"))
}

impl Runner {
    fn new(features: wasmparser::WasmFeatures) -> Runner {
        let mut store = Store::with_features(features);
        let spectest = spectest(&mut store);
        let mut registered = HashMap::new();
        registered.insert("spectest".to_string(), spectest);
        Runner { store, registered, named: HashMap::new(), definitions: HashMap::new(), current: None }
    }

    fn instantiate(&mut self, module: &Arc<Module>) -> Result<u32, Error> {
        let reg = &self.registered;
        self.store.instantiate(module, &mut |_, m, n| reg.get(m)?.get(n).copied())
    }

    fn instantiate_bytes(&mut self, bytes: &[u8]) -> Result<u32, Error> {
        let m = self.store.compile(bytes)?;
        self.instantiate(&m)
    }

    fn instance(&self, id: Option<wast::token::Id<'_>>) -> Result<u32, String> {
        match id {
            Some(id) => self.named.get(id.name()).copied().ok_or_else(|| format!("unknown module ${}", id.name())),
            None => self.current.ok_or_else(|| "no current module".to_string()),
        }
    }

    fn invoke(&mut self, inv: &WastInvoke<'_>) -> Result<Result<Vec<Val>, Error>, String> {
        let inst = self.instance(inv.module)?;
        let Some(Extern::Func(f)) = self.store.instance_export(inst, inv.name) else {
            return Err(format!("no exported function `{}`", inv.name));
        };
        let mut args = Vec::new();
        for a in &inv.args {
            args.push(arg(a)?);
        }
        Ok(self.store.call_func(f, &args))
    }

    fn execute(&mut self, exec: WastExecute<'_>) -> Result<Result<Vec<Val>, Error>, String> {
        match exec {
            WastExecute::Invoke(inv) => self.invoke(&inv),
            WastExecute::Wat(mut w) => {
                let bytes = w.encode().map_err(|e| e.to_string())?;
                Ok(self.instantiate_bytes(&bytes).map(|_| Vec::new()))
            }
            WastExecute::Get { module, global, .. } => {
                let inst = self.instance(module)?;
                match self.store.instance_export(inst, global) {
                    Some(Extern::Global(g)) => Ok(Ok(vec![self.store.globals[g as usize].val])),
                    _ => Err(format!("no exported global `{global}`")),
                }
            }
        }
    }

    fn directive(&mut self, d: WastDirective<'_>) -> Result<Counted, String> {
        match d {
            WastDirective::Module(mut q) => {
                let name = q.name();
                let bytes = encode(&mut q)?;
                let inst = self.instantiate_bytes(&bytes).map_err(|e| e.to_string())?;
                self.current = Some(inst);
                if let Some(n) = name {
                    self.named.insert(n.name().to_string(), inst);
                }
                Ok(Counted::Yes)
            }
            WastDirective::ModuleDefinition(mut q) => {
                let name = q.name();
                let bytes = encode(&mut q)?;
                let m = self.store.compile(&bytes).map_err(|e| e.to_string())?;
                if let Some(n) = name {
                    self.definitions.insert(n.name().to_string(), m.clone());
                }
                self.definitions.insert(String::new(), m);
                Ok(Counted::Yes)
            }
            WastDirective::ModuleInstance { instance, module, .. } => {
                let key = module.map(|m| m.name().to_string()).unwrap_or_default();
                let m = self.definitions.get(&key).cloned().ok_or_else(|| format!("unknown module definition {key}"))?;
                let inst = self.instantiate(&m).map_err(|e| e.to_string())?;
                self.current = Some(inst);
                if let Some(n) = instance {
                    self.named.insert(n.name().to_string(), inst);
                }
                Ok(Counted::Yes)
            }
            WastDirective::Register { name, module, .. } => {
                let inst = self.instance(module)?;
                let exports = self.store.instances[inst as usize].exports.clone();
                self.registered.insert(name.to_string(), exports);
                Ok(Counted::No)
            }
            WastDirective::Invoke(inv) => match self.invoke(&inv)? {
                Ok(_) => Ok(Counted::Yes),
                Err(e) => Err(e.to_string()),
            },
            WastDirective::AssertReturn { exec, results, .. } => match self.execute(exec)? {
                Ok(vals) => {
                    if vals.len() != results.len() {
                        return Err(format!("expected {} results, got {}", results.len(), vals.len()));
                    }
                    for (v, r) in vals.iter().zip(&results) {
                        let WastRet::Core(r) = r else { return Err("component results unsupported".into()) };
                        if !self.matches(v, r) {
                            return Err(format!("expected {r:?}, got {v:?}"));
                        }
                    }
                    Ok(Counted::Yes)
                }
                Err(e) => Err(format!("expected results, got error: {e}")),
            },
            WastDirective::AssertTrap { exec, message, .. } => match self.execute(exec)? {
                Ok(v) => Err(format!("expected trap \"{message}\", got {v:?}")),
                Err(Error::Trap(m)) if m.contains(message) => Ok(Counted::Yes),
                Err(e) => Err(format!("expected trap \"{message}\", got: {e}")),
            },
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call)? {
                Ok(v) => Err(format!("expected exhaustion, got {v:?}")),
                Err(Error::Trap(m)) if m.contains(message) => Ok(Counted::Yes),
                Err(e) => Err(format!("expected \"{message}\", got: {e}")),
            },
            WastDirective::AssertException { exec, .. } => match self.execute(exec)? {
                Ok(v) => Err(format!("expected exception, got {v:?}")),
                Err(Error::Exception(_)) => Ok(Counted::Yes),
                Err(e) => Err(format!("expected exception, got: {e}")),
            },
            WastDirective::AssertInvalid { mut module, message, .. }
            | WastDirective::AssertMalformed { mut module, message, .. } => {
                let Ok(bytes) = module.encode() else { return Ok(Counted::Yes) };
                match self.store.compile(&bytes) {
                    Ok(_) => Err(format!("expected module to be rejected: {message}")),
                    Err(_) => Ok(Counted::Yes),
                }
            }
            WastDirective::AssertUnlinkable { mut module, message, .. } => {
                let bytes = match &mut module {
                    Wat::Module(_) | Wat::Component(_) => module.encode().map_err(|e| e.to_string())?,
                };
                match self.instantiate_bytes(&bytes) {
                    Ok(_) => Err(format!("expected unlinkable: {message}")),
                    Err(Error::Unlinkable(_)) => Ok(Counted::Yes),
                    Err(e) => Err(format!("expected unlinkable \"{message}\", got: {e}")),
                }
            }
            WastDirective::AssertInvalidCustom { .. } | WastDirective::AssertMalformedCustom { .. } => {
                Ok(Counted::No)
            }
            WastDirective::AssertSuspension { .. } | WastDirective::Thread(_) | WastDirective::Wait { .. } => {
                Err("unsupported directive (threads / stack switching)".into())
            }
        }
    }

    fn matches(&self, v: &Val, r: &WastRetCore<'_>) -> bool {
        match (r, v) {
            (WastRetCore::I32(x), Val::I32(y)) => x == y,
            (WastRetCore::I64(x), Val::I64(y)) => x == y,
            (WastRetCore::F32(p), Val::F32(b)) => match p {
                NanPattern::CanonicalNan => b & 0x7fff_ffff == 0x7fc0_0000,
                NanPattern::ArithmeticNan => b & 0x7fc0_0000 == 0x7fc0_0000,
                NanPattern::Value(x) => x.bits == *b,
            },
            (WastRetCore::F64(p), Val::F64(b)) => match p {
                NanPattern::CanonicalNan => b & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
                NanPattern::ArithmeticNan => b & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
                NanPattern::Value(x) => x.bits == *b,
            },
            (WastRetCore::RefNull(_), Val::Ref(r)) => r.is_null(),
            (WastRetCore::RefExtern(None), Val::Ref(r)) => {
                matches!(r, Ref::ExternHost(_) | Ref::ExternGc(_) | Ref::ExternI31(_))
            }
            (WastRetCore::RefExtern(Some(n)), Val::Ref(r)) => *r == Ref::ExternHost(*n),
            (WastRetCore::RefHost(n), Val::Ref(r)) => *r == Ref::Host(*n),
            (WastRetCore::RefFunc(_), Val::Ref(r)) => matches!(r, Ref::Func(_)),
            (WastRetCore::RefAny, Val::Ref(r)) => matches!(r, Ref::I31(_) | Ref::Gc(_) | Ref::Host(_)),
            (WastRetCore::RefEq, Val::Ref(r)) => matches!(r, Ref::I31(_) | Ref::Gc(_)),
            (WastRetCore::RefI31 | WastRetCore::RefI31Shared, Val::Ref(r)) => matches!(r, Ref::I31(_)),
            (WastRetCore::RefStruct, Val::Ref(Ref::Gc(i))) => {
                matches!(self.store.heap.get(*i), crate::gc::Obj::Struct { .. })
            }
            (WastRetCore::RefArray, Val::Ref(Ref::Gc(i))) => {
                matches!(self.store.heap.get(*i), crate::gc::Obj::Array { .. })
            }
            (WastRetCore::Either(alts), v) => alts.iter().any(|a| self.matches(v, a)),
            _ => false,
        }
    }
}

fn arg(a: &WastArg<'_>) -> Result<Val, String> {
    let WastArg::Core(a) = a else { return Err("component arguments unsupported".into()) };
    Ok(match a {
        WastArgCore::I32(v) => Val::I32(*v),
        WastArgCore::I64(v) => Val::I64(*v),
        WastArgCore::F32(v) => Val::F32(v.bits),
        WastArgCore::F64(v) => Val::F64(v.bits),
        WastArgCore::RefNull(_) => Val::Ref(Ref::Null),
        WastArgCore::RefExtern(n) => Val::Ref(Ref::ExternHost(*n)),
        WastArgCore::RefHost(n) => Val::Ref(Ref::Host(*n)),
        WastArgCore::V128(_) => return Err("SIMD (v128) is not supported".into()),
    })
}

/// The `spectest` module of the reference interpreter.
fn spectest(store: &mut Store) -> HashMap<String, Extern> {
    let mut ex = HashMap::new();
    let nop: crate::store::HostFn = Arc::new(|_, _| Ok(Vec::new()));
    let sigs: [(&str, &[ValType]); 7] = [
        ("print", &[]),
        ("print_i32", &[ValType::I32]),
        ("print_i64", &[ValType::I64]),
        ("print_f32", &[ValType::F32]),
        ("print_f64", &[ValType::F64]),
        ("print_i32_f32", &[ValType::I32, ValType::F32]),
        ("print_f64_f64", &[ValType::F64, ValType::F64]),
    ];
    for (name, params) in sigs {
        let ty = store.func_type(params, &[]);
        let f = store.add_host_func(ty, nop.clone());
        ex.insert(name.to_string(), Extern::Func(f));
    }
    let globals = [
        ("global_i32", ValType::I32, Val::I32(666)),
        ("global_i64", ValType::I64, Val::I64(666)),
        ("global_f32", ValType::F32, Val::F32(666.6f32.to_bits())),
        ("global_f64", ValType::F64, Val::F64(666.6f64.to_bits())),
    ];
    for (name, ty, val) in globals {
        store.globals.push(GlobalInst { val, ty: GlobalType { content_type: ty, mutable: false, shared: false } });
        ex.insert(name.to_string(), Extern::Global((store.globals.len() - 1) as u32));
    }
    store.tables.push(TableInst { elems: vec![Ref::Null; 10], max: Some(20), ty: RefType::FUNCREF, is64: false });
    ex.insert("table".to_string(), Extern::Table((store.tables.len() - 1) as u32));
    store.tables.push(TableInst { elems: vec![Ref::Null; 10], max: Some(20), ty: RefType::FUNCREF, is64: true });
    ex.insert("table64".to_string(), Extern::Table((store.tables.len() - 1) as u32));
    store.mems.push(MemInst { data: vec![0; PAGE as usize], max_pages: Some(2), is64: false });
    ex.insert("memory".to_string(), Extern::Memory((store.mems.len() - 1) as u32));
    ex
}
