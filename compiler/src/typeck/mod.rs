//! Pass 3: type checking with inference. Produces a typed body (`tir::Body`) for every function.
//!
//! Split by concern: `items` (signatures, struct/enum field types, syn types → `Ty`), `expr` (expressions
//! and statements), `pat` (patterns), `methods` (std method table), `macros` (println!/format!/vec!/...).

mod closures;
mod dyn_trait;
mod expr;
mod items;
mod macros;
mod methods;
mod mono;
pub mod thin;
pub mod dyn_error;
mod pat;
mod traits;

use crate::diagnostics::{codes, Diagnostic, Span};
use crate::resolve::Program;
use crate::tir::{Body, Closure, Local, LocalId, TExpr};
use crate::types::{InferTable, Ty, TyDisplay, VarKind};
use std::collections::HashMap;

pub use items::{FnSig, TyEnv};

/// How a method takes `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfKind {
    None,
    Value,
    Ref,
    RefMut,
}

/// The implementations behind one trait-object type (`dyn Shape`, `dyn Fn(i32) -> i32`).
#[derive(Clone, Debug)]
pub struct DynTable {
    pub key: Ty,
    /// Method names in dispatch order (`call` for `dyn Fn`).
    pub methods: Vec<String>,
    /// Per tag: the concrete type and, per method, the fn implementing it.
    pub entries: Vec<(Ty, Vec<DynImpl>)>,
}

/// The fn behind one `dyn` method of one concrete type.
#[derive(Clone, Debug)]
pub enum DynImpl {
    Fn(usize),
    /// A closure's lifted fn (known once its definer is finished).
    Closure(usize),
}

/// Everything the later passes need: the program, resolved item types and typed bodies.
pub struct Checked {
    pub program: Program,
    /// adt → variant → field types.
    pub adt_fields: Vec<Vec<Vec<Ty>>>,
    /// adt → variant → discriminant value.
    pub adt_discrs: Vec<Vec<i64>>,
    pub sigs: Vec<FnSig>,
    pub bodies: HashMap<usize, Body>,
    pub consts: Vec<(Ty, TExpr)>,
    /// Closures stored in `let` bindings, inlined at their call sites.
    pub closures: Vec<Closure>,
    /// Declared method signatures of each user trait (`Self` is `Param(0)`).
    pub trait_sigs: Vec<Vec<(String, FnSig)>>,
    /// `dyn` dispatch tables: one per trait-object type, one entry per concrete type coerced to it.
    pub dyn_tables: Vec<DynTable>,
    /// Self type of each impl block (its generics as `Param`s).
    pub impl_self: Vec<Ty>,
    /// Type arguments of the implemented trait of each impl block (`From<T>` → `[T]`).
    pub impl_trait_args: Vec<Vec<Ty>>,
    /// Generic fn instances: (template, type arguments) → fn id, and back.
    pub fn_insts: HashMap<(usize, Vec<Ty>), usize>,
    pub fn_inst_args: HashMap<usize, Vec<Ty>>,
    /// Instances whose bodies still need checking.
    pub pending: Vec<usize>,
    /// Generic ADT instances: (definition, type arguments) → concrete ADT index.
    pub adt_insts: HashMap<(usize, Vec<Ty>), usize>,
    /// Hidden types of return-position `impl Trait`, by fn (instance) id.
    pub opaque: HashMap<usize, Ty>,
    /// Fns whose body is being checked right now (on-demand checking must not recurse into them).
    pub checking: Vec<usize>,
    /// Closure signatures known before their definer finished (`impl Trait` callees checked early).
    pub closure_sigs: HashMap<usize, (Vec<Ty>, Ty)>,
    /// Lifted closures by closure id.
    pub closure_info: HashMap<usize, closures::ClosureInfo>,
    /// Full names of ADT instances (`Tree<f64>`): the lowering keys per-type helpers by type name.
    pub adt_inst_names: HashMap<usize, String>,
    /// What thin monomorphization shared (`thin::redirect`); arrays of GC references are erased when
    /// `thin.redirected > 0`.
    pub thin: thin::ThinStats,
    /// Concrete ADT index → (generic definition, type arguments): the inverse of `adt_insts`.
    pub adt_inst_of: HashMap<usize, (usize, Vec<Ty>)>,
}

impl Checked {
    /// Field types of variant `v` of `a` with its type arguments substituted.
    pub fn variant_fields(&self, a: usize, args: &[Ty], v: usize) -> Vec<Ty> {
        self.adt_fields[a][v].iter().map(|t| crate::types::subst(t, args)).collect()
    }
    /// The user's `FromStr::from_str` for type `t` (what `str::parse::<t>()` calls), with its error type.
    pub fn from_str_impl(&self, t: &Ty) -> Option<(usize, Ty)> {
        let i = (0..self.program.impls.len()).find(|&i| self.program.impls[i].trait_name.as_deref() == Some("FromStr") && self.impl_self.get(i) == Some(t))?;
        let f = *self.program.impls[i].methods.get("from_str")?;
        match &self.sigs.get(f)?.ret {
            Ty::Result(_, e) => Some((f, (**e).clone())),
            _ => None,
        }
    }
    pub fn adt_is_copy(&self, a: usize) -> bool {
        self.program.adts[a].derives("Copy")
    }
    /// Whether values of `t` are `Copy` (copies must not alias).
    pub fn is_copy(&self, t: &Ty) -> bool {
        match t {
            Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char | Ty::Unit | Ty::Never => true,
            Ty::Ref(m, _) => !m,
            Ty::Tuple(ts) => ts.iter().all(|t| self.is_copy(t)),
            Ty::Array(t, _) => self.is_copy(t),
            Ty::Option(t) => self.is_copy(t),
            Ty::Result(a, b) => self.is_copy(a) && self.is_copy(b),
            Ty::Adt(a, args) => self.adt_is_copy(*a) && args.iter().all(|t| self.is_copy(t)),
            Ty::Range(t, _) => self.is_copy(t),
            Ty::Coll(crate::collections::CollKind::Reverse, ts) => self.is_copy(&ts[0]),
            _ => false,
        }
    }
    /// Fieldless enums are plain i32 discriminants.
    pub fn adt_is_fieldless_enum(&self, a: usize) -> bool {
        let d = &self.program.adts[a];
        d.is_enum && d.variants.iter().all(|v| v.fields.is_empty())
    }
    pub fn adt_is_fieldless_enum_ty(&self, t: &Ty) -> bool {
        matches!(t, Ty::Adt(a, _) if self.adt_is_fieldless_enum(*a))
    }
    pub fn ty_name(&self, t: &Ty) -> String {
        let names = |i: usize| self.adt_inst_names.get(&i).cloned().unwrap_or_else(|| self.program.adts[i].name.clone());
        TyDisplay { ty: t, adt_names: &names }.to_string()
    }
}

pub fn check(program: Program) -> Result<Checked, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut ck = Checked {
        program,
        adt_fields: Vec::new(),
        adt_discrs: Vec::new(),
        sigs: Vec::new(),
        bodies: HashMap::new(),
        consts: Vec::new(),
        closures: Vec::new(),
        impl_self: Vec::new(),
        trait_sigs: Vec::new(),
        dyn_tables: Vec::new(),
        impl_trait_args: Vec::new(),
        fn_insts: HashMap::new(),
        fn_inst_args: HashMap::new(),
        pending: Vec::new(),
        adt_insts: HashMap::new(),
        adt_inst_names: HashMap::new(),
        closure_info: HashMap::new(),
        closure_sigs: HashMap::new(),
        opaque: HashMap::new(),
        checking: Vec::new(),
        thin: Default::default(),
        adt_inst_of: HashMap::new(),
    };
    items::collect(&mut ck, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    for c in 0..ck.program.consts.len() {
        let (module, file, sa) = (ck.program.consts[c].module, ck.program.consts[c].file, ck.program.consts[c].self_adt);
        let ty = ck.consts[c].0.clone();
        let syn_expr = ck.program.consts[c].expr.clone();
        let mut cx = FnCx::new(&mut ck, module, file, sa, Ty::Unit, false);
        let e = cx.check_expr_coerce(&syn_expr, &ty);
        let e = cx.finish_expr(e);
        errors.extend(cx.errors);
        ck.consts[c].1 = e;
    }
    for f in 0..ck.program.fns.len() {
        if !ck.program.fns[f].generics.is_empty() || ck.bodies.contains_key(&f) {
            continue; // a template (checked once per instance), or already checked on demand
        }
        match expr::check_fn(&mut ck, f) {
            Ok(body) => {
                ck.bodies.insert(f, body);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    mono::check_instances(&mut ck, &mut errors);
    let has_main = ck.program.fns.iter().any(|f| f.name == "main" && f.module == ck.program.root_mod)
        || crate::test_harness::is_installed(&ck.program)
        || crate::exports::is_reactor(&ck.program);
    if !has_main {
        let sp = Span { file: 0, ..Default::default() };
        let mut d = ck.program.sources.diag(codes::NO_MAIN, &sp, "`main` function not found in crate", "", Some("add `fn main() { ... }` to src/main.rs".into()));
        d.line = 1;
        d.col = 1;
        errors.push(d);
    }
    if errors.is_empty() { Ok(ck) } else { Err(errors) }
}

/// A loop being checked (for `break`/`continue`).
struct LoopCx {
    label: Option<String>,
    id: usize,
    /// Type of `break value` (only `loop` allows a value).
    break_ty: Option<Ty>,
}

/// Per-function type-checking state.
pub(crate) struct FnCx<'a> {
    pub ck: &'a mut Checked,
    pub infer: InferTable,
    pub locals: Vec<Local>,
    scopes: Vec<HashMap<String, LocalId>>,
    loops: Vec<LoopCx>,
    next_label: usize,
    pub ret_ty: Ty,
    pub module: usize,
    pub file: usize,
    pub self_adt: Option<usize>,
    /// Type parameters (concrete in an instance's body), `Self` and associated types.
    pub env: TyEnv,
    /// Set just before checking a value closure's literal (see `check_closure`).
    pub next_closure_is_value: bool,
    /// For each closure being checked: whether it is a value closure.
    pub closure_kinds: Vec<bool>,
    /// Per inline closure being checked: the label its body is wrapped in and the closure's result
    /// type, so `?`/`return` inside leave the closure (`break 'label value`); whether one did.
    pub inline_exits: Vec<(usize, Ty, bool)>,
    /// Operands of arithmetic whose type was unknown when checked: must end up numeric.
    pub deferred_numeric: Vec<(Ty, proc_macro2::Span)>,
    /// Name of the fn being checked (lifted closures are named after it).
    pub fn_name: String,
    /// The expression being checked is the target of an assignment (`IndexMut` instead of `Index`).
    pub place_mut: bool,
    pub errors: Vec<Diagnostic>,
    pub is_prelude: bool,
    /// Inside a closure body (where `return` and `?` are not supported).
    in_closure: usize,
    /// `str::parse` calls whose target type was not known yet: (target, error type, span).
    pub deferred_parse: Vec<(Ty, Ty, proc_macro2::Span)>,
    /// `collect()` calls whose target type was not known yet: (target, item, span); decided at the end
    /// of the function (`methods/iter.rs`).
    pub deferred_collect: Vec<(Ty, Ty, proc_macro2::Span)>,
}

impl<'a> FnCx<'a> {
    pub fn new(ck: &'a mut Checked, module: usize, file: usize, self_adt: Option<usize>, ret_ty: Ty, is_prelude: bool) -> Self {
        let env = TyEnv { self_ty: self_adt.map(|a| items::adt_self_ty(&ck.program, a)), ..Default::default() };
        FnCx {
            ck,
            infer: InferTable::default(),
            locals: Vec::new(),
            scopes: vec![HashMap::new()],
            loops: Vec::new(),
            next_label: 0,
            ret_ty,
            module,
            file,
            env,
            place_mut: false,
            fn_name: String::new(),
            deferred_numeric: Vec::new(),
            next_closure_is_value: false,
            closure_kinds: Vec::new(),
            inline_exits: Vec::new(),
            self_adt,
            errors: Vec::new(),
            is_prelude,
            in_closure: 0,
            deferred_parse: Vec::new(),
            deferred_collect: Vec::new(),
        }
    }

    /// A syntactic type in this body's naming environment.
    pub fn to_ty(&self, t: &syn::Type) -> Result<Ty, Diagnostic> {
        items::syn_to_ty_env(&self.ck.program, self.module, self.file, &self.env, t).map(|t| self.ck.normalize(&t))
    }

    pub fn span(&self, s: proc_macro2::Span) -> Span {
        crate::load::span_of(self.file, s)
    }

    pub fn err(&mut self, code: &'static str, sp: proc_macro2::Span, msg: impl Into<String>, label: impl Into<String>, help: Option<&str>) {
        let span = self.span(sp);
        let d = self.ck.program.sources.diag(code, &span, msg, label, help.map(str::to_string));
        // One error per location is enough.
        if !self.errors.iter().any(|e| e.line == d.line && e.col == d.col) {
            self.errors.push(d);
        }
    }

    pub fn fresh(&mut self) -> Ty {
        self.infer.fresh(VarKind::General)
    }

    /// `a` with fresh inference variables for its type parameters (and those variables).
    pub fn fresh_adt(&mut self, a: usize) -> (Ty, Vec<Ty>) {
        let args: Vec<Ty> = (0..self.ck.program.adts[a].generics.len()).map(|_| self.fresh()).collect();
        (Ty::Adt(a, args.clone()), args)
    }

    pub fn resolve(&self, t: &Ty) -> Ty {
        self.infer.resolve(t)
    }

    pub fn shallow(&self, t: &Ty) -> Ty {
        self.infer.shallow(t)
    }

    pub fn new_local(&mut self, name: &str, ty: Ty) -> LocalId {
        self.locals.push(Local { name: name.to_string(), ty, boxed: false });
        self.locals.len() - 1
    }

    pub fn bind(&mut self, name: &str, id: LocalId) {
        self.scopes.last_mut().unwrap().insert(name.to_string(), id);
    }

    pub fn lookup_local(&self, name: &str) -> Option<LocalId> {
        self.scopes.iter().rev().find_map(|s| s.get(name).copied())
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    pub fn ty_name(&self, t: &Ty) -> String {
        let t = self.infer.finalize(t);
        self.ck.ty_name(&t)
    }

    /// Unifies, reporting a mismatch at `sp`.
    pub fn expect_ty(&mut self, sp: proc_macro2::Span, expected: &Ty, found: &Ty) {
        if self.infer.unify(expected, found).is_err() {
            let (e, f) = (self.ty_name(expected), self.ty_name(found));
            self.err(codes::TYPE_MISMATCH, sp, "mismatched types", format!("expected `{e}`, found `{f}`"), None);
        }
    }

    /// Resolves all inference variables of a finished expression (literal fallback applied).
    pub fn finish_expr(&mut self, e: TExpr) -> TExpr {
        let mut e = e;
        expr::finalize_expr(self, &mut e);
        e
    }
}

/// Checks a whole function: parameters, body, and returns its typed body.
pub(crate) fn new_body(cx: FnCx, params: Vec<LocalId>, expr: TExpr) -> Result<Body, Vec<Diagnostic>> {
    let mut cx = cx;
    for (t, item, sp) in std::mem::take(&mut cx.deferred_collect) {
        cx.finish_collect(&t, &item, sp);
    }
    for (t, e, sp) in std::mem::take(&mut cx.deferred_parse) {
        match cx.infer.finalize(&t) {
            Ty::F32 | Ty::F64 => {
                let _ = cx.infer.unify(&e, &Ty::ParseError(true));
            }
            Ty::Int(_) => {
                let _ = cx.infer.unify(&e, &Ty::ParseError(false));
            }
            t @ Ty::Adt(..) if cx.ck.from_str_impl(&t).is_some() => {
                let err = cx.ck.from_str_impl(&t).map(|x| x.1).unwrap_or(Ty::Unit);
                let _ = cx.infer.unify(&e, &err);
            }
            _ => cx.err(codes::ANNOTATIONS_NEEDED, sp, "type annotations needed", "cannot infer the type of `parse`", Some("write `.parse::<i32>()`")),
        }
    }
    for (t, sp) in std::mem::take(&mut cx.deferred_numeric) {
        if !matches!(cx.infer.finalize(&t), Ty::Int(_) | Ty::F32 | Ty::F64) {
            cx.err(codes::ANNOTATIONS_NEEDED, sp, "type annotations needed", "the operand type must be known here", Some("annotate the closure parameter, e.g. `|x: i32|`"));
        }
    }
    let mut expr = cx.finish_expr(expr);
    cx.register_dyn_coercions(&mut expr);
    mono::resolve_calls(&mut cx, &mut expr);
    let mut locals = std::mem::take(&mut cx.locals);
    for l in &mut locals {
        l.ty = cx.infer.finalize(&l.ty);
    }
    if cx.errors.is_empty() {
        let name = cx.fn_name.clone();
        let mut errs = Vec::new();
        closures::lift_closures(cx.ck, &mut locals, &mut expr, &name, cx.is_prelude, &mut errs);
        cx.errors.extend(errs);
    }
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    let ret = cx.infer.finalize(&cx.ret_ty);
    Ok(Body { params, locals, ret, expr, is_prelude: cx.is_prelude })
}
