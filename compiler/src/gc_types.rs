//! The GC types of the `wasm` facade crate (`GcBox`, `GcRc`, `GcArray`, `GcString`, `ExternRef`) as the
//! compiler knows them: one `Ty::Gc(kind, arg)` constructor for all five, and their WasmGC representation.
//!
//! Representation (no wrapper object, so a `#[wasm::gc]` type is exactly one WasmGC struct type):
//! - `GcBox<T>` / `GcRc<T>`: a reference to `T`'s own struct (a one-field cell struct for scalar `T`);
//!   `clone` copies the reference, `ptr_eq` is `ref.eq`. `GcRc`'s borrows give access to the same object.
//! - `GcArray<T>`: a WasmGC `array` of `T`'s representation (the same array type `[T; N]` uses).
//! - `GcString`: an immutable `(array i8)` of UTF-8; `&str` views are made from it on deref.
//! - `ExternRef`: `externref`.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum GcKind {
    Box,
    Rc,
    Array,
    String,
    Extern,
    /// The errors of `GcRc::try_borrow` / `try_borrow_mut` (`std::cell::BorrowError`/`BorrowMutError`).
    BorrowError,
    BorrowMutError,
}

impl GcKind {
    /// The kind named by a type path's last segment (`GcBox`, ...), if it is one of the GC types.
    pub fn from_name(name: &str) -> Option<GcKind> {
        Some(match name {
            "GcBox" => GcKind::Box,
            "GcRc" => GcKind::Rc,
            "GcArray" => GcKind::Array,
            "GcString" => GcKind::String,
            "ExternRef" => GcKind::Extern,
            "BorrowError" => GcKind::BorrowError,
            "BorrowMutError" => GcKind::BorrowMutError,
            _ => return None,
        })
    }

    /// Whether the type takes a type argument (`GcBox<T>`) or none (`GcString`).
    pub fn is_generic(self) -> bool {
        matches!(self, GcKind::Box | GcKind::Rc | GcKind::Array)
    }

    pub fn name(self) -> &'static str {
        match self {
            GcKind::Box => "GcBox",
            GcKind::Rc => "GcRc",
            GcKind::Array => "GcArray",
            GcKind::String => "GcString",
            GcKind::Extern => "ExternRef",
            GcKind::BorrowError => "BorrowError",
            GcKind::BorrowMutError => "BorrowMutError",
        }
    }

    pub fn write_name(self, f: &mut fmt::Formatter<'_>, arg: &dyn fmt::Display) -> fmt::Result {
        if self.is_generic() { write!(f, "{}<{}>", self.name(), arg) } else { f.write_str(self.name()) }
    }
}
