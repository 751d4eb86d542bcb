//! Synchronous cycle collection (Bacon & Rajan, "Concurrent Cycle Collection in Reference Counted
//! Systems", ECOOP 2001, section 3), with explicit work stacks instead of recursion and a drop phase
//! adapted to Rust's `Drop`.

use std::panic::{self, AssertUnwindSafe};

use super::node::{self, Color, NodePtr, State};
use super::state;

/// Collects the garbage cycles reachable from the buffered candidate roots. Returns how many
/// objects were freed. Does nothing when called again from a `Drop` run by a collection.
pub(crate) fn collect_cycles() -> usize {
    let Some(roots) = state::begin_collection() else {
        return 0;
    };
    // Objects found reachable from outside: the part of the work that does not free anything, which
    // sets how long to wait before the next automatic collection.
    let mut live_traced = 0usize;
    let mut stack: Vec<NodePtr> = Vec::new();

    // Phases 1–3 run no user code except `Trace` impls, which must not panic; if one does, the
    // counts are inconsistent and continuing could free live objects, so abort instead.
    let abort_on_unwind = AbortOnUnwind;

    // MarkRoots: trial-delete the internal references of everything reachable from a candidate.
    let mut candidates = Vec::with_capacity(roots.len());
    for root in roots {
        // SAFETY: a buffered node is never deallocated (see `Header::can_deallocate`).
        let header = unsafe { node::header(root) };
        if header.color.get() == Color::Purple && header.state.get() == State::Live {
            mark_gray(root, &mut stack);
            candidates.push(root);
        } else {
            header.in_roots.set(false);
            if header.can_deallocate() {
                // SAFETY: its value was released while it sat in the buffer; nothing refers to it.
                unsafe { node::deallocate(root) };
            }
        }
    }

    // ScanRoots: whatever still has a count is referenced from outside; restore it and its subgraph.
    for &root in &candidates {
        scan(root, &mut stack, &mut live_traced);
    }

    // CollectRoots: gather the white (garbage) nodes, holding them so nothing frees them early.
    let mut garbage = Vec::new();
    for &root in &candidates {
        // SAFETY: still buffered until this line, so still allocated.
        unsafe { node::header(root) }.in_roots.set(false);
        collect_white(root, &mut stack, &mut garbage);
    }

    // Trial deletion subtracted the references between garbage nodes (and from garbage to live
    // nodes); put them back so that dropping the values below decrements real counts.
    for &g in &garbage {
        // SAFETY: held by this collection.
        children(g, &mut |child| {
            let h = unsafe { node::header(child) };
            h.strong.set(h.strong.get() + 1);
        });
    }
    std::mem::forget(abort_on_unwind);

    // Make every garbage value unreachable *before* running any `Drop`, so a `Drop` that follows a
    // handle to another member of its cycle gets a panic instead of a half-dropped value.
    let mut to_drop = Vec::with_capacity(garbage.len());
    for &g in &garbage {
        let h = unsafe { node::header(g) };
        if h.state.get() == State::Live {
            h.state.set(State::Dropped);
            to_drop.push(g);
        }
    }
    let mut first_panic = None;
    for g in to_drop {
        // SAFETY: unreachable from the program, marked `Dropped` above, dropped exactly once here.
        let result = panic::catch_unwind(AssertUnwindSafe(|| unsafe { node::drop_value(g) }));
        if let Err(payload) = result {
            first_panic.get_or_insert(payload);
        }
    }

    // Free the memory. A node whose handle escaped during a `Drop` (resurrection) keeps its memory,
    // with its value gone, until that handle is dropped.
    let mut reclaimed = 0;
    for g in garbage {
        let h = unsafe { node::header(g) };
        h.held.set(false);
        if h.can_deallocate() {
            // SAFETY: no count, not buffered, no longer held.
            unsafe { node::deallocate(g) };
            reclaimed += 1;
        }
    }

    state::end_collection(live_traced, reclaimed);
    if let Some(payload) = first_panic {
        panic::resume_unwind(payload);
    }
    reclaimed
}

/// `MarkGray`: colours the subgraph gray and subtracts each internal reference from its target.
fn mark_gray(root: NodePtr, stack: &mut Vec<NodePtr>) {
    // SAFETY (all header accesses below): every node reached is referenced by a counted handle
    // inside a node that is itself kept alive, or is a buffered root.
    let h = unsafe { node::header(root) };
    if h.color.get() == Color::Gray {
        return;
    }
    h.color.set(Color::Gray);
    stack.push(root);
    while let Some(n) = stack.pop() {
        children(n, &mut |child| {
            let ch = unsafe { node::header(child) };
            ch.strong.set(ch.strong.get() - 1);
            if ch.color.get() != Color::Gray {
                ch.color.set(Color::Gray);
                stack.push(child);
            }
        });
    }
}

/// `Scan`: gray nodes still counted are externally reachable (made black again); the rest turn white.
fn scan(root: NodePtr, stack: &mut Vec<NodePtr>, live_traced: &mut usize) {
    stack.push(root);
    while let Some(n) = stack.pop() {
        let h = unsafe { node::header(n) };
        if h.color.get() != Color::Gray {
            continue;
        }
        if h.strong.get() > 0 {
            scan_black(n, live_traced);
        } else {
            h.color.set(Color::White);
            children(n, &mut |child| stack.push(child));
        }
    }
}

/// `ScanBlack`: restores the counts subtracted by `mark_gray` below an externally reachable node.
fn scan_black(root: NodePtr, live_traced: &mut usize) {
    let mut stack = vec![root];
    unsafe { node::header(root) }.color.set(Color::Black);
    while let Some(n) = stack.pop() {
        *live_traced += 1;
        children(n, &mut |child| {
            let ch = unsafe { node::header(child) };
            ch.strong.set(ch.strong.get() + 1);
            if ch.color.get() != Color::Black {
                ch.color.set(Color::Black);
                stack.push(child);
            }
        });
    }
}

/// `CollectWhite`: gathers the white nodes reachable from a candidate, marking them held.
fn collect_white(root: NodePtr, stack: &mut Vec<NodePtr>, garbage: &mut Vec<NodePtr>) {
    stack.push(root);
    while let Some(n) = stack.pop() {
        let h = unsafe { node::header(n) };
        if h.color.get() == Color::White && !h.in_roots.get() {
            h.color.set(Color::Black);
            h.held.set(true);
            garbage.push(n);
            children(n, &mut |child| stack.push(child));
        }
    }
}

/// The children of a node the collection reaches.
fn children(n: NodePtr, visit: &mut dyn FnMut(NodePtr)) {
    // SAFETY: every node a collection reaches is a buffered root, held by the collection, or the
    // target of a counted handle inside such a node, so it is allocated.
    unsafe { node::trace_children(n, visit) }
}

/// Aborts the process if dropped during unwinding (see `collect_cycles`).
struct AbortOnUnwind;

impl Drop for AbortOnUnwind {
    fn drop(&mut self) {
        eprintln!("wasm::gc: a `Trace` implementation panicked during cycle collection; aborting");
        std::process::abort();
    }
}
