//! GC objects: a header the collector works on, the value, and the strong handle that owns a count.

use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use super::state;
use super::trace::{Trace, Tracer};

/// Bacon–Rajan colours.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Color {
    /// In use or free.
    Black,
    /// Possible member of a cycle (being marked).
    Gray,
    /// Member of a garbage cycle (after scanning).
    White,
    /// Possible root of a garbage cycle (its count was decremented to a non-zero value).
    Purple,
}

/// Whether the value inside a node may still be accessed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum State {
    Live,
    /// The value has been (or is being) dropped; the node's memory stays until nothing points to it.
    Dropped,
}

/// The part of every GC object the collector works on.
pub(crate) struct Header {
    pub(crate) strong: Cell<usize>,
    pub(crate) color: Cell<Color>,
    /// The node is in the thread's candidate-roots buffer (Bacon–Rajan's `buffered` flag).
    pub(crate) in_roots: Cell<bool>,
    /// A release or a collection holds a raw pointer to the node while user `Drop` code runs.
    pub(crate) held: Cell<bool>,
    pub(crate) state: Cell<State>,
}

impl Header {
    fn new() -> Self {
        Header {
            strong: Cell::new(1),
            color: Cell::new(Color::Black),
            in_roots: Cell::new(false),
            held: Cell::new(false),
            state: Cell::new(State::Live),
        }
    }

    /// The memory may be returned to the allocator: nothing counts it and nothing holds it.
    pub(crate) fn can_deallocate(&self) -> bool {
        self.strong.get() == 0 && !self.in_roots.get() && !self.held.get()
    }
}

/// One heap allocation: header followed by the value. The value is dropped in place when it becomes
/// unreachable, which may happen before the memory itself is freed (see [`State::Dropped`]).
pub(crate) struct Node<T: ?Sized> {
    header: Header,
    value: UnsafeCell<ManuallyDrop<T>>,
}

/// Type-erased view of a node: what the collector needs without knowing `T`.
pub(crate) trait Erased {
    fn header(&self) -> &Header;
    fn may_contain_gc(&self) -> bool;
    /// Reports the GC handles owned by the value; nothing once the value has been dropped.
    fn trace_children(&self, visit: &mut dyn FnMut(NodePtr));
    /// Drops the value in place.
    ///
    /// # Safety
    /// Called at most once per node, with `state` already set to `Dropped`, and while no reference
    /// into the value exists (the node is unreachable).
    unsafe fn drop_value(&self);
}

pub(crate) type NodePtr = NonNull<dyn Erased>;

impl<T: Trace> Erased for Node<T> {
    fn header(&self) -> &Header {
        &self.header
    }

    fn may_contain_gc(&self) -> bool {
        T::MAY_CONTAIN_GC
    }

    fn trace_children(&self, visit: &mut dyn FnMut(NodePtr)) {
        if self.header.state.get() == State::Live {
            // SAFETY: the value is live, and nothing ever holds a `&mut` to it except `drop_value`
            // (GcRc/GcArray mutate through a `RefCell` inside the value, which `Trace` respects).
            let value: &T = unsafe { &*self.value.get() };
            value.trace(&mut Tracer::new(visit));
        }
    }

    unsafe fn drop_value(&self) {
        // SAFETY: guaranteed by the caller: once, and with no outstanding reference into the value.
        unsafe { ManuallyDrop::drop(&mut *self.value.get()) }
    }
}

/// Returns a node's memory to the allocator.
///
/// # Safety
/// `node` came from [`Handle::new`], `can_deallocate()` holds, and it is not used afterwards.
pub(crate) unsafe fn deallocate(node: NodePtr) {
    debug_assert!(unsafe { node.as_ref() }.header().can_deallocate());
    // SAFETY: the pointer came from `Box::into_raw` (caller's contract). `Node` has no drop glue for
    // the value (`ManuallyDrop`), so this only frees memory.
    drop(unsafe { Box::from_raw(node.as_ptr()) });
    state::on_deallocate();
}

/// Header access through an erased pointer.
///
/// # Safety
/// `node` points to an allocated node (a counted handle, the roots buffer, or a hold keeps it alive).
pub(crate) unsafe fn header<'a>(node: NodePtr) -> &'a Header {
    unsafe { node.as_ref() }.header()
}

/// A counted reference to a node: the shared machinery behind `GcBox`, `GcRc` and `GcArray`.
/// `!Send` and `!Sync` (it holds a `NonNull`), like `Rc`.
pub(crate) struct Handle<T: Trace + 'static> {
    ptr: NonNull<Node<T>>,
    _owns: PhantomData<Node<T>>,
}

impl<T: Trace + 'static> Handle<T> {
    pub(crate) fn new(value: T) -> Self {
        let node = Box::new(Node { header: Header::new(), value: UnsafeCell::new(ManuallyDrop::new(value)) });
        state::on_allocate();
        // SAFETY: `Box::into_raw` never returns null.
        let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(node)) };
        Handle { ptr, _owns: PhantomData }
    }

    fn node(&self) -> &Node<T> {
        // SAFETY: this handle's count keeps the allocation alive.
        unsafe { self.ptr.as_ref() }
    }

    pub(crate) fn erased(&self) -> NodePtr {
        self.ptr
    }

    /// The value. Panics when it was already dropped: that only happens when a `Drop` impl of an
    /// object in a collected cycle reaches another object of the same cycle.
    #[track_caller]
    pub(crate) fn value(&self) -> &T {
        let node = self.node();
        if node.header.state.get() != State::Live {
            reclaimed_access();
        }
        // SAFETY: the value is live and only ever shared (mutation goes through cells inside it);
        // it cannot be dropped while this handle is reachable by the program.
        unsafe { &*node.value.get() }
    }

    pub(crate) fn ptr_eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }

    pub(crate) fn as_ptr(&self) -> *const () {
        self.ptr.as_ptr() as *const ()
    }
}

#[cold]
#[track_caller]
fn reclaimed_access() -> ! {
    panic!(
        "accessed a GC object whose value was already dropped by the cycle collector \
         (a `Drop` impl of a collected cycle reached another object of the same cycle)"
    )
}

impl<T: Trace + 'static> Clone for Handle<T> {
    fn clone(&self) -> Self {
        let header = &self.node().header;
        let count = header.strong.get();
        if count == usize::MAX {
            // Same policy as `Rc`: an overflowing count cannot be recovered from.
            std::process::abort();
        }
        header.strong.set(count + 1);
        // Bacon–Rajan `Increment`: a node that gained a reference is not a garbage candidate now.
        header.color.set(Color::Black);
        Handle { ptr: self.ptr, _owns: PhantomData }
    }
}

impl<T: Trace + 'static> Drop for Handle<T> {
    fn drop(&mut self) {
        state::release(self.erased());
    }
}

// SAFETY: a handle owns exactly one count on its node and reports it exactly once.
unsafe impl<T: Trace + 'static> Trace for Handle<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        tracer.report(self.erased());
    }
}
