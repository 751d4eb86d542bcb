//! Pass 4: lowers typed bodies to wasm instructions with Rust semantics (overflow checks per profile,
//! bounds checks, rustc's panic messages). Functions are discovered from `main` breadth-first, so only
//! reachable code is emitted, in streaming order.

mod derive_default;
mod cells;
mod collections;
mod deque_heap;
mod dyn_dispatch;
mod elem_refs;
mod fold;
mod rc_drops_glue;
mod func;
mod gc_ops;
mod hash;
mod helpers;
mod opt_match;
mod ordering;
mod ops;
mod place;
mod pattern;
mod reactor;
mod str_consts;
mod string_views;
mod user_iter;
pub mod reprs;
mod test_entry;
mod text_ops;
mod thin_calls;
mod ucd;
mod wide;

use crate::diagnostics::{Diagnostic, Span};
use crate::typeck::Checked;
use crate::types::Ty;
use crate::CompileOptions;
use reprs::{Layout, TypeDef, TypeKey};
use std::collections::{HashMap, VecDeque};
use wasm_encoder::{Instruction, ValType};

/// Function references use internal ids; imports are tagged and remapped at emission.
pub const IMPORT_TAG: u32 = 1 << 30;
pub const IMPORT_FD_WRITE: u32 = IMPORT_TAG;
pub const IMPORT_PROC_EXIT: u32 = IMPORT_TAG | 1;
pub const IMPORT_ARGS_SIZES_GET: u32 = IMPORT_TAG | 2;
pub const IMPORT_ARGS_GET: u32 = IMPORT_TAG | 3;

pub struct FuncIr {
    pub name: String,
    pub ty: u32,
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
    pub locals: Vec<ValType>,
    pub body: Vec<Instruction<'static>>,
    /// Panic and formatting paths, emitted last.
    pub cold: bool,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum FuncKey {
    User(usize),
    Helper(String),
}

pub struct Lowerer<'a> {
    pub ck: &'a Checked,
    pub opts: &'a CompileOptions,
    pub types: Vec<TypeDef>,
    pub type_map: HashMap<TypeKey, u32>,
    pub layouts: HashMap<Ty, Layout>,
    pub funcs: Vec<FuncIr>,
    fn_map: HashMap<FuncKey, u32>,
    queue: VecDeque<(u32, usize)>,
    pub data: Vec<Vec<u8>>,
    data_map: HashMap<Vec<u8>, u32>,
    pub errors: Vec<Diagnostic>,
    pub start: u32,
    /// The program reads its command line (imports `args_sizes_get`/`args_get`).
    pub uses_args: bool,
    /// `#[wasm::export]`ed functions of a library (reactor) build: export name, function id.
    pub exports: Vec<(String, u32)>,
    /// Functions referenced by `ref.func` (declared in an element segment).
    pub declared_refs: Vec<u32>,
    /// Mutable globals `(ref null $T)` caching lazily built constants (`ucd.rs`, `str_consts.rs`): the
    /// heap type of each, and the key → global index map.
    pub globals: Vec<u32>,
    pub global_map: HashMap<String, u32>,
    /// Whether the program formats with `{:x?}`/`{:X?}` (computed on first use; see `ops.rs`).
    pub debug_hex: Option<bool>,
}

/// Everything `emit` needs.
pub struct ModuleIr {
    pub types: Vec<TypeDef>,
    pub subtypes: Vec<wasm_encoder::SubType>,
    pub funcs: Vec<FuncIr>,
    pub data: Vec<Vec<u8>>,
    pub start: u32,
    pub uses_args: bool,
    /// Library build: `start` is `_initialize` and these functions are exported by name.
    pub reactor: bool,
    pub exports: Vec<(String, u32)>,
    pub declared_refs: Vec<u32>,
    /// Functions removed by identical-code folding.
    pub folded: usize,
    /// Array type of each `(mut (ref null $array))` global, initialized to null.
    pub globals: Vec<u32>,
    /// The module's start function (builds the `&str` literal globals; see `str_consts.rs`).
    pub init: Option<u32>,
}

pub fn lower(ck: &Checked, opts: &CompileOptions, exports: &[crate::exports::ExportDesc]) -> Result<ModuleIr, Vec<Diagnostic>> {
    let mut lw = Lowerer {
        ck,
        opts,
        types: Vec::new(),
        type_map: HashMap::new(),
        layouts: HashMap::new(),
        funcs: Vec::new(),
        fn_map: HashMap::new(),
        queue: VecDeque::new(),
        data: Vec::new(),
        data_map: HashMap::new(),
        errors: Vec::new(),
        start: 0,
        uses_args: false,
        exports: Vec::new(),
        declared_refs: Vec::new(),
        globals: Vec::new(),
        global_map: HashMap::new(),
        debug_hex: None,
    };
    test_entry::bind_thread_name(&mut lw);
    let reactor = opts.kind == crate::CrateKind::Lib;
    if reactor {
        lw.start = reactor::entry(&mut lw, exports);
    } else {
        let main = test_entry::root_fn(&lw).unwrap_or(0);
        lw.start = lw.start_fn(main);
    }
    while let Some((fid, f)) = lw.queue.pop_front() {
        func::lower_user_fn(&mut lw, fid, f);
    }
    let init = str_consts::init_literals(&mut lw);
    if !lw.errors.is_empty() {
        return Err(lw.errors);
    }
    let subtypes = lw.subtypes();
    let mut ir = ModuleIr { types: lw.types, subtypes, funcs: lw.funcs, data: lw.data, start: lw.start, uses_args: lw.uses_args, reactor, exports: lw.exports, declared_refs: lw.declared_refs, globals: lw.globals, init, folded: 0 };
    // `WASMRUST_NO_FOLD=1` keeps every instance (to measure what folding saves).
    if std::env::var_os("WASMRUST_NO_FOLD").is_none() {
        ir.folded = fold::fold_identical(&mut ir);
    }
    Ok(ir)
}

impl<'a> Lowerer<'a> {
    pub fn error(&mut self, code: &'static str, span: &Span, msg: impl Into<String>, help: Option<&str>) {
        let d = self.ck.program.sources.diag(code, span, msg, "", help.map(str::to_string));
        if !self.errors.iter().any(|e| e.line == d.line && e.col == d.col && e.message == d.message) {
            self.errors.push(d);
        }
    }

    /// Declares a function and returns its internal id; `body` is filled in later.
    pub fn declare(&mut self, key: FuncKey, name: String, params: Vec<ValType>, results: Vec<ValType>, cold: bool) -> (u32, bool) {
        if let Some(&id) = self.fn_map.get(&key) {
            return (id, false);
        }
        let ty = self.func_type(&params, &results);
        let id = self.funcs.len() as u32;
        self.funcs.push(FuncIr { name, ty, params, results, locals: Vec::new(), body: Vec::new(), cold });
        self.fn_map.insert(key, id);
        (id, true)
    }

    /// The id of user (or prelude) function `f`, queueing it for lowering on first use.
    pub fn user_fn(&mut self, f: usize) -> u32 {
        if let Some(&id) = self.fn_map.get(&FuncKey::User(f)) {
            return id;
        }
        let body = &self.ck.bodies[&f];
        let params: Vec<ValType> = body.params.iter().filter_map(|&l| {
            let t = body.locals[l].ty.clone();
            self.repr(&t)
        }).collect();
        let ret = body.ret.clone();
        let results: Vec<ValType> = match self.elem_ret(f) {
            Some(pr) => vec![self.place_ret_repr(&pr)],
            None => self.repr(&ret).into_iter().collect(),
        };
        let def = &self.ck.program.fns[f];
        let cold = def.is_prelude && (def.name.contains("panic") || def.name.starts_with("fmt_"));
        let (id, new) = self.declare(FuncKey::User(f), def.name.clone(), params, results, cold);
        if new {
            self.queue.push_back((id, f));
        }
        id
    }

    /// A std prelude function by name.
    pub fn prelude_fn(&mut self, name: &str) -> u32 {
        let f = self.ck.program.fns.iter().position(|d| d.is_prelude && d.name == name);
        match f {
            Some(f) => self.user_fn(f),
            None => panic!("std prelude function `{name}` is missing"),
        }
    }

    fn start_fn(&mut self, main: usize) -> u32 {
        let m = self.user_fn(main);
        let (id, _) = self.declare(FuncKey::Helper("_start".into()), "_start".into(), vec![], vec![], false);
        let mut body = vec![Instruction::Call(m)];
        let ret = self.ck.bodies.get(&main).map(|b| b.ret.clone()).unwrap_or(Ty::Unit);
        if !matches!(ret, Ty::Unit | Ty::Never) {
            // `fn main() -> Result<(), E>`: an Err prints `Error: {e:?}` and exits with 1.
            let helper = helpers::main_result_helper(self, &ret);
            body = vec![Instruction::Call(m), Instruction::Call(helper)];
        }
        body.push(Instruction::End);
        self.funcs[id as usize].body = body;
        id
    }

    /// Index of a passive data segment holding `bytes` (deduplicated).
    pub fn data_segment(&mut self, bytes: &[u8]) -> u32 {
        if let Some(&i) = self.data_map.get(bytes) {
            return i;
        }
        let i = self.data.len() as u32;
        self.data.push(bytes.to_vec());
        self.data_map.insert(bytes.to_vec(), i);
        i
    }

    pub fn set_body(&mut self, id: u32, locals: Vec<ValType>, body: Vec<Instruction<'static>>) {
        let f = &mut self.funcs[id as usize];
        f.locals = locals;
        f.body = body;
    }

    /// `declare` for generated helpers: returns (id, needs_body).
    pub fn helper(&mut self, key: &str, params: Vec<ValType>, results: Vec<ValType>, cold: bool) -> (u32, bool) {
        self.declare(FuncKey::Helper(key.to_string()), key.to_string(), params, results, cold)
    }
}
