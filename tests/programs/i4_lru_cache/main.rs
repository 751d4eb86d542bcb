// Issue 4: an LRU cache built from a HashMap and a VecDeque of keys; hit/miss statistics.
use std::collections::{HashMap, VecDeque};

struct Lru<V> {
    capacity: usize,
    map: HashMap<u32, V>,
    order: VecDeque<u32>,
    hits: u32,
    misses: u32,
}

impl<V: Clone> Lru<V> {
    fn new(capacity: usize) -> Self {
        Lru { capacity, map: HashMap::new(), order: VecDeque::new(), hits: 0, misses: 0 }
    }

    fn touch(&mut self, key: u32) {
        if let Some(pos) = self.order.iter().position(|&k| k == key) {
            self.order.remove(pos);
        }
        self.order.push_back(key);
    }

    fn get_or_compute(&mut self, key: u32, compute: impl FnOnce(u32) -> V) -> V {
        if let Some(v) = self.map.get(&key).cloned() {
            self.hits += 1;
            self.touch(key);
            return v;
        }
        self.misses += 1;
        let value = compute(key);
        if self.map.len() == self.capacity {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
                println!("  evict {old}");
            }
        }
        self.map.insert(key, value.clone());
        self.touch(key);
        value
    }
}

fn main() {
    let mut cache: Lru<String> = Lru::new(3);
    for key in [1, 2, 3, 1, 4, 2, 5, 1, 3, 3] {
        let v = cache.get_or_compute(key, |k| format!("value-{}", k * k));
        println!("get {key} -> {v} order {:?}", cache.order);
    }
    println!("hits {} misses {}", cache.hits, cache.misses);
    let mut keys: Vec<_> = cache.map.keys().copied().collect();
    keys.sort();
    println!("cached keys {keys:?}");
}
