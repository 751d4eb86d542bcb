//! Decoding and validation of a binary module into the runtime's `Module` description.
//!
//! Validation runs twice: first with a fresh validator (so an invalid module never disturbs shared
//! state), then with the store's shared validator, which canonicalizes types across modules and hands
//! out the per-function validators used later by the lazy translator.

use std::sync::Arc;

use wasmparser::{
    DataKind, ElementItems, ElementKind, ExternalKind, FuncToValidate, GlobalType, MemoryType,
    Operator, Parser, Payload, RefType, TableInit, TableType, TypeRef, ValidPayload, Validator,
    ValidatorResources, WasmFeatures,
};

use crate::error::Error;
use crate::types::TypeRegistry;
use wasmparser::types::TypeIdentifier;

/// The feature set: WebAssembly 3.0 minus SIMD (rejected at validation), threads and stack switching.
pub fn features() -> WasmFeatures {
    let mut f = WasmFeatures::WASM3;
    f.remove(WasmFeatures::SIMD);
    f.remove(WasmFeatures::RELAXED_SIMD);
    f.remove(WasmFeatures::THREADS);
    f
}

/// One instruction of a constant expression.
#[derive(Debug, Clone)]
pub enum ConstOp {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    RefNull,
    RefFunc(u32),
    GlobalGet(u32),
    I32Add,
    I32Sub,
    I32Mul,
    I64Add,
    I64Sub,
    I64Mul,
    RefI31,
    StructNew(u32),
    StructNewDefault(u32),
    ArrayNew(u32),
    ArrayNewDefault(u32),
    ArrayNewFixed(u32, u32),
    AnyConvertExtern,
    ExternConvertAny,
}

pub type ConstExpr = Vec<ConstOp>;

fn const_expr(e: &wasmparser::ConstExpr<'_>) -> Result<ConstExpr, Error> {
    let mut out = Vec::new();
    let mut r = e.get_operators_reader();
    while !r.eof() {
        let op = r.read().map_err(|e| Error::Invalid(e.to_string()))?;
        out.push(match op {
            Operator::I32Const { value } => ConstOp::I32(value),
            Operator::I64Const { value } => ConstOp::I64(value),
            Operator::F32Const { value } => ConstOp::F32(value.bits()),
            Operator::F64Const { value } => ConstOp::F64(value.bits()),
            Operator::RefNull { .. } => ConstOp::RefNull,
            Operator::RefFunc { function_index } => ConstOp::RefFunc(function_index),
            Operator::GlobalGet { global_index } => ConstOp::GlobalGet(global_index),
            Operator::I32Add => ConstOp::I32Add,
            Operator::I32Sub => ConstOp::I32Sub,
            Operator::I32Mul => ConstOp::I32Mul,
            Operator::I64Add => ConstOp::I64Add,
            Operator::I64Sub => ConstOp::I64Sub,
            Operator::I64Mul => ConstOp::I64Mul,
            Operator::RefI31 => ConstOp::RefI31,
            Operator::StructNew { struct_type_index } => ConstOp::StructNew(struct_type_index),
            Operator::StructNewDefault { struct_type_index } => ConstOp::StructNewDefault(struct_type_index),
            Operator::ArrayNew { array_type_index } => ConstOp::ArrayNew(array_type_index),
            Operator::ArrayNewDefault { array_type_index } => ConstOp::ArrayNewDefault(array_type_index),
            Operator::ArrayNewFixed { array_type_index, array_size } => {
                ConstOp::ArrayNewFixed(array_type_index, array_size)
            }
            Operator::AnyConvertExtern => ConstOp::AnyConvertExtern,
            Operator::ExternConvertAny => ConstOp::ExternConvertAny,
            Operator::End => continue,
            other => return Err(Error::Invalid(format!("unsupported constant instruction {other:?}"))),
        });
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub enum ImportType {
    Func(u32),
    Table(TableType),
    Memory(MemoryType),
    Global(GlobalType),
    Tag(u32),
}

#[derive(Debug, Clone)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub ty: ImportType,
}

pub struct FuncBody {
    pub start: usize,
    pub end: usize,
    pub validator: FuncToValidate<ValidatorResources>,
}

#[derive(Debug, Clone)]
pub enum ElemMode {
    Passive,
    Active { table: u32, offset: ConstExpr },
    Declared,
}

#[derive(Debug, Clone)]
pub struct ElemSeg {
    pub mode: ElemMode,
    pub items: Vec<ConstExpr>,
}

#[derive(Debug, Clone)]
pub struct DataSeg {
    pub active: Option<(u32, ConstExpr)>,
    pub bytes: Arc<[u8]>,
}

/// A validated module, ready to be instantiated any number of times in the store that compiled it.
pub struct Module {
    pub(crate) bytes: Arc<[u8]>,
    /// Module type index -> canonical type id.
    pub(crate) types: Vec<u32>,
    pub(crate) imports: Vec<Import>,
    /// Canonical type id of every function (imported first).
    pub(crate) func_types: Vec<u32>,
    pub(crate) num_imported_funcs: usize,
    pub(crate) bodies: Vec<FuncBody>,
    /// Defined tables with their optional initializer.
    pub(crate) tables: Vec<(TableType, Option<ConstExpr>)>,
    pub(crate) memories: Vec<MemoryType>,
    pub(crate) globals: Vec<(GlobalType, ConstExpr)>,
    /// Canonical function type id of every tag (imported first).
    pub(crate) tags: Vec<u32>,
    pub(crate) num_imported_tags: usize,
    pub(crate) exports: Vec<(String, ExternalKind, u32)>,
    pub(crate) start: Option<u32>,
    pub(crate) elems: Vec<ElemSeg>,
    pub(crate) datas: Vec<DataSeg>,
}

impl Module {
    /// Validates `bytes` and decodes them, canonicalizing types through the store's `validator`.
    pub(crate) fn new(
        validator: &mut Validator,
        registry: &mut TypeRegistry,
        bytes: &[u8],
        features: WasmFeatures,
    ) -> Result<Module, Error> {
        Validator::new_with_features(features)
            .validate_all(bytes)
            .map_err(|e| Error::Invalid(e.to_string()))?;
        let inv = |e: wasmparser::BinaryReaderError| Error::Invalid(e.to_string());
        let shared: Arc<[u8]> = Arc::from(bytes);
        let mut m = Module {
            bytes: shared.clone(),
            types: Vec::new(),
            imports: Vec::new(),
            func_types: Vec::new(),
            num_imported_funcs: 0,
            bodies: Vec::new(),
            tables: Vec::new(),
            memories: Vec::new(),
            globals: Vec::new(),
            tags: Vec::new(),
            num_imported_tags: 0,
            exports: Vec::new(),
            start: None,
            elems: Vec::new(),
            datas: Vec::new(),
        };
        let mut raw_tables = Vec::new();
        let mut raw_globals = Vec::new();
        let mut func_count = 0usize;
        let mut types_out = None;
        validator.reset();
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload.map_err(inv)?;
            match validator.payload(&payload).map_err(inv)? {
                ValidPayload::Func(v, body) => {
                    let r = body.range();
                    m.bodies.push(FuncBody { start: r.start as usize, end: r.end as usize, validator: v });
                }
                ValidPayload::End(t) => types_out = Some(t),
                _ => {}
            }
            match payload {
                Payload::ImportSection(r) => {
                    for imp in r.into_imports() {
                        let imp = imp.map_err(inv)?;
                        let ty = match imp.ty {
                            TypeRef::Func(i) | TypeRef::FuncExact(i) => {
                                m.num_imported_funcs += 1;
                                ImportType::Func(i)
                            }
                            TypeRef::Table(t) => ImportType::Table(t),
                            TypeRef::Memory(t) => ImportType::Memory(t),
                            TypeRef::Global(t) => ImportType::Global(t),
                            TypeRef::Tag(t) => {
                                m.num_imported_tags += 1;
                                ImportType::Tag(t.func_type_idx)
                            }
                        };
                        m.imports.push(Import { module: imp.module.to_string(), name: imp.name.to_string(), ty });
                    }
                }
                Payload::FunctionSection(r) => func_count = r.count() as usize,
                Payload::TableSection(r) => {
                    for t in r {
                        let t = t.map_err(inv)?;
                        let init = match &t.init {
                            TableInit::RefNull => None,
                            TableInit::Expr(e) => Some(const_expr(e)?),
                        };
                        raw_tables.push(init);
                    }
                }
                Payload::GlobalSection(r) => {
                    for g in r {
                        let g = g.map_err(inv)?;
                        raw_globals.push(const_expr(&g.init_expr)?);
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.map_err(inv)?;
                        m.exports.push((e.name.to_string(), e.kind, e.index));
                    }
                }
                Payload::StartSection { func, .. } => m.start = Some(func),
                Payload::ElementSection(r) => {
                    for e in r {
                        let e = e.map_err(inv)?;
                        let mode = match e.kind {
                            ElementKind::Passive => ElemMode::Passive,
                            ElementKind::Declared => ElemMode::Declared,
                            ElementKind::Active { table_index, offset_expr } => ElemMode::Active {
                                table: table_index.unwrap_or(0),
                                offset: const_expr(&offset_expr)?,
                            },
                        };
                        let mut items = Vec::new();
                        match e.items {
                            ElementItems::Functions(r) => {
                                for f in r {
                                    items.push(vec![ConstOp::RefFunc(f.map_err(inv)?)]);
                                }
                            }
                            ElementItems::Expressions(_, r) => {
                                for x in r {
                                    items.push(const_expr(&x.map_err(inv)?)?);
                                }
                            }
                        }
                        m.elems.push(ElemSeg { mode, items });
                    }
                }
                Payload::DataSection(r) => {
                    for d in r {
                        let d = d.map_err(inv)?;
                        let active = match d.kind {
                            DataKind::Passive => None,
                            DataKind::Active { memory_index, offset_expr } => {
                                Some((memory_index, const_expr(&offset_expr)?))
                            }
                        };
                        m.datas.push(DataSeg { active, bytes: Arc::from(d.data) });
                    }
                }
                _ => {}
            }
        }
        let types = types_out.ok_or_else(|| Error::Invalid("unexpected end".into()))?;
        let t = types.as_ref();
        for i in 0..t.core_type_count_in_module() {
            let id = t.core_type_at_in_module(i);
            register(registry, &t, id);
            m.types.push(id.index() as u32);
        }
        for i in 0..t.function_count() {
            m.func_types.push(t.core_function_at(i).index() as u32);
        }
        let _ = func_count;
        for i in 0..t.tag_count() {
            m.tags.push(t.tag_at(i).index() as u32);
        }
        // Imports carry canonicalized entity types (table/global value types may reference types).
        let (mut ti, mut mi, mut gi) = (0u32, 0u32, 0u32);
        let mut fi = 0u32;
        let mut tgi = 0u32;
        for imp in &mut m.imports {
            match &mut imp.ty {
                ImportType::Func(idx) => {
                    *idx = m.func_types[fi as usize];
                    fi += 1;
                }
                ImportType::Table(tt) => {
                    *tt = t.table_at(ti);
                    ti += 1;
                }
                ImportType::Memory(mt) => {
                    *mt = t.memory_at(mi);
                    mi += 1;
                }
                ImportType::Global(gt) => {
                    *gt = t.global_at(gi);
                    gi += 1;
                }
                ImportType::Tag(idx) => {
                    *idx = m.tags[tgi as usize];
                    tgi += 1;
                }
            }
        }
        for (k, init) in raw_tables.into_iter().enumerate() {
            m.tables.push((t.table_at(ti + k as u32), init));
        }
        for k in mi..t.memory_count() {
            m.memories.push(t.memory_at(k));
        }
        for (k, init) in raw_globals.into_iter().enumerate() {
            m.globals.push((t.global_at(gi + k as u32), init));
        }
        Ok(m)
    }

    /// The export names and kinds, in declaration order.
    pub fn exports(&self) -> impl Iterator<Item = (&str, ExternalKind)> {
        self.exports.iter().map(|(n, k, _)| (n.as_str(), *k))
    }
}

fn register(reg: &mut TypeRegistry, t: &wasmparser::types::TypesRef<'_>, id: wasmparser::types::CoreTypeId) {
    let idx = id.index() as u32;
    if reg.contains(idx) {
        return;
    }
    let sup = t.supertype_of(id);
    reg.insert(idx, &t[id], sup.map(|s| s.index() as u32));
    if let Some(s) = sup {
        register(reg, t, s);
    }
    for sib in t.rec_group_elements(t.rec_group_id_of(id)) {
        register(reg, t, sib);
    }
}

/// Reference type of a table, for import checks.
pub fn table_elem(t: &TableType) -> RefType {
    t.element_type
}
