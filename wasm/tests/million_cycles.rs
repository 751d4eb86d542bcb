//! One million garbage cycles of `GcRc`s are reclaimed: memory returns to its starting level.
//! Alone in its own test binary, so the counting allocator sees only this test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use wasm::GcRc;

/// Counts the bytes currently allocated (and the peak) on top of the system allocator.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to `System`, only adding bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[wasm::gc]
struct Node {
    id: u64,
    label: String,
    next: Option<GcRc<Node>>,
}

const CYCLES: usize = 1_000_000;

#[test]
fn a_million_cycles_are_reclaimed() {
    // Warm up the thread-local collector state, then measure from there.
    make_cycle(0);
    wasm::gc::collect();
    let start = CURRENT.load(Ordering::Relaxed);
    let live_at_start = wasm::gc::stats().live_objects;
    PEAK.store(start, Ordering::Relaxed);

    for i in 0..CYCLES {
        make_cycle(i as u64);
    }
    let before_final_collect = CURRENT.load(Ordering::Relaxed);
    wasm::gc::collect();
    let end = CURRENT.load(Ordering::Relaxed);
    let peak = PEAK.load(Ordering::Relaxed);
    let stats = wasm::gc::stats();

    eprintln!(
        "million cycles: start {start} B, peak {peak} B (+{} B), before final collect {before_final_collect} B, \
         end {end} B (+{} B); {} collections, {} objects reclaimed by them",
        peak - start,
        end.saturating_sub(start),
        stats.collections,
        stats.reclaimed_by_collections
    );
    assert_eq!(stats.live_objects, live_at_start, "every node was freed");
    assert!(stats.reclaimed_by_collections >= 2 * CYCLES as u64);
    // Left alone, the cycles would hold well over 100 MB.
    assert!(
        end <= start + 64 * 1024,
        "memory returned: start {start}, end {end}"
    );
    assert!(
        peak <= start + 16 * 1024 * 1024,
        "automatic collection bounds the peak: {peak}"
    );
}

/// Two nodes pointing at each other (each with a heap-allocated label), then dropped.
fn make_cycle(i: u64) {
    let a = GcRc::new(Node {
        id: i,
        label: format!("a{i}"),
        next: None,
    });
    let b = GcRc::new(Node {
        id: i + 1,
        label: format!("b{i}"),
        next: Some(a.clone()),
    });
    a.borrow_mut().next = Some(b.clone());
    assert_eq!(a.borrow().next.as_ref().map(|n| n.borrow().id), Some(i + 1));
    assert_eq!(b.borrow().label.len(), a.borrow().label.len());
}
