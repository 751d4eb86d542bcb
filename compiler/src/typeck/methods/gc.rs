//! Type checking of the `wasm` crate's GC types (`GcBox`, `GcRc`, `GcArray`, `GcString`): their associated
//! functions and methods, as the facade crate defines them (`wasm/src`). Ops are `ExprKind::Std("gc.*")`,
//! lowered by `lower::gc_ops`; dereferencing a `GcBox` (and a `GcRc`'s value) reuses `box.deref`.

use super::super::expr::mk;
use super::super::FnCx;
use crate::diagnostics::codes;
use crate::gc_types::GcKind;
use crate::tir::{ExprKind, TExpr};
use crate::types::Ty;
use syn::spanned::Spanned;

type Args = syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>;

impl FnCx<'_> {
    /// `GcBox::new(v)`, `GcArray::from(vec)`, `GcString::from("..")`, `GcRc::ptr_eq(&a, &b)`, ...
    /// `key` is the normalized path (`wasm::GcBox::new` or `GcBox::new`).
    pub(crate) fn gc_assoc_call(&mut self, key: &str, c: &syn::ExprCall, expected: Option<&Ty>) -> Option<TExpr> {
        let key = key.strip_prefix("wasm::").unwrap_or(key);
        let (ty_name, func) = key.split_once("::")?;
        let kind = GcKind::from_name(ty_name)?;
        let sp = c.span();
        let span = self.span(sp);
        let arg_of_expected = |cx: &mut Self| match expected.map(|e| cx.shallow(e)) {
            Some(Ty::Gc(k, t)) if k == kind => *t,
            _ => cx.fresh(),
        };
        let this = |t: &Ty| Ty::Gc(kind, Box::new(t.clone()));
        Some(match (kind, func) {
            (GcKind::Box | GcKind::Rc, "new" | "from") => {
                let inner = arg_of_expected(self);
                let a = self.check_args(&c.args, &[inner.clone()], sp);
                mk(ExprKind::Std("gc.new", a), this(&inner), span)
            }
            (_, "ptr_eq") => {
                let inner = if kind.is_generic() { self.fresh() } else { Ty::Unit };
                let r = Ty::Ref(false, Box::new(this(&inner)));
                let a = self.check_args(&c.args, &[r.clone(), r], sp);
                mk(ExprKind::Std("gc.ptr_eq", a), Ty::Bool, span)
            }
            (GcKind::Array, "new") => {
                let elem = arg_of_expected(self);
                let a = self.check_args(&c.args, &[Ty::usize(), elem.clone()], sp);
                mk(ExprKind::Std("gc.array.new", a), this(&elem), span)
            }
            (GcKind::Array, "from") => {
                let elem = arg_of_expected(self);
                let a = self.one_arg(&c.args, sp)?;
                let a = self.check_expr(a, None);
                let at = self.shallow(&a.ty);
                let src = match at.peel_refs() {
                    Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => (**e).clone(),
                    _ => {
                        let n = self.ty_name(&at);
                        self.err(codes::TYPE_MISMATCH, sp, format!("`GcArray::from` takes a Vec, an array or a slice, not `{n}`"), "", None);
                        return Some(self.error_expr(sp));
                    }
                };
                self.expect_ty(sp, &elem, &src);
                mk(ExprKind::Std("gc.array.from", vec![a]), this(&elem), span)
            }
            (GcKind::Extern, "new") => {
                let t = self.fresh();
                let a = self.check_args(&c.args, &[t], sp);
                mk(ExprKind::Std("gc.extern.new", a), this(&Ty::Unit), span)
            }
            (GcKind::String, "new" | "default") => {
                let _ = self.check_args(&c.args, &[], sp);
                mk(ExprKind::Std("gc.string.new", vec![]), this(&Ty::Unit), span)
            }
            (GcKind::String, "from") => {
                let a = self.one_arg(&c.args, sp)?;
                let a = self.check_expr(a, None);
                let s = self.to_str_arg(a, sp);
                mk(ExprKind::Std("gc.string.from", vec![s]), this(&Ty::Unit), span)
            }
            _ => {
                self.err(codes::UNSUPPORTED_STD, c.func.span(), format!("`{ty_name}::{func}` is not supported yet"), "not in the supported GC type surface", None);
                self.error_expr(sp)
            }
        })
    }

    fn one_arg<'e>(&mut self, args: &'e Args, sp: proc_macro2::Span) -> Option<&'e syn::Expr> {
        if args.len() != 1 {
            self.err(codes::ARITY, sp, format!("this function takes 1 argument but {} were supplied", args.len()), "", None);
        }
        args.first()
    }

    /// A `&str`, `String`, `&String`, `GcString` or `char` argument as a `&str` value.
    fn to_str_arg(&mut self, a: TExpr, sp: proc_macro2::Span) -> TExpr {
        let mut a = a;
        loop {
            match self.shallow(&a.ty) {
                Ty::Ref(_, t) if !matches!(self.shallow(&t), Ty::Str) => {
                    let s = a.span.clone();
                    a = mk(ExprKind::Deref(Box::new(a)), *t, s);
                }
                _ => break,
            }
        }
        let s = a.span.clone();
        match self.shallow(&a.ty) {
            Ty::Ref(_, _) => a,
            Ty::Str => mk(ExprKind::AddrOf(false, Box::new(a)), Ty::str_ref(), s),
            Ty::String => mk(ExprKind::Std("string.as_str", vec![a]), Ty::str_ref(), s),
            Ty::Gc(GcKind::String, _) => mk(ExprKind::Std("gc.string.as_str", vec![a]), Ty::str_ref(), s),
            Ty::Char => {
                let st = mk(ExprKind::Std("char.to_string", vec![a]), Ty::String, s.clone());
                mk(ExprKind::Std("string.as_str", vec![st]), Ty::str_ref(), s)
            }
            t => {
                let n = self.ty_name(&t);
                self.err(codes::TYPE_MISMATCH, sp, format!("expected a string, found `{n}`"), "", None);
                self.error_expr(sp)
            }
        }
    }

    /// Methods of the GC types, with `base` already stripped of references. Returns `Err(base)` with the
    /// receiver dereferenced (`GcBox<T>` → `T`, `GcString` → `str`) when the method belongs to the target.
    pub(crate) fn gc_method(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall, expected: Option<&Ty>) -> Result<TExpr, TExpr> {
        if name == "into" && m.args.is_empty() && !matches!(self.shallow(&base.ty), Ty::Gc(..)) {
            if let Some(Ty::Gc(kind, arg)) = expected.map(|e| self.shallow(e)) {
                return Ok(self.gc_from_value(base, kind, *arg, m));
            }
        }
        let Ty::Gc(kind, arg) = self.shallow(&base.ty) else { return Err(base) };
        let arg = self.resolve(&arg);
        let sp = m.span();
        let span = self.span(m.method.span());
        let bt = base.ty.clone();
        macro_rules! op {
            ($op:expr, [$($a:expr),*], $ret:expr) => {{
                let tys: Vec<Ty> = vec![$($a),*];
                let mut args = vec![base];
                args.extend(self.check_args(&m.args, &tys, sp));
                return Ok(mk(ExprKind::Std($op, args), $ret, span));
            }};
        }
        if name == "clone" {
            op!("gc.clone", [], bt);
        }
        match (kind, name) {
            (GcKind::Rc, "borrow" | "borrow_mut") => {
                let _ = self.check_args(&m.args, &[], sp);
                let mutable = name == "borrow_mut";
                // The borrow flag is checked and set here; `gc_borrows` releases the guard where Rust drops it.
                let op = if mutable { "gc.rc.borrow_mut" } else { "gc.rc.borrow" };
                let value = mk(ExprKind::Std(op, vec![base]), Ty::Gc(GcKind::Box, Box::new(arg.clone())), span.clone());
                let target = mk(ExprKind::Std("box.deref", vec![value]), arg.clone(), span.clone());
                Ok(mk(ExprKind::AddrOf(mutable, Box::new(target)), Ty::Ref(mutable, Box::new(arg)), span))
            }
            (GcKind::Rc, "try_borrow" | "try_borrow_mut") => {
                let _ = self.check_args(&m.args, &[], sp);
                let mutable = name == "try_borrow_mut";
                let (op, err) = if mutable { ("gc.rc.try_borrow_mut", GcKind::BorrowMutError) } else { ("gc.rc.try_borrow", GcKind::BorrowError) };
                let ok = Ty::Ref(mutable, Box::new(arg));
                Ok(mk(ExprKind::Std(op, vec![base]), Ty::Result(Box::new(ok), Box::new(Ty::Gc(err, Box::new(Ty::Unit)))), span))
            }
            (GcKind::Rc, "get") => {
                let _ = self.check_args(&m.args, &[], sp);
                let value = rc_value(base, &arg, false, &span);
                Ok(mk(ExprKind::Std("box.deref", vec![value]), arg, span))
            }
            (GcKind::Rc, "set") => op!("gc.rc.set", [arg.clone()], Ty::Unit),
            (GcKind::Rc, "take" | "swap") => {
                // `mem::take(&mut *rc.borrow_mut())`, `mem::swap(&mut *a.borrow_mut(), &mut *b.borrow_mut())`.
                let s = span.clone();
                let inner_mut = |b: TExpr| {
                    let d = mk(ExprKind::Std("box.deref", vec![rc_value(b, &arg, true, &s)]), arg.clone(), s.clone());
                    mk(ExprKind::AddrOf(true, Box::new(d)), Ty::Ref(true, Box::new(arg.clone())), s.clone())
                };
                if name == "take" {
                    let _ = self.check_args(&m.args, &[], sp);
                    return Ok(mk(ExprKind::Std("mem.take", vec![inner_mut(base)]), arg.clone(), span));
                }
                let other_ty = Ty::Ref(false, Box::new(bt.clone()));
                let other = self.check_args(&m.args, &[other_ty], sp).into_iter().next();
                let Some(mut other) = other else { return Ok(self.error_expr(sp)) };
                while let Ty::Ref(_, t) = self.shallow(&other.ty) {
                    let os = other.span.clone();
                    other = mk(ExprKind::Deref(Box::new(other)), *t, os);
                }
                Ok(mk(ExprKind::Std("mem.swap", vec![inner_mut(base), inner_mut(other)]), Ty::Unit, span))
            }
            (GcKind::Rc, "replace") => op!("gc.rc.replace", [arg.clone()], arg),
            (GcKind::Array, "len") => op!("gc.array.len", [], Ty::usize()),
            (GcKind::Array, "is_empty") => op!("gc.array.is_empty", [], Ty::Bool),
            (GcKind::Array, "get") => op!("gc.array.get", [Ty::usize()], arg),
            (GcKind::Array, "try_get") => op!("gc.array.try_get", [Ty::usize()], Ty::Option(Box::new(arg))),
            (GcKind::Array, "set") => op!("gc.array.set", [Ty::usize(), arg.clone()], Ty::Unit),
            (GcKind::Array, "fill") => op!("gc.array.fill", [arg.clone()], Ty::Unit),
            (GcKind::Array, "copy_from_slice") => op!("gc.array.copy_from_slice", [Ty::Ref(false, Box::new(Ty::Slice(Box::new(arg.clone()))))], Ty::Unit),
            (GcKind::Array, "to_vec") => op!("gc.array.to_vec", [], Ty::Vec(Box::new(arg))),
            (GcKind::Array, "iter") => {
                // A snapshot iterator over clones: the element values as a Vec, consumed by value.
                let _ = self.check_args(&m.args, &[], sp);
                let v = mk(ExprKind::Std("gc.array.to_vec", vec![base]), Ty::Vec(Box::new(arg)), span);
                match self.std_method(v, "into_iter", m, expected) {
                    Some(e) => Ok(e),
                    None => Ok(self.error_expr(sp)),
                }
            }
            (GcKind::Extern, "downcast_ref" | "is") => {
                let _ = self.check_args(&m.args, &[], sp);
                let target = m.turbofish.as_ref().and_then(|t| t.args.first()).and_then(|a| match a {
                    syn::GenericArgument::Type(t) => self.to_ty(t).ok(),
                    _ => None,
                });
                let Some(target) = target else {
                    self.err(codes::ANNOTATIONS_NEEDED, m.method.span(), format!("`{name}` needs the type to test for: `{name}::<T>()`"), "", None);
                    return Ok(self.error_expr(sp));
                };
                // Scalars of different Rust types share one WasmGC representation (u8 and i32 are both an i32
                // cell), so the test could answer differently from native: refuse it rather than guess.
                if matches!(target, Ty::Int(_) | Ty::F32 | Ty::F64 | Ty::Bool | Ty::Char | Ty::Unit) {
                    self.err(
                        codes::UNSUPPORTED_TYPE,
                        m.method.span(),
                        format!("`ExternRef::{name}` to a primitive type is not supported"),
                        "primitive types cannot be told apart in WasmGC",
                        Some("store the value in a `#[wasm::gc]` struct and test for that struct"),
                    );
                    return Ok(self.error_expr(sp));
                }
                let (op, ret) = if name == "is" {
                    ("gc.extern.is", Ty::Bool)
                } else {
                    ("gc.extern.downcast_ref", Ty::Option(Box::new(Ty::Ref(false, Box::new(target.clone())))))
                };
                // The tested type travels as the type of a unit placeholder argument.
                let marker = mk(ExprKind::Unit, target, span.clone());
                Ok(mk(ExprKind::Std(op, vec![base, marker]), ret, span))
            }
            (GcKind::String, "concat") => {
                let a = self.one_arg(&m.args, sp).cloned();
                let Some(a) = a else { return Ok(self.error_expr(sp)) };
                let a = self.check_expr(&a, None);
                let s = self.to_str_arg(a, sp);
                Ok(mk(ExprKind::Std("gc.string.concat", vec![base, s]), Ty::Gc(GcKind::String, Box::new(Ty::Unit)), span))
            }
            (GcKind::String, "as_str") => {
                let _ = self.check_args(&m.args, &[], sp);
                Ok(mk(ExprKind::Std("gc.string.as_str", vec![base]), Ty::str_ref(), span))
            }
            (GcKind::String, _) => Err(self.gc_deref(base)),
            (GcKind::Box, _) => Err(self.gc_deref(base)),
            _ => Err(base),
        }
    }

    /// `value.into()` where a GC type is expected: the `From` impls of the facade (`GcString` from strings
    /// and chars, `GcBox<T>`/`GcRc<T>` from `T`, `GcArray<T>` from a Vec, an array or a slice).
    fn gc_from_value(&mut self, value: TExpr, kind: GcKind, arg: Ty, m: &syn::ExprMethodCall) -> TExpr {
        let sp = m.span();
        let span = self.span(m.method.span());
        match kind {
            GcKind::String => {
                let s = self.to_str_arg(value, sp);
                mk(ExprKind::Std("gc.string.from", vec![s]), Ty::Gc(GcKind::String, Box::new(Ty::Unit)), span)
            }
            GcKind::Box | GcKind::Rc => {
                let vt = value.ty.clone();
                self.expect_ty(sp, &arg, &vt);
                mk(ExprKind::Std("gc.new", vec![value]), Ty::Gc(kind, Box::new(arg)), span)
            }
            GcKind::Array => {
                let vt = self.shallow(&value.ty);
                let src = match vt.peel_refs() {
                    Ty::Vec(e) | Ty::Array(e, _) | Ty::Slice(e) => (**e).clone(),
                    _ => {
                        let n = self.ty_name(&vt);
                        self.err(codes::TYPE_MISMATCH, sp, format!("`GcArray` cannot be made from `{n}`"), "", None);
                        return self.error_expr(sp);
                    }
                };
                self.expect_ty(sp, &arg, &src);
                mk(ExprKind::Std("gc.array.from", vec![value]), Ty::Gc(GcKind::Array, Box::new(arg)), span)
            }
            GcKind::Extern | GcKind::BorrowError | GcKind::BorrowMutError => {
                let n = kind.name();
                self.err(codes::UNSUPPORTED_STD, sp, format!("`{n}` cannot be made with `into()`"), "", None);
                self.error_expr(sp)
            }
        }
    }

    /// `iter.collect()` into a `GcArray<T>` (via a Vec) or a `GcString` (via a String of chars or strs).
    pub(crate) fn gc_collect(&mut self, iter: TExpr, kind: GcKind, elem: Ty, item: Ty, m: &syn::ExprMethodCall) -> TExpr {
        let span = self.span(m.method.span());
        if kind == GcKind::Array {
            self.expect_ty(m.method.span(), &elem, &item);
            let v = mk(ExprKind::Std("iter.collect_vec", vec![iter]), Ty::Vec(Box::new(item.clone())), span.clone());
            return mk(ExprKind::Std("gc.array.from", vec![v]), Ty::Gc(GcKind::Array, Box::new(item)), span);
        }
        let op = if matches!(self.resolve(&item), Ty::Char) { "iter.collect_string_chars" } else { "iter.collect_string_strs" };
        let s = mk(ExprKind::Std(op, vec![iter]), Ty::String, span.clone());
        let s = mk(ExprKind::Std("string.as_str", vec![s]), Ty::str_ref(), span.clone());
        mk(ExprKind::Std("gc.string.from", vec![s]), Ty::Gc(GcKind::String, Box::new(Ty::Unit)), span)
    }

    /// Operands of `==`/`<`/...: GC values compare by contents, as the facade's `PartialEq`/`PartialOrd`
    /// (`GcBox`/`GcRc` through their value, `GcArray` element by element); identity is `ptr_eq`.
    pub(crate) fn gc_compare_operands(&mut self, l: TExpr, r: TExpr) -> (TExpr, TExpr) {
        let (lt, rt) = (self.shallow(&l.ty), self.shallow(&r.ty));
        match (&lt, &rt) {
            (Ty::Gc(k1, a), Ty::Gc(k2, _)) if k1 == k2 => match k1 {
                GcKind::Box | GcKind::Rc => {
                    let rc = *k1 == GcKind::Rc;
                    let inner = |x: TExpr, t: &Ty| {
                        let s = x.span.clone();
                        let x = if rc { rc_value(x, t, false, &s) } else { x };
                        mk(ExprKind::Std("box.deref", vec![x]), t.clone(), s)
                    };
                    let (a2, b2) = (inner(l, a), inner(r, a));
                    self.gc_compare_operands(a2, b2)
                }
                GcKind::Array => {
                    let v = |x: TExpr| {
                        let s = x.span.clone();
                        mk(ExprKind::Std("gc.array.to_vec", vec![x]), Ty::Vec(a.clone()), s)
                    };
                    (v(l), v(r))
                }
                _ => (l, r),
            },
            _ => (l, r),
        }
    }

    /// `*b` for a `GcBox<T>` (a `T` place) or a `GcString` (a `str`); other values unchanged.
    pub(crate) fn gc_deref(&mut self, base: TExpr) -> TExpr {
        let s = base.span.clone();
        match self.shallow(&base.ty) {
            Ty::Gc(GcKind::Box, t) => mk(ExprKind::Std("box.deref", vec![base]), *t, s),
            Ty::Gc(GcKind::String, _) => {
                let r = mk(ExprKind::Std("gc.string.as_str", vec![base]), Ty::str_ref(), s.clone());
                mk(ExprKind::Deref(Box::new(r)), Ty::Str, s)
            }
            _ => base,
        }
    }
}

/// The value of a `GcRc` for a use that borrows it only for the operation (`get`, `take`, comparisons):
/// `gc.rc.check` / `gc.rc.check_mut` panic like `borrow`/`borrow_mut` if it is borrowed, and give the
/// value's reference as a `GcBox` would hold it.
fn rc_value(rc: TExpr, arg: &Ty, mutable: bool, span: &crate::diagnostics::Span) -> TExpr {
    let op = if mutable { "gc.rc.check_mut" } else { "gc.rc.check" };
    mk(ExprKind::Std(op, vec![rc]), Ty::Gc(GcKind::Box, Box::new(arg.clone())), span.clone())
}
