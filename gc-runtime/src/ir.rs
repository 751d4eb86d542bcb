//! The internal instruction set: wasm operators with every index resolved to a store address or a
//! canonical type id, and every branch resolved to a target pc plus the stack adjustment it needs.

use crate::types::Ht;
use crate::value::Val;

/// A resolved branch: jump to `to`, keeping the top `keep` values and dropping `drop` below them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Branch {
    pub to: u32,
    pub drop: u32,
    pub keep: u32,
}

/// One catch clause of a `try_table`.
#[derive(Debug, Clone, Copy)]
pub struct Catch {
    /// Tag store address; `None` for `catch_all`.
    pub tag: Option<u32>,
    pub with_ref: bool,
    pub to: u32,
    /// Operand height (above the locals) of the target label.
    pub height: u32,
}

/// A `try_table` region `[start, end)` of the code and its clauses.
#[derive(Debug, Clone)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub catches: Vec<Catch>,
}

/// A translated function.
#[derive(Debug)]
pub struct Code {
    pub ops: Vec<Op>,
    pub br_tables: Vec<Branch>,
    /// Innermost handlers first.
    pub handlers: Vec<Handler>,
    /// Cast targets for `br_on_cast*`: (heap type, nullable).
    pub casts: Vec<(Ht, bool)>,
    pub num_params: u32,
    pub num_results: u32,
    /// Defaults of the declared (non-parameter) locals.
    pub local_defaults: Vec<Val>,
    pub instance: u32,
    /// Largest operand-stack height (above the locals) the body can reach, from validation, plus
    /// slack. The interpreter reserves this much spare capacity whenever it starts running a frame,
    /// so pushes inside the frame need no capacity check.
    pub max_height: u32,
}

impl Code {
    pub fn num_locals(&self) -> u32 {
        self.num_params + self.local_defaults.len() as u32
    }
}

/// Comparison fused into a conditional branch (`i32.lt_u; br_if` becomes one `BrIfCmp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eqz,
    Eq,
    Ne,
    LtS,
    LtU,
    GtS,
    GtU,
    LeS,
    LeU,
    GeS,
    GeU,
}

macro_rules! ops {
    ($($name:ident $( ( $($t:ty),* ) )? $( { $($f:ident : $ft:ty),* } )? ,)*) => {
        #[derive(Debug, Clone, Copy)]
        pub enum Op { $($name $( ( $($t),* ) )? $( { $($f : $ft),* } )? ,)* }
    };
}

ops! {
    Unreachable,
    Nop,
    Br(Branch),
    BrIf(Branch),
    BrUnless(u32),
    BrTable { start: u32, len: u32 },
    Return,
    Call(u32),
    CallIndirect { table: u32, ty: u32 },
    CallRef,
    ReturnCall(u32),
    ReturnCallIndirect { table: u32, ty: u32 },
    ReturnCallRef,
    Drop,
    Select,
    LocalGet(u32),
    LocalSet(u32),
    LocalTee(u32),
    GlobalGet(u32),
    GlobalSet(u32),
    I32Load { mem: u32, off: u64 },
    I64Load { mem: u32, off: u64 },
    F32Load { mem: u32, off: u64 },
    F64Load { mem: u32, off: u64 },
    I32Load8S { mem: u32, off: u64 },
    I32Load8U { mem: u32, off: u64 },
    I32Load16S { mem: u32, off: u64 },
    I32Load16U { mem: u32, off: u64 },
    I64Load8S { mem: u32, off: u64 },
    I64Load8U { mem: u32, off: u64 },
    I64Load16S { mem: u32, off: u64 },
    I64Load16U { mem: u32, off: u64 },
    I64Load32S { mem: u32, off: u64 },
    I64Load32U { mem: u32, off: u64 },
    I32Store { mem: u32, off: u64 },
    I64Store { mem: u32, off: u64 },
    F32Store { mem: u32, off: u64 },
    F64Store { mem: u32, off: u64 },
    I32Store8 { mem: u32, off: u64 },
    I32Store16 { mem: u32, off: u64 },
    I64Store8 { mem: u32, off: u64 },
    I64Store16 { mem: u32, off: u64 },
    I64Store32 { mem: u32, off: u64 },
    MemorySize(u32),
    MemoryGrow(u32),
    MemoryInit { mem: u32, data: u32 },
    DataDrop(u32),
    MemoryCopy { dst: u32, src: u32 },
    MemoryFill(u32),
    I32Const(i32),
    I64Const(i64),
    F32Const(u32),
    F64Const(u64),
    I32Eqz, I32Eq, I32Ne, I32LtS, I32LtU, I32GtS, I32GtU, I32LeS, I32LeU, I32GeS, I32GeU,
    I64Eqz, I64Eq, I64Ne, I64LtS, I64LtU, I64GtS, I64GtU, I64LeS, I64LeU, I64GeS, I64GeU,
    F32Eq, F32Ne, F32Lt, F32Gt, F32Le, F32Ge,
    F64Eq, F64Ne, F64Lt, F64Gt, F64Le, F64Ge,
    I32Clz, I32Ctz, I32Popcnt, I32Add, I32Sub, I32Mul, I32DivS, I32DivU, I32RemS, I32RemU,
    I32And, I32Or, I32Xor, I32Shl, I32ShrS, I32ShrU, I32Rotl, I32Rotr,
    I64Clz, I64Ctz, I64Popcnt, I64Add, I64Sub, I64Mul, I64DivS, I64DivU, I64RemS, I64RemU,
    I64And, I64Or, I64Xor, I64Shl, I64ShrS, I64ShrU, I64Rotl, I64Rotr,
    F32Abs, F32Neg, F32Ceil, F32Floor, F32Trunc, F32Nearest, F32Sqrt,
    F32Add, F32Sub, F32Mul, F32Div, F32Min, F32Max, F32Copysign,
    F64Abs, F64Neg, F64Ceil, F64Floor, F64Trunc, F64Nearest, F64Sqrt,
    F64Add, F64Sub, F64Mul, F64Div, F64Min, F64Max, F64Copysign,
    I32WrapI64, I32TruncF32S, I32TruncF32U, I32TruncF64S, I32TruncF64U,
    I64ExtendI32S, I64ExtendI32U, I64TruncF32S, I64TruncF32U, I64TruncF64S, I64TruncF64U,
    F32ConvertI32S, F32ConvertI32U, F32ConvertI64S, F32ConvertI64U, F32DemoteF64,
    F64ConvertI32S, F64ConvertI32U, F64ConvertI64S, F64ConvertI64U, F64PromoteF32,
    I32ReinterpretF32, I64ReinterpretF64, F32ReinterpretI32, F64ReinterpretI64,
    I32Extend8S, I32Extend16S, I64Extend8S, I64Extend16S, I64Extend32S,
    I32TruncSatF32S, I32TruncSatF32U, I32TruncSatF64S, I32TruncSatF64U,
    I64TruncSatF32S, I64TruncSatF32U, I64TruncSatF64S, I64TruncSatF64U,
    RefNull,
    RefIsNull,
    RefFunc(u32),
    RefAsNonNull,
    RefEq,
    BrOnNull(Branch),
    BrOnNonNull(Branch),
    TableGet(u32),
    TableSet(u32),
    TableSize(u32),
    TableGrow(u32),
    TableFill(u32),
    TableCopy { dst: u32, src: u32 },
    TableInit { table: u32, elem: u32 },
    ElemDrop(u32),
    StructNew(u32),
    StructNewDefault(u32),
    StructGet(u32),
    StructGetS { field: u32, bits: u8 },
    StructGetU { field: u32, bits: u8 },
    StructSet { field: u32, bits: u8 },
    ArrayNew(u32),
    ArrayNewDefault(u32),
    ArrayNewFixed { ty: u32, n: u32 },
    ArrayNewData { ty: u32, data: u32 },
    ArrayNewElem { ty: u32, elem: u32 },
    ArrayGet,
    ArrayGetS(u8),
    ArrayGetU(u8),
    ArraySet,
    ArrayLen,
    ArrayFill,
    ArrayCopy,
    ArrayInitData { ty: u32, data: u32 },
    ArrayInitElem(u32),
    RefTest { ht: Ht, nullable: bool },
    RefCast { ht: Ht, nullable: bool },
    BrOnCast { br: u32, cast: u32 },
    BrOnCastFail { br: u32, cast: u32 },
    AnyConvertExtern,
    ExternConvertAny,
    RefI31,
    I31GetS,
    I31GetU,
    Throw { tag: u32, n: u32 },
    ThrowRef,
    // Superinstructions formed by the translator's peephole pass (never across a branch target):
    // LocalGet2 = `local.get a; local.get b`; I32AddImm = `i32.const c; i32.add` (or sub with -c);
    // LocalAddImm = `local.get x; i32.const c; i32.add; local.set x`; BrIfCmp = `i32.<cmp>; br_if`;
    // BrUnlessCmp = `i32.<cmp>; if` (jumps to `to` when the comparison is false).
    LocalGet2(u32, u32),
    I32AddImm(i32),
    LocalAddImm(u32, i32),
    BrIfCmp { cmp: Cmp, b: Branch },
    BrUnlessCmp { cmp: Cmp, to: u32 },
    // More superinstructions (see `translate::Tx::emit`): LocalGetI32Const = `local.get x;
    // i32.const c`; I32<op>Imm = `i32.const c; i32.<op>`; LocalCopy = `local.get a; local.set b`;
    // <ty>LoadLocal = `local.get x; <ty>.load` (32-bit memory, offset below 2^32).
    LocalGetI32Const(u32, i32),
    I32AndImm(i32),
    I32OrImm(i32),
    I32XorImm(i32),
    I32ShlImm(i32),
    I32ShrSImm(i32),
    I32ShrUImm(i32),
    I32MulImm(i32),
    LocalCopy { from: u32, to: u32 },
    I32LoadLocal { local: u32, mem: u32, off: u32 },
    I64LoadLocal { local: u32, mem: u32, off: u32 },
    F64LoadLocal { local: u32, mem: u32, off: u32 },
    // LocalGetAddImm = `local.get x; i32.const c; i32.add` (or sub with -c); I32AddLocals =
    // `local.get a; local.get b; i32.add`; BrIfLocals = `local.get a; local.get b; i32.<cmp>;
    // br_if` (or `if` with the negated comparison) for branches that drop nothing; BrIfLocalImm
    // likewise with `i32.const c` as the second operand.
    LocalGetAddImm(u32, i32),
    I32AddLocals(u32, u32),
    BrIfLocals { cmp: Cmp, a: u32, b: u32, to: u32 },
    BrIfLocalImm { cmp: Cmp, a: u32, c: i32, to: u32 },
    // I32LoadAbs = `i32.const A; i32.load off` with `addr = A + off`; LocalTeeGet = `local.tee x;
    // local.get y`; I32StoreLocal = `local.get v; i32.store` (value from a local);
    // I32StoreLocals = `local.get a; local.get v; i32.store` (32-bit memory, address below 2^16);
    // F64<op>Local = `local.get x; f64.<op>`; F64MulLocals = `local.get a; local.get b; f64.mul`.
    I32LoadAbs { mem: u32, addr: u32 },
    LocalTeeGet(u32, u32),
    I32StoreLocal { local: u32, mem: u32, off: u32 },
    I32StoreLocals { mem: u16, a: u32, v: u32, off: u32 },
    F64AddLocal(u32),
    F64SubLocal(u32),
    F64MulLocal(u32),
    F64MulLocals(u32, u32),
    // Branches on a local against zero (branches that drop nothing): BrIfLocal = `local.get a;
    // br_if` (taken when a != 0), IfLocal = `local.get a; if` (jumps to the else part when a == 0),
    // and the same after `i32.eqz`. BrIfCmpImm = `i32.const c; i32.<cmp>; br_if` (or `if`, negated).
    BrIfLocal { a: u32, to: u32 },
    IfLocal { a: u32, to: u32 },
    BrIfLocalEqz { a: u32, to: u32 },
    IfLocalEqz { a: u32, to: u32 },
    BrIfCmpImm { cmp: Cmp, c: i32, to: u32 },
    // `i32.const s; i32.shr_u; i32.const m; i32.and` (bit-field extraction).
    I32ShrUAndImm(i32, i32),
    // `f64.mul; f64.add`, rounding twice exactly as the two instructions do.
    F64MulAdd,
    // Loads whose address is computed as `addr + c` (i32 wrapping, as the separate `i32.add`
    // does) from the top of the stack (`i32.const c; i32.add; <ty>.load`) or from a local
    // (`local.get x; i32.const c; i32.add; <ty>.load`); 32-bit memories only.
    I32LoadAddImm { mem: u32, c: i32, off: u32 },
    F64LoadAddImm { mem: u32, c: i32, off: u32 },
    I32LoadLocalAddImm { mem: u16, local: u32, c: i32, off: u32 },
    F64LoadLocalAddImm { mem: u16, local: u32, c: i32, off: u32 },
}

// Every `Op` is copied out of the code on dispatch: keep it at two words.
const _: () = assert!(std::mem::size_of::<Op>() == 16);
