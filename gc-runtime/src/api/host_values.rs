//! Host values behind `ExternRef::new`: a slab indexed by `Ref::ExternHost(i)` / `Ref::Host(i)`.
//!
//! These references are not heap objects, so the wasm collector does not trace them; instead,
//! after a collection, every place a reference can live (host roots, the value stack of running
//! and parked calls, globals, tables, element segments and the fields of live GC objects) is
//! scanned, and values no longer referenced anywhere are dropped and their slots reused.

use std::any::Any;

use super::store::{CoreStore, process_drops, state_mut};
use crate::gc::{ArrayData, Obj};
use crate::value::{Ref, Val};

/// Below this many values, sweeping is not worth a full collection.
const MIN_SWEEP: usize = 1024;

/// The slab of host values of one store.
#[derive(Default)]
pub(crate) struct HostValues {
    slots: Vec<Option<Box<dyn Any + Send + Sync>>>,
    free: Vec<u32>,
    live: usize,
    /// Live count at which the next automatic sweep runs.
    next_sweep: usize,
}

impl HostValues {
    pub(crate) fn get(&self, i: u32) -> Option<&(dyn Any + Send + Sync)> {
        self.slots.get(i as usize)?.as_deref()
    }
    /// Number of values currently kept.
    pub(crate) fn len(&self) -> usize {
        self.live
    }
    fn insert(&mut self, v: Box<dyn Any + Send + Sync>) -> u32 {
        self.live += 1;
        match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = Some(v);
                i
            }
            None => {
                self.slots.push(Some(v));
                (self.slots.len() - 1) as u32
            }
        }
    }
}

/// Adds a host value, sweeping unreferenced ones first when the slab has doubled since the last
/// sweep. Returns its index for `Ref::ExternHost`.
pub(crate) fn insert(core: &mut CoreStore, v: Box<dyn Any + Send + Sync>) -> u32 {
    let hv = &state_mut(core).host_values;
    if hv.live >= hv.next_sweep.max(MIN_SWEEP) {
        sweep(core);
        let hv = &mut state_mut(core).host_values;
        hv.next_sweep = hv.live * 2;
    }
    state_mut(core).host_values.insert(v)
}

/// Collects garbage, then drops every host value no reference reaches.
pub(crate) fn sweep(core: &mut CoreStore) {
    process_drops(core);
    core.collect_garbage();
    let n = state_mut(core).host_values.slots.len();
    let mut live = vec![false; n];
    let mut mark = |r: &Ref| {
        if let Ref::Host(i) | Ref::ExternHost(i) = r {
            if let Some(l) = live.get_mut(*i as usize) {
                *l = true;
            }
        }
    };
    let mut mark_val = |v: &Val| {
        if let Val::Ref(r) = v {
            mark(r)
        }
    };
    core.stack.iter().for_each(&mut mark_val);
    core.globals.iter().for_each(|g| mark_val(&g.val));
    for obj in core.heap.objects() {
        match obj {
            Obj::Struct { fields, .. } | Obj::Exn { fields, .. } => {
                fields.iter().for_each(&mut mark_val)
            }
            Obj::Array {
                data: ArrayData::Vals(v),
                ..
            } => v.iter().for_each(&mut mark_val),
            Obj::Array { .. } => {}
        }
    }
    let mut mark_ref = |r: &Ref| mark_val(&Val::Ref(*r));
    core.host_roots.iter().for_each(&mut mark_ref);
    core.tables
        .iter()
        .flat_map(|t| t.elems.iter())
        .for_each(&mut mark_ref);
    core.elems
        .iter()
        .flat_map(|e| e.iter())
        .for_each(&mut mark_ref);
    let hv = &mut state_mut(core).host_values;
    for (i, l) in live.into_iter().enumerate() {
        if !l && hv.slots[i].take().is_some() {
            hv.free.push(i as u32);
            hv.live -= 1;
        }
    }
}
