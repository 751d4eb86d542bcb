//! `ExternRef`: an opaque host value.

use std::any::Any;
use std::fmt;
use std::rc::Rc;

use crate::collector::{Trace, Tracer};

/// An opaque reference to a value owned by the host (a WasmGC `externref`). Wasm code can store and
/// pass it around but not look inside; natively it is an `Rc<dyn Any>` that the embedder can
/// downcast. Cloning aliases the same host value.
///
/// The collector does not trace into host values: a cycle that goes through an `ExternRef` is not
/// collected (as with `Rc`).
///
/// ```
/// use wasm::ExternRef;
///
/// let r = ExternRef::new(String::from("a DOM node"));
/// let alias = r.clone();
/// assert!(ExternRef::ptr_eq(&r, &alias));
/// assert_eq!(alias.downcast_ref::<String>().map(String::as_str), Some("a DOM node"));
/// assert!(r.downcast_ref::<i32>().is_none());
/// ```
#[derive(Clone)]
pub struct ExternRef {
    value: Rc<dyn Any>,
}

impl ExternRef {
    /// Wraps a host value.
    pub fn new<T: Any>(value: T) -> Self {
        ExternRef {
            value: Rc::new(value),
        }
    }

    /// The host value, if it is a `T`.
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.value.downcast_ref::<T>()
    }

    /// Whether the host value is a `T`.
    pub fn is<T: Any>(&self) -> bool {
        self.value.is::<T>()
    }

    /// Whether both references point to the same host value.
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        Rc::ptr_eq(&this.value, &other.value)
    }
}

impl fmt::Debug for ExternRef {
    /// Opaque, as the host value's type is unknown: `ExternRef(0x…)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ExternRef")
            .field(&Rc::as_ptr(&self.value).cast::<()>())
            .finish()
    }
}

// SAFETY: reports nothing, which is always safe (see the type's docs).
unsafe impl Trace for ExternRef {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut Tracer<'_>) {}
}
