
// ---------------------------------------------------------------- UTF-8 conversions (std/utf8.rs)
// `String::from_utf8`, `String::from_utf8_lossy`, `std::str::from_utf8` and their error types, with
// std's exact validation (`valid_up_to`, `error_len`), Debug (derived, as std) and Display texts.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Utf8Error {
    valid_up_to: usize,
    error_len: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FromUtf8Error {
    bytes: Vec<u8>,
    error: Utf8Error,
}

impl Utf8Error {
    fn valid_up_to(&self) -> usize {
        self.valid_up_to
    }
    fn error_len(&self) -> Option<usize> {
        match self.error_len {
            Some(n) => Some(n as usize),
            None => None,
        }
    }
}

impl FromUtf8Error {
    fn utf8_error(&self) -> Utf8Error {
        self.error
    }
    fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
    fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl std::fmt::Display for Utf8Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.error_len {
            Some(n) => write!(f, "invalid utf-8 sequence of {} bytes from index {}", n, self.valid_up_to),
            None => write!(f, "incomplete utf-8 byte sequence from index {}", self.valid_up_to),
        }
    }
}

impl std::fmt::Display for FromUtf8Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.error.error_len {
            Some(n) => write!(f, "invalid utf-8 sequence of {} bytes from index {}", n, self.error.valid_up_to),
            None => write!(f, "incomplete utf-8 byte sequence from index {}", self.error.valid_up_to),
        }
    }
}

fn __intrinsic_bytes_to_string(v: Vec<u8>) -> String {
    String::new()
}
fn __intrinsic_bytes_as_str(b: &[u8]) -> &str {
    ""
}

/// std's `run_utf8_validation` from byte `i`: None when valid, else (valid_up_to, error_len) with
/// error_len 0 for an incomplete sequence at the end.
fn utf8_check(v: &[u8], from: usize) -> Option<(usize, u8)> {
    let n = v.len();
    let mut i = from;
    while i < n {
        let first = v[i];
        if first < 128 {
            i += 1;
            continue;
        }
        let w = if first >= 0xC2 && first <= 0xDF {
            2
        } else if first >= 0xE0 && first <= 0xEF {
            3
        } else if first >= 0xF0 && first <= 0xF4 {
            4
        } else {
            0
        };
        if w == 0 {
            return Some((i, 1));
        }
        if i + 1 >= n {
            return Some((i, 0));
        }
        let b1 = v[i + 1];
        let ok1 = if w == 2 {
            b1 >= 0x80 && b1 <= 0xBF
        } else if w == 3 {
            (first == 0xE0 && b1 >= 0xA0 && b1 <= 0xBF) || (first >= 0xE1 && first <= 0xEC && b1 >= 0x80 && b1 <= 0xBF) || (first == 0xED && b1 >= 0x80 && b1 <= 0x9F) || (first >= 0xEE && b1 >= 0x80 && b1 <= 0xBF)
        } else {
            (first == 0xF0 && b1 >= 0x90 && b1 <= 0xBF) || (first >= 0xF1 && first <= 0xF3 && b1 >= 0x80 && b1 <= 0xBF) || (first == 0xF4 && b1 >= 0x80 && b1 <= 0x8F)
        };
        if !ok1 {
            return Some((i, 1));
        }
        let mut k = 2;
        while k < w {
            if i + k >= n {
                return Some((i, 0));
            }
            let b = v[i + k];
            if b < 0x80 || b > 0xBF {
                return Some((i, k as u8));
            }
            k += 1;
        }
        i += w;
    }
    None
}

fn string_from_utf8(v: Vec<u8>) -> Result<String, FromUtf8Error> {
    match utf8_check(&v, 0) {
        None => Ok(__intrinsic_bytes_to_string(v)),
        Some((at, len)) => Err(FromUtf8Error { bytes: v, error: Utf8Error { valid_up_to: at, error_len: if len == 0 { None } else { Some(len) } } }),
    }
}

fn str_from_utf8(v: &[u8]) -> Result<&str, Utf8Error> {
    match utf8_check(v, 0) {
        None => Ok(__intrinsic_bytes_as_str(v)),
        Some((at, len)) => Err(Utf8Error { valid_up_to: at, error_len: if len == 0 { None } else { Some(len) } }),
    }
}

/// Each maximal invalid sequence becomes one U+FFFD, as std's `Utf8Chunks`.
fn string_from_utf8_lossy(v: &[u8]) -> String {
    let mut out = __intrinsic_string_new();
    let mut i = 0;
    while i < v.len() {
        match utf8_check(v, i) {
            None => {
                __intrinsic_push_str(&mut out, __intrinsic_bytes_as_str(&v[i..]));
                i = v.len();
            }
            Some((at, len)) => {
                __intrinsic_push_str(&mut out, __intrinsic_bytes_as_str(&v[i..at]));
                string_push(&mut out, '\u{FFFD}');
                i = if len == 0 { v.len() } else { at + len as usize };
            }
        }
    }
    out
}

/// `Chars::as_str` of a stored `chars()` iterator (its remaining chars from `pos`).
fn chars_rest_as_str(items: &Vec<char>, pos: usize) -> &str {
    let mut s = __intrinsic_string_new();
    let mut i = pos;
    while i < items.len() {
        string_push(&mut s, items[i]);
        i += 1;
    }
    __intrinsic_as_str(&s)
}
