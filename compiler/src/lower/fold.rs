//! Identical-code folding: instances (and helpers) whose lowered bodies are the same — same wasm
//! signature, locals and instructions, with calls compared through already-folded callees — share one
//! function. Monomorphization produces such copies whenever instantiations have the same wasm
//! representation (`count::<i32>` and `count::<char>`, closures with the same code, ...).

use super::{FuncIr, ModuleIr, IMPORT_TAG};
use std::collections::HashMap;
use wasm_encoder::{Encode, Instruction};

/// Folds duplicates in place; returns how many functions were removed.
pub fn fold_identical(ir: &mut ModuleIr) -> usize {
    let n = ir.funcs.len();
    let mut rep: Vec<usize> = (0..n).collect();
    let find = |rep: &[usize], mut x: usize| {
        while rep[x] != x {
            x = rep[x];
        }
        x
    };
    loop {
        let mut seen: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut changed = false;
        for f in 0..n {
            if rep[f] != f || f == ir.start as usize {
                continue;
            }
            let key = body_key(&ir.funcs[f], &|x| find(&rep, x) as u32);
            match seen.get(&key) {
                Some(&g) => {
                    rep[f] = g;
                    changed = true;
                }
                None => {
                    seen.insert(key, f);
                }
            }
        }
        if !changed {
            break;
        }
    }
    let reps: Vec<usize> = (0..n).map(|f| find(&rep, f)).collect();
    let kept: Vec<usize> = (0..n).filter(|&f| reps[f] == f).collect();
    let removed = n - kept.len();
    if removed == 0 {
        return 0;
    }
    let mut new_index = vec![0u32; n];
    for (i, &f) in kept.iter().enumerate() {
        new_index[f] = i as u32;
    }
    let map = |x: u32| if x & IMPORT_TAG != 0 { x } else { new_index[reps[x as usize]] };
    let old = std::mem::take(&mut ir.funcs);
    for (f, mut func) in old.into_iter().enumerate() {
        if reps[f] != f {
            continue;
        }
        for ins in &mut func.body {
            match ins {
                Instruction::Call(x) | Instruction::ReturnCall(x) | Instruction::RefFunc(x) => *x = map(*x),
                _ => {}
            }
        }
        ir.funcs.push(func);
    }
    ir.start = map(ir.start);
    ir.init = ir.init.map(|x| map(x));
    for (_, f) in &mut ir.exports {
        *f = map(*f);
    }
    for f in &mut ir.declared_refs {
        *f = map(*f);
    }
    ir.declared_refs.sort();
    ir.declared_refs.dedup();
    removed
}

/// Signature, locals and instructions (calls through `callee`) as bytes.
fn body_key(f: &FuncIr, callee: &dyn Fn(usize) -> u32) -> Vec<u8> {
    let mut out = Vec::new();
    f.ty.encode(&mut out);
    out.push(f.cold as u8);
    for l in &f.locals {
        l.encode(&mut out);
    }
    out.push(0xff);
    for ins in &f.body {
        match ins {
            Instruction::Call(x) | Instruction::ReturnCall(x) | Instruction::RefFunc(x) if *x & IMPORT_TAG == 0 => {
                let tag = match ins {
                    Instruction::Call(_) => 0u8,
                    Instruction::ReturnCall(_) => 1,
                    _ => 2,
                };
                out.push(0xfe);
                out.push(tag);
                callee(*x as usize).encode(&mut out);
            }
            other => other.encode(&mut out),
        }
    }
    out
}
