//! Instantiation: import matching, allocation of the module's entities, segment initialization,
//! and the start function.

use std::collections::HashMap;
use std::sync::Arc;

use wasmparser::ExternalKind;

use crate::error::{msg, Error};
use crate::gc::Obj;
use crate::module::{ConstExpr, ConstOp, ElemMode, ImportType, Module};
use crate::store::{Extern, FuncInst, FuncKind, GlobalInst, InstanceData, MemInst, Store, TableInst, PAGE};
use crate::value::{Ref, Val};

impl Store {
    /// Instantiates `module`; `resolve(module, name)` supplies each import.
    /// Returns the instance index. Traps during segment initialization or the start function are
    /// returned as errors (effects on imported objects persist, as the spec requires).
    pub fn instantiate(
        &mut self,
        module: &Arc<Module>,
        resolve: &mut dyn FnMut(&mut Store, &str, &str) -> Option<Extern>,
    ) -> Result<u32, Error> {
        let id = self.instances.len() as u32;
        let mut inst = InstanceData {
            module: module.clone(),
            funcs: Vec::new(),
            tables: Vec::new(),
            mems: Vec::new(),
            globals: Vec::new(),
            tags: Vec::new(),
            elems: Vec::new(),
            datas: Vec::new(),
            exports: HashMap::new(),
        };
        for imp in &module.imports {
            let Some(ext) = resolve(self, &imp.module, &imp.name) else {
                return Err(Error::Unlinkable(format!("unknown import: {}::{}", imp.module, imp.name)));
            };
            let bad = || Error::Unlinkable(format!("incompatible import type for {}::{}", imp.module, imp.name));
            match (&imp.ty, ext) {
                (ImportType::Func(ty), Extern::Func(f)) => {
                    let fty = self.funcs[f as usize].ty;
                    if !self.types.is_sub(fty, *ty) {
                        return Err(bad());
                    }
                    inst.funcs.push(f);
                }
                (ImportType::Table(tt), Extern::Table(t)) => {
                    let tab = &self.tables[t as usize];
                    let len = tab.elems.len() as u64;
                    let ok = tab.is64 == tt.table64
                        && len >= tt.initial
                        && match tt.maximum {
                            None => true,
                            Some(m) => tab.max.is_some_and(|tm| tm <= m),
                        }
                        && self.types.ref_sub(tab.ty, tt.element_type)
                        && self.types.ref_sub(tt.element_type, tab.ty);
                    if !ok {
                        return Err(bad());
                    }
                    inst.tables.push(t);
                }
                (ImportType::Memory(mt), Extern::Memory(m)) => {
                    let mem = &self.mems[m as usize];
                    let ok = mem.is64 == mt.memory64
                        && mem.pages() >= mt.initial
                        && match mt.maximum {
                            None => true,
                            Some(mx) => mem.max_pages.is_some_and(|mm| mm <= mx),
                        };
                    if !ok {
                        return Err(bad());
                    }
                    inst.mems.push(m);
                }
                (ImportType::Global(gt), Extern::Global(g)) => {
                    let have = self.globals[g as usize].ty;
                    let ok = have.mutable == gt.mutable
                        && if gt.mutable {
                            have.content_type == gt.content_type
                                || (self.types.val_sub(have.content_type, gt.content_type)
                                    && self.types.val_sub(gt.content_type, have.content_type))
                        } else {
                            self.types.val_sub(have.content_type, gt.content_type)
                        };
                    if !ok {
                        return Err(bad());
                    }
                    inst.globals.push(g);
                }
                (ImportType::Tag(ty), Extern::Tag(t)) => {
                    if self.tags[t as usize] != *ty {
                        return Err(bad());
                    }
                    inst.tags.push(t);
                }
                _ => return Err(bad()),
            }
        }
        // Functions first, so `ref.func` in initializers resolves.
        for (k, _) in module.bodies.iter().enumerate() {
            let ty = module.func_types[module.num_imported_funcs + k];
            self.funcs.push(FuncInst {
                ty,
                kind: FuncKind::Wasm { module: module.clone(), instance: id, def: k as u32, code: None },
            });
            inst.funcs.push((self.funcs.len() - 1) as u32);
        }
        for &ty in &module.tags[module.num_imported_tags..] {
            self.tags.push(ty);
            inst.tags.push((self.tags.len() - 1) as u32);
        }
        // Globals are evaluated in order; each may read earlier ones.
        self.instances.push(inst);
        for (gt, init) in &module.globals {
            let v = self.eval_const(id, init)?;
            self.globals.push(GlobalInst { val: v, ty: *gt });
            let g = (self.globals.len() - 1) as u32;
            self.instances[id as usize].globals.push(g);
        }
        for (tt, init) in &module.tables {
            let v = match init {
                Some(e) => self.eval_const(id, e)?.r(),
                None => Ref::Null,
            };
            if tt.initial > self.limits.max_table_elems {
                return Err(Error::trap("table too large"));
            }
            self.tables.push(TableInst {
                elems: vec![v; tt.initial as usize],
                max: tt.maximum,
                ty: tt.element_type,
                is64: tt.table64,
            });
            let t = (self.tables.len() - 1) as u32;
            self.instances[id as usize].tables.push(t);
        }
        for mt in &module.memories {
            if mt.initial > self.limits.max_memory_pages {
                return Err(Error::trap("memory too large"));
            }
            self.mems.push(MemInst {
                data: vec![0; (mt.initial * PAGE) as usize],
                max_pages: mt.maximum,
                is64: mt.memory64,
            });
            let m = (self.mems.len() - 1) as u32;
            self.instances[id as usize].mems.push(m);
        }
        // Exports.
        let mut exports = HashMap::new();
        {
            let inst = &self.instances[id as usize];
            for (name, kind, idx) in &module.exports {
                let i = *idx as usize;
                let e = match kind {
                    ExternalKind::Func | ExternalKind::FuncExact => Extern::Func(inst.funcs[i]),
                    ExternalKind::Table => Extern::Table(inst.tables[i]),
                    ExternalKind::Memory => Extern::Memory(inst.mems[i]),
                    ExternalKind::Global => Extern::Global(inst.globals[i]),
                    ExternalKind::Tag => Extern::Tag(inst.tags[i]),
                };
                exports.insert(name.clone(), e);
            }
        }
        self.instances[id as usize].exports = exports;
        // Element segments.
        for seg in &module.elems {
            let mut items = Vec::with_capacity(seg.items.len());
            for e in &seg.items {
                let v = self.eval_const_rooted(id, e, &items)?;
                items.push(v.r());
            }
            self.elems.push(items);
            let e = (self.elems.len() - 1) as u32;
            self.instances[id as usize].elems.push(e);
        }
        for seg in &module.datas {
            self.datas.push(seg.bytes.clone());
            let d = (self.datas.len() - 1) as u32;
            self.instances[id as usize].datas.push(d);
        }
        for (k, seg) in module.elems.iter().enumerate() {
            let e = self.instances[id as usize].elems[k];
            match &seg.mode {
                ElemMode::Active { table, offset } => {
                    let off = self.eval_const(id, offset)?.addr();
                    let t = self.instances[id as usize].tables[*table as usize];
                    let items = std::mem::take(&mut self.elems[e as usize]);
                    let tab = &mut self.tables[t as usize];
                    let n = items.len() as u64;
                    if off.checked_add(n).is_none_or(|end| end > tab.elems.len() as u64) {
                        return Err(Error::trap(msg::OOB_TABLE));
                    }
                    tab.elems[off as usize..(off + n) as usize].copy_from_slice(&items);
                }
                ElemMode::Declared => self.elems[e as usize] = Vec::new(),
                ElemMode::Passive => {}
            }
        }
        for (k, seg) in module.datas.iter().enumerate() {
            let d = self.instances[id as usize].datas[k];
            if let Some((mem, offset)) = &seg.active {
                let off = self.eval_const(id, offset)?.addr();
                let m = self.instances[id as usize].mems[*mem as usize];
                let bytes = std::mem::replace(&mut self.datas[d as usize], Arc::from(&[][..]));
                let mem = &mut self.mems[m as usize];
                let n = bytes.len() as u64;
                if off.checked_add(n).is_none_or(|end| end > mem.data.len() as u64) {
                    return Err(Error::trap(msg::OOB_MEMORY));
                }
                mem.data[off as usize..(off + n) as usize].copy_from_slice(&bytes);
            }
        }
        if let Some(s) = module.start {
            let f = self.instances[id as usize].funcs[s as usize];
            self.call_func(f, &[])?;
        }
        Ok(id)
    }

    fn eval_const(&mut self, inst: u32, e: &ConstExpr) -> Result<Val, Error> {
        self.eval_const_rooted(inst, e, &[])
    }

    /// Evaluates a constant expression; `pending` are references already produced (kept alive).
    fn eval_const_rooted(&mut self, inst: u32, e: &ConstExpr, pending: &[Ref]) -> Result<Val, Error> {
        let mut st: Vec<Val> = pending.iter().map(|r| Val::Ref(*r)).collect();
        let base = st.len();
        for op in e {
            let i = &self.instances[inst as usize];
            let types = &i.module.types;
            match *op {
                ConstOp::I32(v) => st.push(Val::I32(v)),
                ConstOp::I64(v) => st.push(Val::I64(v)),
                ConstOp::F32(v) => st.push(Val::F32(v)),
                ConstOp::F64(v) => st.push(Val::F64(v)),
                ConstOp::RefNull => st.push(Val::Ref(Ref::Null)),
                ConstOp::RefFunc(f) => st.push(Val::Ref(Ref::Func(i.funcs[f as usize]))),
                ConstOp::GlobalGet(g) => st.push(self.globals[i.globals[g as usize] as usize].val),
                ConstOp::I32Add | ConstOp::I32Sub | ConstOp::I32Mul => {
                    let b = st.pop().unwrap().i32();
                    let a = st.pop().unwrap().i32();
                    st.push(Val::I32(match op {
                        ConstOp::I32Add => a.wrapping_add(b),
                        ConstOp::I32Sub => a.wrapping_sub(b),
                        _ => a.wrapping_mul(b),
                    }));
                }
                ConstOp::I64Add | ConstOp::I64Sub | ConstOp::I64Mul => {
                    let b = st.pop().unwrap().i64();
                    let a = st.pop().unwrap().i64();
                    st.push(Val::I64(match op {
                        ConstOp::I64Add => a.wrapping_add(b),
                        ConstOp::I64Sub => a.wrapping_sub(b),
                        _ => a.wrapping_mul(b),
                    }));
                }
                ConstOp::RefI31 => {
                    let v = st.pop().unwrap().i32();
                    st.push(Val::Ref(Ref::I31(v as u32 & 0x7fff_ffff)));
                }
                ConstOp::AnyConvertExtern => {
                    let r = match st.pop().unwrap().r() {
                        Ref::ExternHost(h) => Ref::Host(h),
                        Ref::ExternGc(g) => Ref::Gc(g),
                        Ref::ExternI31(v) => Ref::I31(v),
                        o => o,
                    };
                    st.push(Val::Ref(r));
                }
                ConstOp::ExternConvertAny => {
                    let r = match st.pop().unwrap().r() {
                        Ref::Host(h) => Ref::ExternHost(h),
                        Ref::Gc(g) => Ref::ExternGc(g),
                        Ref::I31(v) => Ref::ExternI31(v),
                        o => o,
                    };
                    st.push(Val::Ref(r));
                }
                ConstOp::StructNew(t) => {
                    let ty = types[t as usize];
                    let n = self.types.struct_fields(ty).len();
                    let fields: Box<[Val]> = st[st.len() - n..].into();
                    let o = self.alloc_obj(&st, Obj::Struct { ty, fields });
                    st.truncate(st.len() - n);
                    st.push(Val::Ref(Ref::Gc(o)));
                }
                ConstOp::StructNewDefault(t) => {
                    let ty = types[t as usize];
                    let fields: Box<[Val]> = self
                        .types
                        .struct_fields(ty)
                        .iter()
                        .map(|f| crate::types::storage_default(f.element_type))
                        .collect();
                    let o = self.alloc_obj(&st, Obj::Struct { ty, fields });
                    st.push(Val::Ref(Ref::Gc(o)));
                }
                ConstOp::ArrayNew(t) => {
                    let ty = types[t as usize];
                    let n = st.pop().unwrap().i32() as u32 as usize;
                    let init = *st.last().unwrap();
                    if self.array_too_large(ty, n as u64) {
                        return Err(Error::trap(msg::ARRAY_TOO_LARGE));
                    }
                    let o = self.new_array_filled(&st, ty, n, init);
                    st.pop();
                    st.push(Val::Ref(Ref::Gc(o)));
                }
                ConstOp::ArrayNewDefault(t) => {
                    let ty = types[t as usize];
                    let n = st.pop().unwrap().i32() as u32 as usize;
                    let init = crate::types::storage_default(self.types.array_elem(ty).element_type);
                    if self.array_too_large(ty, n as u64) {
                        return Err(Error::trap(msg::ARRAY_TOO_LARGE));
                    }
                    let o = self.new_array_filled(&st, ty, n, init);
                    st.push(Val::Ref(Ref::Gc(o)));
                }
                ConstOp::ArrayNewFixed(t, n) => {
                    let ty = types[t as usize];
                    let vals: Vec<Val> = st[st.len() - n as usize..].to_vec();
                    let o = self.new_array(&st, ty, &vals);
                    st.truncate(st.len() - n as usize);
                    st.push(Val::Ref(Ref::Gc(o)));
                }
            }
        }
        Ok(st.get(base).copied().unwrap_or(Val::I32(0)))
    }
}
