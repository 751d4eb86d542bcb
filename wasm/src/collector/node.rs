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

/// What the collector needs to know about a node's value type, without knowing the type.
pub(crate) struct VTable {
    may_contain_gc: bool,
    trace: unsafe fn(NodePtr, &mut dyn FnMut(NodePtr)),
    drop_value: unsafe fn(NodePtr),
    deallocate: unsafe fn(NodePtr),
}

/// The part of every GC object the collector works on; the first field of every node.
pub(crate) struct Header {
    pub(crate) strong: Cell<usize>,
    pub(crate) color: Cell<Color>,
    /// The node is in the thread's candidate-roots buffer (Bacon–Rajan's `buffered` flag).
    pub(crate) in_roots: Cell<bool>,
    /// A release or a collection holds a raw pointer to the node while user `Drop` code runs.
    pub(crate) held: Cell<bool>,
    pub(crate) state: Cell<State>,
    vtable: &'static VTable,
}

impl Header {
    /// The memory may be returned to the allocator: the value is gone, nothing counts the node and
    /// nothing holds it. (A live node's count is zero only transiently, during trial deletion.)
    pub(crate) fn can_deallocate(&self) -> bool {
        self.state.get() == State::Dropped
            && self.strong.get() == 0
            && !self.in_roots.get()
            && !self.held.get()
    }

    pub(crate) fn may_contain_gc(&self) -> bool {
        self.vtable.may_contain_gc
    }
}

/// One heap allocation: header followed by the value. The value is dropped in place when it becomes
/// unreachable, which may happen before the memory itself is freed (see [`State::Dropped`]).
/// `repr(C)` puts the header first, so a pointer to the node is a pointer to its header.
#[repr(C)]
struct Node<T> {
    header: Header,
    value: UnsafeCell<ManuallyDrop<T>>,
}

/// A type-erased pointer to a node (to its header). Always derived from the allocation's own raw
/// pointer, never from a reference, so it may be cast back to the whole node.
pub(crate) type NodePtr = NonNull<Header>;

impl<T: Trace + 'static> Node<T> {
    const VTABLE: &'static VTable = &VTable {
        may_contain_gc: T::MAY_CONTAIN_GC,
        trace: Self::trace,
        drop_value: Self::drop_value,
        deallocate: Self::deallocate,
    };

    /// # Safety
    /// `node` is a live node of type `Node<T>` whose value is not dropped.
    unsafe fn trace(node: NodePtr, visit: &mut dyn FnMut(NodePtr)) {
        // SAFETY: nothing ever holds a `&mut` to a live value except `drop_value` (GcRc and GcArray
        // mutate through a `RefCell` inside the value, whose `Trace` skips it while mutably borrowed).
        let value: &T = unsafe { &*(*node.cast::<Node<T>>().as_ptr()).value.get() };
        value.trace(&mut Tracer::new(visit));
    }

    /// # Safety
    /// See [`drop_value`].
    unsafe fn drop_value(node: NodePtr) {
        // SAFETY: guaranteed by `drop_value`'s caller: once, with no reference into the value.
        unsafe { ManuallyDrop::drop(&mut *(*node.cast::<Node<T>>().as_ptr()).value.get()) }
    }

    /// # Safety
    /// See [`deallocate`].
    unsafe fn deallocate(node: NodePtr) {
        // SAFETY: the pointer came from `Box::into_raw` in `Handle::new`; the value is in a
        // `ManuallyDrop`, so this only frees memory.
        drop(unsafe { Box::from_raw(node.cast::<Node<T>>().as_ptr()) });
    }
}

/// Header access through an erased pointer.
///
/// # Safety
/// `node` points to an allocated node (a counted handle, the roots buffer, or a hold keeps it alive).
pub(crate) unsafe fn header<'a>(node: NodePtr) -> &'a Header {
    unsafe { node.as_ref() }
}

/// Reports the GC handles owned by the node's value; nothing once the value has been dropped.
///
/// # Safety
/// `node` is allocated (see [`header`]).
pub(crate) unsafe fn trace_children(node: NodePtr, visit: &mut dyn FnMut(NodePtr)) {
    let h = unsafe { header(node) };
    if h.state.get() == State::Live {
        // SAFETY: a live node of the type its vtable was made for.
        unsafe { (h.vtable.trace)(node, visit) }
    }
}

/// Drops the node's value in place.
///
/// # Safety
/// Called at most once per node, with `state` already set to `Dropped`, and while no reference into
/// the value exists (the node is unreachable from the program).
pub(crate) unsafe fn drop_value(node: NodePtr) {
    let h = unsafe { header(node) };
    debug_assert_eq!(h.state.get(), State::Dropped);
    unsafe { (h.vtable.drop_value)(node) }
}

/// Returns a node's memory to the allocator.
///
/// # Safety
/// `can_deallocate()` holds, and `node` is not used afterwards.
pub(crate) unsafe fn deallocate(node: NodePtr) {
    let h = unsafe { header(node) };
    debug_assert!(h.can_deallocate());
    let deallocate = h.vtable.deallocate;
    unsafe { deallocate(node) };
    state::on_deallocate();
}

/// A counted reference to a node: the shared machinery behind `GcBox`, `GcRc` and `GcArray`.
/// `!Send` and `!Sync` (it holds a `NonNull`), like `Rc`. Only `new` needs `T: Trace + 'static`,
/// so types holding handles need no bounds on their own parameters (as with `Rc`).
pub(crate) struct Handle<T> {
    ptr: NodePtr,
    _owns: PhantomData<T>,
}

impl<T: Trace + 'static> Handle<T> {
    pub(crate) fn new(value: T) -> Self {
        let node = Box::new(Node {
            header: Header {
                strong: Cell::new(1),
                color: Cell::new(Color::Black),
                in_roots: Cell::new(false),
                held: Cell::new(false),
                state: Cell::new(State::Live),
                vtable: Node::<T>::VTABLE,
            },
            value: UnsafeCell::new(ManuallyDrop::new(value)),
        });
        state::on_allocate();
        // SAFETY: `Box::into_raw` never returns null.
        let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(node)) }.cast::<Header>();
        Handle {
            ptr,
            _owns: PhantomData,
        }
    }
}

impl<T> Handle<T> {
    fn header(&self) -> &Header {
        // SAFETY: this handle's count keeps the allocation alive.
        unsafe { header(self.ptr) }
    }

    /// The value. Panics when it was already dropped: that only happens when a `Drop` impl of an
    /// object in a collected cycle reaches another object of the same cycle.
    #[track_caller]
    pub(crate) fn value(&self) -> &T {
        if self.header().state.get() != State::Live {
            reclaimed_access();
        }
        // SAFETY: the node is a `Node<T>` (made by `new`), kept allocated by this handle. Its value is
        // live and only ever shared (mutation goes through cells inside it), and it cannot be dropped
        // while this handle is reachable by the program.
        unsafe { &*(*self.ptr.cast::<Node<T>>().as_ptr()).value.get() }
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

impl<T> Clone for Handle<T> {
    fn clone(&self) -> Self {
        let header = self.header();
        let count = header.strong.get();
        if count == usize::MAX {
            // Same policy as `Rc`: an overflowing count cannot be recovered from.
            std::process::abort();
        }
        header.strong.set(count + 1);
        // Bacon–Rajan `Increment`: a node that gained a reference is not a garbage candidate now.
        header.color.set(Color::Black);
        Handle {
            ptr: self.ptr,
            _owns: PhantomData,
        }
    }
}

impl<T> Drop for Handle<T> {
    fn drop(&mut self) {
        state::release(self.ptr);
    }
}

// SAFETY: a handle owns exactly one count on its node and reports it exactly once.
unsafe impl<T> Trace for Handle<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        tracer.report(self.ptr);
    }
}
