//! The native cycle collector behind `GcBox`, `GcRc` and `GcArray`.
//!
//! Reference counting frees acyclic garbage at once (like `Rc`); a synchronous Bacon–Rajan cycle
//! collector finds garbage cycles by trial deletion, starting from the objects whose count was
//! decremented to a non-zero value. All state is per thread, like `Rc`.

mod cycle;
pub(crate) mod node;
mod state;
mod trace;
mod trace_impls;

pub use state::{GcStats, stats};
pub use trace::{Trace, Tracer};

/// Runs a cycle collection on the current thread now and returns the number of objects it freed.
///
/// Collections also run automatically when enough candidate roots are buffered; call this to
/// reclaim garbage cycles at a known point (in tests, or before measuring memory). Called from a
/// `Drop` that a collection is running, it does nothing and returns 0.
pub fn collect() -> usize {
    cycle::collect_cycles()
}
