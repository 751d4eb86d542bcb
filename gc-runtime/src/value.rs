//! Runtime values. Floats are kept as raw bits so NaN payloads survive untouched.

/// A reference value. Heap references are indices into the store's GC heap; `i31ref` is unboxed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    Null,
    /// A function, by store address.
    Func(u32),
    /// An unboxed `i31ref`; the payload holds the low 31 bits.
    I31(u32),
    /// A struct or array in the GC heap.
    Gc(u32),
    /// An exception object (exnref) in the GC heap.
    Exn(u32),
    /// An opaque host value living in the `any` hierarchy (`ref.host N` in scripts).
    Host(u32),
    /// `extern.convert_any` of a host value (`ref.extern N` in scripts).
    ExternHost(u32),
    /// `extern.convert_any` of a heap object.
    ExternGc(u32),
    /// `extern.convert_any` of an i31.
    ExternI31(u32),
}

impl Ref {
    pub fn is_null(self) -> bool {
        matches!(self, Ref::Null)
    }
    /// The heap slot this reference keeps alive, if any.
    pub(crate) fn heap_index(self) -> Option<u32> {
        match self {
            Ref::Gc(i) | Ref::Exn(i) | Ref::ExternGc(i) => Some(i),
            _ => None,
        }
    }
}

/// A wasm value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val {
    I32(i32),
    I64(i64),
    /// f32 bits.
    F32(u32),
    /// f64 bits.
    F64(u64),
    Ref(Ref),
}

impl Val {
    /// The default (zero/null) value of a type, used for locals, `struct.new_default`, table growth.
    pub fn default_for(ty: &wasmparser::ValType) -> Val {
        use wasmparser::ValType::*;
        match ty {
            I32 => Val::I32(0),
            I64 => Val::I64(0),
            F32 => Val::F32(0),
            F64 => Val::F64(0),
            V128 | Ref(_) => Val::Ref(self::Ref::Null),
        }
    }
    #[inline(always)]
    pub fn i32(self) -> i32 {
        match self {
            Val::I32(v) => v,
            _ => 0,
        }
    }
    #[inline(always)]
    pub fn i64(self) -> i64 {
        match self {
            Val::I64(v) => v,
            _ => 0,
        }
    }
    #[inline(always)]
    pub fn f32(self) -> f32 {
        match self {
            Val::F32(v) => f32::from_bits(v),
            _ => 0.0,
        }
    }
    #[inline(always)]
    pub fn f64(self) -> f64 {
        match self {
            Val::F64(v) => f64::from_bits(v),
            _ => 0.0,
        }
    }
    #[inline(always)]
    pub fn r(self) -> Ref {
        match self {
            Val::Ref(r) => r,
            _ => Ref::Null,
        }
    }
    /// An address operand (i32 or i64 memory/table index) as u64.
    #[inline(always)]
    pub fn addr(self) -> u64 {
        match self {
            Val::I32(v) => v as u32 as u64,
            Val::I64(v) => v as u64,
            _ => 0,
        }
    }
}
