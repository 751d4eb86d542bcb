//! Random mutations of a graph of `GcRc`s, checked against a model: after a collection, exactly the
//! nodes the program can still reach are alive, and every other node was dropped exactly once.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use wasm::{GcRc, gc};

type Log = Rc<RefCell<Vec<u32>>>;

struct Id(u32, Log);

impl Drop for Id {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

// SAFETY: holds no GC handle.
unsafe impl gc::Trace for Id {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut gc::Tracer<'_>) {}
}

#[wasm::gc]
struct Node {
    id: Id,
    edges: Vec<GcRc<Node>>,
}

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// The program's view: handles it holds (by node id) and every live node's edges.
#[derive(Default)]
struct Model {
    roots: Vec<u32>,
    edges: HashMap<u32, Vec<u32>>,
}

impl Model {
    fn reachable(&self) -> BTreeSet<u32> {
        let mut seen = BTreeSet::new();
        let mut stack = self.roots.clone();
        while let Some(n) = stack.pop() {
            if seen.insert(n) {
                stack.extend(&self.edges[&n]);
            }
        }
        seen
    }
}

fn run(seed: u64, steps: usize) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let log: Log = Rc::default();
    let mut roots: Vec<GcRc<Node>> = Vec::new();
    let mut model = Model::default();
    let mut next_id = 0u32;
    let mut seen_drops = BTreeSet::new();

    for _ in 0..steps {
        match rng.below(10) {
            0 | 1 => {
                let node = GcRc::new(Node {
                    id: Id(next_id, log.clone()),
                    edges: Vec::new(),
                });
                model.edges.insert(next_id, Vec::new());
                model.roots.push(next_id);
                roots.push(node);
                next_id += 1;
            }
            2..=4 if !roots.is_empty() => {
                // An edge between two nodes reached by a short walk from the roots.
                let (from, to) = (walk(&roots, &mut rng), walk(&roots, &mut rng));
                let (from_id, to_id) = (from.borrow().id.0, to.borrow().id.0);
                from.borrow_mut().edges.push(to);
                model.edges.get_mut(&from_id).unwrap().push(to_id);
            }
            5 if !roots.is_empty() => {
                let node = walk(&roots, &mut rng);
                let id = node.borrow().id.0;
                let n = node.borrow().edges.len();
                if n > 0 {
                    let k = rng.below(n);
                    let removed = node.borrow_mut().edges.remove(k);
                    model.edges.get_mut(&id).unwrap().remove(k);
                    drop(removed);
                }
            }
            6 | 7 if !roots.is_empty() => {
                let k = rng.below(roots.len());
                roots.swap_remove(k);
                model.roots.swap_remove(k);
            }
            8 if !roots.is_empty() => {
                let node = walk(&roots, &mut rng);
                model.roots.push(node.borrow().id.0);
                roots.push(node);
            }
            9 => {
                // Sometimes collect while a node is mutably borrowed.
                if !roots.is_empty() && rng.below(2) == 0 {
                    let node = roots[rng.below(roots.len())].clone();
                    let _guard = node.borrow_mut();
                    gc::collect();
                } else {
                    gc::collect();
                }
            }
            _ => {}
        }
        check_no_double_drop(&log, &mut seen_drops);
    }

    gc::collect();
    gc::collect();
    let reachable = model.reachable();
    let dropped: BTreeSet<u32> = log.borrow().iter().copied().collect();
    let all: BTreeSet<u32> = (0..next_id).collect();
    let unreachable: BTreeSet<u32> = all.difference(&reachable).copied().collect();
    assert_eq!(
        dropped, unreachable,
        "seed {seed}: exactly the unreachable nodes were dropped"
    );
    assert_eq!(gc::stats().live_objects, reachable.len(), "seed {seed}");

    drop(roots);
    gc::collect();
    gc::collect();
    assert_eq!(
        log.borrow().len(),
        next_id as usize,
        "seed {seed}: everything dropped in the end"
    );
    check_no_double_drop(&log, &mut seen_drops);
    assert_eq!(gc::stats().live_objects, 0, "seed {seed}");
}

/// A node reached from a random root by following up to three random edges.
fn walk(roots: &[GcRc<Node>], rng: &mut Rng) -> GcRc<Node> {
    let mut node = roots[rng.below(roots.len())].clone();
    for _ in 0..rng.below(4) {
        let next = {
            let n = node.borrow();
            if n.edges.is_empty() {
                break;
            }
            n.edges[rng.below(n.edges.len())].clone()
        };
        node = next;
    }
    node
}

/// Checks the drops logged since the last call.
fn check_no_double_drop(log: &Log, seen: &mut BTreeSet<u32>) {
    for &id in &log.borrow()[seen.len()..] {
        assert!(seen.insert(id), "node {id} was dropped twice");
    }
}

#[test]
fn random_graphs_match_the_model() {
    for seed in 0..40 {
        run(seed, 3_000);
    }
}
