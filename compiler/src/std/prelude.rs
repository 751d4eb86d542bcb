//! The WasmRust std surface, written in Rust and compiled by WasmRust itself. Functions named
//! `__intrinsic_*` have their bodies supplied by the lowering (they map to a few wasm instructions);
//! everything else here is ordinary code. Arithmetic in this file wraps (no overflow checks); the
//! functions do their own checks where Rust semantics require them.

fn __intrinsic_write(fd: i32, s: &str) {}
fn __intrinsic_exit(code: i32) -> ! {
    loop {}
}
fn __intrinsic_string_new() -> String {
    String::new()
}
fn __intrinsic_push_byte(s: &mut String, b: u8) {}
fn __intrinsic_push_str(s: &mut String, t: &str) {}
fn __intrinsic_as_str(s: &String) -> &str {
    ""
}
fn __intrinsic_byte(s: &str, i: usize) -> u8 {
    0
}
fn __intrinsic_sub(s: &str, start: usize, len: usize) -> &str {
    s
}
fn __intrinsic_set_len(s: &mut String, n: usize) {}
/// `t.push_str(&s)` without the `&str` view of `s` (see `lower/string_views.rs`).
fn __intrinsic_push_string(t: &mut String, s: &String) {}
/// `s.as_bytes()[i]` (unchecked) without the `&str` view.
fn __intrinsic_string_byte(s: &String, i: usize) -> u8 {
    0
}
/// `s.as_bytes_mut()[i] = b` (unchecked: `i < s.len()`, the caller keeps the UTF-8 valid).
fn __intrinsic_set_byte(s: &mut String, i: usize, b: u8) {}
fn __intrinsic_f64_bits(x: f64) -> u64 {
    0
}
fn __intrinsic_f64_from_bits(x: u64) -> f64 {
    0.0
}

fn string_as_str(s: &String) -> &str {
    __intrinsic_as_str(s)
}

fn string_push_str(s: &mut String, t: &str) {
    __intrinsic_push_str(s, t);
}

/// Appends the UTF-8 encoding of `c`.
fn string_push(s: &mut String, c: char) {
    let u = c as u32;
    if u < 0x80 {
        __intrinsic_push_byte(s, u as u8);
    } else if u < 0x800 {
        __intrinsic_push_byte(s, (0xC0 | (u >> 6)) as u8);
        __intrinsic_push_byte(s, (0x80 | (u & 0x3F)) as u8);
    } else if u < 0x10000 {
        __intrinsic_push_byte(s, (0xE0 | (u >> 12)) as u8);
        __intrinsic_push_byte(s, (0x80 | ((u >> 6) & 0x3F)) as u8);
        __intrinsic_push_byte(s, (0x80 | (u & 0x3F)) as u8);
    } else {
        __intrinsic_push_byte(s, (0xF0 | (u >> 18)) as u8);
        __intrinsic_push_byte(s, (0x80 | ((u >> 12) & 0x3F)) as u8);
        __intrinsic_push_byte(s, (0x80 | ((u >> 6) & 0x3F)) as u8);
        __intrinsic_push_byte(s, (0x80 | (u & 0x3F)) as u8);
    }
}

fn str_to_string(s: &str) -> String {
    let mut out = __intrinsic_string_new();
    __intrinsic_push_str(&mut out, s);
    out
}

/// `s.to_string()` / `s.clone()` of a `String` without its `&str` view (`lower/string_views.rs`).
fn string_to_string(s: &String) -> String {
    let mut out = __intrinsic_string_new();
    __intrinsic_push_string(&mut out, s);
    out
}

fn str_eq(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if __intrinsic_byte(a, i) != __intrinsic_byte(b, i) {
            return false;
        }
        i += 1;
    }
    true
}

/// Decodes the char starting at byte `i` (which is a char boundary).
fn str_char_at(s: &str, i: usize) -> char {
    let b0 = __intrinsic_byte(s, i) as u32;
    let u = if b0 < 0x80 {
        b0
    } else if b0 < 0xE0 {
        ((b0 & 0x1F) << 6) | (__intrinsic_byte(s, i + 1) as u32 & 0x3F)
    } else if b0 < 0xF0 {
        ((b0 & 0x0F) << 12) | ((__intrinsic_byte(s, i + 1) as u32 & 0x3F) << 6) | (__intrinsic_byte(s, i + 2) as u32 & 0x3F)
    } else {
        ((b0 & 0x07) << 18) | ((__intrinsic_byte(s, i + 1) as u32 & 0x3F) << 12) | ((__intrinsic_byte(s, i + 2) as u32 & 0x3F) << 6) | (__intrinsic_byte(s, i + 3) as u32 & 0x3F)
    };
    __intrinsic_char(u)
}

fn __intrinsic_char(u: u32) -> char {
    'a'
}

fn char_len_utf8(c: char) -> usize {
    let u = c as u32;
    if u < 0x80 {
        1
    } else if u < 0x800 {
        2
    } else if u < 0x10000 {
        3
    } else {
        4
    }
}

fn is_char_boundary(s: &str, i: usize) -> bool {
    if i == 0 || i == s.len() {
        return true;
    }
    if i > s.len() {
        return false;
    }
    let b = __intrinsic_byte(s, i);
    b < 0x80 || b >= 0xC0
}

// ---------------------------------------------------------------- panics

fn panic_str(loc: &str, msg: &str) -> ! {
    // rustc 1.95 starts the panic report with a newline.
    let mut s = __intrinsic_string_new();
    __intrinsic_push_str(&mut s, "\nthread '");
    __intrinsic_push_str(&mut s, thread_name());
    __intrinsic_push_str(&mut s, "' panicked at ");
    __intrinsic_push_str(&mut s, loc);
    __intrinsic_push_str(&mut s, ":\n");
    __intrinsic_push_str(&mut s, msg);
    __intrinsic_push_str(&mut s, "\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
    __intrinsic_write(2, string_as_str(&s));
    __intrinsic_exit(101)
}

/// The current thread's name in panic reports. Under `cargo wasm test` the lowering binds calls to this
/// function to the test harness's, which returns the running test's name as libtest names its threads.
fn thread_name() -> &'static str {
    "main"
}

fn panic_string(loc: &str, msg: String) -> ! {
    panic_str(loc, string_as_str(&msg))
}

fn push_usize(out: &mut String, v: usize) {
    fmt_int(out, v as u64, false, 10, ' ', 0, 0, 0, -1);
}

fn panic_bounds(loc: &str, len: usize, index: usize) -> ! {
    let mut m = __intrinsic_string_new();
    __intrinsic_push_str(&mut m, "index out of bounds: the len is ");
    push_usize(&mut m, len);
    __intrinsic_push_str(&mut m, " but the index is ");
    push_usize(&mut m, index);
    panic_str(loc, string_as_str(&m))
}

/// rustc's checks for `&s[lo..hi]` on slices.
fn slice_check(len: usize, lo: usize, hi: usize, loc: &str) {
    if lo > hi {
        let mut m = __intrinsic_string_new();
        __intrinsic_push_str(&mut m, "slice index starts at ");
        push_usize(&mut m, lo);
        __intrinsic_push_str(&mut m, " but ends at ");
        push_usize(&mut m, hi);
        panic_str(loc, string_as_str(&m));
    }
    if hi > len {
        let mut m = __intrinsic_string_new();
        __intrinsic_push_str(&mut m, "range end index ");
        push_usize(&mut m, hi);
        __intrinsic_push_str(&mut m, " out of range for slice of length ");
        push_usize(&mut m, len);
        panic_str(loc, string_as_str(&m));
    }
}

/// `&s[lo..hi]` on strings with rustc's panics.
fn str_slice(s: &str, lo: usize, hi: usize, loc: &str) -> &str {
    if lo > s.len() || hi > s.len() {
        let mut m = __intrinsic_string_new();
        if lo > s.len() {
            __intrinsic_push_str(&mut m, "start byte index ");
            push_usize(&mut m, lo);
        } else {
            __intrinsic_push_str(&mut m, "end byte index ");
            push_usize(&mut m, hi);
        }
        __intrinsic_push_str(&mut m, " is out of bounds of `");
        __intrinsic_push_str(&mut m, s);
        __intrinsic_push_str(&mut m, "`");
        panic_str(loc, string_as_str(&m));
    }
    if lo > hi {
        let mut m = __intrinsic_string_new();
        __intrinsic_push_str(&mut m, "begin > end (");
        push_usize(&mut m, lo);
        __intrinsic_push_str(&mut m, " > ");
        push_usize(&mut m, hi);
        __intrinsic_push_str(&mut m, ") when slicing `");
        __intrinsic_push_str(&mut m, s);
        __intrinsic_push_str(&mut m, "`");
        panic_str(loc, string_as_str(&m));
    }
    if !is_char_boundary(s, lo) || !is_char_boundary(s, hi) {
        let start_bad = !is_char_boundary(s, lo);
        let bad = if start_bad { lo } else { hi };
        let mut start = bad;
        while !is_char_boundary(s, start) {
            start -= 1;
        }
        let c = str_char_at(s, start);
        let mut m = __intrinsic_string_new();
        __intrinsic_push_str(&mut m, if start_bad { "start byte index " } else { "end byte index " });
        push_usize(&mut m, bad);
        __intrinsic_push_str(&mut m, " is not a char boundary; it is inside ");
        fmt_debug_char(&mut m, c);
        __intrinsic_push_str(&mut m, " (bytes ");
        push_usize(&mut m, start);
        __intrinsic_push_str(&mut m, "..");
        push_usize(&mut m, start + char_len_utf8(c));
        __intrinsic_push_str(&mut m, ") of `");
        __intrinsic_push_str(&mut m, s);
        __intrinsic_push_str(&mut m, "`");
        panic_str(loc, string_as_str(&m));
    }
    __intrinsic_sub(s, lo, hi - lo)
}

fn mul_overflows_i64(a: i64, b: i64) -> bool {
    if a == 0 || b == 0 {
        return false;
    }
    if (a == -1 && b == i64::MIN) || (b == -1 && a == i64::MIN) {
        return true;
    }
    let r = a * b;
    r / a != b
}

fn mul_overflows_u64(a: u64, b: u64) -> bool {
    if a == 0 {
        return false;
    }
    let r = a * b;
    r / a != b
}

// ---------------------------------------------------------------- formatting

/// Pads `body` (already formatted, `n` chars) into `out` per fill/align/width.
/// `default_align`: 1 left (strings), 3 right (numbers).
fn pad(out: &mut String, body: &str, nchars: usize, fill: char, align: u32, width: usize, default_align: u32) {
    if width <= nchars {
        __intrinsic_push_str(out, body);
        return;
    }
    let padding = width - nchars;
    let a = if align == 0 { default_align } else { align };
    let (before, after) = if a == 1 {
        (0, padding)
    } else if a == 2 {
        (padding / 2, padding - padding / 2)
    } else {
        (padding, 0)
    };
    let mut i = 0;
    while i < before {
        string_push(out, fill);
        i += 1;
    }
    __intrinsic_push_str(out, body);
    i = 0;
    while i < after {
        string_push(out, fill);
        i += 1;
    }
}

fn count_chars(s: &str) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        let b = __intrinsic_byte(s, i);
        if b < 0x80 || b >= 0xC0 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// Integers: `v` is the value as u64 (for signed decimal: the i64 bit pattern, `signed` set).
/// radix 10/16/8/2, 17 = upper hex. flags: 1 plus, 2 zero-pad, 4 alternate.
/// Writes straight into `out` (digits placed from the right into reserved bytes): no temporary
/// Strings, since every GC allocation is costly and `to_string`/`{}` of integers is hot.
fn fmt_int(out: &mut String, v: u64, signed: bool, radix: u32, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let neg = signed && (v as i64) < 0;
    let mag = if neg { 0 - v } else { v };
    let base = if radix == 17 { 16 } else { radix as u64 };
    let mut nd = 1;
    let mut t = mag / base;
    while t > 0 {
        nd += 1;
        t = t / base;
    }
    let sign = neg || flags & 1 != 0;
    let alt = flags & 4 != 0 && (radix == 16 || radix == 17 || radix == 8 || radix == 2);
    let plen = (if sign { 1 } else { 0 }) + (if alt { 2 } else { 0 });
    let zeros = if flags & 2 != 0 && width > nd + plen { width - nd - plen } else { 0 };
    let n = plen + zeros + nd;
    // Fill padding as `pad` does for numbers (right-aligned by default); none when zero-padded.
    let mut before = 0;
    let mut after = 0;
    if width > n {
        let padding = width - n;
        let a = if align == 0 { 3 } else { align };
        if a == 1 {
            after = padding;
        } else if a == 2 {
            before = padding / 2;
            after = padding - padding / 2;
        } else {
            before = padding;
        }
    }
    let mut i = 0;
    while i < before {
        string_push(out, fill);
        i += 1;
    }
    if neg {
        __intrinsic_push_byte(out, b'-');
    } else if flags & 1 != 0 {
        __intrinsic_push_byte(out, b'+');
    }
    if alt {
        __intrinsic_push_byte(out, b'0');
        __intrinsic_push_byte(out, if radix == 8 { b'o' } else if radix == 2 { b'b' } else { b'x' });
    }
    i = 0;
    while i < zeros + nd {
        __intrinsic_push_byte(out, b'0');
        i += 1;
    }
    let mut pos = out.len();
    let mut m = mag;
    while m > 0 {
        let d = (m % base) as u8;
        let c = if d < 10 { b'0' + d } else if radix == 17 { b'A' + d - 10 } else { b'a' + d - 10 };
        pos -= 1;
        __intrinsic_set_byte(out, pos, c);
        m = m / base;
    }
    i = 0;
    while i < after {
        string_push(out, fill);
        i += 1;
    }
}

fn fmt_str(out: &mut String, s: &str, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let mut t = s;
    if prec >= 0 {
        // Truncate to `prec` chars.
        let mut i = 0;
        let mut n = 0;
        while i < s.len() && n < prec as usize {
            i += char_len_utf8(str_char_at(s, i));
            n += 1;
        }
        t = __intrinsic_sub(s, 0, i);
    }
    if width == 0 {
        __intrinsic_push_str(out, t);
        return;
    }
    let n = count_chars(t);
    pad(out, t, n, fill, align, width, 1);
}

fn fmt_char(out: &mut String, c: char, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let mut s = __intrinsic_string_new();
    string_push(&mut s, c);
    pad(out, string_as_str(&s), 1, fill, align, width, 1);
}

fn fmt_bool(out: &mut String, b: bool, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let s = if b { "true" } else { "false" };
    fmt_str(out, s, fill, align, width, flags, prec);
}

fn push_hex_escape(out: &mut String, u: u32) {
    __intrinsic_push_str(out, "\\u{");
    fmt_int(out, u as u64, false, 16, ' ', 0, 0, 0, -1);
    __intrinsic_push_str(out, "}");
}

/// Escapes like `char::escape_debug` (quote is the surrounding quote char).
fn push_escaped(out: &mut String, c: char, quote: char) {
    let u = c as u32;
    if c == '\t' {
        __intrinsic_push_str(out, "\\t");
    } else if c == '\r' {
        __intrinsic_push_str(out, "\\r");
    } else if c == '\n' {
        __intrinsic_push_str(out, "\\n");
    } else if c == '\\' {
        __intrinsic_push_str(out, "\\\\");
    } else if c == '\0' {
        __intrinsic_push_str(out, "\\0");
    } else if c == quote {
        __intrinsic_push_byte(out, b'\\');
        string_push(out, c);
    } else if u < 0x20 || u == 0x7f || ucd_debug_escape(u) {
        push_hex_escape(out, u);
    } else {
        string_push(out, c);
    }
}


fn fmt_debug_str(out: &mut String, s: &str) {
    __intrinsic_push_byte(out, b'"');
    let mut i = 0;
    while i < s.len() {
        let c = str_char_at(s, i);
        push_escaped(out, c, '"');
        i += char_len_utf8(c);
    }
    __intrinsic_push_byte(out, b'"');
}

fn fmt_debug_char(out: &mut String, c: char) {
    __intrinsic_push_byte(out, b'\'');
    push_escaped(out, c, '\'');
    __intrinsic_push_byte(out, b'\'');
}

fn fmt_parse_int_error(out: &mut String, kind: i32) {
    __intrinsic_push_str(out, "ParseIntError { kind: ");
    let k = if kind == 1 {
        "Empty"
    } else if kind == 2 {
        "InvalidDigit"
    } else if kind == 3 {
        "PosOverflow"
    } else {
        "NegOverflow"
    };
    __intrinsic_push_str(out, k);
    __intrinsic_push_str(out, " }");
}

fn fmt_parse_float_error(out: &mut String, kind: i32) {
    __intrinsic_push_str(out, "ParseFloatError { kind: ");
    __intrinsic_push_str(out, if kind == 1 { "Empty" } else { "Invalid" });
    __intrinsic_push_str(out, " }");
}

// ---------------------------------------------------------------- str methods

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c' || c == '\u{85}' || c == '\u{a0}' || c == '\u{1680}' || (c >= '\u{2000}' && c <= '\u{200a}') || c == '\u{2028}' || c == '\u{2029}' || c == '\u{202f}' || c == '\u{205f}' || c == '\u{3000}'
}

fn str_trim_start(s: &str) -> &str {
    let mut i = 0;
    while i < s.len() {
        let c = str_char_at(s, i);
        if !is_ws(c) {
            break;
        }
        i += char_len_utf8(c);
    }
    __intrinsic_sub(s, i, s.len() - i)
}

fn str_trim_end(s: &str) -> &str {
    let mut end = s.len();
    while end > 0 {
        let mut st = end - 1;
        while !is_char_boundary(s, st) {
            st -= 1;
        }
        let c = str_char_at(s, st);
        if !is_ws(c) {
            break;
        }
        end = st;
    }
    __intrinsic_sub(s, 0, end)
}

fn str_trim(s: &str) -> &str {
    str_trim_end(str_trim_start(s))
}

fn str_find(s: &str, p: &str) -> Option<usize> {
    if p.len() > s.len() {
        return None;
    }
    let mut i = 0;
    while i + p.len() <= s.len() {
        let mut j = 0;
        while j < p.len() && __intrinsic_byte(s, i + j) == __intrinsic_byte(p, j) {
            j += 1;
        }
        if j == p.len() {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn str_rfind(s: &str, p: &str) -> Option<usize> {
    if p.len() > s.len() {
        return None;
    }
    let mut i = s.len() - p.len() + 1;
    while i > 0 {
        i -= 1;
        let mut j = 0;
        while j < p.len() && __intrinsic_byte(s, i + j) == __intrinsic_byte(p, j) {
            j += 1;
        }
        if j == p.len() {
            return Some(i);
        }
    }
    None
}

fn char_to_string(c: char) -> String {
    let mut s = __intrinsic_string_new();
    string_push(&mut s, c);
    s
}

fn str_find_char(s: &str, c: char) -> Option<usize> {
    let t = char_to_string(c);
    str_find(s, string_as_str(&t))
}

fn str_rfind_char(s: &str, c: char) -> Option<usize> {
    let t = char_to_string(c);
    str_rfind(s, string_as_str(&t))
}

fn str_contains(s: &str, p: &str) -> bool {
    str_find(s, p).is_some()
}

fn str_contains_char(s: &str, c: char) -> bool {
    str_find_char(s, c).is_some()
}

fn str_starts_with(s: &str, p: &str) -> bool {
    p.len() <= s.len() && str_eq(__intrinsic_sub(s, 0, p.len()), p)
}

fn str_ends_with(s: &str, p: &str) -> bool {
    p.len() <= s.len() && str_eq(__intrinsic_sub(s, s.len() - p.len(), p.len()), p)
}

fn str_starts_with_char(s: &str, c: char) -> bool {
    let t = char_to_string(c);
    str_starts_with(s, string_as_str(&t))
}

fn str_ends_with_char(s: &str, c: char) -> bool {
    let t = char_to_string(c);
    str_ends_with(s, string_as_str(&t))
}

fn str_strip_prefix(s: &str, p: &str) -> Option<&str> {
    if str_starts_with(s, p) {
        Some(__intrinsic_sub(s, p.len(), s.len() - p.len()))
    } else {
        None
    }
}

fn str_strip_suffix(s: &str, p: &str) -> Option<&str> {
    if str_ends_with(s, p) {
        Some(__intrinsic_sub(s, 0, s.len() - p.len()))
    } else {
        None
    }
}

fn str_replace(s: &str, from: &str, to: &str) -> String {
    let mut out = __intrinsic_string_new();
    let mut rest = s;
    if from.len() == 0 {
        __intrinsic_push_str(&mut out, to);
        let mut i = 0;
        while i < s.len() {
            let c = str_char_at(s, i);
            string_push(&mut out, c);
            __intrinsic_push_str(&mut out, to);
            i += char_len_utf8(c);
        }
        return out;
    }
    loop {
        match str_find(rest, from) {
            Some(i) => {
                __intrinsic_push_str(&mut out, __intrinsic_sub(rest, 0, i));
                __intrinsic_push_str(&mut out, to);
                rest = __intrinsic_sub(rest, i + from.len(), rest.len() - i - from.len());
            }
            None => {
                __intrinsic_push_str(&mut out, rest);
                return out;
            }
        }
    }
}

fn str_replace_char(s: &str, c: char, to: &str) -> String {
    let t = char_to_string(c);
    str_replace(s, string_as_str(&t), to)
}





fn str_to_ascii_uppercase(s: &str) -> String {
    let mut out = __intrinsic_string_new();
    let mut i = 0;
    while i < s.len() {
        let b = __intrinsic_byte(s, i);
        __intrinsic_push_byte(&mut out, if b >= b'a' && b <= b'z' { b - 32 } else { b });
        i += 1;
    }
    out
}

fn str_to_ascii_lowercase(s: &str) -> String {
    let mut out = __intrinsic_string_new();
    let mut i = 0;
    while i < s.len() {
        let b = __intrinsic_byte(s, i);
        __intrinsic_push_byte(&mut out, if b >= b'A' && b <= b'Z' { b + 32 } else { b });
        i += 1;
    }
    out
}

fn str_repeat(s: &str, n: usize) -> String {
    let mut out = __intrinsic_string_new();
    let mut i = 0;
    while i < n {
        __intrinsic_push_str(&mut out, s);
        i += 1;
    }
    out
}

fn str_split_whitespace(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    let mut i = 0;
    let mut start = 0;
    let mut in_word = false;
    while i < s.len() {
        let c = str_char_at(s, i);
        let w = is_ws(c);
        if w && in_word {
            v.push(__intrinsic_sub(s, start, i - start));
            in_word = false;
        } else if !w && !in_word {
            start = i;
            in_word = true;
        }
        i += char_len_utf8(c);
    }
    if in_word {
        v.push(__intrinsic_sub(s, start, s.len() - start));
    }
    v
}

fn str_split(s: &str, p: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    let mut rest = s;
    if p.len() == 0 {
        v.push("");
        let mut i = 0;
        while i < s.len() {
            let n = char_len_utf8(str_char_at(s, i));
            v.push(__intrinsic_sub(s, i, n));
            i += n;
        }
        v.push("");
        return v;
    }
    loop {
        match str_find(rest, p) {
            Some(i) => {
                v.push(__intrinsic_sub(rest, 0, i));
                rest = __intrinsic_sub(rest, i + p.len(), rest.len() - i - p.len());
            }
            None => {
                v.push(rest);
                return v;
            }
        }
    }
}

fn str_split_char(s: &str, c: char) -> Vec<&str> {
    let t = char_to_string(c);
    str_split(s, string_as_str(&t))
}

fn str_lines(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if __intrinsic_byte(s, i) == b'\n' {
            let mut end = i;
            if end > start && __intrinsic_byte(s, end - 1) == b'\r' {
                end -= 1;
            }
            v.push(__intrinsic_sub(s, start, end - start));
            start = i + 1;
        }
        i += 1;
    }
    if start < s.len() {
        let mut end = s.len();
        if end > start && __intrinsic_byte(s, end - 1) == b'\r' {
            end -= 1;
        }
        v.push(__intrinsic_sub(s, start, end - start));
    }
    v
}

fn str_split_once(s: &str, p: &str) -> Option<(&str, &str)> {
    match str_find(s, p) {
        Some(i) => Some((__intrinsic_sub(s, 0, i), __intrinsic_sub(s, i + p.len(), s.len() - i - p.len()))),
        None => None,
    }
}

fn str_split_once_char(s: &str, c: char) -> Option<(&str, &str)> {
    let t = char_to_string(c);
    str_split_once(s, string_as_str(&t))
}

// ---------------------------------------------------------------- char methods

fn char_is_ascii_digit(c: char) -> bool {
    c >= '0' && c <= '9'
}
fn char_is_ascii_uppercase(c: char) -> bool {
    c >= 'A' && c <= 'Z'
}
fn char_is_ascii_lowercase(c: char) -> bool {
    c >= 'a' && c <= 'z'
}
fn char_is_ascii_alphabetic(c: char) -> bool {
    char_is_ascii_uppercase(c) || char_is_ascii_lowercase(c)
}
fn char_is_ascii_alphanumeric(c: char) -> bool {
    char_is_ascii_alphabetic(c) || char_is_ascii_digit(c)
}
fn char_is_ascii(c: char) -> bool {
    (c as u32) < 128
}
fn char_is_ascii_whitespace(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0c'
}
fn char_is_ascii_punctuation(c: char) -> bool {
    let u = c as u32;
    (u >= 33 && u <= 47) || (u >= 58 && u <= 64) || (u >= 91 && u <= 96) || (u >= 123 && u <= 126)
}
fn char_is_ascii_hexdigit(c: char) -> bool {
    char_is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
fn char_is_ascii_graphic(c: char) -> bool {
    let u = c as u32;
    u >= 33 && u <= 126
}
fn char_is_whitespace(c: char) -> bool {
    is_ws(c)
}
fn char_is_control(c: char) -> bool {
    let u = c as u32;
    u < 32 || (u >= 127 && u < 160)
}
fn char_to_ascii_uppercase(c: char) -> char {
    if char_is_ascii_lowercase(c) { __intrinsic_char(c as u32 - 32) } else { c }
}
fn char_to_ascii_lowercase(c: char) -> char {
    if char_is_ascii_uppercase(c) { __intrinsic_char(c as u32 + 32) } else { c }
}
fn char_to_digit(c: char, radix: u32) -> Option<u32> {
    let u = c as u32;
    let d = if u >= 48 && u <= 57 {
        u - 48
    } else if u >= 97 && u <= 122 {
        u - 97 + 10
    } else if u >= 65 && u <= 90 {
        u - 65 + 10
    } else {
        99
    };
    if d < radix { Some(d) } else { None }
}
fn char_is_digit(c: char, radix: u32) -> bool {
    char_to_digit(c, radix).is_some()
}
fn char_from_u32(u: u32) -> Option<char> {
    if u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF) { None } else { Some(__intrinsic_char(u)) }
}
fn char_from_digit(d: u32, radix: u32) -> Option<char> {
    if d >= radix {
        None
    } else if d < 10 {
        Some(__intrinsic_char(48 + d))
    } else {
        Some(__intrinsic_char(97 + d - 10))
    }
}
fn char_eq_ignore_ascii_case(a: char, b: &char) -> bool {
    char_to_ascii_lowercase(a) == char_to_ascii_lowercase(*b)
}
/// ASCII letters only compare case-insensitively (std: byte-wise `to_ascii_lowercase`).
fn str_eq_ignore_ascii_case(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if lower_ascii(__intrinsic_byte(a, i)) != lower_ascii(__intrinsic_byte(b, i)) {
            return false;
        }
        i += 1;
    }
    true
}

// ---------------------------------------------------------------- floats

fn fmod(x: f64, y: f64) -> f64 {
    if y == 0.0 || x != x || y != y || x == f64::INFINITY || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if y == f64::INFINITY || y == f64::NEG_INFINITY {
        return x;
    }
    let q = x / y;
    let t = if q < 0.0 { -__intrinsic_floor(-q) } else { __intrinsic_floor(q) };
    x - t * y
}

fn fmodf(x: f32, y: f32) -> f32 {
    fmod(x as f64, y as f64) as f32
}

fn __intrinsic_floor(x: f64) -> f64 {
    x
}
fn __intrinsic_sqrt(x: f64) -> f64 {
    x
}
fn __intrinsic_ceil(x: f64) -> f64 {
    x
}
fn __intrinsic_trunc(x: f64) -> f64 {
    x
}

/// Floats: kind 0 Display, 1 Debug, 2 `e`, 3 `E`.
fn fmt_float(out: &mut String, v: f64, is_f32: bool, kind: u32, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let mut body = __intrinsic_string_new();
    let bits = __intrinsic_f64_bits(v);
    let neg = (bits >> 63) != 0;
    if v != v {
        __intrinsic_push_str(&mut body, "NaN");
    } else if neg {
        __intrinsic_push_byte(&mut body, b'-');
    } else if flags & 1 != 0 {
        __intrinsic_push_byte(&mut body, b'+');
    }
    let a = if neg { -v } else { v };
    if v != v {
    } else if a == f64::INFINITY {
        __intrinsic_push_str(&mut body, "inf");
    } else if prec >= 0 && kind < 2 {
        fixed_digits(&mut body, a, prec as usize);
    } else if kind >= 2 {
        let (digits, exp) = shortest_digits(a, is_f32);
        if prec >= 0 && a != 0.0 {
            // Exactly rounded `prec + 1` significant digits.
            let (d2, e2) = significant_digits(a, exp, prec as usize + 1);
            exp_notation(&mut body, string_as_str(&d2), e2, prec, kind == 3);
        } else {
            exp_notation(&mut body, string_as_str(&digits), exp, prec, kind == 3);
        }
    } else {
        let (digits, exp) = shortest_digits(a, is_f32);
        let d = string_as_str(&digits);
        // Debug switches to exponent form for very large/small magnitudes.
        if kind == 1 && a != 0.0 && (exp < -4 || exp >= 16) {
            exp_notation(&mut body, d, exp, -1, false);
        } else {
            plain_notation(&mut body, d, exp, kind == 1);
        }
    }
    let n = body.len();
    if flags & 2 != 0 && width > n {
        // zero padding goes after the sign
        let mut z = __intrinsic_string_new();
        let b = string_as_str(&body);
        let mut start = 0;
        if n > 0 && (__intrinsic_byte(b, 0) == b'-' || __intrinsic_byte(b, 0) == b'+') {
            __intrinsic_push_byte(&mut z, __intrinsic_byte(b, 0));
            start = 1;
        }
        let mut k = width - n;
        while k > 0 {
            __intrinsic_push_byte(&mut z, b'0');
            k -= 1;
        }
        __intrinsic_push_str(&mut z, __intrinsic_sub(b, start, n - start));
        __intrinsic_push_str(out, string_as_str(&z));
        return;
    }
    pad(out, string_as_str(&body), n, fill, align, width, 3);
}

/// `digits` d1 d2 ... with value 0.d1d2... × 10^(exp+1), i.e. d1 is at position 10^exp.
fn plain_notation(out: &mut String, d: &str, exp: i32, force_fraction: bool) {
    let n = d.len() as i32;
    if exp < 0 {
        __intrinsic_push_str(out, "0.");
        let mut z = -exp - 1;
        while z > 0 {
            __intrinsic_push_byte(out, b'0');
            z -= 1;
        }
        __intrinsic_push_str(out, d);
    } else if exp + 1 >= n {
        __intrinsic_push_str(out, d);
        let mut z = exp + 1 - n;
        while z > 0 {
            __intrinsic_push_byte(out, b'0');
            z -= 1;
        }
        if force_fraction {
            __intrinsic_push_str(out, ".0");
        }
    } else {
        __intrinsic_push_str(out, __intrinsic_sub(d, 0, (exp + 1) as usize));
        __intrinsic_push_byte(out, b'.');
        __intrinsic_push_str(out, __intrinsic_sub(d, (exp + 1) as usize, (n - exp - 1) as usize));
    }
}

fn exp_notation(out: &mut String, d: &str, exp: i32, prec: i32, upper: bool) {
    __intrinsic_push_byte(out, __intrinsic_byte(d, 0));
    if d.len() > 1 || prec > 0 {
        let rest = __intrinsic_sub(d, 1, d.len() - 1);
        if prec < 0 && d.len() > 1 {
            __intrinsic_push_byte(out, b'.');
            __intrinsic_push_str(out, rest);
        } else if prec > 0 {
            __intrinsic_push_byte(out, b'.');
            let mut i = 0;
            while i < prec as usize {
                __intrinsic_push_byte(out, if i < rest.len() { __intrinsic_byte(rest, i) } else { b'0' });
                i += 1;
            }
        }
    }
    __intrinsic_push_byte(out, if upper { b'E' } else { b'e' });
    if exp < 0 {
        __intrinsic_push_byte(out, b'-');
    }
    let e = if exp < 0 { -exp } else { exp };
    fmt_int(out, e as u64, false, 10, ' ', 0, 0, 0, -1);
}

// Exact decimal conversion with small bignums (base 10^9 limbs, little endian).

fn big_from_u64(v: u64) -> Vec<u32> {
    let mut r: Vec<u32> = Vec::new();
    let mut x = v;
    while x > 0 {
        r.push((x % 1000000000) as u32);
        x = x / 1000000000;
    }
    r
}

fn big_mul_small(a: &mut Vec<u32>, m: u32) {
    let mut carry: u64 = 0;
    let mut i = 0;
    while i < a.len() {
        let t = a[i] as u64 * m as u64 + carry;
        a[i] = (t % 1000000000) as u32;
        carry = t / 1000000000;
        i += 1;
    }
    while carry > 0 {
        a.push((carry % 1000000000) as u32);
        carry = carry / 1000000000;
    }
}

fn big_cmp(a: &Vec<u32>, b: &Vec<u32>) -> i32 {
    let mut la = a.len();
    while la > 0 && a[la - 1] == 0 {
        la -= 1;
    }
    let mut lb = b.len();
    while lb > 0 && b[lb - 1] == 0 {
        lb -= 1;
    }
    if la != lb {
        return if la < lb { -1 } else { 1 };
    }
    let mut i = la;
    while i > 0 {
        i -= 1;
        if a[i] != b[i] {
            return if a[i] < b[i] { -1 } else { 1 };
        }
    }
    0
}

fn big_add(a: &Vec<u32>, b: &Vec<u32>) -> Vec<u32> {
    let mut r: Vec<u32> = Vec::new();
    let mut carry: u32 = 0;
    let n = if a.len() > b.len() { a.len() } else { b.len() };
    let mut i = 0;
    while i < n {
        let x = if i < a.len() { a[i] } else { 0 };
        let y = if i < b.len() { b[i] } else { 0 };
        let t = x + y + carry;
        r.push(t % 1000000000);
        carry = t / 1000000000;
        i += 1;
    }
    if carry > 0 {
        r.push(carry);
    }
    r
}

/// a -= b (requires a >= b).
fn big_sub(a: &mut Vec<u32>, b: &Vec<u32>) {
    let mut borrow: i64 = 0;
    let mut i = 0;
    while i < a.len() {
        let y = if i < b.len() { b[i] as i64 } else { 0 };
        let mut t = a[i] as i64 - y - borrow;
        if t < 0 {
            t += 1000000000;
            borrow = 1;
        } else {
            borrow = 0;
        }
        a[i] = t as u32;
        i += 1;
    }
}

/// Quotient digit of a / b when it is < 10 (then a -= q*b).
fn big_divrem_digit(a: &mut Vec<u32>, b: &Vec<u32>) -> u32 {
    let mut q = 0;
    while big_cmp(a, b) >= 0 {
        big_sub(a, b);
        q += 1;
    }
    q
}

fn big_pow2(a: &mut Vec<u32>, e: i32) {
    let mut k = e;
    while k >= 29 {
        big_mul_small(a, 536870912);
        k -= 29;
    }
    if k > 0 {
        big_mul_small(a, 1 << k);
    }
}

fn big_pow10(a: &mut Vec<u32>, e: i32) {
    let mut k = e;
    while k >= 9 {
        big_mul_small(a, 1000000000);
        k -= 9;
    }
    while k > 0 {
        big_mul_small(a, 10);
        k -= 1;
    }
}

/// Shortest decimal digits that round-trip (Steele & White / Dragon4 "free-format"), with the
/// exponent of the first digit. Ties follow the round-half-even boundary rules of Rust's impl.
fn shortest_digits(v: f64, is_f32: bool) -> (String, i32) {
    let mut digits = __intrinsic_string_new();
    if v == 0.0 {
        __intrinsic_push_byte(&mut digits, b'0');
        return (digits, 0);
    }
    let (mant, e2, lower_boundary_closer) = decompose(v, is_f32);
    let even = mant % 2 == 0;
    // value = mant * 2^e2. R/S = value; M+/M- = half-gaps.
    let mut r = big_from_u64(mant * 2);
    let mut s = big_from_u64(2);
    let mut mp = big_from_u64(1);
    let mut mm = big_from_u64(1);
    if lower_boundary_closer {
        r = big_from_u64(mant * 4);
        s = big_from_u64(4);
        mp = big_from_u64(2);
    }
    if e2 >= 0 {
        big_pow2(&mut r, e2);
        big_pow2(&mut mp, e2);
        big_pow2(&mut mm, e2);
    } else {
        big_pow2(&mut s, -e2);
    }
    // Estimate k = ceil(log10(v)) and scale.
    let mut k = estimate_k(v);
    if k >= 0 {
        big_pow10(&mut s, k);
    } else {
        big_pow10(&mut r, -k);
        big_pow10(&mut mp, -k);
        big_pow10(&mut mm, -k);
    }
    // Fix the estimate: need (r + mp) < s (or <= when even) to be the first-digit position.
    loop {
        let t = big_add(&r, &mp);
        let c = big_cmp(&t, &s);
        if c > 0 || (even && c == 0) {
            big_mul_small(&mut s, 1);
            let mut s10 = s.clone();
            big_mul_small(&mut s10, 10);
            s = s10;
            k += 1;
        } else {
            break;
        }
    }
    loop {
        let mut t = big_add(&r, &mp);
        big_mul_small(&mut t, 10);
        let c = big_cmp(&t, &s);
        if c < 0 || (!even && c == 0) {
            big_mul_small(&mut r, 10);
            big_mul_small(&mut mp, 10);
            big_mul_small(&mut mm, 10);
            k -= 1;
        } else {
            break;
        }
    }
    let exp = k - 1;
    loop {
        big_mul_small(&mut r, 10);
        big_mul_small(&mut mp, 10);
        big_mul_small(&mut mm, 10);
        let d = big_divrem_digit(&mut r, &s);
        let c1 = big_cmp(&r, &mm);
        let low = c1 < 0 || (even && c1 == 0);
        let t = big_add(&r, &mp);
        let c2 = big_cmp(&t, &s);
        let high = c2 > 0 || (even && c2 == 0);
        if !low && !high {
            __intrinsic_push_byte(&mut digits, b'0' + d as u8);
            continue;
        }
        let mut dd = d;
        if low && high {
            // Closer to the upper digit? compare 2r with s.
            let mut r2 = r.clone();
            big_mul_small(&mut r2, 2);
            let c = big_cmp(&r2, &s);
            if c > 0 || (c == 0 && d % 2 == 1) {
                dd = d + 1;
            }
        } else if high {
            dd = d + 1;
        }
        __intrinsic_push_byte(&mut digits, b'0' + dd as u8);
        break;
    }
    (digits, exp)
}

fn estimate_k(v: f64) -> i32 {
    // ceil(log10(v)) approximately, from the binary exponent; corrected by the caller's loops.
    let bits = __intrinsic_f64_bits(v);
    let e = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let k = (e as f64 * 0.30102999566398114) as i32;
    k
}

/// (mantissa, exponent, lower boundary is closer) with value = mantissa × 2^exponent.
fn decompose(v: f64, is_f32: bool) -> (u64, i32, bool) {
    if is_f32 {
        let f = v as f32;
        let bits = __intrinsic_f32_bits(f) as u64;
        let be = ((bits >> 23) & 0xff) as i32;
        let frac = bits & 0x7fffff;
        if be == 0 {
            return (frac, -149, false);
        }
        return (frac | 0x800000, be - 150, frac == 0 && be > 1);
    }
    let bits = __intrinsic_f64_bits(v);
    let be = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & 0xfffffffffffff;
    if be == 0 {
        return (frac, -1074, false);
    }
    (frac | 0x10000000000000, be - 1075, frac == 0 && be > 1)
}

fn __intrinsic_f32_bits(x: f32) -> u32 {
    0
}

/// Exactly rounded fixed notation with `prec` fractional digits (round half to even on exact ties).
fn fixed_digits(out: &mut String, v: f64, prec: usize) {
    let (mant, e2, _) = decompose(v, false);
    // value = mant * 2^e2 ; scaled = value * 10^prec = num / den
    let mut num = big_from_u64(mant);
    let mut den = big_from_u64(1);
    if e2 >= 0 {
        big_pow2(&mut num, e2);
    } else {
        big_pow2(&mut den, -e2);
    }
    big_pow10(&mut num, prec as i32);
    // integer part q = num / den (by repeated digit extraction), remainder for rounding
    let mut q_digits = __intrinsic_string_new();
    // find highest power of ten: scale den up until > num
    let mut scale = 0;
    let mut d = den.clone();
    while big_cmp(&d, &num) <= 0 {
        big_mul_small(&mut d, 10);
        scale += 1;
    }
    let mut rem = num.clone();
    let mut i = scale;
    while i > 0 {
        i -= 1;
        let mut dd = den.clone();
        big_pow10(&mut dd, i);
        let digit = big_divrem_digit(&mut rem, &dd);
        __intrinsic_push_byte(&mut q_digits, b'0' + digit as u8);
    }
    if q_digits.len() == 0 {
        __intrinsic_push_byte(&mut q_digits, b'0');
    }
    // rounding: compare 2*rem with den
    let mut r2 = rem.clone();
    big_mul_small(&mut r2, 2);
    let c = big_cmp(&r2, &den);
    let last_odd = (__intrinsic_byte(string_as_str(&q_digits), q_digits.len() - 1) - b'0') % 2 == 1;
    if c > 0 || (c == 0 && last_odd) {
        // increment decimal string
        let mut bytes: Vec<u8> = Vec::new();
        let mut k = 0;
        while k < q_digits.len() {
            bytes.push(__intrinsic_byte(string_as_str(&q_digits), k));
            k += 1;
        }
        let mut j = bytes.len();
        let mut carry = true;
        while carry && j > 0 {
            j -= 1;
            if bytes[j] == b'9' {
                bytes[j] = b'0';
            } else {
                bytes[j] += 1;
                carry = false;
            }
        }
        let mut s2 = __intrinsic_string_new();
        if carry {
            __intrinsic_push_byte(&mut s2, b'1');
        }
        let mut k = 0;
        while k < bytes.len() {
            __intrinsic_push_byte(&mut s2, bytes[k]);
            k += 1;
        }
        q_digits = s2;
    }
    // pad to at least prec+1 digits
    let mut full = __intrinsic_string_new();
    let mut z = if q_digits.len() < prec + 1 { prec + 1 - q_digits.len() } else { 0 };
    while z > 0 {
        __intrinsic_push_byte(&mut full, b'0');
        z -= 1;
    }
    __intrinsic_push_str(&mut full, string_as_str(&q_digits));
    let f = string_as_str(&full);
    let int_len = f.len() - prec;
    __intrinsic_push_str(out, __intrinsic_sub(f, 0, int_len));
    if prec > 0 {
        __intrinsic_push_byte(out, b'.');
        __intrinsic_push_str(out, __intrinsic_sub(f, int_len, prec));
    }
}

// ---------------------------------------------------------------- parsing

/// Parses an integer like `str::parse`: returns (error kind, value bits). Kinds: 0 ok, 1 Empty,
/// 2 InvalidDigit, 3 PosOverflow, 4 NegOverflow. `max_neg` is |MIN| (0 for unsigned types).
/// `from_str_radix`'s panic on a radix outside `2..=36` (rustc 1.95's text).
fn check_radix(loc: &str, radix: u32) {
    if radix < 2 || radix > 36 {
        let mut m = __intrinsic_string_new();
        __intrinsic_push_str(&mut m, "from_ascii_radix: radix must lie in the range `[2, 36]` - found ");
        push_usize(&mut m, radix as usize);
        panic_str(loc, string_as_str(&m))
    }
}

/// `str::parse` / `from_str_radix` of an integer: (0 Ok / IntErrorKind + 1, magnitude bits).
fn parse_int(s: &str, radix: u32, signed: bool, max_pos: u64, max_neg: u64) -> (i32, u64) {
    if s.len() == 0 {
        return (1, 0);
    }
    let mut i = 0;
    let mut neg = false;
    let c0 = __intrinsic_byte(s, 0);
    if c0 == b'+' || (c0 == b'-' && signed) {
        neg = c0 == b'-';
        i = 1;
        if s.len() == 1 {
            return (2, 0);
        }
    }
    let limit = if neg { max_neg } else { max_pos };
    let mut v: u64 = 0;
    let mut over = false;
    while i < s.len() {
        let b = __intrinsic_byte(s, i);
        let d = if b >= b'0' && b <= b'9' {
            (b - b'0') as u64
        } else if b >= b'a' && b <= b'z' {
            (b - b'a') as u64 + 10
        } else if b >= b'A' && b <= b'Z' {
            (b - b'A') as u64 + 10
        } else {
            99
        };
        if d >= radix as u64 {
            return (2, 0);
        }
        if !over {
            if v > (limit - d) / radix as u64 {
                over = true;
            } else {
                v = v * radix as u64 + d;
            }
        }
        i += 1;
    }
    if over {
        return (if neg { 4 } else { 3 }, 0);
    }
    (0, if neg { 0 - v } else { v })
}

fn lower_ascii(b: u8) -> u8 {
    if b >= b'A' && b <= b'Z' { b + 32 } else { b }
}

fn eq_ignore_case(s: &str, t: &str) -> bool {
    if s.len() != t.len() {
        return false;
    }
    let mut i = 0;
    while i < s.len() {
        if lower_ascii(__intrinsic_byte(s, i)) != lower_ascii(__intrinsic_byte(t, i)) {
            return false;
        }
        i += 1;
    }
    true
}

fn pow10(e: i32) -> f64 {
    let mut r = 1.0;
    let mut i = 0;
    while i < e {
        r = r * 10.0;
        i += 1;
    }
    r
}

/// Parses a float like `str::parse::<f64>`: (error kind 0 ok / 1 Empty / 2 Invalid, value).
fn parse_float(s: &str) -> (i32, f64) {
    if s.len() == 0 {
        return (1, 0.0);
    }
    let mut i = 0;
    let mut neg = false;
    let c0 = __intrinsic_byte(s, 0);
    if c0 == b'+' || c0 == b'-' {
        neg = c0 == b'-';
        i = 1;
    }
    let rest = __intrinsic_sub(s, i, s.len() - i);
    if eq_ignore_case(rest, "inf") || eq_ignore_case(rest, "infinity") {
        return (0, if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if eq_ignore_case(rest, "nan") {
        return (0, f64::NAN);
    }
    let mut mant: u64 = 0;
    let mut ndigits = 0;
    let mut exp: i32 = 0;
    let mut any = false;
    let mut exact = true;
    while i < s.len() && __intrinsic_byte(s, i) >= b'0' && __intrinsic_byte(s, i) <= b'9' {
        any = true;
        if ndigits < 19 {
            mant = mant * 10 + (__intrinsic_byte(s, i) - b'0') as u64;
            if mant != 0 {
                ndigits += 1;
            }
        } else {
            exp += 1;
            if __intrinsic_byte(s, i) != b'0' {
                exact = false;
            }
        }
        i += 1;
    }
    if i < s.len() && __intrinsic_byte(s, i) == b'.' {
        i += 1;
        while i < s.len() && __intrinsic_byte(s, i) >= b'0' && __intrinsic_byte(s, i) <= b'9' {
            any = true;
            if ndigits < 19 {
                mant = mant * 10 + (__intrinsic_byte(s, i) - b'0') as u64;
                if mant != 0 {
                    ndigits += 1;
                }
                exp -= 1;
            } else if __intrinsic_byte(s, i) != b'0' {
                exact = false;
            }
            i += 1;
        }
    }
    if !any {
        return (2, 0.0);
    }
    if i < s.len() && (__intrinsic_byte(s, i) == b'e' || __intrinsic_byte(s, i) == b'E') {
        i += 1;
        let mut eneg = false;
        if i < s.len() && (__intrinsic_byte(s, i) == b'+' || __intrinsic_byte(s, i) == b'-') {
            eneg = __intrinsic_byte(s, i) == b'-';
            i += 1;
        }
        if i >= s.len() {
            return (2, 0.0);
        }
        let mut e: i32 = 0;
        while i < s.len() {
            let b = __intrinsic_byte(s, i);
            if b < b'0' || b > b'9' {
                return (2, 0.0);
            }
            if e < 100000 {
                e = e * 10 + (b - b'0') as i32;
            }
            i += 1;
        }
        exp += if eneg { -e } else { e };
    }
    if i != s.len() {
        return (2, 0.0);
    }
    let _ = exact;
    let mut v = mant as f64;
    if mant != 0 {
        if exp > 0 {
            if exp > 308 + 19 {
                v = f64::INFINITY;
            } else {
                v = v * pow10(exp);
            }
        } else if exp < 0 {
            if exp < -343 {
                v = 0.0;
            } else if exp < -308 {
                v = v / pow10(-exp - 300) / pow10(300);
            } else {
                v = v / pow10(-exp);
            }
        }
    }
    (0, if neg { -v } else { v })
}

// ---------------------------------------------------------------- integer methods (on i64 bit patterns)

/// Sign- or zero-extends the low `bits` of `v`.
fn int_norm(v: i64, signed: bool, bits: i32) -> i64 {
    if bits == 64 {
        return v;
    }
    let sh = 64 - bits;
    if signed { (v << sh) >> sh } else { ((v as u64) << sh >> sh) as i64 }
}

fn int_min_of(signed: bool, bits: i32) -> i64 {
    if !signed { 0 } else if bits == 64 { i64::MIN } else { -(1i64 << (bits - 1)) }
}

fn int_max_of(signed: bool, bits: i32) -> i64 {
    if signed {
        if bits == 64 { i64::MAX } else { (1i64 << (bits - 1)) - 1 }
    } else if bits == 64 {
        -1
    } else {
        (1i64 << bits) - 1
    }
}

/// (overflowed, wrapped result) of a op b for the given integer type.
fn overflowing_add(a: i64, b: i64, signed: bool, bits: i32) -> (bool, i64) {
    let r = int_norm(a + b, signed, bits);
    let over = if bits < 64 {
        r != a + b
    } else if signed {
        ((a ^ r) & (b ^ r)) < 0
    } else {
        (r as u64) < (a as u64)
    };
    (over, r)
}

fn overflowing_sub(a: i64, b: i64, signed: bool, bits: i32) -> (bool, i64) {
    let r = int_norm(a - b, signed, bits);
    let over = if bits < 64 {
        r != a - b
    } else if signed {
        ((a ^ b) & (a ^ r)) < 0
    } else {
        (a as u64) < (b as u64)
    };
    (over, r)
}

fn overflowing_mul(a: i64, b: i64, signed: bool, bits: i32) -> (bool, i64) {
    let r = int_norm(a * b, signed, bits);
    let over = if bits <= 32 {
        r != a * b || (!signed && (a as u64) * (b as u64) != (r as u64))
    } else if signed {
        mul_overflows_i64(a, b)
    } else {
        mul_overflows_u64(a as u64, b as u64)
    };
    (over, r)
}

fn int_wrapping_neg(a: i64, signed: bool, bits: i32) -> i64 {
    int_norm(0 - a, signed, bits)
}

fn int_signum(a: i64, signed: bool, bits: i32) -> i64 {
    if a > 0 { 1 } else if a < 0 { -1 } else { 0 }
}

fn int_is_positive(a: i64, signed: bool, bits: i32) -> i64 {
    if a > 0 { 1 } else { 0 }
}

fn int_is_negative(a: i64, signed: bool, bits: i32) -> i64 {
    if a < 0 { 1 } else { 0 }
}

fn int_rem_euclid(a: i64, b: i64, signed: bool, bits: i32) -> i64 {
    if !signed {
        return ((a as u64) % (b as u64)) as i64;
    }
    let r = a % b;
    if r < 0 {
        if b < 0 { r - b } else { r + b }
    } else {
        r
    }
}

fn int_div_euclid(a: i64, b: i64, signed: bool, bits: i32) -> i64 {
    if !signed {
        return ((a as u64) / (b as u64)) as i64;
    }
    let q = a / b;
    if a % b < 0 {
        if b > 0 { q - 1 } else { q + 1 }
    } else {
        q
    }
}

fn int_count_ones(a: i64, signed: bool, bits: i32) -> i64 {
    let mut v = if bits == 64 { a as u64 } else { (a as u64) & ((1u64 << bits) - 1) };
    let mut n = 0;
    while v != 0 {
        n += (v & 1) as i64;
        v = v >> 1;
    }
    n
}

fn int_count_zeros(a: i64, signed: bool, bits: i32) -> i64 {
    bits as i64 - int_count_ones(a, signed, bits)
}

fn int_leading_zeros(a: i64, signed: bool, bits: i32) -> i64 {
    let mut n = 0;
    let mut i = bits - 1;
    while i >= 0 {
        if (a >> i) & 1 != 0 {
            return n;
        }
        n += 1;
        i -= 1;
    }
    n
}

fn int_trailing_zeros(a: i64, signed: bool, bits: i32) -> i64 {
    let mut n = 0;
    while n < bits as i64 {
        if (a >> n) & 1 != 0 {
            return n;
        }
        n += 1;
    }
    n
}

fn int_rotate_left(a: i64, k: i64, signed: bool, bits: i32) -> i64 {
    let k = (k % bits as i64) as i32;
    if k == 0 {
        return a;
    }
    let u = if bits == 64 { a as u64 } else { (a as u64) & ((1u64 << bits) - 1) };
    let r = (u << k) | (u >> (bits - k));
    int_norm(r as i64, signed, bits)
}

fn int_rotate_right(a: i64, k: i64, signed: bool, bits: i32) -> i64 {
    let k = (k % bits as i64) as i32;
    int_rotate_left(a, (bits - k) as i64, signed, bits)
}

fn int_is_power_of_two(a: i64, signed: bool, bits: i32) -> i64 {
    if int_count_ones(a, signed, bits) == 1 { 1 } else { 0 }
}

fn int_abs_diff(a: i64, b: i64, signed: bool, bits: i32) -> i64 {
    if signed {
        if a > b { a - b } else { b - a }
    } else if (a as u64) > (b as u64) {
        a - b
    } else {
        b - a
    }
}

fn int_clamp(a: i64, lo: i64, hi: i64, signed: bool, bits: i32) -> i64 {
    if signed || bits < 64 {
        if a < lo { lo } else if a > hi { hi } else { a }
    } else if (a as u64) < (lo as u64) {
        lo
    } else if (a as u64) > (hi as u64) {
        hi
    } else {
        a
    }
}

fn int_wrapping_pow(a: i64, e: i64, signed: bool, bits: i32) -> i64 {
    let mut r: i64 = 1;
    let mut i = 0;
    while i < e {
        r = int_norm(r * a, signed, bits);
        i += 1;
    }
    r
}

fn int_checked_pow(a: i64, e: i64, signed: bool, bits: i32) -> (bool, i64) {
    let mut r: i64 = 1;
    let mut i = 0;
    while i < e {
        let (o, v) = overflowing_mul(r, a, signed, bits);
        if o {
            return (false, 0);
        }
        r = v;
        i += 1;
    }
    (true, r)
}

// ---------------------------------------------------------------- float methods

fn fmin(a: f64, b: f64) -> f64 {
    if a != a { b } else if b != b { a } else if a < b { a } else { b }
}

fn fmax(a: f64, b: f64) -> f64 {
    if a != a { b } else if b != b { a } else if a > b { a } else { b }
}

fn float_round(x: f64) -> f64 {
    let t = __intrinsic_trunc(x);
    let d = x - t;
    if d >= 0.5 {
        t + 1.0
    } else if d <= -0.5 {
        t - 1.0
    } else {
        t
    }
}

fn float_signum(x: f64) -> f64 {
    if x != x {
        x
    } else if (__intrinsic_f64_bits(x) >> 63) != 0 {
        -1.0
    } else {
        1.0
    }
}

fn float_fract(x: f64) -> f64 {
    x - __intrinsic_trunc(x)
}

fn float_is_nan(x: f64) -> bool {
    x != x
}

fn float_is_infinite(x: f64) -> bool {
    x == f64::INFINITY || x == f64::NEG_INFINITY
}

fn float_is_finite(x: f64) -> bool {
    !float_is_nan(x) && !float_is_infinite(x)
}

fn float_is_sign_negative(x: f64) -> bool {
    (__intrinsic_f64_bits(x) >> 63) != 0
}

fn float_is_sign_positive(x: f64) -> bool {
    (__intrinsic_f64_bits(x) >> 63) == 0
}

fn float_to_degrees(x: f64) -> f64 {
    x * (180.0 / 3.141592653589793)
}

fn float_to_radians(x: f64) -> f64 {
    x * (3.141592653589793 / 180.0)
}

fn float_clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo { lo } else if x > hi { hi } else { x }
}

fn float_mul_add(a: f64, b: f64, c: f64) -> f64 {
    a * b + c
}

fn float_powi(x: f64, n: i32) -> f64 {
    let mut r = 1.0;
    let mut b = x;
    let mut e = if n < 0 { -(n as i64) } else { n as i64 };
    while e > 0 {
        if e & 1 == 1 {
            r = r * b;
        }
        b = b * b;
        e = e >> 1;
    }
    if n < 0 { 1.0 / r } else { r }
}

// ---------------------------------------------------------------- Vec panics

/// "`what` (is `index`) should be `rel` len (is `len`)", the shape of std's Vec index panics.
fn panic_vec_index(loc: &str, what: &str, index: usize, rel: &str, len: usize) -> ! {
    let mut m = __intrinsic_string_new();
    __intrinsic_push_str(&mut m, what);
    __intrinsic_push_str(&mut m, " (is ");
    push_usize(&mut m, index);
    __intrinsic_push_str(&mut m, ") should be ");
    __intrinsic_push_str(&mut m, rel);
    __intrinsic_push_str(&mut m, " len (is ");
    push_usize(&mut m, len);
    __intrinsic_push_str(&mut m, ")");
    panic_str(loc, string_as_str(&m))
}

fn panic_insert(loc: &str, index: usize, len: usize) -> ! {
    panic_vec_index(loc, "insertion index", index, "<=", len)
}

fn panic_swap_remove(loc: &str, index: usize, len: usize) -> ! {
    panic_vec_index(loc, "swap_remove index", index, "<", len)
}

fn panic_split_off(loc: &str, at: usize, len: usize) -> ! {
    panic_vec_index(loc, "`at` split index", at, "<=", len)
}

fn panic_remove(loc: &str, index: usize, len: usize) -> ! {
    panic_vec_index(loc, "removal index", index, "<", len)
}

// ---------------------------------------------------------------- environment

fn __intrinsic_args_load() -> usize {
    0
}
fn __intrinsic_load_byte(addr: usize) -> u8 {
    0
}
fn __intrinsic_load_u32(addr: usize) -> usize {
    0
}

/// The command line as Strings (WASI `args_get` into the scratch memory page).
fn env_args() -> Vec<String> {
    let argc = __intrinsic_args_load();
    let mut v: Vec<String> = Vec::new();
    let mut i = 0;
    while i < argc {
        let mut p = __intrinsic_load_u32(64 + 4 * i);
        let mut s = __intrinsic_string_new();
        loop {
            let b = __intrinsic_load_byte(p);
            if b == 0 {
                break;
            }
            __intrinsic_push_byte(&mut s, b);
            p += 1;
        }
        v.push(s);
        i += 1;
    }
    v
}

fn fmt_parse_int_error_display(out: &mut String, kind: i32) {
    __intrinsic_push_str(out, if kind == 1 {
        "cannot parse integer from empty string"
    } else if kind == 2 {
        "invalid digit found in string"
    } else if kind == 3 {
        "number too large to fit in target type"
    } else {
        "number too small to fit in target type"
    });
}

fn fmt_parse_float_error_display(out: &mut String, kind: i32) {
    __intrinsic_push_str(out, if kind == 1 { "cannot parse float from empty string" } else { "invalid float literal" });
}

// ---------------------------------------------------------------- more str methods

fn str_is_char_boundary(s: &str, i: usize) -> bool {
    is_char_boundary(s, i)
}

fn str_split_at(s: &str, mid: usize) -> (&str, &str) {
    let loc = "";
    let a = str_slice(s, 0, mid, loc);
    (a, __intrinsic_sub(s, mid, s.len() - mid))
}

fn string_insert_str(s: &mut String, at: usize, t: &str) {
    let mut out = __intrinsic_string_new();
    let whole = string_as_str(s);
    __intrinsic_push_str(&mut out, __intrinsic_sub(whole, 0, at));
    __intrinsic_push_str(&mut out, t);
    __intrinsic_push_str(&mut out, __intrinsic_sub(whole, at, whole.len() - at));
    __intrinsic_set_len(s, 0);
    __intrinsic_push_str(s, string_as_str(&out));
}

fn string_insert(s: &mut String, at: usize, c: char) {
    let t = char_to_string(c);
    string_insert_str(s, at, string_as_str(&t));
}

fn string_pop(s: &mut String) -> Option<char> {
    if s.len() == 0 {
        return None;
    }
    let whole = string_as_str(s);
    let mut st = whole.len() - 1;
    while !is_char_boundary(whole, st) {
        st -= 1;
    }
    let c = str_char_at(whole, st);
    __intrinsic_set_len(s, st);
    Some(c)
}

fn string_remove(s: &mut String, at: usize) -> char {
    let whole = string_as_str(s);
    let c = str_char_at(whole, at);
    let n = char_len_utf8(c);
    let mut out = __intrinsic_string_new();
    __intrinsic_push_str(&mut out, __intrinsic_sub(whole, 0, at));
    __intrinsic_push_str(&mut out, __intrinsic_sub(whole, at + n, whole.len() - at - n));
    __intrinsic_set_len(s, 0);
    __intrinsic_push_str(s, string_as_str(&out));
    c
}

fn string_truncate(s: &mut String, n: usize) {
    if n < s.len() {
        __intrinsic_set_len(s, n);
    }
}

fn str_splitn(s: &str, n: usize, p: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    if n == 0 {
        return v;
    }
    let mut rest = s;
    while v.len() + 1 < n {
        match str_find(rest, p) {
            Some(i) => {
                v.push(__intrinsic_sub(rest, 0, i));
                rest = __intrinsic_sub(rest, i + p.len(), rest.len() - i - p.len());
            }
            None => break,
        }
    }
    v.push(rest);
    v
}

fn str_rsplitn(s: &str, n: usize, p: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    if n == 0 {
        return v;
    }
    let mut rest = s;
    while v.len() + 1 < n {
        match str_rfind(rest, p) {
            Some(i) => {
                v.push(__intrinsic_sub(rest, i + p.len(), rest.len() - i - p.len()));
                rest = __intrinsic_sub(rest, 0, i);
            }
            None => break,
        }
    }
    v.push(rest);
    v
}

fn str_rsplit(s: &str, p: &str) -> Vec<&str> {
    let mut v = str_split(s, p);
    v.reverse();
    v
}

fn str_split_terminator(s: &str, p: &str) -> Vec<&str> {
    let mut v = str_split(s, p);
    if v.len() > 0 && v[v.len() - 1].len() == 0 {
        v.pop();
    }
    v
}

fn str_matches(s: &str, p: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    let mut i = 0;
    while p.len() > 0 && i + p.len() <= s.len() {
        if str_eq(__intrinsic_sub(s, i, p.len()), p) {
            v.push(__intrinsic_sub(s, i, p.len()));
            i += p.len();
        } else {
            i += 1;
        }
    }
    v
}

fn str_trim_start_matches(s: &str, p: &str) -> &str {
    let mut rest = s;
    while p.len() > 0 && str_starts_with(rest, p) {
        rest = __intrinsic_sub(rest, p.len(), rest.len() - p.len());
    }
    rest
}

fn str_trim_end_matches(s: &str, p: &str) -> &str {
    let mut rest = s;
    while p.len() > 0 && str_ends_with(rest, p) {
        rest = __intrinsic_sub(rest, 0, rest.len() - p.len());
    }
    rest
}

fn str_trim_matches(s: &str, p: &str) -> &str {
    str_trim_end_matches(str_trim_start_matches(s, p), p)
}

fn str_trim_matches_char(s: &str, c: char) -> &str {
    let t = char_to_string(c);
    str_trim_matches(s, string_as_str(&t))
}

fn str_rsplit_once(s: &str, p: &str) -> Option<(&str, &str)> {
    match str_rfind(s, p) {
        Some(i) => Some((__intrinsic_sub(s, 0, i), __intrinsic_sub(s, i + p.len(), s.len() - i - p.len()))),
        None => None,
    }
}

fn str_replacen(s: &str, from: &str, to: &str, n: usize) -> String {
    let mut out = __intrinsic_string_new();
    let mut rest = s;
    let mut k = 0;
    while k < n {
        match str_find(rest, from) {
            Some(i) => {
                __intrinsic_push_str(&mut out, __intrinsic_sub(rest, 0, i));
                __intrinsic_push_str(&mut out, to);
                rest = __intrinsic_sub(rest, i + from.len(), rest.len() - i - from.len());
            }
            None => break,
        }
        k += 1;
    }
    __intrinsic_push_str(&mut out, rest);
    out
}

fn str_strip_prefix_char(s: &str, c: char) -> Option<&str> {
    let t = char_to_string(c);
    str_strip_prefix(s, string_as_str(&t))
}

fn str_strip_suffix_char(s: &str, c: char) -> Option<&str> {
    let t = char_to_string(c);
    str_strip_suffix(s, string_as_str(&t))
}

// ---------------------------------------------------------------- more integer methods

fn int_checked_neg(a: i64, signed: bool, bits: i32) -> (bool, i64) {
    if signed {
        if a == int_min_of(signed, bits) { (false, 0) } else { (true, 0 - a) }
    } else if a == 0 {
        (true, 0)
    } else {
        (false, 0)
    }
}

fn int_checked_abs(a: i64, signed: bool, bits: i32) -> (bool, i64) {
    if signed && a == int_min_of(signed, bits) {
        (false, 0)
    } else if a < 0 && signed {
        (true, 0 - a)
    } else {
        (true, a)
    }
}

fn int_masked(a: i64, bits: i32) -> u64 {
    if bits == 64 { a as u64 } else { (a as u64) & ((1u64 << bits) - 1) }
}

fn int_checked_shl(a: i64, k: i64, signed: bool, bits: i32) -> (bool, i64) {
    if k < 0 || k >= bits as i64 {
        return (false, 0);
    }
    (true, int_norm(a << k, signed, bits))
}

fn int_checked_shr(a: i64, k: i64, signed: bool, bits: i32) -> (bool, i64) {
    if k < 0 || k >= bits as i64 {
        return (false, 0);
    }
    if signed { (true, a >> k) } else { (true, (int_masked(a, bits) >> k) as i64) }
}

fn int_wrapping_shl(a: i64, k: i64, signed: bool, bits: i32) -> i64 {
    int_norm(a << (k & (bits as i64 - 1)), signed, bits)
}

fn int_wrapping_shr(a: i64, k: i64, signed: bool, bits: i32) -> i64 {
    let k = k & (bits as i64 - 1);
    if signed { a >> k } else { (int_masked(a, bits) >> k) as i64 }
}

fn int_wrapping_div(a: i64, b: i64, signed: bool, bits: i32) -> i64 {
    if signed {
        if a == int_min_of(signed, bits) && b == -1 { a } else { a / b }
    } else {
        (int_masked(a, bits) / int_masked(b, bits)) as i64
    }
}

fn int_wrapping_rem(a: i64, b: i64, signed: bool, bits: i32) -> i64 {
    if signed {
        if b == -1 { 0 } else { a % b }
    } else {
        (int_masked(a, bits) % int_masked(b, bits)) as i64
    }
}

fn int_wrapping_abs(a: i64, signed: bool, bits: i32) -> i64 {
    if signed && a < 0 { int_norm(0 - a, signed, bits) } else { a }
}

fn int_unsigned_abs(a: i64, signed: bool, bits: i32) -> i64 {
    if signed && a < 0 { int_norm(0 - a, false, bits) } else { a }
}

fn int_saturating_neg(a: i64, signed: bool, bits: i32) -> i64 {
    if a == int_min_of(signed, bits) { int_max_of(signed, bits) } else { 0 - a }
}

fn int_saturating_pow(a: i64, e: i64, signed: bool, bits: i32) -> i64 {
    let (ok, v) = int_checked_pow(a, e, signed, bits);
    if ok {
        v
    } else if signed && a < 0 && e % 2 == 1 {
        int_min_of(signed, bits)
    } else {
        int_max_of(signed, bits)
    }
}

fn int_overflowing_add(a: i64, b: i64, signed: bool, bits: i32) -> (bool, i64) {
    overflowing_add(a, b, signed, bits)
}

fn int_overflowing_sub(a: i64, b: i64, signed: bool, bits: i32) -> (bool, i64) {
    overflowing_sub(a, b, signed, bits)
}

fn int_overflowing_mul(a: i64, b: i64, signed: bool, bits: i32) -> (bool, i64) {
    overflowing_mul(a, b, signed, bits)
}

// ---------------------------------------------------------------- f64 math (wasm has no transcendental instructions)

fn scale2(x: f64, k: i32) -> f64 {
    // x * 2^k, in steps so subnormal and huge results are reached without intermediate overflow.
    let mut r = x;
    let mut k = k;
    while k > 1000 {
        r = r * __intrinsic_f64_from_bits(((1023 + 1000) as u64) << 52);
        k -= 1000;
    }
    while k < -1000 {
        r = r * __intrinsic_f64_from_bits(((1023 - 1000) as u64) << 52);
        k += 1000;
    }
    r * __intrinsic_f64_from_bits(((1023 + k) as u64) << 52)
}

fn float_exp(x: f64) -> f64 {
    if x != x {
        return x;
    }
    if x > 709.782712893384 {
        return f64::INFINITY;
    }
    if x < -745.1332191019412 {
        return 0.0;
    }
    let ln2_hi = 6.93147180369123816490e-01;
    let ln2_lo = 1.90821492927058770002e-10;
    let kf = float_round(x * 1.4426950408889634);
    let k = kf as i32;
    let r = (x - kf * ln2_hi) - kf * ln2_lo;
    // Taylor series of e^r, |r| <= 0.35
    let mut term = 1.0;
    let mut sum = 1.0;
    let mut n = 1;
    while n < 22 {
        term = term * r / (n as f64);
        sum = sum + term;
        n += 1;
    }
    scale2(sum, k)
}

fn float_exp2(x: f64) -> f64 {
    if x == float_round(x) && x > -1022.0 && x < 1024.0 {
        return scale2(1.0, x as i32);
    }
    float_exp(x * 0.6931471805599453)
}

fn float_ln(x: f64) -> f64 {
    if x != x || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x == f64::INFINITY {
        return x;
    }
    let mut bits = __intrinsic_f64_bits(x);
    let mut e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        // subnormal: normalize
        let y = x * 18014398509481984.0;
        bits = __intrinsic_f64_bits(y);
        e = ((bits >> 52) & 0x7ff) as i32 - 54;
    }
    let mut k = e - 1023;
    let mut m = __intrinsic_f64_from_bits((bits & 0xfffffffffffff) | 0x3ff0000000000000);
    if m > 1.4142135623730951 {
        m = m / 2.0;
        k += 1;
    }
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let mut term = s;
    let mut sum = 0.0;
    let mut n = 1;
    while n < 40 {
        sum = sum + term / (n as f64);
        term = term * s2;
        n += 2;
    }
    let lnm = 2.0 * sum;
    let kf = k as f64;
    kf * 6.93147180369123816490e-01 + (lnm + kf * 1.90821492927058770002e-10)
}

fn float_log10(x: f64) -> f64 {
    let r = float_ln(x) * 0.4342944819032518;
    let n = float_round(r);
    if n >= 0.0 && n <= 22.0 && pow10(n as i32) == x {
        return n;
    }
    if n < 0.0 && n >= -22.0 && 1.0 / pow10(-n as i32) == x {
        return n;
    }
    r
}

fn float_log2(x: f64) -> f64 {
    if x > 0.0 && x != f64::INFINITY {
        let bits = __intrinsic_f64_bits(x);
        if bits & 0xfffffffffffff == 0 && (bits >> 52) != 0 {
            return (((bits >> 52) & 0x7ff) as i32 - 1023) as f64;
        }
    }
    float_ln(x) * 1.4426950408889634
}

fn float_log(x: f64, base: f64) -> f64 {
    float_ln(x) / float_ln(base)
}

fn sin_kernel(r: f64) -> f64 {
    let r2 = r * r;
    let mut term = r;
    let mut sum = r;
    let mut n = 1;
    while n < 12 {
        term = -term * r2 / (((2 * n) * (2 * n + 1)) as f64);
        sum = sum + term;
        n += 1;
    }
    sum
}

fn cos_kernel(r: f64) -> f64 {
    let r2 = r * r;
    let mut term = 1.0;
    let mut sum = 1.0;
    let mut n = 1;
    while n < 12 {
        term = -term * r2 / (((2 * n - 1) * (2 * n)) as f64);
        sum = sum + term;
        n += 1;
    }
    sum
}

/// (quadrant, reduced argument) with |r| <= pi/4.
fn reduce_pio2(x: f64) -> (i64, f64) {
    let pio2_1 = 1.57079632673412561417e+00;
    let pio2_2 = 6.07710050630396597660e-11;
    let pio2_3 = 2.02226624871116645580e-21;
    let kf = float_round(x * 0.6366197723675814);
    let r = ((x - kf * pio2_1) - kf * pio2_2) - kf * pio2_3;
    (kf as i64, r)
}

fn float_sin(x: f64) -> f64 {
    if x != x || x == f64::INFINITY || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    let (k, r) = reduce_pio2(x);
    let q = ((k % 4) + 4) % 4;
    if q == 0 {
        sin_kernel(r)
    } else if q == 1 {
        cos_kernel(r)
    } else if q == 2 {
        -sin_kernel(r)
    } else {
        -cos_kernel(r)
    }
}

fn float_cos(x: f64) -> f64 {
    if x != x || x == f64::INFINITY || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    let (k, r) = reduce_pio2(x);
    let q = ((k % 4) + 4) % 4;
    if q == 0 {
        cos_kernel(r)
    } else if q == 1 {
        -sin_kernel(r)
    } else if q == 2 {
        -cos_kernel(r)
    } else {
        sin_kernel(r)
    }
}

fn float_tan(x: f64) -> f64 {
    float_sin(x) / float_cos(x)
}

fn atan_small(t: f64) -> f64 {
    // |t| <= tan(pi/8)
    let t2 = t * t;
    let mut term = t;
    let mut sum = 0.0;
    let mut n = 1;
    while n < 80 {
        sum = sum + term / (n as f64);
        term = -term * t2;
        n += 2;
    }
    sum
}

fn float_atan(x: f64) -> f64 {
    if x != x {
        return x;
    }
    let neg = x < 0.0;
    let a = if neg { -x } else { x };
    let r = if a > 2.414213562373095 {
        1.5707963267948966 - atan_small(1.0 / a)
    } else if a > 0.41421356237309503 {
        0.7853981633974483 + atan_small((a - 1.0) / (a + 1.0))
    } else {
        atan_small(a)
    };
    let r = if a > 2.414213562373095 && a == f64::INFINITY { 1.5707963267948966 } else { r };
    if neg { -r } else { r }
}

fn float_atan2(y: f64, x: f64) -> f64 {
    if x != x || y != y {
        return f64::NAN;
    }
    let pi = 3.141592653589793;
    if x == 0.0 {
        if y > 0.0 {
            return pi / 2.0;
        }
        if y < 0.0 {
            return -pi / 2.0;
        }
        let xneg = float_is_sign_negative(x);
        if xneg {
            return if float_is_sign_negative(y) { -pi } else { pi };
        }
        return y;
    }
    let a = float_atan(y / x);
    if x > 0.0 {
        a
    } else if y >= 0.0 && !float_is_sign_negative(y) {
        a + pi
    } else {
        a - pi
    }
}

fn float_asin(x: f64) -> f64 {
    if x > 1.0 || x < -1.0 {
        return f64::NAN;
    }
    float_atan2(x, __intrinsic_sqrt(1.0 - x * x))
}

fn float_acos(x: f64) -> f64 {
    if x > 1.0 || x < -1.0 {
        return f64::NAN;
    }
    float_atan2(__intrinsic_sqrt(1.0 - x * x), x)
}

fn float_powf(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if x != x || y != y {
        return f64::NAN;
    }
    let yi = __intrinsic_trunc(y);
    let is_int = yi == y;
    if is_int && y > -2147483648.0 && y < 2147483648.0 {
        return float_powi(x, y as i32);
    }
    if x < 0.0 {
        if !is_int {
            return f64::NAN;
        }
        let odd = fmod(y, 2.0) != 0.0;
        let r = float_exp(y * float_ln(-x));
        return if odd { -r } else { r };
    }
    if x == 0.0 {
        return if y > 0.0 { 0.0 } else { f64::INFINITY };
    }
    float_exp(y * float_ln(x))
}

fn float_cbrt(x: f64) -> f64 {
    if x == 0.0 || x != x || x == f64::INFINITY || x == f64::NEG_INFINITY {
        return x;
    }
    let neg = x < 0.0;
    let a = if neg { -x } else { x };
    let mut r = float_exp(float_ln(a) / 3.0);
    let mut i = 0;
    while i < 3 {
        r = r - (r * r * r - a) / (3.0 * r * r);
        i += 1;
    }
    let n = float_round(r);
    if n * n * n == a {
        r = n;
    }
    if neg { -r } else { r }
}

fn float_hypot(x: f64, y: f64) -> f64 {
    let a = if x < 0.0 { -x } else { x };
    let b = if y < 0.0 { -y } else { y };
    if a == f64::INFINITY || b == f64::INFINITY {
        return f64::INFINITY;
    }
    let m = if a > b { a } else { b };
    if m == 0.0 {
        return 0.0;
    }
    if m > 1e150 || m < 1e-150 {
        let p = a / m;
        let q = b / m;
        return m * __intrinsic_sqrt(p * p + q * q);
    }
    __intrinsic_sqrt(a * a + b * b)
}

fn float_sinh(x: f64) -> f64 {
    (float_exp(x) - float_exp(-x)) / 2.0
}

fn float_cosh(x: f64) -> f64 {
    (float_exp(x) + float_exp(-x)) / 2.0
}

fn float_tanh(x: f64) -> f64 {
    if x > 20.0 {
        return 1.0;
    }
    if x < -20.0 {
        return -1.0;
    }
    let a = float_exp(2.0 * x);
    (a - 1.0) / (a + 1.0)
}

// ---------------------------------------------------------------- Debug helpers

/// `Debug` of str and char writes the quoted text as is: std applies no width/fill (also nested in
/// derived impls, which forward the formatter).
fn fmt_debug_str_spec(out: &mut String, s: &str, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    fmt_debug_str(out, s);
}

fn fmt_debug_char_spec(out: &mut String, c: char, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    fmt_debug_char(out, c);
}

/// Pretty `{:#?}` item: a newline after the opener (for the first item), the item indented by four
/// spaces, then ",\n".
fn push_pretty_item(out: &mut String, item: &str) {
    let o = string_as_str(out);
    if o.len() == 0 || __intrinsic_byte(o, o.len() - 1) != b'\n' {
        __intrinsic_push_byte(out, b'\n');
    }
    __intrinsic_push_str(out, "    ");
    let mut i = 0;
    while i < item.len() {
        let b = __intrinsic_byte(item, i);
        __intrinsic_push_byte(out, b);
        if b == b'\n' && i + 1 < item.len() {
            __intrinsic_push_str(out, "    ");
        }
        i += 1;
    }
    __intrinsic_push_str(out, ",\n");
}

/// `Formatter::debug_*` builders (desugared by typeck/methods/debug_builders.rs); `kind`: 1 struct,
/// 2 tuple, 3 list, 4 set, 5 map. Item `n` (0-based), already formatted, goes after the opener or ", ".
fn debug_builder_item(out: &mut String, pretty: bool, kind: u32, n: usize, item: &str) {
    if n == 0 {
        __intrinsic_push_str(out, debug_builder_open(kind, pretty));
    } else if !pretty {
        __intrinsic_push_str(out, ", ");
    }
    if pretty {
        push_pretty_item(out, item);
    } else {
        __intrinsic_push_str(out, item);
    }
}

fn debug_builder_open(kind: u32, pretty: bool) -> &'static str {
    if kind == 1 {
        if pretty { " {" } else { " { " }
    } else if kind == 2 {
        "("
    } else if kind == 3 {
        "["
    } else {
        "{"
    }
}

/// The end of a builder with `n` items, as std's `finish`/`finish_non_exhaustive` write it.
fn debug_builder_close(out: &mut String, pretty: bool, kind: u32, n: usize, name_empty: bool, non_exhaustive: bool) {
    let close = if kind == 2 { ")" } else if kind == 3 { "]" } else { "}" };
    if n == 0 {
        if kind == 1 {
            if non_exhaustive {
                __intrinsic_push_str(out, " { .. }");
            }
        } else if kind == 2 {
            if non_exhaustive {
                __intrinsic_push_str(out, "(..)");
            }
        } else {
            __intrinsic_push_str(out, debug_builder_open(kind, false));
            if non_exhaustive {
                __intrinsic_push_str(out, "..");
            }
            __intrinsic_push_str(out, close);
        }
        return;
    }
    if pretty {
        if non_exhaustive {
            __intrinsic_push_str(out, "    ..\n");
        }
    } else {
        if kind == 2 && n == 1 && name_empty && !non_exhaustive {
            __intrinsic_push_str(out, ",");
        }
        if non_exhaustive {
            __intrinsic_push_str(out, ", ..");
        }
        if kind == 1 {
            __intrinsic_push_str(out, " ");
        }
    }
    __intrinsic_push_str(out, close);
}

fn panic_copy_len(loc: &str, src: usize, dst: usize) -> ! {
    let mut m = __intrinsic_string_new();
    __intrinsic_push_str(&mut m, "source slice length (");
    push_usize(&mut m, src);
    __intrinsic_push_str(&mut m, ") does not match destination slice length (");
    push_usize(&mut m, dst);
    __intrinsic_push_str(&mut m, ")");
    panic_str(loc, string_as_str(&m))
}

fn str_get(s: &str, lo: usize, hi: usize) -> Option<&str> {
    if lo > hi || hi > s.len() || !is_char_boundary(s, lo) || !is_char_boundary(s, hi) {
        None
    } else {
        Some(__intrinsic_sub(s, lo, hi - lo))
    }
}

/// `{:e}` of an integer: digits with trailing zeros dropped (unless a precision asks for them).
fn fmt_int_exp(out: &mut String, v: u64, signed: bool, radix: u32, fill: char, align: u32, width: usize, flags: u32, prec: i32) {
    let neg = signed && (v as i64) < 0;
    let mut mag = if neg { 0 - v } else { v };
    let mut digits = __intrinsic_string_new();
    if mag == 0 {
        __intrinsic_push_byte(&mut digits, b'0');
    }
    let mut rev: Vec<u8> = Vec::new();
    while mag > 0 {
        rev.push(b'0' + (mag % 10) as u8);
        mag = mag / 10;
    }
    let mut i = rev.len();
    while i > 0 {
        i -= 1;
        __intrinsic_push_byte(&mut digits, rev[i]);
    }
    let d = string_as_str(&digits);
    let exp = d.len() as i32 - 1;
    let mut end = d.len();
    while end > 1 && __intrinsic_byte(d, end - 1) == b'0' {
        end -= 1;
    }
    let mut body = __intrinsic_string_new();
    if neg {
        __intrinsic_push_byte(&mut body, b'-');
    } else if flags & 1 != 0 {
        __intrinsic_push_byte(&mut body, b'+');
    }
    if prec >= 0 && (if neg { 0 - v } else { v }) != 0 {
        // exactly rounded significant digits (exact for magnitudes below 2^53)
        let m = if neg { 0 - v } else { v };
        let (ds, e2) = significant_digits(m as f64, exp, prec as usize + 1);
        exp_notation(&mut body, string_as_str(&ds), e2, prec, radix == 101);
    } else {
        exp_notation(&mut body, __intrinsic_sub(d, 0, end), exp, -1, radix == 101);
    }
    let n = body.len();
    pad(out, string_as_str(&body), n, fill, align, width, 3);
}

/// Start of the char that ends at byte `end` (> 0).
fn str_prev_char_start(s: &str, end: usize) -> usize {
    let mut i = end - 1;
    while !is_char_boundary(s, i) {
        i -= 1;
    }
    i
}

/// The first `n` significant decimal digits of `v` (> 0), exactly rounded half-to-even, with the decimal
/// exponent of the first digit (`exp` is the exponent estimate from the shortest representation).
fn significant_digits(v: f64, exp: i32, n: usize) -> (String, i32) {
    let (mant, e2, _) = decompose(v, false);
    // value * 10^(n - 1 - exp) = num / den
    let mut num = big_from_u64(mant);
    let mut den = big_from_u64(1);
    if e2 >= 0 {
        big_pow2(&mut num, e2);
    } else {
        big_pow2(&mut den, -e2);
    }
    let k = n as i32 - 1 - exp;
    if k >= 0 {
        big_pow10(&mut num, k);
    } else {
        big_pow10(&mut den, -k);
    }
    // integer part has n digits (or n+1 after rounding up 9.99..)
    let mut digits: Vec<u8> = Vec::new();
    let mut rem = num.clone();
    let mut i = n as i32;
    while i > 0 {
        i -= 1;
        let mut dd = den.clone();
        big_pow10(&mut dd, i);
        let d = big_divrem_digit(&mut rem, &dd);
        digits.push(b'0' + d as u8);
    }
    let mut r2 = rem.clone();
    big_mul_small(&mut r2, 2);
    let c = big_cmp(&r2, &den);
    let last_odd = (digits[digits.len() - 1] - b'0') % 2 == 1;
    let mut e = exp;
    if c > 0 || (c == 0 && last_odd) {
        let mut j = digits.len();
        let mut carry = true;
        while carry && j > 0 {
            j -= 1;
            if digits[j] == b'9' {
                digits[j] = b'0';
            } else {
                digits[j] += 1;
                carry = false;
            }
        }
        if carry {
            digits.insert(0, b'1');
            digits.pop();
            e += 1;
        }
    }
    let mut out = __intrinsic_string_new();
    let mut k2 = 0;
    while k2 < digits.len() {
        __intrinsic_push_byte(&mut out, digits[k2]);
        k2 += 1;
    }
    (out, e)
}

/// `std::cmp::Ordering`: paths `std::cmp::Ordering[::X]` resolve here (see `resolve::std_def`). Variant
/// indices 0/1/2 keep the derived order Less < Equal < Greater.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord, Hash)]
enum Ordering {
    Less,
    Equal,
    Greater,
}

impl Ordering {
    fn reverse(self) -> Ordering {
        match self {
            Ordering::Less => Ordering::Greater,
            Ordering::Equal => Ordering::Equal,
            Ordering::Greater => Ordering::Less,
        }
    }
    fn then(self, other: Ordering) -> Ordering {
        match self {
            Ordering::Equal => other,
            _ => self,
        }
    }
    fn is_eq(self) -> bool {
        self == Ordering::Equal
    }
    fn is_ne(self) -> bool {
        self != Ordering::Equal
    }
    fn is_lt(self) -> bool {
        self == Ordering::Less
    }
    fn is_gt(self) -> bool {
        self == Ordering::Greater
    }
    fn is_le(self) -> bool {
        self != Ordering::Greater
    }
    fn is_ge(self) -> bool {
        self != Ordering::Less
    }
}

/// `std::num::TryFromIntError`: the error of `u8::try_from(300)` and friends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TryFromIntError(());

impl std::fmt::Display for TryFromIntError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "out of range integral type conversion attempted")
    }
}

/// `Box<dyn std::error::Error>`: the boxed error's `Display` and `Debug` text, rendered when it is
/// boxed (`typeck/dyn_error.rs`), which is all a program can observe of it short of downcasting.
struct DynError {
    display: String,
    debug: String,
    pretty: String,
}

impl std::fmt::Display for DynError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.display)
    }
}

impl std::fmt::Debug for DynError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if f.alternate() {
            f.write_str(&self.pretty)
        } else {
            f.write_str(&self.debug)
        }
    }
}

/// `e` as a `Box<dyn Error>` (also `&str`/`String` messages: `Err("bad input".into())`).
fn dyn_error_from<E: std::fmt::Debug + std::fmt::Display>(e: E) -> DynError {
    DynError { display: format!("{}", e), debug: format!("{:?}", e), pretty: format!("{:#?}", e) }
}

/// `isqrt` of an unsigned integer (`typeck/methods/num_extra.rs`): Newton's method from above, in
/// integers (the first step is `n / 2 + 1`, so nothing overflows even for `u64::MAX`).
fn isqrt_u64(n: u64) -> u64 {
    if n < 2 {
        return n;
    }
    let mut x = n / 2 + 1;
    let mut y = (x + n / x) / 2;
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}
