//! 128-bit integers (`i128`/`u128`).
//!
//! Representation: an immutable GC struct `{lo: i64, hi: i64}`, one type for both signednesses. A value is
//! then a single wasm reference, so every path that carries scalars (locals, fields, `Vec` elements, cells
//! for `&mut`) carries it unchanged, and no value is ever mutated in place (copies are free). Operators,
//! casts, methods, parsing and formatting call the functions of `std/prelude_wide.rs` (Rust on the u64
//! halves, compiled by this compiler); like all prelude code they are emitted only when a program uses
//! them, so programs without 128-bit integers are unchanged.

use super::func::FnLower;
use super::Lowerer;
use super::reprs::{StorageKey, TypeKey, ValKey};
use crate::diagnostics::Span;
use crate::tir::{BinOp, TExpr};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, ValType};

/// The GC struct type of 128-bit integers.
pub fn wide_type(lw: &mut Lowerer) -> u32 {
    let f = (StorageKey::Val(ValKey::I64), false);
    lw.intern(TypeKey::Named("i128".into(), vec![f, f]), "i128".into(), vec!["lo".into(), "hi".into()])
}

pub fn is_wide(t: &Ty) -> bool {
    matches!(t, Ty::Int(i) if i.is128())
}

fn pfx(i: IntTy) -> &'static str {
    if i.signed() { "i128" } else { "u128" }
}

/// A constant (the 128-bit pattern of `v`).
pub fn constant(fl: &mut FnLower, v: i128) {
    let ty = wide_type(fl.lw);
    fl.emit(I::I64Const(v as i64));
    fl.emit(I::I64Const((v >> 64) as i64));
    fl.emit(I::StructNew(ty));
}

/// `intrinsic_body` for the prelude's `__intrinsic_w_*`; false when `name` is not one of them.
pub fn intrinsic(fl: &mut FnLower, name: &str) -> bool {
    if !matches!(name, "w_lo" | "w_hi" | "w_new") {
        return false;
    }
    let ty = wide_type(fl.lw);
    match name {
        "w_lo" | "w_hi" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: ty, field_index: (name == "w_hi") as u32 });
        }
        "w_new" => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructNew(ty));
        }
        _ => return false,
    }
    true
}

/// Pushes the two halves of the 128-bit value in local `l` OR-ed together / AND-ed together.
fn halves(fl: &mut FnLower, l: u32, combine: I<'static>) {
    let ty = wide_type(fl.lw);
    fl.emit(I::LocalGet(l));
    fl.emit(I::StructGet { struct_type_index: ty, field_index: 0 });
    fl.emit(I::LocalGet(l));
    fl.emit(I::StructGet { struct_type_index: ty, field_index: 1 });
    fl.emit(combine);
}

/// A shift amount of type `rt` on the stack → u32 (i32), saturated so that huge amounts still overflow.
pub fn shift_amount_u32(fl: &mut FnLower, rt: &Ty) {
    match rt {
        Ty::Int(x) if x.is128() => fl.call_prelude("u128_sat_u32"),
        Ty::Int(x) if x.is64() => {
            let b = fl.new_local(ValType::I64);
            fl.emit(I::LocalSet(b));
            fl.emit(I::LocalGet(b));
            fl.emit(I::I64Const(u32::MAX as i64));
            fl.emit(I::LocalGet(b));
            fl.emit(I::I64Const(u32::MAX as i64));
            fl.emit(I::I64LtU);
            fl.emit(I::Select);
            fl.emit(I::I32WrapI64);
        }
        _ => {}
    }
}

/// Binary arithmetic on two 128-bit operands (the right one of type `rt` for shifts), with Rust's checks.
pub fn arith(fl: &mut FnLower, op: BinOp, i: IntTy, rt: &Ty, span: &Span) {
    let wref = super::reprs::ref_ty(wide_type(fl.lw));
    let p = pfx(i);
    if matches!(op, BinOp::Shl | BinOp::Shr) {
        shift_amount_u32(fl, rt);
        let amt = fl.new_local(ValType::I32);
        fl.emit(I::LocalSet(amt));
        if fl.checks {
            fl.emit(I::LocalGet(amt));
            fl.emit(I::I32Const(128));
            fl.emit(I::I32GeU);
            fl.open(2, BlockType::Empty);
            fl.panic_const(span, if op == BinOp::Shl { "attempt to shift left with overflow" } else { "attempt to shift right with overflow" });
            fl.end();
        }
        fl.emit(I::LocalGet(amt));
        fl.call_prelude(match op {
            BinOp::Shl => "u128_shl",
            _ if i.signed() => "i128_shr",
            _ => "u128_shr",
        });
        return;
    }
    let b = fl.new_local(wref);
    fl.emit(I::LocalSet(b));
    let a = fl.new_local(wref);
    fl.emit(I::LocalSet(a));
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => {
            let (name, what) = match op {
                BinOp::Add => ("add", "add"),
                BinOp::Sub => ("sub", "subtract"),
                _ => ("mul", "multiply"),
            };
            if fl.checks {
                fl.emit(I::LocalGet(a));
                fl.emit(I::LocalGet(b));
                fl.call_prelude(&format!("{p}_{name}_ovf"));
                fl.open(2, BlockType::Empty);
                fl.panic_const(span, &format!("attempt to {what} with overflow"));
                fl.end();
            }
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            fl.call_prelude(&format!("u128_{name}"));
        }
        BinOp::Div | BinOp::Rem => {
            let div = op == BinOp::Div;
            halves(fl, b, I::I64Or);
            fl.emit(I::I64Eqz);
            fl.open(2, BlockType::Empty);
            fl.panic_const(span, if div { "attempt to divide by zero" } else { "attempt to calculate the remainder with a divisor of zero" });
            fl.end();
            if i.signed() {
                // a == MIN (lo 0, hi i64::MIN) and b == -1 (both halves all ones)
                let ty = wide_type(fl.lw);
                fl.emit(I::LocalGet(a));
                fl.emit(I::StructGet { struct_type_index: ty, field_index: 0 });
                fl.emit(I::I64Eqz);
                fl.emit(I::LocalGet(a));
                fl.emit(I::StructGet { struct_type_index: ty, field_index: 1 });
                fl.emit(I::I64Const(i64::MIN));
                fl.emit(I::I64Eq);
                fl.emit(I::I32And);
                halves(fl, b, I::I64And);
                fl.emit(I::I64Const(-1));
                fl.emit(I::I64Eq);
                fl.emit(I::I32And);
                fl.open(2, BlockType::Empty);
                fl.panic_const(span, if div { "attempt to divide with overflow" } else { "attempt to calculate the remainder with overflow" });
                fl.end();
            }
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            fl.call_prelude(&format!("{p}_{}", if div { "div" } else { "rem" }));
        }
        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
            fl.emit(I::LocalGet(a));
            fl.emit(I::LocalGet(b));
            fl.call_prelude(match op {
                BinOp::BitAnd => "u128_and",
                BinOp::BitOr => "u128_or",
                _ => "u128_xor",
            });
        }
        _ => {}
    }
}

/// Comparison of two 128-bit operands on the stack → bool.
pub fn compare(fl: &mut FnLower, op: BinOp, i: IntTy) {
    match op {
        BinOp::Eq | BinOp::Ne => {
            fl.call_prelude("u128_eq");
            if op == BinOp::Ne {
                fl.emit(I::I32Eqz);
            }
        }
        _ => {
            fl.call_prelude(&format!("{}_cmp", pfx(i)));
            fl.emit(I::I32Const(0));
            fl.emit(match op {
                BinOp::Lt => I::I32LtS,
                BinOp::Le => I::I32LeS,
                BinOp::Gt => I::I32GtS,
                _ => I::I32GeS,
            });
        }
    }
}

/// For loops generic over the width: `compare` when `wide` is a 128-bit type, else the instruction `ins`.
pub fn compare_or(fl: &mut FnLower, wide: Option<IntTy>, op: BinOp, ins: I<'static>) {
    match wide {
        Some(i) => compare(fl, op, i),
        None => fl.emit(ins),
    }
}

/// Wrapping `+`/`-` (`op`) for loops generic over the width: the prelude for 128-bit, else `ins`.
pub fn add_sub_or(fl: &mut FnLower, wide: Option<IntTy>, op: BinOp, ins: I<'static>) {
    match wide {
        Some(_) => fl.call_prelude(if op == BinOp::Sub { "u128_sub" } else { "u128_add" }),
        None => fl.emit(ins),
    }
}

/// -1/0/1 ordering of two 128-bit operands on the stack.
pub fn cmp3(fl: &mut FnLower, i: IntTy) {
    fl.call_prelude(&format!("{}_cmp", pfx(i)));
}

/// `-a` (dev: panics on MIN) and `!a` of the 128-bit operand on the stack.
pub fn neg(fl: &mut FnLower, i: IntTy, span: &Span) {
    if fl.checks && i.signed() {
        let wref = super::reprs::ref_ty(wide_type(fl.lw));
        let a = fl.new_local(wref);
        fl.emit(I::LocalTee(a));
        constant(fl, i128::MIN);
        fl.call_prelude("u128_eq");
        fl.open(2, BlockType::Empty);
        fl.panic_const(span, "attempt to negate with overflow");
        fl.end();
        fl.emit(I::LocalGet(a));
    }
    fl.call_prelude("u128_neg");
}

pub fn not(fl: &mut FnLower) {
    fl.call_prelude("u128_not");
}

/// `as` casts where `from` or `to` is a 128-bit integer (`from` already mapped: bool/char/enums are u32).
/// Returns false when neither side is 128-bit.
pub fn cast(fl: &mut FnLower, from: &Ty, to: &Ty) -> bool {
    match (from, to) {
        (Ty::Int(a), Ty::Int(b)) if a.is128() && b.is128() => {}
        (Ty::Int(a), Ty::Int(b)) if !a.is128() && b.is128() => {
            if !a.is64() {
                fl.emit(if a.signed() { I::I64ExtendI32S } else { I::I64ExtendI32U });
            }
            fl.call_prelude(if a.signed() { "i128_from_i64" } else { "u128_from_u64" });
        }
        (Ty::Int(a), Ty::Int(b)) if a.is128() => {
            fl.call_prelude("u128_lo");
            if !b.is64() {
                fl.emit(I::I32WrapI64);
                fl.normalize(*b);
            }
        }
        (Ty::Int(a), Ty::F64) if a.is128() => fl.call_prelude(&format!("{}_to_f64", pfx(*a))),
        (Ty::Int(a), Ty::F32) if a.is128() => fl.call_prelude(&format!("{}_to_f32", pfx(*a))),
        (Ty::F64 | Ty::F32, Ty::Int(b)) if b.is128() => {
            if matches!(from, Ty::F32) {
                fl.emit(I::F64PromoteF32);
            }
            fl.call_prelude(&format!("f64_to_{}", pfx(*b)));
        }
        _ => return false,
    }
    true
}

/// Formats the 128-bit value in local `v` into the String in local `s`; the spec arguments (fill, align,
/// width, flags, precision) are pushed by `spec`. `radix` as `fmt_int` (100/101 for `{:e}`/`{:E}`).
pub fn fmt(fl: &mut FnLower, s: u32, v: u32, i: IntTy, radix: i32, spec: &mut dyn FnMut(&mut FnLower)) {
    fl.emit(I::LocalGet(s));
    fl.emit(I::LocalGet(v));
    let decimal = radix == 10 || radix >= 100;
    fl.emit(I::I32Const((i.signed() && decimal) as i32));
    fl.emit(I::I32Const(radix));
    spec(fl);
    fl.call_prelude(if radix >= 100 { "fmt_u128_exp" } else { "fmt_u128" });
}

/// `str::parse::<i128/u128>` with the `&str` on the stack; leaves the `Result` (layout `res_ty`).
pub fn parse(fl: &mut FnLower, i: IntTy, res_ty: &Ty) {
    let l = fl.lw.layout(res_ty);
    fl.emit(I::I32Const(i.signed() as i32));
    fl.emit(I::I32Const(10));
    fl.call_prelude("parse_u128");
    let tl = Ty::Tuple(vec![Ty::Int(IntTy::I32), Ty::Int(IntTy::U128)]);
    let tt = fl.lw.layout(&tl);
    let r = fl.stash(&tl).unwrap();
    // Result {tag: 0 Ok / 1 Err, ok, err kind}
    fl.emit(I::LocalGet(r));
    fl.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
    fl.emit(I::I32Const(0));
    fl.emit(I::I32Ne);
    fl.emit(I::LocalGet(r));
    fl.emit(I::StructGet { struct_type_index: tt.ty, field_index: 1 });
    fl.emit(I::LocalGet(r));
    fl.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
    fl.emit(I::StructNew(l.ty));
}

/// Integer methods (`int.*` std ops) on a 128-bit receiver: the prelude's `{i128|u128}_<method>`, which
/// returns exactly the Rust result type. Methods that panic get the call site's location; `abs`/`pow`
/// check overflow only with the profile's overflow checks. Returns false if the receiver is not 128-bit.
pub fn method(fl: &mut FnLower, op: &str, args: &[TExpr], e: &TExpr) -> bool {
    let Some(Ty::Int(i)) = args.first().map(|a| a.ty.peel_refs().clone()) else { return false };
    if !i.is128() {
        return false;
    }
    let m = &op[4..];
    let p = pfx(i);
    let (name, loc) = match m {
        "abs" if !i.signed() => (String::new(), false),
        "abs" | "pow" if fl.checks => (format!("{p}_{m}_checked"), true),
        "abs" => (format!("{p}_wrapping_abs"), false),
        "pow" => (format!("{p}_wrapping_pow"), false),
        "rem_euclid" | "div_euclid" | "wrapping_div" | "wrapping_rem" | "clamp" => (format!("{p}_{m}"), true),
        _ => (format!("{p}_{m}"), false),
    };
    for a in args {
        fl.expr(a);
    }
    if name.is_empty() {
        return true; // u128::abs does not exist; rustc rejects it before us
    }
    if loc {
        let s = fl.loc_string(&e.span);
        fl.str_lit(&s);
    }
    // Same-representation helpers: the u128 version serves i128 where signedness does not matter.
    let name = if prelude_has(fl, &name) { name } else { format!("u128_{m}") };
    if !prelude_has(fl, &name) {
        fl.lw.error(crate::diagnostics::codes::UNKNOWN_METHOD, &e.span, format!("`{}::{m}` is not supported yet", i.name()), Some("use a narrower integer type"));
        return true;
    }
    fl.call_prelude(&name);
    true
}

fn prelude_has(fl: &FnLower, name: &str) -> bool {
    fl.lw.ck.program.fns.iter().any(|f| f.is_prelude && f.name == name)
}
