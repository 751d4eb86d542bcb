//! `GcBox<T>`: a shared, immutable GC reference.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::panic::{RefUnwindSafe, UnwindSafe};

use crate::collector::node::Handle;
use crate::collector::{Trace, Tracer};

/// A shared, immutable reference to a value in GC memory: a WasmGC struct reference (immutable
/// fields). Cloning aliases the same object, like `Rc::clone`.
///
/// ```
/// use wasm::GcBox;
///
/// let a = GcBox::new((1, "one".to_string()));
/// let b = a.clone();
/// assert!(GcBox::ptr_eq(&a, &b));
/// assert_eq!(b.1, "one");
/// assert_eq!(a, GcBox::new((1, "one".to_string()))); // compares values, like `Rc`
/// ```
pub struct GcBox<T> {
    handle: Handle<T>,
}

impl<T: Trace + 'static> GcBox<T> {
    /// Allocates `value` in GC memory.
    pub fn new(value: T) -> Self {
        GcBox {
            handle: Handle::new(value),
        }
    }
}

impl<T> GcBox<T> {
    /// Whether both references point to the same object (`ref.eq` in WasmGC).
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        this.handle.ptr_eq(&other.handle)
    }

    /// The object's address, for identity hashing and debugging (like `Rc::as_ptr`, type-erased).
    pub fn as_ptr(this: &Self) -> *const () {
        this.handle.as_ptr()
    }
}

impl<T> Clone for GcBox<T> {
    fn clone(&self) -> Self {
        GcBox {
            handle: self.handle.clone(),
        }
    }
}

impl<T> Deref for GcBox<T> {
    type Target = T;
    #[track_caller]
    fn deref(&self) -> &T {
        self.handle.value()
    }
}

impl<T> AsRef<T> for GcBox<T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T> Borrow<T> for GcBox<T> {
    fn borrow(&self) -> &T {
        self
    }
}

impl<T: Trace + 'static> From<T> for GcBox<T> {
    fn from(value: T) -> Self {
        GcBox::new(value)
    }
}

impl<T: Trace + Default + 'static> Default for GcBox<T> {
    fn default() -> Self {
        GcBox::new(T::default())
    }
}

impl<T: fmt::Debug> fmt::Debug for GcBox<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: fmt::Display> fmt::Display for GcBox<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<T> fmt::Pointer for GcBox<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Pointer::fmt(&GcBox::as_ptr(self), f)
    }
}

impl<T: PartialEq> PartialEq for GcBox<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for GcBox<T> {}

impl<T: PartialOrd> PartialOrd for GcBox<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        (**self).partial_cmp(&**other)
    }
}

impl<T: Ord> Ord for GcBox<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        (**self).cmp(&**other)
    }
}

impl<T: Hash> Hash for GcBox<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

/// Like `Rc<T>`: the shared value cannot be observed half-modified after a panic.
impl<T: RefUnwindSafe> UnwindSafe for GcBox<T> {}
impl<T: RefUnwindSafe> RefUnwindSafe for GcBox<T> {}

// SAFETY: a `GcBox` owns exactly one handle.
unsafe impl<T> Trace for GcBox<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.handle.trace(tracer)
    }
}
