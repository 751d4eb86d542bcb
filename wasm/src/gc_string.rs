//! `GcString`: a shared, immutable UTF-8 string.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::rc::Rc;

use crate::collector::{Trace, Tracer};

/// A shared, immutable UTF-8 string in GC memory (a WasmGC `(array i8)` reference). Cloning aliases
/// it; it derefs to `str`, so every `str` method is available. Natively it is an `Rc<str>`: a string
/// holds no references, so it can never be part of a cycle and needs no tracing.
///
/// ```
/// use wasm::GcString;
///
/// let hello = GcString::from("Hello");
/// let greeting = hello.concat(", ").concat("world");
/// assert_eq!(greeting, "Hello, world");
/// assert_eq!(greeting.len(), 12);
/// assert!(greeting.starts_with("Hello"));
/// assert_eq!(format!("{greeting} / {greeting:?}"), "Hello, world / \"Hello, world\"");
/// ```
#[derive(Clone)]
pub struct GcString {
    text: Rc<str>,
}

impl GcString {
    /// The empty string.
    pub fn new() -> Self {
        GcString::from("")
    }

    /// A new string: `self` followed by `other`.
    pub fn concat(&self, other: &str) -> GcString {
        let mut text = String::with_capacity(self.len() + other.len());
        text.push_str(self);
        text.push_str(other);
        GcString::from(text)
    }

    /// The contents as a `str`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether both references point to the same string object (`ref.eq` in WasmGC).
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        Rc::ptr_eq(&this.text, &other.text)
    }
}

impl Default for GcString {
    fn default() -> Self {
        GcString::new()
    }
}

impl Deref for GcString {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for GcString {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for GcString {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl From<&str> for GcString {
    fn from(text: &str) -> Self {
        GcString {
            text: Rc::from(text),
        }
    }
}

impl From<String> for GcString {
    fn from(text: String) -> Self {
        GcString {
            text: Rc::from(text),
        }
    }
}

impl From<&String> for GcString {
    fn from(text: &String) -> Self {
        GcString::from(text.as_str())
    }
}

impl From<char> for GcString {
    fn from(c: char) -> Self {
        GcString::from(c.encode_utf8(&mut [0; 4]) as &str)
    }
}

impl From<GcString> for String {
    fn from(text: GcString) -> Self {
        String::from(&*text.text)
    }
}

impl FromIterator<char> for GcString {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Self {
        GcString::from(iter.into_iter().collect::<String>())
    }
}

impl<'a> FromIterator<&'a str> for GcString {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        GcString::from(iter.into_iter().collect::<String>())
    }
}

impl fmt::Display for GcString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.text, f)
    }
}

impl fmt::Debug for GcString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text, f)
    }
}

impl PartialEq for GcString {
    fn eq(&self, other: &Self) -> bool {
        *self.text == *other.text
    }
}

impl Eq for GcString {}

/// Same hash as the `str` it holds, so `HashMap<GcString, _>` can be queried with a `&str`.
impl Hash for GcString {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (*self.text).hash(state)
    }
}

impl PartialOrd for GcString {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GcString {
    fn cmp(&self, other: &Self) -> Ordering {
        (*self.text).cmp(&*other.text)
    }
}

macro_rules! eq_with {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for GcString {
            fn eq(&self, other: &$other) -> bool {
                *self.text == **other
            }
        }
        impl PartialEq<GcString> for $other {
            fn eq(&self, other: &GcString) -> bool {
                **self == *other.text
            }
        }
    )*};
}

eq_with!(&str, String);

impl PartialEq<str> for GcString {
    fn eq(&self, other: &str) -> bool {
        *self.text == *other
    }
}

impl PartialEq<GcString> for str {
    fn eq(&self, other: &GcString) -> bool {
        *self == *other.text
    }
}

// SAFETY: a string owns no GC handle.
unsafe impl Trace for GcString {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut Tracer<'_>) {}
}
