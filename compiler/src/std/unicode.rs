
// ---------------------------------------------------------------- Unicode (std/unicode.rs)
// Full Unicode char properties and case mappings, identical to the native std: the tables are
// `std/unicode_tables.rs` (generated from, and proven against, the native std by
// `compiler/tests/unicode_tables.rs`). ASCII never touches a table; a table is emitted into a module
// only when one of these functions is reachable.

fn __intrinsic_ucd_alphabetic() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_numeric() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_lowercase() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_uppercase() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_cased() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_case_ignorable() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_debug_escape() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_upper_map() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_upper_multi() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_lower_map() -> &'static [u8] {
    &[]
}
fn __intrinsic_ucd_lower_multi() -> &'static [u8] {
    &[]
}

fn ucd_u24(t: &[u8], i: usize) -> u32 {
    t[i] as u32 | ((t[i + 1] as u32) << 8) | ((t[i + 2] as u32) << 16)
}

/// Number of `width`-byte entries of `t` whose leading 3-byte code point is <= u.
fn ucd_rank(t: &[u8], width: usize, u: u32) -> usize {
    let mut lo = 0;
    let mut hi = t.len() / width;
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ucd_u24(t, mid * width) <= u {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Set membership: the table packs sorted toggle points (u is a member iff an odd number are <= u) in
/// blocks of 32: count, block heads (first point, offset of its deltas), LEB128 deltas.
fn ucd_in(t: &[u8], u: u32) -> bool {
    let n = ucd_u24(t, 0) as usize;
    let nb = (n + 31) / 32;
    let mut lo = 0;
    let mut hi = nb;
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ucd_u24(t, 3 + mid * 5) <= u {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 {
        return false;
    }
    let b = lo - 1;
    let e = 3 + b * 5;
    let mut count = b * 32 + 1;
    let end = if n < (b + 1) * 32 { n } else { (b + 1) * 32 };
    let mut cur = ucd_u24(t, e);
    let mut p = 3 + nb * 5 + (t[e + 3] as usize | ((t[e + 4] as usize) << 8));
    while count < end {
        let mut d: u32 = 0;
        let mut shift: u32 = 0;
        let mut more = true;
        while more {
            let x = t[p];
            p += 1;
            d = d | (((x & 0x7f) as u32) << shift);
            more = x >= 0x80;
            shift += 7;
        }
        cur += d;
        if cur > u {
            return count % 2 == 1;
        }
        count += 1;
    }
    count % 2 == 1
}

/// Single-char mapping: runs of (start, count, delta, step); unmapped chars map to themselves.
fn ucd_map1(t: &[u8], u: u32) -> u32 {
    let k = ucd_rank(t, 8, u);
    if k == 0 {
        return u;
    }
    let e = (k - 1) * 8;
    let start = ucd_u24(t, e);
    let count = t[e + 3] as u32;
    let step = t[e + 7] as u32;
    let off = u - start;
    if off % step != 0 || off / step >= count {
        return u;
    }
    let d = ucd_u24(t, e + 4);
    if d >= 0x800000 { u - (0x1000000 - d) } else { u + d }
}

/// Appends the full case mapping of `c` (upper or lower) to `out`.
fn ucd_push_case(out: &mut String, c: char, upper: bool) {
    let u = c as u32;
    if u < 0x80 {
        let b = if upper && u >= 97 && u <= 122 { u - 32 } else if !upper && u >= 65 && u <= 90 { u + 32 } else { u };
        __intrinsic_push_byte(out, b as u8);
        return;
    }
    let multi = if upper { __intrinsic_ucd_upper_multi() } else { __intrinsic_ucd_lower_multi() };
    let k = ucd_rank(multi, 12, u);
    if k > 0 && ucd_u24(multi, (k - 1) * 12) == u {
        let e = (k - 1) * 12;
        let mut j = 0;
        while j < 3 {
            let v = ucd_u24(multi, e + 3 + j * 3);
            if v != 0 {
                string_push(out, __intrinsic_char(v));
            }
            j += 1;
        }
        return;
    }
    let single = if upper { __intrinsic_ucd_upper_map() } else { __intrinsic_ucd_lower_map() };
    string_push(out, __intrinsic_char(ucd_map1(single, u)));
}

fn char_is_alphabetic(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return char_is_ascii_alphabetic(c);
    }
    ucd_in(__intrinsic_ucd_alphabetic(), u)
}
fn char_is_numeric(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return char_is_ascii_digit(c);
    }
    ucd_in(__intrinsic_ucd_numeric(), u)
}
fn char_is_alphanumeric(c: char) -> bool {
    char_is_alphabetic(c) || char_is_numeric(c)
}
fn char_is_uppercase(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return char_is_ascii_uppercase(c);
    }
    ucd_in(__intrinsic_ucd_uppercase(), u)
}
fn char_is_lowercase(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return char_is_ascii_lowercase(c);
    }
    ucd_in(__intrinsic_ucd_lowercase(), u)
}
/// `Cased` as the final-sigma rule asks it (only of chars that are not case-ignorable).
fn ucd_cased(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return char_is_ascii_alphabetic(c);
    }
    ucd_in(__intrinsic_ucd_cased(), u)
}
fn ucd_case_ignorable(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    }
    ucd_in(__intrinsic_ucd_case_ignorable(), u)
}
/// `{:?}` writes `c` (>= U+0080) as `\u{..}`: grapheme extenders and non-printables.
fn ucd_debug_escape(u: u32) -> bool {
    u >= 0x80 && ucd_in(__intrinsic_ucd_debug_escape(), u)
}

fn str_to_uppercase(s: &str) -> String {
    let mut out = __intrinsic_string_new();
    let mut i = 0;
    while i < s.len() {
        let c = str_char_at(s, i);
        ucd_push_case(&mut out, c, true);
        i += char_len_utf8(c);
    }
    out
}

fn str_to_lowercase(s: &str) -> String {
    let mut out = __intrinsic_string_new();
    let mut i = 0;
    while i < s.len() {
        let c = str_char_at(s, i);
        if c == 'Σ' {
            // Final_Sigma, as std: a cased letter before (skipping case-ignorables) and none after.
            let final_sigma = ucd_cased_before(s, i) && !ucd_cased_after(s, i + 2);
            string_push(&mut out, if final_sigma { 'ς' } else { 'σ' });
        } else {
            ucd_push_case(&mut out, c, false);
        }
        i += char_len_utf8(c);
    }
    out
}

fn ucd_cased_before(s: &str, end: usize) -> bool {
    let mut j = end;
    while j > 0 {
        j = str_prev_char_start(s, j);
        let c = str_char_at(s, j);
        if !ucd_case_ignorable(c) {
            return ucd_cased(c);
        }
    }
    false
}

fn ucd_cased_after(s: &str, start: usize) -> bool {
    let mut j = start;
    while j < s.len() {
        let c = str_char_at(s, j);
        if !ucd_case_ignorable(c) {
            return ucd_cased(c);
        }
        j += char_len_utf8(c);
    }
    false
}

fn char_is_ascii_control(c: char) -> bool {
    let u = c as u32;
    u < 32 || u == 127
}
