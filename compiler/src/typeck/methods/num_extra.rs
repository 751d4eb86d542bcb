//! Integer and float methods that are plain Rust over the receiver (`div_ceil`, `ilog2`, `ilog10`,
//! `ilog`, `checked_ilog*`, `isqrt`, float `rem_euclid`/`div_euclid`): desugared to that Rust and checked
//! like user code, so overflow checks and the panics (at the method, as `#[track_caller]` reports them)
//! follow from the ordinary lowering.

use super::super::FnCx;
use crate::tir::{ExprKind, PatKind, Stmt, TExpr, TPat};
use crate::types::Ty;
use syn::parse_quote_spanned;

impl FnCx<'_> {
    pub(crate) fn num_extra(&mut self, base: TExpr, name: &str, m: &syn::ExprMethodCall) -> Option<TExpr> {
        let t = self.resolve(&base.ty);
        let sp = m.method.span();
        let args: Vec<&syn::Expr> = m.args.iter().collect();
        let log_panic = quote::quote_spanned!(sp=> if __wr_recv <= 0 { panic!("argument of integer logarithm must be positive") });
        let body: syn::Expr = match (&t, name, args.as_slice()) {
            (Ty::Int(i), "div_ceil", [b]) if !i.signed() => parse_quote_spanned!(sp=> {
                let __b = #b;
                let __d = __wr_recv / __b;
                if __wr_recv % __b > 0 { __d + 1 } else { __d }
            }),
            (Ty::Int(i), "ilog2" | "checked_ilog2", []) => {
                let top = i.bits() - 1;
                let v = quote::quote_spanned!(sp=> #top - __wr_recv.leading_zeros());
                if name == "ilog2" {
                    parse_quote_spanned!(sp=> { #log_panic #v })
                } else {
                    parse_quote_spanned!(sp=> if __wr_recv <= 0 { None } else { Some(#v) })
                }
            }
            (Ty::Int(_), "ilog10" | "checked_ilog10", []) | (Ty::Int(_), "ilog" | "checked_ilog", [_]) => {
                let base_e = match args.first() {
                    Some(b) => quote::quote_spanned!(sp=> #b),
                    None => quote::quote_spanned!(sp=> 10),
                };
                let count = quote::quote_spanned!(sp=> {
                    let mut __n = __wr_recv;
                    let mut __k: u32 = 0;
                    while __n >= __b {
                        __n /= __b;
                        __k += 1;
                    }
                    __k
                });
                if name.starts_with("checked") {
                    parse_quote_spanned!(sp=> { let __b = #base_e; if __wr_recv <= 0 || __b < 2 { None } else { Some(#count) } })
                } else {
                    parse_quote_spanned!(sp=> {
                        let __b = #base_e;
                        #log_panic
                        if __b < 2 { panic!("base of integer logarithm must be at least 2") }
                        #count
                    })
                }
            }
            (Ty::Int(i), "checked_next_power_of_two" | "next_power_of_two", []) if !i.signed() => {
                let bits = i.bits();
                let shift = quote::quote_spanned!(sp=> #bits - (__wr_recv - 1).leading_zeros());
                if name == "checked_next_power_of_two" {
                    parse_quote_spanned!(sp=> if __wr_recv <= 1 { Some(1) } else if #shift >= #bits { None } else { Some(1 << #shift) })
                } else {
                    // As std: `one_less_than_next_power_of_two() + 1`, whose `+ 1` overflows past the
                    // largest power of two (a panic with overflow checks, 0 without).
                    let ty: syn::Type = syn::parse_str(i.name()).ok()?;
                    parse_quote_spanned!(sp=> (if __wr_recv <= 1 { 0 } else { #ty::MAX >> (__wr_recv - 1).leading_zeros() }) + 1)
                }
            }
            (Ty::Int(i), "isqrt", []) if !i.is128() => {
                let ty: syn::Type = syn::parse_str(i.name()).ok()?;
                parse_quote_spanned!(sp=> {
                    if __wr_recv < 0 { panic!("argument of integer square root cannot be negative") }
                    __wasmrust_prelude::isqrt_u64(__wr_recv as u64) as #ty
                })
            }
            // IEEE 754 totalOrder on the bits, as std: negative values' magnitude bits are flipped.
            (Ty::F32 | Ty::F64, "total_cmp", [b]) => {
                let (s, u, sh): (syn::Type, syn::Type, u32) = if matches!(t, Ty::F32) { (syn::parse_quote!(i32), syn::parse_quote!(u32), 31) } else { (syn::parse_quote!(i64), syn::parse_quote!(u64), 63) };
                parse_quote_spanned!(sp=> {
                    let mut __l = __wr_recv.to_bits() as #s;
                    let mut __r = (#b).to_bits() as #s;
                    __l ^= (((__l >> #sh) as #u) >> 1) as #s;
                    __r ^= (((__r >> #sh) as #u) >> 1) as #s;
                    __l.cmp(&__r)
                })
            }
            (Ty::F32 | Ty::F64, "rem_euclid", [b]) => parse_quote_spanned!(sp=> {
                let __b = #b;
                let __r = __wr_recv % __b;
                if __r < 0.0 { __r + __b.abs() } else { __r }
            }),
            (Ty::F32 | Ty::F64, "div_euclid", [b]) => parse_quote_spanned!(sp=> {
                let __b = #b;
                let __q = (__wr_recv / __b).trunc();
                if __wr_recv % __b < 0.0 { if __b > 0.0 { __q - 1.0 } else { __q + 1.0 } } else { __q }
            }),
            _ => return None,
        };
        // `{ let __wr_recv = <receiver>; <body> }`
        let span = base.span.clone();
        self.push_scope();
        let l = self.new_local("__wr_recv", t.clone());
        self.bind("__wr_recv", l);
        let e = self.check_expr(&body, None);
        self.pop_scope();
        let pat = TPat { kind: PatKind::Bind(l, None), ty: t, span: span.clone() };
        let ty = e.ty.clone();
        Some(TExpr { kind: ExprKind::Block(vec![Stmt::Let(pat, Some(base))], Some(Box::new(e))), ty, span })
    }
}
