//! Building and inspecting `GcString`s.

use wasm::{GcArray, GcString};

/// The words joined with `sep`.
pub fn join(words: &GcArray<GcString>, sep: &str) -> GcString {
    let mut out = GcString::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out = out.concat(sep);
        }
        out = out.concat(&word);
    }
    out
}

/// The words of `text`, split on spaces, in reverse order.
pub fn reverse_words(text: &GcString) -> GcString {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let reversed: GcArray<GcString> = words.iter().rev().map(|w| GcString::from(*w)).collect();
    join(&reversed, " ")
}

/// Caesar cipher over ASCII letters.
pub fn rot(text: &GcString, by: u8) -> GcString {
    text.chars()
        .map(|c| {
            if c.is_ascii_lowercase() {
                ((c as u8 - b'a' + by) % 26 + b'a') as char
            } else if c.is_ascii_uppercase() {
                ((c as u8 - b'A' + by) % 26 + b'A') as char
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_words() {
        let words = GcArray::from(vec![
            GcString::from("a"),
            GcString::from("bc"),
            GcString::from("d"),
        ]);
        assert_eq!(join(&words, ", "), "a, bc, d");
        assert_eq!(join(&GcArray::from(Vec::new()), "-"), "");
    }

    #[test]
    fn reverses_words() {
        let s = GcString::from("the quick  brown fox");
        assert_eq!(reverse_words(&s), "fox brown quick the");
        assert_eq!(s, "the quick  brown fox");
    }

    #[test]
    fn rotates_letters() {
        let s = GcString::from("Hello, World!");
        let r = rot(&s, 13);
        assert_eq!(r, "Uryyb, Jbeyq!");
        assert_eq!(rot(&r, 13), s);
        assert_eq!(format!("{r}|{r:?}"), "Uryyb, Jbeyq!|\"Uryyb, Jbeyq!\"");
    }

    #[test]
    fn strings_are_values() {
        let a = GcString::from("abc");
        let b = GcString::from(String::from("ab")).concat("c");
        assert_eq!(a, b);
        assert!(!GcString::ptr_eq(&a, &b));
        let abd = GcString::from("abd");
        assert!(a < abd);
        assert_eq!(a.to_uppercase(), "ABC");
    }
}
