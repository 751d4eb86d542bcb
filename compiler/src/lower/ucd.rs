//! Unicode tables for the std prelude (`__intrinsic_ucd_<name>() -> &'static [u8]`).
//!
//! The bytes come from `std/unicode_tables.rs` (generated and proven against the native std by
//! `tests/unicode_tables.rs`). A table becomes a passive data segment only when a function reading it
//! is reachable, so programs that never ask Unicode questions do not grow. Each table is copied into a
//! GC byte array once, on first use, and cached in a global: per-char lookups then cost a binary search,
//! not a copy.

#[path = "../std/unicode_tables.rs"]
mod unicode_tables;

use super::func::FnLower;
use crate::types::{IntTy, Ty};
use wasm_encoder::{BlockType, Instruction as I};

/// Body of `__intrinsic_ucd_<table>`; false when `name` names no table.
pub fn intrinsic_body(fl: &mut FnLower, name: &str) -> bool {
    let Some(table) = name.strip_prefix("ucd_").and_then(unicode_tables::by_name) else {
        return false;
    };
    let u8t = Ty::Int(IntTy::U8);
    let arr = fl.lw.array_type(&u8t);
    let st = fl.lw.slice_type(&u8t);
    let seg = fl.lw.data_segment(table);
    let g = match fl.lw.global_map.get(name) {
        Some(&g) => g,
        None => {
            let g = fl.lw.globals.len() as u32;
            fl.lw.globals.push(arr);
            fl.lw.global_map.insert(name.to_string(), g);
            g
        }
    };
    // if global is null: global = array.new_data(seg, 0, len)
    fl.emit(I::GlobalGet(g));
    fl.emit(I::RefIsNull);
    fl.emit(I::If(BlockType::Empty));
    fl.emit(I::I32Const(0));
    fl.emit(I::I32Const(table.len() as i32));
    fl.emit(I::ArrayNewData { array_type_index: arr, array_data_index: seg });
    fl.emit(I::GlobalSet(g));
    fl.emit(I::End);
    // &[u8] = (array, start 0, len)
    fl.emit(I::GlobalGet(g));
    fl.emit(I::RefAsNonNull);
    fl.emit(I::I32Const(0));
    fl.emit(I::I32Const(table.len() as i32));
    fl.emit(I::StructNew(st));
    true
}
