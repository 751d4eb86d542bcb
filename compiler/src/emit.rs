//! Pass 5: assembles the wasm module (types in one recursion group, WASI imports, memory, functions in
//! streaming order — hot code breadth-first from `_start`, cold panic/format paths last — data, names)
//! and validates it with wasmparser.

use crate::diagnostics::{codes, Diagnostic};
use crate::lower::reprs::{PRE_TYPES, TY_ARGS_SIZES, TY_FD_WRITE, TY_PROC_EXIT, TY_START};
use crate::lower::{ModuleIr, IMPORT_TAG};
use crate::CompileStats;
use wasm_encoder::{
    CodeSection, DataCountSection, DataSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection, IndirectNameMap,
    Instruction, MemorySection, MemoryType, Module, NameMap, NameSection, TypeSection, ValType,
};

pub fn emit(ir: ModuleIr) -> Result<(Vec<u8>, CompileStats), Diagnostic> {
    #[allow(non_snake_case)]
    let N_IMPORTS: u32 = if ir.uses_args { 4 } else { 2 };
    // Final order: _start first, then hot functions in discovery order, then cold ones.
    let n = ir.funcs.len();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    order.push(ir.start as usize);
    order.extend((0..n).filter(|&i| i != ir.start as usize && !ir.funcs[i].cold));
    order.extend((0..n).filter(|&i| i != ir.start as usize && ir.funcs[i].cold));
    let mut pos = vec![0u32; n];
    for (p, &f) in order.iter().enumerate() {
        pos[f] = N_IMPORTS + p as u32;
    }
    let remap = |x: u32| if x & IMPORT_TAG != 0 { x & !IMPORT_TAG } else { pos[x as usize] };

    let mut module = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32; 4], [ValType::I32]);
    types.ty().function([ValType::I32], []);
    types.ty().function([], []);
    types.ty().function([ValType::I32; 2], [ValType::I32]);
    debug_assert_eq!(PRE_TYPES, 4);
    let _ = (TY_FD_WRITE, TY_PROC_EXIT, TY_ARGS_SIZES);
    if !ir.subtypes.is_empty() {
        types.ty().rec(ir.subtypes.iter().cloned());
    }
    module.section(&types);

    let mut imports = ImportSection::new();
    imports.import("wasi_snapshot_preview1", "fd_write", EntityType::Function(TY_FD_WRITE));
    imports.import("wasi_snapshot_preview1", "proc_exit", EntityType::Function(TY_PROC_EXIT));
    if ir.uses_args {
        imports.import("wasi_snapshot_preview1", "args_sizes_get", EntityType::Function(TY_ARGS_SIZES));
        imports.import("wasi_snapshot_preview1", "args_get", EntityType::Function(TY_ARGS_SIZES));
    }
    module.section(&imports);

    let mut funcs = FunctionSection::new();
    for &f in &order {
        let ty = if f == ir.start as usize { TY_START } else { ir.funcs[f].ty };
        funcs.function(ty);
    }
    module.section(&funcs);

    let mut mem = MemorySection::new();
    mem.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
    module.section(&mem);

    if !ir.globals.is_empty() {
        // Lazily filled caches of constants (Unicode tables, `&str` literals): `(mut (ref null $T))` = null.
        let mut globals = wasm_encoder::GlobalSection::new();
        for &at in &ir.globals {
            let rt = wasm_encoder::RefType { nullable: true, heap_type: wasm_encoder::HeapType::Concrete(at) };
            globals.global(wasm_encoder::GlobalType { val_type: ValType::Ref(rt), mutable: true, shared: false }, &wasm_encoder::ConstExpr::ref_null(wasm_encoder::HeapType::Concrete(at)));
        }
        module.section(&globals);
    }

    let mut exports = ExportSection::new();
    exports.export(if ir.reactor { "_initialize" } else { "_start" }, ExportKind::Func, N_IMPORTS);
    for (name, f) in &ir.exports {
        exports.export(name, ExportKind::Func, remap(*f));
    }
    exports.export("memory", ExportKind::Memory, 0);
    module.section(&exports);

    if let Some(init) = ir.init {
        // Builds the `&str` literal globals at instantiation (see `lower/str_consts.rs`).
        module.section(&wasm_encoder::StartSection { function_index: remap(init) });
    }

    if !ir.declared_refs.is_empty() {
        // `ref.func` needs its functions declared in an element segment.
        let mut funcs_declared: Vec<u32> = ir.declared_refs.iter().map(|f| remap(*f)).collect();
        funcs_declared.sort();
        funcs_declared.dedup();
        let mut elems = wasm_encoder::ElementSection::new();
        elems.declared(wasm_encoder::Elements::Functions(std::borrow::Cow::Owned(funcs_declared)));
        module.section(&elems);
    }

    if !ir.data.is_empty() {
        module.section(&DataCountSection { count: ir.data.len() as u32 });
    }

    let mut code = CodeSection::new();
    let mut first_export_end = 0usize;
    for (i, &f) in order.iter().enumerate() {
        let fi = &ir.funcs[f];
        let mut func = Function::new_with_locals_types(fi.locals.iter().copied());
        for ins in &fi.body {
            let ins = match ins {
                Instruction::Call(x) => Instruction::Call(remap(*x)),
                Instruction::ReturnCall(x) => Instruction::ReturnCall(remap(*x)),
                Instruction::RefFunc(x) => Instruction::RefFunc(remap(*x)),
                Instruction::CallRef(t) => Instruction::CallRef(*t),
                other => other.clone(),
            };
            func.instruction(&ins);
        }
        code.function(&func);
        if i == 0 {
            first_export_end = code.byte_len();
        }
    }
    module.section(&code);

    if !ir.data.is_empty() {
        let mut data = DataSection::new();
        for d in &ir.data {
            data.passive(d.iter().copied());
        }
        module.section(&data);
    }

    // Name section: functions, locals omitted, types and fields.
    let mut names = NameSection::new();
    let mut fnames = NameMap::new();
    fnames.append(0, "wasi:fd_write");
    fnames.append(1, "wasi:proc_exit");
    if ir.uses_args {
        fnames.append(2, "wasi:args_sizes_get");
        fnames.append(3, "wasi:args_get");
    }
    for (p, &f) in order.iter().enumerate() {
        fnames.append(N_IMPORTS + p as u32, &ir.funcs[f].name);
    }
    names.functions(&fnames);
    let mut tnames = NameMap::new();
    let mut fields = IndirectNameMap::new();
    for (i, t) in ir.types.iter().enumerate() {
        let idx = PRE_TYPES + i as u32;
        if !t.name.is_empty() {
            tnames.append(idx, &t.name);
        }
        if !t.field_names.is_empty() {
            let mut m = NameMap::new();
            for (k, n) in t.field_names.iter().enumerate() {
                m.append(k as u32, n);
            }
            fields.append(idx, &m);
        }
    }
    names.types(&tnames);
    names.fields(&fields);
    module.section(&names);

    let bytes = module.finish();
    // Bytes before the first export's body is complete: everything up to the code section start plus
    // the first function body.
    let code_start = code_section_offset(&bytes).unwrap_or(0);
    let stats = CompileStats { functions: n, bytes_before_first_export: code_start + first_export_end, folded_functions: ir.folded, thin_instances: 0, thin_bodies: 0 };
    let mut validator = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::default());
    if let Err(e) = validator.validate_all(&bytes) {
        if let Ok(path) = std::env::var("WASMRUST_DUMP_INVALID") {
            let _ = std::fs::write(path, &bytes);
        }
        return Err(Diagnostic {
            code: codes::ICE,
            message: format!("internal compiler error: emitted module is invalid: {e}"),
            file: String::new(),
            source_line: String::new(),
            line: 0,
            col: 0,
            len: 1,
            label: String::new(),
            help: Some("this is a bug in WasmRust; please report it".into()),
        });
    }
    Ok((bytes, stats))
}

fn code_section_offset(bytes: &[u8]) -> Option<usize> {
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        if let Ok(wasmparser::Payload::CodeSectionStart { unchecked_range, .. }) = payload {
            return Some(unchecked_range.start as usize);
        }
    }
    None
}
