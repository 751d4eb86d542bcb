//! Generator and proof of `src/std/unicode_tables.rs`: the Unicode tables behind the std surface's
//! `char::is_alphabetic`/`is_numeric`/`is_lowercase`/`is_uppercase`, `to_uppercase`/`to_lowercase`
//! (also of `str`, with the final-sigma rule) and `{:?}` escaping.
//!
//! Every table is derived from the *native* std's behaviour for all 1 114 112 code points, so the
//! tables are exactly what the rustc running this test implements. The test then decodes the committed
//! tables with the same lookup algorithm the prelude uses (`ucd_in`, `ucd_map` in `std/prelude.rs`) and
//! compares with the native methods for every code point.
//!
//! Regenerate after a toolchain update: `WASMRUST_BLESS=1 cargo test -p wasmrust-compiler --test unicode_tables`.

use std::fmt::Write as _;

/// Code points below this are handled by the prelude's ASCII fast paths and not stored.
const FIRST: u32 = 0x80;

fn chars() -> impl Iterator<Item = char> {
    (FIRST..=0x10FFFF).filter_map(char::from_u32)
}

/// Toggle points per block of a packed set.
const BLOCK: usize = 32;

/// A set as its sorted toggle points (`u` is a member iff an odd number of points are `<= u`),
/// packed: `n` (3 bytes), then per block of 32 points its first point (3 bytes) and the offset of its
/// deltas (2 bytes), then the deltas between consecutive points of each block as LEB128 varints.
/// Surrogates (not chars) take the value of their predecessor, so runs stay long.
fn set_table(member: impl Fn(char) -> bool) -> Vec<u8> {
    let mut points = Vec::new();
    let mut inside = false;
    for u in FIRST..=0x10FFFF {
        let m = match char::from_u32(u) {
            Some(c) => member(c),
            None => inside,
        };
        if m != inside {
            points.push(u);
            inside = m;
        }
    }
    let (mut head, mut stream) = (Vec::new(), Vec::new());
    head.extend_from_slice(&(points.len() as u32).to_le_bytes()[..3]);
    for block in points.chunks(BLOCK) {
        head.extend_from_slice(&block[0].to_le_bytes()[..3]);
        head.extend_from_slice(&(stream.len() as u16).to_le_bytes());
        assert!(stream.len() < 0x10000);
        for w in block.windows(2) {
            let mut d = w[1] - w[0];
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    stream.push(b);
                    break;
                }
                stream.push(b | 0x80);
            }
        }
    }
    head.extend(stream);
    head
}

/// Decodes `set_table` (the prelude's `ucd_in`).
fn set_lookup(t: &[u8], u: u32) -> bool {
    let n = u24(t, 0) as usize;
    let nb = n.div_ceil(BLOCK);
    let (mut lo, mut hi) = (0, nb);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if u24(t, 3 + mid * 5) <= u {
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
    let mut count = b * BLOCK + 1;
    let end = n.min((b + 1) * BLOCK);
    let mut cur = u24(t, e);
    let mut p = 3 + nb * 5 + (t[e + 3] as usize | (t[e + 4] as usize) << 8);
    while count < end {
        let mut d = 0u32;
        let mut shift = 0;
        loop {
            let x = t[p];
            p += 1;
            d |= ((x & 0x7f) as u32) << shift;
            if x < 0x80 {
                break;
            }
            shift += 7;
        }
        cur += d;
        if cur > u {
            break;
        }
        count += 1;
    }
    count % 2 == 1
}

fn u24(t: &[u8], i: usize) -> u32 {
    t[i] as u32 | (t[i + 1] as u32) << 8 | (t[i + 2] as u32) << 16
}

/// Single-char case mappings as runs of 8 bytes: start (3), count (1), delta (3, two's complement
/// 24-bit), step (1): `start + k*step` maps to itself plus delta for `k < count`. Runs never overlap.
fn map_table(map: &[(u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < map.len() {
        let (start, to) = map[i];
        let delta = to as i64 - start as i64;
        let mut n = 1usize;
        let mut step = 0u32;
        while i + n < map.len() && n < 255 {
            let (u, t) = map[i + n];
            let prev = map[i + n - 1].0;
            let s = u - prev;
            let ok = t as i64 - u as i64 == delta && (s == 1 || s == 2) && (step == 0 || s == step);
            if !ok {
                break;
            }
            step = s;
            n += 1;
        }
        let step = if step == 0 { 1 } else { step };
        out.extend_from_slice(&start.to_le_bytes()[..3]);
        out.push(n as u8);
        out.extend_from_slice(&((delta as i32) as u32).to_le_bytes()[..3]);
        out.push(step as u8);
        i += n;
    }
    out
}

/// Decodes `map_table` (the prelude's `ucd_map1`).
fn map_lookup(t: &[u8], u: u32) -> u32 {
    let (mut lo, mut hi) = (0, t.len() / 8);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if u24(t, mid * 8) <= u {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 {
        return u;
    }
    let e = (lo - 1) * 8;
    let (start, count, step) = (u24(t, e), t[e + 3] as u32, t[e + 7] as u32);
    let off = u - start;
    if off % step != 0 || off / step >= count {
        return u;
    }
    let d = u24(t, e + 4);
    let d = if d & 0x80_0000 != 0 { d as i32 - 0x100_0000 } else { d as i32 };
    (u as i32 + d) as u32
}

/// Multi-char mappings: entries of 12 bytes, source then three chars (3 bytes each, 0 = none).
fn multi_table(map: &[(u32, Vec<char>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (u, cs) in map {
        assert!(cs.len() <= 3);
        out.extend_from_slice(&u.to_le_bytes()[..3]);
        for k in 0..3 {
            let v = cs.get(k).map(|&c| c as u32).unwrap_or(0);
            out.extend_from_slice(&v.to_le_bytes()[..3]);
        }
    }
    out
}

fn multi_lookup(t: &[u8], u: u32) -> Option<Vec<char>> {
    let (mut lo, mut hi) = (0, t.len() / 12);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let v = u24(t, mid * 12);
        if v == u {
            let cs = (0..3).map(|k| u24(t, mid * 12 + 3 + k * 3)).take_while(|&x| x != 0).map(|x| char::from_u32(x).unwrap()).collect();
            return Some(cs);
        }
        if v < u {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

fn case_maps(upper: bool) -> (Vec<(u32, u32)>, Vec<(u32, Vec<char>)>) {
    let (mut single, mut multi) = (Vec::new(), Vec::new());
    for c in chars() {
        let m: Vec<char> = if upper { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
        if m.len() == 1 {
            if m[0] != c {
                single.push((c as u32, m[0] as u32));
            }
        } else {
            multi.push((c as u32, m));
        }
    }
    (single, multi)
}

/// `Cased` and `Case_Ignorable` are not public on `char`; the final-sigma rule of `str::to_lowercase`
/// reveals them exactly: "AΣc" lowers the sigma to σ iff c is cased; "AΣcB" iff c is cased or ignorable.
fn cased(c: char) -> bool {
    format!("AΣ{c}").to_lowercase().starts_with("aσ")
}
fn case_ignorable(c: char) -> bool {
    !cased(c) && format!("AΣ{c}B").to_lowercase().starts_with("aσ")
}
/// Escaped as `\u{..}` by `{:?}` (char and str alike since Rust 1.8x: grapheme extenders and
/// non-printables).
fn debug_escaped(c: char) -> bool {
    format!("{c:?}").contains("\\u{")
}

struct Tables {
    sets: Vec<(&'static str, Vec<u8>, fn(char) -> bool)>,
    maps: Vec<(&'static str, Vec<u8>, Vec<u8>, bool)>,
}

fn build() -> Tables {
    let sets: Vec<(&'static str, fn(char) -> bool)> = vec![
        ("ALPHABETIC", char::is_alphabetic),
        ("NUMERIC", char::is_numeric),
        ("LOWERCASE", char::is_lowercase),
        ("UPPERCASE", char::is_uppercase),
        ("CASED", cased),
        ("CASE_IGNORABLE", case_ignorable),
        ("DEBUG_ESCAPE", debug_escaped),
    ];
    let sets = sets.into_iter().map(|(n, f)| (n, set_table(f), f)).collect();
    let maps = [true, false]
        .into_iter()
        .map(|up| {
            let (s, m) = case_maps(up);
            (if up { "UPPER" } else { "LOWER" }, map_table(&s), multi_table(&m), up)
        })
        .collect();
    Tables { sets, maps }
}

fn render(t: &Tables) -> String {
    let mut s = String::new();
    s.push_str("//! Unicode tables of the std surface, GENERATED by `compiler/tests/unicode_tables.rs` from the native\n");
    s.push_str("//! std of the toolchain that ran it (which also proves them identical for every code point).\n");
    s.push_str("//! Do not edit; regenerate with `WASMRUST_BLESS=1 cargo test -p wasmrust-compiler --test unicode_tables`.\n");
    s.push_str("//! Encodings (only code points >= 0x80; ASCII has fast paths): sets are toggle points packed in blocks of\n//! 32 (count, block heads of start + delta offset, LEB128 deltas; see the generator),\n");
    s.push_str("//! `*_MAP` are 8-byte runs (start, count, delta, step), `*_MULTI` are 12-byte entries (char, 3 chars).\n");
    s.push_str("//! A table reaches a module only when a function that reads it is reachable.\n\n");
    let mut put = |name: String, bytes: &[u8]| {
        writeln!(s, "pub const {name}: &[u8] = &[").unwrap();
        for chunk in bytes.chunks(24) {
            let line: Vec<String> = chunk.iter().map(|b| b.to_string()).collect();
            writeln!(s, "    {},", line.join(", ")).unwrap();
        }
        s.push_str("];\n\n");
    };
    for (n, b, _) in &t.sets {
        put(n.to_string(), b);
    }
    for (n, single, multi, _) in &t.maps {
        put(format!("{n}_MAP"), single);
        put(format!("{n}_MULTI"), multi);
    }
    s.push_str("/// The table named by an intrinsic `__intrinsic_ucd_<name>` (lower case).\n");
    s.push_str("pub fn by_name(name: &str) -> Option<&'static [u8]> {\n    Some(match name {\n");
    for (n, _, _) in &t.sets {
        writeln!(s, "        \"{}\" => {n},", n.to_lowercase()).unwrap();
    }
    for (n, _, _, _) in &t.maps {
        writeln!(s, "        \"{}_map\" => {n}_MAP,", n.to_lowercase()).unwrap();
        writeln!(s, "        \"{}_multi\" => {n}_MULTI,", n.to_lowercase()).unwrap();
    }
    s.push_str("        _ => return None,\n    })\n}\n");
    s
}

#[test]
fn unicode_tables_match_native_std() {
    let t = build();
    // The decoders give the native answer for every code point.
    for c in chars() {
        let u = c as u32;
        for (n, tab, f) in &t.sets {
            assert_eq!(set_lookup(tab, u), f(c), "{n} of U+{u:04X}");
        }
        for (n, single, multi, up) in &t.maps {
            let native: Vec<char> = if *up { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
            let ours = multi_lookup(multi, u).unwrap_or_else(|| vec![char::from_u32(map_lookup(single, u)).unwrap()]);
            assert_eq!(ours, native, "{n} of U+{u:04X}");
        }
    }
    // The prelude's hard-coded `is_ws` list is the White_Space property.
    let ws: Vec<u32> = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).map(|c| c as u32).collect();
    let expected: Vec<u32> = [9, 10, 11, 12, 13, 0x20, 0x85, 0xA0, 0x1680].into_iter().chain(0x2000..=0x200A).chain([0x2028, 0x2029, 0x202F, 0x205F, 0x3000]).collect();
    assert_eq!(ws, expected, "White_Space changed: update `is_ws` in std/prelude.rs");
    // ASCII fast paths of the prelude.
    for u in 0..FIRST {
        let c = char::from_u32(u).unwrap();
        assert_eq!(c.is_alphabetic(), c.is_ascii_alphabetic());
        assert_eq!(c.is_numeric(), c.is_ascii_digit());
        assert_eq!(c.is_lowercase(), c.is_ascii_lowercase());
        assert_eq!(c.is_uppercase(), c.is_ascii_uppercase());
        assert_eq!(cased(c), c.is_ascii_alphabetic());
        assert_eq!(case_ignorable(c), matches!(c, '\'' | '.' | ':' | '^' | '`'), "{c:?}");
    }
    let text = render(&t);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/std/unicode_tables.rs");
    if std::env::var_os("WASMRUST_BLESS").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == text, "src/std/unicode_tables.rs is stale for this toolchain: rerun with WASMRUST_BLESS=1");
}
