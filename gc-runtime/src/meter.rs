//! Per-instruction bookkeeping beyond the fast path: fuel, epoch deadlines, the guest profiler and
//! traps deferred from places that cannot fail (a GC allocation over the heap limit).
//!
//! The interpreter calls `Store::meter_tick` before every IR instruction only when one of these
//! is switched on, so unmetered execution pays nothing.
//!
//! # Fuel cost
//! Fuel counts wasm instructions executed, one unit each, with these exceptions:
//! * structured-control markers cost nothing: `block`, `loop`, `nop` and the `end` of a block
//!   (they are resolved away when a function is translated); `if` costs 1 (a conditional
//!   branch); `else` costs 1 when the then-branch runs into it (the jump over the else-branch);
//!   the final `end` of a function costs 1 (the return); `br`, `br_if`, `br_table`, `return`
//!   cost 1;
//! * `call`, `call_indirect`, `call_ref` and the `return_call` forms cost 1, plus the callee's
//!   instructions; host functions (WASI included) cost nothing beyond the call;
//! * every other instruction (numeric, memory, table, GC, exceptions) costs 1, whatever its
//!   operands (`memory.fill` of a megabyte costs 1, as in wasmtime).
//!
//! The translator fuses some sequences into one interpreter instruction; those are charged the
//! number of wasm instructions they replace ([`fuel_cost`]), so optimizations never change fuel.
//! A fused instruction that does not fit in the remaining fuel traps and consumes the remainder.
//! Costs depend only on the instructions executed, so a run consumes the same fuel every time.

use std::collections::HashMap;
use std::mem::Discriminant;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, msg};
use crate::ir::{Code, Op};
use crate::store::{FuncKind, Store};
use crate::value::Val;

/// The epoch check runs every this many instructions (an atomic load per instruction would cost).
const EPOCH_CHECK_INTERVAL: u32 = 1024;

/// Trap message of an epoch deadline, as wasmtime's.
pub const INTERRUPT: &str = "interrupt";
/// Trap message when the GC heap limit is exceeded.
pub const GC_HEAP_LIMIT: &str = "GC heap limit exceeded";

/// Optional per-instruction work; see the module docs.
#[derive(Default)]
pub struct Meter {
    /// The engine's epoch counter and the deadline at which execution traps with "interrupt".
    pub(crate) epoch: Option<(Arc<AtomicU64>, u64)>,
    epoch_countdown: u32,
    pub(crate) profile: Option<Box<Profile>>,
    pub(crate) pending_trap: Option<&'static str>,
    /// Under `call_async`: when fuel runs out, refuel with `.1` and yield to the executor, at most
    /// `.0` more times (then trap).
    pub(crate) fuel_yield: Option<(u64, u64)>,
    /// Under `call_async`: at the epoch deadline, move it this many ticks ahead and yield.
    pub(crate) epoch_yield: Option<u64>,
    /// Set while a `call_async` future drives execution (yielding is possible).
    pub(crate) async_active: bool,
    /// The interpreter parked itself to yield (not for a host future).
    pub(crate) parked_for_yield: bool,
}

/// Counts gathered by the guest profiler (`cargo wasm run --profile`).
#[derive(Default)]
pub struct Profile {
    /// Wasm instructions executed per function body (keyed by the code's address), as fuel counts them.
    funcs: HashMap<usize, (Arc<Code>, u64)>,
    /// Executions per interpreter opcode (superinstructions count once), with one instance to
    /// print its name.
    ops: HashMap<Discriminant<Op>, (Op, u64)>,
    total: u64,
}

impl Profile {
    fn record(&mut self, code: &Arc<Code>, op: Op) {
        let cost = fuel_cost(op);
        self.total += cost;
        let key = Arc::as_ptr(code) as usize;
        self.funcs.entry(key).or_insert_with(|| (code.clone(), 0)).1 += cost;
        self.ops
            .entry(std::mem::discriminant(&op))
            .or_insert((op, 0))
            .1 += 1;
    }
}

/// One line of a profile report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEntry {
    /// Function name (name section, export name or `func[N]`) or opcode name.
    pub name: String,
    /// Wasm instructions executed (functions) or executions (opcodes).
    pub count: u64,
}

/// The profiler's findings, sorted by decreasing count.
#[derive(Debug, Clone, Default)]
pub struct ProfileReport {
    /// Wasm instructions executed in total (what fuel would charge).
    pub total_instructions: u64,
    /// Per function, most executed first.
    pub functions: Vec<ProfileEntry>,
    /// Per interpreter opcode, most executed first.
    pub opcodes: Vec<ProfileEntry>,
}

impl ProfileReport {
    /// Human-readable text: the top `n` functions and opcodes with their share of all instructions.
    pub fn render(&self, n: usize) -> String {
        fn pct(c: u64, total: u64) -> f64 {
            if total == 0 {
                0.0
            } else {
                c as f64 * 100.0 / total as f64
            }
        }
        let mut out = format!(
            "profile: {} instructions executed\n",
            self.total_instructions
        );
        out.push_str("top functions by instructions executed:\n");
        for e in self.functions.iter().take(n) {
            let p = pct(e.count, self.total_instructions);
            out.push_str(&format!("  {:>14} {:>6.2}%  {}\n", e.count, p, e.name));
        }
        out.push_str(
            "opcode histogram (interpreter instructions; fused pairs such as LocalGet2 count once):\n",
        );
        let ops_total: u64 = self.opcodes.iter().map(|e| e.count).sum();
        for e in self.opcodes.iter().take(n) {
            let p = pct(e.count, ops_total);
            out.push_str(&format!("  {:>14} {:>6.2}%  {}\n", e.count, p, e.name));
        }
        out
    }
}

impl Store {
    /// Whether the interpreter must call [`Store::meter_tick`] (fuel is checked separately).
    #[inline]
    pub(crate) fn meter_active(&self) -> bool {
        self.meter.epoch.is_some()
            || self.meter.profile.is_some()
            || self.meter.pending_trap.is_some()
            || self.limits.max_gc_heap_bytes != usize::MAX
    }

    /// Charged before instruction `pc` of `code` executes.
    #[inline]
    pub(crate) fn meter_tick(&mut self, code: &Arc<Code>, pc: usize) -> Result<(), Error> {
        if let Some(f) = self.fuel.as_mut() {
            let cost = fuel_cost(code.ops[pc]);
            if *f < cost {
                match self.meter.fuel_yield {
                    Some((n, amount)) if n > 0 && amount > 0 && self.meter.async_active => {
                        *f = f.saturating_add(amount);
                        self.meter.fuel_yield = Some((n - 1, amount));
                        return Err(self.park_for_yield(msg::FUEL));
                    }
                    _ => {
                        // A fused instruction that does not fit consumes the remainder, so a
                        // budget always ends fully consumed.
                        *f = 0;
                        return Err(Error::trap(msg::FUEL));
                    }
                }
            }
            *f -= cost;
        }
        if let Some(t) = self.meter.pending_trap.take() {
            return Err(Error::trap(t));
        }
        if self.meter.epoch.is_some() {
            if self.meter.epoch_countdown == 0 {
                self.meter.epoch_countdown = EPOCH_CHECK_INTERVAL;
                let (now, deadline) = match &self.meter.epoch {
                    Some((epoch, deadline)) => (epoch.load(Ordering::Relaxed), *deadline),
                    None => (0, u64::MAX),
                };
                if now >= deadline {
                    match self.meter.epoch_yield {
                        Some(delta) if self.meter.async_active => {
                            if let Some((_, d)) = self.meter.epoch.as_mut() {
                                *d = now.saturating_add(delta.max(1));
                            }
                            // The instruction runs after the yield; it must not be charged twice.
                            if let Some(f) = self.fuel.as_mut() {
                                *f += fuel_cost(code.ops[pc]);
                            }
                            return Err(self.park_for_yield(INTERRUPT));
                        }
                        _ => return Err(Error::trap(INTERRUPT)),
                    }
                }
            }
            self.meter.epoch_countdown -= 1;
        }
        if let Some(p) = self.meter.profile.as_mut() {
            p.record(code, code.ops[pc]);
        }
        Ok(())
    }

    /// Asks the interpreter to park before the current instruction so the async caller can
    /// yield; the returned error is what it would have trapped with (it is not reported).
    fn park_for_yield(&mut self, reason: &str) -> Error {
        self.meter.parked_for_yield = true;
        self.suspend_requested = true;
        Error::trap(reason)
    }

    /// Called before a GC allocation of `bytes` when a heap limit is set: collects once, and if the
    /// live heap would still exceed the limit, arms a trap for the next instruction.
    pub(crate) fn check_gc_limit(&mut self, stack: &[Val], bytes: usize) {
        let limit = self.limits.max_gc_heap_bytes;
        if self.heap.stats().live_bytes.saturating_add(bytes) <= limit {
            return;
        }
        self.collect_with(stack);
        if self.heap.stats().live_bytes.saturating_add(bytes) > limit {
            self.meter.pending_trap = Some(GC_HEAP_LIMIT);
        }
    }

    /// Starts (or restarts) counting instructions per function and per opcode.
    pub fn enable_profiling(&mut self) {
        self.meter.profile = Some(Box::default());
    }

    /// The profile gathered since [`Store::enable_profiling`], or `None` if profiling is off.
    pub fn profile_report(&self) -> Option<ProfileReport> {
        let p = self.meter.profile.as_ref()?;
        let mut functions: Vec<ProfileEntry> = p
            .funcs
            .values()
            .map(|(code, n)| ProfileEntry {
                name: self.code_name(code),
                count: *n,
            })
            .collect();
        functions.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        let mut opcodes: Vec<ProfileEntry> = p
            .ops
            .values()
            .map(|(op, n)| {
                let dbg = format!("{op:?}");
                let name = dbg.split(['(', ' ', '{']).next().unwrap_or("?").to_string();
                ProfileEntry { name, count: *n }
            })
            .collect();
        opcodes.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        Some(ProfileReport {
            total_instructions: p.total,
            functions,
            opcodes,
        })
    }

    /// A function's name for reports: from the name section, else an export name, else its index.
    fn code_name(&self, code: &Arc<Code>) -> String {
        let Some((addr, module, def)) =
            self.funcs
                .iter()
                .enumerate()
                .find_map(|(i, f)| match &f.kind {
                    FuncKind::Wasm {
                        code: Some(c),
                        module,
                        def,
                        ..
                    } if Arc::ptr_eq(c, code) => Some((i, module, *def)),
                    _ => None,
                })
        else {
            return "<unknown>".into();
        };
        let index = module.num_imported_funcs as u32 + def;
        if let Some(n) = function_name(&module.bytes, index) {
            return n;
        }
        let inst = &self.instances[code.instance as usize];
        if let Some((name, _)) = inst
            .exports
            .iter()
            .find(|(_, e)| **e == crate::store::Extern::Func(addr as u32))
        {
            return format!("{name} (export)");
        }
        format!("func[{index}]")
    }
}

/// Fuel charged for one IR instruction: the number of wasm instructions it stands for (the
/// translator fuses some sequences into superinstructions; fusion must not change fuel).
#[inline]
pub fn fuel_cost(op: Op) -> u64 {
    match op {
        Op::LocalGet2(..) | Op::I32AddImm(_) | Op::BrIfCmp { .. } | Op::BrUnlessCmp { .. } => 2,
        Op::LocalGetI32Const(..)
        | Op::I32AndImm(_)
        | Op::I32OrImm(_)
        | Op::I32XorImm(_)
        | Op::I32ShlImm(_)
        | Op::I32ShrSImm(_)
        | Op::I32ShrUImm(_)
        | Op::I32MulImm(_)
        | Op::LocalCopy { .. }
        | Op::I32LoadLocal { .. }
        | Op::I64LoadLocal { .. }
        | Op::F64LoadLocal { .. } => 2,
        Op::I32LoadAbs { .. }
        | Op::LocalTeeGet(..)
        | Op::I32StoreLocal { .. }
        | Op::F64AddLocal(_)
        | Op::F64SubLocal(_)
        | Op::F64MulLocal(_) => 2,
        Op::LocalGetAddImm(..) | Op::I32AddLocals(..) | Op::I32StoreLocals { .. } | Op::F64MulLocals(..) => 3,
        Op::BrIfLocals { .. } | Op::BrIfLocalImm { .. } | Op::I32ShrUAndImm(..) => 4,
        Op::I32LoadAddImm { .. } | Op::F64LoadAddImm { .. } => 3,
        Op::I32LoadLocalAddImm { .. } | Op::F64LoadLocalAddImm { .. } => 4,
        Op::BrIfLocal { .. } | Op::IfLocal { .. } | Op::F64MulAdd => 2,
        Op::BrIfLocalEqz { .. } | Op::IfLocalEqz { .. } | Op::BrIfCmpImm { .. } => 3,
        Op::LocalAddImm(..) => 4,
        _ => 1,
    }
}

/// The name of function `index` in the module's `name` custom section, if present.
fn function_name(bytes: &[u8], index: u32) -> Option<String> {
    use wasmparser::{KnownCustom, Name, Parser, Payload};
    for payload in Parser::new(0).parse_all(bytes) {
        let Ok(Payload::CustomSection(c)) = payload else {
            continue;
        };
        let KnownCustom::Name(reader) = c.as_known() else {
            continue;
        };
        for sub in reader {
            let Ok(Name::Function(map)) = sub else {
                continue;
            };
            for naming in map.into_iter().flatten() {
                if naming.index == index {
                    return Some(naming.name.to_string());
                }
            }
        }
    }
    None
}
