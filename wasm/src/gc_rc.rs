//! `GcRc<T>`: a shared, mutable GC cell.

use std::cell::{BorrowError, BorrowMutError, Ref, RefCell, RefMut};
use std::cmp::Ordering;
use std::fmt;

use crate::collector::node::Handle;
use crate::collector::{Trace, Tracer};

/// A shared, mutable cell in GC memory: a WasmGC struct reference with a mutable field. It behaves
/// like `Rc<RefCell<T>>` — `borrow`/`borrow_mut` follow `RefCell`'s rules and panic with its
/// messages — except that cycles of `GcRc`s are reclaimed by the collector.
///
/// ```
/// use wasm::GcRc;
///
/// let a = GcRc::new(vec![1, 2]);
/// let b = a.clone(); // the same cell
/// b.borrow_mut().push(3);
/// assert_eq!(*a.borrow(), [1, 2, 3]);
///
/// let n = GcRc::new(5);
/// n.set(n.get() + 1);
/// assert_eq!(n.get(), 6);
/// ```
pub struct GcRc<T> {
    handle: Handle<RefCell<T>>,
}

impl<T: Trace + 'static> GcRc<T> {
    /// Allocates a cell holding `value` in GC memory.
    pub fn new(value: T) -> Self {
        GcRc {
            handle: Handle::new(RefCell::new(value)),
        }
    }
}

impl<T> GcRc<T> {
    #[track_caller]
    fn cell(&self) -> &RefCell<T> {
        self.handle.value()
    }

    /// Immutably borrows the value. Panics if it is mutably borrowed (`RefCell already mutably
    /// borrowed`), exactly like [`RefCell::borrow`].
    #[track_caller]
    pub fn borrow(&self) -> Ref<'_, T> {
        self.cell().borrow()
    }

    /// Mutably borrows the value. Panics if it is borrowed (`RefCell already borrowed`), exactly like
    /// [`RefCell::borrow_mut`].
    #[track_caller]
    pub fn borrow_mut(&self) -> RefMut<'_, T> {
        self.cell().borrow_mut()
    }

    /// Like [`RefCell::try_borrow`].
    #[track_caller]
    pub fn try_borrow(&self) -> Result<Ref<'_, T>, BorrowError> {
        self.cell().try_borrow()
    }

    /// Like [`RefCell::try_borrow_mut`].
    #[track_caller]
    pub fn try_borrow_mut(&self) -> Result<RefMut<'_, T>, BorrowMutError> {
        self.cell().try_borrow_mut()
    }

    /// A copy of the value (`struct.get`). Panics if it is mutably borrowed.
    #[track_caller]
    pub fn get(&self) -> T
    where
        T: Copy,
    {
        *self.cell().borrow()
    }

    /// Stores `value` (`struct.set`), dropping the old value after the borrow ends (so its `Drop`
    /// may use the cell). Panics if the value is borrowed.
    #[track_caller]
    pub fn set(&self, value: T) {
        drop(self.replace(value));
    }

    /// Stores `value` and returns the old one, like [`RefCell::replace`].
    #[track_caller]
    pub fn replace(&self, value: T) -> T {
        self.cell().replace(value)
    }

    /// Takes the value, leaving `T::default()`, like [`RefCell::take`].
    #[track_caller]
    pub fn take(&self) -> T
    where
        T: Default,
    {
        self.cell().take()
    }

    /// Swaps the values of two cells, like [`RefCell::swap`]: panics if either is borrowed,
    /// including when both are the same cell.
    #[track_caller]
    pub fn swap(&self, other: &GcRc<T>) {
        self.cell().swap(other.cell())
    }

    /// Whether both references point to the same cell (`ref.eq` in WasmGC).
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        this.handle.ptr_eq(&other.handle)
    }

    /// The cell's address, for identity hashing and debugging (type-erased).
    pub fn as_ptr(this: &Self) -> *const () {
        this.handle.as_ptr()
    }
}

impl<T> Clone for GcRc<T> {
    /// Another reference to the same cell.
    fn clone(&self) -> Self {
        GcRc {
            handle: self.handle.clone(),
        }
    }
}

impl<T: Trace + Default + 'static> Default for GcRc<T> {
    fn default() -> Self {
        GcRc::new(T::default())
    }
}

impl<T: Trace + 'static> From<T> for GcRc<T> {
    fn from(value: T) -> Self {
        GcRc::new(value)
    }
}

impl<T: fmt::Debug> fmt::Debug for GcRc<T> {
    /// `GcRc { value: .. }`, or `GcRc { value: <borrowed> }` while mutably borrowed (as `RefCell`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("GcRc");
        match self.try_borrow() {
            Ok(value) => d.field("value", &&*value),
            Err(_) => d.field("value", &format_args!("<borrowed>")),
        };
        d.finish()
    }
}

impl<T> fmt::Pointer for GcRc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Pointer::fmt(&GcRc::as_ptr(self), f)
    }
}

/// Compares the values (borrowing both, so it panics if either is mutably borrowed), like
/// `Rc<RefCell<T>>`.
impl<T: PartialEq> PartialEq for GcRc<T> {
    #[track_caller]
    fn eq(&self, other: &Self) -> bool {
        *self.borrow() == *other.borrow()
    }
}

impl<T: Eq> Eq for GcRc<T> {}

impl<T: PartialOrd> PartialOrd for GcRc<T> {
    #[track_caller]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.borrow().partial_cmp(&*other.borrow())
    }
}

impl<T: Ord> Ord for GcRc<T> {
    #[track_caller]
    fn cmp(&self, other: &Self) -> Ordering {
        self.borrow().cmp(&*other.borrow())
    }
}

// SAFETY: a `GcRc` owns exactly one handle.
unsafe impl<T> Trace for GcRc<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.handle.trace(tracer)
    }
}
