//! Std operations (`ExprKind::Std`), iterator loops, literals of aggregates and formatting.

use super::func::FnLower;
use super::helpers;
use super::pattern::Src;
use super::place::Place;
use super::reprs::ref_ty;
use crate::diagnostics::codes;
use crate::tir::{Closure, Count, FmtPiece, FmtSpec, PatKind, TExpr, TPat};
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I, ValType};

mod iter_adapters;
pub(crate) mod lazy_iter;

impl FnLower<'_, '_> {
    pub fn call_prelude(&mut self, name: &str) {
        let name = self.fuse_string_view(name);
        let f = self.lw.prelude_fn(name);
        self.emit(I::Call(f));
    }

    pub fn new_string(&mut self) -> u32 {
        let vt = self.lw.vec_type(&Ty::Int(IntTy::U8));
        let s = self.new_local(ref_ty(vt));
        self.call_prelude("__intrinsic_string_new");
        self.emit(I::LocalSet(s));
        s
    }

    fn unsupported(&mut self, e: &TExpr, what: &str) {
        self.lw.error(codes::UNKNOWN_METHOD, &e.span, format!("`{what}` is not supported by the wasm lowering yet"), None);
    }

    /// Evaluates the String/&str argument as a `&str` value.
    fn as_str_value(&mut self, a: &TExpr) {
        self.expr_noncopy(a);
        if matches!(a.ty.peel_refs(), Ty::String) {
            self.call_prelude("string_as_str");
        }
    }

    pub fn std_op(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        let vec_elem = |t: &Ty| match t.peel_refs() {
            Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
            _ => Ty::Int(IntTy::U8),
        };
        if op.starts_with("int.") && super::wide::method(self, op, args, e) {
            return;
        }
        match op {
            "seq.first_mut" | "seq.last_mut" | "seq.get_mut" => self.lw.error(
                codes::UNSUPPORTED_BORROW,
                &e.span,
                format!("`{}` of a scalar element is only supported in `if let`/`match` or directly unwrapped", &op[4..]),
                Some("use `if let Some(x) = v.last_mut() { *x = ...; }`, or index the collection"),
            ),
            op if op.starts_with("gc.") => self.gc_op(op, args, e),
            op if op.starts_with("ord.") => self.ord_op(op, args, e),
            "default" => self.default_of(&e.ty, e),
            "chars.as_str" | "string.into_bytes" => self.text_op(op, args),
            "string.extend" => {
                self.expr_noncopy(&args[0]);
                let s = self.stash(&Ty::String).unwrap();
                let Ty::Iter(item) = args[1].ty.clone() else { return };
                let item = (*item).clone();
                self.iterate(&args[1], &mut |fl: &mut FnLower, it, _p, _c| {
                    let Some(it) = it else { return };
                    fl.emit(I::LocalGet(s));
                    fl.emit(I::LocalGet(it));
                    match item.peel_refs() {
                        Ty::Char => fl.call_prelude("string_push"),
                        Ty::String => {
                            fl.call_prelude("string_as_str");
                            fl.call_prelude("string_push_str");
                        }
                        _ => fl.call_prelude("string_push_str"),
                    }
                });
            }
            "hash.hash" => {
                self.expr(&args[0]);
                self.expr(&args[1]);
                let f = super::hash::hash_into_fn(self.lw, &args[0].ty);
                self.emit(I::Call(f));
            }
            op if op.starts_with("coll.") || op.starts_with("deque.") || op.starts_with("heap.") || op.starts_with("rc.") || op.starts_with("cell.") || op == "mem.drop" => self.coll_op(op, args, e),
            "io.println" | "io.print" | "io.eprintln" | "io.eprint" => {
                self.expr(&args[0]);
                let s = self.stash(&Ty::String).unwrap();
                if op.ends_with("ln") {
                    self.emit(I::LocalGet(s));
                    self.emit(I::I32Const(10));
                    self.call_prelude("__intrinsic_push_byte");
                }
                self.emit(I::I32Const(if op.starts_with("io.e") { 2 } else { 1 }));
                self.emit(I::LocalGet(s));
                self.call_prelude("string_as_str");
                self.call_prelude("__intrinsic_write");
            }
            "process.exit" => {
                self.expr(&args[0]);
                self.call_prelude("__intrinsic_exit");
                self.emit(I::Unreachable);
            }
            "str.to_string" => {
                self.as_str_value(&args[0]);
                self.call_prelude("str_to_string");
            }
            "string.new" => self.call_prelude("__intrinsic_string_new"),
            "string.as_str" | "string.as_str_m" => {
                self.expr_noncopy(&args[0]);
                self.call_prelude("string_as_str");
            }
            "string.push_str" => {
                self.expr_noncopy(&args[0]);
                self.as_str_value(&args[1]);
                self.call_prelude("string_push_str");
            }
            "string.push" => {
                self.expr_noncopy(&args[0]);
                self.expr(&args[1]);
                self.call_prelude("string_push");
            }
            "string.add" => {
                self.expr(&args[0]);
                let s = self.stash(&Ty::String).unwrap();
                self.emit(I::LocalGet(s));
                self.as_str_value(&args[1]);
                self.call_prelude("string_push_str");
                self.emit(I::LocalGet(s));
            }
            "fmt.write" => {
                self.expr_noncopy(&args[0]);
                self.formatter_buf(&args[0].ty);
                self.expr(&args[1]);
                self.call_prelude("string_as_str");
                self.call_prelude("string_push_str");
                // Ok(())
                let l = self.lw.layout(&e.ty);
                self.emit(I::I32Const(0));
                self.emit(I::StructNew(l.ty));
            }
            "fmt.pad" => {
                let ft = self.lw.formatter_type();
                self.expr_noncopy(&args[0]);
                let f = self.new_local(ref_ty(ft));
                self.emit(I::LocalSet(f));
                self.emit(I::LocalGet(f));
                self.emit(I::StructGet { struct_type_index: ft, field_index: 0 });
                self.as_str_value(&args[1]);
                for k in 1..6 {
                    self.emit(I::LocalGet(f));
                    self.emit(I::StructGet { struct_type_index: ft, field_index: k });
                }
                self.call_prelude("fmt_str");
                let l = self.lw.layout(&e.ty);
                self.emit(I::I32Const(0));
                self.emit(I::StructNew(l.ty));
            }
            "fmt.width" | "fmt.precision" | "fmt.alternate" | "fmt.sign_plus" | "fmt.fill" => {
                let ft = self.lw.formatter_type();
                self.expr_noncopy(&args[0]);
                let f = self.new_local(ref_ty(ft));
                self.emit(I::LocalSet(f));
                match op {
                    "fmt.alternate" | "fmt.sign_plus" => {
                        self.emit(I::LocalGet(f));
                        self.emit(I::StructGet { struct_type_index: ft, field_index: 4 });
                        self.emit(I::I32Const(if op == "fmt.alternate" { 4 } else { 1 }));
                        self.emit(I::I32And);
                        self.emit(I::I32Const(0));
                        self.emit(I::I32Ne);
                    }
                    "fmt.fill" => {
                        self.emit(I::LocalGet(f));
                        self.emit(I::StructGet { struct_type_index: ft, field_index: 1 });
                    }
                    _ => {
                        // Option<usize>: width 0 / precision -1 mean "not given"
                        let l = self.lw.layout(&e.ty);
                        let k = if op == "fmt.width" { 3 } else { 5 };
                        self.emit(I::LocalGet(f));
                        self.emit(I::StructGet { struct_type_index: ft, field_index: k });
                        let v = self.new_local(ValType::I32);
                        self.emit(I::LocalTee(v));
                        if op == "fmt.width" {
                            self.emit(I::I32Const(0));
                            self.emit(I::I32Ne);
                        } else {
                            self.emit(I::I32Const(0));
                            self.emit(I::I32GeS);
                        }
                        self.emit(I::LocalGet(v));
                        self.emit(I::StructNew(l.ty));
                    }
                }
            }
            "fmt.write_str" => {
                self.expr_noncopy(&args[0]);
                self.formatter_buf(&args[0].ty);
                self.as_str_value(&args[1]);
                self.call_prelude("string_push_str");
                let l = self.lw.layout(&e.ty);
                self.emit(I::I32Const(0));
                self.emit(I::StructNew(l.ty));
            }
            "str.len" | "str.is_empty" => {
                self.as_str_value(&args[0]);
                self.view_len();
                if op == "str.is_empty" {
                    self.emit(I::I32Eqz);
                }
            }
            "str.as_bytes" => self.as_str_value(&args[0]),
            "clone" => {
                let t = args[0].ty.clone();
                self.expr_noncopy(&args[0]);
                let f = helpers::clone_fn(self.lw, &t);
                self.emit(I::Call(f));
            }
            "box.new" => {
                let t = args[0].ty.clone();
                self.expr(&args[0]);
                if self.lw.is_scalar(&t) {
                    let c = self.lw.cell_type(&t);
                    self.emit(I::StructNew(c));
                }
            }
            "box.deref" => {
                let p = self.place(e);
                self.load(&p);
                self.copy_if_needed(&e.ty);
            }
            "vec.as_slice" | "array.as_slice" => {
                let elem = vec_elem(&args[0].ty);
                self.expr_noncopy(&args[0]);
                self.to_slice(&args[0].ty.peel_refs().clone(), &elem);
            }
            "vec.new" => {
                let elem = vec_elem(&e.ty);
                let (at, vt) = (self.lw.array_type(&elem), self.lw.vec_type(&elem));
                self.empty_array(at);
                self.emit(I::I32Const(0));
                self.emit(I::StructNew(vt));
            }
            "vec.from_array" => {
                let elem = vec_elem(&e.ty);
                let vt = self.lw.vec_type(&elem);
                self.expr(&args[0]);
                let a = self.stash(&args[0].ty).unwrap();
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(a));
                self.emit(I::ArrayLen);
                self.emit(I::StructNew(vt));
            }
            "vec.repeat" => {
                let elem = vec_elem(&e.ty);
                let vt = self.lw.vec_type(&elem);
                self.expr(&args[1]);
                let n = self.new_local(ValType::I32);
                self.emit(I::LocalSet(n));
                self.repeat_array(&args[0], &elem, |fl| fl.emit(I::LocalGet(n)));
                self.emit(I::LocalGet(n));
                self.emit(I::StructNew(vt));
            }
            "vec.push" => {
                let elem = vec_elem(&args[0].ty);
                let f = self.vec_push_fn(&elem);
                self.expr_noncopy(&args[0]);
                self.expr(&args[1]);
                if self.lw.repr(&elem).is_none() {
                    self.emit(I::I32Const(0));
                }
                self.emit(I::Call(f));
            }
            "seq.len" | "seq.is_empty" => {
                let t = args[0].ty.peel_refs().clone();
                self.expr_noncopy(&args[0]);
                match &t {
                    Ty::Vec(x) => {
                        let vt = self.lw.vec_type(x);
                        self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                    }
                    Ty::Array(..) => self.emit(I::ArrayLen),
                    Ty::Slice(x) => {
                        let st = self.lw.slice_type(x);
                        self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                    }
                    _ => {}
                }
                if op == "seq.is_empty" {
                    self.emit(I::I32Eqz);
                }
            }
            "vec.pop" => {
                let elem = vec_elem(&args[0].ty);
                let vt = self.lw.vec_type(&elem);
                let at = self.lw.array_type(&elem);
                let l = self.lw.layout(&e.ty);
                self.expr_noncopy(&args[0]);
                let v = self.stash(&args[0].ty).unwrap();
                self.emit(I::LocalGet(v));
                self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                self.emit(I::I32Eqz);
                self.emit(I::If(BlockType::Result(ref_ty(l.ty))));
                self.depth += 1;
                self.emit(I::I32Const(0));
                if self.lw.repr(&elem).is_some() {
                    helpers::default_value(self, &elem);
                }
                self.emit(I::StructNew(l.ty));
                self.emit(I::Else);
                self.emit(I::LocalGet(v));
                self.emit(I::LocalGet(v));
                self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                self.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
                self.emit(I::I32Const(1));
                if self.lw.repr(&elem).is_some() {
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                    self.array_get(at, &elem);
                }
                self.emit(I::StructNew(l.ty));
                self.depth -= 1;
                self.emit(I::End);
            }
            "opt.is_some" | "opt.is_none" | "res.is_ok" | "res.is_err" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                self.expr_noncopy(&args[0]);
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                if matches!(op, "opt.is_none" | "res.is_ok") {
                    self.emit(I::I32Eqz);
                }
            }
            "opt.unwrap" | "opt.expect" | "res.unwrap" | "res.expect" | "res.unwrap_err" | "res.expect_err" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                self.expr_noncopy(&args[0]);
                let v = self.stash(&t).unwrap();
                let want_tag = if matches!(op, "opt.unwrap" | "opt.expect") { 1 } else if op.starts_with("res.unwrap_err") || op == "res.expect_err" { 1 } else { 0 };
                self.emit(I::LocalGet(v));
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                self.emit(I::I32Const(want_tag));
                self.emit(I::I32Ne);
                self.open(2, BlockType::Empty);
                match op {
                    "opt.unwrap" => self.panic_const(&e.span, "called `Option::unwrap()` on a `None` value"),
                    "opt.expect" => {
                        self.as_str_value(&args[1]);
                        self.call_prelude("str_to_string");
                        self.panic_string_on_stack(&e.span);
                    }
                    _ => {
                        // Result: message then `: {other:?}`.
                        let other_variant = 1 - want_tag as usize;
                        let other_ty = match &t {
                            Ty::Result(a, b) => if other_variant == 0 { (**a).clone() } else { (**b).clone() },
                            _ => Ty::Unit,
                        };
                        let s = self.new_string();
                        self.emit(I::LocalGet(s));
                        match op {
                            "res.unwrap" => self.str_lit("called `Result::unwrap()` on an `Err` value"),
                            "res.unwrap_err" => self.str_lit("called `Result::unwrap_err()` on an `Ok` value"),
                            _ => self.as_str_value(&args[1]),
                        }
                        self.call_prelude("string_push_str");
                        self.emit(I::LocalGet(s));
                        self.str_lit(": ");
                        self.call_prelude("string_push_str");
                        match l.fields[other_variant][0] {
                            Some(w) => {
                                self.emit(I::LocalGet(v));
                                self.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
                                let tmp = self.stash(&other_ty).unwrap();
                                self.fmt_debug(s, tmp, &other_ty);
                            }
                            None => {
                                self.emit(I::LocalGet(s));
                                self.str_lit(if matches!(other_ty, Ty::FmtError) { "Error" } else { "()" });
                                self.call_prelude("string_push_str");
                            }
                        }
                        self.emit(I::LocalGet(s));
                        self.panic_string_on_stack(&e.span);
                    }
                }
                self.end();
                let vi = want_tag as usize;
                let vi = if t_is_option(&t) { 1 } else { vi };
                if let Some(w) = l.fields[vi][0] {
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
                }
            }
            "opt.unwrap_or" | "res.unwrap_or" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                let vi = if t_is_option(&t) { 1 } else { 0 };
                self.expr_noncopy(&args[0]);
                let v = self.stash(&t).unwrap();
                self.expr(&args[1]);
                let d = self.stash(&e.ty);
                if let (Some(w), Some(d)) = (l.fields[vi][0], d) {
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
                    self.emit(I::LocalGet(d));
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                    if vi == 0 {
                        self.emit(I::I32Eqz);
                    }
                    // references need the typed form of `select`
                    match self.lw.repr(&e.ty) {
                        Some(vt @ ValType::Ref(_)) => self.emit(I::TypedSelect(vt)),
                        _ => self.emit(I::Select),
                    }
                }
            }
            "str.parse" | "str.parse_radix" => {
                let Ty::Result(t, _) = e.ty.clone() else { return };
                let l = self.lw.layout(&e.ty);
                self.as_str_value(&args[0]);
                if op == "str.parse_radix" {
                    // Checked by typeck to be `T::from_str_radix(&str, u32)` of a (non-128-bit) integer;
                    // std panics (in core) on a radix outside 2..=36.
                    self.expr(&args[1]);
                    let r = self.stash(&Ty::Int(IntTy::U32)).unwrap();
                    let signed = matches!(*t, Ty::Int(i) if i.signed());
                    let loc = super::ops::iter_adapters::core_location(if signed { "num/mod.rs:1801:1" } else { "num/mod.rs:1802:1" });
                    self.str_lit(&loc);
                    self.emit(I::LocalGet(r));
                    self.call_prelude("check_radix");
                    self.emit(I::LocalGet(r));
                } else if matches!(*t, Ty::Int(i) if !i.is128()) {
                    self.emit(I::I32Const(10));
                }
                if let Some((f, _)) = self.lw.ck.from_str_impl(&t) {
                    let id = self.lw.user_fn(f);
                    self.emit(I::Call(id));
                    return;
                }
                match *t {
                    Ty::Int(i) if i.is128() => super::wide::parse(self, i, &e.ty),
                    Ty::Int(i) => {
                        self.emit(I::I32Const(i.signed() as i32));
                        self.emit(I::I64Const(i.max() as i64));
                        self.emit(I::I64Const(-(i.min()) as i64));
                        self.call_prelude("parse_int");
                        let tl = Ty::Tuple(vec![Ty::Int(IntTy::I32), Ty::Int(IntTy::U64)]);
                        let tt = self.lw.layout(&tl);
                        let r = self.stash(&tl).unwrap();
                        // tag: 0 Ok / 1 Err
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                        self.emit(I::I32Const(0));
                        self.emit(I::I32Ne);
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 1 });
                        if !i.is64() {
                            self.emit(I::I32WrapI64);
                        }
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                        self.emit(I::StructNew(l.ty));
                    }
                    Ty::F64 | Ty::F32 => {
                        self.call_prelude("parse_float");
                        let tl = Ty::Tuple(vec![Ty::Int(IntTy::I32), Ty::F64]);
                        let tt = self.lw.layout(&tl);
                        let r = self.stash(&tl).unwrap();
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                        self.emit(I::I32Const(0));
                        self.emit(I::I32Ne);
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 1 });
                        if matches!(*t, Ty::F32) {
                            self.emit(I::F32DemoteF64);
                        }
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                        self.emit(I::StructNew(l.ty));
                    }
                    _ => self.unsupported(e, "parse"),
                }
            }
            "string.clear" => {
                self.expr_noncopy(&args[0]);
                self.emit(I::I32Const(0));
                self.call_prelude("__intrinsic_set_len");
            }
            "vec.clear" | "vec.truncate" => {
                let elem = vec_elem(&args[0].ty);
                let vt = self.lw.vec_type(&elem);
                self.expr_noncopy(&args[0]);
                let v = self.stash(&args[0].ty).unwrap();
                if super::rc_drops_glue::needs_drop(self.lw, &elem) {
                    // elements holding an `Rc` are dropped (for truncate: those past the new length)
                    let from = self.new_local(ValType::I32);
                    if op == "vec.clear" {
                        self.emit(I::I32Const(0));
                    } else {
                        self.expr(&args[1]);
                    }
                    self.emit(I::LocalSet(from));
                    super::rc_drops_glue::drop_vec_tail(self, v, &elem, from);
                }
                self.emit(I::LocalGet(v));
                if op == "vec.clear" {
                    self.emit(I::I32Const(0));
                } else {
                    self.expr(&args[1]);
                    let n = self.stash(&Ty::usize()).unwrap();
                    self.emit(I::LocalGet(n));
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                    self.emit(I::LocalGet(n));
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                    self.emit(I::I32LtU);
                    self.emit(I::Select);
                }
                self.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
            }
            "seq.get" | "seq.first" | "seq.last" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let at = self.lw.array_type(&elem);
                let l = self.lw.layout(&e.ty);
                self.expr_noncopy(&args[0]);
                let b = self.stash(&args[0].ty).unwrap();
                let (arr, len, i) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32), self.zeroed_i32());
                self.seq_parts(b, &t, arr, None, len);
                match op {
                    "seq.get" => {
                        self.expr(&args[1]);
                        self.emit(I::LocalSet(i));
                    }
                    "seq.first" => {}
                    _ => {
                        self.emit(I::LocalGet(len));
                        self.emit(I::I32Const(1));
                        self.emit(I::I32Sub);
                        self.emit(I::LocalSet(i));
                    }
                }
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(len));
                self.emit(I::I32LtU);
                let ok = self.new_local(ValType::I32);
                self.emit(I::LocalTee(ok));
                if let Some(ev) = self.lw.repr(&elem) {
                    self.emit(I::If(BlockType::Result(ev)));
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    if let Some(st) = self.slice_struct_of(&t) {
                        self.emit(I::LocalGet(b));
                        self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
                        self.emit(I::I32Add);
                    }
                    self.array_get(at, &elem);
                    self.emit(I::Else);
                    helpers::default_value(self, &elem);
                    self.emit(I::End);
                } else {
                    self.emit(I::Drop);
                }
                let tmp = self.lw.repr(&elem).map(|v| self.new_local(v));
                if let Some(tl) = tmp {
                    self.emit(I::LocalSet(tl));
                }
                self.emit(I::LocalGet(ok));
                if let Some(tl) = tmp {
                    self.emit(I::LocalGet(tl));
                }
                self.emit(I::StructNew(l.ty));
            }
            "seq.contains" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                self.expr(&args[1]);
                let x = self.stash(&elem);
                let r = self.zeroed_i32();
                let done = self.open(0, BlockType::Empty);
                let src = TExpr { kind: crate::tir::ExprKind::IterSource("seq_ref", vec![args[0].clone()]), ty: Ty::Iter(Box::new(elem.clone())), span: e.span.clone() };
                let el = elem.clone();
                self.iterate(&src, &mut |fl: &mut FnLower, item, _p, _c| {
                    if let (Some(i), Some(x)) = (item, x) {
                        fl.emit(I::LocalGet(i));
                        fl.emit(I::LocalGet(x));
                        helpers::eq_value(fl, &el);
                    } else {
                        fl.emit(I::I32Const(1));
                    }
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    fl.emit(I::I32Const(1));
                    fl.emit(I::LocalSet(r));
                    fl.br(done);
                    fl.depth -= 1;
                    fl.emit(I::End);
                });
                self.end();
                self.emit(I::LocalGet(r));
            }
            "seq.sort" | "seq.reverse" | "seq.swap" | "vec.dedup" | "seq.binary_search" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let f = self.seq_helper(op, &t, &elem, &e.span);
                self.expr_noncopy(&args[0]);
                for a in &args[1..] {
                    self.expr(a);
                }
                self.emit(I::Call(f));
            }
            "vec.insert" | "vec.remove" | "vec.swap_remove" | "vec.split_off" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let f = self.seq_helper(op, &t, &elem, &e.span);
                self.expr_noncopy(&args[0]);
                for a in &args[1..] {
                    self.expr(a);
                }
                if op == "vec.insert" && self.lw.repr(&elem).is_none() {
                    self.emit(I::I32Const(0));
                }
                // `swap_remove` is not `#[track_caller]`: rustc 1.95 reports its own source line.
                let loc = if op == "vec.swap_remove" { super::ops::iter_adapters::alloc_location("vec/mod.rs:2202:13") } else { self.loc_string(&e.span) };
                self.str_lit(&loc);
                self.emit(I::Call(f));
            }
            "seq.join" | "seq.concat" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let s = self.new_string();
                let first = self.new_local(ValType::I32);
                self.emit(I::I32Const(1));
                self.emit(I::LocalSet(first));
                let sep = if op == "seq.join" {
                    self.as_str_value(&args[1]);
                    self.stash(&Ty::str_ref())
                } else {
                    None
                };
                let src = TExpr { kind: crate::tir::ExprKind::IterSource("seq_ref", vec![args[0].clone()]), ty: Ty::Iter(Box::new(elem.clone())), span: e.span.clone() };
                let is_string = matches!(elem.peel_refs(), Ty::String);
                self.iterate(&src, &mut |fl: &mut FnLower, item, _p, _c| {
                    if let Some(sep) = sep {
                        fl.emit(I::LocalGet(first));
                        fl.emit(I::I32Eqz);
                        fl.emit(I::If(BlockType::Empty));
                        fl.emit(I::LocalGet(s));
                        fl.emit(I::LocalGet(sep));
                        fl.call_prelude("string_push_str");
                        fl.emit(I::End);
                        fl.emit(I::I32Const(0));
                        fl.emit(I::LocalSet(first));
                    }
                    if let Some(i) = item {
                        fl.emit(I::LocalGet(s));
                        fl.emit(I::LocalGet(i));
                        if is_string {
                            fl.call_prelude("string_as_str");
                        }
                        fl.call_prelude("string_push_str");
                    }
                });
                self.emit(I::LocalGet(s));
            }
            "seq.to_vec" | "seq.into_iter_vec" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let src = TExpr { kind: crate::tir::ExprKind::IterAdapt("cloned", Box::new(TExpr { kind: crate::tir::ExprKind::IterSource("seq_ref", vec![args[0].clone()]), ty: Ty::Iter(Box::new(Ty::Ref(false, Box::new(elem.clone())))), span: e.span.clone() }), vec![], None), ty: Ty::Iter(Box::new(elem.clone())), span: e.span.clone() };
                let v = self.collect_vec(&src, &elem);
                self.emit(I::LocalGet(v));
            }
            "vec.extend" | "vec.extend_from_slice" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let push = self.vec_push_fn(&elem);
                self.expr_noncopy(&args[0]);
                let v = self.stash(&args[0].ty).unwrap();
                let src = if op == "vec.extend_from_slice" {
                    TExpr { kind: crate::tir::ExprKind::IterSource("seq_ref", vec![args[1].clone()]), ty: Ty::Iter(Box::new(Ty::Ref(false, Box::new(elem.clone())))), span: e.span.clone() }
                } else {
                    args[1].clone()
                };
                let el = elem.clone();
                self.iterate(&src, &mut |fl: &mut FnLower, item, _p, _c| {
                    fl.emit(I::LocalGet(v));
                    match item {
                        Some(i) => {
                            fl.emit(I::LocalGet(i));
                            if matches!(fl.lw.repr(&el), Some(ValType::Ref(_))) && !matches!(el, Ty::Ref(..)) {
                                let f = helpers::clone_fn(fl.lw, &el);
                                fl.emit(I::Call(f));
                            }
                        }
                        None => fl.emit(I::I32Const(0)),
                    }
                    fl.emit(I::Call(push));
                });
            }
            "opt.is_some_and_" => {}
            "opt.take" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                self.expr_noncopy(&args[0]);
                let v = self.stash(&t).unwrap();
                // copy out, then set tag to None
                self.emit(I::LocalGet(v));
                let f = helpers::clone_shallow_fn(self.lw, &t);
                self.emit(I::Call(f));
                self.emit(I::LocalGet(v));
                self.emit(I::I32Const(0));
                self.emit(I::StructSet { struct_type_index: l.ty, field_index: 0 });
            }
            "opt.as_ref" | "opt.cloned" => {
                let t = args[0].ty.peel_refs().clone();
                self.expr_noncopy(&args[0]);
                if op == "opt.cloned" {
                    let f = helpers::clone_fn(self.lw, &e.ty);
                    self.emit(I::Call(f));
                } else {
                    let _ = t;
                }
            }
            "opt.ok_or" | "res.ok" | "res.err" | "opt.or" | "opt.unwrap_or_default" | "res.unwrap_or_default" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                self.expr(&args[0]);
                let v = self.stash(&t).unwrap();
                let other = if args.len() > 1 {
                    self.expr(&args[1]);
                    self.stash(&args[1].ty)
                } else {
                    None
                };
                let rl = match self.lw.repr(&e.ty) {
                    Some(ValType::Ref(_)) if !matches!(op, "opt.unwrap_or_default" | "res.unwrap_or_default") => Some(self.lw.layout(&e.ty)),
                    _ => None,
                };
                let payload = |fl: &mut FnLower, vi: usize| {
                    if let Some(w) = l.fields[vi][0] {
                        fl.emit(I::LocalGet(v));
                        fl.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
                        true
                    } else {
                        false
                    }
                };
                let tag_is = |fl: &mut FnLower, want: i32| {
                    fl.emit(I::LocalGet(v));
                    fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                    fl.emit(I::I32Const(want));
                    fl.emit(I::I32Eq);
                };
                let bt = self.bt(&e.ty);
                match op {
                    "opt.ok_or" => {
                        let rl = rl.unwrap();
                        tag_is(self, 1);
                        self.emit(I::If(bt));
                        self.emit(I::I32Const(0));
                        let Ty::Result(okt, errt) = e.ty.clone() else { return };
                        if payload(self, 1) {}
                        if self.lw.repr(&errt).is_some() {
                            helpers::default_value(self, &errt);
                        }
                        self.emit(I::StructNew(rl.ty));
                        self.emit(I::Else);
                        self.emit(I::I32Const(1));
                        if self.lw.repr(&okt).is_some() {
                            helpers::default_value(self, &okt);
                        }
                        if let Some(o) = other {
                            self.emit(I::LocalGet(o));
                        }
                        self.emit(I::StructNew(rl.ty));
                        self.emit(I::End);
                    }
                    "res.ok" | "res.err" => {
                        let rl = rl.unwrap();
                        let want = if op == "res.ok" { 0 } else { 1 };
                        tag_is(self, want);
                        let inner = match &e.ty {
                            Ty::Option(x) => (**x).clone(),
                            _ => Ty::Unit,
                        };
                        let has = self.new_local(ValType::I32);
                        self.emit(I::LocalTee(has));
                        self.emit(I::Drop);
                        self.emit(I::LocalGet(has));
                        if self.lw.repr(&inner).is_some() {
                            self.emit(I::LocalGet(has));
                            let iv = self.lw.repr(&inner).unwrap();
                            self.emit(I::If(BlockType::Result(iv)));
                            payload(self, want as usize);
                            self.emit(I::Else);
                            helpers::default_value(self, &inner);
                            self.emit(I::End);
                        }
                        self.emit(I::StructNew(rl.ty));
                    }
                    "opt.or" => {
                        tag_is(self, 1);
                        self.emit(I::If(bt));
                        self.emit(I::LocalGet(v));
                        self.emit(I::Else);
                        if let Some(o) = other {
                            self.emit(I::LocalGet(o));
                        }
                        self.emit(I::End);
                    }
                    _ => {
                        let vi = if op.starts_with("opt") { 1 } else { 0 };
                        tag_is(self, vi as i32);
                        self.emit(I::If(bt));
                        payload(self, vi);
                        self.emit(I::Else);
                        self.default_of(&e.ty, e);
                        self.emit(I::End);
                    }
                }
            }
            "mem.swap" | "mem.replace" | "mem.take" => {
                // Operate on the places behind the `&mut` arguments.
                let place_of = |fl: &mut FnLower, a: &TExpr| -> Place {
                    match &a.kind {
                        crate::tir::ExprKind::AddrOf(true, inner) => fl.place(inner),
                        _ => {
                            let inner_ty = match &a.ty {
                                Ty::Ref(_, t) => (**t).clone(),
                                t => t.clone(),
                            };
                            let d = TExpr { kind: crate::tir::ExprKind::Deref(Box::new(a.clone())), ty: inner_ty, span: a.span.clone() };
                            fl.place(&d)
                        }
                    }
                };
                let t = match &args[0].ty {
                    Ty::Ref(_, t) => (**t).clone(),
                    t => t.clone(),
                };
                let v = self.lw.repr(&t);
                let pa = place_of(self, &args[0]);
                // Whole-object places copy contents; take a snapshot of the old value first.
                let old = v.map(|vt| self.new_local(vt));
                self.load(&pa);
                if let Place::Whole(..) = pa {
                    let f = helpers::clone_shallow_or_seq(self.lw, &t);
                    self.emit(I::Call(f));
                }
                if let Some(o) = old {
                    self.emit(I::LocalSet(o));
                }
                match op {
                    "mem.swap" => {
                        let pb = place_of(self, &args[1]);
                        let ob = v.map(|vt| self.new_local(vt));
                        self.load(&pb);
                        if let Place::Whole(..) = pb {
                            let f = helpers::clone_shallow_or_seq(self.lw, &t);
                            self.emit(I::Call(f));
                        }
                        if let Some(o) = ob {
                            self.emit(I::LocalSet(o));
                        }
                        self.store_with(&pa, &mut |fl: &mut FnLower| {
                            if let Some(o) = ob {
                                fl.emit(I::LocalGet(o));
                            }
                        });
                        self.store_with(&pb, &mut |fl: &mut FnLower| {
                            if let Some(o) = old {
                                fl.emit(I::LocalGet(o));
                            }
                        });
                    }
                    "mem.replace" => {
                        let nv = &args[1];
                        self.store_expr(&pa, nv);
                        if let Some(o) = old {
                            self.emit(I::LocalGet(o));
                        }
                    }
                    _ => {
                        let tt = t.clone();
                        let ee = e.clone();
                        self.store_with(&pa, &mut |fl: &mut FnLower| fl.default_of(&tt, &ee));
                        if let Some(o) = old {
                            self.emit(I::LocalGet(o));
                        }
                    }
                }
            }
            "seq.copy_from_slice" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(&args[0]);
                let a = self.stash(&args[0].ty).unwrap();
                let (aa, ast, al) = self.seq_triple(a, &t, &elem);
                let t2 = args[1].ty.peel_refs().clone();
                self.expr_noncopy(&args[1]);
                let b = self.stash(&args[1].ty).unwrap();
                let (ba, bst, bl) = self.seq_triple(b, &t2, &elem);
                self.emit(I::LocalGet(al));
                self.emit(I::LocalGet(bl));
                self.emit(I::I32Ne);
                self.open(2, BlockType::Empty);
                let loc = self.loc_string(&e.span);
                self.str_lit(&loc);
                self.emit(I::LocalGet(bl));
                self.emit(I::LocalGet(al));
                self.call_prelude("panic_copy_len");
                self.emit(I::Unreachable);
                self.end();
                if self.lw.repr(&elem).is_some() {
                    self.emit(I::LocalGet(aa));
                    self.emit(I::LocalGet(ast));
                    self.emit(I::LocalGet(ba));
                    self.emit(I::LocalGet(bst));
                    self.emit(I::LocalGet(bl));
                    self.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
                }
            }
            "seq.starts_with" | "seq.ends_with" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(&args[0]);
                let a = self.stash(&args[0].ty).unwrap();
                let (aa, ast, al) = self.seq_triple(a, &t, &elem);
                let t2 = args[1].ty.peel_refs().clone();
                self.expr_noncopy(&args[1]);
                let b = self.stash(&args[1].ty).unwrap();
                let (ba, bst, bl) = self.seq_triple(b, &t2, &elem);
                let r = self.new_local(ValType::I32);
                self.emit(I::LocalGet(bl));
                self.emit(I::LocalGet(al));
                self.emit(I::I32LeU);
                self.emit(I::LocalSet(r));
                if op == "seq.ends_with" {
                    // compare against the tail: shift a's start by al - bl
                    self.emit(I::LocalGet(r));
                    self.open(2, BlockType::Empty);
                    self.emit(I::LocalGet(ast));
                    self.emit(I::LocalGet(al));
                    self.emit(I::LocalGet(bl));
                    self.emit(I::I32Sub);
                    self.emit(I::I32Add);
                    self.emit(I::LocalSet(ast));
                    self.end();
                }
                let i = self.zeroed_i32();
                let done = self.open(0, BlockType::Empty);
                self.emit(I::LocalGet(r));
                self.emit(I::I32Eqz);
                self.br_if(done);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(bl));
                self.emit(I::I32GeU);
                self.br_if(done);
                self.emit(I::LocalGet(aa));
                self.emit(I::LocalGet(ast));
                self.emit(I::LocalGet(i));
                self.emit(I::I32Add);
                self.array_get(at, &elem);
                self.emit(I::LocalGet(ba));
                self.emit(I::LocalGet(bst));
                self.emit(I::LocalGet(i));
                self.emit(I::I32Add);
                self.array_get(at, &elem);
                helpers::eq_value(self, &elem);
                self.emit(I::I32Eqz);
                self.open(2, BlockType::Empty);
                self.emit(I::I32Const(0));
                self.emit(I::LocalSet(r));
                self.br(done);
                self.end();
                self.emit(I::LocalGet(i));
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(i));
                self.br(lp);
                self.end();
                self.end();
                self.emit(I::LocalGet(r));
            }
            "str.get" => {
                let crate::tir::ExprKind::Range(a, b, incl) = &args[1].kind else {
                    self.unsupported(e, "str::get with a stored range");
                    return;
                };
                self.as_str_value(&args[0]);
                let s = self.stash(&Ty::str_ref()).unwrap();
                self.emit(I::LocalGet(s));
                match a {
                    Some(a) => self.expr(a),
                    None => self.emit(I::I32Const(0)),
                }
                match b {
                    Some(b) => {
                        self.expr(b);
                        if *incl {
                            self.emit(I::I32Const(1));
                            self.emit(I::I32Add);
                        }
                    }
                    None => {
                        self.emit(I::LocalGet(s));
                        let st = self.lw.slice_type(&Ty::Int(IntTy::U8));
                        self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                    }
                }
                self.call_prelude("str_get");
            }
            "seq.fill" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                self.expr(&args[1]);
                let x = self.stash(&elem);
                let src = TExpr { kind: crate::tir::ExprKind::IterSource("seq_mut", vec![args[0].clone()]), ty: Ty::Iter(Box::new(Ty::Ref(true, Box::new(elem.clone())))), span: e.span.clone() };
                let el = elem.clone();
                self.iterate(&src, &mut |fl: &mut FnLower, _item, place, _c| {
                    if let (Some(p), Some(x)) = (place, x) {
                        fl.store_with(&p, &mut |fl: &mut FnLower| {
                            fl.emit(I::LocalGet(x));
                            if matches!(fl.lw.repr(&el), Some(ValType::Ref(_))) && !matches!(el, Ty::Ref(..)) {
                                let f = helpers::clone_fn(fl.lw, &el);
                                fl.emit(I::Call(f));
                            }
                        });
                    }
                });
            }
            "seq.split_at" => {
                let t = args[0].ty.peel_refs().clone();
                let elem = vec_elem(&t);
                let st = self.lw.slice_type(&elem);
                let tl = self.lw.layout(&e.ty);
                self.expr_noncopy(&args[0]);
                let b = self.stash(&args[0].ty).unwrap();
                let (arr, start, len) = self.seq_triple(b, &t, &elem);
                self.expr(&args[1]);
                let mid = self.new_local(ValType::I32);
                self.emit(I::LocalSet(mid));
                self.emit(I::LocalGet(mid));
                self.emit(I::LocalGet(len));
                self.emit(I::I32GtU);
                self.open(2, BlockType::Empty);
                self.panic_const(&e.span, "mid > len");
                self.end();
                self.emit(I::LocalGet(arr));
                self.emit(I::LocalGet(start));
                self.emit(I::LocalGet(mid));
                self.emit(I::StructNew(st));
                self.emit(I::LocalGet(arr));
                self.emit(I::LocalGet(start));
                self.emit(I::LocalGet(mid));
                self.emit(I::I32Add);
                self.emit(I::LocalGet(len));
                self.emit(I::LocalGet(mid));
                self.emit(I::I32Sub);
                self.emit(I::StructNew(st));
                self.emit(I::StructNew(tl.ty));
            }
            "opt.replace" | "opt.insert" | "opt.get_or_insert" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                self.expr_noncopy(&args[0]);
                let v = self.stash(&t).unwrap();
                self.expr(&args[1]);
                let x = self.stash(&args[1].ty);
                let w = l.fields[1][0];
                if op == "opt.replace" {
                    self.emit(I::LocalGet(v));
                    let f = helpers::clone_shallow_fn(self.lw, &t);
                    self.emit(I::Call(f));
                }
                let store = |fl: &mut FnLower| {
                    fl.emit(I::LocalGet(v));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::StructSet { struct_type_index: l.ty, field_index: 0 });
                    if let (Some(w), Some(x)) = (w, x) {
                        fl.emit(I::LocalGet(v));
                        fl.emit(I::LocalGet(x));
                        fl.emit(I::StructSet { struct_type_index: l.ty, field_index: w });
                    }
                };
                if op == "opt.get_or_insert" {
                    self.emit(I::LocalGet(v));
                    self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                    self.emit(I::I32Eqz);
                    self.open(2, BlockType::Empty);
                    store(self);
                    self.end();
                } else {
                    store(self);
                }
                if op != "opt.replace" {
                    // &mut T: aggregates are the payload object itself; scalars are unsupported here.
                    if let Some(w) = w {
                        if self.lw.is_scalar(&e.ty.peel_refs().clone()) {
                            self.lw.error(codes::UNSUPPORTED_BORROW, &e.span, "a `&mut` to a scalar inside an Option is not supported yet", None);
                        } else {
                            self.emit(I::LocalGet(v));
                            self.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
                        }
                    }
                }
            }
            "res.and" | "res.or" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                self.expr(&args[0]);
                let a = self.stash(&t).unwrap();
                self.expr(&args[1]);
                let b = self.stash(&args[1].ty).unwrap();
                let ety = e.ty.clone();
                let bt = self.bt(&ety);
                self.emit(I::LocalGet(a));
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                self.emit(I::I32Eqz);
                self.open(2, bt);
                if op == "res.and" {
                    self.emit(I::LocalGet(b));
                    self.emit(I::Else);
                    if let Some(p) = self.payload(a, &t, 1) {
                        self.emit(I::LocalGet(p));
                    }
                    self.build_variant_from_stack(&ety, 1);
                } else {
                    if let Some(p) = self.payload(a, &t, 0) {
                        self.emit(I::LocalGet(p));
                    }
                    self.build_variant_from_stack(&ety, 0);
                    self.emit(I::Else);
                    self.emit(I::LocalGet(b));
                }
                self.end();
            }
            "opt.and" | "opt.xor" | "opt.zip" => {
                let t = args[0].ty.peel_refs().clone();
                let l = self.lw.layout(&t);
                self.expr(&args[0]);
                let a = self.stash(&t).unwrap();
                let ut = args[1].ty.peel_refs().clone();
                let ul = self.lw.layout(&ut);
                self.expr(&args[1]);
                let b = self.stash(&ut).unwrap();
                let bt = self.bt(&e.ty);
                match op {
                    "opt.and" => {
                        self.emit(I::LocalGet(a));
                        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                        self.open(2, bt);
                        self.emit(I::LocalGet(b));
                        self.emit(I::Else);
                        self.build_variant_from_stack(&e.ty.clone(), 0);
                        self.end();
                    }
                    "opt.xor" => {
                        // exactly one is Some
                        self.emit(I::LocalGet(a));
                        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                        self.emit(I::LocalGet(b));
                        self.emit(I::StructGet { struct_type_index: ul.ty, field_index: 0 });
                        self.emit(I::I32Xor);
                        self.open(2, bt);
                        // `select` needs an explicit type for references.
                        self.emit(I::LocalGet(a));
                        self.emit(I::LocalGet(b));
                        self.emit(I::LocalGet(a));
                        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                        self.emit(I::TypedSelect(ref_ty(l.ty)));
                        self.emit(I::Else);
                        self.build_variant_from_stack(&e.ty.clone(), 0);
                        self.end();
                    }
                    _ => {
                        let ety = e.ty.clone();
                        let inner = match &ety {
                            Ty::Option(x) => (**x).clone(),
                            _ => Ty::Unit,
                        };
                        let il = self.lw.layout(&inner);
                        self.emit(I::LocalGet(a));
                        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                        self.emit(I::LocalGet(b));
                        self.emit(I::StructGet { struct_type_index: ul.ty, field_index: 0 });
                        self.emit(I::I32And);
                        self.open(2, bt);
                        if let Some(p) = self.payload(a, &t, 1) {
                            self.emit(I::LocalGet(p));
                        }
                        if let Some(p) = self.payload(b, &ut, 1) {
                            self.emit(I::LocalGet(p));
                        }
                        self.emit(I::StructNew(il.ty));
                        self.build_variant_from_stack(&ety, 1);
                        self.emit(I::Else);
                        self.build_variant_from_stack(&ety, 0);
                        self.end();
                    }
                }
            }
            "int.checked_add" | "int.checked_sub" | "int.checked_mul" | "int.checked_div" | "int.checked_rem" | "int.saturating_add" | "int.saturating_sub" | "int.saturating_mul" | "int.checked_pow" | "int.wrapping_neg" | "int.signum" | "int.rem_euclid" | "int.div_euclid" | "int.count_ones" | "int.count_zeros" | "int.leading_zeros" | "int.trailing_zeros" | "int.rotate_left" | "int.rotate_right" | "int.is_power_of_two" | "int.is_positive" | "int.is_negative" | "int.abs_diff" | "int.clamp" | "int.wrapping_pow" | "int.checked_neg" | "int.checked_abs" | "int.checked_shl" | "int.checked_shr" | "int.wrapping_shl" | "int.wrapping_shr" | "int.wrapping_div" | "int.wrapping_rem" | "int.wrapping_abs" | "int.saturating_pow" | "int.saturating_neg" | "int.overflowing_add" | "int.overflowing_sub" | "int.overflowing_mul" | "int.unsigned_abs" => {
                self.int_method(op, args, e);
            }
            _ if op.starts_with("float.") => {
                self.float_method(op, args, e);
            }
            "range.contains" => {
                let Ty::Range(elem, incl) = args[0].ty.peel_refs().clone() else { return };
                let l = self.lw.layout(args[0].ty.peel_refs());
                self.expr_noncopy(&args[0]);
                let r = self.stash(&args[0].ty).unwrap();
                self.expr(&args[1]);
                let x = self.stash(&elem).unwrap();
                self.emit(I::LocalGet(x));
                self.emit(I::LocalGet(r));
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                helpers::cmp_value(self, &elem);
                self.emit(I::I32Const(0));
                self.emit(I::I32GeS);
                self.emit(I::LocalGet(x));
                self.emit(I::LocalGet(r));
                self.emit(I::StructGet { struct_type_index: l.ty, field_index: 1 });
                helpers::cmp_value(self, &elem);
                self.emit(I::I32Const(0));
                self.emit(if incl { I::I32LeS } else { I::I32LtS });
                self.emit(I::I32And);
            }
            "int.abs" => {
                let Ty::Int(i) = e.ty.clone() else { return };
                self.expr(&args[0]);
                let v = self.stash(&e.ty).unwrap();
                if i.signed() {
                    if self.checks {
                        self.emit(I::LocalGet(v));
                        self.int_const(i.min(), &e.ty);
                        self.emit(if i.is64() { I::I64Eq } else { I::I32Eq });
                        self.open(2, BlockType::Empty);
                        self.panic_const(&e.span, "attempt to negate with overflow");
                        self.end();
                    }
                    self.int_const(0, &e.ty);
                    self.emit(I::LocalGet(v));
                    self.emit(if i.is64() { I::I64Sub } else { I::I32Sub });
                    self.normalize(i);
                    self.emit(I::LocalGet(v));
                    self.emit(I::LocalGet(v));
                    self.int_const(0, &e.ty);
                    self.emit(if i.is64() { I::I64LtS } else { I::I32LtS });
                    self.emit(I::Select);
                } else {
                    self.emit(I::LocalGet(v));
                }
            }
            "int.min" | "int.max" => {
                self.expr(&args[0]);
                let a = self.stash(&e.ty).unwrap();
                self.expr(&args[1]);
                let b = self.stash(&e.ty).unwrap();
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(b));
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(b));
                helpers::cmp_value(self, &e.ty);
                self.emit(I::I32Const(0));
                self.emit(if op == "int.min" { I::I32LeS } else { I::I32GeS });
                self.emit(I::Select);
            }
            "int.pow" => {
                let Ty::Int(i) = e.ty.clone() else { return };
                // Repeated multiplication with the profile's overflow checks.
                self.expr(&args[0]);
                let b = self.stash(&e.ty).unwrap();
                self.expr(&args[1]);
                let n = self.stash(&Ty::Int(IntTy::U32)).unwrap();
                let r = { let __t = self.lw.repr(&e.ty).unwrap(); self.new_local(__t) };
                self.int_const(1, &e.ty);
                self.emit(I::LocalSet(r));
                let brk = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(n));
                self.emit(I::I32Eqz);
                self.br_if(brk);
                self.emit(I::LocalGet(r));
                self.emit(I::LocalGet(b));
                let sp = e.span.clone();
                // `pow` is not `#[track_caller]`: its overflow is reported at core's `int_impl!` line.
                let saved = self.loc_override.replace(super::ops::iter_adapters::core_location(pow_location(i)));
                helpers::int_arith(self, crate::tir::BinOp::Mul, i, &e.ty, &sp);
                self.loc_override = saved;
                self.emit(I::LocalSet(r));
                self.emit(I::LocalGet(n));
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                self.emit(I::LocalSet(n));
                self.br(lp);
                self.end();
                self.end();
                self.emit(I::LocalGet(r));
            }
            "int.wrapping_add" | "int.wrapping_sub" | "int.wrapping_mul" => {
                let Ty::Int(i) = e.ty.clone() else { return };
                let saved = self.checks;
                self.checks = false;
                self.expr(&args[0]);
                self.expr(&args[1]);
                let bop = match op {
                    "int.wrapping_add" => crate::tir::BinOp::Add,
                    "int.wrapping_sub" => crate::tir::BinOp::Sub,
                    _ => crate::tir::BinOp::Mul,
                };
                let sp = e.span.clone();
                helpers::int_arith(self, bop, i, &e.ty, &sp);
                self.checks = saved;
            }
            _ if matches!(e.ty, Ty::Iter(_)) => {
                self.materialize_iter(e);
                return;
            }
            _ => {
                // Delegate to a prelude function named after the op, when one exists.
                let name = op.replace('.', "_");
                if self.lw.ck.program.fns.iter().any(|f| f.is_prelude && f.name == name) {
                    for a in args {
                        if matches!(a.ty.peel_refs(), Ty::String) && !matches!(a.ty, Ty::String) {
                            self.as_str_value(a);
                        } else {
                            self.expr_noncopy(a);
                        }
                    }
                    self.call_prelude(&name);
                } else if matches!(e.ty, Ty::Iter(_)) {
                    self.materialize_iter(e);
                    return;
                } else {
                    self.unsupported(e, op);
                }
            }
        }
        if matches!(e.ty, Ty::Never) {
            self.emit(I::Unreachable);
        }
    }

    /// With a `Formatter` (or `&mut String`) on the stack, leaves its output String.
    fn formatter_buf(&mut self, t: &Ty) {
        if matches!(t.peel_refs(), Ty::Formatter) {
            let ft = self.lw.formatter_type();
            self.emit(I::StructGet { struct_type_index: ft, field_index: 0 });
        }
    }

    /// Converts the Vec/array on the stack to a slice struct.
    fn to_slice(&mut self, t: &Ty, elem: &Ty) {
        let st = self.lw.slice_type(elem);
        let v = self.stash(t).unwrap();
        let at = self.lw.array_type(elem);
        let arr = self.new_local(ref_ty(at));
        let len = self.new_local(ValType::I32);
        self.seq_parts(v, t, arr, None, len);
        self.emit(I::LocalGet(arr));
        self.emit(I::I32Const(0));
        self.emit(I::LocalGet(len));
        self.emit(I::StructNew(st));
    }

    pub(super) fn vec_push_fn(&mut self, elem: &Ty) -> u32 {
        let vt = self.lw.vec_type(elem);
        let at = self.lw.array_type(elem);
        let ev = self.lw.repr(elem).unwrap_or(ValType::I32);
        let key = format!("vec_push<{}>", self.lw.ck.ty_name(elem));
        let (id, new) = self.lw.helper(&key, vec![ref_ty(vt), ev], vec![], false);
        if new {
            let mut fl = FnLower::new_helper(self.lw, 2, None);
            helpers::grow_n_const(&mut fl, vt, at, 0);
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
            fl.emit(I::LocalGet(1));
            fl.emit(I::ArraySet(at));
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(0));
            fl.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
            fl.emit(I::I32Const(1));
            fl.emit(I::I32Add);
            fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
            fl.finish(id);
        }
        id
    }

    pub fn repeat_array(&mut self, v: &TExpr, elem: &Ty, len: impl Fn(&mut FnLower)) {
        let at = self.lw.array_type(elem);
        if self.lw.repr(elem).is_none() {
            self.expr(v);
            len(self);
            self.emit(I::ArrayNewDefault(at));
            return;
        }
        self.expr(v);
        if !self.lw.needs_copy(elem) && !matches!(self.lw.repr(elem), Some(ValType::Ref(_))) || matches!(elem, Ty::Ref(..) | Ty::Str | Ty::Slice(_)) {
            len(self);
            self.emit(I::ArrayNew(at));
            return;
        }
        // Aggregates: every element is its own copy.
        let x = self.stash(elem).unwrap();
        let n = self.new_local(ValType::I32);
        len(self);
        self.emit(I::LocalSet(n));
        let a = self.new_local(ref_ty(at));
        self.emit(I::LocalGet(n));
        self.emit(I::ArrayNewDefault(at));
        self.emit(I::LocalSet(a));
        let i = self.zeroed_i32();
        let brk = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(n));
        self.emit(I::I32GeU);
        self.br_if(brk);
        self.emit(I::LocalGet(a));
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(x));
        let f = helpers::clone_fn(self.lw, elem);
        self.emit(I::Call(f));
        self.emit(I::ArraySet(at));
        self.emit(I::LocalGet(i));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalSet(i));
        self.br(lp);
        self.end();
        self.end();
        self.emit(I::LocalGet(a));
    }

    pub fn struct_lit(&mut self, a: usize, vals: &[Option<TExpr>], base: Option<&TExpr>, t: &Ty) {
        let l = self.lw.layout(t);
        let tys = self.lw.ck.adt_fields[a][0].clone();
        let b = base.map(|b| {
            self.expr(b);
            self.stash(&b.ty).unwrap()
        });
        for (i, v) in vals.iter().enumerate() {
            match v {
                Some(v) => {
                    self.expr(v);
                    if l.fields[0][i].is_none() {
                        self.drop_value(&v.ty);
                    }
                }
                None => {
                    if let (Some(b), Some(w)) = (b, l.fields[0][i]) {
                        self.emit(I::LocalGet(b));
                        self.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
                        let _ = &tys;
                    }
                }
            }
        }
        self.emit(I::StructNew(l.ty));
    }

    pub fn variant(&mut self, v: usize, args: &[TExpr], t: &Ty) {
        if let Ty::Adt(a, _) = t {
            if self.lw.ck.adt_is_fieldless_enum(*a) {
                self.emit(I::I32Const(self.lw.ck.adt_discrs[*a][v] as i32));
                return;
            }
        }
        let l = self.lw.layout(t);
        let all: Vec<Vec<Ty>> = match t {
            Ty::Adt(a, _) => self.lw.ck.adt_fields[*a].clone(),
            Ty::Option(x) => vec![vec![], vec![(**x).clone()]],
            Ty::Result(x, y) => vec![vec![(**x).clone()], vec![(**y).clone()]],
            _ => vec![],
        };
        let vals: Vec<Option<u32>> = args
            .iter()
            .map(|a| {
                self.expr(a);
                self.stash(&a.ty)
            })
            .collect();
        self.emit(I::I32Const(v as i32));
        for (vi, fs) in all.iter().enumerate() {
            for (fi, ft) in fs.iter().enumerate() {
                if l.fields[vi][fi].is_none() {
                    continue;
                }
                if vi == v {
                    if let Some(Some(loc)) = vals.get(fi) {
                        self.emit(I::LocalGet(*loc));
                        continue;
                    }
                }
                helpers::default_value(self, ft);
            }
        }
        self.emit(I::StructNew(l.ty));
    }

    pub fn slice_range(&mut self, base: &TExpr, a: Option<&TExpr>, b: Option<&TExpr>, incl: bool, e: &TExpr) {
        let is_str = matches!(e.ty.peel_refs(), Ty::Str);
        let elem = match base.ty.peel_refs() {
            Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
            _ => Ty::Int(IntTy::U8),
        };
        // Whole-sequence slice struct, then the prelude checks and narrows it.
        self.expr_noncopy(base);
        let bt = base.ty.peel_refs().clone();
        match &bt {
            Ty::String => self.call_prelude("string_as_str"),
            Ty::Str | Ty::Slice(_) => {}
            _ => self.to_slice(&bt, &elem),
        }
        let s = self.stash(&Ty::Slice(Box::new(elem.clone()))).unwrap();
        let st = self.lw.slice_type(&elem);
        let (lo, hi) = (self.new_local(ValType::I32), self.new_local(ValType::I32));
        match a {
            Some(a) => self.expr(a),
            None => self.emit(I::I32Const(0)),
        }
        self.emit(I::LocalSet(lo));
        match b {
            Some(b) => {
                self.expr(b);
                if incl {
                    self.emit(I::I32Const(1));
                    self.emit(I::I32Add);
                }
            }
            None => {
                self.emit(I::LocalGet(s));
                self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
            }
        }
        self.emit(I::LocalSet(hi));
        let loc = self.loc_string(&e.span);
        if is_str {
            self.emit(I::LocalGet(s));
            self.emit(I::LocalGet(lo));
            self.emit(I::LocalGet(hi));
            self.str_lit(&loc);
            self.call_prelude("str_slice");
        } else {
            self.emit(I::LocalGet(s));
            self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
            self.emit(I::LocalGet(lo));
            self.emit(I::LocalGet(hi));
            self.str_lit(&loc);
            self.call_prelude("slice_check");
            self.emit(I::LocalGet(s));
            self.emit(I::StructGet { struct_type_index: st, field_index: 0 });
            self.emit(I::LocalGet(s));
            self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            self.emit(I::LocalGet(lo));
            self.emit(I::I32Add);
            self.emit(I::LocalGet(hi));
            self.emit(I::LocalGet(lo));
            self.emit(I::I32Sub);
            self.emit(I::StructNew(st));
        }
    }

    pub fn std_closure_op(&mut self, op: &str, args: &[TExpr], cls: &[Closure], e: &TExpr) {
        if op.starts_with("iter.") && self.is_option_of_scalar_mut(&e.ty) {
            return self.elem_opt_misuse(e);
        }
        if self.closure_op_ext(op, args, cls, e) {
            return;
        }
        match op {
            op if op.starts_with("coll.") => self.coll_closure_op(op, args, cls, e),
            "closure.call" => {
                let cl = &cls[0];
                let vals: Vec<Option<u32>> = args.iter().map(|a| {
                    self.expr(a);
                    self.stash(&a.ty)
                }).collect();
                self.inline_closure(cl, &vals);
            }
            _ if op.starts_with("opt.") || op.starts_with("res.") => self.enum_closure_op(op, args, cls, e),
            _ if op.starts_with("str.") => self.str_pred_op(op, args, &cls[0], e),
            "seq.sort_by_key" => self.unsupported(e, "sort_by_key"),
            "vec.retain" => {
                let t = args[0].ty.peel_refs().clone();
                let Ty::Vec(elem) = t.clone() else { return };
                let elem = (*elem).clone();
                let vt = self.lw.vec_type(&elem);
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(&args[0]);
                let v = self.stash(&t).unwrap();
                let (arr, len) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32));
                self.seq_parts(v, &t, arr, None, len);
                let (r, w) = (self.zeroed_i32(), self.zeroed_i32());
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(r));
                self.emit(I::LocalGet(len));
                self.emit(I::I32GeU);
                self.br_if(done);
                let x = self.lw.repr(&elem).map(|vv| vv);
                let xl = x.map(|vv| self.new_local(vv));
                if let Some(xl) = xl {
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(r));
                    self.array_get(at, &elem);
                    self.emit(I::LocalSet(xl));
                }
                self.inline_closure(&cls[0], &[xl]);
                self.open(2, BlockType::Empty);
                if let Some(xl) = xl {
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(w));
                    self.emit(I::LocalGet(xl));
                    self.emit(I::ArraySet(at));
                }
                self.emit(I::LocalGet(w));
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(w));
                if let (Some(xl), true) = (xl, super::rc_drops_glue::needs_drop(self.lw, &elem)) {
                    // a removed element holding an `Rc` is dropped
                    self.emit(I::Else);
                    super::rc_drops_glue::drop_glue(self, xl, &elem);
                }
                self.end();
                self.emit(I::LocalGet(r));
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(r));
                self.br(lp);
                self.end();
                self.end();
                self.emit(I::LocalGet(v));
                self.emit(I::LocalGet(w));
                self.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
            }
            _ => self.iter_consume(op, args, cls, e),
        }
    }

    /// `str` searches and trims with a `char` predicate closure, inlined in a loop over the chars.
    fn str_pred_op(&mut self, op: &str, args: &[TExpr], cl: &Closure, e: &TExpr) {
        self.as_str_value(&args[0]);
        let s = self.stash(&Ty::str_ref()).unwrap();
        let st = self.lw.slice_type(&Ty::Int(IntTy::U8));
        let len = self.new_local(ValType::I32);
        self.emit(I::LocalGet(s));
        self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
        self.emit(I::LocalSet(len));
        let (pos, found) = (self.zeroed_i32(), self.zeroed_i32());
        let c = self.new_local(ValType::I32);
        let clen = self.new_local(ValType::I32);
        let from_end = matches!(op, "str.ends_with_fn" | "str.trim_end_fn");
        let end = self.new_local(ValType::I32);
        self.emit(I::LocalGet(len));
        self.emit(I::LocalSet(end));
        // Scan forward (or backward from the end) while the predicate says what the op needs.
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        if from_end {
            self.emit(I::LocalGet(end));
            self.emit(I::I32Eqz);
            self.br_if(done);
            self.emit(I::LocalGet(s));
            self.emit(I::LocalGet(end));
            self.call_prelude("str_prev_char_start");
            self.emit(I::LocalSet(pos));
            self.emit(I::LocalGet(s));
            self.emit(I::LocalGet(pos));
            self.call_prelude("str_char_at");
            self.emit(I::LocalSet(c));
        } else {
            self.emit(I::LocalGet(pos));
            self.emit(I::LocalGet(len));
            self.emit(I::I32GeU);
            self.br_if(done);
            self.emit(I::LocalGet(s));
            self.emit(I::LocalGet(pos));
            self.call_prelude("str_char_at");
            self.emit(I::LocalTee(c));
            self.call_prelude("char_len_utf8");
            self.emit(I::LocalSet(clen));
        }
        self.inline_closure(cl, &[Some(c)]);
        match op {
            "str.find_fn" | "str.contains_fn" => {
                self.open(2, BlockType::Empty);
                self.emit(I::I32Const(1));
                self.emit(I::LocalSet(found));
                self.br(done);
                self.end();
            }
            "str.starts_with_fn" | "str.ends_with_fn" => {
                self.emit(I::LocalSet(found));
                self.br(done);
            }
            _ => {
                // trims: stop at the first char that does not match
                self.emit(I::I32Eqz);
                self.br_if(done);
            }
        }
        if from_end {
            self.emit(I::LocalGet(pos));
            self.emit(I::LocalSet(end));
        } else {
            self.emit(I::LocalGet(pos));
            self.emit(I::LocalGet(clen));
            self.emit(I::I32Add);
            self.emit(I::LocalSet(pos));
        }
        self.br(lp);
        self.end();
        self.end();
        match op {
            "str.contains_fn" | "str.starts_with_fn" | "str.ends_with_fn" => self.emit(I::LocalGet(found)),
            "str.find_fn" => {
                let l = self.lw.layout(&e.ty);
                self.emit(I::LocalGet(found));
                self.emit(I::LocalGet(pos));
                self.emit(I::StructNew(l.ty));
            }
            "str.trim_start_fn" => {
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(len));
                self.emit(I::LocalGet(pos));
                self.emit(I::I32Sub);
                self.call_prelude("__intrinsic_sub");
            }
            "str.trim_end_fn" => {
                self.emit(I::LocalGet(s));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(end));
                self.call_prelude("__intrinsic_sub");
            }
            _ => {
                // trim both: trim start, then recurse for the end with a second scan
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(len));
                self.emit(I::LocalGet(pos));
                self.emit(I::I32Sub);
                self.call_prelude("__intrinsic_sub");
                let s2 = self.stash(&Ty::str_ref()).unwrap();
                let end2 = self.new_local(ValType::I32);
                self.emit(I::LocalGet(s2));
                self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                self.emit(I::LocalSet(end2));
                let d2 = self.open(0, BlockType::Empty);
                let l2 = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(end2));
                self.emit(I::I32Eqz);
                self.br_if(d2);
                self.emit(I::LocalGet(s2));
                self.emit(I::LocalGet(end2));
                self.call_prelude("str_prev_char_start");
                self.emit(I::LocalSet(pos));
                self.emit(I::LocalGet(s2));
                self.emit(I::LocalGet(pos));
                self.call_prelude("str_char_at");
                self.emit(I::LocalSet(c));
                self.inline_closure(cl, &[Some(c)]);
                self.emit(I::I32Eqz);
                self.br_if(d2);
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalSet(end2));
                self.br(l2);
                self.end();
                self.end();
                self.emit(I::LocalGet(s2));
                self.emit(I::I32Const(0));
                self.emit(I::LocalGet(end2));
                self.call_prelude("__intrinsic_sub");
            }
        }
    }

    /// Loads variant `vi`'s payload of the enum object in local `obj` into a fresh local.
    pub(super) fn payload(&mut self, obj: u32, t: &Ty, vi: usize) -> Option<u32> {
        let l = self.lw.layout(t);
        let w = l.fields.get(vi).and_then(|f| f.first().copied().flatten())?;
        let pt = match t {
            Ty::Option(x) => (**x).clone(),
            Ty::Result(a, b) => if vi == 0 { (**a).clone() } else { (**b).clone() },
            _ => return None,
        };
        let v = self.lw.repr(&pt)?;
        let loc = self.new_local(v);
        self.emit(I::LocalGet(obj));
        self.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
        self.emit(I::LocalSet(loc));
        Some(loc)
    }

    /// Builds `Some(x)`/`Ok(x)`/`Err(x)` (variant `vi` of `t`) from the value on the stack (if any).
    pub(super) fn build_variant_from_stack(&mut self, t: &Ty, vi: usize) {
        let l = self.lw.layout(t);
        let tys: Vec<Vec<Ty>> = match t {
            Ty::Option(x) => vec![vec![], vec![(**x).clone()]],
            Ty::Result(a, b) => vec![vec![(**a).clone()], vec![(**b).clone()]],
            _ => vec![],
        };
        let val = tys.get(vi).and_then(|f| f.first()).and_then(|ft| {
            let ft = ft.clone();
            self.stash(&ft)
        });
        self.emit(I::I32Const(vi as i32));
        for (v, fs) in tys.iter().enumerate() {
            for (k, ft) in fs.iter().enumerate() {
                if l.fields[v][k].is_none() {
                    continue;
                }
                if v == vi {
                    if let Some(x) = val {
                        self.emit(I::LocalGet(x));
                        continue;
                    }
                }
                helpers::default_value(self, ft);
            }
        }
        self.emit(I::StructNew(l.ty));
    }

    /// Option/Result combinators taking closures, inlined.
    fn enum_closure_op(&mut self, op: &str, args: &[TExpr], cls: &[Closure], e: &TExpr) {
        let t = args[0].ty.peel_refs().clone();
        let l = self.lw.layout(&t);
        self.expr(&args[0]);
        let obj = self.stash(&t).unwrap();
        let is_opt = matches!(t, Ty::Option(_));
        // "good" variant: Some = 1, Ok = 0
        let good = if is_opt { 1 } else { 0 };
        let bt = self.bt(&e.ty);
        let cl = &cls[0];
        let extra = if args.len() > 1 {
            self.expr(&args[1]);
            self.stash(&args[1].ty)
        } else {
            None
        };
        self.emit(I::LocalGet(obj));
        self.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
        self.emit(I::I32Const(good));
        self.emit(I::I32Eq);
        let ety = e.ty.clone();
        match op {
            "opt.map" | "res.map" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, good as usize);
                self.inline_closure(cl, &[p]);
                self.build_variant_from_stack(&ety, good as usize);
                self.emit(I::Else);
                if is_opt {
                    self.build_variant_from_stack(&ety, 0);
                } else {
                    let p = self.payload(obj, &t, 1);
                    if let Some(p) = p {
                        self.emit(I::LocalGet(p));
                    }
                    self.build_variant_from_stack(&ety, 1);
                }
                self.end();
            }
            "res.map_err" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, 0);
                if let Some(p) = p {
                    self.emit(I::LocalGet(p));
                }
                self.build_variant_from_stack(&ety, 0);
                self.emit(I::Else);
                let p = self.payload(obj, &t, 1);
                self.inline_closure(cl, &[p]);
                self.build_variant_from_stack(&ety, 1);
                self.end();
            }
            "opt.and_then" | "res.and_then" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, good as usize);
                self.inline_closure(cl, &[p]);
                self.emit(I::Else);
                if is_opt {
                    self.build_variant_from_stack(&ety, 0);
                } else {
                    let p = self.payload(obj, &t, 1);
                    if let Some(p) = p {
                        self.emit(I::LocalGet(p));
                    }
                    self.build_variant_from_stack(&ety, 1);
                }
                self.end();
            }
            "opt.unwrap_or_else" | "res.unwrap_or_else" => {
                self.open(2, bt);
                if let Some(p) = self.payload(obj, &t, good as usize) {
                    self.emit(I::LocalGet(p));
                }
                self.emit(I::Else);
                if is_opt {
                    self.inline_closure(cl, &[]);
                } else {
                    let p = self.payload(obj, &t, 1);
                    self.inline_closure(cl, &[p]);
                }
                self.end();
            }
            "opt.filter" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, 1);
                self.inline_closure(cl, &[p]);
                self.open(2, bt);
                self.emit(I::LocalGet(obj));
                self.emit(I::Else);
                self.build_variant_from_stack(&ety, 0);
                self.end();
                self.emit(I::Else);
                self.build_variant_from_stack(&ety, 0);
                self.end();
            }
            "opt.is_some_and" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, 1);
                self.inline_closure(cl, &[p]);
                self.emit(I::Else);
                self.emit(I::I32Const(0));
                self.end();
            }
            "opt.map_or" => {
                self.open(2, bt);
                let p = self.payload(obj, &t, 1);
                self.inline_closure(cl, &[p]);
                self.emit(I::Else);
                if let Some(x) = extra {
                    self.emit(I::LocalGet(x));
                }
                self.end();
            }
            "res.is_ok_and" | "res.is_err_and" => {
                if op == "res.is_err_and" {
                    self.emit(I::I32Eqz);
                }
                self.open(2, bt);
                let p = self.payload(obj, &t, if op == "res.is_ok_and" { 0 } else { 1 });
                self.inline_closure(cl, &[p]);
                self.emit(I::Else);
                self.emit(I::I32Const(0));
                self.end();
            }
            "opt.or_else" => {
                self.open(2, bt);
                self.emit(I::LocalGet(obj));
                self.emit(I::Else);
                self.inline_closure(cl, &[]);
                self.end();
            }
            "res.or_else" => {
                self.open(2, bt);
                if let Some(p) = self.payload(obj, &t, 0) {
                    self.emit(I::LocalGet(p));
                }
                self.build_variant_from_stack(&ety, 0);
                self.emit(I::Else);
                let p = self.payload(obj, &t, 1);
                self.inline_closure(cl, &[p]);
                self.end();
            }
            "opt.ok_or_else" => {
                self.open(2, bt);
                if let Some(p) = self.payload(obj, &t, 1) {
                    self.emit(I::LocalGet(p));
                }
                self.build_variant_from_stack(&ety, 0);
                self.emit(I::Else);
                self.inline_closure(cl, &[]);
                self.build_variant_from_stack(&ety, 1);
                self.end();
            }
            _ => {
                self.emit(I::Drop);
                self.unsupported(e, op);
            }
        }
    }

    /// Binds closure parameters to the given locals and evaluates the body in place.
    pub fn inline_closure(&mut self, cl: &Closure, vals: &[Option<u32>]) {
        let fail = self.open(0, BlockType::Empty);
        for (p, v) in cl.params.iter().zip(vals) {
            self.bind_pat(p, Src { local: *v, place: None }, fail);
        }
        self.end();
        self.expr(&cl.body);
    }

    pub fn for_loop(&mut self, label: usize, pat: &TPat, iter: &TExpr, body: &TExpr) {
        let brk = self.open(0, BlockType::Empty);
        let pat = pat.clone();
        let body = body.clone();
        self.loops.insert(label, (brk, u32::MAX));
        self.iterate(iter, &mut |fl: &mut FnLower, item: Option<u32>, place: Option<Place>, cont: u32| {
            fl.loops.insert(label, (brk, cont));
            let fail = fl.open(0, BlockType::Empty);
            fl.bind_pat(&pat, Src { local: item, place }, fail);
            fl.end();
            fl.expr(&body);
            fl.drop_value(&body.ty);
        });
        self.end();
    }

    /// Emits a loop over an iterator chain; `each` gets the item local (and its place for `iter_mut`)
    /// plus the depth to branch to for `continue`.
    /// Iterates a `Vec<elem>` that the code just emitted left on the stack (pieces materialized by a prelude
    /// function, e.g. `env::args` or `str::split`), calling `each` with a local holding every element.
    fn iterate_produced_vec(&mut self, elem: Ty, each: &mut dyn FnMut(&mut FnLower, Option<u32>, Option<Place>, u32)) {
        let vt_ty = Ty::Vec(Box::new(elem.clone()));
        let v = self.stash(&vt_ty).unwrap();
        let at = self.lw.array_type(&elem);
        let (arr, len, i) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32), self.zeroed_i32());
        self.seq_parts(v, &vt_ty, arr, None, len);
        let done = self.open(0, BlockType::Empty);
        let lp = self.open(1, BlockType::Empty);
        self.emit(I::LocalGet(i));
        self.emit(I::LocalGet(len));
        self.emit(I::I32GeU);
        self.br_if(done);
        let item = { let t = self.lw.repr(&elem).unwrap(); self.new_local(t) };
        self.emit(I::LocalGet(arr));
        self.emit(I::LocalGet(i));
        self.array_get(at, &elem);
        self.emit(I::LocalSet(item));
        let cont = self.open(0, BlockType::Empty);
        each(self, Some(item), None, cont);
        self.end();
        self.emit(I::LocalGet(i));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalSet(i));
        self.br(lp);
        self.end();
        self.end();
    }

    pub fn iterate(&mut self, it: &TExpr, each: &mut dyn FnMut(&mut FnLower, Option<u32>, Option<Place>, u32)) {
        use crate::tir::ExprKind as K;
        if self.iterate_ext(it, each) || self.iterate_user(it, each) {
            return;
        }
        match &it.kind {
            K::IterSource(kind @ ("range" | "range_incl"), args) => {
                let K::Range(a, b, _) = &args[0].kind else {
                    self.lw.error(codes::UNSUPPORTED_EXPR, &it.span, "iterating a stored range is not supported yet", Some("write the range inline: `for i in a..b`"));
                    return;
                };
                let elem = match &args[0].ty {
                    Ty::Range(t, _) => (**t).clone(),
                    _ => Ty::Int(IntTy::I32),
                };
                let wide = match &elem {
                    Ty::Int(x) if x.is128() => Some(*x),
                    _ => None,
                };
                let v = self.lw.repr(&elem).unwrap_or(ValType::I32);
                let (i, end) = (self.new_local(v), self.new_local(v));
                if let Some(a) = a {
                    self.expr(a);
                } else {
                    self.int_const(0, &elem);
                }
                self.emit(I::LocalSet(i));
                let unbounded = b.is_none();
                if let Some(b) = b {
                    self.expr(b);
                } else {
                    let max = match &elem {
                        Ty::Int(x) => IntTy::max(*x),
                        _ => 0x10FFFF,
                    };
                    self.int_const(max, &elem);
                }
                self.emit(I::LocalSet(end));
                let incl = *kind == "range_incl" || unbounded;
                let (signed, w64) = match &elem {
                    Ty::Int(x) => (x.signed(), x.is64()),
                    _ => (false, false),
                };
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(end));
                match wide {
                    Some(x) => super::wide::compare(self, if incl { crate::tir::BinOp::Gt } else { crate::tir::BinOp::Ge }, x),
                    None => self.emit(match (incl, signed, w64) {
                        (false, true, false) => I::I32GeS,
                        (false, false, false) => I::I32GeU,
                        (false, true, true) => I::I64GeS,
                        (false, false, true) => I::I64GeU,
                        (true, true, false) => I::I32GtS,
                        (true, false, false) => I::I32GtU,
                        (true, true, true) => I::I64GtS,
                        (true, false, true) => I::I64GtU,
                    }),
                }
                self.br_if(done);
                let item = self.new_local(v);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalSet(item));
                let cont = self.open(0, BlockType::Empty);
                each(self, Some(item), None, cont);
                self.end();
                if incl {
                    // Stop after yielding `end` (avoids overflow at MAX).
                    self.emit(I::LocalGet(i));
                    self.emit(I::LocalGet(end));
                    match wide {
                        Some(x) => super::wide::compare(self, crate::tir::BinOp::Eq, x),
                        None => self.emit(if w64 { I::I64Eq } else { I::I32Eq }),
                    }
                    self.br_if(done);
                }
                self.emit(I::LocalGet(i));
                self.int_const(1, &elem);
                match wide {
                    Some(_) => self.call_prelude("u128_add"),
                    None => self.emit(if w64 { I::I64Add } else { I::I32Add }),
                }
                self.emit(I::LocalSet(i));
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterSource("seq_owned" | "seq_ref" | "seq_mut", args) | K::Std("seq.iter" | "seq.iter_mut" | "seq.into_iter", args) => {
                let base = &args[0];
                let t = base.ty.peel_refs().clone();
                let elem = match &t {
                    Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
                    _ => Ty::Int(IntTy::U8),
                };
                let at = self.lw.array_type(&elem);
                self.expr_noncopy(base);
                let b = self.stash(&base.ty).unwrap();
                let (arr, len, i) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32), self.zeroed_i32());
                self.seq_parts(b, &t, arr, None, len);
                if let Some(st) = self.slice_struct_of(&t) {
                    self.emit(I::LocalGet(b));
                    self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
                    self.emit(I::LocalTee(i));
                    self.emit(I::LocalGet(len));
                    self.emit(I::I32Add);
                    self.emit(I::LocalSet(len));
                }
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(len));
                self.emit(I::I32GeU);
                self.br_if(done);
                let ev = self.lw.repr(&elem);
                let item = ev.map(|v| self.new_local(v));
                let idx = self.new_local(ValType::I32);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalSet(idx));
                if let Some(item) = item {
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    self.array_get(at, &elem);
                    self.emit(I::LocalSet(item));
                }
                let place = Some(Place::Elem { arr, idx, arr_ty: at, elem: elem.clone() });
                let cont = self.open(0, BlockType::Empty);
                each(self, item, place, cont);
                self.end();
                self.emit(I::LocalGet(i));
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(i));
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterAdapt("enumerate", inner, _, _) => {
                let tt = match &it.ty {
                    Ty::Iter(t) => (**t).clone(),
                    _ => Ty::Unit,
                };
                let item_ty = match &tt {
                    Ty::Tuple(ts) if ts.len() == 2 => ts[1].clone(),
                    _ => Ty::Unit,
                };
                // `&mut scalar` items from `iter_mut` are passed in a cell and copied back after the body.
                let cell_of = match &item_ty {
                    Ty::Ref(true, x) if self.lw.is_scalar(x) => Some((**x).clone()),
                    _ => None,
                };
                let l = self.lw.layout(&tt);
                let n = self.zeroed_i32();
                self.iterate(inner, &mut |fl: &mut FnLower, item, place, cont| {
                    let _ = cont;
                    fl.emit(I::LocalGet(n));
                    let mut writeback = None;
                    match (&cell_of, &place, item) {
                        (Some(x), Some(p), _) => {
                            let c = fl.lw.cell_type(x);
                            let cl = fl.new_local(ref_ty(c));
                            fl.load(p);
                            fl.emit(I::StructNew(c));
                            fl.emit(I::LocalTee(cl));
                            writeback = Some((p.clone(), cl, c));
                        }
                        (_, _, Some(item)) => fl.emit(I::LocalGet(item)),
                        _ => {}
                    }
                    fl.emit(I::StructNew(l.ty));
                    let t = fl.new_local(ref_ty(l.ty));
                    fl.emit(I::LocalSet(t));
                    fl.emit(I::LocalGet(n));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalSet(n));
                    let body = fl.open(0, BlockType::Empty);
                    each(fl, Some(t), None, body);
                    fl.end();
                    if let Some((p, cl, c)) = writeback {
                        fl.store_with(&p, &mut |fl: &mut FnLower| {
                            fl.emit(I::LocalGet(cl));
                            fl.emit(I::StructGet { struct_type_index: c, field_index: 0 });
                        });
                    }
                });
            }
            K::IterAdapt("map", inner, _, Some(cl)) => {
                let out_ty = match &it.ty {
                    Ty::Iter(t) => (**t).clone(),
                    _ => Ty::Unit,
                };
                let cl = cl.clone();
                self.iterate(inner, &mut |fl: &mut FnLower, item, _place, cont| {
                    fl.inline_closure(&cl, &[item]);
                    let r = fl.stash(&out_ty);
                    each(fl, r, None, cont);
                });
            }
            K::IterAdapt("filter", inner, _, Some(cl)) => {
                let cl = cl.clone();
                self.iterate(inner, &mut |fl: &mut FnLower, item, place, cont| {
                    fl.inline_closure(&cl, &[item]);
                    fl.emit(I::I32Eqz);
                    fl.br_if(cont);
                    each(fl, item, place, cont);
                });
            }
            K::IterAdapt("cloned", inner, _, _) => {
                let t = match &it.ty {
                    Ty::Iter(t) => (**t).clone(),
                    _ => Ty::Unit,
                };
                self.iterate(inner, &mut |fl: &mut FnLower, item, _place, cont| {
                    let r = match item {
                        Some(item) => {
                            fl.emit(I::LocalGet(item));
                            if matches!(fl.lw.repr(&t), Some(ValType::Ref(_))) {
                                let f = helpers::clone_fn(fl.lw, &t);
                                fl.emit(I::Call(f));
                            }
                            fl.stash(&t)
                        }
                        None => None,
                    };
                    each(fl, r, None, cont);
                });
            }
            K::IterAdapt("rev", inner, _, _) if matches!(inner.kind, K::IterSource("range" | "range_incl", _)) => {
                let K::IterSource(kind, args) = &inner.kind else { return };
                let K::Range(a, b, _) = &args[0].kind else { return };
                let elem = match &args[0].ty {
                    Ty::Range(t, _) => (**t).clone(),
                    _ => Ty::Int(IntTy::I32),
                };
                let wide = match &elem {
                    Ty::Int(x) if x.is128() => Some(*x),
                    _ => None,
                };
                let v = self.lw.repr(&elem).unwrap_or(ValType::I32);
                let (start, i) = (self.new_local(v), self.new_local(v));
                let (signed, w64) = match &elem {
                    Ty::Int(x) => (x.signed(), x.is64()),
                    _ => (false, false),
                };
                match a {
                    Some(a) => self.expr(a),
                    None => self.int_const(0, &elem),
                }
                self.emit(I::LocalSet(start));
                if let Some(b) = b {
                    self.expr(b);
                }
                self.emit(I::LocalSet(i));
                let incl = *kind == "range_incl";
                let done = self.open(0, BlockType::Empty);
                if !incl {
                    // exclusive: empty when i <= start; first item is end-1
                    self.emit(I::LocalGet(i));
                    self.emit(I::LocalGet(start));
                    let ins = match (signed, w64) {
                        (true, false) => I::I32LeS,
                        (false, false) => I::I32LeU,
                        (true, true) => I::I64LeS,
                        (false, true) => I::I64LeU,
                    };
                    super::wide::compare_or(self, wide, crate::tir::BinOp::Le, ins);
                    self.br_if(done);
                    self.emit(I::LocalGet(i));
                    self.int_const(1, &elem);
                    super::wide::add_sub_or(self, wide, crate::tir::BinOp::Sub, if w64 { I::I64Sub } else { I::I32Sub });
                    self.emit(I::LocalSet(i));
                } else {
                    self.emit(I::LocalGet(i));
                    self.emit(I::LocalGet(start));
                    let ins = match (signed, w64) {
                        (true, false) => I::I32LtS,
                        (false, false) => I::I32LtU,
                        (true, true) => I::I64LtS,
                        (false, true) => I::I64LtU,
                    };
                    super::wide::compare_or(self, wide, crate::tir::BinOp::Lt, ins);
                    self.br_if(done);
                }
                let lp = self.open(1, BlockType::Empty);
                let item = self.new_local(v);
                self.emit(I::LocalGet(i));
                self.emit(I::LocalSet(item));
                let cont = self.open(0, BlockType::Empty);
                each(self, Some(item), None, cont);
                self.end();
                self.emit(I::LocalGet(i));
                self.emit(I::LocalGet(start));
                super::wide::compare_or(self, wide, crate::tir::BinOp::Eq, if w64 { I::I64Eq } else { I::I32Eq });
                self.br_if(done);
                self.emit(I::LocalGet(i));
                self.int_const(1, &elem);
                super::wide::add_sub_or(self, wide, crate::tir::BinOp::Sub, if w64 { I::I64Sub } else { I::I32Sub });
                self.emit(I::LocalSet(i));
                self.br(lp);
                self.end();
                self.end();
            }
            K::IterAdapt("step_by", inner, sargs, _) => {
                // Count items and skip all but every n-th.
                let step = self.new_local(ValType::I32);
                self.expr(&sargs[0]);
                self.emit(I::LocalSet(step));
                self.emit(I::LocalGet(step));
                self.emit(I::I32Eqz);
                self.open(2, BlockType::Empty);
                self.panic_in_core("iter/adapters/step_by.rs:35:9", "assertion failed: step != 0");
                self.end();
                let k = self.zeroed_i32();
                self.iterate(inner, &mut |fl: &mut FnLower, item, place, cont| {
                    fl.emit(I::LocalGet(k));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalSet(k));
                    fl.emit(I::LocalGet(k));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Sub);
                    fl.emit(I::LocalGet(step));
                    fl.emit(I::I32RemU);
                    fl.br_if(cont);
                    each(fl, item, place, cont);
                });
            }
            K::IterAdapt(kind @ ("skip" | "take"), inner, sargs, _) => {
                let n = self.new_local(ValType::I32);
                self.expr(&sargs[0]);
                self.emit(I::LocalSet(n));
                let k = self.zeroed_i32();
                let skip = *kind == "skip";
                let outer = self.open(0, BlockType::Empty);
                self.iterate(inner, &mut |fl: &mut FnLower, item, place, cont| {
                    fl.emit(I::LocalGet(k));
                    fl.emit(I::LocalGet(n));
                    fl.emit(I::I32GeU);
                    if skip {
                        fl.emit(I::I32Eqz);
                        fl.emit(I::LocalGet(k));
                        fl.emit(I::I32Const(1));
                        fl.emit(I::I32Add);
                        fl.emit(I::LocalSet(k));
                        fl.br_if(cont);
                    } else {
                        fl.br_if(outer);
                        fl.emit(I::LocalGet(k));
                        fl.emit(I::I32Const(1));
                        fl.emit(I::I32Add);
                        fl.emit(I::LocalSet(k));
                    }
                    each(fl, item, place, cont);
                });
                self.end();
            }
            K::StdClosure("str.split_fn", args, cls) => {
                let cl = cls[0].clone();
                self.as_str_value(&args[0]);
                let s = self.stash(&Ty::str_ref()).unwrap();
                let st = self.lw.slice_type(&Ty::Int(IntTy::U8));
                let (pos, start, len) = (self.zeroed_i32(), self.zeroed_i32(), self.new_local(ValType::I32));
                self.emit(I::LocalGet(s));
                self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                self.emit(I::LocalSet(len));
                let piece = self.new_local(ref_ty(st));
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(len));
                self.emit(I::I32GeU);
                self.br_if(done);
                let c = self.new_local(ValType::I32);
                let clen = self.new_local(ValType::I32);
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(pos));
                self.call_prelude("str_char_at");
                self.emit(I::LocalTee(c));
                self.call_prelude("char_len_utf8");
                self.emit(I::LocalSet(clen));
                let cont = self.open(0, BlockType::Empty);
                self.inline_closure(&cl, &[Some(c)]);
                self.emit(I::I32Eqz);
                self.br_if(cont);
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(start));
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(start));
                self.emit(I::I32Sub);
                self.call_prelude("__intrinsic_sub");
                self.emit(I::LocalSet(piece));
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(clen));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(start));
                each(self, Some(piece), None, cont);
                self.end();
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(clen));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(pos));
                self.br(lp);
                self.end();
                self.end();
                // the last piece
                let last = self.open(0, BlockType::Empty);
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(start));
                self.emit(I::LocalGet(len));
                self.emit(I::LocalGet(start));
                self.emit(I::I32Sub);
                self.call_prelude("__intrinsic_sub");
                self.emit(I::LocalSet(piece));
                each(self, Some(piece), None, last);
                self.end();
            }
            K::Std(cop @ ("char.to_uppercase" | "char.to_lowercase"), args) => {
                // Case mapping of one char yields a short string; iterate its chars.
                self.expr(&args[0]);
                self.call_prelude("char_to_string");
                let s = self.stash(&Ty::String).unwrap();
                self.emit(I::LocalGet(s));
                self.call_prelude("string_as_str");
                self.call_prelude(if *cop == "char.to_uppercase" { "str_to_uppercase" } else { "str_to_lowercase" });
                let s2 = self.stash(&Ty::String).unwrap();
                let fake = TExpr { kind: K::Local(usize::MAX), ty: Ty::String, span: it.span.clone() };
                let _ = fake;
                self.emit(I::LocalGet(s2));
                self.call_prelude("string_as_str");
                let sl = self.stash(&Ty::str_ref()).unwrap();
                let st = self.lw.slice_type(&Ty::Int(IntTy::U8));
                let (pos, len) = (self.zeroed_i32(), self.new_local(ValType::I32));
                self.emit(I::LocalGet(sl));
                self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                self.emit(I::LocalSet(len));
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(len));
                self.emit(I::I32GeU);
                self.br_if(done);
                let item = self.new_local(ValType::I32);
                self.emit(I::LocalGet(sl));
                self.emit(I::LocalGet(pos));
                self.call_prelude("str_char_at");
                self.emit(I::LocalTee(item));
                self.call_prelude("char_len_utf8");
                self.emit(I::LocalGet(pos));
                self.emit(I::I32Add);
                self.emit(I::LocalSet(pos));
                let cont = self.open(0, BlockType::Empty);
                each(self, Some(item), None, cont);
                self.end();
                self.br(lp);
                self.end();
                self.end();
            }
            K::Std("str.chars" | "str.bytes" | "str.char_indices", args) => {
                let op = if let K::Std(op, _) = &it.kind { *op } else { "" };
                self.as_str_value(&args[0]);
                let s = self.stash(&Ty::str_ref()).unwrap();
                let (pos, len) = (self.zeroed_i32(), self.new_local(ValType::I32));
                let st = self.lw.slice_type(&Ty::Int(IntTy::U8));
                self.emit(I::LocalGet(s));
                self.emit(I::StructGet { struct_type_index: st, field_index: 2 });
                self.emit(I::LocalSet(len));
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalGet(len));
                self.emit(I::I32GeU);
                self.br_if(done);
                let item = self.new_local(ValType::I32);
                let start = self.new_local(ValType::I32);
                self.emit(I::LocalGet(pos));
                self.emit(I::LocalSet(start));
                if op == "str.bytes" {
                    self.emit(I::LocalGet(s));
                    self.emit(I::LocalGet(pos));
                    self.call_prelude("__intrinsic_byte");
                    self.emit(I::LocalSet(item));
                    self.emit(I::LocalGet(pos));
                    self.emit(I::I32Const(1));
                    self.emit(I::I32Add);
                    self.emit(I::LocalSet(pos));
                } else {
                    self.emit(I::LocalGet(s));
                    self.emit(I::LocalGet(pos));
                    self.call_prelude("str_char_at");
                    self.emit(I::LocalTee(item));
                    self.call_prelude("char_len_utf8");
                    self.emit(I::LocalGet(pos));
                    self.emit(I::I32Add);
                    self.emit(I::LocalSet(pos));
                }
                let cont = self.open(0, BlockType::Empty);
                if op == "str.char_indices" {
                    let tt = Ty::Tuple(vec![Ty::usize(), Ty::Char]);
                    let l = self.lw.layout(&tt);
                    self.emit(I::LocalGet(start));
                    self.emit(I::LocalGet(item));
                    self.emit(I::StructNew(l.ty));
                    let t = self.new_local(ref_ty(l.ty));
                    self.emit(I::LocalSet(t));
                    each(self, Some(t), None, cont);
                } else {
                    each(self, Some(item), None, cont);
                }
                self.end();
                self.br(lp);
                self.end();
                self.end();
            }
            K::Std(op @ ("seq.windows" | "seq.chunks"), args) => {
                let base = &args[0];
                let t = base.ty.peel_refs().clone();
                let elem = match &t {
                    Ty::Vec(x) | Ty::Array(x, _) | Ty::Slice(x) => (**x).clone(),
                    _ => Ty::Int(IntTy::U8),
                };
                let st = self.lw.slice_type(&elem);
                self.expr_noncopy(base);
                let b = self.stash(&base.ty).unwrap();
                let (arr, start, len) = self.seq_triple(b, &t, &elem);
                self.expr(&args[1]);
                let n = self.new_local(ValType::I32);
                self.emit(I::LocalSet(n));
                self.emit(I::LocalGet(n));
                self.emit(I::I32Eqz);
                self.open(2, BlockType::Empty);
                self.panic_const(&it.span, if *op == "seq.windows" { "window size must be non-zero" } else { "chunk size must be non-zero" });
                self.end();
                let i = self.zeroed_i32();
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                let windows = *op == "seq.windows";
                // windows: while i + n <= len ; chunks: while i < len
                self.emit(I::LocalGet(i));
                if windows {
                    self.emit(I::LocalGet(n));
                    self.emit(I::I32Add);
                    self.emit(I::LocalGet(len));
                    self.emit(I::I32GtU);
                } else {
                    self.emit(I::LocalGet(len));
                    self.emit(I::I32GeU);
                }
                self.br_if(done);
                let item = self.new_local(ref_ty(st));
                self.emit(I::LocalGet(arr));
                self.emit(I::LocalGet(start));
                self.emit(I::LocalGet(i));
                self.emit(I::I32Add);
                if windows {
                    self.emit(I::LocalGet(n));
                } else {
                    // min(n, len - i)
                    self.emit(I::LocalGet(n));
                    self.emit(I::LocalGet(len));
                    self.emit(I::LocalGet(i));
                    self.emit(I::I32Sub);
                    self.emit(I::LocalGet(n));
                    self.emit(I::LocalGet(len));
                    self.emit(I::LocalGet(i));
                    self.emit(I::I32Sub);
                    self.emit(I::I32LtU);
                    self.emit(I::Select);
                }
                self.emit(I::StructNew(st));
                self.emit(I::LocalSet(item));
                let cont = self.open(0, BlockType::Empty);
                each(self, Some(item), None, cont);
                self.end();
                self.emit(I::LocalGet(i));
                if windows {
                    self.emit(I::I32Const(1));
                } else {
                    self.emit(I::LocalGet(n));
                }
                self.emit(I::I32Add);
                self.emit(I::LocalSet(i));
                self.br(lp);
                self.end();
                self.end();
            }
            K::Std("env.args", _) => {
                self.lw.uses_args = true;
                self.call_prelude("env_args");
                self.iterate_produced_vec(Ty::String, each);
            }
            K::Std(op @ ("str.split_whitespace" | "str.lines" | "str.split" | "str.split_char" | "str.splitn" | "str.rsplitn" | "str.rsplit" | "str.split_terminator" | "str.matches"), args) => {
                // Materialize the pieces into a Vec<&str> with the prelude, then iterate it.
                let name = op.replace('.', "_");
                for a in args.iter() {
                    if matches!(a.ty.peel_refs(), Ty::Str | Ty::String) {
                        self.as_str_value(a);
                    } else {
                        self.expr(a);
                    }
                }
                self.call_prelude(&name);
                self.iterate_produced_vec(Ty::str_ref(), each);
            }
            K::IterAdapt("rev", inner, _, _) => {
                // General reverse: collect into a Vec, then walk it backwards.
                let item_ty = match &it.ty {
                    Ty::Iter(t) => (**t).clone(),
                    _ => Ty::Unit,
                };
                let v = self.collect_vec(inner, &item_ty);
                let at = self.lw.array_type(&item_ty);
                let vt_ty = Ty::Vec(Box::new(item_ty.clone()));
                let (arr, i) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32));
                self.seq_parts(v, &vt_ty, arr, None, i);
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                self.emit(I::LocalGet(i));
                self.emit(I::I32Eqz);
                self.br_if(done);
                self.emit(I::LocalGet(i));
                self.emit(I::I32Const(1));
                self.emit(I::I32Sub);
                self.emit(I::LocalSet(i));
                let ev = self.lw.repr(&item_ty);
                let item = ev.map(|v| self.new_local(v));
                if let Some(item) = item {
                    self.emit(I::LocalGet(arr));
                    self.emit(I::LocalGet(i));
                    self.array_get(at, &item_ty);
                    self.emit(I::LocalSet(item));
                }
                let cont = self.open(0, BlockType::Empty);
                each(self, item, None, cont);
                self.end();
                self.br(lp);
                self.end();
                self.end();
            }
            // A stored iterator, or one returned by a fn (`-> impl Iterator`, materialized there).
            _ if matches!(it.kind, K::Local(_) | K::Field(..) | K::Deref(_) | K::Index(..) | K::Call(..)) && matches!(it.ty, Ty::Iter(_)) => {
                let Ty::Iter(item) = &it.ty else { return };
                let item = (**item).clone();
                let ity = self.lw.iter_type(&item);
                let vt = self.lw.vec_type(&item);
                let at = self.lw.array_type(&item);
                self.expr_noncopy(it);
                let obj = self.new_local(ref_ty(ity));
                self.emit(I::LocalSet(obj));
                let done = self.open(0, BlockType::Empty);
                let lp = self.open(1, BlockType::Empty);
                // pos < items.len
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                self.emit(I::StructGet { struct_type_index: vt, field_index: 1 });
                self.emit(I::I32GeU);
                self.br_if(done);
                let x = self.lw.repr(&item).map(|v| v);
                let xl = x.map(|v| self.new_local(v));
                if let Some(xl) = xl {
                    self.emit(I::LocalGet(obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 0 });
                    self.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                    self.emit(I::LocalGet(obj));
                    self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                    self.array_get(at, &item);
                    self.emit(I::LocalSet(xl));
                }
                self.emit(I::LocalGet(obj));
                self.emit(I::LocalGet(obj));
                self.emit(I::StructGet { struct_type_index: ity, field_index: 1 });
                self.emit(I::I32Const(1));
                self.emit(I::I32Add);
                self.emit(I::StructSet { struct_type_index: ity, field_index: 1 });
                let cont = self.open(0, BlockType::Empty);
                each(self, xl, None, cont);
                self.end();
                self.br(lp);
                self.end();
                self.end();
            }
            _ if matches!(it.ty, Ty::Iter(_)) && !matches!(it.kind, K::IterAdapt(..) | K::IterSource(..)) && matches!(it.kind, K::Std(..) | K::StdClosure(..) | K::Call(..)) => {
                // An iterator produced by an op we cannot stream: materialize, then walk it.
                let Ty::Iter(item) = &it.ty else { return };
                let _ = item;
                self.lw.error(codes::UNKNOWN_METHOD, &it.span, "this iterator source is not supported by the wasm lowering yet", None);
            }
            _ => {
                let what = match &it.kind {
                    K::IterAdapt(k, ..) | K::IterSource(k, _) | K::Std(k, _) => k.to_string(),
                    _ => "iterator".into(),
                };
                self.lw.error(codes::UNKNOWN_METHOD, &it.span, format!("iterator `{what}` is not supported by the wasm lowering yet"), None);
            }
        }
    }

    /// A stored iterator value: the remaining items collected, position 0.
    pub fn materialize_iter(&mut self, e: &TExpr) {
        let Ty::Iter(item) = &e.ty else { return };
        if !self.check_materializable(e) {
            return;
        }
        let item = (**item).clone();
        let v = self.collect_vec(e, &item);
        let it = self.lw.iter_type(&item);
        self.emit(I::LocalGet(v));
        self.emit(I::I32Const(0));
        self.emit(I::StructNew(it));
    }

    /// Collects an iterator into a fresh Vec (returns the local holding it).
    pub fn collect_vec(&mut self, it: &TExpr, item_ty: &Ty) -> u32 {
        let at = self.lw.array_type(item_ty);
        let vt = self.lw.vec_type(item_ty);
        self.emit(I::I32Const(0));
        self.emit(I::ArrayNewDefault(at));
        self.emit(I::I32Const(0));
        self.emit(I::StructNew(vt));
        let v = self.new_local(ref_ty(vt));
        self.emit(I::LocalSet(v));
        let push = self.vec_push_fn(item_ty);
        let it_ty = item_ty.clone();
        self.iterate(it, &mut |fl: &mut FnLower, item, _place, _cont| {
            fl.emit(I::LocalGet(v));
            match item {
                Some(item) => {
                    fl.emit(I::LocalGet(item));
                    fl.copy_if_needed(&it_ty);
                }
                None => fl.emit(I::I32Const(0)),
            }
            fl.emit(I::Call(push));
        });
        v
    }

    fn iter_consume(&mut self, op: &str, args: &[TExpr], cls: &[Closure], e: &TExpr) {
        let it = &args[0];
        let item_ty = match &it.ty {
            Ty::Iter(t) => (**t).clone(),
            _ => Ty::Unit,
        };
        match op {
            "iter.sum" | "iter.product" | "iter.count" => {
                let rt = e.ty.clone();
                let acc = { let __t = self.lw.repr(&rt).unwrap_or(ValType::I32); self.new_local(__t) };
                self.int_const(if op == "iter.product" { 1 } else { 0 }, &rt);
                if matches!(rt, Ty::F64) {
                    self.emit(I::Drop);
                    self.emit(I::F64Const((if op == "iter.product" { 1.0f64 } else { 0.0 }).into()));
                }
                self.emit(I::LocalSet(acc));
                let sp = e.span.clone();
                self.iterate(it, &mut |fl: &mut FnLower, item, _place, _cont| {
                    fl.emit(I::LocalGet(acc));
                    if op == "iter.count" {
                        fl.emit(I::I32Const(1));
                        fl.emit(I::I32Add);
                    } else {
                        if let Some(item) = item {
                            fl.emit(I::LocalGet(item));
                        }
                        let bop = if op == "iter.sum" { crate::tir::BinOp::Add } else { crate::tir::BinOp::Mul };
                        // Overflow panics are reported where std's `Sum`/`Product` impls add.
                        fl.loc_override = Some(super::ops::iter_adapters::core_location("iter/traits/accum.rs:204:1"));
                        fl.arith(bop, &rt, &rt, &sp);
                        fl.loc_override = None;
                    }
                    fl.emit(I::LocalSet(acc));
                });
                self.emit(I::LocalGet(acc));
            }
            "iter.max" | "iter.min" | "iter.last" | "iter.next" | "iter.max_by_key" | "iter.min_by_key" | "iter.find" | "iter.nth" => {
                let nth = if op == "iter.nth" {
                    self.expr(&args[1]);
                    let n = self.new_local(ValType::I32);
                    self.emit(I::LocalSet(n));
                    Some(n)
                } else {
                    None
                };
                let l = self.lw.layout(&e.ty);
                let ev = self.lw.repr(&item_ty);
                let has = self.zeroed_i32();
                let best = ev.map(|v| self.new_local(v));
                if let (Some(b), true) = (best, super::wide::is_wide(item_ty.peel_refs())) {
                    // max/min compare with `best` before it is set: it must hold a value, not null.
                    super::wide::constant(self, 0);
                    self.emit(I::LocalSet(b));
                }
                let done = self.open(0, BlockType::Empty);
                let it_ty = item_ty.clone();
                let cl = cls.first().cloned();
                self.iterate(it, &mut |fl: &mut FnLower, item, _place, cont| {
                    match op {
                        "iter.next" | "iter.nth" => {
                            if let Some(n) = nth {
                                // skip until the counter reaches 0
                                fl.emit(I::LocalGet(n));
                                fl.open(2, BlockType::Empty);
                                fl.emit(I::LocalGet(n));
                                fl.emit(I::I32Const(1));
                                fl.emit(I::I32Sub);
                                fl.emit(I::LocalSet(n));
                                fl.br(cont);
                                fl.end();
                            }
                            if let (Some(b), Some(i)) = (best, item) {
                                fl.emit(I::LocalGet(i));
                                fl.emit(I::LocalSet(b));
                            }
                            fl.emit(I::I32Const(1));
                            fl.emit(I::LocalSet(has));
                            fl.br(done);
                        }
                        "iter.find" => {
                            if let Some(cl) = &cl {
                                fl.inline_closure(cl, &[item]);
                                fl.emit(I::I32Eqz);
                                fl.br_if(cont);
                            }
                            if let (Some(b), Some(i)) = (best, item) {
                                fl.emit(I::LocalGet(i));
                                fl.emit(I::LocalSet(b));
                            }
                            fl.emit(I::I32Const(1));
                            fl.emit(I::LocalSet(has));
                            fl.br(done);
                        }
                        "iter.last" => {
                            if let (Some(b), Some(i)) = (best, item) {
                                fl.emit(I::LocalGet(i));
                                fl.emit(I::LocalSet(b));
                            }
                            fl.emit(I::I32Const(1));
                            fl.emit(I::LocalSet(has));
                        }
                        _ => {
                            let (Some(b), Some(i)) = (best, item) else { return };
                            // take if !has || item cmp best (max: >=, min: <)
                            let is_max = op.contains("max");
                            // compare only when there is a best item (it is null before the first)
                            fl.emit(I::LocalGet(has));
                            fl.emit(I::If(BlockType::Result(ValType::I32)));
                            if let Some(cl) = &cl {
                                fl.inline_closure(cl, &[Some(i)]);
                                fl.inline_closure(cl, &[Some(b)]);
                                let kt = cl.body.ty.clone();
                                helpers::cmp_value(fl, &kt);
                            } else {
                                fl.emit(I::LocalGet(i));
                                fl.emit(I::LocalGet(b));
                                helpers::cmp_value(fl, &it_ty);
                            }
                            fl.emit(I::I32Const(0));
                            fl.emit(if is_max { I::I32GeS } else { I::I32LtS });
                            fl.emit(I::Else);
                            fl.emit(I::I32Const(1));
                            fl.emit(I::End);
                            fl.emit(I::If(BlockType::Empty));
                            fl.emit(I::LocalGet(i));
                            fl.emit(I::LocalSet(b));
                            fl.emit(I::I32Const(1));
                            fl.emit(I::LocalSet(has));
                            fl.emit(I::End);
                        }
                    }
                });
                self.end();
                self.emit(I::LocalGet(has));
                if let Some(b) = best {
                    self.emit(I::LocalGet(b));
                }
                self.emit(I::StructNew(l.ty));
            }
            "iter.any" | "iter.all" | "iter.position" => {
                let r = self.new_local(ValType::I32);
                let n = self.zeroed_i32();
                let any = op != "iter.all";
                self.emit(I::I32Const(if any { 0 } else { 1 }));
                self.emit(I::LocalSet(r));
                let done = self.open(0, BlockType::Empty);
                let cl = cls[0].clone();
                self.iterate(it, &mut |fl: &mut FnLower, item, _place, _cont| {
                    fl.inline_closure(&cl, &[item]);
                    if !any {
                        fl.emit(I::I32Eqz);
                    }
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    fl.emit(I::I32Const(if any { 1 } else { 0 }));
                    fl.emit(I::LocalSet(r));
                    fl.br(done);
                    fl.depth -= 1;
                    fl.emit(I::End);
                    fl.emit(I::LocalGet(n));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalSet(n));
                });
                self.end();
                if op == "iter.position" {
                    let l = self.lw.layout(&e.ty);
                    self.emit(I::LocalGet(r));
                    self.emit(I::LocalGet(n));
                    self.emit(I::StructNew(l.ty));
                } else {
                    self.emit(I::LocalGet(r));
                }
            }
            "iter.for_each" => {
                let cl = cls[0].clone();
                self.iterate(it, &mut |fl: &mut FnLower, item, _place, _cont| {
                    fl.inline_closure(&cl, &[item]);
                    fl.drop_value(&cl.body.ty);
                });
            }
            "iter.fold" => {
                let acc_ty = e.ty.clone();
                self.expr(&args[1]);
                let acc = self.stash(&acc_ty);
                let cl = cls[0].clone();
                self.iterate(it, &mut |fl: &mut FnLower, item, _place, _cont| {
                    fl.inline_closure(&cl, &[acc, item]);
                    if let Some(a) = acc {
                        fl.emit(I::LocalSet(a));
                    }
                });
                if let Some(a) = acc {
                    self.emit(I::LocalGet(a));
                }
            }
            _ => self.unsupported(e, op),
        }
    }

    /// Standalone iterator consumers that are `Std` ops (no closure).
    pub fn iter_std(&mut self, op: &str, args: &[TExpr], e: &TExpr) -> bool {
        if op.starts_with("iter.") && self.is_option_of_scalar_mut(&e.ty) {
            self.elem_opt_misuse(e);
            return true;
        }
        if self.iter_std_ext(op, args, e) {
            return true;
        }
        match op {
            "iter.sum" | "iter.product" | "iter.count" | "iter.max" | "iter.min" | "iter.last" | "iter.next" | "iter.nth" => {
                self.iter_consume(op, args, &[], e);
                true
            }
            "iter.collect_vec" => {
                let item_ty = match &e.ty {
                    Ty::Vec(t) => (**t).clone(),
                    _ => Ty::Unit,
                };
                let v = self.collect_vec(&args[0], &item_ty);
                self.emit(I::LocalGet(v));
                true
            }
            "iter.collect_string_chars" | "iter.collect_string_strs" => {
                let s = self.new_string();
                let chars = op.ends_with("chars");
                let item_ty = match &args[0].ty {
                    Ty::Iter(t) => (**t).clone(),
                    _ => Ty::Unit,
                };
                self.iterate(&args[0], &mut |fl: &mut FnLower, item, _place, _cont| {
                    let Some(item) = item else { return };
                    fl.emit(I::LocalGet(s));
                    fl.emit(I::LocalGet(item));
                    if chars {
                        fl.call_prelude("string_push");
                    } else {
                        if matches!(item_ty.peel_refs(), Ty::String) {
                            fl.call_prelude("string_as_str");
                        }
                        fl.call_prelude("string_push_str");
                    }
                });
                self.emit(I::LocalGet(s));
                true
            }
            _ => false,
        }
    }

    // ---- formatting ----

    pub fn format(&mut self, pieces: &[FmtPiece], args: &[TExpr]) {
        // `&mut scalar` arguments are formatted through their referent.
        let args: Vec<TExpr> = args
            .iter()
            .map(|a| match &a.ty {
                Ty::Ref(true, inner) if self.lw.is_scalar(inner) => TExpr { kind: crate::tir::ExprKind::Deref(Box::new(a.clone())), ty: (**inner).clone(), span: a.span.clone() },
                // `&&mut scalar` (e.g. inspect/filter over `iter_mut()`): through both references.
                Ty::Ref(false, r) if matches!(&**r, Ty::Ref(true, inner) if self.lw.is_scalar(inner)) => {
                    let Ty::Ref(true, inner) = &**r else { unreachable!() };
                    let once = TExpr { kind: crate::tir::ExprKind::Deref(Box::new(a.clone())), ty: (**r).clone(), span: a.span.clone() };
                    TExpr { kind: crate::tir::ExprKind::Deref(Box::new(once)), ty: (**inner).clone(), span: a.span.clone() }
                }
                _ => a.clone(),
            })
            .collect();
        let args = &args[..];
        let vals: Vec<Option<u32>> = args
            .iter()
            .map(|a| {
                self.expr_noncopy(a);
                self.stash(&a.ty)
            })
            .collect();
        let s = self.new_string();
        for p in pieces {
            match p {
                FmtPiece::Lit(l) => {
                    self.emit(I::LocalGet(s));
                    self.str_lit(l);
                    self.call_prelude("string_push_str");
                }
                FmtPiece::Arg { arg, spec } => {
                    let t = args[*arg].ty.clone();
                    let v = vals[*arg];
                    self.fmt_arg(s, v, &t, spec, &vals, &args[*arg]);
                }
            }
        }
        self.emit(I::LocalGet(s));
    }

    fn count(&mut self, c: &Option<Count>, vals: &[Option<u32>], dflt: i32) {
        match c {
            None => self.emit(I::I32Const(dflt)),
            Some(Count::Lit(n)) => self.emit(I::I32Const(*n as i32)),
            Some(Count::Arg(k)) => match vals.get(*k).copied().flatten() {
                Some(l) => self.emit(I::LocalGet(l)),
                None => self.emit(I::I32Const(dflt)),
            },
        }
    }

    fn spec_args(&mut self, spec: &FmtSpec, vals: &[Option<u32>]) {
        self.emit(I::I32Const(spec.fill as i32));
        self.emit(I::I32Const(spec.align as i32));
        self.count(&spec.width, vals, 0);
        // 16/32: `{:x?}`/`{:X?}` (read by the Debug leaves of integers).
        let hex = match spec.debug_hex {
            'x' => 16,
            'X' => 32,
            _ => 0,
        };
        let flags = (spec.plus as i32) | ((spec.zero as i32) << 1) | ((spec.alternate as i32) << 2) | hex;
        self.emit(I::I32Const(flags));
        self.count(&spec.precision, vals, -1);
    }

    fn fmt_arg(&mut self, s: u32, v: Option<u32>, t: &Ty, spec: &FmtSpec, vals: &[Option<u32>], e: &TExpr) {
        let t = strip(t);
        let debug = spec.kind == '?';
        if let (Ty::Gc(kind, inner), Some(v)) = (&t, v) {
            if let Some((v2, t2)) = self.gc_fmt_view(v, *kind, inner, debug) {
                return self.fmt_arg(s, Some(v2), &t2, spec, vals, e);
            }
        }
        // `Rc<T>` formats as its value.
        if let (Ty::Coll(crate::collections::CollKind::Rc, ts), Some(v)) = (&t, v) {
            let inner = ts[0].clone();
            let bt = self.lw.rcbox_type(&inner);
            let ht = self.lw.rc_handle_type(&inner);
            let v2 = self.lw.repr(&inner).map(|rv| self.new_local(rv));
            if let Some(v2) = v2 {
                self.emit(I::LocalGet(v));
                self.emit(I::StructGet { struct_type_index: ht, field_index: 0 });
                self.emit(I::StructGet { struct_type_index: bt, field_index: 0 });
                self.emit(I::LocalSet(v2));
            }
            return self.fmt_arg(s, v2, &inner, spec, vals, e);
        }
        match &t {
            Ty::Int(i) if i.is128() => {
                let Some(v) = v else { return };
                let radix = match if spec.kind == '?' { spec.debug_hex } else { spec.kind } {
                    'x' => 16,
                    'X' => 17,
                    'o' => 8,
                    'b' => 2,
                    'e' => 100,
                    'E' => 101,
                    _ => 10,
                };
                super::wide::fmt(self, s, v, *i, radix, &mut |fl| fl.spec_args(spec, vals));
            }
            Ty::Int(i) => {
                let Some(v) = v else { return };
                self.emit(I::LocalGet(s));
                // value as u64 magnitude + negative flag (two's complement for non-decimal radixes)
                let radix = match if spec.kind == '?' { spec.debug_hex } else { spec.kind } {
                    'x' => 16,
                    'X' => 17,
                    'o' => 8,
                    'b' => 2,
                    'e' => 100,
                    'E' => 101,
                    _ => 10,
                };
                self.emit(I::LocalGet(v));
                let radix_signed = radix == 10 || radix >= 100;
                if !i.is64() {
                    self.emit(if i.signed() && radix_signed { I::I64ExtendI32S } else { I::I64ExtendI32U });
                    if !radix_signed && i.signed() {
                        let mask = if i.bits() == 32 { 0xffff_ffffi64 } else { (1i64 << i.bits()) - 1 };
                        self.emit(I::I64Const(mask));
                        self.emit(I::I64And);
                    }
                }
                self.emit(I::I32Const((i.signed() && radix_signed) as i32));
                self.emit(I::I32Const(radix));
                self.spec_args(spec, vals);
                self.call_prelude(if radix >= 100 { "fmt_int_exp" } else { "fmt_int" });
            }
            Ty::Str | Ty::String => {
                let Some(v) = v else { return };
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(v));
                if matches!(t, Ty::String) {
                    self.call_prelude("string_as_str");
                }
                if debug {
                    self.call_prelude("fmt_debug_str");
                } else {
                    self.spec_args(spec, vals);
                    self.call_prelude("fmt_str");
                }
            }
            Ty::Char => {
                let Some(v) = v else { return };
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(v));
                if debug {
                    self.call_prelude("fmt_debug_char");
                } else {
                    self.spec_args(spec, vals);
                    self.call_prelude("fmt_char");
                }
            }
            Ty::Bool => {
                let Some(v) = v else { return };
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(v));
                self.spec_args(spec, vals);
                self.call_prelude("fmt_bool");
            }
            Ty::F64 | Ty::F32 => {
                let Some(v) = v else { return };
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(v));
                if matches!(t, Ty::F32) {
                    self.emit(I::F64PromoteF32);
                }
                self.emit(I::I32Const(matches!(t, Ty::F32) as i32));
                self.emit(I::I32Const(match spec.kind {
                    '?' => 1,
                    'e' => 2,
                    'E' => 3,
                    _ => 0,
                }));
                self.spec_args(spec, vals);
                self.call_prelude("fmt_float");
            }
            Ty::ParseError(float) if !debug => {
                let Some(v) = v else { return };
                self.emit(I::LocalGet(s));
                self.emit(I::LocalGet(v));
                self.call_prelude(if *float { "fmt_parse_float_error_display" } else { "fmt_parse_int_error_display" });
            }
            // `impl fmt::Display for dyn Trait`.
            Ty::DynTrait(_) if !debug && self.lw.ck.program.impls.iter().enumerate().any(|(i, imp)| imp.trait_name.as_deref() == Some("Display") && self.lw.ck.impl_self[i] == t) => {
                let i = (0..self.lw.ck.program.impls.len()).find(|&i| self.lw.ck.program.impls[i].trait_name.as_deref() == Some("Display") && self.lw.ck.impl_self[i] == t).unwrap();
                let Some(&f) = self.lw.ck.program.impls[i].methods.get("fmt") else { return };
                if let Some(v) = v {
                    self.emit(I::LocalGet(v));
                }
                let ft = self.lw.formatter_type();
                self.emit(I::LocalGet(s));
                self.spec_args(spec, vals);
                self.emit(I::StructNew(ft));
                let id = self.lw.user_fn(f);
                self.emit(I::Call(id));
                let rt = self.lw.ck.bodies[&f].ret.clone();
                self.drop_value(&rt);
            }
            Ty::Adt(a, _) if !debug => {
                let a = *a;
                match self.lw.ck.program.display_impls.get(&a).copied() {
                    Some(f) => {
                        if let Some(v) = v {
                            self.emit(I::LocalGet(v));
                        }
                        let ft = self.lw.formatter_type();
                        self.emit(I::LocalGet(s));
                        self.spec_args(spec, vals);
                        self.emit(I::StructNew(ft));
                        let id = self.lw.user_fn(f);
                        self.emit(I::Call(id));
                        let rt = self.lw.ck.bodies[&f].ret.clone();
                        self.drop_value(&rt);
                    }
                    None => {
                        let n = self.lw.ck.program.adts[a].name.clone();
                        self.lw.error(codes::TRAITS, &e.span, format!("`{n}` doesn't implement `std::fmt::Display`"), Some("add `impl fmt::Display` or use `{:?}`"));
                    }
                }
            }
            _ if debug => {
                if let Some(v) = v {
                    let spec2 = spec.clone();
                    let vals2 = vals.to_vec();
                    self.fmt_debug_spec(s, v, &t, &mut |fl: &mut FnLower| fl.spec_args(&spec2, &vals2));
                } else {
                    self.emit(I::LocalGet(s));
                    self.str_lit("()");
                    self.spec_args(spec, vals);
                    self.call_prelude("fmt_str");
                }
            }
            _ => {
                let n = self.lw.ck.ty_name(&t);
                self.lw.error(codes::TRAITS, &e.span, format!("`{n}` doesn't implement `std::fmt::Display`"), Some("use `{:?}`"));
            }
        }
    }

    /// Appends `{:?}` of the value in local `v` (type `t`) to the String in local `s`.
    pub fn fmt_debug(&mut self, s: u32, v: u32, t: &Ty) {
        self.fmt_debug_spec(s, v, t, &mut |fl: &mut FnLower| {
            for x in [b' ' as i32, 0, 0, 0, -1] {
                fl.emit(I::I32Const(x));
            }
        });
    }

    /// Like `fmt_debug`, with the spec (fill, align, width, flags, precision) pushed by `spec`.
    pub fn fmt_debug_spec(&mut self, s: u32, v: u32, t: &Ty, spec: &mut dyn FnMut(&mut FnLower)) {
        let t = strip(t);
        let f = helpers_fmt_debug_fn(self.lw, &t);
        self.emit(I::LocalGet(s));
        self.emit(I::LocalGet(v));
        spec(self);
        self.emit(I::Call(f));
    }
}

/// Whether any user code formats with `{:x?}`/`{:X?}`: only then do integer Debug leaves test the hex
/// flags (programs without it keep their exact code).
fn uses_debug_hex(lw: &mut super::Lowerer) -> bool {
    struct Find(bool);
    impl crate::tir_walk::Visitor for Find {
        fn expr(&mut self, e: &mut TExpr) {
            if let crate::tir::ExprKind::Format(pieces, _) = &e.kind {
                self.0 |= pieces.iter().any(|p| matches!(p, FmtPiece::Arg { spec, .. } if spec.debug_hex != '\0'));
            }
        }
    }
    if let Some(b) = lw.debug_hex {
        return b;
    }
    let mut f = Find(false);
    for b in lw.ck.bodies.values().filter(|b| !b.is_prelude) {
        crate::tir_walk::walk_expr(&mut f, &mut b.expr.clone());
    }
    for c in &lw.ck.closures {
        crate::tir_walk::walk_expr(&mut f, &mut c.body.clone());
    }
    lw.debug_hex = Some(f.0);
    f.0
}

/// The Debug leaf of an integer (params of the debug helper: out 0, value 1, spec 2..6) in `radix`
/// (as `fmt_int`), keeping the flags in `mask`.
fn debug_int_leaf(fl: &mut FnLower, i: IntTy, radix: i32, mask: i32) {
    let spec = &mut |fl: &mut FnLower| {
        fl.emit(I::LocalGet(2));
        fl.emit(I::LocalGet(3));
        fl.emit(I::LocalGet(4));
        fl.emit(I::LocalGet(5));
        fl.emit(I::I32Const(mask));
        fl.emit(I::I32And);
        fl.emit(I::LocalGet(6));
    };
    if i.is128() {
        return super::wide::fmt(fl, 0, 1, i, radix, spec);
    }
    let decimal = radix == 10;
    fl.emit(I::LocalGet(0));
    fl.emit(I::LocalGet(1));
    if !i.is64() {
        fl.emit(if i.signed() && decimal { I::I64ExtendI32S } else { I::I64ExtendI32U });
        if !decimal && i.signed() {
            let m = if i.bits() == 32 { 0xffff_ffffi64 } else { (1i64 << i.bits()) - 1 };
            fl.emit(I::I64Const(m));
            fl.emit(I::I64And);
        }
    }
    fl.emit(I::I32Const((i.signed() && decimal) as i32));
    fl.emit(I::I32Const(radix));
    spec(fl);
    fl.call_prelude("fmt_int");
}

fn t_is_option(t: &Ty) -> bool {
    matches!(t, Ty::Option(_))
}

fn strip(t: &Ty) -> Ty {
    match t {
        Ty::Ref(_, x) | Ty::Boxed(x) => strip(x),
        other => other.clone(),
    }
}

/// Generated `Debug` formatting for any type (derived structs/enums, std containers, scalars).
/// Parameters: (out, value, fill, align, width, flags, precision); the spec reaches the leaves like
/// rustc's derived impls, and `{:#?}` (flag 4) pretty-prints with 4-space indentation.
fn helpers_fmt_debug_fn(lw: &mut super::Lowerer, t: &Ty) -> u32 {
    let sv = ref_ty(lw.vec_type(&Ty::Int(IntTy::U8)));
    let v = lw.repr(t).unwrap_or(ValType::I32);
    let key = format!("debug<{}>", lw.ck.ty_name(t));
    let i32s = ValType::I32;
    let (id, new) = lw.helper(&key, vec![sv, v, i32s, i32s, i32s, i32s, i32s], vec![], true);
    if !new {
        return id;
    }
    let mut fl = FnLower::new_helper(lw, 7, None);
    let lit = |fl: &mut FnLower, s: &str| {
        fl.emit(I::LocalGet(0));
        fl.str_lit(s);
        fl.call_prelude("string_push_str");
    };
    let push_spec = |fl: &mut FnLower| {
        for p in 2..7 {
            fl.emit(I::LocalGet(p));
        }
    };
    // pretty = flags & 4
    let pretty = fl.new_local(ValType::I32);
    fl.emit(I::LocalGet(5));
    fl.emit(I::I32Const(4));
    fl.emit(I::I32And);
    fl.emit(I::LocalSet(pretty));
    match t {
        Ty::Gc(kind, inner) => fl.gc_debug_body(*kind, inner),
        Ty::Int(i) if !uses_debug_hex(fl.lw) => debug_int_leaf(&mut fl, *i, 10, 3),
        Ty::Coll(kind, ts) => fl.coll_debug_body(*kind, ts),
        Ty::Int(i) => {
            // `{:x?}`/`{:X?}` (flags 16/32) print integers in hex, where `#` also adds the `0x` prefix;
            // otherwise `#` means pretty-printing, not a radix prefix.
            fl.emit(I::LocalGet(5));
            fl.emit(I::I32Const(48));
            fl.emit(I::I32And);
            fl.emit(I::If(BlockType::Empty));
            fl.emit(I::LocalGet(5));
            fl.emit(I::I32Const(16));
            fl.emit(I::I32And);
            fl.emit(I::If(BlockType::Empty));
            debug_int_leaf(&mut fl, *i, 16, 7);
            fl.emit(I::Else);
            debug_int_leaf(&mut fl, *i, 17, 7);
            fl.emit(I::End);
            fl.emit(I::Else);
            debug_int_leaf(&mut fl, *i, 10, 3);
            fl.emit(I::End);
        }
        Ty::F32 | Ty::F64 => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            if matches!(t, Ty::F32) {
                fl.emit(I::F64PromoteF32);
            }
            fl.emit(I::I32Const(matches!(t, Ty::F32) as i32));
            fl.emit(I::I32Const(1));
            push_spec(&mut fl);
            fl.call_prelude("fmt_float");
        }
        Ty::Bool => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            push_spec(&mut fl);
            fl.call_prelude("fmt_bool");
        }
        Ty::Str | Ty::String => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            if matches!(t, Ty::String) {
                fl.call_prelude("string_as_str");
            }
            push_spec(&mut fl);
            fl.call_prelude("fmt_debug_str_spec");
        }
        Ty::Char => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            push_spec(&mut fl);
            fl.call_prelude("fmt_debug_char_spec");
        }
        Ty::Unit => {
            fl.emit(I::LocalGet(0));
            fl.str_lit("()");
            push_spec(&mut fl);
            fl.call_prelude("fmt_str");
        }
        Ty::FmtError => lit(&mut fl, "Error"),
        Ty::ParseError(float) => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(1));
            fl.call_prelude(if *float { "fmt_parse_float_error" } else { "fmt_parse_int_error" });
        }
        Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => {
            let e = (**e).clone();
            let at = fl.lw.array_type(&e);
            let (arr, len, i) = (fl.new_local(ref_ty(at)), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
            fl.seq_parts(1, t, arr, None, len);
            if let Some(st) = fl.slice_struct_of(t) {
                fl.emit(I::LocalGet(1));
                fl.emit(I::StructGet { struct_type_index: st, field_index: 1 });
                fl.emit(I::LocalTee(i));
                fl.emit(I::LocalGet(len));
                fl.emit(I::I32Add);
                fl.emit(I::LocalSet(len));
            }
            let first = fl.new_local(ValType::I32);
            fl.emit(I::I32Const(1));
            fl.emit(I::LocalSet(first));
            lit(&mut fl, "[");
            let done = fl.open(0, BlockType::Empty);
            let lp = fl.open(1, BlockType::Empty);
            fl.emit(I::LocalGet(i));
            fl.emit(I::LocalGet(len));
            fl.emit(I::I32GeU);
            fl.br_if(done);
            // separator (compact) / newline handling (pretty)
            fl.emit(I::LocalGet(pretty));
            fl.emit(I::I32Eqz);
            fl.emit(I::LocalGet(first));
            fl.emit(I::I32Eqz);
            fl.emit(I::I32And);
            fl.open(2, BlockType::Empty);
            lit(&mut fl, ", ");
            fl.end();
            fl.emit(I::I32Const(0));
            fl.emit(I::LocalSet(first));
            if let Some(ev) = fl.lw.repr(&e) {
                let x = fl.new_local(ev);
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(i));
                fl.array_get(at, &e);
                fl.emit(I::LocalSet(x));
                debug_item(&mut fl, pretty, x, &e);
            } else {
                // zero-sized elements (`[(); 2]`): still one pretty item each
                fl.emit(I::LocalGet(pretty));
                fl.open(2, BlockType::Empty);
                fl.emit(I::LocalGet(0));
                fl.str_lit("()");
                fl.call_prelude("push_pretty_item");
                fl.emit(I::Else);
                lit(&mut fl, "()");
                fl.end();
            }
            fl.emit(I::LocalGet(i));
            fl.emit(I::I32Const(1));
            fl.emit(I::I32Add);
            fl.emit(I::LocalSet(i));
            fl.br(lp);
            fl.end();
            fl.end();
            lit(&mut fl, "]");
        }
        Ty::Tuple(ts) => {
            let l = fl.lw.layout(t);
            lit(&mut fl, "(");
            for (k, ft) in ts.iter().enumerate() {
                if k > 0 {
                    compact_sep(&mut fl, pretty);
                }
                debug_field(&mut fl, pretty, &l, 0, k, ft);
            }
            if ts.len() == 1 {
                fl.emit(I::LocalGet(pretty));
                fl.emit(I::I32Eqz);
                fl.open(2, BlockType::Empty);
                lit(&mut fl, ",");
                fl.end();
            }
            lit(&mut fl, ")");
        }
        Ty::Option(_) | Ty::Result(..) | Ty::Adt(_, _) => {
            let (names, shapes, tys): (Vec<String>, Vec<crate::resolve::Shape>, Vec<Vec<Ty>>) = match t {
                Ty::Option(x) => (vec!["None".into(), "Some".into()], vec![crate::resolve::Shape::Unit, crate::resolve::Shape::Tuple], vec![vec![], vec![(**x).clone()]]),
                Ty::Result(a, b) => (vec!["Ok".into(), "Err".into()], vec![crate::resolve::Shape::Tuple; 2], vec![vec![(**a).clone()], vec![(**b).clone()]]),
                Ty::Adt(a, _) => {
                    let d = &fl.lw.ck.program.adts[*a];
                    (d.variants.iter().map(|v| v.name.clone()).collect(), d.variants.iter().map(|v| v.shape).collect(), fl.lw.ck.adt_fields[*a].clone())
                }
                _ => unreachable!(),
            };
            if let Ty::Adt(a, _) = t {
                if let Some(&f) = fl.lw.ck.program.debug_impls.get(a) {
                    fl.emit(I::LocalGet(1));
                    let ft = fl.lw.formatter_type();
                    fl.emit(I::LocalGet(0));
                    for p in 2..7 {
                        fl.emit(I::LocalGet(p));
                    }
                    fl.emit(I::StructNew(ft));
                    let id2 = fl.lw.user_fn(f);
                    fl.emit(I::Call(id2));
                    fl.emit(I::Drop);
                    fl.finish(id);
                    return id;
                }
            }
            let fieldless = matches!(t, Ty::Adt(a, _) if fl.lw.ck.adt_is_fieldless_enum(*a));
            let is_enum = !matches!(t, Ty::Adt(a, _) if !fl.lw.ck.program.adts[*a].is_enum);
            let l = if fieldless { None } else { Some(fl.lw.layout(t)) };
            for (vi, name) in names.iter().enumerate() {
                let skip = fl.open(0, BlockType::Empty);
                if is_enum {
                    fl.emit(I::LocalGet(1));
                    match &l {
                        Some(l) => {
                            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: 0 });
                            fl.emit(I::I32Const(vi as i32));
                        }
                        None => {
                            let Ty::Adt(a, _) = t else { unreachable!() };
                            fl.emit(I::I32Const(fl.lw.ck.adt_discrs[*a][vi] as i32));
                        }
                    }
                    fl.emit(I::I32Ne);
                    fl.br_if(skip);
                }
                lit(&mut fl, name);
                let nfields = tys[vi].len();
                match shapes[vi] {
                    _ if nfields == 0 => {}
                    crate::resolve::Shape::Tuple => {
                        lit(&mut fl, "(");
                        for (k, ft) in tys[vi].iter().enumerate() {
                            if k > 0 {
                                compact_sep(&mut fl, pretty);
                            }
                            if let Some(l) = &l {
                                debug_field(&mut fl, pretty, l, vi, k, ft);
                            }
                        }
                        lit(&mut fl, ")");
                    }
                    _ => {
                        let Ty::Adt(a, _) = t else { unreachable!() };
                        let fnames: Vec<String> = fl.lw.ck.program.adts[*a].variants[vi].fields.iter().map(|f| f.name.clone()).collect();
                        lit(&mut fl, " {");
                        for (k, ft) in tys[vi].iter().enumerate() {
                            if k > 0 {
                                compact_sep(&mut fl, pretty);
                            }
                            if let Some(l) = &l {
                                debug_named_field(&mut fl, pretty, l, vi, k, &fnames[k], ft);
                            }
                        }
                        // compact: " }", pretty: "}" (each field already ended with ",\n")
                        fl.emit(I::LocalGet(pretty));
                        fl.open(2, BlockType::Empty);
                        lit(&mut fl, "}");
                        fl.emit(I::Else);
                        lit(&mut fl, " }");
                        fl.end();
                    }
                }
                fl.emit(I::Return);
                fl.end();
            }
        }
        Ty::Range(e, incl) => {
            // `{start:?}..{end:?}` (the flags reach the bounds).
            let l = fl.lw.layout(t);
            for k in 0..2 {
                if k == 1 {
                    lit(&mut fl, if *incl { "..=" } else { ".." });
                }
                if let (Some(ev), Some(f)) = (fl.lw.repr(e), l.fields[0][k]) {
                    let x = fl.new_local(ev);
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::StructGet { struct_type_index: l.ty, field_index: f });
                    fl.emit(I::LocalSet(x));
                    debug_item(&mut fl, pretty, x, e);
                }
            }
        }
        _ => lit(&mut fl, "?"),
    }
    fl.finish(id);
    id
}

/// ", " between items in compact mode (pretty mode ends each item with ",\n").
pub(super) fn compact_sep(fl: &mut FnLower, pretty: u32) {
    fl.emit(I::LocalGet(pretty));
    fl.emit(I::I32Eqz);
    fl.open(2, BlockType::Empty);
    fl.emit(I::LocalGet(0));
    fl.str_lit(", ");
    fl.call_prelude("string_push_str");
    fl.end();
}

/// Formats one item: compact → appended directly; pretty → "\n" before the first, formatted into a
/// temporary, indented by four spaces, followed by ",\n" (what rustc's PadAdapter produces).
pub(super) fn debug_item(fl: &mut FnLower, pretty: u32, x: u32, ft: &Ty) {
    fl.emit(I::LocalGet(pretty));
    fl.open(2, BlockType::Empty);
    let tmp = fl.new_string();
    fl.fmt_debug_spec(tmp, x, ft, &mut |fl: &mut FnLower| {
        for p in 2..7 {
            fl.emit(I::LocalGet(p));
        }
    });
    fl.emit(I::LocalGet(0));
    fl.emit(I::LocalGet(tmp));
    fl.call_prelude("string_as_str");
    fl.call_prelude("push_pretty_item");
    fl.emit(I::Else);
    fl.fmt_debug_spec(0, x, ft, &mut |fl: &mut FnLower| {
        for p in 2..7 {
            fl.emit(I::LocalGet(p));
        }
    });
    fl.end();
}

fn debug_field(fl: &mut FnLower, pretty: u32, l: &super::reprs::Layout, vi: usize, k: usize, ft: &Ty) {
    match l.fields[vi].get(k).copied().flatten() {
        Some(w) => {
            let v = fl.lw.repr(ft).unwrap();
            let x = fl.new_local(v);
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
            fl.emit(I::LocalSet(x));
            debug_item(fl, pretty, x, ft);
        }
        None => {
            fl.emit(I::LocalGet(0));
            fl.emit(I::LocalGet(pretty));
            let st = fl.lw.slice_type(&Ty::Int(IntTy::U8));
            fl.open(2, BlockType::Result(ref_ty(st)));
            fl.str_lit("\n    (),\n");
            fl.emit(I::Else);
            fl.str_lit("()");
            fl.end();
            fl.call_prelude("string_push_str");
        }
    }
}

fn debug_named_field(fl: &mut FnLower, pretty: u32, l: &super::reprs::Layout, vi: usize, k: usize, name: &str, ft: &Ty) {
    // compact: "name: value"; pretty: "\n    name: value,\n" with the value indented
    let w = l.fields[vi].get(k).copied().flatten();
    fl.emit(I::LocalGet(pretty));
    fl.open(2, BlockType::Empty);
    let tmp = fl.new_string();
    fl.emit(I::LocalGet(tmp));
    fl.str_lit(&format!("{name}: "));
    fl.call_prelude("string_push_str");
    match w {
        Some(w) => {
            let v = fl.lw.repr(ft).unwrap();
            let x = fl.new_local(v);
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
            fl.emit(I::LocalSet(x));
            fl.fmt_debug_spec(tmp, x, ft, &mut |fl: &mut FnLower| {
                for p in 2..7 {
                    fl.emit(I::LocalGet(p));
                }
            });
        }
        None => {
            fl.emit(I::LocalGet(tmp));
            fl.str_lit("()");
            fl.call_prelude("string_push_str");
        }
    }
    fl.emit(I::LocalGet(0));
    fl.emit(I::LocalGet(tmp));
    fl.call_prelude("string_as_str");
    fl.call_prelude("push_pretty_item");
    fl.emit(I::Else);
    fl.emit(I::LocalGet(0));
    fl.str_lit(&if k == 0 { format!(" {name}: ") } else { format!("{name}: ") });
    fl.call_prelude("string_push_str");
    match w {
        Some(w) => {
            let v = fl.lw.repr(ft).unwrap();
            let x = fl.new_local(v);
            fl.emit(I::LocalGet(1));
            fl.emit(I::StructGet { struct_type_index: l.ty, field_index: w });
            fl.emit(I::LocalSet(x));
            fl.fmt_debug_spec(0, x, ft, &mut |fl: &mut FnLower| {
                for p in 2..7 {
                    fl.emit(I::LocalGet(p));
                }
            });
        }
        None => {
            fl.emit(I::LocalGet(0));
            fl.str_lit("()");
            fl.call_prelude("string_push_str");
        }
    }
    fl.end();
}

#[allow(dead_code)]
fn unused(_: PatKind) {}

impl FnLower<'_, '_> {
    /// A fresh i32 local explicitly set to 0 here (loops may run this code many times).
    pub fn zeroed_i32(&mut self) -> u32 {
        let l = self.new_local(ValType::I32);
        self.emit(I::I32Const(0));
        self.emit(I::LocalSet(l));
        l
    }

    /// `Default::default()` of std types for `unwrap_or_default`.
    pub fn default_of(&mut self, t: &Ty, e: &TExpr) {
        match t {
            Ty::String => self.call_prelude("__intrinsic_string_new"),
            Ty::Vec(x) => {
                let (at, vt) = (self.lw.array_type(x), self.lw.vec_type(x));
                self.emit(I::I32Const(0));
                self.emit(I::ArrayNewDefault(at));
                self.emit(I::I32Const(0));
                self.emit(I::StructNew(vt));
            }
            Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char | Ty::Unit => helpers::default_value(self, t),
            _ if self.default_aggregate(t, e) => {}
            _ => self.unsupported(e, "Default for this type"),
        }
    }

    /// Loads (arr, start, len) of the sequence in local `b`.
    fn seq_triple(&mut self, b: u32, t: &Ty, elem: &Ty) -> (u32, u32, u32) {
        let at = self.lw.array_type(elem);
        let (arr, start, len) = (self.new_local(ref_ty(at)), self.new_local(ValType::I32), self.new_local(ValType::I32));
        self.seq_parts(b, t, arr, None, len);
        if let Some(st) = self.slice_struct_of(t) {
            self.emit(I::LocalGet(b));
            self.emit(I::StructGet { struct_type_index: st, field_index: 1 });
            self.emit(I::LocalSet(start));
        }
        (arr, start, len)
    }

    /// Generated per-type helpers for in-place sequence operations.
    pub(super) fn seq_helper(&mut self, op: &str, t: &Ty, elem: &Ty, _span: &crate::diagnostics::Span) -> u32 {
        let sv = self.lw.repr(t).unwrap();
        let ev = self.lw.repr(elem);
        let at = self.lw.array_type(elem);
        let u8s = ref_ty(self.lw.slice_type(&Ty::Int(IntTy::U8)));
        let (params, results): (Vec<ValType>, Vec<ValType>) = match op {
            "seq.swap" => (vec![sv, ValType::I32, ValType::I32], vec![]),
            "seq.binary_search" => (vec![sv, ev.unwrap_or(ValType::I32)], vec![ref_ty(self.lw.layout(&Ty::Result(Box::new(Ty::usize()), Box::new(Ty::usize()))).ty)]),
            "vec.insert" => (vec![sv, ValType::I32, ev.unwrap_or(ValType::I32), u8s], vec![]),
            "vec.remove" | "vec.swap_remove" => (vec![sv, ValType::I32, u8s], ev.into_iter().collect()),
            "vec.split_off" => (vec![sv, ValType::I32, u8s], vec![sv]),
            _ => (vec![sv], vec![]),
        };
        let key = format!("{op}<{}>", self.lw.ck.ty_name(t));
        let (id, new) = self.lw.helper(&key, params.clone(), results.clone(), false);
        if !new {
            return id;
        }
        let mut fl = FnLower::new_helper(self.lw, params.len() as u32, results.first().copied());
        let (arr, start, len) = fl.seq_triple(0, t, elem);
        let get = |fl: &mut FnLower, idx: &dyn Fn(&mut FnLower)| {
            fl.emit(I::LocalGet(arr));
            fl.emit(I::LocalGet(start));
            idx(fl);
            fl.emit(I::I32Add);
            fl.array_get(at, elem);
        };
        match op {
            "seq.sort" => {
                // Stable insertion sort.
                let Some(ev) = ev else {
                    fl.finish(id);
                    return id;
                };
                let (i, j, x) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ev));
                fl.emit(I::I32Const(1));
                fl.emit(I::LocalSet(i));
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.emit(I::LocalGet(i));
                fl.emit(I::LocalGet(len));
                fl.emit(I::I32GeU);
                fl.br_if(done);
                get(&mut fl, &|fl| fl.emit(I::LocalGet(i)));
                fl.emit(I::LocalSet(x));
                fl.emit(I::LocalGet(i));
                fl.emit(I::LocalSet(j));
                let idone = fl.open(0, BlockType::Empty);
                let ilp = fl.open(1, BlockType::Empty);
                fl.emit(I::LocalGet(j));
                fl.emit(I::I32Eqz);
                fl.br_if(idone);
                get(&mut fl, &|fl| {
                    fl.emit(I::LocalGet(j));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Sub);
                });
                fl.emit(I::LocalGet(x));
                helpers::cmp_value(&mut fl, elem);
                fl.emit(I::I32Const(0));
                fl.emit(I::I32LeS);
                fl.br_if(idone);
                // a[j] = a[j-1]
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(start));
                fl.emit(I::LocalGet(j));
                fl.emit(I::I32Add);
                get(&mut fl, &|fl| {
                    fl.emit(I::LocalGet(j));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Sub);
                });
                fl.emit(I::ArraySet(at));
                fl.emit(I::LocalGet(j));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Sub);
                fl.emit(I::LocalSet(j));
                fl.br(ilp);
                fl.end();
                fl.end();
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(start));
                fl.emit(I::LocalGet(j));
                fl.emit(I::I32Add);
                fl.emit(I::LocalGet(x));
                fl.emit(I::ArraySet(at));
                fl.emit(I::LocalGet(i));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Add);
                fl.emit(I::LocalSet(i));
                fl.br(lp);
                fl.end();
                fl.end();
            }
            "seq.reverse" => {
                let Some(ev) = ev else {
                    fl.finish(id);
                    return id;
                };
                let (i, j, x) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ev));
                fl.emit(I::LocalGet(len));
                fl.emit(I::LocalSet(j));
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.emit(I::LocalGet(i));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Add);
                fl.emit(I::LocalGet(j));
                fl.emit(I::I32GeS);
                fl.br_if(done);
                fl.emit(I::LocalGet(j));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Sub);
                fl.emit(I::LocalSet(j));
                get(&mut fl, &|fl| fl.emit(I::LocalGet(i)));
                fl.emit(I::LocalSet(x));
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(start));
                fl.emit(I::LocalGet(i));
                fl.emit(I::I32Add);
                get(&mut fl, &|fl| fl.emit(I::LocalGet(j)));
                fl.emit(I::ArraySet(at));
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(start));
                fl.emit(I::LocalGet(j));
                fl.emit(I::I32Add);
                fl.emit(I::LocalGet(x));
                fl.emit(I::ArraySet(at));
                fl.emit(I::LocalGet(i));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Add);
                fl.emit(I::LocalSet(i));
                fl.br(lp);
                fl.end();
                fl.end();
            }
            "seq.swap" => {
                for p in [1u32, 2] {
                    fl.emit(I::LocalGet(p));
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::I32GeU);
                    fl.emit(I::If(BlockType::Empty));
                    fl.depth += 1;
                    fl.str_lit("<swap>");
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::LocalGet(p));
                    fl.call_prelude("panic_bounds");
                    fl.emit(I::Unreachable);
                    fl.depth -= 1;
                    fl.emit(I::End);
                }
                if let Some(ev) = ev {
                    let x = fl.new_local(ev);
                    get(&mut fl, &|fl| fl.emit(I::LocalGet(1)));
                    fl.emit(I::LocalSet(x));
                    fl.emit(I::LocalGet(arr));
                    fl.emit(I::LocalGet(start));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::I32Add);
                    get(&mut fl, &|fl| fl.emit(I::LocalGet(2)));
                    fl.emit(I::ArraySet(at));
                    fl.emit(I::LocalGet(arr));
                    fl.emit(I::LocalGet(start));
                    fl.emit(I::LocalGet(2));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalGet(x));
                    fl.emit(I::ArraySet(at));
                }
            }
            "vec.dedup" => {
                let vt = fl.lw.vec_type(elem);
                let (r, w) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32));
                fl.emit(I::LocalGet(len));
                fl.emit(I::I32Eqz);
                fl.emit(I::If(BlockType::Empty));
                fl.emit(I::Return);
                fl.emit(I::End);
                fl.emit(I::I32Const(1));
                fl.emit(I::LocalSet(r));
                fl.emit(I::I32Const(1));
                fl.emit(I::LocalSet(w));
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.emit(I::LocalGet(r));
                fl.emit(I::LocalGet(len));
                fl.emit(I::I32GeU);
                fl.br_if(done);
                get(&mut fl, &|fl| fl.emit(I::LocalGet(r)));
                get(&mut fl, &|fl| {
                    fl.emit(I::LocalGet(w));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Sub);
                });
                helpers::eq_value(&mut fl, elem);
                fl.emit(I::I32Eqz);
                fl.emit(I::If(BlockType::Empty));
                fl.emit(I::LocalGet(arr));
                fl.emit(I::LocalGet(w));
                get(&mut fl, &|fl| fl.emit(I::LocalGet(r)));
                fl.emit(I::ArraySet(at));
                fl.emit(I::LocalGet(w));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Add);
                fl.emit(I::LocalSet(w));
                fl.emit(I::End);
                fl.emit(I::LocalGet(r));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Add);
                fl.emit(I::LocalSet(r));
                fl.br(lp);
                fl.end();
                fl.end();
                fl.emit(I::LocalGet(0));
                fl.emit(I::LocalGet(w));
                fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
            }
            "seq.binary_search" => {
                let rt = Ty::Result(Box::new(Ty::usize()), Box::new(Ty::usize()));
                let rl = fl.lw.layout(&rt);
                let (lo, hi, mid, c) = (fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32), fl.new_local(ValType::I32));
                fl.emit(I::LocalGet(len));
                fl.emit(I::LocalSet(hi));
                let done = fl.open(0, BlockType::Empty);
                let lp = fl.open(1, BlockType::Empty);
                fl.emit(I::LocalGet(lo));
                fl.emit(I::LocalGet(hi));
                fl.emit(I::I32GeU);
                fl.br_if(done);
                fl.emit(I::LocalGet(lo));
                fl.emit(I::LocalGet(hi));
                fl.emit(I::LocalGet(lo));
                fl.emit(I::I32Sub);
                fl.emit(I::I32Const(1));
                fl.emit(I::I32ShrU);
                fl.emit(I::I32Add);
                fl.emit(I::LocalSet(mid));
                get(&mut fl, &|fl| fl.emit(I::LocalGet(mid)));
                fl.emit(I::LocalGet(1));
                helpers::cmp_value(&mut fl, elem);
                fl.emit(I::LocalTee(c));
                fl.emit(I::I32Eqz);
                fl.emit(I::If(BlockType::Empty));
                fl.emit(I::I32Const(0));
                fl.emit(I::LocalGet(mid));
                fl.emit(I::I32Const(0));
                fl.emit(I::StructNew(rl.ty));
                fl.emit(I::Return);
                fl.emit(I::End);
                fl.emit(I::LocalGet(c));
                fl.emit(I::I32Const(0));
                fl.emit(I::I32LtS);
                fl.emit(I::If(BlockType::Empty));
                fl.emit(I::LocalGet(mid));
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Add);
                fl.emit(I::LocalSet(lo));
                fl.emit(I::Else);
                fl.emit(I::LocalGet(mid));
                fl.emit(I::LocalSet(hi));
                fl.emit(I::End);
                fl.br(lp);
                fl.end();
                fl.end();
                fl.emit(I::I32Const(1));
                fl.emit(I::I32Const(0));
                fl.emit(I::LocalGet(lo));
                fl.emit(I::StructNew(rl.ty));
            }
            "vec.insert" | "vec.remove" | "vec.swap_remove" | "vec.split_off" => {
                let vt = fl.lw.vec_type(elem);
                let ins = op == "vec.insert";
                // bounds: insert and split_off allow idx == len
                fl.emit(I::LocalGet(1));
                fl.emit(I::LocalGet(len));
                fl.emit(if ins || op == "vec.split_off" { I::I32GtU } else { I::I32GeU });
                fl.emit(I::If(BlockType::Empty));
                fl.depth += 1;
                fl.emit(I::LocalGet(if ins { 3 } else { 2 }));
                fl.emit(I::LocalGet(1));
                fl.emit(I::LocalGet(len));
                fl.call_prelude(match op {
                    "vec.insert" => "panic_insert",
                    "vec.swap_remove" => "panic_swap_remove",
                    "vec.split_off" => "panic_split_off",
                    _ => "panic_remove",
                });
                fl.emit(I::Unreachable);
                fl.depth -= 1;
                fl.emit(I::End);
                if op == "vec.split_off" {
                    // The tail [at, len) moves to a new Vec; `self` keeps [0, at).
                    let (n, tail) = (fl.new_local(ValType::I32), fl.new_local(ref_ty(at)));
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::I32Sub);
                    fl.emit(I::LocalTee(n));
                    fl.emit(I::ArrayNewDefault(at));
                    fl.emit(I::LocalSet(tail));
                    fl.emit(I::LocalGet(tail));
                    fl.emit(I::I32Const(0));
                    fl.emit(I::LocalGet(arr));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::LocalGet(n));
                    fl.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
                    fl.emit(I::LocalGet(tail));
                    fl.emit(I::LocalGet(n));
                    fl.emit(I::StructNew(vt));
                } else if ins {
                    helpers::grow_n_const(&mut fl, vt, at, 0);
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::StructGet { struct_type_index: vt, field_index: 0 });
                    fl.emit(I::LocalSet(arr));
                    // shift right: copy [idx, len) to [idx+1, len+1)
                    fl.emit(I::LocalGet(arr));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::LocalGet(arr));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::I32Sub);
                    fl.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
                    fl.emit(I::LocalGet(arr));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::LocalGet(2));
                    fl.emit(I::ArraySet(at));
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Add);
                    fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
                } else {
                    // remove / swap_remove: take arr[idx], close the gap, shrink by one.
                    let x = ev.map(|v| fl.new_local(v));
                    if let Some(x) = x {
                        fl.emit(I::LocalGet(arr));
                        fl.emit(I::LocalGet(1));
                        fl.array_get(at, elem);
                        fl.emit(I::LocalSet(x));
                    }
                    fl.emit(I::LocalGet(arr));
                    fl.emit(I::LocalGet(1));
                    fl.emit(I::LocalGet(arr));
                    if op == "vec.swap_remove" {
                        // The last element takes the removed one's place.
                        fl.emit(I::LocalGet(len));
                        fl.emit(I::I32Const(1));
                        fl.emit(I::I32Sub);
                        fl.emit(I::ArrayGet(at));
                        fl.emit(I::ArraySet(at));
                    } else {
                        fl.emit(I::LocalGet(1));
                        fl.emit(I::I32Const(1));
                        fl.emit(I::I32Add);
                        fl.emit(I::LocalGet(len));
                        fl.emit(I::LocalGet(1));
                        fl.emit(I::I32Sub);
                        fl.emit(I::I32Const(1));
                        fl.emit(I::I32Sub);
                        fl.emit(I::ArrayCopy { array_type_index_dst: at, array_type_index_src: at });
                    }
                    fl.emit(I::LocalGet(0));
                    fl.emit(I::LocalGet(len));
                    fl.emit(I::I32Const(1));
                    fl.emit(I::I32Sub);
                    fl.emit(I::StructSet { struct_type_index: vt, field_index: 1 });
                    if let Some(x) = x {
                        fl.emit(I::LocalGet(x));
                    }
                }
            }
            _ => {}
        }
        fl.finish(id);
        id
    }

    fn int_method(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        let recv_t = args[0].ty.peel_refs().clone();
        let Ty::Int(i) = recv_t else { return };
        let w = i.is64();
        let vt = if w { ValType::I64 } else { ValType::I32 };
        self.expr(&args[0]);
        let a = self.new_local(vt);
        self.emit(I::LocalSet(a));
        let b = if args.len() > 1 {
            self.expr(&args[1]);
            let t = self.lw.repr(&args[1].ty).unwrap_or(ValType::I32);
            let l = self.new_local(t);
            self.emit(I::LocalSet(l));
            Some(l)
        } else {
            None
        };
        let c = if args.len() > 2 {
            self.expr(&args[2]);
            let l = self.new_local(vt);
            self.emit(I::LocalSet(l));
            Some(l)
        } else {
            None
        };
        let t = Ty::Int(i);
        // Exact result in i64 (for ≤32-bit types) or via helpers for 64-bit.
        let opt_layout = if matches!(e.ty, Ty::Option(_)) { Some(self.lw.layout(&e.ty)) } else { None };
        match op {
            "int.checked_add" | "int.checked_sub" | "int.checked_mul" | "int.saturating_add" | "int.saturating_sub" | "int.saturating_mul" => {
                let bop = if op.ends_with("add") { "add" } else if op.ends_with("sub") { "sub" } else { "mul" };
                let ext = if i.signed() { I::I64ExtendI32S } else { I::I64ExtendI32U };
                self.emit(I::LocalGet(a));
                if !w {
                    self.emit(ext.clone());
                }
                self.emit(I::LocalGet(b.unwrap()));
                if !w {
                    self.emit(ext);
                }
                self.emit(I::I32Const(i.signed() as i32));
                self.emit(I::I32Const(i.bits() as i32));
                self.call_prelude(&format!("overflowing_{bop}"));
                // returns (overflowed: bool, wrapped: i64)
                let tl = Ty::Tuple(vec![Ty::Bool, Ty::Int(IntTy::I64)]);
                let tt = self.lw.layout(&tl);
                let r = self.stash(&tl).unwrap();
                if let Some(ol) = opt_layout {
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                    self.emit(I::I32Eqz);
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 1 });
                    if !w {
                        self.emit(I::I32WrapI64);
                    }
                    self.emit(I::StructNew(ol.ty));
                } else {
                    // saturate: on overflow pick MIN or MAX
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 1 });
                    if !w {
                        self.emit(I::I32WrapI64);
                    }
                    let sat_max = self.new_local(ValType::I32);
                    // direction: for add: b>0 → max (unsigned: max); sub: b>0 → min (unsigned: 0); mul: sign(a)==sign(b) → max
                    match bop {
                        "add" => {
                            if i.signed() {
                                self.emit(I::LocalGet(b.unwrap()));
                                self.int_const(0, &t);
                                self.emit(if w { I::I64GtS } else { I::I32GtS });
                            } else {
                                self.emit(I::I32Const(1));
                            }
                        }
                        "sub" => {
                            if i.signed() {
                                self.emit(I::LocalGet(b.unwrap()));
                                self.int_const(0, &t);
                                self.emit(if w { I::I64LtS } else { I::I32LtS });
                            } else {
                                self.emit(I::I32Const(0));
                            }
                        }
                        _ => {
                            if i.signed() {
                                self.emit(I::LocalGet(a));
                                self.int_const(0, &t);
                                self.emit(if w { I::I64LtS } else { I::I32LtS });
                                self.emit(I::LocalGet(b.unwrap()));
                                self.int_const(0, &t);
                                self.emit(if w { I::I64LtS } else { I::I32LtS });
                                self.emit(I::I32Eq);
                            } else {
                                self.emit(I::I32Const(1));
                            }
                        }
                    }
                    self.emit(I::LocalSet(sat_max));
                    self.int_const(i.max(), &t);
                    self.int_const(i.min(), &t);
                    self.emit(I::LocalGet(sat_max));
                    self.emit(I::Select);
                    self.emit(I::LocalGet(r));
                    self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                    // select(sat, wrapped, overflowed): stack is wrapped, sat, cond → need (sat, wrapped, cond)
                    let sat = self.new_local(vt);
                    let cond = self.new_local(ValType::I32);
                    self.emit(I::LocalSet(cond));
                    self.emit(I::LocalSet(sat));
                    let wr = self.new_local(vt);
                    self.emit(I::LocalSet(wr));
                    self.emit(I::LocalGet(sat));
                    self.emit(I::LocalGet(wr));
                    self.emit(I::LocalGet(cond));
                    self.emit(I::Select);
                }
            }
            "int.checked_div" | "int.checked_rem" => {
                let ol = opt_layout.unwrap();
                let bl = b.unwrap();
                // None when b == 0 or (signed MIN / -1)
                self.emit(I::LocalGet(bl));
                self.emit(if w { I::I64Eqz } else { I::I32Eqz });
                if i.signed() {
                    self.emit(I::LocalGet(a));
                    self.int_const(i.min(), &t);
                    self.emit(if w { I::I64Eq } else { I::I32Eq });
                    self.emit(I::LocalGet(bl));
                    self.int_const(-1, &t);
                    self.emit(if w { I::I64Eq } else { I::I32Eq });
                    self.emit(I::I32And);
                    self.emit(I::I32Or);
                }
                let bad = self.new_local(ValType::I32);
                self.emit(I::LocalSet(bad));
                self.emit(I::LocalGet(bad));
                self.emit(I::I32Eqz);
                self.emit(I::LocalGet(bad));
                self.emit(I::If(BlockType::Result(vt)));
                self.int_const(0, &t);
                self.emit(I::Else);
                self.emit(I::LocalGet(a));
                self.emit(I::LocalGet(bl));
                let div = op.ends_with("div");
                self.emit(match (w, i.signed(), div) {
                    (true, true, true) => I::I64DivS,
                    (true, false, true) => I::I64DivU,
                    (true, true, false) => I::I64RemS,
                    (true, false, false) => I::I64RemU,
                    (false, true, true) => I::I32DivS,
                    (false, false, true) => I::I32DivU,
                    (false, true, false) => I::I32RemS,
                    (false, false, false) => I::I32RemU,
                });
                self.emit(I::End);
                self.emit(I::StructNew(ol.ty));
            }
            _ => {
                // Remaining methods go through the prelude on i64 values.
                let name = format!("int_{}", &op[4..]);
                self.emit(I::LocalGet(a));
                if !w {
                    self.emit(if i.signed() { I::I64ExtendI32S } else { I::I64ExtendI32U });
                }
                if let Some(bl) = b {
                    self.emit(I::LocalGet(bl));
                    match &args[1].ty {
                        Ty::Int(x) if !x.is64() => self.emit(if x.signed() { I::I64ExtendI32S } else { I::I64ExtendI32U }),
                        _ => {}
                    }
                }
                if let Some(cl) = c {
                    self.emit(I::LocalGet(cl));
                    if !w {
                        self.emit(if i.signed() { I::I64ExtendI32S } else { I::I64ExtendI32U });
                    }
                }
                self.emit(I::I32Const(i.signed() as i32));
                self.emit(I::I32Const(i.bits() as i32));
                if !self.lw.ck.program.fns.iter().any(|f| f.is_prelude && f.name == name) {
                    self.unsupported(e, op);
                    return;
                }
                self.call_prelude(&name);
                // prelude returns i64 (or bool/u32 as i64); narrow to the result type
                match &e.ty {
                    Ty::Bool => self.emit(I::I32WrapI64),
                    Ty::Int(x) if !x.is64() => self.emit(I::I32WrapI64),
                    Ty::Tuple(ts) if ts.len() == 2 => {
                        let rl = self.lw.layout(&e.ty);
                        let tl = Ty::Tuple(vec![Ty::Bool, Ty::Int(IntTy::I64)]);
                        let tt = self.lw.layout(&tl);
                        let r = self.stash(&tl).unwrap();
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 1 });
                        if matches!(ts[0], Ty::Int(x) if !x.is64()) {
                            self.emit(I::I32WrapI64);
                        }
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                        self.emit(I::StructNew(rl.ty));
                    }
                    Ty::Option(inner) => {
                        let ol = opt_layout.unwrap();
                        let tl = Ty::Tuple(vec![Ty::Bool, Ty::Int(IntTy::I64)]);
                        let tt = self.lw.layout(&tl);
                        let r = self.stash(&tl).unwrap();
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 0 });
                        self.emit(I::LocalGet(r));
                        self.emit(I::StructGet { struct_type_index: tt.ty, field_index: 1 });
                        if matches!(**inner, Ty::Int(x) if !x.is64()) {
                            self.emit(I::I32WrapI64);
                        }
                        self.emit(I::StructNew(ol.ty));
                    }
                    _ => {}
                }
            }
        }
    }

    fn float_method(&mut self, op: &str, args: &[TExpr], e: &TExpr) {
        let t = args[0].ty.peel_refs().clone();
        let d = matches!(t, Ty::F64);
        for a in args {
            self.expr(a);
        }
        let simple = |fl: &mut FnLower, i64_: I<'static>, i32_: I<'static>| fl.emit(if d { i64_ } else { i32_ });
        match op {
            "float.to_bits" => simple(self, I::I64ReinterpretF64, I::I32ReinterpretF32),
            "float.from_bits" => {
                if matches!(e.ty, Ty::F64) {
                    self.emit(I::F64ReinterpretI64);
                } else {
                    self.emit(I::F32ReinterpretI32);
                }
            }
            "float.sqrt" => simple(self, I::F64Sqrt, I::F32Sqrt),
            "float.floor" => simple(self, I::F64Floor, I::F32Floor),
            "float.ceil" => simple(self, I::F64Ceil, I::F32Ceil),
            "float.trunc" => simple(self, I::F64Trunc, I::F32Trunc),
            "float.abs" => simple(self, I::F64Abs, I::F32Abs),
            "float.copysign" => simple(self, I::F64Copysign, I::F32Copysign),
            "float.min" | "float.max" => {
                // Rust's min/max ignore NaN operands.
                if !d {
                    let b = self.new_local(ValType::F32);
                    self.emit(I::LocalSet(b));
                    self.emit(I::F64PromoteF32);
                    self.emit(I::LocalGet(b));
                    self.emit(I::F64PromoteF32);
                }
                self.call_prelude(if op == "float.min" { "fmin" } else { "fmax" });
                if !d {
                    self.emit(I::F32DemoteF64);
                }
            }
            _ => {
                // Prelude f64 implementations.
                let name = op.replace('.', "_");
                if !d {
                    // promote all f32 args: store and reload
                    let n = args.len();
                    let mut ls = Vec::new();
                    for a in args.iter().rev() {
                        let v = self.lw.repr(&a.ty).unwrap_or(ValType::F32);
                        let l = self.new_local(v);
                        self.emit(I::LocalSet(l));
                        ls.push((l, v));
                    }
                    ls.reverse();
                    for (l, v) in ls.iter().take(n) {
                        self.emit(I::LocalGet(*l));
                        if *v == ValType::F32 {
                            self.emit(I::F64PromoteF32);
                        }
                    }
                }
                if !self.lw.ck.program.fns.iter().any(|f| f.is_prelude && f.name == name) {
                    self.unsupported(e, op);
                    return;
                }
                self.call_prelude(&name);
                if !d && matches!(e.ty, Ty::F32) {
                    self.emit(I::F32DemoteF64);
                }
            }
        }
    }
}

/// Where rustc 1.95 (x86_64 std) reports an overflowing `pow` of each integer type: the line of that
/// type's `int_impl!`/`uint_impl!` in core/src/num/mod.rs.
fn pow_location(i: IntTy) -> &'static str {
    match i {
        IntTy::I8 => "num/mod.rs:346:5",
        IntTy::I16 => "num/mod.rs:370:5",
        IntTy::I32 => "num/mod.rs:394:5",
        IntTy::I64 => "num/mod.rs:418:5",
        IntTy::I128 => "num/mod.rs:442:5",
        IntTy::Isize => "num/mod.rs:519:5",
        IntTy::U8 => "num/mod.rs:546:5",
        IntTy::U16 => "num/mod.rs:1188:5",
        IntTy::U32 => "num/mod.rs:1243:5",
        IntTy::U64 => "num/mod.rs:1274:5",
        IntTy::U128 => "num/mod.rs:1305:5",
        IntTy::Usize => "num/mod.rs:1400:5",
    }
}
