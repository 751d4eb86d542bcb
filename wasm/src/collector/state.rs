//! Per-thread collector state, reference-count decrements and the candidate-roots buffer.

use std::cell::{Cell, RefCell};

use super::cycle;
use super::node::{self, Color, NodePtr, State};

/// Collect automatically once this many candidate roots are buffered (at least).
const MIN_THRESHOLD: usize = 10_000;

struct Buffer {
    roots: RefCell<Vec<NodePtr>>,
    /// Buffered roots that trigger the next automatic collection; grows with the live objects the last
    /// collection traced, so large live graphs are not rescanned too often.
    threshold: Cell<usize>,
    collecting: Cell<bool>,
}

impl Drop for Buffer {
    /// At thread exit, frees the buffered nodes whose values are already gone. (Garbage cycles still
    /// alive then are left alone, as `Rc` cycles are: collecting them would run `Drop` code while the
    /// thread's locals are being destroyed.)
    fn drop(&mut self) {
        for node in self.roots.get_mut().drain(..) {
            // SAFETY: a buffered node is allocated.
            let header = unsafe { node::header(node) };
            header.in_roots.set(false);
            if header.can_deallocate() {
                // SAFETY: value gone, unreferenced, no longer buffered, not held.
                unsafe { node::deallocate(node) };
            }
        }
    }
}

/// Counters, kept apart from the buffer: they have no destructor, so they stay usable while the
/// thread's other locals are being destroyed.
struct Counters {
    live: Cell<usize>,
    collections: Cell<u64>,
    reclaimed: Cell<u64>,
}

/// Releases nested deeper than this are deferred to the outermost one, so dropping a long chain of
/// GC objects (a million-element list) cannot overflow the stack, as it would with `Rc`. Shallower
/// structures are dropped in exactly `Rc`'s order.
const MAX_DROP_DEPTH: usize = 64;

thread_local! {
    /// How many releases are dropping a value on this thread right now.
    static DROP_DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Unreachable nodes whose values wait for the outermost release to drop them.
    static DEFERRED: RefCell<Vec<NodePtr>> = const { RefCell::new(Vec::new()) };
    static BUFFER: Buffer = const {
        Buffer { roots: RefCell::new(Vec::new()), threshold: Cell::new(MIN_THRESHOLD), collecting: Cell::new(false) }
    };
    static COUNTERS: Counters = const {
        Counters { live: Cell::new(0), collections: Cell::new(0), reclaimed: Cell::new(0) }
    };
}

pub(crate) fn on_allocate() {
    COUNTERS.with(|c| c.live.set(c.live.get() + 1));
}

pub(crate) fn on_deallocate() {
    COUNTERS.with(|c| c.live.set(c.live.get() - 1));
}

/// Drops one counted reference to `node` (Bacon–Rajan `Decrement`).
pub(crate) fn release(node: NodePtr) {
    // SAFETY: the caller gives up a counted reference, so the node is still allocated here.
    let header = unsafe { node::header(node) };
    let count = header.strong.get() - 1;
    header.strong.set(count);
    if count == 0 {
        if header.state.get() == State::Live {
            header.state.set(State::Dropped);
            header.color.set(Color::Black);
            // The value's drop may run a collection that sees this node in the roots buffer: the
            // hold keeps it from freeing the memory under our feet (and keeps a deferred node).
            header.held.set(true);
            let depth = DROP_DEPTH.get();
            if depth >= MAX_DROP_DEPTH && DEFERRED.try_with(|d| d.borrow_mut().push(node)).is_ok() {
                return;
            }
            DROP_DEPTH.set(depth + 1);
            let _restore = RestoreDepth(depth);
            drop_released(node);
            if depth == 0 {
                // Outermost release: drop what deeper releases deferred (which may defer more).
                while let Some(next) = DEFERRED.try_with(|d| d.borrow_mut().pop()).ok().flatten() {
                    drop_released(next);
                }
            }
        } else if header.can_deallocate() {
            // SAFETY: a node whose value was already dropped: unreferenced, not buffered, not held.
            unsafe { node::deallocate(node) };
        }
    } else if header.state.get() == State::Live && header.may_contain_gc() {
        possible_root(node);
    }
}

/// Drops the value of a node released (count zero, `Dropped`, held) and frees it when possible.
fn drop_released(node: NodePtr) {
    // SAFETY: held, so allocated. The count is zero, so the program cannot reach the value, and the
    // `Dropped` state set by `release` makes this the only drop.
    let header = unsafe { node::header(node) };
    unsafe { node::drop_value(node) };
    header.held.set(false);
    if header.can_deallocate() {
        // SAFETY: unreferenced, not buffered, no longer held.
        unsafe { node::deallocate(node) };
    }
}

/// Restores the drop depth when a release ends, also when a `Drop` panics.
struct RestoreDepth(usize);

impl Drop for RestoreDepth {
    fn drop(&mut self) {
        DROP_DEPTH.set(self.0);
    }
}

/// Bacon–Rajan `PossibleRoot`: a node whose count dropped to a non-zero value may be the last
/// external entry into a garbage cycle.
fn possible_root(node: NodePtr) {
    // SAFETY: the node has a non-zero count.
    let header = unsafe { node::header(node) };
    if header.color.get() == Color::Purple {
        return;
    }
    header.color.set(Color::Purple);
    if header.in_roots.get() {
        return;
    }
    let should_collect = BUFFER
        .try_with(|b| {
            let mut roots = b.roots.borrow_mut();
            roots.push(node);
            header.in_roots.set(true);
            roots.len() >= b.threshold.get() && !b.collecting.get()
        })
        .unwrap_or(false);
    // Never collect while unwinding: a `Drop` that panics during the collection would abort.
    if should_collect && !std::thread::panicking() {
        cycle::collect_cycles();
    }
}

/// Starts a collection: takes the buffered roots, unless one is already running on this thread.
pub(crate) fn begin_collection() -> Option<Vec<NodePtr>> {
    BUFFER
        .try_with(|b| {
            if b.collecting.get() {
                return None;
            }
            b.collecting.set(true);
            Some(std::mem::take(&mut *b.roots.borrow_mut()))
        })
        .ok()
        .flatten()
}

/// Ends a collection (also on unwind): records it and sets the next automatic threshold.
pub(crate) fn end_collection(live_traced: usize, reclaimed: usize) {
    let _ = BUFFER.try_with(|b| {
        b.collecting.set(false);
        // Twice the live objects the collection had to trace: the cost of rescanning live data stays
        // proportional to the number of decrements that fill the buffer (as a tracing GC lets the
        // heap grow to a multiple of the live data before its next cycle).
        b.threshold
            .set(live_traced.saturating_mul(2).max(MIN_THRESHOLD));
    });
    COUNTERS.with(|c| {
        c.collections.set(c.collections.get() + 1);
        c.reclaimed.set(c.reclaimed.get() + reclaimed as u64);
    });
}

/// A snapshot of the current thread's collector, for tests and diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct GcStats {
    /// GC objects (`GcBox`, `GcRc`, `GcArray` allocations) whose memory is not yet freed.
    pub live_objects: usize,
    /// Objects buffered as possible roots of garbage cycles, waiting for the next collection.
    pub candidate_roots: usize,
    /// Cycle collections run on this thread so far.
    pub collections: u64,
    /// Objects freed by cycle collection (not by plain reference counting) so far.
    pub reclaimed_by_collections: u64,
}

/// Returns the current thread's collector statistics.
pub fn stats() -> GcStats {
    let candidate_roots = BUFFER.try_with(|b| b.roots.borrow().len()).unwrap_or(0);
    COUNTERS.with(|c| GcStats {
        live_objects: c.live.get(),
        candidate_roots,
        collections: c.collections.get(),
        reclaimed_by_collections: c.reclaimed.get(),
    })
}
