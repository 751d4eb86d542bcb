//! Lazy translation of one function body into the internal IR.
//!
//! A `FuncValidator` is replayed alongside the operators: it supplies operand-stack heights and
//! label arities, so every branch gets a precomputed `drop`/`keep` and code after an unconditional
//! transfer (dead code) is not emitted at all.

use wasmparser::{
    BinaryReader, BlockType, Catch as WCatch, FrameKind, FuncToValidate, FunctionBody, HeapType,
    Operator, UnpackedIndex,
};

use crate::error::Error;
use crate::ir::{Branch, Catch, Cmp, Code, Handler, Op};
use crate::store::{InstanceData, Store};
use crate::types::{packed_bits, Ht};
use crate::value::Val;

enum Patch {
    Op(usize),
    Table(usize),
    Catch(usize, usize),
}

struct Ctl {
    is_loop: bool,
    start: u32,
    dead: bool,
    pending: Vec<Patch>,
    else_jump: Option<usize>,
    handler: Option<usize>,
}

struct Tx<'a> {
    store: &'a Store,
    inst: &'a InstanceData,
    ops: Vec<Op>,
    br_tables: Vec<Branch>,
    handlers: Vec<Handler>,
    handler_order: Vec<usize>,
    casts: Vec<(Ht, bool)>,
    ctls: Vec<Ctl>,
    /// No superinstruction may start before this pc: a branch target or handler boundary is here.
    barrier: usize,
}

fn inv(e: wasmparser::BinaryReaderError) -> Error {
    Error::Invalid(e.to_string())
}

/// Translates defined function `def` of instance `instance`.
pub fn translate(store: &Store, instance: u32, def: u32) -> Result<Code, Error> {
    let inst = &store.instances[instance as usize];
    let module = &inst.module;
    let body = &module.bodies[def as usize];
    let fv = FuncToValidate {
        resources: body.validator.resources.clone(),
        index: body.validator.index,
        ty: body.validator.ty,
        features: body.validator.features,
    };
    let mut v = fv.into_validator(Default::default());
    let fb = FunctionBody::new(BinaryReader::new(&module.bytes[body.start..body.end], body.start as u64));
    let func_ty = store.types.func(module.func_types[module.num_imported_funcs + def as usize]);
    let mut local_defaults = Vec::new();
    let mut lr = fb.get_locals_reader().map_err(inv)?;
    for _ in 0..lr.get_count() {
        let off = lr.original_position();
        let (count, ty) = lr.read().map_err(inv)?;
        v.define_locals(off, count, ty).map_err(inv)?;
        let d = Val::default_for(&ty);
        local_defaults.extend(std::iter::repeat_n(d, count as usize));
    }
    let mut tx = Tx {
        store,
        inst,
        ops: Vec::new(),
        br_tables: Vec::new(),
        handlers: Vec::new(),
        handler_order: Vec::new(),
        casts: Vec::new(),
        ctls: vec![Ctl { is_loop: false, start: 0, dead: false, pending: Vec::new(), else_jump: None, handler: None }],
        barrier: 0,
    };
    let mut reader = fb.get_operators_reader().map_err(inv)?;
    let mut max_height = 0u32;
    while !reader.eof() {
        let (op, offset) = reader.read_with_offset().map_err(inv)?;
        tx.op(&v, &op)?;
        v.op(offset, &op).map_err(inv)?;
        max_height = max_height.max(v.operand_stack_height());
    }
    let handlers = tx.handler_order.iter().map(|&i| tx.handlers[i].clone()).collect();
    Ok(Code {
        ops: tx.ops,
        br_tables: tx.br_tables,
        handlers,
        casts: tx.casts,
        num_params: func_ty.params().len() as u32,
        num_results: func_ty.results().len() as u32,
        local_defaults,
        instance,
        max_height: max_height + STACK_SLACK,
    })
}

/// Extra operand slots reserved beyond the validated maximum height (a safety margin: the
/// interpreter pushes without capacity checks inside a frame).
const STACK_SLACK: u32 = 4;

type V = wasmparser::FuncValidator<wasmparser::ValidatorResources>;

impl Tx<'_> {
    fn pc(&self) -> u32 {
        self.ops.len() as u32
    }

    /// Marks the current pc as a branch target / region boundary: no fusion across it.
    fn label_here(&mut self) {
        self.barrier = self.ops.len();
    }

    /// Appends `o`, fusing it with the previous instruction(s) when that is safe; returns the
    /// index of the instruction that now holds `o`.
    fn emit(&mut self, o: Op) -> usize {
        let len = self.ops.len();
        if self.barrier < len {
            let last = self.ops[len - 1];
            // `local.get x; i32.const c` was fused, but `c` is the immediate of this binary op:
            // split it back so the `i32.const c; i32.<op>` fusion (and `LocalAddImm`) apply.
            if let Op::LocalGetI32Const(x, c) = last {
                if let Some(imm) = imm_op(c, o) {
                    if let Op::I32AddImm(c) = imm {
                        self.ops[len - 1] = Op::LocalGetAddImm(x, c);
                        return len - 1;
                    }
                    self.ops[len - 1] = Op::LocalGet(x);
                    self.ops.push(imm);
                    return len;
                }
            }
            // A branch on a local against zero.
            let zero = match (last, o) {
                (Op::LocalGet(a), Op::BrIf(b)) if b.drop == 0 => Some((len - 1, Op::BrIfLocal { a, to: b.to })),
                (Op::LocalGet(a), Op::BrUnless(to)) => Some((len - 1, Op::IfLocal { a, to })),
                (Op::I32Eqz, Op::BrIf(b)) if b.drop == 0 && self.barrier + 1 < len => match self.ops[len - 2] {
                    Op::LocalGet(a) => Some((len - 2, Op::BrIfLocalEqz { a, to: b.to })),
                    _ => None,
                },
                (Op::I32Eqz, Op::BrUnless(to)) if self.barrier + 1 < len => match self.ops[len - 2] {
                    Op::LocalGet(a) => Some((len - 2, Op::IfLocalEqz { a, to })),
                    _ => None,
                },
                _ => None,
            };
            if let Some((at, f)) = zero {
                self.ops.truncate(at);
                self.ops.push(f);
                return at;
            }
            // A compare-and-branch whose operands are two locals, or a local and a constant.
            let br = match (last, o) {
                (cmp, Op::BrIf(b)) if b.drop == 0 => cmp_of(cmp).map(|c| (c, b.to)),
                (cmp, Op::BrUnless(to)) => cmp_of(cmp).and_then(negate).map(|c| (c, to)),
                _ => None,
            };
            if let Some((cmp, to)) = br.filter(|(c, _)| *c != Cmp::Eqz && self.barrier + 1 < len) {
                let f = match self.ops[len - 2] {
                    Op::LocalGet2(a, b) => Some(Op::BrIfLocals { cmp, a, b, to }),
                    Op::LocalGetI32Const(a, c) => Some(Op::BrIfLocalImm { cmp, a, c, to }),
                    Op::I32Const(c) => Some(Op::BrIfCmpImm { cmp, c, to }),
                    _ => None,
                };
                if let Some(f) = f {
                    self.ops.truncate(len - 2);
                    self.ops.push(f);
                    return len - 2;
                }
            }
            let fused = match (last, o) {
                (Op::LocalGet(a), Op::LocalGet(b)) => Some(Op::LocalGet2(a, b)),
                (Op::LocalGet2(a, b), Op::I32Add) => Some(Op::I32AddLocals(a, b)),
                (Op::LocalGet2(a, b), Op::F64Mul) => Some(Op::F64MulLocals(a, b)),
                (Op::LocalGet(x), Op::F64Mul) => Some(Op::F64MulLocal(x)),
                (Op::LocalGet(x), Op::F64Add) => Some(Op::F64AddLocal(x)),
                (Op::LocalGet(x), Op::F64Sub) => Some(Op::F64SubLocal(x)),
                (Op::LocalTee(x), Op::LocalGet(y)) => Some(Op::LocalTeeGet(x, y)),
                (Op::F64Mul, Op::F64Add) => Some(Op::F64MulAdd),
                (Op::I32AddImm(c), Op::I32Load { mem, off }) if off <= u32::MAX as u64 && self.mem32(mem) => {
                    Some(Op::I32LoadAddImm { mem, c, off: off as u32 })
                }
                (Op::I32AddImm(c), Op::F64Load { mem, off }) if off <= u32::MAX as u64 && self.mem32(mem) => {
                    Some(Op::F64LoadAddImm { mem, c, off: off as u32 })
                }
                (Op::LocalGetAddImm(local, c), Op::I32Load { mem, off })
                    if off <= u32::MAX as u64 && mem <= u16::MAX as u32 && self.mem32(mem) =>
                {
                    Some(Op::I32LoadLocalAddImm { mem: mem as u16, local, c, off: off as u32 })
                }
                (Op::LocalGetAddImm(local, c), Op::F64Load { mem, off })
                    if off <= u32::MAX as u64 && mem <= u16::MAX as u32 && self.mem32(mem) =>
                {
                    Some(Op::F64LoadLocalAddImm { mem: mem as u16, local, c, off: off as u32 })
                }
                (Op::I32Const(a), Op::I32Load { mem, off }) => {
                    u32::try_from(a as u32 as u64 + off).ok().map(|addr| Op::I32LoadAbs { mem, addr })
                }
                (Op::LocalGet(local), Op::I32Store { mem, off }) if off <= u32::MAX as u64 => {
                    Some(Op::I32StoreLocal { local, mem, off: off as u32 })
                }
                (Op::LocalGet2(a, v), Op::I32Store { mem, off })
                    if off <= u32::MAX as u64 && mem <= u16::MAX as u32 && self.mem32(mem) =>
                {
                    Some(Op::I32StoreLocals { mem: mem as u16, a, v, off: off as u32 })
                }
                (Op::LocalGetAddImm(x, c), Op::LocalSet(y)) if x == y => Some(Op::LocalAddImm(x, c)),
                (Op::LocalGet(a), Op::I32Const(c)) => Some(Op::LocalGetI32Const(a, c)),
                (Op::LocalGet(a), Op::LocalSet(b)) => Some(Op::LocalCopy { from: a, to: b }),
                (Op::LocalGet(local), Op::I32Load { mem, off }) if off <= u32::MAX as u64 && self.mem32(mem) => {
                    Some(Op::I32LoadLocal { local, mem, off: off as u32 })
                }
                (Op::LocalGet(local), Op::I64Load { mem, off }) if off <= u32::MAX as u64 && self.mem32(mem) => {
                    Some(Op::I64LoadLocal { local, mem, off: off as u32 })
                }
                (Op::LocalGet(local), Op::F64Load { mem, off }) if off <= u32::MAX as u64 && self.mem32(mem) => {
                    Some(Op::F64LoadLocal { local, mem, off: off as u32 })
                }
                (Op::I32Const(c), o) if imm_op(c, o).is_some() && !matches!(o, Op::I32Add | Op::I32Sub) => imm_op(c, o),
                (Op::I32Const(c), Op::I32Add) => Some(Op::I32AddImm(c)),
                (Op::I32Const(c), Op::I32Sub) => Some(Op::I32AddImm(c.wrapping_neg())),
                (Op::I32AddImm(c), Op::LocalSet(x))
                    if self.barrier + 1 < len && matches!(self.ops[len - 2], Op::LocalGet(y) if y == x) =>
                {
                    self.ops.truncate(len - 2);
                    self.ops.push(Op::LocalAddImm(x, c));
                    return len - 2;
                }
                (cmp, Op::BrIf(b)) => cmp_of(cmp).map(|cmp| Op::BrIfCmp { cmp, b }),
                (cmp, Op::BrUnless(to)) => cmp_of(cmp).map(|cmp| Op::BrUnlessCmp { cmp, to }),
                _ => None,
            };
            if let Some(f) = fused {
                // `i32.const s; i32.shr_u` already fused, now followed by `i32.const m; i32.and`.
                if let (Op::I32AndImm(m), true) = (f, self.barrier + 1 < len) {
                    if let Op::I32ShrUImm(s) = self.ops[len - 2] {
                        self.ops.truncate(len - 2);
                        self.ops.push(Op::I32ShrUAndImm(s, m));
                        return len - 2;
                    }
                }
                self.ops[len - 1] = f;
                return len - 1;
            }
        }
        self.ops.push(o);
        len
    }

    /// Whether store memory `mem` has 32-bit addresses (the address-from-local superinstructions
    /// read it as an i32).
    fn mem32(&self, mem: u32) -> bool {
        self.store.mems.get(mem as usize).is_some_and(|m| !m.is64)
    }

    fn dead(&self, v: &V) -> bool {
        self.ctls.last().is_some_and(|c| c.dead) || v.get_control_frame(0).is_none_or(|f| f.unreachable)
    }

    fn type_id(&self, idx: u32) -> u32 {
        self.inst.module.types[idx as usize]
    }

    fn ht(&self, h: HeapType) -> Ht {
        match h {
            HeapType::Concrete(UnpackedIndex::Module(i)) | HeapType::Exact(UnpackedIndex::Module(i)) => {
                Ht::Concrete(self.type_id(i))
            }
            other => self.store.types.ht(other),
        }
    }

    fn block_arity(&self, bt: BlockType) -> (u32, u32) {
        match bt {
            BlockType::Empty => (0, 0),
            BlockType::Type(_) => (0, 1),
            BlockType::FuncType(i) => {
                let f = self.store.types.func(self.type_id(i));
                (f.params().len() as u32, f.results().len() as u32)
            }
        }
    }

    /// Branch to relative `depth` when `popped` operands are consumed by the instruction first.
    fn branch(&mut self, v: &V, depth: u32, popped: u32) -> (Branch, Option<usize>) {
        let f = v.get_control_frame(depth as usize).expect("validated depth");
        let (params, results) = self.block_arity(f.block_type);
        let arity = if f.kind == FrameKind::Loop { params } else { results };
        let hc = v.operand_stack_height().saturating_sub(popped);
        let drop = hc.saturating_sub(arity).saturating_sub(f.height as u32);
        let ctl_idx = self.ctls.len() - 1 - depth as usize;
        let ctl = &self.ctls[ctl_idx];
        let to = if ctl.is_loop { ctl.start } else { u32::MAX };
        (Branch { to, drop, keep: arity }, if ctl.is_loop { None } else { Some(ctl_idx) })
    }

    fn emit_branch(&mut self, v: &V, depth: u32, popped: u32, mk: fn(Branch) -> Op) {
        let (b, pend) = self.branch(v, depth, popped);
        let at = self.emit(mk(b));
        if let Some(c) = pend {
            self.ctls[c].pending.push(Patch::Op(at));
        }
    }

    fn table_branch(&mut self, v: &V, depth: u32, popped: u32) -> u32 {
        let (b, pend) = self.branch(v, depth, popped);
        if let Some(c) = pend {
            self.ctls[c].pending.push(Patch::Table(self.br_tables.len()));
        }
        self.br_tables.push(b);
        (self.br_tables.len() - 1) as u32
    }

    fn patch(&mut self, p: Patch, to: u32) {
        match p {
            Patch::Op(i) => match &mut self.ops[i] {
                Op::Br(b) | Op::BrIf(b) | Op::BrOnNull(b) | Op::BrOnNonNull(b) | Op::BrIfCmp { b, .. } => b.to = to,
                Op::BrUnless(t)
                | Op::BrUnlessCmp { to: t, .. }
                | Op::BrIfLocals { to: t, .. }
                | Op::BrIfLocalImm { to: t, .. }
                | Op::BrIfLocal { to: t, .. }
                | Op::IfLocal { to: t, .. }
                | Op::BrIfLocalEqz { to: t, .. }
                | Op::IfLocalEqz { to: t, .. }
                | Op::BrIfCmpImm { to: t, .. } => *t = to,
                _ => {}
            },
            Patch::Table(i) => self.br_tables[i].to = to,
            Patch::Catch(h, c) => self.handlers[h].catches[c].to = to,
        }
    }

    fn push_ctl(&mut self, v: &V, is_loop: bool) {
        let dead = self.dead(v);
        let start = self.pc();
        self.label_here();
        self.ctls.push(Ctl { is_loop, start, dead, pending: Vec::new(), else_jump: None, handler: None });
    }

    fn op(&mut self, v: &V, op: &Operator<'_>) -> Result<(), Error> {
        use Operator as O;
        // Structure is tracked even in dead code; nothing else is emitted there.
        match op {
            O::Block { .. } => {
                self.push_ctl(v, false);
                return Ok(());
            }
            O::Loop { .. } => {
                self.push_ctl(v, true);
                return Ok(());
            }
            O::If { .. } => {
                // The conditional jump is emitted before the block's label, so it may fuse with a
                // preceding comparison.
                let at = if self.dead(v) { None } else { Some(self.emit(Op::BrUnless(u32::MAX))) };
                self.push_ctl(v, false);
                self.ctls.last_mut().unwrap().else_jump = at;
                return Ok(());
            }
            O::Else => {
                if !self.dead(v) {
                    let i = self.ops.len();
                    self.ctls.last_mut().unwrap().pending.push(Patch::Op(i));
                    self.ops.push(Op::Br(Branch { to: u32::MAX, drop: 0, keep: 0 }));
                }
                self.label_here();
                let pc = self.pc();
                if let Some(j) = self.ctls.last_mut().unwrap().else_jump.take() {
                    self.patch(Patch::Op(j), pc);
                }
                return Ok(());
            }
            O::TryTable { try_table } => {
                let dead = self.dead(v);
                let mut catches = Vec::new();
                let mut patches = Vec::new();
                if !dead {
                    for (ci, c) in try_table.catches.iter().enumerate() {
                        let (tag, with_ref, label) = match *c {
                            WCatch::One { tag, label } => (Some(self.inst.tags[tag as usize]), false, label),
                            WCatch::OneRef { tag, label } => (Some(self.inst.tags[tag as usize]), true, label),
                            WCatch::All { label } => (None, false, label),
                            WCatch::AllRef { label } => (None, true, label),
                        };
                        let f = v.get_control_frame(label as usize).expect("validated label");
                        let ctl_idx = self.ctls.len() - 1 - label as usize;
                        let ctl = &self.ctls[ctl_idx];
                        let to = if ctl.is_loop { ctl.start } else { u32::MAX };
                        if !ctl.is_loop {
                            patches.push((ctl_idx, ci));
                        }
                        catches.push(Catch { tag, with_ref, to, height: f.height as u32 });
                    }
                }
                self.push_ctl(v, false);
                if !dead {
                    let h = self.handlers.len();
                    self.handlers.push(Handler { start: self.pc(), end: u32::MAX, catches });
                    for (c, ci) in patches {
                        self.ctls[c].pending.push(Patch::Catch(h, ci));
                    }
                    self.ctls.last_mut().unwrap().handler = Some(h);
                }
                return Ok(());
            }
            O::End => {
                self.label_here();
                let ctl = self.ctls.pop().expect("balanced blocks");
                let pc = self.pc();
                if let Some(j) = ctl.else_jump {
                    self.patch(Patch::Op(j), pc);
                }
                if let Some(h) = ctl.handler {
                    self.handlers[h].end = pc;
                    self.handler_order.push(h);
                }
                for p in ctl.pending {
                    self.patch(p, pc);
                }
                if self.ctls.is_empty() {
                    self.ops.push(Op::Return);
                }
                return Ok(());
            }
            _ => {}
        }
        if self.dead(v) {
            return Ok(());
        }
        let i = self.inst;
        let mem = |m: &wasmparser::MemArg| match m.target {
            wasmparser::MemArgTarget::Memory(k) => (i.mems[k as usize], m.offset),
            // Array-targeted memory operations are not part of Wasm 3.0; the validator rejects them.
            wasmparser::MemArgTarget::Array(_) => (u32::MAX, m.offset),
        };
        let o = match op {
            O::Unreachable => Op::Unreachable,
            O::Nop => return Ok(()),
            O::Br { relative_depth } => {
                self.emit_branch(v, *relative_depth, 0, Op::Br);
                return Ok(());
            }
            O::BrIf { relative_depth } => {
                self.emit_branch(v, *relative_depth, 1, Op::BrIf);
                return Ok(());
            }
            O::BrOnNull { relative_depth } => {
                self.emit_branch(v, *relative_depth, 1, Op::BrOnNull);
                return Ok(());
            }
            O::BrOnNonNull { relative_depth } => {
                self.emit_branch(v, *relative_depth, 0, Op::BrOnNonNull);
                return Ok(());
            }
            O::BrTable { targets } => {
                let start = self.br_tables.len() as u32;
                let mut depths = Vec::new();
                for t in targets.targets() {
                    depths.push(t.map_err(inv)?);
                }
                depths.push(targets.default());
                for d in &depths {
                    self.table_branch(v, *d, 1);
                }
                Op::BrTable { start, len: depths.len() as u32 - 1 }
            }
            O::BrOnCast { relative_depth, to_ref_type, .. } | O::BrOnCastFail { relative_depth, to_ref_type, .. } => {
                let br = self.table_branch(v, *relative_depth, 0);
                let cast = self.casts.len() as u32;
                self.casts.push((self.ht(to_ref_type.heap_type()), to_ref_type.is_nullable()));
                if matches!(op, O::BrOnCast { .. }) { Op::BrOnCast { br, cast } } else { Op::BrOnCastFail { br, cast } }
            }
            O::Return => Op::Return,
            O::Call { function_index } => Op::Call(i.funcs[*function_index as usize]),
            O::ReturnCall { function_index } => Op::ReturnCall(i.funcs[*function_index as usize]),
            O::CallIndirect { type_index, table_index } => {
                Op::CallIndirect { table: i.tables[*table_index as usize], ty: self.type_id(*type_index) }
            }
            O::ReturnCallIndirect { type_index, table_index } => {
                Op::ReturnCallIndirect { table: i.tables[*table_index as usize], ty: self.type_id(*type_index) }
            }
            O::CallRef { .. } => Op::CallRef,
            O::ReturnCallRef { .. } => Op::ReturnCallRef,
            O::Drop => Op::Drop,
            O::Select | O::TypedSelect { .. } => Op::Select,
            O::LocalGet { local_index } => Op::LocalGet(*local_index),
            O::LocalSet { local_index } => Op::LocalSet(*local_index),
            O::LocalTee { local_index } => Op::LocalTee(*local_index),
            O::GlobalGet { global_index } => Op::GlobalGet(i.globals[*global_index as usize]),
            O::GlobalSet { global_index } => Op::GlobalSet(i.globals[*global_index as usize]),
            O::I32Load { memarg } => { let (mem, off) = mem(memarg); Op::I32Load { mem, off } }
            O::I64Load { memarg } => { let (mem, off) = mem(memarg); Op::I64Load { mem, off } }
            O::F32Load { memarg } => { let (mem, off) = mem(memarg); Op::F32Load { mem, off } }
            O::F64Load { memarg } => { let (mem, off) = mem(memarg); Op::F64Load { mem, off } }
            O::I32Load8S { memarg } => { let (mem, off) = mem(memarg); Op::I32Load8S { mem, off } }
            O::I32Load8U { memarg } => { let (mem, off) = mem(memarg); Op::I32Load8U { mem, off } }
            O::I32Load16S { memarg } => { let (mem, off) = mem(memarg); Op::I32Load16S { mem, off } }
            O::I32Load16U { memarg } => { let (mem, off) = mem(memarg); Op::I32Load16U { mem, off } }
            O::I64Load8S { memarg } => { let (mem, off) = mem(memarg); Op::I64Load8S { mem, off } }
            O::I64Load8U { memarg } => { let (mem, off) = mem(memarg); Op::I64Load8U { mem, off } }
            O::I64Load16S { memarg } => { let (mem, off) = mem(memarg); Op::I64Load16S { mem, off } }
            O::I64Load16U { memarg } => { let (mem, off) = mem(memarg); Op::I64Load16U { mem, off } }
            O::I64Load32S { memarg } => { let (mem, off) = mem(memarg); Op::I64Load32S { mem, off } }
            O::I64Load32U { memarg } => { let (mem, off) = mem(memarg); Op::I64Load32U { mem, off } }
            O::I32Store { memarg } => { let (mem, off) = mem(memarg); Op::I32Store { mem, off } }
            O::I64Store { memarg } => { let (mem, off) = mem(memarg); Op::I64Store { mem, off } }
            O::F32Store { memarg } => { let (mem, off) = mem(memarg); Op::F32Store { mem, off } }
            O::F64Store { memarg } => { let (mem, off) = mem(memarg); Op::F64Store { mem, off } }
            O::I32Store8 { memarg } => { let (mem, off) = mem(memarg); Op::I32Store8 { mem, off } }
            O::I32Store16 { memarg } => { let (mem, off) = mem(memarg); Op::I32Store16 { mem, off } }
            O::I64Store8 { memarg } => { let (mem, off) = mem(memarg); Op::I64Store8 { mem, off } }
            O::I64Store16 { memarg } => { let (mem, off) = mem(memarg); Op::I64Store16 { mem, off } }
            O::I64Store32 { memarg } => { let (mem, off) = mem(memarg); Op::I64Store32 { mem, off } }
            O::MemorySize { mem } => Op::MemorySize(i.mems[*mem as usize]),
            O::MemoryGrow { mem } => Op::MemoryGrow(i.mems[*mem as usize]),
            O::MemoryInit { data_index, mem } => {
                Op::MemoryInit { mem: i.mems[*mem as usize], data: i.datas[*data_index as usize] }
            }
            O::DataDrop { data_index } => Op::DataDrop(i.datas[*data_index as usize]),
            O::MemoryCopy { dst_mem, src_mem } => {
                Op::MemoryCopy { dst: i.mems[*dst_mem as usize], src: i.mems[*src_mem as usize] }
            }
            O::MemoryFill { mem } => Op::MemoryFill(i.mems[*mem as usize]),
            O::I32Const { value } => Op::I32Const(*value),
            O::I64Const { value } => Op::I64Const(*value),
            O::F32Const { value } => Op::F32Const(value.bits()),
            O::F64Const { value } => Op::F64Const(value.bits()),
            O::RefNull { .. } => Op::RefNull,
            O::RefIsNull => Op::RefIsNull,
            O::RefFunc { function_index } => Op::RefFunc(i.funcs[*function_index as usize]),
            O::RefAsNonNull => Op::RefAsNonNull,
            O::RefEq => Op::RefEq,
            O::TableGet { table } => Op::TableGet(i.tables[*table as usize]),
            O::TableSet { table } => Op::TableSet(i.tables[*table as usize]),
            O::TableSize { table } => Op::TableSize(i.tables[*table as usize]),
            O::TableGrow { table } => Op::TableGrow(i.tables[*table as usize]),
            O::TableFill { table } => Op::TableFill(i.tables[*table as usize]),
            O::TableCopy { dst_table, src_table } => {
                Op::TableCopy { dst: i.tables[*dst_table as usize], src: i.tables[*src_table as usize] }
            }
            O::TableInit { elem_index, table } => {
                Op::TableInit { table: i.tables[*table as usize], elem: i.elems[*elem_index as usize] }
            }
            O::ElemDrop { elem_index } => Op::ElemDrop(i.elems[*elem_index as usize]),
            O::StructNew { struct_type_index } => Op::StructNew(self.type_id(*struct_type_index)),
            O::StructNewDefault { struct_type_index } => Op::StructNewDefault(self.type_id(*struct_type_index)),
            O::StructGet { field_index, .. } => Op::StructGet(*field_index),
            O::StructGetS { struct_type_index, field_index } => {
                Op::StructGetS { field: *field_index, bits: self.field_bits(*struct_type_index, *field_index) }
            }
            O::StructGetU { struct_type_index, field_index } => {
                Op::StructGetU { field: *field_index, bits: self.field_bits(*struct_type_index, *field_index) }
            }
            O::StructSet { struct_type_index, field_index } => {
                Op::StructSet { field: *field_index, bits: self.field_bits(*struct_type_index, *field_index) }
            }
            O::ArrayNew { array_type_index } => Op::ArrayNew(self.type_id(*array_type_index)),
            O::ArrayNewDefault { array_type_index } => Op::ArrayNewDefault(self.type_id(*array_type_index)),
            O::ArrayNewFixed { array_type_index, array_size } => {
                Op::ArrayNewFixed { ty: self.type_id(*array_type_index), n: *array_size }
            }
            O::ArrayNewData { array_type_index, array_data_index } => {
                Op::ArrayNewData { ty: self.type_id(*array_type_index), data: i.datas[*array_data_index as usize] }
            }
            O::ArrayNewElem { array_type_index, array_elem_index } => {
                Op::ArrayNewElem { ty: self.type_id(*array_type_index), elem: i.elems[*array_elem_index as usize] }
            }
            O::ArrayGet { .. } => Op::ArrayGet,
            O::ArrayGetS { array_type_index } => Op::ArrayGetS(self.elem_bits(*array_type_index)),
            O::ArrayGetU { array_type_index } => Op::ArrayGetU(self.elem_bits(*array_type_index)),
            O::ArraySet { .. } => Op::ArraySet,
            O::ArrayLen => Op::ArrayLen,
            O::ArrayFill { .. } => Op::ArrayFill,
            O::ArrayCopy { .. } => Op::ArrayCopy,
            O::ArrayInitData { array_type_index, array_data_index } => {
                Op::ArrayInitData { ty: self.type_id(*array_type_index), data: i.datas[*array_data_index as usize] }
            }
            O::ArrayInitElem { array_elem_index, .. } => Op::ArrayInitElem(i.elems[*array_elem_index as usize]),
            O::RefTestNonNull { hty } => Op::RefTest { ht: self.ht(*hty), nullable: false },
            O::RefTestNullable { hty } => Op::RefTest { ht: self.ht(*hty), nullable: true },
            O::RefCastNonNull { hty } => Op::RefCast { ht: self.ht(*hty), nullable: false },
            O::RefCastNullable { hty } => Op::RefCast { ht: self.ht(*hty), nullable: true },
            O::AnyConvertExtern => Op::AnyConvertExtern,
            O::ExternConvertAny => Op::ExternConvertAny,
            O::RefI31 => Op::RefI31,
            O::I31GetS => Op::I31GetS,
            O::I31GetU => Op::I31GetU,
            O::Throw { tag_index } => {
                let tag = i.tags[*tag_index as usize];
                let n = self.store.types.func(self.store.tags[tag as usize]).params().len() as u32;
                Op::Throw { tag, n }
            }
            O::ThrowRef => Op::ThrowRef,
            other => match simple(other) {
                Some(o) => o,
                None => return Err(Error::Invalid(format!("unsupported instruction {other:?}"))),
            },
        };
        self.emit(o);
        Ok(())
    }

    fn field_bits(&self, ty: u32, field: u32) -> u8 {
        packed_bits(self.store.types.struct_fields(self.type_id(ty))[field as usize].element_type)
    }
    fn elem_bits(&self, ty: u32) -> u8 {
        packed_bits(self.store.types.array_elem(self.type_id(ty)).element_type)
    }
}

/// `i32.const c; o` as one instruction, for the binary ops that have an immediate form.
fn imm_op(c: i32, o: Op) -> Option<Op> {
    Some(match o {
        Op::I32Add => Op::I32AddImm(c),
        Op::I32Sub => Op::I32AddImm(c.wrapping_neg()),
        Op::I32And => Op::I32AndImm(c),
        Op::I32Or => Op::I32OrImm(c),
        Op::I32Xor => Op::I32XorImm(c),
        Op::I32Shl => Op::I32ShlImm(c),
        Op::I32ShrS => Op::I32ShrSImm(c),
        Op::I32ShrU => Op::I32ShrUImm(c),
        Op::I32Mul => Op::I32MulImm(c),
        _ => return None,
    })
}

/// The comparison that is true exactly when `c` is false (`Eqz` has none among `Cmp`).
fn negate(c: Cmp) -> Option<Cmp> {
    Some(match c {
        Cmp::Eqz => return None,
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
        Cmp::LtS => Cmp::GeS,
        Cmp::LtU => Cmp::GeU,
        Cmp::GtS => Cmp::LeS,
        Cmp::GtU => Cmp::LeU,
        Cmp::LeS => Cmp::GtS,
        Cmp::LeU => Cmp::GtU,
        Cmp::GeS => Cmp::LtS,
        Cmp::GeU => Cmp::LtU,
    })
}

/// The comparison an instruction computes, if it can be fused into a following branch.
fn cmp_of(op: Op) -> Option<Cmp> {
    Some(match op {
        Op::I32Eqz => Cmp::Eqz,
        Op::I32Eq => Cmp::Eq,
        Op::I32Ne => Cmp::Ne,
        Op::I32LtS => Cmp::LtS,
        Op::I32LtU => Cmp::LtU,
        Op::I32GtS => Cmp::GtS,
        Op::I32GtU => Cmp::GtU,
        Op::I32LeS => Cmp::LeS,
        Op::I32LeU => Cmp::LeU,
        Op::I32GeS => Cmp::GeS,
        Op::I32GeU => Cmp::GeU,
        _ => return None,
    })
}

macro_rules! simple_ops {
    ($($n:ident)*) => {
        fn simple(op: &Operator<'_>) -> Option<Op> {
            Some(match op {
                $(Operator::$n => Op::$n,)*
                _ => return None,
            })
        }
    };
}

simple_ops! {
    I32Eqz I32Eq I32Ne I32LtS I32LtU I32GtS I32GtU I32LeS I32LeU I32GeS I32GeU
    I64Eqz I64Eq I64Ne I64LtS I64LtU I64GtS I64GtU I64LeS I64LeU I64GeS I64GeU
    F32Eq F32Ne F32Lt F32Gt F32Le F32Ge
    F64Eq F64Ne F64Lt F64Gt F64Le F64Ge
    I32Clz I32Ctz I32Popcnt I32Add I32Sub I32Mul I32DivS I32DivU I32RemS I32RemU
    I32And I32Or I32Xor I32Shl I32ShrS I32ShrU I32Rotl I32Rotr
    I64Clz I64Ctz I64Popcnt I64Add I64Sub I64Mul I64DivS I64DivU I64RemS I64RemU
    I64And I64Or I64Xor I64Shl I64ShrS I64ShrU I64Rotl I64Rotr
    F32Abs F32Neg F32Ceil F32Floor F32Trunc F32Nearest F32Sqrt
    F32Add F32Sub F32Mul F32Div F32Min F32Max F32Copysign
    F64Abs F64Neg F64Ceil F64Floor F64Trunc F64Nearest F64Sqrt
    F64Add F64Sub F64Mul F64Div F64Min F64Max F64Copysign
    I32WrapI64 I32TruncF32S I32TruncF32U I32TruncF64S I32TruncF64U
    I64ExtendI32S I64ExtendI32U I64TruncF32S I64TruncF32U I64TruncF64S I64TruncF64U
    F32ConvertI32S F32ConvertI32U F32ConvertI64S F32ConvertI64U F32DemoteF64
    F64ConvertI32S F64ConvertI32U F64ConvertI64S F64ConvertI64U F64PromoteF32
    I32ReinterpretF32 I64ReinterpretF64 F32ReinterpretI32 F64ReinterpretI64
    I32Extend8S I32Extend16S I64Extend8S I64Extend16S I64Extend32S
    I32TruncSatF32S I32TruncSatF32U I32TruncSatF64S I32TruncSatF64U
    I64TruncSatF32S I64TruncSatF32U I64TruncSatF64S I64TruncSatF64U
}
