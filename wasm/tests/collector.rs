//! Behaviour of the native cycle collector: what is reclaimed, when `Drop` runs, and that nothing
//! unsound happens when `Drop` code misbehaves. Each test runs on its own thread, so it has its own
//! collector and statistics.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::rc::Rc;

use wasm::{GcArray, GcBox, GcRc, gc};

/// Counts how many times values carrying it were dropped.
#[derive(Clone, Default)]
struct Drops(Rc<Cell<usize>>);

impl Drops {
    fn count(&self) -> usize {
        self.0.get()
    }
}

#[wasm::gc]
struct Tracked {
    drops: Drops,
    next: Option<GcRc<Tracked>>,
}

// SAFETY: `Drops` holds no GC handle.
unsafe impl gc::Trace for Drops {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut gc::Tracer<'_>) {}
}

impl Drop for Tracked {
    fn drop(&mut self) {
        self.drops.0.set(self.drops.0.get() + 1);
    }
}

fn tracked(drops: &Drops) -> GcRc<Tracked> {
    GcRc::new(Tracked {
        drops: drops.clone(),
        next: None,
    })
}

fn link(from: &GcRc<Tracked>, to: &GcRc<Tracked>) {
    from.borrow_mut().next = Some(to.clone());
}

#[test]
fn a_two_node_cycle_is_collected_and_each_drop_runs_once() {
    let drops = Drops::default();
    let (a, b) = (tracked(&drops), tracked(&drops));
    link(&a, &b);
    link(&b, &a);
    drop((a, b));
    assert_eq!(
        drops.count(),
        0,
        "a cycle is not freed by reference counting alone"
    );
    assert_eq!(gc::stats().live_objects, 2);
    assert_eq!(gc::collect(), 2);
    assert_eq!(drops.count(), 2);
    assert_eq!(gc::stats().live_objects, 0);
    assert_eq!(gc::collect(), 0);
    assert_eq!(drops.count(), 2, "nothing is dropped twice");
}

#[test]
fn a_self_cycle_is_collected() {
    let drops = Drops::default();
    let a = tracked(&drops);
    link(&a, &a);
    drop(a);
    assert_eq!(gc::collect(), 1);
    assert_eq!(drops.count(), 1);
}

#[test]
fn acyclic_garbage_is_freed_at_once_without_a_collection() {
    let drops = Drops::default();
    let (a, b) = (tracked(&drops), tracked(&drops));
    link(&a, &b);
    drop(b);
    assert_eq!(drops.count(), 0);
    drop(a);
    assert_eq!(drops.count(), 2, "both values are dropped at once");
    assert_eq!(gc::stats().collections, 0);
    // `b` sat in the candidate buffer when it died: its memory waits for the next collection to
    // take it out of the buffer (Bacon–Rajan), but it is not garbage the collection finds.
    assert_eq!(gc::stats().live_objects, 1);
    assert_eq!(gc::collect(), 0);
    assert_eq!(gc::stats().live_objects, 0);
}

#[test]
fn a_cycle_still_referenced_from_the_program_survives() {
    let drops = Drops::default();
    let (a, b, c) = (tracked(&drops), tracked(&drops), tracked(&drops));
    link(&a, &b);
    link(&b, &c);
    link(&c, &a);
    drop((a, c));
    assert_eq!(gc::collect(), 0);
    assert_eq!(drops.count(), 0);
    // The whole ring is intact and its counts were restored: walking it works.
    let mut node = b.clone();
    for _ in 0..3 {
        let next = node.borrow().next.clone().expect("ring");
        node = next;
    }
    assert!(GcRc::ptr_eq(&node, &b));
    drop(node);
    drop(b);
    assert_eq!(gc::collect(), 3);
    assert_eq!(drops.count(), 3);
}

#[test]
fn a_cycle_reachable_from_a_gc_box_survives() {
    let drops = Drops::default();
    let (a, b) = (tracked(&drops), tracked(&drops));
    link(&a, &b);
    link(&b, &a);
    let holder = GcBox::new(vec![a.clone()]);
    drop((a, b));
    assert_eq!(gc::collect(), 0);
    assert_eq!(
        holder[0]
            .borrow()
            .next
            .as_ref()
            .unwrap()
            .borrow()
            .drops
            .count(),
        0
    );
    drop(holder);
    assert_eq!(gc::collect(), 2);
    assert_eq!(drops.count(), 2);
}

#[test]
fn a_garbage_cycle_releases_the_live_objects_it_points_to() {
    let drops = Drops::default();
    let outside = tracked(&drops);
    let (a, b) = (tracked(&drops), tracked(&drops));
    link(&a, &b);
    link(&b, &a);
    a.borrow_mut().next = Some(outside.clone()); // a -> outside, b -> a, and nothing -> b: not a cycle
    link(&outside, &b); // outside -> b -> a -> outside: now a cycle through a live object
    drop((a, b));
    assert_eq!(gc::collect(), 0, "everything is reachable from `outside`");
    outside.borrow_mut().next = None; // break it: a and b become acyclic garbage at once
    assert_eq!(drops.count(), 2);
    // `outside`'s count is exactly one again: dropping it frees it immediately.
    drop(outside);
    assert_eq!(drops.count(), 3);
    gc::collect(); // frees the memory of the buffered candidates whose values died
    assert_eq!(gc::stats().live_objects, 0);
}

#[wasm::gc]
struct Multi {
    drops: Drops,
    out: Vec<GcRc<Multi>>,
}

impl Drop for Multi {
    fn drop(&mut self) {
        self.drops.0.set(self.drops.0.get() + 1);
    }
}

#[test]
fn a_collected_cycle_decrements_what_it_points_to() {
    let drops = Drops::default();
    let node = |out| {
        GcRc::new(Multi {
            drops: drops.clone(),
            out,
        })
    };
    let survivor = node(vec![]);
    let (a, b) = (node(vec![]), node(vec![]));
    a.borrow_mut().out = vec![b.clone(), survivor.clone(), survivor.clone()];
    b.borrow_mut().out = vec![a.clone()];
    drop((a, b));
    assert_eq!(gc::collect(), 2);
    assert_eq!(drops.count(), 2);
    // The cycle's two references to `survivor` were released: the test's is the last one.
    drop(survivor);
    assert_eq!(drops.count(), 3);
    gc::collect();
    assert_eq!(gc::stats().live_objects, 0);
}

/// A node whose `Drop` looks at the next node.
#[wasm::gc]
struct Nosy {
    seen: Rc<Cell<Option<i32>>>,
    value: i32,
    next: Option<GcRc<Nosy>>,
}

impl Drop for Nosy {
    fn drop(&mut self) {
        if let Some(next) = &self.next {
            self.seen.set(Some(next.borrow().value));
        }
    }
}

#[test]
fn a_drop_that_reaches_into_its_collected_cycle_panics_instead_of_reading_freed_memory() {
    let seen = Rc::new(Cell::new(None));
    let a = GcRc::new(Nosy {
        seen: seen.clone(),
        value: 1,
        next: None,
    });
    let b = GcRc::new(Nosy {
        seen: seen.clone(),
        value: 2,
        next: Some(a.clone()),
    });
    a.borrow_mut().next = Some(b.clone());
    drop((a, b));
    let result = panic::catch_unwind(gc::collect);
    let payload = result.expect_err("the first Drop panics");
    let message = payload.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(
        message.contains("already dropped by the cycle collector"),
        "{message}"
    );
    assert_eq!(seen.get(), None, "no Drop saw a value of its cycle");
    assert_eq!(gc::stats().live_objects, 0, "both nodes were still freed");
    assert_eq!(gc::collect(), 0);
}

#[test]
fn a_drop_outside_the_cycle_can_still_read_gc_values() {
    let seen = Rc::new(Cell::new(None));
    let target = GcRc::new(Nosy {
        seen: seen.clone(),
        value: 42,
        next: None,
    });
    let watcher = GcRc::new(Nosy {
        seen: seen.clone(),
        value: 0,
        next: Some(target.clone()),
    });
    drop(watcher); // plain reference counting: `target` is alive and readable
    assert_eq!(seen.get(), Some(42));
}

thread_local! {
    static ESCAPED: RefCell<Vec<GcRc<Escaper>>> = const { RefCell::new(Vec::new()) };
}

#[wasm::gc]
struct Escaper {
    drops: Drops,
    next: Option<GcRc<Escaper>>,
}

impl Drop for Escaper {
    fn drop(&mut self) {
        self.drops.0.set(self.drops.0.get() + 1);
        if let Some(next) = self.next.take() {
            ESCAPED.with(|e| e.borrow_mut().push(next)); // resurrects a member of the cycle
        }
    }
}

#[test]
fn a_handle_resurrected_by_drop_keeps_the_memory_but_not_the_value() {
    let drops = Drops::default();
    let a = GcRc::new(Escaper {
        drops: drops.clone(),
        next: None,
    });
    let b = GcRc::new(Escaper {
        drops: drops.clone(),
        next: Some(a.clone()),
    });
    a.borrow_mut().next = Some(b.clone());
    drop((a, b));
    gc::collect();
    assert_eq!(drops.count(), 2, "each value dropped exactly once");
    let escaped = ESCAPED.with(|e| e.borrow_mut().drain(..).collect::<Vec<_>>());
    assert_eq!(escaped.len(), 2);
    assert_eq!(
        gc::stats().live_objects,
        2,
        "the escaped handles keep the nodes' memory"
    );
    let access = panic::catch_unwind(AssertUnwindSafe(|| escaped[0].borrow().next.is_some()));
    assert!(access.is_err(), "the value is gone");
    assert!(
        GcRc::ptr_eq(&escaped[0], &escaped[0].clone()),
        "identity still works"
    );
    drop(escaped);
    assert_eq!(gc::stats().live_objects, 0);
    assert_eq!(drops.count(), 2);
}

#[test]
fn a_mutably_borrowed_cell_is_treated_as_reachable() {
    let drops = Drops::default();
    let (a, b) = (tracked(&drops), tracked(&drops));
    link(&a, &b);
    link(&b, &a);
    {
        let a_ref = a.borrow();
        let mut b_mut = a_ref.next.as_ref().unwrap().borrow_mut();
        assert_eq!(gc::collect(), 0);
        b_mut.next = Some(a.clone()); // the collection did not alias this `&mut`
    }
    drop((a, b));
    assert_eq!(gc::collect(), 2);
    assert_eq!(drops.count(), 2);
}

#[test]
fn collecting_from_a_drop_during_a_collection_does_nothing() {
    #[wasm::gc]
    struct Collector {
        result: Rc<Cell<Option<usize>>>,
        me: Option<GcRc<Collector>>,
    }
    impl Drop for Collector {
        fn drop(&mut self) {
            self.result.set(Some(gc::collect()));
        }
    }
    let result = Rc::new(Cell::new(None));
    let a = GcRc::new(Collector {
        result: result.clone(),
        me: None,
    });
    a.borrow_mut().me = Some(a.clone());
    drop(a);
    assert_eq!(gc::collect(), 1);
    assert_eq!(result.get(), Some(0));
}

#[test]
fn a_ring_of_two_hundred_thousand_nodes_is_collected_without_recursion() {
    const N: usize = 200_000;
    let drops = Drops::default();
    let first = tracked(&drops);
    let mut last = first.clone();
    for _ in 1..N {
        let node = tracked(&drops);
        link(&last, &node);
        last = node;
    }
    link(&last, &first);
    drop((first, last));
    assert_eq!(gc::collect(), N);
    assert_eq!(drops.count(), N);
}

#[test]
fn objects_that_cannot_hold_gc_references_are_never_candidates() {
    let n = GcRc::new(5);
    let s = GcBox::new(String::from("leaf"));
    let v = GcArray::new(4, 1.5f64);
    for _ in 0..100 {
        drop((n.clone(), s.clone(), v.clone()));
    }
    assert_eq!(gc::stats().candidate_roots, 0);
    let node = tracked(&Drops::default());
    drop(node.clone());
    assert_eq!(
        gc::stats().candidate_roots,
        1,
        "a node that may hold references is a candidate"
    );
}

#[test]
fn collections_run_automatically() {
    let drops = Drops::default();
    for _ in 0..50_000 {
        let (a, b) = (tracked(&drops), tracked(&drops));
        link(&a, &b);
        link(&b, &a);
    }
    let stats = gc::stats();
    assert!(stats.collections >= 2, "{stats:?}");
    assert!(
        stats.live_objects < 40_000,
        "garbage did not pile up: {stats:?}"
    );
    gc::collect();
    assert_eq!(drops.count(), 100_000);
}

#[wasm::gc]
#[derive(Clone)]
enum Slot {
    Empty,
    Array(GcArray<Slot>),
    Boxed(Box<Slot>),
}

#[test]
fn cycles_through_arrays_and_boxes_are_collected() {
    let array = GcArray::new(3, Slot::Empty);
    array.set(1, Slot::Boxed(Box::new(Slot::Array(array.clone()))));
    drop(array);
    assert_eq!(gc::stats().live_objects, 1);
    assert_eq!(gc::collect(), 1);
    assert_eq!(gc::stats().live_objects, 0);
}

#[wasm::gc]
struct Frozen {
    name: String,
    back: GcRc<Option<GcBox<Frozen>>>,
}

#[test]
fn cycles_through_immutable_boxes_are_collected() {
    let back = GcRc::new(None);
    let frozen = GcBox::new(Frozen {
        name: "f".into(),
        back: back.clone(),
    });
    back.set(Some(frozen.clone()));
    assert_eq!(frozen.back.borrow().as_ref().unwrap().name, "f");
    drop((frozen, back));
    assert_eq!(gc::collect(), 2);
}

type Edges<K> = HashMap<K, (u8, Vec<GcRc<Graph<K>>>)>;

#[wasm::gc]
struct Graph<K: std::hash::Hash + Eq> {
    edges: Edges<K>,
}

#[test]
fn generic_types_and_std_containers_are_traced() {
    let a = GcRc::new(Graph::<String> {
        edges: HashMap::new(),
    });
    let b = GcRc::new(Graph {
        edges: HashMap::new(),
    });
    a.borrow_mut()
        .edges
        .insert("to b".into(), (1, vec![b.clone(), b.clone()]));
    b.borrow_mut()
        .edges
        .insert("to a".into(), (2, vec![a.clone()]));
    drop((a, b));
    assert_eq!(gc::collect(), 2);
    assert_eq!(gc::stats().live_objects, 0);
}

#[test]
fn other_threads_have_their_own_collector() {
    let drops = Drops::default();
    let (a, b) = (tracked(&drops), tracked(&drops));
    link(&a, &b);
    link(&b, &a);
    drop((a, b));
    let other = std::thread::spawn(|| (gc::collect(), gc::stats().live_objects))
        .join()
        .unwrap();
    assert_eq!(other, (0, 0));
    assert_eq!(gc::collect(), 2);
}

#[wasm::gc]
enum Chain {
    End,
    Link(Drops, GcBox<Chain>),
}

#[test]
fn dropping_a_million_element_list_does_not_overflow_the_stack() {
    const N: usize = 1_000_000;
    // A small stack, to show the depth does not depend on the list's length.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let drops = Drops::default();
            let mut list = GcBox::new(Chain::End);
            for _ in 0..N {
                list = GcBox::new(Chain::Link(drops.clone(), list));
            }
            assert_eq!(Rc::strong_count(&drops.0), N + 1);
            drop(list);
            (Rc::strong_count(&drops.0), gc::stats().live_objects)
        });
    assert_eq!(
        handle.unwrap().join().unwrap(),
        (1, 0),
        "every link's value was dropped and freed"
    );
}

/// Logs its name when dropped.
struct Logged(&'static str, Rc<RefCell<Vec<&'static str>>>);

impl Drop for Logged {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

// SAFETY: holds no GC handle.
unsafe impl gc::Trace for Logged {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut gc::Tracer<'_>) {}
}

#[wasm::gc]
struct GcTree {
    before: Logged,
    children: Vec<GcBox<GcTree>>,
    after: Logged,
}

struct RcTree {
    _before: Logged,
    _children: Vec<Rc<RcTree>>,
    _after: Logged,
}

#[test]
fn acyclic_structures_drop_in_the_same_order_as_with_rc() {
    // A tree of depth 3 with fan-out 2, built twice: with `GcBox` and with `Rc`.
    const NAMES: [&str; 14] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    ];
    fn gc_tree(
        depth: u32,
        next: &mut usize,
        log: &Rc<RefCell<Vec<&'static str>>>,
    ) -> GcBox<GcTree> {
        let before = Logged(NAMES[*next], log.clone());
        *next += 1;
        let children = if depth == 0 {
            vec![]
        } else {
            (0..2).map(|_| gc_tree(depth - 1, next, log)).collect()
        };
        let after = Logged(NAMES[*next], log.clone());
        *next += 1;
        GcBox::new(GcTree {
            before,
            children,
            after,
        })
    }
    fn rc_tree(depth: u32, next: &mut usize, log: &Rc<RefCell<Vec<&'static str>>>) -> Rc<RcTree> {
        let before = Logged(NAMES[*next], log.clone());
        *next += 1;
        let children = if depth == 0 {
            vec![]
        } else {
            (0..2).map(|_| rc_tree(depth - 1, next, log)).collect()
        };
        let after = Logged(NAMES[*next], log.clone());
        *next += 1;
        Rc::new(RcTree {
            _before: before,
            _children: children,
            _after: after,
        })
    }
    let gc_log = Rc::new(RefCell::new(Vec::new()));
    drop(gc_tree(2, &mut 0, &gc_log));
    let rc_log = Rc::new(RefCell::new(Vec::new()));
    drop(rc_tree(2, &mut 0, &rc_log));
    assert_eq!(gc_log.borrow().len(), 14);
    assert_eq!(*gc_log.borrow(), *rc_log.borrow());
}

#[wasm::gc]
#[derive(Default)]
struct Containers {
    list: std::collections::LinkedList<GcRc<Containers>>,
    reversed: Option<std::cmp::Reverse<GcRc<Containers>>>,
    range: Option<std::ops::Range<GcBox<GcRc<Containers>>>>,
    boxed: Option<Box<(u8, GcArray<GcRc<Containers>>)>>,
    callback: Option<fn(i32) -> i32>,
}

#[test]
fn cycles_through_each_container_are_collected() {
    type Link = fn(&GcRc<Containers>, GcRc<Containers>);
    let links: [Link; 4] = [
        |from, to| from.borrow_mut().list.push_back(to),
        |from, to| from.borrow_mut().reversed = Some(std::cmp::Reverse(to)),
        |from, to| from.borrow_mut().range = Some(GcBox::new(to.clone())..GcBox::new(to)),
        |from, to| from.borrow_mut().boxed = Some(Box::new((1, GcArray::new(2, to)))),
    ];
    for link in links {
        let a = GcRc::new(Containers::default());
        let b = GcRc::new(Containers {
            callback: Some(|x| x + 1),
            ..Default::default()
        });
        link(&a, b.clone());
        link(&b, a.clone());
        let before = gc::stats().live_objects;
        drop((a, b));
        assert!(gc::collect() >= 2);
        assert!(gc::stats().live_objects < before);
        gc::collect();
        assert_eq!(gc::stats().live_objects, 0);
    }
}
