
// ---------------------------------------------------------------- 128-bit integers
// `i128`/`u128` are an immutable GC struct {lo, hi} (see `lower/wide.rs`). The primitives below work on the
// u64 halves only; everything after them may use i128/u128 operators, which the lowering turns into calls
// of these primitives (arithmetic in the prelude wraps). Signed and unsigned share the representation, so
// `x as u128` / `x as i128` between them is free.

fn __intrinsic_w_lo(x: u128) -> u64 {
    0
}
fn __intrinsic_w_hi(x: u128) -> u64 {
    0
}
fn __intrinsic_w_new(lo: u64, hi: u64) -> u128 {
    0
}

fn u128_lo(a: u128) -> u64 {
    __intrinsic_w_lo(a)
}
fn u128_from_u64(x: u64) -> u128 {
    __intrinsic_w_new(x, 0)
}
fn i128_from_i64(x: i64) -> u128 {
    __intrinsic_w_new(x as u64, if x < 0 { u64::MAX } else { 0 })
}
/// A shift amount: the value, or u32::MAX when it does not fit in u32 (so it overflows).
fn u128_sat_u32(a: u128) -> u32 {
    if __intrinsic_w_hi(a) != 0 || __intrinsic_w_lo(a) > 0xFFFF_FFFF { 0xFFFF_FFFF } else { __intrinsic_w_lo(a) as u32 }
}

fn u128_add(a: u128, b: u128) -> u128 {
    let lo = __intrinsic_w_lo(a) + __intrinsic_w_lo(b);
    let c = if lo < __intrinsic_w_lo(a) { 1 } else { 0 };
    __intrinsic_w_new(lo, __intrinsic_w_hi(a) + __intrinsic_w_hi(b) + c)
}
fn u128_sub(a: u128, b: u128) -> u128 {
    let (al, bl) = (__intrinsic_w_lo(a), __intrinsic_w_lo(b));
    let c = if al < bl { 1 } else { 0 };
    __intrinsic_w_new(al - bl, __intrinsic_w_hi(a) - __intrinsic_w_hi(b) - c)
}
/// The full 128-bit product of two u64.
fn u64_mul_wide(a: u64, b: u64) -> u128 {
    let (a0, a1, b0, b1) = (a & 0xFFFF_FFFF, a >> 32, b & 0xFFFF_FFFF, b >> 32);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 32) + (p01 & 0xFFFF_FFFF) + (p10 & 0xFFFF_FFFF);
    let lo = (p00 & 0xFFFF_FFFF) | (mid << 32);
    let hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    __intrinsic_w_new(lo, hi)
}
fn u128_mul(a: u128, b: u128) -> u128 {
    let (al, ah, bl, bh) = (__intrinsic_w_lo(a), __intrinsic_w_hi(a), __intrinsic_w_lo(b), __intrinsic_w_hi(b));
    let p = u64_mul_wide(al, bl);
    __intrinsic_w_new(__intrinsic_w_lo(p), __intrinsic_w_hi(p) + al * bh + ah * bl)
}
fn u128_and(a: u128, b: u128) -> u128 {
    __intrinsic_w_new(__intrinsic_w_lo(a) & __intrinsic_w_lo(b), __intrinsic_w_hi(a) & __intrinsic_w_hi(b))
}
fn u128_or(a: u128, b: u128) -> u128 {
    __intrinsic_w_new(__intrinsic_w_lo(a) | __intrinsic_w_lo(b), __intrinsic_w_hi(a) | __intrinsic_w_hi(b))
}
fn u128_xor(a: u128, b: u128) -> u128 {
    __intrinsic_w_new(__intrinsic_w_lo(a) ^ __intrinsic_w_lo(b), __intrinsic_w_hi(a) ^ __intrinsic_w_hi(b))
}
fn u128_not(a: u128) -> u128 {
    __intrinsic_w_new(!__intrinsic_w_lo(a), !__intrinsic_w_hi(a))
}
fn u128_neg(a: u128) -> u128 {
    u128_sub(__intrinsic_w_new(0, 0), a)
}
fn u128_eq(a: u128, b: u128) -> bool {
    __intrinsic_w_lo(a) == __intrinsic_w_lo(b) && __intrinsic_w_hi(a) == __intrinsic_w_hi(b)
}
fn u128_cmp(a: u128, b: u128) -> i32 {
    let (ah, bh) = (__intrinsic_w_hi(a), __intrinsic_w_hi(b));
    if ah != bh {
        return if ah < bh { -1 } else { 1 };
    }
    let (al, bl) = (__intrinsic_w_lo(a), __intrinsic_w_lo(b));
    if al < bl { -1 } else if al > bl { 1 } else { 0 }
}
fn i128_cmp(a: i128, b: i128) -> i32 {
    let (ah, bh) = (__intrinsic_w_hi(a as u128) as i64, __intrinsic_w_hi(b as u128) as i64);
    if ah != bh {
        return if ah < bh { -1 } else { 1 };
    }
    let (al, bl) = (__intrinsic_w_lo(a as u128), __intrinsic_w_lo(b as u128));
    if al < bl { -1 } else if al > bl { 1 } else { 0 }
}
fn w_neg_bit(a: u128) -> bool {
    (__intrinsic_w_hi(a) as i64) < 0
}
/// Shifts by `n & 127` (the amount was checked by the caller where Rust checks it).
fn u128_shl(a: u128, n: u32) -> u128 {
    let n = n & 127;
    let (lo, hi) = (__intrinsic_w_lo(a), __intrinsic_w_hi(a));
    if n == 0 {
        a
    } else if n >= 64 {
        __intrinsic_w_new(0, lo << (n - 64))
    } else {
        __intrinsic_w_new(lo << n, (hi << n) | (lo >> (64 - n)))
    }
}
fn u128_shr(a: u128, n: u32) -> u128 {
    let n = n & 127;
    let (lo, hi) = (__intrinsic_w_lo(a), __intrinsic_w_hi(a));
    if n == 0 {
        a
    } else if n >= 64 {
        __intrinsic_w_new(hi >> (n - 64), 0)
    } else {
        __intrinsic_w_new((lo >> n) | (hi << (64 - n)), hi >> n)
    }
}
fn i128_shr(a: u128, n: u32) -> u128 {
    let n = n & 127;
    let (lo, hi) = (__intrinsic_w_lo(a), __intrinsic_w_hi(a) as i64);
    if n == 0 {
        a
    } else if n >= 64 {
        __intrinsic_w_new((hi >> (n - 64)) as u64, (hi >> 63) as u64)
    } else {
        __intrinsic_w_new((lo >> n) | ((hi as u64) << (64 - n)), (hi >> n) as u64)
    }
}
fn u128_leading_zeros(a: u128) -> u32 {
    let hi = __intrinsic_w_hi(a);
    if hi != 0 { hi.leading_zeros() } else { 64 + __intrinsic_w_lo(a).leading_zeros() }
}
fn u128_trailing_zeros(a: u128) -> u32 {
    let lo = __intrinsic_w_lo(a);
    if lo != 0 { lo.trailing_zeros() } else { 64 + __intrinsic_w_hi(a).trailing_zeros() }
}
fn u128_count_ones(a: u128) -> u32 {
    __intrinsic_w_lo(a).count_ones() + __intrinsic_w_hi(a).count_ones()
}
/// Unsigned division (b != 0): the quotient, or the remainder when `rem`.
fn u128_divrem(a: u128, b: u128, rem: bool) -> u128 {
    if __intrinsic_w_hi(a) == 0 && __intrinsic_w_hi(b) == 0 {
        let (x, y) = (__intrinsic_w_lo(a), __intrinsic_w_lo(b));
        return __intrinsic_w_new(if rem { x % y } else { x / y }, 0);
    }
    if __intrinsic_w_hi(b) == 0 && __intrinsic_w_lo(b) <= 0xFFFF_FFFF {
        // Short division by 32-bit limbs: every partial dividend fits in u64.
        let d = __intrinsic_w_lo(b);
        let (hi, lo) = (__intrinsic_w_hi(a), __intrinsic_w_lo(a));
        let q3 = (hi >> 32) / d;
        let r3 = (hi >> 32) % d;
        let x2 = (r3 << 32) | (hi & 0xFFFF_FFFF);
        let (q2, r2) = (x2 / d, x2 % d);
        let x1 = (r2 << 32) | (lo >> 32);
        let (q1, r1) = (x1 / d, x1 % d);
        let x0 = (r1 << 32) | (lo & 0xFFFF_FFFF);
        let (q0, r0) = (x0 / d, x0 % d);
        return if rem { __intrinsic_w_new(r0, 0) } else { __intrinsic_w_new((q1 << 32) | q0, (q3 << 32) | q2) };
    }
    if u128_cmp(a, b) < 0 {
        return if rem { a } else { __intrinsic_w_new(0, 0) };
    }
    // Shift-subtract long division, starting at the divisor's top aligned with the dividend's.
    let shift = u128_leading_zeros(b) - u128_leading_zeros(a);
    let mut d = u128_shl(b, shift);
    let mut r = a;
    let mut q = __intrinsic_w_new(0, 0);
    let mut i = 0;
    while i <= shift {
        q = u128_shl(q, 1);
        if u128_cmp(r, d) >= 0 {
            r = u128_sub(r, d);
            q = u128_or(q, __intrinsic_w_new(1, 0));
        }
        d = u128_shr(d, 1);
        i += 1;
    }
    if rem { r } else { q }
}
fn u128_div(a: u128, b: u128) -> u128 {
    u128_divrem(a, b, false)
}
fn u128_rem(a: u128, b: u128) -> u128 {
    u128_divrem(a, b, true)
}
fn w_abs(a: u128) -> u128 {
    if w_neg_bit(a) { u128_neg(a) } else { a }
}
/// Signed division truncating toward zero (b != 0; MIN / -1 was checked by the caller and wraps here).
fn i128_div(a: u128, b: u128) -> u128 {
    let q = u128_divrem(w_abs(a), w_abs(b), false);
    if w_neg_bit(a) != w_neg_bit(b) { u128_neg(q) } else { q }
}
fn i128_rem(a: u128, b: u128) -> u128 {
    let r = u128_divrem(w_abs(a), w_abs(b), true);
    if w_neg_bit(a) { u128_neg(r) } else { r }
}

fn u128_add_ovf(a: u128, b: u128) -> bool {
    u128_cmp(u128_add(a, b), a) < 0
}
fn i128_add_ovf(a: u128, b: u128) -> bool {
    let r = u128_add(a, b);
    w_neg_bit(u128_and(u128_xor(a, r), u128_xor(b, r)))
}
fn u128_sub_ovf(a: u128, b: u128) -> bool {
    u128_cmp(a, b) < 0
}
fn i128_sub_ovf(a: u128, b: u128) -> bool {
    let r = u128_sub(a, b);
    w_neg_bit(u128_and(u128_xor(a, b), u128_xor(a, r)))
}
fn u128_mul_ovf(a: u128, b: u128) -> bool {
    let (al, ah, bl, bh) = (__intrinsic_w_lo(a), __intrinsic_w_hi(a), __intrinsic_w_lo(b), __intrinsic_w_hi(b));
    if ah != 0 && bh != 0 {
        return true;
    }
    let p = u64_mul_wide(al, bl);
    // At most one cross product is non-zero; it must fit in 64 bits and not carry out of the high half.
    let cross = if ah != 0 { u64_mul_wide(ah, bl) } else { u64_mul_wide(al, bh) };
    if __intrinsic_w_hi(cross) != 0 {
        return true;
    }
    let hi = __intrinsic_w_hi(p) + __intrinsic_w_lo(cross);
    hi < __intrinsic_w_hi(p)
}
fn i128_mul_ovf(a: u128, b: u128) -> bool {
    let (ma, mb) = (w_abs(a), w_abs(b));
    if u128_mul_ovf(ma, mb) {
        return true;
    }
    let m = u128_mul(ma, mb);
    let neg = w_neg_bit(a) != w_neg_bit(b);
    let limit = __intrinsic_w_new(if neg { 0 } else { u64::MAX }, if neg { 0x8000_0000_0000_0000 } else { 0x7FFF_FFFF_FFFF_FFFF });
    u128_cmp(m, limit) > 0
}

// ---- conversions with floats

/// Correctly rounded u128 → f64: the top 64 significant bits with a sticky bit, converted once.
fn u128_to_f64(a: u128) -> f64 {
    if __intrinsic_w_hi(a) == 0 {
        return __intrinsic_w_lo(a) as f64;
    }
    let lz = u128_leading_zeros(a);
    let sh = 64 - lz;
    let top = __intrinsic_w_lo(u128_shr(a, sh));
    let lost = u128_shl(a, 128 - sh);
    let sticky = if u128_eq(lost, __intrinsic_w_new(0, 0)) { 0 } else { 1 };
    let mut v = (top | sticky) as f64;
    let mut i = 0;
    while i < sh {
        v = v * 2.0;
        i += 1;
    }
    v
}
fn i128_to_f64(a: u128) -> f64 {
    if w_neg_bit(a) { -u128_to_f64(u128_neg(a)) } else { u128_to_f64(a) }
}
fn u128_to_f32(a: u128) -> f32 {
    if __intrinsic_w_hi(a) == 0 {
        return __intrinsic_w_lo(a) as f32;
    }
    let lz = u128_leading_zeros(a);
    let sh = 64 - lz;
    let top = __intrinsic_w_lo(u128_shr(a, sh));
    let lost = u128_shl(a, 128 - sh);
    let sticky = if u128_eq(lost, __intrinsic_w_new(0, 0)) { 0 } else { 1 };
    let mut v = (top | sticky) as f32;
    let mut i = 0;
    while i < sh {
        v = v * 2.0;
        i += 1;
    }
    v
}
fn i128_to_f32(a: u128) -> f32 {
    if w_neg_bit(a) { -u128_to_f32(u128_neg(a)) } else { u128_to_f32(a) }
}
/// Saturating float → u128 (NaN → 0), as `as`.
fn f64_to_u128(x: f64) -> u128 {
    if !(x >= 1.0) {
        return __intrinsic_w_new(0, 0);
    }
    if x >= 340282366920938463463374607431768211456.0 {
        return __intrinsic_w_new(u64::MAX, u64::MAX);
    }
    if x < 18446744073709551616.0 {
        return __intrinsic_w_new(x as u64, 0);
    }
    let bits = __intrinsic_f64_bits(x);
    let e = ((bits >> 52) & 0x7FF) as i32 - 1075;
    let m = (bits & 0xF_FFFF_FFFF_FFFF) | 0x10_0000_0000_0000;
    u128_shl(__intrinsic_w_new(m, 0), e as u32)
}
fn f64_to_i128(x: f64) -> u128 {
    if x != x {
        return __intrinsic_w_new(0, 0);
    }
    if x >= 170141183460469231731687303715884105728.0 {
        return __intrinsic_w_new(u64::MAX, 0x7FFF_FFFF_FFFF_FFFF);
    }
    if x <= -170141183460469231731687303715884105728.0 {
        return __intrinsic_w_new(0, 0x8000_0000_0000_0000);
    }
    if x < 0.0 { u128_neg(f64_to_u128(-x)) } else { f64_to_u128(x) }
}

// ---- formatting and parsing

/// Digits of `mag` in `base` (least significant first).
fn u128_digits_rev(mag: u128, base: u64, upper: bool) -> String {
    let mut digits = __intrinsic_string_new();
    let mut m = mag;
    if u128_eq(m, __intrinsic_w_new(0, 0)) {
        __intrinsic_push_byte(&mut digits, b'0');
    }
    let b = __intrinsic_w_new(base, 0);
    while !u128_eq(m, __intrinsic_w_new(0, 0)) {
        let d = __intrinsic_w_lo(u128_rem(m, b)) as u8;
        __intrinsic_push_byte(&mut digits, if d < 10 { b'0' + d } else if upper { b'A' + d - 10 } else { b'a' + d - 10 });
        m = u128_div(m, b);
    }
    digits
}

/// Like `fmt_int` for 128-bit values: `signed` means "print `v` as an i128" (decimal).
fn fmt_u128(out: &mut String, v: u128, signed: bool, radix: u32, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let neg = signed && w_neg_bit(v);
    let mag = if neg { u128_neg(v) } else { v };
    let base = if radix == 17 { 16 } else { radix as u64 };
    let digits = u128_digits_rev(mag, base, radix == 17);
    let mut prefix = __intrinsic_string_new();
    if neg {
        __intrinsic_push_byte(&mut prefix, b'-');
    } else if flags & 1 != 0 {
        __intrinsic_push_byte(&mut prefix, b'+');
    }
    if flags & 4 != 0 {
        if radix == 16 || radix == 17 {
            __intrinsic_push_str(&mut prefix, "0x");
        } else if radix == 8 {
            __intrinsic_push_str(&mut prefix, "0o");
        } else if radix == 2 {
            __intrinsic_push_str(&mut prefix, "0b");
        }
    }
    let nd = digits.len();
    let mut body = __intrinsic_string_new();
    __intrinsic_push_str(&mut body, string_as_str(&prefix));
    if flags & 2 != 0 && width > nd + prefix.len() {
        let mut z = width - nd - prefix.len();
        while z > 0 {
            __intrinsic_push_byte(&mut body, b'0');
            z -= 1;
        }
    }
    let mut i = nd;
    while i > 0 {
        i -= 1;
        __intrinsic_push_byte(&mut body, __intrinsic_byte(string_as_str(&digits), i));
    }
    let n = body.len();
    pad(out, string_as_str(&body), n, fill, align, width, 3);
}

/// `{:e}` / `{:E}` of a 128-bit integer (radix 100 / 101), as `fmt_int_exp`: the digits are exact, a
/// precision rounds them half-to-even.
fn fmt_u128_exp(out: &mut String, v: u128, signed: bool, radix: u32, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let neg = signed && w_neg_bit(v);
    let mag = if neg { u128_neg(v) } else { v };
    let rev = u128_digits_rev(mag, 10, false);
    let mut digits = __intrinsic_string_new();
    let mut i = rev.len();
    while i > 0 {
        i -= 1;
        __intrinsic_push_byte(&mut digits, __intrinsic_byte(string_as_str(&rev), i));
    }
    let d = string_as_str(&digits);
    let exp = d.len() as i32 - 1;
    let mut body = __intrinsic_string_new();
    if neg {
        __intrinsic_push_byte(&mut body, b'-');
    } else if flags & 1 != 0 {
        __intrinsic_push_byte(&mut body, b'+');
    }
    if prec >= 0 && (prec as usize) + 1 < d.len() {
        // Round to prec+1 significant digits, half to even.
        let keep = prec as usize + 1;
        let mut kept: Vec<u8> = Vec::new();
        let mut j = 0;
        while j < keep {
            kept.push(__intrinsic_byte(d, j));
            j += 1;
        }
        let first = __intrinsic_byte(d, keep);
        let mut rest_nonzero = false;
        let mut k = keep + 1;
        while k < d.len() {
            if __intrinsic_byte(d, k) != b'0' {
                rest_nonzero = true;
            }
            k += 1;
        }
        let up = first > b'5' || (first == b'5' && (rest_nonzero || (kept[keep - 1] - b'0') % 2 == 1));
        let mut e2 = exp;
        if up {
            let mut p = keep;
            let mut carry = true;
            while carry && p > 0 {
                p -= 1;
                if kept[p] == b'9' {
                    kept[p] = b'0';
                } else {
                    kept[p] = kept[p] + 1;
                    carry = false;
                }
            }
            if carry {
                // 99.. rounded up to 100..: one more digit of exponent.
                kept[0] = b'1';
                e2 = e2 + 1;
            }
        }
        let mut ds = __intrinsic_string_new();
        let mut q = 0;
        while q < kept.len() {
            __intrinsic_push_byte(&mut ds, kept[q]);
            q += 1;
        }
        exp_notation(&mut body, string_as_str(&ds), e2, prec, radix == 101);
    } else {
        let mut end = d.len();
        while end > 1 && __intrinsic_byte(d, end - 1) == b'0' {
            end -= 1;
        }
        exp_notation(&mut body, __intrinsic_sub(d, 0, end), exp, prec, radix == 101);
    }
    let n = body.len();
    pad(out, string_as_str(&body), n, fill, align, width, 3);
}

/// `str::parse` / `from_str_radix` for 128-bit integers: (error kind as `parse_int`, value).
fn parse_u128(s: &str, signed: bool, radix: u32) -> (i32, u128) {
    if s.len() == 0 {
        return (1, __intrinsic_w_new(0, 0));
    }
    let mut i = 0;
    let mut neg = false;
    let c0 = __intrinsic_byte(s, 0);
    if c0 == b'+' || (c0 == b'-' && signed) {
        neg = c0 == b'-';
        i = 1;
        if s.len() == 1 {
            return (2, __intrinsic_w_new(0, 0));
        }
    }
    // Magnitude limit: 2^127 for negative i128, 2^127 - 1 for positive i128, u128::MAX for u128.
    let limit = if !signed { __intrinsic_w_new(u64::MAX, u64::MAX) } else if neg { __intrinsic_w_new(0, 0x8000_0000_0000_0000) } else { __intrinsic_w_new(u64::MAX, 0x7FFF_FFFF_FFFF_FFFF) };
    let r = __intrinsic_w_new(radix as u64, 0);
    let mut v = __intrinsic_w_new(0, 0);
    let mut over = false;
    while i < s.len() {
        let b = __intrinsic_byte(s, i);
        let d = if b >= b'0' && b <= b'9' {
            (b - b'0') as u32
        } else if b >= b'a' && b <= b'z' {
            (b - b'a') as u32 + 10
        } else if b >= b'A' && b <= b'Z' {
            (b - b'A') as u32 + 10
        } else {
            99
        };
        if d >= radix {
            return (2, __intrinsic_w_new(0, 0));
        }
        if !over {
            let dd = __intrinsic_w_new(d as u64, 0);
            // v * radix + d <= limit  <=>  v <= (limit - d) / radix
            if u128_cmp(v, u128_div(u128_sub(limit, dd), r)) > 0 {
                over = true;
            } else {
                v = u128_add(u128_mul(v, r), dd);
            }
        }
        i += 1;
    }
    if over {
        return (if neg { 4 } else { 3 }, __intrinsic_w_new(0, 0));
    }
    (0, if neg { u128_neg(v) } else { v })
}

// ---- methods (`{i128|u128}_<method>`; operators below are the checked-free prelude ones)

fn i128_abs_checked(a: i128, loc: &str) -> i128 {
    if a == i128::MIN {
        panic_str(loc, "attempt to negate with overflow");
    }
    if a < 0 { -a } else { a }
}
fn i128_wrapping_abs(a: i128) -> i128 {
    if a < 0 { 0 - a } else { a }
}
fn i128_unsigned_abs(a: i128) -> u128 {
    i128_wrapping_abs(a) as u128
}
fn i128_checked_abs(a: i128) -> Option<i128> {
    if a == i128::MIN { None } else { Some(i128_wrapping_abs(a)) }
}
fn i128_signum(a: i128) -> i128 {
    if a > 0 { 1 } else if a < 0 { -1 } else { 0 }
}
fn i128_is_positive(a: i128) -> bool {
    a > 0
}
fn i128_is_negative(a: i128) -> bool {
    a < 0
}
fn i128_min(a: i128, b: i128) -> i128 {
    if a <= b { a } else { b }
}
fn i128_max(a: i128, b: i128) -> i128 {
    if a >= b { a } else { b }
}
fn u128_min(a: u128, b: u128) -> u128 {
    if a <= b { a } else { b }
}
fn u128_max(a: u128, b: u128) -> u128 {
    if a >= b { a } else { b }
}
fn i128_clamp(a: i128, lo: i128, hi: i128, loc: &str) -> i128 {
    if lo > hi {
        panic_str(loc, "assertion failed: min <= max");
    }
    if a < lo { lo } else if a > hi { hi } else { a }
}
fn u128_clamp(a: u128, lo: u128, hi: u128, loc: &str) -> u128 {
    if lo > hi {
        panic_str(loc, "assertion failed: min <= max");
    }
    if a < lo { lo } else if a > hi { hi } else { a }
}

fn i128_overflowing_add(a: i128, b: i128) -> (i128, bool) {
    (a + b, i128_add_ovf(a as u128, b as u128))
}
fn u128_overflowing_add(a: u128, b: u128) -> (u128, bool) {
    (a + b, u128_add_ovf(a, b))
}
fn i128_overflowing_sub(a: i128, b: i128) -> (i128, bool) {
    (a - b, i128_sub_ovf(a as u128, b as u128))
}
fn u128_overflowing_sub(a: u128, b: u128) -> (u128, bool) {
    (a - b, u128_sub_ovf(a, b))
}
fn i128_overflowing_mul(a: i128, b: i128) -> (i128, bool) {
    (a * b, i128_mul_ovf(a as u128, b as u128))
}
fn u128_overflowing_mul(a: u128, b: u128) -> (u128, bool) {
    (a * b, u128_mul_ovf(a, b))
}
fn i128_wrapping_add(a: i128, b: i128) -> i128 {
    a + b
}
fn u128_wrapping_add(a: u128, b: u128) -> u128 {
    a + b
}
fn i128_wrapping_sub(a: i128, b: i128) -> i128 {
    a - b
}
fn u128_wrapping_sub(a: u128, b: u128) -> u128 {
    a - b
}
fn i128_wrapping_mul(a: i128, b: i128) -> i128 {
    a * b
}
fn u128_wrapping_mul(a: u128, b: u128) -> u128 {
    a * b
}
fn i128_wrapping_neg(a: i128) -> i128 {
    0 - a
}
fn u128_wrapping_neg(a: u128) -> u128 {
    0 - a
}
fn i128_checked_add(a: i128, b: i128) -> Option<i128> {
    if i128_add_ovf(a as u128, b as u128) { None } else { Some(a + b) }
}
fn u128_checked_add(a: u128, b: u128) -> Option<u128> {
    if u128_add_ovf(a, b) { None } else { Some(a + b) }
}
fn i128_checked_sub(a: i128, b: i128) -> Option<i128> {
    if i128_sub_ovf(a as u128, b as u128) { None } else { Some(a - b) }
}
fn u128_checked_sub(a: u128, b: u128) -> Option<u128> {
    if u128_sub_ovf(a, b) { None } else { Some(a - b) }
}
fn i128_checked_mul(a: i128, b: i128) -> Option<i128> {
    if i128_mul_ovf(a as u128, b as u128) { None } else { Some(a * b) }
}
fn u128_checked_mul(a: u128, b: u128) -> Option<u128> {
    if u128_mul_ovf(a, b) { None } else { Some(a * b) }
}
fn i128_checked_div(a: i128, b: i128) -> Option<i128> {
    if b == 0 || (a == i128::MIN && b == -1) { None } else { Some(a / b) }
}
fn u128_checked_div(a: u128, b: u128) -> Option<u128> {
    if b == 0 { None } else { Some(a / b) }
}
fn i128_checked_rem(a: i128, b: i128) -> Option<i128> {
    if b == 0 || (a == i128::MIN && b == -1) { None } else { Some(a % b) }
}
fn u128_checked_rem(a: u128, b: u128) -> Option<u128> {
    if b == 0 { None } else { Some(a % b) }
}
fn i128_checked_neg(a: i128) -> Option<i128> {
    if a == i128::MIN { None } else { Some(0 - a) }
}
fn u128_checked_neg(a: u128) -> Option<u128> {
    if a == 0 { Some(a) } else { None }
}
fn i128_saturating_add(a: i128, b: i128) -> i128 {
    if i128_add_ovf(a as u128, b as u128) {
        if b > 0 { i128::MAX } else { i128::MIN }
    } else {
        a + b
    }
}
fn u128_saturating_add(a: u128, b: u128) -> u128 {
    if u128_add_ovf(a, b) { u128::MAX } else { a + b }
}
fn i128_saturating_sub(a: i128, b: i128) -> i128 {
    if i128_sub_ovf(a as u128, b as u128) {
        if b < 0 { i128::MAX } else { i128::MIN }
    } else {
        a - b
    }
}
fn u128_saturating_sub(a: u128, b: u128) -> u128 {
    if u128_sub_ovf(a, b) { 0 } else { a - b }
}
fn i128_saturating_mul(a: i128, b: i128) -> i128 {
    if i128_mul_ovf(a as u128, b as u128) {
        if (a < 0) == (b < 0) { i128::MAX } else { i128::MIN }
    } else {
        a * b
    }
}
fn u128_saturating_mul(a: u128, b: u128) -> u128 {
    if u128_mul_ovf(a, b) { u128::MAX } else { a * b }
}
fn i128_saturating_neg(a: i128) -> i128 {
    if a == i128::MIN { i128::MAX } else { 0 - a }
}
fn i128_wrapping_pow(a: i128, e: u32) -> i128 {
    let mut r: i128 = 1;
    let mut i = 0;
    while i < e {
        r = r * a;
        i += 1;
    }
    r
}
fn u128_wrapping_pow(a: u128, e: u32) -> u128 {
    let mut r: u128 = 1;
    let mut i = 0;
    while i < e {
        r = r * a;
        i += 1;
    }
    r
}
fn i128_checked_pow(a: i128, e: u32) -> Option<i128> {
    let mut r: i128 = 1;
    let mut i = 0;
    while i < e {
        if i128_mul_ovf(r as u128, a as u128) {
            return None;
        }
        r = r * a;
        i += 1;
    }
    Some(r)
}
fn u128_checked_pow(a: u128, e: u32) -> Option<u128> {
    let mut r: u128 = 1;
    let mut i = 0;
    while i < e {
        if u128_mul_ovf(r, a) {
            return None;
        }
        r = r * a;
        i += 1;
    }
    Some(r)
}
fn i128_pow_checked(a: i128, e: u32, loc: &str) -> i128 {
    match i128_checked_pow(a, e) {
        Some(r) => r,
        None => panic_str(loc, "attempt to multiply with overflow"),
    }
}
fn u128_pow_checked(a: u128, e: u32, loc: &str) -> u128 {
    match u128_checked_pow(a, e) {
        Some(r) => r,
        None => panic_str(loc, "attempt to multiply with overflow"),
    }
}
fn i128_saturating_pow(a: i128, e: u32) -> i128 {
    match i128_checked_pow(a, e) {
        Some(r) => r,
        None => {
            if a < 0 && e % 2 == 1 { i128::MIN } else { i128::MAX }
        }
    }
}
fn u128_saturating_pow(a: u128, e: u32) -> u128 {
    match u128_checked_pow(a, e) {
        Some(r) => r,
        None => u128::MAX,
    }
}
fn w_div_checks(zero: bool, over: bool, rem: bool, loc: &str) {
    if zero {
        panic_str(loc, if rem { "attempt to calculate the remainder with a divisor of zero" } else { "attempt to divide by zero" });
    }
    if over {
        panic_str(loc, if rem { "attempt to calculate the remainder with overflow" } else { "attempt to divide with overflow" });
    }
}
fn i128_rem_euclid(a: i128, b: i128, loc: &str) -> i128 {
    w_div_checks(b == 0, a == i128::MIN && b == -1, true, loc);
    let r = a % b;
    if r < 0 {
        if b < 0 { r - b } else { r + b }
    } else {
        r
    }
}
fn u128_rem_euclid(a: u128, b: u128, loc: &str) -> u128 {
    w_div_checks(b == 0, false, true, loc);
    a % b
}
fn i128_div_euclid(a: i128, b: i128, loc: &str) -> i128 {
    w_div_checks(b == 0, a == i128::MIN && b == -1, false, loc);
    let q = a / b;
    if a % b < 0 {
        if b > 0 { q - 1 } else { q + 1 }
    } else {
        q
    }
}
fn u128_div_euclid(a: u128, b: u128, loc: &str) -> u128 {
    w_div_checks(b == 0, false, false, loc);
    a / b
}
fn i128_wrapping_div(a: i128, b: i128, loc: &str) -> i128 {
    w_div_checks(b == 0, false, false, loc);
    if a == i128::MIN && b == -1 { a } else { a / b }
}
fn u128_wrapping_div(a: u128, b: u128, loc: &str) -> u128 {
    w_div_checks(b == 0, false, false, loc);
    a / b
}
fn i128_wrapping_rem(a: i128, b: i128, loc: &str) -> i128 {
    w_div_checks(b == 0, false, true, loc);
    if a == i128::MIN && b == -1 { 0 } else { a % b }
}
fn u128_wrapping_rem(a: u128, b: u128, loc: &str) -> u128 {
    w_div_checks(b == 0, false, true, loc);
    a % b
}
fn i128_count_ones(a: i128) -> u32 {
    u128_count_ones(a as u128)
}
fn i128_count_zeros(a: i128) -> u32 {
    128 - u128_count_ones(a as u128)
}
fn u128_count_zeros(a: u128) -> u32 {
    128 - u128_count_ones(a)
}
fn i128_leading_zeros(a: i128) -> u32 {
    u128_leading_zeros(a as u128)
}
fn i128_trailing_zeros(a: i128) -> u32 {
    u128_trailing_zeros(a as u128)
}
fn u128_rotate_left(a: u128, k: u32) -> u128 {
    let k = k % 128;
    if k == 0 { a } else { u128_or(u128_shl(a, k), u128_shr(a, 128 - k)) }
}
fn u128_rotate_right(a: u128, k: u32) -> u128 {
    u128_rotate_left(a, (128 - k % 128) % 128)
}
fn i128_rotate_left(a: i128, k: u32) -> i128 {
    u128_rotate_left(a as u128, k) as i128
}
fn i128_rotate_right(a: i128, k: u32) -> i128 {
    u128_rotate_right(a as u128, k) as i128
}
fn u128_is_power_of_two(a: u128) -> bool {
    u128_count_ones(a) == 1
}
fn i128_abs_diff(a: i128, b: i128) -> u128 {
    if a > b { (a - b) as u128 } else { (b - a) as u128 }
}
fn u128_abs_diff(a: u128, b: u128) -> u128 {
    if a > b { a - b } else { b - a }
}
fn i128_checked_shl(a: i128, k: u32) -> Option<i128> {
    if k >= 128 { None } else { Some(a << k) }
}
fn u128_checked_shl(a: u128, k: u32) -> Option<u128> {
    if k >= 128 { None } else { Some(a << k) }
}
fn i128_checked_shr(a: i128, k: u32) -> Option<i128> {
    if k >= 128 { None } else { Some(a >> k) }
}
fn u128_checked_shr(a: u128, k: u32) -> Option<u128> {
    if k >= 128 { None } else { Some(a >> k) }
}
fn i128_wrapping_shl(a: i128, k: u32) -> i128 {
    a << (k & 127)
}
fn u128_wrapping_shl(a: u128, k: u32) -> u128 {
    a << (k & 127)
}
fn i128_wrapping_shr(a: i128, k: u32) -> i128 {
    a >> (k & 127)
}
fn u128_wrapping_shr(a: u128, k: u32) -> u128 {
    a >> (k & 127)
}
