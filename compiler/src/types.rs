//! Semantic types and the unification table used by type inference.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    /// 128-bit integers are represented as an immutable GC struct `{lo: i64, hi: i64}` (see `lower/wide.rs`).
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
}

impl IntTy {
    pub fn bits(self) -> u32 {
        match self {
            IntTy::I8 | IntTy::U8 => 8,
            IntTy::I16 | IntTy::U16 => 16,
            IntTy::I32 | IntTy::U32 | IntTy::Isize | IntTy::Usize => 32,
            IntTy::I64 | IntTy::U64 => 64,
            IntTy::I128 | IntTy::U128 => 128,
        }
    }
    pub fn signed(self) -> bool {
        matches!(self, IntTy::I8 | IntTy::I16 | IntTy::I32 | IntTy::I64 | IntTy::I128 | IntTy::Isize)
    }
    pub fn is64(self) -> bool {
        self.bits() == 64
    }
    /// i128/u128: a GC struct in wasm, lowered by `lower/wide.rs`.
    pub fn is128(self) -> bool {
        self.bits() == 128
    }
    pub fn name(self) -> &'static str {
        match self {
            IntTy::I8 => "i8",
            IntTy::I16 => "i16",
            IntTy::I32 => "i32",
            IntTy::I64 => "i64",
            IntTy::I128 => "i128",
            IntTy::Isize => "isize",
            IntTy::U8 => "u8",
            IntTy::U16 => "u16",
            IntTy::U32 => "u32",
            IntTy::U64 => "u64",
            IntTy::U128 => "u128",
            IntTy::Usize => "usize",
        }
    }
    pub fn from_name(s: &str) -> Option<IntTy> {
        Some(match s {
            "i8" => IntTy::I8,
            "i16" => IntTy::I16,
            "i32" => IntTy::I32,
            "i64" => IntTy::I64,
            "i128" => IntTy::I128,
            "isize" => IntTy::Isize,
            "u8" => IntTy::U8,
            "u16" => IntTy::U16,
            "u32" => IntTy::U32,
            "u64" => IntTy::U64,
            "u128" => IntTy::U128,
            "usize" => IntTy::Usize,
            _ => return None,
        })
    }
    /// The minimum as an i128 (for u128: the bit pattern, i.e. `max()` is -1).
    pub fn min(self) -> i128 {
        if self.is128() {
            return if self.signed() { i128::MIN } else { 0 };
        }
        if self.signed() { -(1i128 << (self.bits() - 1)) } else { 0 }
    }
    pub fn max(self) -> i128 {
        if self.is128() {
            return if self.signed() { i128::MAX } else { -1 };
        }
        if self.signed() { (1i128 << (self.bits() - 1)) - 1 } else { (1i128 << self.bits()) - 1 }
    }
}

/// A Rust type as the compiler understands it. Std types the lowering knows natively have their own
/// constructors; user structs and enums are `Adt(index)`.
#[derive(Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Ty {
    Int(IntTy),
    F32,
    F64,
    Bool,
    Char,
    Unit,
    Never,
    /// The unsized `str`; `&str` is `Ref(false, Str)`.
    Str,
    Tuple(Vec<Ty>),
    Array(Box<Ty>, u32),
    Slice(Box<Ty>),
    Ref(bool, Box<Ty>),
    /// A user struct/enum with its type arguments (empty for non-generic ones). After type checking every
    /// generic instance is interned as its own concrete ADT, so the lowering only sees `Adt(i, [])`.
    Adt(usize, Vec<Ty>),
    /// `dyn Trait` of user trait `i` (behind `Box`/`&`): a tagged reference dispatched by tag.
    DynTrait(usize),
    /// `dyn Fn(A..) -> R` (also `FnMut`/`FnOnce`).
    DynFn(Vec<Ty>, Box<Ty>),
    /// An associated type of a type not known yet (`Self::Item`, `T::Output` in a generic signature):
    /// normalized once the base is concrete.
    Proj(Box<Ty>, String),
    /// The hidden type of fn `i`'s return-position `impl Trait`: learned from its body.
    Opaque(usize),
    /// The i-th type parameter of a generic item (only in item signatures/field types, substituted at use).
    Param(u32),
    Vec(Box<Ty>),
    String,
    Option(Box<Ty>),
    Result(Box<Ty>, Box<Ty>),
    Boxed(Box<Ty>),
    /// `a..b` (false) or `a..=b` (true).
    Range(Box<Ty>, bool),
    /// An iterator chain with the given item type (only consumed in place, never stored).
    Iter(Box<Ty>),
    /// `fmt::Formatter` (an output buffer).
    Formatter,
    /// `fmt::Error`.
    FmtError,
    /// `ParseIntError` (false) / `ParseFloatError` (true): the error of `str::parse`.
    ParseError(bool),
    /// A closure literal (only as an argument of std methods, inlined there).
    Closure(usize),
    /// `fn(A, B) -> R`: a typed function reference.
    FnPtr(Vec<Ty>, Box<Ty>),
    /// A WasmRust GC type of the `wasm` crate (`GcBox<T>`, `GcRc<T>`, `GcArray<T>`; `GcString` and
    /// `ExternRef` carry `()`). See `crate::gc_types`.
    Gc(crate::gc_types::GcKind, Box<Ty>),
    /// A std collection or `Reverse` (see `crate::collections`): kind and type arguments.
    Coll(crate::collections::CollKind, Vec<Ty>),
    Var(u32),
    /// A type parameter of a *thin* instance (see `typeck::thin`): stands for any GC reference type
    /// and is represented as `anyref`, so one body serves every such instantiation.
    Erased,
}

impl Ty {
    pub fn usize() -> Ty {
        Ty::Int(IntTy::Usize)
    }
    pub fn str_ref() -> Ty {
        Ty::Ref(false, Box::new(Ty::Str))
    }
    pub fn is_unit_like(&self) -> bool {
        matches!(self, Ty::Unit | Ty::Never)
    }
    pub fn is_integral(&self) -> bool {
        matches!(self, Ty::Int(_))
    }
    /// Strips references (auto-deref for method calls and field access).
    pub fn peel_refs(&self) -> &Ty {
        let mut t = self;
        while let Ty::Ref(_, inner) = t {
            t = inner;
        }
        t
    }
}

/// Names for diagnostics (approximating rustc's spelling).
pub struct TyDisplay<'a> {
    pub ty: &'a Ty,
    pub adt_names: &'a dyn Fn(usize) -> String,
}

impl<'a> fmt::Display for TyDisplay<'a> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sub = |t: &'a Ty| -> TyDisplay<'a> { TyDisplay { ty: t, adt_names: self.adt_names } };
        match self.ty {
            Ty::Int(i) => f.write_str(i.name()),
            Ty::F32 => f.write_str("f32"),
            Ty::F64 => f.write_str("f64"),
            Ty::Bool => f.write_str("bool"),
            Ty::Char => f.write_str("char"),
            Ty::Unit => f.write_str("()"),
            Ty::Never => f.write_str("!"),
            Ty::Str => f.write_str("str"),
            Ty::Tuple(ts) => {
                f.write_str("(")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", sub(t))?;
                }
                if ts.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Ty::Array(t, n) => write!(f, "[{}; {}]", sub(t), n),
            Ty::Slice(t) => write!(f, "[{}]", sub(t)),
            Ty::Ref(m, t) => write!(f, "&{}{}", if *m { "mut " } else { "" }, sub(t)),
            Ty::Adt(i, args) => {
                f.write_str(&(self.adt_names)(*i))?;
                if !args.is_empty() {
                    f.write_str("<")?;
                    for (k, t) in args.iter().enumerate() {
                        if k > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{}", sub(t))?;
                    }
                    f.write_str(">")?;
                }
                Ok(())
            }
            Ty::Param(i) => write!(f, "T{i}"),
            Ty::Erased => f.write_str("_"),
            Ty::Opaque(_) => f.write_str("impl Trait"),
            Ty::Proj(b, n) => write!(f, "<{} as _>::{n}", sub(b)),
            Ty::DynTrait(_) => f.write_str("dyn Trait"),
            Ty::DynFn(ps, r) => {
                f.write_str("dyn Fn(")?;
                for (i, t) in ps.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", sub(t))?;
                }
                write!(f, ") -> {}", sub(r))
            }
            Ty::Vec(t) => write!(f, "Vec<{}>", sub(t)),
            Ty::String => f.write_str("String"),
            Ty::Option(t) => write!(f, "Option<{}>", sub(t)),
            Ty::Result(a, b) => write!(f, "Result<{}, {}>", sub(a), sub(b)),
            Ty::Boxed(t) => write!(f, "Box<{}>", sub(t)),
            Ty::Range(t, incl) => write!(f, "{}<{}>", if *incl { "RangeInclusive" } else { "Range" }, sub(t)),
            Ty::Iter(t) => write!(f, "impl Iterator<Item = {}>", sub(t)),
            Ty::Formatter => f.write_str("Formatter<'_>"),
            Ty::FmtError => f.write_str("fmt::Error"),
            Ty::ParseError(fl) => f.write_str(if *fl { "ParseFloatError" } else { "ParseIntError" }),
            Ty::Closure(_) => f.write_str("{closure}"),
            Ty::FnPtr(ps, r) => {
                f.write_str("fn(")?;
                for (i, t) in ps.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", sub(t))?;
                }
                write!(f, ") -> {}", sub(r))
            }
            Ty::Gc(k, t) => k.write_name(f, &sub(t)),
            Ty::Coll(k, ts) => {
                let subs: Vec<TyDisplay> = ts.iter().map(sub).collect();
                let refs: Vec<&dyn fmt::Display> = subs.iter().map(|s| s as &dyn fmt::Display).collect();
                k.write_name(f, &refs)
            }
            Ty::Var(_) => f.write_str("_"),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VarKind {
    General,
    Int,
    Float,
}

#[derive(Clone, Debug)]
enum VarState {
    Unbound(VarKind),
    Bound(Ty),
}

/// Replaces `Param(i)` by `args[i]` (parameters beyond `args` stay as they are).
pub fn subst(t: &Ty, args: &[Ty]) -> Ty {
    match t {
        Ty::Param(i) => args.get(*i as usize).cloned().unwrap_or_else(|| t.clone()),
        Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|x| subst(x, args)).collect()),
        Ty::Array(e, n) => Ty::Array(Box::new(subst(e, args)), *n),
        Ty::Slice(e) => Ty::Slice(Box::new(subst(e, args))),
        Ty::Ref(m, e) => Ty::Ref(*m, Box::new(subst(e, args))),
        Ty::Vec(e) => Ty::Vec(Box::new(subst(e, args))),
        Ty::Option(e) => Ty::Option(Box::new(subst(e, args))),
        Ty::Result(a, b) => Ty::Result(Box::new(subst(a, args)), Box::new(subst(b, args))),
        Ty::Boxed(e) => Ty::Boxed(Box::new(subst(e, args))),
        Ty::Gc(k, e) => Ty::Gc(*k, Box::new(subst(e, args))),
        Ty::Coll(k, ts) => Ty::Coll(*k, ts.iter().map(|x| subst(x, args)).collect()),
        Ty::Range(e, i) => Ty::Range(Box::new(subst(e, args)), *i),
        Ty::Iter(e) => Ty::Iter(Box::new(subst(e, args))),
        Ty::FnPtr(ps, r) => Ty::FnPtr(ps.iter().map(|x| subst(x, args)).collect(), Box::new(subst(r, args))),
        Ty::Adt(a, xs) => Ty::Adt(*a, xs.iter().map(|x| subst(x, args)).collect()),
        Ty::DynFn(ps, r) => Ty::DynFn(ps.iter().map(|x| subst(x, args)).collect(), Box::new(subst(r, args))),
        Ty::Proj(b, n) => Ty::Proj(Box::new(subst(b, args)), n.clone()),
        other => other.clone(),
    }
}

/// Whether some part of `t` satisfies `pred` (`t` itself included).
pub fn mentions(t: &Ty, pred: &dyn Fn(&Ty) -> bool) -> bool {
    if pred(t) {
        return true;
    }
    match t {
        Ty::Tuple(ts) | Ty::Adt(_, ts) | Ty::Coll(_, ts) => ts.iter().any(|x| mentions(x, pred)),
        Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Gc(_, e) | Ty::Range(e, _) | Ty::Iter(e) => mentions(e, pred),
        Ty::Result(a, b) => mentions(a, pred) || mentions(b, pred),
        Ty::FnPtr(ps, r) | Ty::DynFn(ps, r) => ps.iter().any(|x| mentions(x, pred)) || mentions(r, pred),
        Ty::Proj(b, _) => mentions(b, pred),
        _ => false,
    }
}

/// Whether `t` mentions a type parameter.
pub fn has_param(t: &Ty) -> bool {
    match t {
        Ty::Param(_) => true,
        Ty::Tuple(ts) | Ty::Adt(_, ts) | Ty::Coll(_, ts) => ts.iter().any(has_param),
        Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Gc(_, e) | Ty::Range(e, _) | Ty::Iter(e) => has_param(e),
        Ty::Result(a, b) => has_param(a) || has_param(b),
        Ty::FnPtr(ps, r) | Ty::DynFn(ps, r) => ps.iter().any(has_param) || has_param(r),
        Ty::Proj(b, _) => has_param(b),
        _ => false,
    }
}

/// Union-find style table of inference variables.
#[derive(Default, Clone)]
pub struct InferTable {
    vars: Vec<VarState>,
}

impl InferTable {
    pub fn fresh(&mut self, kind: VarKind) -> Ty {
        self.vars.push(VarState::Unbound(kind));
        Ty::Var(self.vars.len() as u32 - 1)
    }

    /// Follows bindings at the top level only.
    pub fn shallow(&self, t: &Ty) -> Ty {
        let mut t = t.clone();
        while let Ty::Var(v) = t {
            match &self.vars[v as usize] {
                VarState::Bound(b) => t = b.clone(),
                VarState::Unbound(_) => break,
            }
        }
        t
    }

    pub fn kind_of(&self, v: u32) -> Option<VarKind> {
        match &self.vars[v as usize] {
            VarState::Unbound(k) => Some(*k),
            VarState::Bound(_) => None,
        }
    }

    /// Replaces every bound variable inside `t`.
    pub fn resolve(&self, t: &Ty) -> Ty {
        let t = self.shallow(t);
        self.map(&t, &|x| self.resolve(x))
    }

    /// Like `resolve`, and applies literal fallback (integers to i32, floats to f64).
    /// Unresolved general variables stay as `Var`.
    pub fn finalize(&self, t: &Ty) -> Ty {
        let t = self.shallow(t);
        if let Ty::Var(v) = t {
            return match self.kind_of(v) {
                Some(VarKind::Int) => Ty::Int(IntTy::I32),
                Some(VarKind::Float) => Ty::F64,
                _ => t,
            };
        }
        self.map(&t, &|x| self.finalize(x))
    }

    fn map(&self, t: &Ty, f: &dyn Fn(&Ty) -> Ty) -> Ty {
        match t {
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(f).collect()),
            Ty::Array(e, n) => Ty::Array(Box::new(f(e)), *n),
            Ty::Slice(e) => Ty::Slice(Box::new(f(e))),
            Ty::Ref(m, e) => Ty::Ref(*m, Box::new(f(e))),
            Ty::Vec(e) => Ty::Vec(Box::new(f(e))),
            Ty::Option(e) => Ty::Option(Box::new(f(e))),
            Ty::Result(a, b) => Ty::Result(Box::new(f(a)), Box::new(f(b))),
            Ty::Boxed(e) => Ty::Boxed(Box::new(f(e))),
            Ty::Gc(k, e) => Ty::Gc(*k, Box::new(f(e))),
            Ty::Coll(k, ts) => Ty::Coll(*k, ts.iter().map(f).collect()),
            Ty::Range(e, i) => Ty::Range(Box::new(f(e)), *i),
            Ty::Iter(e) => Ty::Iter(Box::new(f(e))),
            Ty::FnPtr(ps, r) => Ty::FnPtr(ps.iter().map(f).collect(), Box::new(f(r))),
            Ty::Adt(a, args) => Ty::Adt(*a, args.iter().map(f).collect()),
            Ty::DynFn(ps, r) => Ty::DynFn(ps.iter().map(f).collect(), Box::new(f(r))),
            Ty::Proj(b, n) => Ty::Proj(Box::new(f(b)), n.clone()),
            other => other.clone(),
        }
    }

    fn occurs(&self, v: u32, t: &Ty) -> bool {
        let t = self.shallow(t);
        match &t {
            Ty::Var(w) => *w == v,
            Ty::Tuple(ts) => ts.iter().any(|x| self.occurs(v, x)),
            Ty::Array(e, _) | Ty::Slice(e) | Ty::Ref(_, e) | Ty::Vec(e) | Ty::Option(e) | Ty::Boxed(e) | Ty::Gc(_, e) | Ty::Range(e, _) | Ty::Iter(e) => self.occurs(v, e),
            Ty::Result(a, b) => self.occurs(v, a) || self.occurs(v, b),
            Ty::Coll(_, ts) => ts.iter().any(|x| self.occurs(v, x)),
            Ty::Adt(_, args) => args.iter().any(|x| self.occurs(v, x)),
            Ty::DynFn(ps, r) => ps.iter().any(|x| self.occurs(v, x)) || self.occurs(v, r),
            Ty::FnPtr(ps, r) => ps.iter().any(|x| self.occurs(v, x)) || self.occurs(v, r),
            _ => false,
        }
    }

    /// Makes `a` and `b` equal, or fails. `!` unifies with everything (it coerces).
    pub fn unify(&mut self, a: &Ty, b: &Ty) -> Result<(), ()> {
        let a = self.shallow(a);
        let b = self.shallow(b);
        match (&a, &b) {
            (Ty::Never, _) | (_, Ty::Never) => Ok(()),
            (Ty::Var(x), Ty::Var(y)) if x == y => Ok(()),
            (Ty::Var(x), Ty::Var(y)) => {
                let (kx, ky) = (self.kind_of(*x).unwrap(), self.kind_of(*y).unwrap());
                let merged = match (kx, ky) {
                    (VarKind::General, k) | (k, VarKind::General) => k,
                    (k1, k2) if k1 == k2 => k1,
                    _ => return Err(()),
                };
                self.vars[*y as usize] = VarState::Unbound(merged);
                self.vars[*x as usize] = VarState::Bound(b.clone());
                Ok(())
            }
            (Ty::Var(x), other) | (other, Ty::Var(x)) => {
                let ok = match self.kind_of(*x).unwrap() {
                    VarKind::General => !self.occurs(*x, other),
                    VarKind::Int => matches!(other, Ty::Int(_)),
                    VarKind::Float => matches!(other, Ty::F32 | Ty::F64),
                };
                if !ok {
                    return Err(());
                }
                self.vars[*x as usize] = VarState::Bound(other.clone());
                Ok(())
            }
            (Ty::Tuple(x), Ty::Tuple(y)) if x.len() == y.len() => {
                for (p, q) in x.iter().zip(y) {
                    self.unify(p, q)?;
                }
                Ok(())
            }
            (Ty::Array(x, n), Ty::Array(y, m)) if n == m => self.unify(x, y),
            (Ty::Slice(x), Ty::Slice(y)) | (Ty::Vec(x), Ty::Vec(y)) | (Ty::Option(x), Ty::Option(y)) | (Ty::Boxed(x), Ty::Boxed(y)) | (Ty::Iter(x), Ty::Iter(y)) => self.unify(x, y),
            (Ty::Range(x, i), Ty::Range(y, j)) if i == j => self.unify(x, y),
            (Ty::Gc(k1, x), Ty::Gc(k2, y)) if k1 == k2 => self.unify(x, y),
            (Ty::Coll(k1, x), Ty::Coll(k2, y)) if k1 == k2 && x.len() == y.len() => {
                for (p, q) in x.iter().zip(y) {
                    self.unify(p, q)?;
                }
                Ok(())
            }
            (Ty::Ref(m1, x), Ty::Ref(m2, y)) if m1 == m2 => self.unify(x, y),
            (Ty::DynFn(p1, r1), Ty::DynFn(p2, r2)) if p1.len() == p2.len() => {
                for (a, b) in p1.iter().zip(p2) {
                    self.unify(a, b)?;
                }
                self.unify(r1, r2)
            }
            (Ty::FnPtr(p1, r1), Ty::FnPtr(p2, r2)) if p1.len() == p2.len() => {
                for (a, b) in p1.iter().zip(p2) {
                    self.unify(a, b)?;
                }
                self.unify(r1, r2)
            }
            (Ty::Result(a1, b1), Ty::Result(a2, b2)) => {
                self.unify(a1, a2)?;
                self.unify(b1, b2)
            }
            (Ty::Adt(x, xs), Ty::Adt(y, ys)) if x == y && xs.len() == ys.len() => {
                for (p, q) in xs.iter().zip(ys) {
                    self.unify(p, q)?;
                }
                Ok(())
            }
            _ if a == b => Ok(()),
            _ => Err(()),
        }
    }
}
