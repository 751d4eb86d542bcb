//! The garbage-collected heap: a precise, non-moving mark-sweep collector over an index-based heap.
//!
//! Why non-moving mark-sweep: references are plain `u32` slot indices stored in `Val`s, so objects
//! never need to be relocated and no reference has to be rewritten — the interpreter, the host and
//! the tables can all hold bare indices. Freed slots go on a free list and are reused first; after a
//! sweep, trailing free slots are truncated and the slot vector's spare capacity is released, so the
//! heap also shrinks. A collection is triggered by allocation volume: once the bytes allocated since
//! the last collection exceed a threshold proportional to the live heap (at least 4 MiB).
//!
//! Roots are supplied by the store (value stacks, globals, tables, element segments, host roots).

use crate::value::{Ref, Val};

/// Array storage; packed element types are stored compactly.
#[derive(Debug, Clone)]
pub enum ArrayData {
    I8(Vec<u8>),
    I16(Vec<u16>),
    Vals(Vec<Val>),
}

impl ArrayData {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn len(&self) -> usize {
        match self {
            ArrayData::I8(v) => v.len(),
            ArrayData::I16(v) => v.len(),
            ArrayData::Vals(v) => v.len(),
        }
    }
    #[inline]
    pub fn get(&self, i: usize) -> Val {
        match self {
            ArrayData::I8(v) => Val::I32(v[i] as i32),
            ArrayData::I16(v) => Val::I32(v[i] as i32),
            ArrayData::Vals(v) => v[i],
        }
    }
    #[inline]
    pub fn set(&mut self, i: usize, val: Val) {
        match self {
            ArrayData::I8(v) => v[i] = val.i32() as u8,
            ArrayData::I16(v) => v[i] = val.i32() as u16,
            ArrayData::Vals(v) => v[i] = val,
        }
    }
    pub(crate) fn bytes(&self) -> usize {
        match self {
            ArrayData::I8(v) => v.len(),
            ArrayData::I16(v) => v.len() * 2,
            ArrayData::Vals(v) => v.len() * std::mem::size_of::<Val>(),
        }
    }
}

/// A heap object.
#[derive(Debug, Clone)]
pub enum Obj {
    Struct { ty: u32, fields: Box<[Val]> },
    Array { ty: u32, data: ArrayData },
    Exn { tag: u32, fields: Box<[Val]> },
}

impl Obj {
    pub(crate) fn bytes(&self) -> usize {
        let header = std::mem::size_of::<Option<Obj>>();
        header
            + match self {
                Obj::Struct { fields, .. } | Obj::Exn { fields, .. } => fields.len() * std::mem::size_of::<Val>(),
                Obj::Array { data, .. } => data.bytes(),
            }
    }
    /// The canonical type id (struct/array) of this object.
    pub fn type_id(&self) -> u32 {
        match self {
            Obj::Struct { ty, .. } | Obj::Array { ty, .. } => *ty,
            Obj::Exn { tag, .. } => *tag,
        }
    }
}

/// Heap statistics, exposed for tests and `--profile`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GcStats {
    pub live_objects: usize,
    pub live_bytes: usize,
    pub peak_bytes: usize,
    pub collections: usize,
    /// Bytes currently reserved by the slot vector itself.
    pub heap_capacity_bytes: usize,
}

const MIN_THRESHOLD: usize = 4 << 20;

pub struct Heap {
    slots: Vec<Option<Obj>>,
    marks: Vec<bool>,
    free: Vec<u32>,
    live_objects: usize,
    live_bytes: usize,
    peak_bytes: usize,
    since_gc: usize,
    threshold: usize,
    collections: usize,
}

impl Default for Heap {
    fn default() -> Self {
        Heap {
            slots: Vec::new(),
            marks: Vec::new(),
            free: Vec::new(),
            live_objects: 0,
            live_bytes: 0,
            peak_bytes: 0,
            since_gc: 0,
            threshold: MIN_THRESHOLD,
            collections: 0,
        }
    }
}

impl Heap {
    /// Whether the allocation volume since the last collection calls for a collection now.
    #[inline]
    pub fn should_collect(&self) -> bool {
        self.since_gc >= self.threshold
    }

    /// Allocates without collecting; callers collect first (with their roots) when `should_collect`.
    pub fn alloc(&mut self, obj: Obj) -> u32 {
        let b = obj.bytes();
        self.live_bytes += b;
        self.since_gc += b;
        self.live_objects += 1;
        self.peak_bytes = self.peak_bytes.max(self.live_bytes);
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            i
        } else {
            self.slots.push(Some(obj));
            (self.slots.len() - 1) as u32
        }
    }

    #[inline]
    pub fn get(&self, i: u32) -> &Obj {
        self.slots[i as usize].as_ref().expect("live heap object")
    }
    #[inline]
    pub fn get_mut(&mut self, i: u32) -> &mut Obj {
        self.slots[i as usize].as_mut().expect("live heap object")
    }

    /// Every object in the heap (right after a collection: exactly the reachable ones).
    pub(crate) fn objects(&self) -> impl Iterator<Item = &Obj> {
        self.slots.iter().flatten()
    }

    pub fn stats(&self) -> GcStats {
        GcStats {
            live_objects: self.live_objects,
            live_bytes: self.live_bytes,
            peak_bytes: self.peak_bytes,
            collections: self.collections,
            heap_capacity_bytes: self.slots.capacity() * std::mem::size_of::<Option<Obj>>(),
        }
    }

    /// Mark from `roots`, then sweep. `roots` yields every reference the mutator can reach directly.
    pub fn collect(&mut self, roots: impl Iterator<Item = Ref>) {
        self.marks.clear();
        self.marks.resize(self.slots.len(), false);
        let mut work: Vec<u32> = Vec::new();
        for r in roots {
            if let Some(i) = r.heap_index() {
                self.mark(i, &mut work);
            }
        }
        while let Some(i) = work.pop() {
            // Children are collected into a scratch list first to keep borrows simple.
            let mut children: Vec<u32> = Vec::new();
            match self.slots[i as usize].as_ref() {
                Some(Obj::Struct { fields, .. }) | Some(Obj::Exn { fields, .. }) => {
                    children.extend(fields.iter().filter_map(|v| match v {
                        Val::Ref(r) => r.heap_index(),
                        _ => None,
                    }))
                }
                Some(Obj::Array { data: ArrayData::Vals(v), .. }) => children.extend(v.iter().filter_map(|v| match v {
                    Val::Ref(r) => r.heap_index(),
                    _ => None,
                })),
                _ => {}
            }
            for c in children {
                self.mark(c, &mut work);
            }
        }
        // Sweep.
        self.free.clear();
        let mut live_bytes = 0;
        let mut live_objects = 0;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if let Some(obj) = slot {
                if self.marks[i] {
                    live_bytes += obj.bytes();
                    live_objects += 1;
                } else {
                    *slot = None;
                }
            }
        }
        // Shrink: drop trailing free slots and release spare capacity.
        while matches!(self.slots.last(), Some(None)) {
            self.slots.pop();
        }
        if self.slots.capacity() > 2 * self.slots.len() + 1024 {
            self.slots.shrink_to(self.slots.len() + self.slots.len() / 4);
        }
        for (i, slot) in self.slots.iter().enumerate().rev() {
            if slot.is_none() {
                self.free.push(i as u32);
            }
        }
        self.marks = Vec::new();
        self.live_bytes = live_bytes;
        self.live_objects = live_objects;
        self.since_gc = 0;
        self.threshold = MIN_THRESHOLD.max(live_bytes);
        self.collections += 1;
    }

    fn mark(&mut self, i: u32, work: &mut Vec<u32>) {
        let m = &mut self.marks[i as usize];
        if !*m {
            *m = true;
            work.push(i);
        }
    }
}
