//! `Module`: a validated module with its import and export types, instantiable in any store of
//! its engine.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use wasmparser::{ExternalKind, FuncType, GlobalType, MemoryType, TableType};

use super::store::{CoreStore, state_mut};
use super::{Engine, Result};
use crate::error::Error;
use crate::module::{ImportType as CoreImport, Module as CoreModule};

/// The type of an import or export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternType {
    /// A function of this type.
    Func(FuncType),
    /// A global of this type.
    Global(GlobalType),
    /// A table of this type.
    Table(TableType),
    /// A memory of this type.
    Memory(MemoryType),
    /// An exception tag, with the type of its payload.
    Tag(FuncType),
}

/// One import of a module.
#[derive(Debug, Clone)]
pub struct ImportType {
    module: String,
    name: String,
    ty: ExternType,
}

impl ImportType {
    /// The module name (e.g. `wasi_snapshot_preview1`).
    pub fn module(&self) -> &str {
        &self.module
    }
    /// The field name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The expected type.
    pub fn ty(&self) -> &ExternType {
        &self.ty
    }
}

/// One export of a module.
#[derive(Debug, Clone)]
pub struct ExportType {
    name: String,
    ty: ExternType,
}

impl ExportType {
    /// The export name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The exported entity's type.
    pub fn ty(&self) -> &ExternType {
        &self.ty
    }
}

struct ModuleInner {
    id: u64,
    engine: Engine,
    bytes: Arc<[u8]>,
    imports: Vec<ImportType>,
    exports: Vec<ExportType>,
}

/// A compiled (validated and decoded) module. Cheap to clone; instantiate it with
/// [`Instance::new`](super::Instance::new) or [`Linker::instantiate`](super::Linker::instantiate).
/// Function bodies are translated lazily, on their first call.
///
/// ```
/// use gc_runtime::api::{Engine, ExternType, Module};
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module
///     (import "host" "log" (func (param i32 i32)))
///     (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))"#).unwrap();
/// let imports: Vec<_> = module.imports().map(|i| format!("{}::{}", i.module(), i.name())).collect();
/// assert_eq!(imports, ["host::log"]);
/// let add = module.exports().find(|e| e.name() == "add").unwrap();
/// let ExternType::Func(ty) = add.ty() else { panic!() };
/// assert_eq!(ty.params().len(), 2);
/// ```
#[derive(Clone)]
pub struct Module(Arc<ModuleInner>);

static NEXT_MODULE_ID: AtomicU64 = AtomicU64::new(1);

impl Module {
    /// Compiles a module from its binary or text (`.wat`) form.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Module> {
        let bytes = to_binary(bytes.as_ref())?;
        let mut scratch = CoreStore::with_features(engine.features());
        let core = scratch.compile(&bytes)?;
        let imports = import_types(&scratch, &core);
        let exports = export_types(&scratch, &core, &imports);
        Ok(Module(Arc::new(ModuleInner {
            id: NEXT_MODULE_ID.fetch_add(1, Ordering::Relaxed),
            engine: engine.clone(),
            bytes: bytes.into(),
            imports,
            exports,
        })))
    }

    /// Compiles the module in file `path` (binary or text).
    pub fn from_file(engine: &Engine, path: impl AsRef<Path>) -> Result<Module> {
        let p = path.as_ref();
        let bytes = std::fs::read(p)
            .map_err(|e| Error::Host(format!("could not read `{}`: {e}", p.display())))?;
        Module::new(engine, bytes)
    }

    /// Checks that `bytes` is a valid module for `engine` without keeping it.
    pub fn validate(engine: &Engine, bytes: &[u8]) -> Result<()> {
        wasmparser::Validator::new_with_features(engine.features())
            .validate_all(bytes)
            .map(|_| ())
            .map_err(|e| Error::Invalid(e.to_string()))
    }

    /// The imports, in declaration order.
    pub fn imports(&self) -> impl ExactSizeIterator<Item = &ImportType> {
        self.0.imports.iter()
    }
    /// The exports, in declaration order.
    pub fn exports(&self) -> impl ExactSizeIterator<Item = &ExportType> {
        self.0.exports.iter()
    }
    /// The engine this module was compiled for.
    pub fn engine(&self) -> &Engine {
        &self.0.engine
    }

    /// The module as decoded for `core` (each store has its own type registry), compiled on first use.
    pub(crate) fn compiled_in(&self, core: &mut CoreStore) -> Result<Arc<CoreModule>> {
        if let Some(m) = state_mut(core).modules.get(&self.0.id) {
            return Ok(m.clone());
        }
        let m = core.compile(&self.0.bytes)?;
        state_mut(core).modules.insert(self.0.id, m.clone());
        Ok(m)
    }
}

/// Text modules are encoded to binary with the `wast` crate.
fn to_binary(bytes: &[u8]) -> Result<Vec<u8>> {
    if bytes.starts_with(b"\0asm") {
        return Ok(bytes.to_vec());
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::Invalid("module is neither binary wasm nor UTF-8 text".into()))?;
    let perr = |e: wast::Error| Error::Invalid(e.to_string());
    let buf = wast::parser::ParseBuffer::new(text).map_err(perr)?;
    let mut wat: wast::Wat<'_> = wast::parser::parse(&buf).map_err(perr)?;
    wat.encode().map_err(perr)
}

fn import_types(s: &CoreStore, m: &CoreModule) -> Vec<ImportType> {
    m.imports
        .iter()
        .map(|i| ImportType {
            module: i.module.clone(),
            name: i.name.clone(),
            ty: match &i.ty {
                CoreImport::Func(t) => ExternType::Func(s.types.func(*t).clone()),
                CoreImport::Table(t) => ExternType::Table(*t),
                CoreImport::Memory(t) => ExternType::Memory(*t),
                CoreImport::Global(t) => ExternType::Global(*t),
                CoreImport::Tag(t) => ExternType::Tag(s.types.func(*t).clone()),
            },
        })
        .collect()
}

fn export_types(s: &CoreStore, m: &CoreModule, imports: &[ImportType]) -> Vec<ExportType> {
    let mut tables = Vec::new();
    let mut mems = Vec::new();
    let mut globals = Vec::new();
    for i in imports {
        match i.ty {
            ExternType::Table(t) => tables.push(t),
            ExternType::Memory(t) => mems.push(t),
            ExternType::Global(t) => globals.push(t),
            _ => {}
        }
    }
    tables.extend(m.tables.iter().map(|(t, _)| *t));
    mems.extend(m.memories.iter().copied());
    globals.extend(m.globals.iter().map(|(g, _)| *g));
    m.exports
        .iter()
        .filter_map(|(name, kind, idx)| {
            let i = *idx as usize;
            let ty = match kind {
                ExternalKind::Func | ExternalKind::FuncExact => {
                    ExternType::Func(s.types.func(*m.func_types.get(i)?).clone())
                }
                ExternalKind::Table => ExternType::Table(*tables.get(i)?),
                ExternalKind::Memory => ExternType::Memory(*mems.get(i)?),
                ExternalKind::Global => ExternType::Global(*globals.get(i)?),
                ExternalKind::Tag => ExternType::Tag(s.types.func(*m.tags.get(i)?).clone()),
            };
            Some(ExportType {
                name: name.clone(),
                ty,
            })
        })
        .collect()
}
