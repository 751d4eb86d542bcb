//! The interpreter loop. Wasm-to-wasm calls push an explicit `Frame` instead of recursing on the
//! native stack; only host calls that re-enter wasm nest natively.

use std::sync::Arc;

use crate::error::{msg, Error};
use crate::gc::{ArrayData, Obj};
use crate::ir::{Branch, Cmp, Code, Op};
use crate::store::{Frame, FuncKind, Store};
use crate::types::Ht;
use crate::value::{Ref, Val};

fn trap<T>(m: &str) -> Result<T, Error> {
    Err(Error::trap(m))
}

#[inline(always)]
fn ea(addr: u64, off: u64, n: u64, len: usize) -> Option<usize> {
    let a = addr.checked_add(off)?;
    if a.checked_add(n)? > len as u64 {
        None
    } else {
        Some(a as usize)
    }
}

#[inline(always)]
fn range_ok(start: u64, n: u64, len: usize) -> bool {
    start.checked_add(n).is_some_and(|e| e <= len as u64)
}

/// A fused i32 comparison (other than `Eqz`).
#[inline(always)]
fn cmp_i32(cmp: Cmp, a: i32, b: i32) -> bool {
    match cmp {
        Cmp::Eqz => b == 0,
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::LtS => a < b,
        Cmp::LtU => (a as u32) < (b as u32),
        Cmp::GtS => a > b,
        Cmp::GtU => (a as u32) > (b as u32),
        Cmp::LeS => a <= b,
        Cmp::LeU => (a as u32) <= (b as u32),
        Cmp::GeS => a >= b,
        Cmp::GeU => (a as u32) >= (b as u32),
    }
}

/// Makes room for `n` more values, so that the interpreter may push them unchecked.
#[inline(always)]
fn ensure_spare(stack: &mut Vec<Val>, n: u32) {
    if stack.capacity() - stack.len() < n as usize {
        stack.reserve(n as usize);
    }
}

/// Pops the top `n` values (as a slice that stays valid until the next push).
/// Safety: validation guarantees that `n` operands are there.
#[inline(always)]
fn pop_slice<'a>(sp: &mut *mut Val, n: usize) -> &'a [Val] {
    unsafe {
        *sp = sp.sub(n);
        std::slice::from_raw_parts(*sp, n)
    }
}

/// NaN results must be quiet (arithmetic NaNs); software rounding can pass a signalling NaN through.
#[inline(always)]
fn quiet32(x: f32) -> u32 {
    if x.is_nan() { x.to_bits() | 0x0040_0000 } else { x.to_bits() }
}
#[inline(always)]
fn quiet64(x: f64) -> u64 {
    if x.is_nan() { x.to_bits() | 0x0008_0000_0000_0000 } else { x.to_bits() }
}

fn fmin32(a: f32, b: f32) -> f32 {
    if a.is_nan() || b.is_nan() {
        f32::from_bits(0x7fc0_0000)
    } else if a == b {
        f32::from_bits(a.to_bits() | b.to_bits())
    } else {
        a.min(b)
    }
}
fn fmax32(a: f32, b: f32) -> f32 {
    if a.is_nan() || b.is_nan() {
        f32::from_bits(0x7fc0_0000)
    } else if a == b {
        f32::from_bits(a.to_bits() & b.to_bits())
    } else {
        a.max(b)
    }
}
fn fmin64(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::from_bits(0x7ff8_0000_0000_0000)
    } else if a == b {
        f64::from_bits(a.to_bits() | b.to_bits())
    } else {
        a.min(b)
    }
}
fn fmax64(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::from_bits(0x7ff8_0000_0000_0000)
    } else if a == b {
        f64::from_bits(a.to_bits() & b.to_bits())
    } else {
        a.max(b)
    }
}

/// Truncating float->int conversion with the spec's traps; `lo`/`hi` are the exclusive bounds.
#[inline]
fn trunc_checked(f: f64, lo: f64, hi: f64) -> Result<f64, Error> {
    if f.is_nan() {
        return trap(msg::BAD_CONVERSION);
    }
    let t = f.trunc();
    if t <= lo || t >= hi {
        return trap(msg::INT_OVERFLOW);
    }
    Ok(t)
}

fn elem_size(st: wasmparser::StorageType) -> usize {
    use wasmparser::{StorageType, ValType};
    match st {
        StorageType::I8 => 1,
        StorageType::I16 => 2,
        StorageType::Val(ValType::I32 | ValType::F32) => 4,
        StorageType::Val(ValType::I64 | ValType::F64) => 8,
        StorageType::Val(_) => 16,
    }
}

fn decode_elem(st: wasmparser::StorageType, b: &[u8]) -> Val {
    use wasmparser::{StorageType, ValType};
    match st {
        StorageType::I8 => Val::I32(b[0] as i32),
        StorageType::I16 => Val::I32(u16::from_le_bytes([b[0], b[1]]) as i32),
        StorageType::Val(ValType::I32) => Val::I32(i32::from_le_bytes(b[..4].try_into().unwrap())),
        StorageType::Val(ValType::F32) => Val::F32(u32::from_le_bytes(b[..4].try_into().unwrap())),
        StorageType::Val(ValType::I64) => Val::I64(i64::from_le_bytes(b[..8].try_into().unwrap())),
        StorageType::Val(ValType::F64) => Val::F64(u64::from_le_bytes(b[..8].try_into().unwrap())),
        StorageType::Val(_) => Val::Ref(Ref::Null),
    }
}

/// Largest array payload the runtime agrees to allocate, in bytes (as stored).
const MAX_ARRAY_BYTES: u64 = 1 << 30;

impl Store {
    /// Calls function `func` (a store address) with `args`; returns its results.
    pub fn call_func(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error> {
        let (params, _) = self.func_params_results(func);
        if params.len() != args.len() {
            return Err(Error::Host(format!("expected {} arguments, got {}", params.len(), args.len())));
        }
        let mut stack = std::mem::take(&mut self.stack);
        let mut frames = std::mem::take(&mut self.frames);
        let entry_stack = stack.len();
        let entry_frames = frames.len();
        stack.extend_from_slice(args);
        let r = self.invoke(&mut stack, &mut frames, func);
        let out = match r {
            Ok(()) => Ok(stack.drain(entry_stack..).collect()),
            Err(e) => {
                stack.truncate(entry_stack);
                frames.truncate(entry_frames);
                Err(e)
            }
        };
        self.stack = stack;
        self.frames = frames;
        out
    }

    /// The translated code of function `f`, translating it on first use.
    pub(crate) fn code_of(&mut self, f: u32) -> Result<Arc<Code>, Error> {
        match &self.funcs[f as usize].kind {
            FuncKind::Wasm { code: Some(c), .. } => Ok(c.clone()),
            FuncKind::Wasm { instance, def, .. } => {
                let (instance, def) = (*instance, *def);
                let code = Arc::new(crate::translate::translate(self, instance, def)?);
                if let FuncKind::Wasm { code: slot, .. } = &mut self.funcs[f as usize].kind {
                    *slot = Some(code.clone());
                }
                Ok(code)
            }
            FuncKind::Host(_) => Err(Error::Host("host function has no code".into())),
        }
    }

    fn call_host(&mut self, stack: &mut Vec<Val>, f: u32, caller: Option<u32>) -> Result<(), Error> {
        let FuncKind::Host(h) = &self.funcs[f as usize].kind else { unreachable!() };
        let h = h.clone();
        let n = self.types.func(self.funcs[f as usize].ty).params().len();
        let args = stack.split_off(stack.len() - n);
        // Put the stack back so a re-entrant call keeps it rooted.
        self.stack = std::mem::take(stack);
        let prev = self.caller_instance;
        self.caller_instance = caller;
        let r = h(self, &args);
        self.caller_instance = prev;
        *stack = std::mem::take(&mut self.stack);
        stack.extend(r?);
        Ok(())
    }

    fn invoke(&mut self, stack: &mut Vec<Val>, frames: &mut Vec<Frame>, func: u32) -> Result<(), Error> {
        if matches!(self.funcs[func as usize].kind, FuncKind::Host(_)) {
            return self.call_host(stack, func, None);
        }
        let code = self.code_of(func)?;
        let base = stack.len() - code.num_params as usize;
        stack.extend_from_slice(&code.local_defaults);
        let entry = frames.len();
        self.run(stack, frames, code, base, entry, 0)
    }

    pub(crate) fn ref_matches(&self, r: Ref, ht: Ht, nullable: bool) -> bool {
        match r {
            Ref::Null => nullable,
            Ref::I31(_) => matches!(ht, Ht::Any | Ht::Eq | Ht::I31),
            Ref::Gc(i) => {
                let obj = self.heap.get(i);
                let is_struct = matches!(obj, Obj::Struct { .. });
                match ht {
                    Ht::Any | Ht::Eq => true,
                    Ht::Struct => is_struct,
                    Ht::Array => !is_struct,
                    Ht::Concrete(t) => self.types.is_sub(obj.type_id(), t),
                    _ => false,
                }
            }
            Ref::Func(f) => match ht {
                Ht::Func => true,
                Ht::Concrete(t) => self.types.is_sub(self.funcs[f as usize].ty, t),
                _ => false,
            },
            Ref::Host(_) => matches!(ht, Ht::Any),
            Ref::ExternHost(_) | Ref::ExternGc(_) | Ref::ExternI31(_) => matches!(ht, Ht::Extern),
            Ref::Exn(_) => matches!(ht, Ht::Exn),
        }
    }

    /// Allocation entry point for the interpreter: collects first if due, with `stack` as roots.
    fn alloc(&mut self, stack: &[Val], obj: Obj) -> u32 {
        if self.heap.should_collect() {
            self.collect_with(stack);
        }
        if self.limits.max_gc_heap_bytes != usize::MAX {
            self.check_gc_limit(stack, obj.bytes());
        }
        self.heap.alloc(obj)
    }

    fn gc_if_due(&mut self, stack: &[Val]) {
        if self.heap.should_collect() {
            self.collect_with(stack);
        }
        if self.limits.max_gc_heap_bytes != usize::MAX {
            self.check_gc_limit(stack, 0);
        }
    }

    /// Runs `code` from `start_pc` until the frame at depth `entry` returns, or until an async host
    /// function asks for suspension (`suspend_requested`; the current frame is then pushed on `frames`).
    pub(crate) fn run(
        &mut self,
        stack: &mut Vec<Val>,
        frames: &mut Vec<Frame>,
        code: Arc<Code>,
        base: usize,
        entry: usize,
        start_pc: usize,
    ) -> Result<(), Error> {
        // Two copies of the loop, so the unmetered one pays nothing per instruction for metering.
        if self.fuel.is_some() || self.meter_active() {
            self.run_loop::<true>(stack, frames, code, base, entry, start_pc)
        } else {
            self.run_loop::<false>(stack, frames, code, base, entry, start_pc)
        }
    }

    #[allow(clippy::too_many_lines)]
    fn run_loop<const METERED: bool>(
        &mut self,
        stack: &mut Vec<Val>,
        frames: &mut Vec<Frame>,
        mut code: Arc<Code>,
        mut base: usize,
        entry: usize,
        start_pc: usize,
    ) -> Result<(), Error> {
        let max_frames = self.limits.max_frames;
        let max_stack = self.limits.max_stack;

        // The operand stack is register-cached: `sp` points one past the top value and `bp` at
        // local 0 of the running frame. Operand access needs no length/capacity checks: validation
        // guarantees the operands are there, and `ensure_spare` (called whenever a frame starts or
        // resumes running) guarantees capacity for the frame's validated maximum height.
        //
        // `stack.len()` is stale while ops run. `sync_out!` writes `sp` back before anything
        // that looks at the Vec — above all every GC point (`alloc`, `gc_if_due`, host calls), so
        // the collector sees every live reference — and before returning. `sync_in!` reloads both
        // pointers after anything that may have changed or reallocated the Vec.
        let mut sp: *mut Val;
        let mut bp: *mut Val;
        macro_rules! sync_out {
            () => {
                unsafe { stack.set_len(sp.offset_from(stack.as_ptr()) as usize) }
            };
        }
        macro_rules! sync_in {
            () => {
                unsafe {
                    sp = stack.as_mut_ptr().add(stack.len());
                    bp = stack.as_mut_ptr().add(base);
                }
            };
        }
        macro_rules! pop {
            () => {
                unsafe {
                    sp = sp.sub(1);
                    *sp
                }
            };
        }
        macro_rules! discard {
            () => {
                unsafe { sp = sp.sub(1) }
            };
        }
        macro_rules! top {
            () => {
                unsafe { &mut *sp.sub(1) }
            };
        }
        macro_rules! push {
            ($v:expr) => {{
                let v: Val = $v;
                unsafe {
                    sp.write(v);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! local {
            ($i:expr) => {
                unsafe { &mut *bp.add($i as usize) }
            };
        }
        // Branch adjustment: keep the top `keep` values, dropping `drop` below them.
        macro_rules! branch_adjust {
            ($b:expr) => {{
                let b: Branch = $b;
                if b.drop > 0 {
                    let k = b.keep as usize;
                    let d = b.drop as usize;
                    unsafe {
                        if k == 1 {
                            *sp.sub(1 + d) = *sp.sub(1);
                        } else if k > 0 {
                            std::ptr::copy(sp.sub(k), sp.sub(k + d), k);
                        }
                        sp = sp.sub(d);
                    }
                }
            }};
        }
        // Pops the operand(s) of a fused i32 comparison and evaluates it.
        macro_rules! eval_cmp {
            ($cmp:expr) => {{
                let cmp: Cmp = $cmp;
                let b = pop!().i32();
                if cmp == Cmp::Eqz {
                    b == 0
                } else {
                    let a = pop!().i32();
                    cmp_i32(cmp, a, b)
                }
            }};
        }
        // `ops` caches `code.ops.as_ptr()`; it must be refreshed whenever `code` changes. `ip`
        // points at the next instruction of `code`.
        let mut ops: *const Op = code.ops.as_ptr();
        // SAFETY (all uses of `ip`): every body ends with `Return`, every branch target and saved
        // pc is inside its body, so `ip` stays within `code.ops`.
        let mut ip: *const Op = unsafe { ops.add(start_pc) };
        macro_rules! set_ops {
            () => {
                ops = code.ops.as_ptr()
            };
        }
        // The index of the next instruction (what `Frame::pc` stores).
        macro_rules! pc {
            () => {
                unsafe { ip.offset_from(ops) as usize }
            };
        }
        macro_rules! jump {
            ($to:expr) => {
                ip = unsafe { ops.add($to as usize) }
            };
        }
        ensure_spare(stack, code.max_height);
        sync_in!();
        macro_rules! un {
            ($get:ident, $ctor:ident, |$a:ident| $e:expr) => {{
                let t = top!();
                let $a = t.$get();
                *t = Val::$ctor($e);
            }};
        }
        macro_rules! bin {
            ($get:ident, $ctor:ident, |$a:ident, $b:ident| $e:expr) => {{
                let $b = pop!().$get();
                let t = top!();
                let $a = t.$get();
                *t = Val::$ctor($e);
            }};
        }
        macro_rules! bin_try {
            ($get:ident, $ctor:ident, |$a:ident, $b:ident| $e:expr) => {{
                let $b = pop!().$get();
                let t = top!();
                let $a = t.$get();
                *t = Val::$ctor($e?);
            }};
        }
        macro_rules! cmp {
            ($get:ident, |$a:ident, $b:ident| $e:expr) => {{
                let $b = pop!().$get();
                let t = top!();
                let $a = t.$get();
                *t = Val::I32($e as i32);
            }};
        }
        macro_rules! load {
            ($mem:expr, $off:expr, $n:literal, |$b:ident| $conv:expr) => {{
                let a = top!().addr();
                load!($mem, $off, $n, |$b| $conv, a)
            }};
            // Loads from address `$a` into the top slot.
            ($mem:expr, $off:expr, $n:literal, |$b:ident| $conv:expr, $a:expr) => {{
                let m = &self.mems[$mem as usize];
                let t = top!();
                match ea($a, $off, $n, m.data.len()) {
                    Some(i) => {
                        let $b: [u8; $n] = m.data[i..i + $n].try_into().unwrap();
                        *t = $conv;
                    }
                    None => return trap(msg::OOB_MEMORY),
                }
            }};
        }
        macro_rules! store {
            ($mem:expr, $off:expr, $n:literal, |$v:ident| $bytes:expr) => {{
                let $v = pop!();
                let a = pop!().addr();
                store!($mem, $off, $n, |$v| $bytes, a)
            }};
            // Stores `$v` (already bound) at address `$a`.
            ($mem:expr, $off:expr, $n:literal, |$v:ident| $bytes:expr, $a:expr) => {{
                let a: u64 = $a;
                let m = &mut self.mems[$mem as usize];
                match ea(a, $off, $n, m.data.len()) {
                    Some(i) => m.data[i..i + $n].copy_from_slice(&$bytes),
                    None => return trap(msg::OOB_MEMORY),
                }
            }};
        }
        // Enter wasm function code `c` whose arguments are on top of the stack.
        macro_rules! enter {
            ($c:expr) => {{
                let c: Arc<Code> = $c;
                sync_out!();
                if frames.len() >= max_frames || stack.len() > max_stack {
                    return trap(msg::STACK_EXHAUSTED);
                }
                let new_base = stack.len() - c.num_params as usize;
                stack.extend_from_slice(&c.local_defaults);
                ensure_spare(stack, c.max_height);
                let ret_pc = pc!() as u32;
                let old = std::mem::replace(&mut code, c);
                set_ops!();
                frames.push(Frame { code: old, pc: ret_pc, base: base as u32 });
                base = new_base;
                sync_in!();
                ip = ops;
            }};
        }
        macro_rules! do_return {
            () => {{
                let n = code.num_results as usize;
                unsafe {
                    let src = sp.sub(n);
                    if src != bp {
                        // The common single-result case without a memmove call.
                        if n == 1 {
                            *bp = *src;
                        } else {
                            std::ptr::copy(src, bp, n);
                        }
                    }
                    sp = bp.add(n);
                }
                sync_out!();
                if frames.len() == entry {
                    return Ok(());
                }
                let f = frames.pop().unwrap();
                code = f.code;
                set_ops!();
                // Cheap, and keeps the invariant even if the stack was swapped while suspended.
                ensure_spare(stack, code.max_height);
                jump!(f.pc);
                base = f.base as usize;
                sync_in!();
            }};
        }
        macro_rules! call {
            ($f:expr) => {{
                let f: u32 = $f;
                match &self.funcs[f as usize].kind {
                    FuncKind::Wasm { code: Some(c), .. } => {
                        let c = c.clone();
                        enter!(c)
                    }
                    FuncKind::Wasm { .. } => {
                        let c = self.code_of(f)?;
                        enter!(c)
                    }
                    FuncKind::Host(_) => {
                        let inst = code.instance;
                        sync_out!();
                        self.call_host(stack, f, Some(inst))?;
                        ensure_spare(stack, code.max_height);
                        sync_in!();
                        if self.suspend_requested {
                            frames.push(Frame { code: code.clone(), pc: pc!() as u32, base: base as u32 });
                            return Ok(());
                        }
                    }
                }
            }};
        }
        macro_rules! tail_call {
            ($f:expr) => {{
                let f: u32 = $f;
                let n = self.types.func(self.funcs[f as usize].ty).params().len();
                sync_out!();
                let src = stack.len() - n;
                if src != base {
                    stack.copy_within(src.., base);
                }
                stack.truncate(base + n);
                match &self.funcs[f as usize].kind {
                    FuncKind::Host(_) => {
                        let inst = code.instance;
                        sync_out!();
                        self.call_host(stack, f, Some(inst))?;
                        ensure_spare(stack, code.max_height);
                        sync_in!();
                        if self.suspend_requested {
                            self.suspend_requested = false;
                            return trap("async host function reached through return_call");
                        }
                        do_return!();
                    }
                    _ => {
                        let c = self.code_of(f)?;
                        stack.extend_from_slice(&c.local_defaults);
                        if stack.len() > max_stack {
                            return trap(msg::STACK_EXHAUSTED);
                        }
                        ensure_spare(stack, c.max_height);
                        code = c;
                        set_ops!();
                        sync_in!();
                        ip = ops;
                    }
                }
            }};
        }
        macro_rules! indirect_target {
            ($table:expr, $ty:expr) => {{
                let i = pop!().addr();
                let t = &self.tables[$table as usize];
                let Some(r) = t.elems.get(i as usize).copied().filter(|_| i < t.elems.len() as u64) else {
                    return trap(msg::UNDEFINED_ELEMENT);
                };
                match r {
                    Ref::Func(f) => {
                        let fty = self.funcs[f as usize].ty;
                        if fty != $ty && !self.types.is_sub(fty, $ty) {
                            return trap(msg::INDIRECT_TYPE_MISMATCH);
                        }
                        f
                    }
                    _ => return trap(msg::UNINITIALIZED_ELEMENT),
                }
            }};
        }
        macro_rules! throw {
            ($exn:expr) => {{
                let exn: u32 = $exn;
                let tag = match self.heap.get(exn) {
                    Obj::Exn { tag, .. } => *tag,
                    _ => u32::MAX,
                };
                let mut ipc = pc!() - 1;
                sync_out!();
                'search: loop {
                    for h in code.handlers.iter() {
                        if (h.start as usize) <= ipc && ipc < h.end as usize {
                            for c in &h.catches {
                                if c.tag.is_none() || c.tag == Some(tag) {
                                    stack.truncate(base + code.num_locals() as usize + c.height as usize);
                                    if c.tag.is_some() {
                                        if let Obj::Exn { fields, .. } = self.heap.get(exn) {
                                            stack.extend_from_slice(fields);
                                        }
                                    }
                                    if c.with_ref {
                                        stack.push(Val::Ref(Ref::Exn(exn)));
                                    }
                                    jump!(c.to);
                                    break 'search;
                                }
                            }
                        }
                    }
                    if frames.len() == entry {
                        self.host_roots.push(Ref::Exn(exn));
                        return Err(Error::Exception(format!("uncaught exception (tag {tag})")));
                    }
                    let f = frames.pop().unwrap();
                    code = f.code;
                    set_ops!();
                    base = f.base as usize;
                    // The call instruction in the caller (`ip` is set when a handler matches).
                    ipc = f.pc as usize - 1;
                }
                // The frame may be a caller's: its spare capacity was reserved when it ran before.
                ensure_spare(stack, code.max_height);
                sync_in!();
                continue;
            }};
        }

        loop {
            if METERED {
                sync_out!();
                if let Err(e) = self.meter_tick(&code, pc!()) {
                    // Out of fuel or past the epoch deadline under `call_async` with yielding
                    // configured: park here (this instruction has not run) instead of trapping.
                    if self.suspend_requested {
                        frames.push(Frame { code: code.clone(), pc: pc!() as u32, base: base as u32 });
                        return Ok(());
                    }
                    return Err(e);
                }
            }
            // Matching through a reference lets each arm load only the fields it uses.
            let op: &Op = unsafe { &*ip };
            ip = unsafe { ip.add(1) };
            match *op {
                Op::Unreachable => return trap(msg::UNREACHABLE),
                Op::Nop => {}
                Op::Br(b) => {
                    branch_adjust!(b);
                    jump!(b.to);
                }
                Op::BrIf(b) => {
                    if pop!().i32() != 0 {
                        branch_adjust!(b);
                        jump!(b.to);
                    }
                }
                Op::BrUnless(to) => {
                    if pop!().i32() == 0 {
                        jump!(to);
                    }
                }
                Op::BrTable { start, len } => {
                    let i = (pop!().i32() as u32).min(len);
                    let b = code.br_tables[(start + i) as usize];
                    branch_adjust!(b);
                    jump!(b.to);
                }
                Op::Return => do_return!(),
                Op::Call(f) => call!(f),
                Op::CallIndirect { table, ty } => {
                    let f = indirect_target!(table, ty);
                    call!(f)
                }
                Op::CallRef => match pop!().r() {
                    Ref::Func(f) => call!(f),
                    _ => return trap(msg::NULL_FUNC),
                },
                Op::ReturnCall(f) => tail_call!(f),
                Op::ReturnCallIndirect { table, ty } => {
                    let f = indirect_target!(table, ty);
                    tail_call!(f)
                }
                Op::ReturnCallRef => match pop!().r() {
                    Ref::Func(f) => tail_call!(f),
                    _ => return trap(msg::NULL_FUNC),
                },
                Op::Drop => {
                    discard!();
                }
                Op::Select => {
                    let c = pop!().i32();
                    let b = pop!();
                    if c == 0 {
                        *top!() = b;
                    }
                }
                Op::LocalGet(i) => push!(*local!(i)),
                Op::LocalSet(i) => {
                    let v = pop!();
                    *local!(i) = v;
                }
                Op::LocalTee(i) => {
                    let v = *top!();
                    *local!(i) = v;
                }
                Op::GlobalGet(g) => push!(self.globals[g as usize].val),
                Op::GlobalSet(g) => self.globals[g as usize].val = pop!(),
                Op::I32Load { mem, off } => load!(mem, off, 4, |b| Val::I32(i32::from_le_bytes(b))),
                Op::I64Load { mem, off } => load!(mem, off, 8, |b| Val::I64(i64::from_le_bytes(b))),
                Op::F32Load { mem, off } => load!(mem, off, 4, |b| Val::F32(u32::from_le_bytes(b))),
                Op::F64Load { mem, off } => load!(mem, off, 8, |b| Val::F64(u64::from_le_bytes(b))),
                Op::I32Load8S { mem, off } => load!(mem, off, 1, |b| Val::I32(b[0] as i8 as i32)),
                Op::I32Load8U { mem, off } => load!(mem, off, 1, |b| Val::I32(b[0] as i32)),
                Op::I32Load16S { mem, off } => load!(mem, off, 2, |b| Val::I32(i16::from_le_bytes(b) as i32)),
                Op::I32Load16U { mem, off } => load!(mem, off, 2, |b| Val::I32(u16::from_le_bytes(b) as i32)),
                Op::I64Load8S { mem, off } => load!(mem, off, 1, |b| Val::I64(b[0] as i8 as i64)),
                Op::I64Load8U { mem, off } => load!(mem, off, 1, |b| Val::I64(b[0] as i64)),
                Op::I64Load16S { mem, off } => load!(mem, off, 2, |b| Val::I64(i16::from_le_bytes(b) as i64)),
                Op::I64Load16U { mem, off } => load!(mem, off, 2, |b| Val::I64(u16::from_le_bytes(b) as i64)),
                Op::I64Load32S { mem, off } => load!(mem, off, 4, |b| Val::I64(i32::from_le_bytes(b) as i64)),
                Op::I64Load32U { mem, off } => load!(mem, off, 4, |b| Val::I64(u32::from_le_bytes(b) as i64)),
                Op::I32Store { mem, off } => store!(mem, off, 4, |v| v.i32().to_le_bytes()),
                Op::I64Store { mem, off } => store!(mem, off, 8, |v| v.i64().to_le_bytes()),
                Op::F32Store { mem, off } => store!(mem, off, 4, |v| v.f32().to_bits().to_le_bytes()),
                Op::F64Store { mem, off } => store!(mem, off, 8, |v| v.f64().to_bits().to_le_bytes()),
                Op::I32Store8 { mem, off } => store!(mem, off, 1, |v| [v.i32() as u8]),
                Op::I32Store16 { mem, off } => store!(mem, off, 2, |v| (v.i32() as u16).to_le_bytes()),
                Op::I64Store8 { mem, off } => store!(mem, off, 1, |v| [v.i64() as u8]),
                Op::I64Store16 { mem, off } => store!(mem, off, 2, |v| (v.i64() as u16).to_le_bytes()),
                Op::I64Store32 { mem, off } => store!(mem, off, 4, |v| (v.i64() as u32).to_le_bytes()),
                Op::MemorySize(m) => {
                    let mem = &self.mems[m as usize];
                    let p = mem.pages();
                    push!(if mem.is64 { Val::I64(p as i64) } else { Val::I32(p as i32) });
                }
                Op::MemoryGrow(m) => {
                    let limit = self.limits.max_memory_pages;
                    let mem = &mut self.mems[m as usize];
                    let d = pop!().addr();
                    let r = mem.grow(d, limit).map(|o| o as i64).unwrap_or(-1);
                    push!(if mem.is64 { Val::I64(r) } else { Val::I32(r as i32) });
                }
                Op::MemoryInit { mem, data } => {
                    let n = pop!().addr();
                    let s = pop!().addr();
                    let d = pop!().addr();
                    let seg = &self.datas[data as usize];
                    let m = &mut self.mems[mem as usize];
                    if !range_ok(s, n, seg.len()) || !range_ok(d, n, m.data.len()) {
                        return trap(msg::OOB_MEMORY);
                    }
                    m.data[d as usize..(d + n) as usize].copy_from_slice(&seg[s as usize..(s + n) as usize]);
                }
                Op::DataDrop(d) => self.datas[d as usize] = Arc::from(&[][..]),
                Op::MemoryCopy { dst, src } => {
                    let n = pop!().addr();
                    let s = pop!().addr();
                    let d = pop!().addr();
                    if !range_ok(s, n, self.mems[src as usize].data.len())
                        || !range_ok(d, n, self.mems[dst as usize].data.len())
                    {
                        return trap(msg::OOB_MEMORY);
                    }
                    let (s, d, n) = (s as usize, d as usize, n as usize);
                    if dst == src {
                        self.mems[dst as usize].data.copy_within(s..s + n, d);
                    } else {
                        let tmp = self.mems[src as usize].data[s..s + n].to_vec();
                        self.mems[dst as usize].data[d..d + n].copy_from_slice(&tmp);
                    }
                }
                Op::MemoryFill(m) => {
                    let n = pop!().addr();
                    let v = pop!().i32() as u8;
                    let d = pop!().addr();
                    let mem = &mut self.mems[m as usize];
                    if !range_ok(d, n, mem.data.len()) {
                        return trap(msg::OOB_MEMORY);
                    }
                    mem.data[d as usize..(d + n) as usize].fill(v);
                }
                Op::I32Const(v) => push!(Val::I32(v)),
                Op::I64Const(v) => push!(Val::I64(v)),
                Op::F32Const(v) => push!(Val::F32(v)),
                Op::F64Const(v) => push!(Val::F64(v)),
                Op::I32Eqz => un!(i32, I32, |a| (a == 0) as i32),
                Op::I32Eq => cmp!(i32, |a, b| a == b),
                Op::I32Ne => cmp!(i32, |a, b| a != b),
                Op::I32LtS => cmp!(i32, |a, b| a < b),
                Op::I32LtU => cmp!(i32, |a, b| (a as u32) < (b as u32)),
                Op::I32GtS => cmp!(i32, |a, b| a > b),
                Op::I32GtU => cmp!(i32, |a, b| (a as u32) > (b as u32)),
                Op::I32LeS => cmp!(i32, |a, b| a <= b),
                Op::I32LeU => cmp!(i32, |a, b| (a as u32) <= (b as u32)),
                Op::I32GeS => cmp!(i32, |a, b| a >= b),
                Op::I32GeU => cmp!(i32, |a, b| (a as u32) >= (b as u32)),
                Op::I64Eqz => un!(i64, I32, |a| (a == 0) as i32),
                Op::I64Eq => cmp!(i64, |a, b| a == b),
                Op::I64Ne => cmp!(i64, |a, b| a != b),
                Op::I64LtS => cmp!(i64, |a, b| a < b),
                Op::I64LtU => cmp!(i64, |a, b| (a as u64) < (b as u64)),
                Op::I64GtS => cmp!(i64, |a, b| a > b),
                Op::I64GtU => cmp!(i64, |a, b| (a as u64) > (b as u64)),
                Op::I64LeS => cmp!(i64, |a, b| a <= b),
                Op::I64LeU => cmp!(i64, |a, b| (a as u64) <= (b as u64)),
                Op::I64GeS => cmp!(i64, |a, b| a >= b),
                Op::I64GeU => cmp!(i64, |a, b| (a as u64) >= (b as u64)),
                Op::F32Eq => cmp!(f32, |a, b| a == b),
                Op::F32Ne => cmp!(f32, |a, b| a != b),
                Op::F32Lt => cmp!(f32, |a, b| a < b),
                Op::F32Gt => cmp!(f32, |a, b| a > b),
                Op::F32Le => cmp!(f32, |a, b| a <= b),
                Op::F32Ge => cmp!(f32, |a, b| a >= b),
                Op::F64Eq => cmp!(f64, |a, b| a == b),
                Op::F64Ne => cmp!(f64, |a, b| a != b),
                Op::F64Lt => cmp!(f64, |a, b| a < b),
                Op::F64Gt => cmp!(f64, |a, b| a > b),
                Op::F64Le => cmp!(f64, |a, b| a <= b),
                Op::F64Ge => cmp!(f64, |a, b| a >= b),
                Op::I32Clz => un!(i32, I32, |a| a.leading_zeros() as i32),
                Op::I32Ctz => un!(i32, I32, |a| a.trailing_zeros() as i32),
                Op::I32Popcnt => un!(i32, I32, |a| a.count_ones() as i32),
                Op::I32Add => bin!(i32, I32, |a, b| a.wrapping_add(b)),
                Op::I32Sub => bin!(i32, I32, |a, b| a.wrapping_sub(b)),
                Op::I32Mul => bin!(i32, I32, |a, b| a.wrapping_mul(b)),
                Op::I32DivS => bin_try!(i32, I32, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else if a == i32::MIN && b == -1 {
                    trap(msg::INT_OVERFLOW)
                } else {
                    Ok(a / b)
                }),
                Op::I32DivU => bin_try!(i32, I32, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else {
                    Ok(((a as u32) / (b as u32)) as i32)
                }),
                Op::I32RemS => bin_try!(i32, I32, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else {
                    Ok(a.wrapping_rem(b))
                }),
                Op::I32RemU => bin_try!(i32, I32, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else {
                    Ok(((a as u32) % (b as u32)) as i32)
                }),
                Op::I32And => bin!(i32, I32, |a, b| a & b),
                Op::I32Or => bin!(i32, I32, |a, b| a | b),
                Op::I32Xor => bin!(i32, I32, |a, b| a ^ b),
                Op::I32Shl => bin!(i32, I32, |a, b| a.wrapping_shl(b as u32)),
                Op::I32ShrS => bin!(i32, I32, |a, b| a.wrapping_shr(b as u32)),
                Op::I32ShrU => bin!(i32, I32, |a, b| (a as u32).wrapping_shr(b as u32) as i32),
                Op::I32Rotl => bin!(i32, I32, |a, b| a.rotate_left(b as u32 & 31)),
                Op::I32Rotr => bin!(i32, I32, |a, b| a.rotate_right(b as u32 & 31)),
                Op::I64Clz => un!(i64, I64, |a| a.leading_zeros() as i64),
                Op::I64Ctz => un!(i64, I64, |a| a.trailing_zeros() as i64),
                Op::I64Popcnt => un!(i64, I64, |a| a.count_ones() as i64),
                Op::I64Add => bin!(i64, I64, |a, b| a.wrapping_add(b)),
                Op::I64Sub => bin!(i64, I64, |a, b| a.wrapping_sub(b)),
                Op::I64Mul => bin!(i64, I64, |a, b| a.wrapping_mul(b)),
                Op::I64DivS => bin_try!(i64, I64, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else if a == i64::MIN && b == -1 {
                    trap(msg::INT_OVERFLOW)
                } else {
                    Ok(a / b)
                }),
                Op::I64DivU => bin_try!(i64, I64, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else {
                    Ok(((a as u64) / (b as u64)) as i64)
                }),
                Op::I64RemS => bin_try!(i64, I64, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else {
                    Ok(a.wrapping_rem(b))
                }),
                Op::I64RemU => bin_try!(i64, I64, |a, b| if b == 0 {
                    trap(msg::DIV_ZERO)
                } else {
                    Ok(((a as u64) % (b as u64)) as i64)
                }),
                Op::I64And => bin!(i64, I64, |a, b| a & b),
                Op::I64Or => bin!(i64, I64, |a, b| a | b),
                Op::I64Xor => bin!(i64, I64, |a, b| a ^ b),
                Op::I64Shl => bin!(i64, I64, |a, b| a.wrapping_shl(b as u32)),
                Op::I64ShrS => bin!(i64, I64, |a, b| a.wrapping_shr(b as u32)),
                Op::I64ShrU => bin!(i64, I64, |a, b| (a as u64).wrapping_shr(b as u32) as i64),
                Op::I64Rotl => bin!(i64, I64, |a, b| a.rotate_left((b & 63) as u32)),
                Op::I64Rotr => bin!(i64, I64, |a, b| a.rotate_right((b & 63) as u32)),
                Op::F32Abs => un!(f32, F32, |a| a.to_bits() & 0x7fff_ffff),
                Op::F32Neg => un!(f32, F32, |a| a.to_bits() ^ 0x8000_0000),
                Op::F32Ceil => un!(f32, F32, |a| quiet32(a.ceil())),
                Op::F32Floor => un!(f32, F32, |a| quiet32(a.floor())),
                Op::F32Trunc => un!(f32, F32, |a| quiet32(a.trunc())),
                Op::F32Nearest => un!(f32, F32, |a| quiet32(a.round_ties_even())),
                Op::F32Sqrt => un!(f32, F32, |a| quiet32(a.sqrt())),
                Op::F32Add => bin!(f32, F32, |a, b| (a + b).to_bits()),
                Op::F32Sub => bin!(f32, F32, |a, b| (a - b).to_bits()),
                Op::F32Mul => bin!(f32, F32, |a, b| (a * b).to_bits()),
                Op::F32Div => bin!(f32, F32, |a, b| (a / b).to_bits()),
                Op::F32Min => bin!(f32, F32, |a, b| fmin32(a, b).to_bits()),
                Op::F32Max => bin!(f32, F32, |a, b| fmax32(a, b).to_bits()),
                Op::F32Copysign => {
                    bin!(f32, F32, |a, b| (a.to_bits() & 0x7fff_ffff) | (b.to_bits() & 0x8000_0000))
                }
                Op::F64Abs => un!(f64, F64, |a| a.to_bits() & 0x7fff_ffff_ffff_ffff),
                Op::F64Neg => un!(f64, F64, |a| a.to_bits() ^ 0x8000_0000_0000_0000),
                Op::F64Ceil => un!(f64, F64, |a| quiet64(a.ceil())),
                Op::F64Floor => un!(f64, F64, |a| quiet64(a.floor())),
                Op::F64Trunc => un!(f64, F64, |a| quiet64(a.trunc())),
                Op::F64Nearest => un!(f64, F64, |a| quiet64(a.round_ties_even())),
                Op::F64Sqrt => un!(f64, F64, |a| quiet64(a.sqrt())),
                Op::F64Add => bin!(f64, F64, |a, b| (a + b).to_bits()),
                Op::F64Sub => bin!(f64, F64, |a, b| (a - b).to_bits()),
                Op::F64Mul => bin!(f64, F64, |a, b| (a * b).to_bits()),
                Op::F64Div => bin!(f64, F64, |a, b| (a / b).to_bits()),
                Op::F64Min => bin!(f64, F64, |a, b| fmin64(a, b).to_bits()),
                Op::F64Max => bin!(f64, F64, |a, b| fmax64(a, b).to_bits()),
                Op::F64Copysign => bin!(f64, F64, |a, b| (a.to_bits() & 0x7fff_ffff_ffff_ffff)
                    | (b.to_bits() & 0x8000_0000_0000_0000)),
                Op::I32WrapI64 => un!(i64, I32, |a| a as i32),
                Op::I32TruncF32S => {
                    let t = top!();
                    *t = Val::I32(trunc_checked(t.f32() as f64, -2147483649.0, 2147483648.0)? as i32);
                }
                Op::I32TruncF32U => {
                    let t = top!();
                    *t = Val::I32(trunc_checked(t.f32() as f64, -1.0, 4294967296.0)? as u32 as i32);
                }
                Op::I32TruncF64S => {
                    let t = top!();
                    *t = Val::I32(trunc_checked(t.f64(), -2147483649.0, 2147483648.0)? as i32);
                }
                Op::I32TruncF64U => {
                    let t = top!();
                    *t = Val::I32(trunc_checked(t.f64(), -1.0, 4294967296.0)? as u32 as i32);
                }
                Op::I64ExtendI32S => un!(i32, I64, |a| a as i64),
                Op::I64ExtendI32U => un!(i32, I64, |a| a as u32 as i64),
                Op::I64TruncF32S => {
                    let t = top!();
                    *t = Val::I64(trunc_checked(t.f32() as f64, -9223373136366403584.0, 9223372036854775808.0)? as i64);
                }
                Op::I64TruncF32U => {
                    let t = top!();
                    *t = Val::I64(trunc_checked(t.f32() as f64, -1.0, 18446744073709551616.0)? as u64 as i64);
                }
                Op::I64TruncF64S => {
                    let t = top!();
                    *t = Val::I64(trunc_checked(t.f64(), -9223372036854777856.0, 9223372036854775808.0)? as i64);
                }
                Op::I64TruncF64U => {
                    let t = top!();
                    *t = Val::I64(trunc_checked(t.f64(), -1.0, 18446744073709551616.0)? as u64 as i64);
                }
                Op::F32ConvertI32S => un!(i32, F32, |a| (a as f32).to_bits()),
                Op::F32ConvertI32U => un!(i32, F32, |a| (a as u32 as f32).to_bits()),
                Op::F32ConvertI64S => un!(i64, F32, |a| (a as f32).to_bits()),
                Op::F32ConvertI64U => un!(i64, F32, |a| (a as u64 as f32).to_bits()),
                Op::F32DemoteF64 => un!(f64, F32, |a| (a as f32).to_bits()),
                Op::F64ConvertI32S => un!(i32, F64, |a| (a as f64).to_bits()),
                Op::F64ConvertI32U => un!(i32, F64, |a| (a as u32 as f64).to_bits()),
                Op::F64ConvertI64S => un!(i64, F64, |a| (a as f64).to_bits()),
                Op::F64ConvertI64U => un!(i64, F64, |a| (a as u64 as f64).to_bits()),
                Op::F64PromoteF32 => un!(f32, F64, |a| (a as f64).to_bits()),
                Op::I32ReinterpretF32 => un!(f32, I32, |a| a.to_bits() as i32),
                Op::I64ReinterpretF64 => un!(f64, I64, |a| a.to_bits() as i64),
                Op::F32ReinterpretI32 => un!(i32, F32, |a| a as u32),
                Op::F64ReinterpretI64 => un!(i64, F64, |a| a as u64),
                Op::I32Extend8S => un!(i32, I32, |a| a as i8 as i32),
                Op::I32Extend16S => un!(i32, I32, |a| a as i16 as i32),
                Op::I64Extend8S => un!(i64, I64, |a| a as i8 as i64),
                Op::I64Extend16S => un!(i64, I64, |a| a as i16 as i64),
                Op::I64Extend32S => un!(i64, I64, |a| a as i32 as i64),
                Op::I32TruncSatF32S => un!(f32, I32, |a| a as i32),
                Op::I32TruncSatF32U => un!(f32, I32, |a| a as u32 as i32),
                Op::I32TruncSatF64S => un!(f64, I32, |a| a as i32),
                Op::I32TruncSatF64U => un!(f64, I32, |a| a as u32 as i32),
                Op::I64TruncSatF32S => un!(f32, I64, |a| a as i64),
                Op::I64TruncSatF32U => un!(f32, I64, |a| a as u64 as i64),
                Op::I64TruncSatF64S => un!(f64, I64, |a| a as i64),
                Op::I64TruncSatF64U => un!(f64, I64, |a| a as u64 as i64),
                Op::RefNull => push!(Val::Ref(Ref::Null)),
                Op::RefIsNull => un!(r, I32, |a| a.is_null() as i32),
                Op::RefFunc(f) => push!(Val::Ref(Ref::Func(f))),
                Op::RefAsNonNull => {
                    if top!().r().is_null() {
                        return trap(msg::NULL_REF);
                    }
                }
                Op::RefEq => cmp!(r, |a, b| a == b),
                Op::BrOnNull(b) => {
                    if top!().r().is_null() {
                        discard!();
                        branch_adjust!(b);
                        jump!(b.to);
                    }
                }
                Op::BrOnNonNull(b) => {
                    if top!().r().is_null() {
                        discard!();
                    } else {
                        branch_adjust!(b);
                        jump!(b.to);
                    }
                }
                Op::TableGet(t) => {
                    let i = pop!().addr();
                    let tab = &self.tables[t as usize];
                    if i >= tab.elems.len() as u64 {
                        return trap(msg::OOB_TABLE);
                    }
                    push!(Val::Ref(tab.elems[i as usize]));
                }
                Op::TableSet(t) => {
                    let v = pop!().r();
                    let i = pop!().addr();
                    let tab = &mut self.tables[t as usize];
                    if i >= tab.elems.len() as u64 {
                        return trap(msg::OOB_TABLE);
                    }
                    tab.elems[i as usize] = v;
                }
                Op::TableSize(t) => {
                    let tab = &self.tables[t as usize];
                    let n = tab.elems.len();
                    push!(if tab.is64 { Val::I64(n as i64) } else { Val::I32(n as i32) });
                }
                Op::TableGrow(t) => {
                    let n = pop!().addr();
                    let init = pop!().r();
                    let limit = self.limits.max_table_elems;
                    let tab = &mut self.tables[t as usize];
                    let old = tab.elems.len() as u64;
                    let cap = if tab.is64 { u64::MAX } else { u32::MAX as u64 };
                    let max = tab.max.unwrap_or(cap).min(cap).min(limit);
                    let r = match old.checked_add(n) {
                        Some(new) if new <= max => {
                            tab.elems.resize(new as usize, init);
                            old as i64
                        }
                        _ => -1,
                    };
                    push!(if tab.is64 { Val::I64(r) } else { Val::I32(r as i32) });
                }
                Op::TableFill(t) => {
                    let n = pop!().addr();
                    let v = pop!().r();
                    let i = pop!().addr();
                    let tab = &mut self.tables[t as usize];
                    if !range_ok(i, n, tab.elems.len()) {
                        return trap(msg::OOB_TABLE);
                    }
                    tab.elems[i as usize..(i + n) as usize].fill(v);
                }
                Op::TableCopy { dst, src } => {
                    let n = pop!().addr();
                    let s = pop!().addr();
                    let d = pop!().addr();
                    if !range_ok(s, n, self.tables[src as usize].elems.len())
                        || !range_ok(d, n, self.tables[dst as usize].elems.len())
                    {
                        return trap(msg::OOB_TABLE);
                    }
                    let (s, d, n) = (s as usize, d as usize, n as usize);
                    if src == dst {
                        self.tables[dst as usize].elems.copy_within(s..s + n, d);
                    } else {
                        let tmp = self.tables[src as usize].elems[s..s + n].to_vec();
                        self.tables[dst as usize].elems[d..d + n].copy_from_slice(&tmp);
                    }
                }
                Op::TableInit { table, elem } => {
                    let n = pop!().addr();
                    let s = pop!().addr();
                    let d = pop!().addr();
                    let seg = &self.elems[elem as usize];
                    let tab = &mut self.tables[table as usize];
                    if !range_ok(s, n, seg.len()) || !range_ok(d, n, tab.elems.len()) {
                        return trap(msg::OOB_TABLE);
                    }
                    let (s, d, n) = (s as usize, d as usize, n as usize);
                    tab.elems[d..d + n].copy_from_slice(&seg[s..s + n]);
                }
                Op::ElemDrop(e) => self.elems[e as usize] = Vec::new(),
                Op::StructNew(ty) => {
                    sync_out!();
                    self.gc_if_due(stack);
                    let n = self.types.struct_fields(ty).len();
                    let fields: Box<[Val]> = pop_slice(&mut sp, n).into();
                    let i = self.heap.alloc(Obj::Struct { ty, fields });
                    push!(Val::Ref(Ref::Gc(i)));
                }
                Op::StructNewDefault(ty) => {
                    let fields: Box<[Val]> = self
                        .types
                        .struct_fields(ty)
                        .iter()
                        .map(|f| crate::types::storage_default(f.element_type))
                        .collect();
                    sync_out!();
                    let i = self.alloc(stack, Obj::Struct { ty, fields });
                    push!(Val::Ref(Ref::Gc(i)));
                }
                Op::StructGet(field) => {
                    let t = top!();
                    match t.r() {
                        Ref::Gc(i) => match self.heap.get(i) {
                            Obj::Struct { fields, .. } => *t = fields[field as usize],
                            _ => return trap(msg::CAST_FAILURE),
                        },
                        _ => return trap(msg::NULL_STRUCT),
                    }
                }
                Op::StructGetS { field, bits } | Op::StructGetU { field, bits } => {
                    let signed = matches!(*op, Op::StructGetS { .. });
                    let t = top!();
                    match t.r() {
                        Ref::Gc(i) => match self.heap.get(i) {
                            Obj::Struct { fields, .. } => {
                                let v = fields[field as usize].i32();
                                let sh = 32 - bits as u32;
                                *t = Val::I32(if signed { (v << sh) >> sh } else { v });
                            }
                            _ => return trap(msg::CAST_FAILURE),
                        },
                        _ => return trap(msg::NULL_STRUCT),
                    }
                }
                Op::StructSet { field, bits } => {
                    let mut v = pop!();
                    if bits > 0 {
                        v = Val::I32(v.i32() & ((1i32 << bits) - 1));
                    }
                    match pop!().r() {
                        Ref::Gc(i) => {
                            if let Obj::Struct { fields, .. } = self.heap.get_mut(i) {
                                fields[field as usize] = v;
                            }
                        }
                        _ => return trap(msg::NULL_STRUCT),
                    }
                }
                Op::ArrayNew(ty) => {
                    sync_out!();
                    self.gc_if_due(stack);
                    let n = pop!().i32() as u32 as u64;
                    let init = pop!();
                    if self.array_too_large(ty, n) {
                        return trap(msg::ARRAY_TOO_LARGE);
                    }
                    let data = self.array_data(ty, n as usize, init);
                    let i = self.heap.alloc(Obj::Array { ty, data });
                    push!(Val::Ref(Ref::Gc(i)));
                }
                Op::ArrayNewDefault(ty) => {
                    let n = pop!().i32() as u32 as u64;
                    if self.array_too_large(ty, n) {
                        return trap(msg::ARRAY_TOO_LARGE);
                    }
                    let init = crate::types::storage_default(self.types.array_elem(ty).element_type);
                    let data = self.array_data(ty, n as usize, init);
                    sync_out!();
                    let i = self.alloc(stack, Obj::Array { ty, data });
                    push!(Val::Ref(Ref::Gc(i)));
                }
                Op::ArrayNewFixed { ty, n } => {
                    sync_out!();
                    self.gc_if_due(stack);
                    let mut data = self.array_data(ty, 0, Val::I32(0));
                    let vals = pop_slice(&mut sp, n as usize).iter().copied();
                    match &mut data {
                        ArrayData::I8(v) => v.extend(vals.map(|x| x.i32() as u8)),
                        ArrayData::I16(v) => v.extend(vals.map(|x| x.i32() as u16)),
                        ArrayData::Vals(v) => v.extend(vals),
                    }
                    let i = self.heap.alloc(Obj::Array { ty, data });
                    push!(Val::Ref(Ref::Gc(i)));
                }
                Op::ArrayNewData { ty, data } => {
                    let n = pop!().i32() as u32 as u64;
                    let s = pop!().i32() as u32 as u64;
                    let st = self.types.array_elem(ty).element_type;
                    let z = elem_size(st) as u64;
                    let seg = self.datas[data as usize].clone();
                    if !range_ok(s, n * z, seg.len()) {
                        return trap(msg::OOB_MEMORY);
                    }
                    let mut arr = self.array_data(ty, 0, Val::I32(0));
                    let bytes = &seg[s as usize..(s + n * z) as usize];
                    match &mut arr {
                        ArrayData::I8(v) => v.extend_from_slice(bytes),
                        ArrayData::I16(v) => v.extend(bytes.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]]))),
                        ArrayData::Vals(v) => v.extend(bytes.chunks(z as usize).map(|c| decode_elem(st, c))),
                    }
                    sync_out!();
                    let i = self.alloc(stack, Obj::Array { ty, data: arr });
                    push!(Val::Ref(Ref::Gc(i)));
                }
                Op::ArrayNewElem { ty, elem } => {
                    let n = pop!().i32() as u32 as u64;
                    let s = pop!().i32() as u32 as u64;
                    let seg = &self.elems[elem as usize];
                    if !range_ok(s, n, seg.len()) {
                        return trap(msg::OOB_TABLE);
                    }
                    let v: Vec<Val> = seg[s as usize..(s + n) as usize].iter().map(|r| Val::Ref(*r)).collect();
                    sync_out!();
                    let i = self.alloc(stack, Obj::Array { ty, data: ArrayData::Vals(v) });
                    push!(Val::Ref(Ref::Gc(i)));
                }
                Op::ArrayGet | Op::ArrayGetS(_) | Op::ArrayGetU(_) => {
                    let i = pop!().i32() as u32 as usize;
                    let t = top!();
                    match t.r() {
                        Ref::Gc(o) => match self.heap.get(o) {
                            Obj::Array { data, .. } => {
                                if i >= data.len() {
                                    return trap(msg::OOB_ARRAY);
                                }
                                let v = data.get(i);
                                *t = match *op {
                                    Op::ArrayGetS(bits) => {
                                        let sh = 32 - bits as u32;
                                        Val::I32((v.i32() << sh) >> sh)
                                    }
                                    _ => v,
                                };
                            }
                            _ => return trap(msg::CAST_FAILURE),
                        },
                        _ => return trap(msg::NULL_ARRAY),
                    }
                }
                Op::ArraySet => {
                    let v = pop!();
                    let i = pop!().i32() as u32 as usize;
                    match pop!().r() {
                        Ref::Gc(o) => {
                            if let Obj::Array { data, .. } = self.heap.get_mut(o) {
                                if i >= data.len() {
                                    return trap(msg::OOB_ARRAY);
                                }
                                data.set(i, v);
                            }
                        }
                        _ => return trap(msg::NULL_ARRAY),
                    }
                }
                Op::ArrayLen => {
                    let t = top!();
                    match t.r() {
                        Ref::Gc(o) => match self.heap.get(o) {
                            Obj::Array { data, .. } => *t = Val::I32(data.len() as i32),
                            _ => return trap(msg::CAST_FAILURE),
                        },
                        _ => return trap(msg::NULL_ARRAY),
                    }
                }
                Op::ArrayFill => {
                    let n = pop!().i32() as u32 as u64;
                    let v = pop!();
                    let d = pop!().i32() as u32 as u64;
                    match pop!().r() {
                        Ref::Gc(o) => {
                            if let Obj::Array { data, .. } = self.heap.get_mut(o) {
                                if !range_ok(d, n, data.len()) {
                                    return trap(msg::OOB_ARRAY);
                                }
                                let (d, n) = (d as usize, n as usize);
                                match data {
                                    ArrayData::I8(a) => a[d..d + n].fill(v.i32() as u8),
                                    ArrayData::I16(a) => a[d..d + n].fill(v.i32() as u16),
                                    ArrayData::Vals(a) => a[d..d + n].fill(v),
                                }
                            }
                        }
                        _ => return trap(msg::NULL_ARRAY),
                    }
                }
                Op::ArrayCopy => {
                    let n = pop!().i32() as u32 as u64;
                    let s = pop!().i32() as u32 as u64;
                    let src = pop!().r();
                    let d = pop!().i32() as u32 as u64;
                    let dst = pop!().r();
                    let (Ref::Gc(so), Ref::Gc(dobj)) = (src, dst) else { return trap(msg::NULL_ARRAY) };
                    let slen = match self.heap.get(so) {
                        Obj::Array { data, .. } => data.len(),
                        _ => 0,
                    };
                    let dlen = match self.heap.get(dobj) {
                        Obj::Array { data, .. } => data.len(),
                        _ => 0,
                    };
                    if !range_ok(s, n, slen) || !range_ok(d, n, dlen) {
                        return trap(msg::OOB_ARRAY);
                    }
                    let (s, d, n) = (s as usize, d as usize, n as usize);
                    if so == dobj {
                        if let Obj::Array { data, .. } = self.heap.get_mut(so) {
                            match data {
                                ArrayData::I8(a) => a.copy_within(s..s + n, d),
                                ArrayData::I16(a) => a.copy_within(s..s + n, d),
                                ArrayData::Vals(a) => a.copy_within(s..s + n, d),
                            }
                        }
                    } else {
                        let tmp: Vec<Val> = match self.heap.get(so) {
                            Obj::Array { data, .. } => (s..s + n).map(|k| data.get(k)).collect(),
                            _ => Vec::new(),
                        };
                        if let Obj::Array { data, .. } = self.heap.get_mut(dobj) {
                            for (k, v) in tmp.into_iter().enumerate() {
                                data.set(d + k, v);
                            }
                        }
                    }
                }
                Op::ArrayInitData { ty, data } => {
                    let n = pop!().i32() as u32 as u64;
                    let s = pop!().i32() as u32 as u64;
                    let d = pop!().i32() as u32 as u64;
                    let Ref::Gc(o) = pop!().r() else { return trap(msg::NULL_ARRAY) };
                    let st = self.types.array_elem(ty).element_type;
                    let z = elem_size(st) as u64;
                    let seg = self.datas[data as usize].clone();
                    if let Obj::Array { data: arr, .. } = self.heap.get_mut(o) {
                        if !range_ok(d, n, arr.len()) {
                            return trap(msg::OOB_ARRAY);
                        }
                        if !range_ok(s, n * z, seg.len()) {
                            return trap(msg::OOB_MEMORY);
                        }
                        for k in 0..n as usize {
                            let off = s as usize + k * z as usize;
                            arr.set(d as usize + k, decode_elem(st, &seg[off..off + z as usize]));
                        }
                    }
                }
                Op::ArrayInitElem(elem) => {
                    let n = pop!().i32() as u32 as u64;
                    let s = pop!().i32() as u32 as u64;
                    let d = pop!().i32() as u32 as u64;
                    let Ref::Gc(o) = pop!().r() else { return trap(msg::NULL_ARRAY) };
                    let Store { heap, elems, .. } = self;
                    let seg = &elems[elem as usize];
                    if let Obj::Array { data: arr, .. } = heap.get_mut(o) {
                        if !range_ok(d, n, arr.len()) {
                            return trap(msg::OOB_ARRAY);
                        }
                        if !range_ok(s, n, seg.len()) {
                            return trap(msg::OOB_TABLE);
                        }
                        for k in 0..n as usize {
                            arr.set(d as usize + k, Val::Ref(seg[s as usize + k]));
                        }
                    }
                }
                Op::RefTest { ht, nullable } => {
                    let t = top!();
                    let r = t.r();
                    let ok = self.ref_matches(r, ht, nullable);
                    *top!() = Val::I32(ok as i32);
                }
                Op::RefCast { ht, nullable } => {
                    let r = top!().r();
                    if !self.ref_matches(r, ht, nullable) {
                        return trap(msg::CAST_FAILURE);
                    }
                }
                Op::BrOnCast { br, cast } | Op::BrOnCastFail { br, cast } => {
                    let (ht, nullable) = code.casts[cast as usize];
                    let r = top!().r();
                    let m = self.ref_matches(r, ht, nullable);
                    if m == matches!(*op, Op::BrOnCast { .. }) {
                        let b = code.br_tables[br as usize];
                        branch_adjust!(b);
                        jump!(b.to);
                    }
                }
                Op::AnyConvertExtern => un!(r, Ref, |a| match a {
                    Ref::ExternHost(h) => Ref::Host(h),
                    Ref::ExternGc(g) => Ref::Gc(g),
                    Ref::ExternI31(v) => Ref::I31(v),
                    other => other,
                }),
                Op::ExternConvertAny => un!(r, Ref, |a| match a {
                    Ref::Host(h) => Ref::ExternHost(h),
                    Ref::Gc(g) => Ref::ExternGc(g),
                    Ref::I31(v) => Ref::ExternI31(v),
                    other => other,
                }),
                Op::RefI31 => un!(i32, Ref, |a| Ref::I31(a as u32 & 0x7fff_ffff)),
                Op::I31GetS | Op::I31GetU => {
                    let t = top!();
                    match t.r() {
                        Ref::I31(v) => {
                            *t = Val::I32(if matches!(*op, Op::I31GetS) { ((v << 1) as i32) >> 1 } else { v as i32 })
                        }
                        _ => return trap(msg::NULL_I31),
                    }
                }
                Op::Throw { tag, n } => {
                    sync_out!();
                    self.gc_if_due(stack);
                    let fields: Box<[Val]> = pop_slice(&mut sp, n as usize).into();
                    let e = self.heap.alloc(Obj::Exn { tag, fields });
                    throw!(e)
                }
                Op::LocalGet2(a, b) => {
                    let x = *local!(a);
                    let y = *local!(b);
                    push!(x);
                    push!(y);
                }
                Op::I32AddImm(c) => un!(i32, I32, |a| a.wrapping_add(c)),
                Op::LocalAddImm(l, c) => {
                    let s = local!(l);
                    *s = Val::I32(s.i32().wrapping_add(c));
                }
                Op::BrIfCmp { cmp, b } => {
                    if eval_cmp!(cmp) {
                        branch_adjust!(b);
                        jump!(b.to);
                    }
                }
                Op::BrUnlessCmp { cmp, to } => {
                    if !eval_cmp!(cmp) {
                        jump!(to);
                    }
                }
                Op::LocalGetI32Const(x, c) => {
                    let v = *local!(x);
                    push!(v);
                    push!(Val::I32(c));
                }
                Op::I32AndImm(c) => un!(i32, I32, |a| a & c),
                Op::I32OrImm(c) => un!(i32, I32, |a| a | c),
                Op::I32XorImm(c) => un!(i32, I32, |a| a ^ c),
                Op::I32ShlImm(c) => un!(i32, I32, |a| a.wrapping_shl(c as u32)),
                Op::I32ShrSImm(c) => un!(i32, I32, |a| a.wrapping_shr(c as u32)),
                Op::I32ShrUImm(c) => un!(i32, I32, |a| (a as u32).wrapping_shr(c as u32) as i32),
                Op::I32MulImm(c) => un!(i32, I32, |a| a.wrapping_mul(c)),
                Op::LocalCopy { from, to } => {
                    let v = *local!(from);
                    *local!(to) = v;
                }
                Op::I32LoadLocal { local, mem, off } => {
                    let a = local!(local).i32() as u32 as u64;
                    push!(Val::I32(0));
                    load!(mem, off as u64, 4, |b| Val::I32(i32::from_le_bytes(b)), a)
                }
                Op::I64LoadLocal { local, mem, off } => {
                    let a = local!(local).i32() as u32 as u64;
                    push!(Val::I64(0));
                    load!(mem, off as u64, 8, |b| Val::I64(i64::from_le_bytes(b)), a)
                }
                Op::F64LoadLocal { local, mem, off } => {
                    let a = local!(local).i32() as u32 as u64;
                    push!(Val::F64(0));
                    load!(mem, off as u64, 8, |b| Val::F64(u64::from_le_bytes(b)), a)
                }
                Op::LocalGetAddImm(x, c) => push!(Val::I32(local!(x).i32().wrapping_add(c))),
                Op::I32AddLocals(a, b) => push!(Val::I32(local!(a).i32().wrapping_add(local!(b).i32()))),
                Op::BrIfLocals { cmp, a, b, to } => {
                    if cmp_i32(cmp, local!(a).i32(), local!(b).i32()) {
                        jump!(to);
                    }
                }
                Op::BrIfLocalImm { cmp, a, c, to } => {
                    if cmp_i32(cmp, local!(a).i32(), c) {
                        jump!(to);
                    }
                }
                Op::I32LoadAbs { mem, addr } => {
                    push!(Val::I32(0));
                    load!(mem, 0, 4, |b| Val::I32(i32::from_le_bytes(b)), addr as u64)
                }
                Op::LocalTeeGet(x, y) => {
                    let v = *top!();
                    *local!(x) = v;
                    push!(*local!(y));
                }
                Op::I32StoreLocal { local, mem, off } => {
                    let v = *local!(local);
                    let a = pop!().addr();
                    store!(mem, off as u64, 4, |v| v.i32().to_le_bytes(), a)
                }
                Op::I32StoreLocals { mem, a, v, off } => {
                    let v = *local!(v);
                    let a = local!(a).i32() as u32 as u64;
                    store!(mem, off as u64, 4, |v| v.i32().to_le_bytes(), a)
                }
                Op::F64AddLocal(x) => {
                    let b = local!(x).f64();
                    un!(f64, F64, |a| (a + b).to_bits())
                }
                Op::F64SubLocal(x) => {
                    let b = local!(x).f64();
                    un!(f64, F64, |a| (a - b).to_bits())
                }
                Op::F64MulLocal(x) => {
                    let b = local!(x).f64();
                    un!(f64, F64, |a| (a * b).to_bits())
                }
                Op::F64MulLocals(a, b) => push!(Val::F64((local!(a).f64() * local!(b).f64()).to_bits())),
                Op::BrIfLocal { a, to } | Op::IfLocalEqz { a, to } => {
                    if local!(a).i32() != 0 {
                        jump!(to);
                    }
                }
                Op::IfLocal { a, to } | Op::BrIfLocalEqz { a, to } => {
                    if local!(a).i32() == 0 {
                        jump!(to);
                    }
                }
                Op::BrIfCmpImm { cmp, c, to } => {
                    let a = pop!().i32();
                    if cmp_i32(cmp, a, c) {
                        jump!(to);
                    }
                }
                Op::I32ShrUAndImm(s, m) => un!(i32, I32, |a| (a as u32).wrapping_shr(s as u32) as i32 & m),
                Op::F64MulAdd => {
                    let b = pop!().f64();
                    let a = pop!().f64();
                    let p = a * b;
                    un!(f64, F64, |c| (c + p).to_bits())
                }
                Op::I32LoadAddImm { mem, c, off } => {
                    let a = top!().i32().wrapping_add(c) as u32 as u64;
                    load!(mem, off as u64, 4, |b| Val::I32(i32::from_le_bytes(b)), a)
                }
                Op::F64LoadAddImm { mem, c, off } => {
                    let a = top!().i32().wrapping_add(c) as u32 as u64;
                    load!(mem, off as u64, 8, |b| Val::F64(u64::from_le_bytes(b)), a)
                }
                Op::I32LoadLocalAddImm { mem, local, c, off } => {
                    let a = local!(local).i32().wrapping_add(c) as u32 as u64;
                    push!(Val::I32(0));
                    load!(mem, off as u64, 4, |b| Val::I32(i32::from_le_bytes(b)), a)
                }
                Op::F64LoadLocalAddImm { mem, local, c, off } => {
                    let a = local!(local).i32().wrapping_add(c) as u32 as u64;
                    push!(Val::F64(0));
                    load!(mem, off as u64, 8, |b| Val::F64(u64::from_le_bytes(b)), a)
                }
                Op::ThrowRef => match pop!().r() {
                    Ref::Exn(e) => throw!(e),
                    _ => return trap(msg::NULL_EXN),
                },
            }
        }
    }

    /// Whether an array of `n` elements of type `ty` exceeds the allocation limit.
    pub(crate) fn array_too_large(&self, ty: u32, n: u64) -> bool {
        let per = match self.types.array_elem(ty).element_type {
            wasmparser::StorageType::I8 => 1,
            wasmparser::StorageType::I16 => 2,
            wasmparser::StorageType::Val(_) => std::mem::size_of::<Val>() as u64,
        };
        n.saturating_mul(per) > MAX_ARRAY_BYTES.min(self.limits.max_gc_heap_bytes as u64)
    }

    fn array_data(&self, ty: u32, n: usize, init: Val) -> ArrayData {
        match self.types.array_elem(ty).element_type {
            wasmparser::StorageType::I8 => ArrayData::I8(vec![init.i32() as u8; n]),
            wasmparser::StorageType::I16 => ArrayData::I16(vec![init.i32() as u16; n]),
            wasmparser::StorageType::Val(_) => ArrayData::Vals(vec![init; n]),
        }
    }

    /// Allocates a struct or array from host code (const expressions, embedders).
    pub(crate) fn alloc_obj(&mut self, extra_roots: &[Val], obj: Obj) -> u32 {
        if self.heap.should_collect() {
            let mut roots = std::mem::take(&mut self.stack);
            let n = roots.len();
            roots.extend_from_slice(extra_roots);
            self.collect_with(&roots);
            roots.truncate(n);
            self.stack = roots;
        }
        self.heap.alloc(obj)
    }

    /// Allocates an array of `n` copies of `init` (no intermediate `Val` buffer: packed arrays of
    /// zeros stay cheap).
    pub(crate) fn new_array_filled(&mut self, extra_roots: &[Val], ty: u32, n: usize, init: Val) -> u32 {
        let data = self.array_data(ty, n, init);
        self.alloc_obj(extra_roots, Obj::Array { ty, data })
    }

    pub(crate) fn new_array(&mut self, extra_roots: &[Val], ty: u32, vals: &[Val]) -> u32 {
        let mut data = self.array_data(ty, 0, Val::I32(0));
        match &mut data {
            ArrayData::I8(v) => v.extend(vals.iter().map(|x| x.i32() as u8)),
            ArrayData::I16(v) => v.extend(vals.iter().map(|x| x.i32() as u16)),
            ArrayData::Vals(v) => v.extend_from_slice(vals),
        }
        self.alloc_obj(extra_roots, Obj::Array { ty, data })
    }
}
