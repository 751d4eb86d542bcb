//! The std macros: print/format family, panics and assertions, `vec!`, `matches!`, `write!`.

use super::expr::mk;
use super::FnCx;
use crate::diagnostics::codes;
use crate::tir::{Arm, Count, ExprKind, FmtPiece, FmtSpec, PatKind, TExpr, TPat};
use crate::types::Ty;
use syn::parse::Parser;
use syn::spanned::Spanned;

type Args = syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>;

impl FnCx<'_> {
    pub fn check_macro(&mut self, mac: &syn::Macro, expected: Option<&Ty>) -> TExpr {
        let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        let sp = mac.path.span();
        let span = self.span(sp);
        let args = || Args::parse_terminated.parse2(mac.tokens.clone());
        let parsed = match name.as_str() {
            "matches" => return self.check_matches(mac),
            "vec" => Ok(Args::new()),
            _ => args(),
        };
        let args: Vec<syn::Expr> = match parsed {
            Ok(a) => a.into_iter().collect(),
            Err(e) => {
                self.err(codes::PARSE, e.span(), format!("cannot parse macro arguments: {e}"), "", None);
                return self.error_expr(sp);
            }
        };
        match name.as_str() {
            "println" | "print" | "eprintln" | "eprint" => {
                let nl = name.ends_with("ln");
                let fd = if name.starts_with('e') { 2 } else { 1 };
                let s = if args.is_empty() { mk(ExprKind::Str(String::new()), Ty::str_ref(), span.clone()) } else { self.format_args(&args, sp) };
                let s = self.ensure_string(s);
                let op = match (fd, nl) {
                    (1, true) => "io.println",
                    (1, false) => "io.print",
                    (_, true) => "io.eprintln",
                    _ => "io.eprint",
                };
                mk(ExprKind::Std(op, vec![s]), Ty::Unit, span)
            }
            "format" => {
                if args.is_empty() {
                    self.err(codes::FORMAT, sp, "requires at least a format string argument", "", None);
                    return self.error_expr(sp);
                }
                let s = self.format_args(&args, sp);
                self.ensure_string(s)
            }
            "write" | "writeln" => {
                if args.is_empty() {
                    self.err(codes::FORMAT, sp, "requires a destination and a format string", "", None);
                    return self.error_expr(sp);
                }
                let dest = self.check_expr(&args[0], None);
                let dt = self.resolve(&dest.ty);
                let s = if args.len() == 1 { mk(ExprKind::Str(String::new()), Ty::str_ref(), span.clone()) } else { self.format_args(&args[1..], sp) };
                let mut s = self.ensure_string(s);
                if name == "writeln" {
                    let sspan = s.span.clone();
                    s = mk(ExprKind::Std("string.add", vec![s, mk(ExprKind::Str("\n".into()), Ty::str_ref(), sspan.clone())]), Ty::String, sspan);
                }
                match dt.peel_refs() {
                    Ty::Formatter => mk(ExprKind::Std("fmt.write", vec![dest, s]), Ty::Result(Box::new(Ty::Unit), Box::new(Ty::FmtError)), span),
                    Ty::String => mk(ExprKind::Std("fmt.write", vec![dest, s]), Ty::Result(Box::new(Ty::Unit), Box::new(Ty::FmtError)), span),
                    _ => {
                        self.err(codes::UNSUPPORTED_STD, args[0].span(), "`write!` is supported into a `Formatter` or a `String`", "", Some("use print!/println! for stdout"));
                        self.error_expr(sp)
                    }
                }
            }
            "panic" => {
                let msg = if args.is_empty() { mk(ExprKind::Str("explicit panic".into()), Ty::str_ref(), span.clone()) } else { self.format_args(&args, sp) };
                let msg = self.ensure_string(msg);
                mk(ExprKind::Panic(Box::new(msg)), Ty::Never, span)
            }
            "unreachable" | "todo" | "unimplemented" => {
                let base = match name.as_str() {
                    "unreachable" => "internal error: entered unreachable code",
                    "todo" => "not yet implemented",
                    _ => "not implemented",
                };
                let msg = if args.is_empty() {
                    mk(ExprKind::Str(base.into()), Ty::str_ref(), span.clone())
                } else {
                    let m = self.format_args(&args, sp);
                    let m = self.ensure_string(m);
                    let prefix = mk(ExprKind::Str(format!("{base}: ")), Ty::str_ref(), span.clone());
                    let pre = mk(ExprKind::Std("str.to_string", vec![prefix]), Ty::String, span.clone());
                    let ms = mk(ExprKind::Std("string.as_str", vec![mk(ExprKind::AddrOf(false, Box::new(m)), Ty::Ref(false, Box::new(Ty::String)), span.clone())]), Ty::str_ref(), span.clone());
                    mk(ExprKind::Std("string.add", vec![pre, ms]), Ty::String, span.clone())
                };
                let msg = self.ensure_string(msg);
                mk(ExprKind::Panic(Box::new(msg)), Ty::Never, span)
            }
            "assert" | "debug_assert" => {
                if args.is_empty() {
                    self.err(codes::ARITY, sp, "assert! requires a boolean argument", "", None);
                    return self.error_expr(sp);
                }
                let cond = self.check_expr_coerce(&args[0], &Ty::Bool);
                let msg = if args.len() > 1 {
                    let m = self.format_args(&args[1..], sp);
                    self.ensure_string(m)
                } else {
                    let text = self.source_text(args[0].span());
                    let m = mk(ExprKind::Str(format!("assertion failed: {text}")), Ty::str_ref(), span.clone());
                    self.ensure_string(m)
                };
                let panic = mk(ExprKind::Panic(Box::new(msg)), Ty::Never, span.clone());
                let not = mk(ExprKind::Unary(crate::tir::UnOp::Not, Box::new(cond)), Ty::Bool, span.clone());
                let e = mk(ExprKind::If(Box::new(not), Box::new(panic), None), Ty::Unit, span.clone());
                if name == "debug_assert" && !self.ck_debug_assertions() {
                    return mk(ExprKind::Unit, Ty::Unit, span);
                }
                e
            }
            "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" => {
                if args.len() < 2 {
                    self.err(codes::ARITY, sp, format!("{name}! requires two arguments"), "", None);
                    return self.error_expr(sp);
                }
                let eq = name.ends_with("eq");
                let l = self.check_expr(&args[0], None);
                let lt = l.ty.clone();
                let r = self.check_expr(&args[1], Some(&lt));
                let (lt2, rt2) = (self.resolve(&l.ty), self.resolve(&r.ty));
                let stringy = |t: &Ty| matches!(t.peel_refs(), Ty::String | Ty::Str | Ty::Gc(crate::gc_types::GcKind::String, _));
                if !(stringy(&lt2) && stringy(&rt2)) {
                    self.expect_ty(args[1].span(), &l.ty, &r.ty);
                }
                let ll = self.new_local("left", l.ty.clone());
                let rl = self.new_local("right", r.ty.clone());
                let lref = mk(ExprKind::Local(ll), l.ty.clone(), span.clone());
                let rref = mk(ExprKind::Local(rl), r.ty.clone(), span.clone());
                let cmp = self.compare_for_assert(lref.clone(), rref.clone(), eq, &span);
                let op = if eq { "==" } else { "!=" };
                let mut pieces = vec![FmtPiece::Lit(format!("assertion `left {op} right` failed"))];
                let mut fargs = vec![lref, rref];
                if args.len() > 2 {
                    let m = self.format_args(&args[2..], sp);
                    let m = self.ensure_string(m);
                    pieces.push(FmtPiece::Lit(": ".into()));
                    pieces.push(FmtPiece::Arg { arg: 2, spec: FmtSpec::default() });
                    fargs.push(m);
                }
                pieces.push(FmtPiece::Lit("\n  left: ".into()));
                pieces.push(FmtPiece::Arg { arg: 0, spec: FmtSpec { kind: '?', fill: ' ', ..Default::default() } });
                pieces.push(FmtPiece::Lit("\n right: ".into()));
                pieces.push(FmtPiece::Arg { arg: 1, spec: FmtSpec { kind: '?', fill: ' ', ..Default::default() } });
                let msg = mk(ExprKind::Format(pieces, fargs), Ty::String, span.clone());
                let panic = mk(ExprKind::Panic(Box::new(msg)), Ty::Never, span.clone());
                let not = mk(ExprKind::Unary(crate::tir::UnOp::Not, Box::new(cmp)), Ty::Bool, span.clone());
                let check = mk(ExprKind::If(Box::new(not), Box::new(panic), None), Ty::Unit, span.clone());
                if name.starts_with("debug") && !self.ck_debug_assertions() {
                    return mk(ExprKind::Unit, Ty::Unit, span);
                }
                let lp = TPat { kind: PatKind::Bind(ll, None), ty: l.ty.clone(), span: span.clone() };
                let rp = TPat { kind: PatKind::Bind(rl, None), ty: r.ty.clone(), span: span.clone() };
                mk(ExprKind::Block(vec![crate::tir::Stmt::Let(lp, Some(l)), crate::tir::Stmt::Let(rp, Some(r))], Some(Box::new(check))), Ty::Unit, span)
            }
            "vec" => {
                // `vec![x; n]` has a `;` and does not parse as a comma list.
                let toks = mac.tokens.clone();
                let as_array: proc_macro2::TokenStream = {
                    let g = proc_macro2::Group::new(proc_macro2::Delimiter::Bracket, toks);
                    let mut ts = proc_macro2::TokenStream::new();
                    ts.extend(std::iter::once(proc_macro2::TokenTree::Group(g)));
                    ts
                };
                let elem_exp = match expected.map(|e| self.shallow(e)) {
                    Some(Ty::Vec(t)) => Some(*t),
                    _ => None,
                };
                match syn::parse2::<syn::Expr>(as_array) {
                    Ok(syn::Expr::Repeat(r)) => {
                        let elem = elem_exp.unwrap_or_else(|| self.fresh());
                        let v = self.check_expr_coerce(&r.expr, &elem);
                        let n = self.check_expr_coerce(&r.len, &Ty::usize());
                        mk(ExprKind::Std("vec.repeat", vec![v, n]), Ty::Vec(Box::new(elem)), span)
                    }
                    Ok(arr @ syn::Expr::Array(_)) => {
                        let exp = elem_exp.map(|t| Ty::Array(Box::new(t), 0));
                        let a = self.check_expr(&arr, exp.as_ref());
                        let elem = match self.shallow(&a.ty) {
                            Ty::Array(t, _) => *t,
                            _ => self.fresh(),
                        };
                        mk(ExprKind::Std("vec.from_array", vec![a]), Ty::Vec(Box::new(elem)), span)
                    }
                    _ => {
                        self.err(codes::PARSE, sp, "cannot parse `vec!` arguments", "", None);
                        self.error_expr(sp)
                    }
                }
            }
            "dbg" => {
                self.err(codes::UNSUPPORTED_MACRO, sp, "`dbg!` is not supported yet", "", Some("use eprintln!(\"{:?}\", x)"));
                self.error_expr(sp)
            }
            _ => {
                self.err(codes::UNSUPPORTED_MACRO, sp, format!("the macro `{name}!` is not supported"), "unsupported macro", Some("supported: println!, print!, eprintln!, eprint!, format!, write!, writeln!, panic!, assert!, assert_eq!, assert_ne!, vec!, matches!, unreachable!, todo!, unimplemented!"));
                self.error_expr(sp)
            }
        }
    }

    fn ck_debug_assertions(&self) -> bool {
        true
    }

    fn compare_for_assert(&mut self, l: TExpr, r: TExpr, eq: bool, span: &crate::diagnostics::Span) -> TExpr {
        let op = if eq { crate::tir::BinOp::Eq } else { crate::tir::BinOp::Ne };
        let mut l = l;
        let mut r = r;
        // Compare values through references, and String with &str.
        while let Ty::Ref(_, t) = self.resolve(&l.ty) {
            l = mk(ExprKind::Deref(Box::new(l)), *t, span.clone());
        }
        while let Ty::Ref(_, t) = self.resolve(&r.ty) {
            r = mk(ExprKind::Deref(Box::new(r)), *t, span.clone());
        }
        let (l, r) = self.gc_compare_operands(l, r);
        let l = self.to_str(l);
        let r = self.to_str(r);
        mk(ExprKind::Binary(op, Box::new(l), Box::new(r)), Ty::Bool, span.clone())
    }

    /// Source text of a span (for `assert!` messages, which quote the condition).
    fn source_text(&self, sp: proc_macro2::Span) -> String {
        let s = self.span(sp);
        let Some(f) = self.ck.program.sources.files.get(s.file) else { return String::new() };
        let lines: Vec<&str> = f.text.lines().collect();
        if s.start.line == 0 || s.start.line > lines.len() {
            return String::new();
        }
        if s.start.line == s.end.line {
            let l: Vec<char> = lines[s.start.line - 1].chars().collect();
            let a = (s.start.col - 1).min(l.len());
            let b = (s.end.col - 1).min(l.len()).max(a);
            return l[a..b].iter().collect();
        }
        let mut out = String::new();
        for ln in s.start.line..=s.end.line.min(lines.len()) {
            let l: Vec<char> = lines[ln - 1].chars().collect();
            let piece: String = if ln == s.start.line {
                l[(s.start.col - 1).min(l.len())..].iter().collect()
            } else if ln == s.end.line {
                l[..(s.end.col - 1).min(l.len())].iter().collect()
            } else {
                l.iter().collect()
            };
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece.trim());
        }
        out
    }

    /// A `&str` literal or a String-typed expression, as a String.
    fn ensure_string(&mut self, e: TExpr) -> TExpr {
        match self.resolve(&e.ty) {
            Ty::String => e,
            _ => {
                let span = e.span.clone();
                mk(ExprKind::Std("str.to_string", vec![e]), Ty::String, span)
            }
        }
    }

    fn check_matches(&mut self, mac: &syn::Macro) -> TExpr {
        let sp = mac.path.span();
        let span = self.span(sp);
        let parser = |input: syn::parse::ParseStream| -> syn::Result<(syn::Expr, syn::Pat, Option<syn::Expr>)> {
            let e: syn::Expr = input.parse()?;
            let _: syn::Token![,] = input.parse()?;
            let p = syn::Pat::parse_multi_with_leading_vert(input)?;
            let g = if input.peek(syn::Token![if]) {
                let _: syn::Token![if] = input.parse()?;
                Some(input.parse()?)
            } else {
                None
            };
            let _: Option<syn::Token![,]> = input.parse()?;
            Ok((e, p, g))
        };
        let (e, p, g) = match parser.parse2(mac.tokens.clone()) {
            Ok(x) => x,
            Err(err) => {
                self.err(codes::PARSE, err.span(), format!("cannot parse `matches!`: {err}"), "", None);
                return self.error_expr(sp);
            }
        };
        let scrut = self.check_expr(&e, None);
        let st = scrut.ty.clone();
        self.push_scope();
        let pat = self.check_pat(&p, &st);
        let guard = g.map(|g| self.check_expr_coerce(&g, &Ty::Bool));
        self.pop_scope();
        let t = mk(ExprKind::Bool(true), Ty::Bool, span.clone());
        let f = mk(ExprKind::Bool(false), Ty::Bool, span.clone());
        let wild = TPat { kind: PatKind::Wild, ty: st, span: span.clone() };
        mk(ExprKind::Match(Box::new(scrut), vec![Arm { pat, guard, body: t }, Arm { pat: wild, guard: None, body: f }]), Ty::Bool, span)
    }

    /// Parses a format string and its arguments into a `Format` expression (type String), or a plain
    /// `&str` literal when there are no arguments.
    pub fn format_args(&mut self, args: &[syn::Expr], sp: proc_macro2::Span) -> TExpr {
        let span = self.span(sp);
        let (fmt, fsp) = match &args[0] {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => (s.value(), s.span()),
            other => {
                self.err(codes::FORMAT, other.span(), "format argument must be a string literal", "", None);
                return self.error_expr(sp);
            }
        };
        // Positional and named arguments.
        let mut positional: Vec<&syn::Expr> = Vec::new();
        let mut named: Vec<(String, &syn::Expr)> = Vec::new();
        for a in &args[1..] {
            match a {
                syn::Expr::Assign(asg) => {
                    if let syn::Expr::Path(p) = &*asg.left {
                        if let Some(id) = p.path.get_ident() {
                            named.push((id.to_string(), &asg.right));
                            continue;
                        }
                    }
                    positional.push(a);
                }
                _ => positional.push(a),
            }
        }
        let mut exprs: Vec<TExpr> = positional
            .iter()
            .map(|a| {
                let e = self.check_expr(a, None);
                // `char::to_uppercase()` etc. implement Display: format the collected chars.
                if matches!(self.resolve(&e.ty), Ty::Iter(ref t) if **t == Ty::Char) {
                    let span = e.span.clone();
                    return mk(ExprKind::Std("iter.collect_string_chars", vec![e]), Ty::String, span);
                }
                e
            })
            .collect();
        let npos = exprs.len();
        let mut named_idx: Vec<(String, usize)> = Vec::new();
        for (n, e) in &named {
            let te = self.check_expr(e, None);
            exprs.push(te);
            named_idx.push((n.clone(), exprs.len() - 1));
        }
        let mut used = vec![false; exprs.len()];
        let mut pieces = Vec::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut lit = String::new();
        let mut next_pos = 0usize;
        let fail = |cx: &mut Self, msg: String| {
            cx.err(codes::FORMAT, fsp, msg, "", None);
        };
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    lit.push('{');
                    i += 2;
                    continue;
                }
                let Some(end) = chars[i..].iter().position(|&x| x == '}') else {
                    fail(self, "invalid format string: expected `}` but string was terminated".into());
                    return self.error_expr(sp);
                };
                let inner: String = chars[i + 1..i + end].iter().collect();
                i += end + 1;
                if !lit.is_empty() {
                    pieces.push(FmtPiece::Lit(std::mem::take(&mut lit)));
                }
                let (argpart, specpart) = match inner.find(':') {
                    Some(k) => (inner[..k].trim().to_string(), inner[k + 1..].to_string()),
                    None => (inner.trim().to_string(), String::new()),
                };
                let mut resolve_arg = |cx: &mut Self, a: &str, exprs: &mut Vec<TExpr>, used: &mut Vec<bool>, is_count: bool| -> Option<usize> {
                    if a.is_empty() {
                        if is_count {
                            return None;
                        }
                        let k = next_pos;
                        next_pos += 1;
                        if k >= npos {
                            cx.err(codes::FORMAT, fsp, format!("{} positional arguments in format string, but there {} {} argument{}", k + 1, if npos == 1 { "is" } else { "are" }, npos, if npos == 1 { "" } else { "s" }), "", None);
                            return None;
                        }
                        used[k] = true;
                        return Some(k);
                    }
                    if let Ok(k) = a.parse::<usize>() {
                        if k >= npos {
                            cx.err(codes::FORMAT, fsp, format!("invalid reference to positional argument {k}"), "", None);
                            return None;
                        }
                        used[k] = true;
                        return Some(k);
                    }
                    if let Some((_, k)) = named_idx.iter().find(|(n, _)| n == a) {
                        used[*k] = true;
                        return Some(*k);
                    }
                    // Implicit capture of a variable in scope.
                    let path: syn::ExprPath = match syn::parse_str(a) {
                        Ok(p) => p,
                        Err(_) => {
                            cx.err(codes::FORMAT, fsp, format!("invalid format string argument `{a}`"), "", None);
                            return None;
                        }
                    };
                    let mut path = path;
                    if let Some(seg) = path.path.segments.first_mut() {
                        seg.ident = syn::Ident::new(&seg.ident.to_string(), fsp);
                    }
                    let te = cx.check_expr(&syn::Expr::Path(path), None);
                    exprs.push(te);
                    used.push(true);
                    named_idx.push((a.to_string(), exprs.len() - 1));
                    Some(exprs.len() - 1)
                };
                let Some(arg) = resolve_arg(self, &argpart, &mut exprs, &mut used, false) else { return self.error_expr(sp) };
                let mut spec = FmtSpec { fill: ' ', ..Default::default() };
                let sc: Vec<char> = specpart.chars().collect();
                let mut j = 0;
                if sc.len() >= 2 && matches!(sc[1], '<' | '^' | '>') {
                    spec.fill = sc[0];
                    spec.align = match sc[1] {
                        '<' => 1,
                        '^' => 2,
                        _ => 3,
                    };
                    j = 2;
                } else if !sc.is_empty() && matches!(sc[0], '<' | '^' | '>') {
                    spec.align = match sc[0] {
                        '<' => 1,
                        '^' => 2,
                        _ => 3,
                    };
                    j = 1;
                }
                if sc.get(j) == Some(&'+') {
                    spec.plus = true;
                    j += 1;
                } else if sc.get(j) == Some(&'-') {
                    j += 1;
                }
                if sc.get(j) == Some(&'#') {
                    spec.alternate = true;
                    j += 1;
                }
                if sc.get(j) == Some(&'0') && !matches!(sc.get(j + 1), Some('$')) {
                    spec.zero = true;
                    j += 1;
                }
                // width
                let start = j;
                while j < sc.len() && (sc[j].is_alphanumeric() || sc[j] == '_') {
                    j += 1;
                }
                let word: String = sc[start..j].iter().collect();
                if sc.get(j) == Some(&'$') {
                    j += 1;
                    let Some(k) = resolve_arg(self, &word, &mut exprs, &mut used, true) else { return self.error_expr(sp) };
                    spec.width = Some(Count::Arg(k));
                } else if !word.is_empty() {
                    let digits: String = word.chars().take_while(|c| c.is_ascii_digit()).collect();
                    if !digits.is_empty() {
                        spec.width = Some(Count::Lit(digits.parse().unwrap_or(0)));
                    }
                    j = start + digits.len();
                }
                if sc.get(j) == Some(&'.') {
                    j += 1;
                    if sc.get(j) == Some(&'*') {
                        j += 1;
                        if next_pos >= npos {
                            fail(self, "missing argument for precision `.*`".into());
                            return self.error_expr(sp);
                        }
                        let k = next_pos;
                        next_pos += 1;
                        used[k] = true;
                        spec.precision = Some(Count::Arg(k));
                        // `.*` takes the precision first, then the value: the value was already taken from
                        // the next position only if implicit; fix up an implicit value argument.
                    } else {
                        let start = j;
                        while j < sc.len() && (sc[j].is_alphanumeric() || sc[j] == '_') {
                            j += 1;
                        }
                        let word: String = sc[start..j].iter().collect();
                        if sc.get(j) == Some(&'$') {
                            j += 1;
                            let Some(k) = resolve_arg(self, &word, &mut exprs, &mut used, true) else { return self.error_expr(sp) };
                            spec.precision = Some(Count::Arg(k));
                        } else {
                            let digits: String = word.chars().take_while(|c| c.is_ascii_digit()).collect();
                            spec.precision = Some(Count::Lit(digits.parse().unwrap_or(0)));
                            j = start + digits.len();
                        }
                    }
                }
                let rest: String = sc[j.min(sc.len())..].iter().collect();
                spec.kind = match rest.as_str() {
                    "" => '\0',
                    "?" => '?',
                    "x" => 'x',
                    "X" => 'X',
                    "o" => 'o',
                    "b" => 'b',
                    "e" => 'e',
                    "E" => 'E',
                    "x?" | "X?" => {
                        spec.debug_hex = rest.chars().next().unwrap_or('x');
                        '?'
                    }
                    other => {
                        fail(self, format!("unknown format trait `{other}`"));
                        return self.error_expr(sp);
                    }
                };
                // `{:.*}` with implicit value: rustc takes precision then value; our implicit index was taken
                // before the precision, so swap them.
                if let (Some(Count::Arg(p)), true) = (&spec.precision, argpart.is_empty() && specpart.contains(".*")) {
                    let p = *p;
                    let (a, b) = (arg, p);
                    pieces.push(FmtPiece::Arg { arg: b, spec: FmtSpec { precision: Some(Count::Arg(a)), ..spec } });
                    continue;
                }
                pieces.push(FmtPiece::Arg { arg, spec });
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    lit.push('}');
                    i += 2;
                    continue;
                }
                fail(self, "invalid format string: unmatched `}` found".into());
                return self.error_expr(sp);
            } else {
                lit.push(c);
                i += 1;
            }
        }
        if !lit.is_empty() {
            pieces.push(FmtPiece::Lit(lit));
        }
        if let Some(k) = used.iter().take(npos).position(|u| !u) {
            self.err(codes::FORMAT, args[k + 1].span(), "argument never used", "", None);
        }
        if exprs.is_empty() {
            let s = pieces.iter().map(|p| if let FmtPiece::Lit(l) = p { l.as_str() } else { "" }).collect::<String>();
            return mk(ExprKind::Str(s), Ty::str_ref(), span);
        }
        mk(ExprKind::Format(pieces, exprs), Ty::String, span)
    }
}
