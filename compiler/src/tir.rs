//! Typed intermediate representation produced by `typeck` and consumed by `lower`.
//! Every expression carries its (fully resolved) type and source span.

use crate::diagnostics::Span;
use crate::types::Ty;

pub type LocalId = usize;
pub type LabelId = usize;

#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: Ty,
    /// A primitive whose `&mut` is taken lives in a heap cell.
    pub boxed: bool,
}

#[derive(Clone, Debug)]
pub struct Body {
    pub params: Vec<LocalId>,
    pub locals: Vec<Local>,
    pub ret: Ty,
    pub expr: TExpr,
    /// Std-surface code: arithmetic wraps (its own checks are explicit).
    pub is_prelude: bool,
}

#[derive(Clone, Debug)]
pub struct TExpr {
    pub kind: ExprKind,
    pub ty: Ty,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
}

/// A piece of a compiled format string.
#[derive(Clone, Debug)]
pub enum FmtPiece {
    Lit(String),
    Arg { arg: usize, spec: FmtSpec },
}

#[derive(Clone, Debug, Default)]
pub struct FmtSpec {
    pub fill: char,
    /// 0 = unspecified, 1 = left, 2 = center, 3 = right.
    pub align: u8,
    pub plus: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// '' (Display), '?', 'x', 'X', 'o', 'b', 'e', 'E'.
    pub kind: char,
    /// `{:x?}` / `{:X?}`: 'x' / 'X' (Debug with hexadecimal integers), else '\0'.
    pub debug_hex: char,
}

#[derive(Clone, Debug)]
pub enum Count {
    Lit(usize),
    Arg(usize),
}

/// A closure literal inlined at its (std method) use site.
#[derive(Clone, Debug)]
pub struct Closure {
    pub params: Vec<TPat>,
    pub body: Box<TExpr>,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Unit,
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(char),
    Str(String),
    Local(LocalId),
    Call(usize, Vec<TExpr>),
    /// A call of a generic fn with its type arguments; typeck's mono step turns it into a `Call` of the
    /// instance (the lowering never sees it).
    CallInst(usize, Vec<Ty>, Vec<TExpr>),
    /// A reference to a function item (`fn` pointer value).
    FnRef(usize),
    /// Call through a `fn` pointer: callee, arguments.
    CallRef(Box<TExpr>, Vec<TExpr>),
    /// A std operation; `name` identifies it (e.g. "vec.push", "str.trim"), lowered by `lower::std_ops`.
    Std(&'static str, Vec<TExpr>),
    /// Like `Std` with closures (inlined by the lowering).
    StdClosure(&'static str, Vec<TExpr>, Vec<Closure>),
    Unary(UnOp, Box<TExpr>),
    Binary(BinOp, Box<TExpr>, Box<TExpr>),
    Assign(Box<TExpr>, Box<TExpr>),
    CompoundAssign(BinOp, Box<TExpr>, Box<TExpr>),
    Cast(Box<TExpr>),
    /// The result of a call of a thin instance (`typeck::thin`), turned back into the caller's type.
    Unerase(Box<TExpr>),
    Field(Box<TExpr>, usize),
    Index(Box<TExpr>, Box<TExpr>),
    /// `&v[a..b]`-style range slicing of a slice-like base (Vec, array, slice, String, str).
    SliceRange(Box<TExpr>, Option<Box<TExpr>>, Option<Box<TExpr>>, bool),
    Deref(Box<TExpr>),
    AddrOf(bool, Box<TExpr>),
    /// Struct or tuple-struct literal: adt, field values in declaration order, optional base (`..base`).
    Struct(usize, Vec<Option<TExpr>>, Option<Box<TExpr>>),
    Tuple(Vec<TExpr>),
    Array(Vec<TExpr>),
    ArrayRepeat(Box<TExpr>, u32),
    /// Enum variant construction for user enums, Option (None=0, Some=1) and Result (Ok=0, Err=1).
    Variant(usize, Vec<TExpr>),
    Block(Vec<Stmt>, Option<Box<TExpr>>),
    If(Box<TExpr>, Box<TExpr>, Option<Box<TExpr>>),
    Loop(LabelId, Box<TExpr>),
    While(LabelId, Box<TExpr>, Box<TExpr>),
    /// `for pat in iter { body }`.
    For(LabelId, Box<TPat>, Box<TExpr>, Box<TExpr>),
    Break(LabelId, Option<Box<TExpr>>),
    Continue(LabelId),
    Return(Option<Box<TExpr>>),
    Match(Box<TExpr>, Vec<Arm>),
    /// `let pat = expr else { diverge }` as an expression-statement helper: binds or runs else.
    LetElse(Box<TPat>, Box<TExpr>, Box<TExpr>),
    /// Builds a String from a format string.
    Format(Vec<FmtPiece>, Vec<TExpr>),
    /// Panics with `thread 'main' panicked at <span>:` and the message (a String-typed expression).
    Panic(Box<TExpr>),
    /// A range value `a..b`/`a..=b` (start/end optional for slicing).
    Range(Option<Box<TExpr>>, Option<Box<TExpr>>, bool),
    /// Iterator chain: source expression and adapters, consumed by `For` or an `Iter*` std op.
    IterSource(&'static str, Vec<TExpr>),
    IterAdapt(&'static str, Box<TExpr>, Vec<TExpr>, Option<Closure>),
    /// Call of a user `Display::fmt` / manual `Debug::fmt`.
    Nop,
    /// Coercion of a `Box<T>`/`&T` to a trait object: dispatch table, tag (set when the body is
    /// finished), the value.
    ToDyn(usize, usize, Box<TExpr>),
    /// A method call through a trait object: dispatch table, method index, receiver (the `dyn` value)
    /// and arguments.
    DynCall(usize, usize, Vec<TExpr>),
    /// A closure value (typeck lifts it into its own fn and turns this into the tuple of its captures).
    MakeClosure(usize, Box<Closure>, bool),
    /// A call of closure `id`: the closure value, then the arguments (typeck turns it into a `Call` of the
    /// lifted fn).
    CallClosure(usize, Vec<TExpr>),
}

#[derive(Clone, Debug)]
pub enum Stmt {
    Let(TPat, Option<TExpr>),
    Expr(TExpr),
}

#[derive(Clone, Debug)]
pub struct Arm {
    pub pat: TPat,
    pub guard: Option<TExpr>,
    pub body: TExpr,
}

#[derive(Clone, Debug)]
pub struct TPat {
    pub kind: PatKind,
    pub ty: Ty,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum PatKind {
    Wild,
    /// Binds the matched value to a local (with an optional `@` subpattern).
    Bind(LocalId, Option<Box<TPat>>),
    Lit(Box<TExpr>),
    Range(Option<Box<TExpr>>, Option<Box<TExpr>>, bool),
    Tuple(Vec<TPat>),
    /// Struct pattern: field index → pattern.
    Struct(usize, Vec<(usize, TPat)>),
    /// Variant pattern: variant index, payload field index → pattern (user enums, Option, Result).
    Variant(usize, Vec<(usize, TPat)>),
    Or(Vec<TPat>),
    /// `&pat` or a default-binding-mode dereference (no runtime effect in our representation).
    Deref(Box<TPat>),
    /// Slice/array pattern `[a, b, rest @ ..]`: prefix, optional rest binding, suffix.
    Slice(Vec<TPat>, Option<Box<TPat>>, Vec<TPat>),
}
