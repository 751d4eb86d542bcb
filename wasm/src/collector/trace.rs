//! The `Trace` trait: how the cycle collector finds the GC references a value owns.

use super::node::NodePtr;

/// Reports the GC references (`GcBox`, `GcRc`, `GcArray` handles) a value owns, so the native cycle
/// collector can tell references held *inside* GC memory from references held by the program.
///
/// You rarely implement this by hand: `#[wasm::gc]` derives it for structs and enums, and it is
/// implemented for primitives, `String`, `GcString`, `ExternRef`, `Vec`, `VecDeque`, `Option`, `Result`,
/// `Box`, tuples, arrays, `RefCell`, `HashMap`/`BTreeMap`/sets and the GC handles themselves.
///
/// A hand-written implementation forwards to the fields that may hold GC references:
///
/// ```
/// use wasm::GcRc;
/// use wasm::gc::{Trace, Tracer};
///
/// /// A cache entry: `key` holds no GC reference, `value` does.
/// struct Entry {
///     key: std::path::PathBuf,
///     value: Option<GcRc<Entry>>,
/// }
///
/// // SAFETY: reports the only GC handle `Entry` owns, once.
/// unsafe impl Trace for Entry {
///     fn trace(&self, tracer: &mut Tracer<'_>) {
///         self.value.trace(tracer);
///     }
/// }
///
/// let a = GcRc::new(Entry { key: "a".into(), value: None });
/// a.borrow_mut().value = Some(a.clone()); // a cycle
/// drop(a);
/// assert_eq!(wasm::gc::collect(), 1);
/// ```
///
/// # Safety
///
/// `trace` must report every GC handle the value *owns* at most once, must not report handles it does
/// not own (for example handles behind an `Rc`, which may be shared), must not panic, and must not
/// create, drop, clone or mutably borrow any GC value. Reporting too few handles is safe (the objects
/// they reach are then treated as reachable from outside, so a cycle through them leaks like an `Rc`
/// cycle); reporting one too many lets the collector free a live object.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be stored in GC memory",
    label = "not a GC type",
    note = "mark its definition `#[wasm::gc]` (or implement `wasm::gc::Trace` for it)"
)]
pub unsafe trait Trace {
    /// `false` when no value of this type can own a GC handle; such objects can never be part of a
    /// cycle, so the collector never considers them as cycle candidates ("green" objects in
    /// Bacon–Rajan). `true` is always a correct answer.
    const MAY_CONTAIN_GC: bool = true;

    /// Calls `tracer` once for every GC handle directly owned by `self`.
    fn trace(&self, tracer: &mut Tracer<'_>);
}

/// The visitor passed to [`Trace::trace`]. It is opaque: only the GC handles' own `Trace`
/// implementations report themselves to it; other implementations just forward it to their fields.
pub struct Tracer<'a> {
    visit: &'a mut dyn FnMut(NodePtr),
}

impl<'a> Tracer<'a> {
    pub(crate) fn new(visit: &'a mut dyn FnMut(NodePtr)) -> Self {
        Tracer { visit }
    }

    pub(crate) fn report(&mut self, node: NodePtr) {
        (self.visit)(node)
    }
}
