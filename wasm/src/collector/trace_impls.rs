//! `Trace` for the standard types a `#[wasm::gc]` type may contain.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::marker::PhantomData;
use std::rc::Rc;

use super::trace::{Trace, Tracer};

/// Types that never own a GC handle.
macro_rules! leaf {
    ($($t:ty),* $(,)?) => {$(
        // SAFETY: owns no GC handle, reports none.
        unsafe impl Trace for $t {
            const MAY_CONTAIN_GC: bool = false;
            #[inline]
            fn trace(&self, _: &mut Tracer<'_>) {}
        }
    )*};
}

leaf!(
    (),
    bool,
    char,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    str,
    String,
    std::num::NonZeroU32,
    std::num::NonZeroU64,
    std::num::NonZeroUsize,
    std::num::NonZeroI32,
    std::num::NonZeroI64,
    std::time::Duration,
);

// SAFETY: `PhantomData` owns nothing.
unsafe impl<T: ?Sized> Trace for PhantomData<T> {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut Tracer<'_>) {}
}

// SAFETY: a `Copy` type cannot own a handle (handles are not `Copy`).
unsafe impl<T: Copy> Trace for Cell<T> {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut Tracer<'_>) {}
}

// SAFETY: the contents of an `Rc` may be shared with owners the collector cannot see, so reporting
// them could subtract one reference too many. Reporting nothing is always safe: a cycle through an
// `Rc` is not collected (it leaks, exactly as it would with `Rc` alone).
unsafe impl<T: ?Sized> Trace for Rc<T> {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut Tracer<'_>) {}
}

// SAFETY: a mutably borrowed cell is skipped: its contents are treated as reachable from outside,
// which is safe, and the `&mut` held by the borrower is never aliased.
unsafe impl<T: Trace + ?Sized> Trace for RefCell<T> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        // SAFETY: the shared reference lives only during this call, in which no code mutates the cell
        // (`Trace` impls must not).
        if let Ok(value) = unsafe { self.try_borrow_unguarded() } {
            value.trace(tracer);
        }
    }
}

/// Containers that own their elements: trace each one.
macro_rules! forward {
    ($(impl<$($p:ident),*> for $t:ty => |$s:ident| $iter:expr;)*) => {$(
        // SAFETY: an owning container reports each owned element exactly once.
        unsafe impl<$($p: Trace),*> Trace for $t {
            const MAY_CONTAIN_GC: bool = false $(|| $p::MAY_CONTAIN_GC)*;
            fn trace(&self, tracer: &mut Tracer<'_>) {
                if Self::MAY_CONTAIN_GC {
                    let $s = self;
                    for element in $iter {
                        element.trace(tracer);
                    }
                }
            }
        }
    )*};
}

forward! {
    impl<T> for Vec<T> => |v| v.iter();
    impl<T> for VecDeque<T> => |v| v.iter();
    impl<T> for Option<T> => |v| v.iter();
    impl<T> for BTreeSet<T> => |v| v.iter();
}

// SAFETY: a box owns its contents.
unsafe impl<T: Trace + ?Sized> Trace for Box<T> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        (**self).trace(tracer);
    }
}

// SAFETY: a slice owns its elements.
unsafe impl<T: Trace> Trace for [T] {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        if T::MAY_CONTAIN_GC {
            self.iter().for_each(|e| e.trace(tracer));
        }
    }
}

// SAFETY: an array owns its elements.
unsafe impl<T: Trace, const N: usize> Trace for [T; N] {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.as_slice().trace(tracer);
    }
}

// SAFETY: a result owns whichever value it holds.
unsafe impl<T: Trace, E: Trace> Trace for Result<T, E> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC || E::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        match self {
            Ok(v) => v.trace(tracer),
            Err(e) => e.trace(tracer),
        }
    }
}

// SAFETY: maps own their keys and values.
unsafe impl<K: Trace, V: Trace> Trace for BTreeMap<K, V> {
    const MAY_CONTAIN_GC: bool = K::MAY_CONTAIN_GC || V::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        if Self::MAY_CONTAIN_GC {
            for (k, v) in self {
                k.trace(tracer);
                v.trace(tracer);
            }
        }
    }
}

// SAFETY: maps own their keys and values.
unsafe impl<K: Trace, V: Trace, S> Trace for HashMap<K, V, S> {
    const MAY_CONTAIN_GC: bool = K::MAY_CONTAIN_GC || V::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        if Self::MAY_CONTAIN_GC {
            for (k, v) in self {
                k.trace(tracer);
                v.trace(tracer);
            }
        }
    }
}

macro_rules! tuple {
    ($($name:ident . $idx:tt),+) => {
        // SAFETY: a tuple owns its fields.
        unsafe impl<$($name: Trace),+> Trace for ($($name,)+) {
            const MAY_CONTAIN_GC: bool = false $(|| $name::MAY_CONTAIN_GC)+;
            fn trace(&self, tracer: &mut Tracer<'_>) {
                $(self.$idx.trace(tracer);)+
            }
        }
    };
}

tuple!(A.0);
tuple!(A.0, B.1);
tuple!(A.0, B.1, C.2);
tuple!(A.0, B.1, C.2, D.3);
tuple!(A.0, B.1, C.2, D.3, E.4);
tuple!(A.0, B.1, C.2, D.3, E.4, F.5);
tuple!(A.0, B.1, C.2, D.3, E.4, F.5, G.6);
tuple!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7);
tuple!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8);
tuple!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9);
tuple!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10);
tuple!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11);

// SAFETY: a set owns its elements.
unsafe impl<T: Trace, S> Trace for HashSet<T, S> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        if T::MAY_CONTAIN_GC {
            self.iter().for_each(|e| e.trace(tracer));
        }
    }
}

// SAFETY: only the owned variant owns anything; a `'static` borrow owns nothing.
unsafe impl<B> Trace for std::borrow::Cow<'static, B>
where
    B: ToOwned + ?Sized + 'static,
    B::Owned: Trace,
{
    const MAY_CONTAIN_GC: bool = <B::Owned as Trace>::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        if let std::borrow::Cow::Owned(owned) = self {
            owned.trace(tracer);
        }
    }
}

leaf!(
    std::num::NonZeroU8,
    std::num::NonZeroU16,
    std::num::NonZeroU128,
    std::num::NonZeroI8,
    std::num::NonZeroI16,
    std::num::NonZeroI128,
    std::num::NonZeroIsize,
    std::cmp::Ordering,
);

/// Function pointers own nothing (a WasmGC `funcref`).
macro_rules! fn_pointers {
    ($(($($arg:ident),*))*) => {$(
        // SAFETY: a function pointer owns no GC handle.
        unsafe impl<R, $($arg),*> Trace for fn($($arg),*) -> R {
            const MAY_CONTAIN_GC: bool = false;
            fn trace(&self, _: &mut Tracer<'_>) {}
        }
    )*};
}

fn_pointers!(()(A)(A, B)(A, B, C)(A, B, C, D)(A, B, C, D, E)(
    A, B, C, D, E, F
));

// SAFETY: as for `Rc`: shared contents are not reported.
unsafe impl<T: ?Sized> Trace for std::sync::Arc<T> {
    const MAY_CONTAIN_GC: bool = false;
    fn trace(&self, _: &mut Tracer<'_>) {}
}

forward! {
    impl<T> for std::collections::BinaryHeap<T> => |v| v.iter();
    impl<T> for std::collections::LinkedList<T> => |v| v.iter();
}

// SAFETY: the wrapper owns its inner value and nothing else.
unsafe impl<T: Trace> Trace for std::cmp::Reverse<T> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.0.trace(tracer);
    }
}

// SAFETY: the wrapper owns its inner value and nothing else.
unsafe impl<T: Trace> Trace for std::num::Wrapping<T> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.0.trace(tracer);
    }
}

// SAFETY: a range owns its two bounds.
unsafe impl<T: Trace> Trace for std::ops::Range<T> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.start.trace(tracer);
        self.end.trace(tracer);
    }
}

// SAFETY: a range owns its two bounds.
unsafe impl<T: Trace> Trace for std::ops::RangeInclusive<T> {
    const MAY_CONTAIN_GC: bool = T::MAY_CONTAIN_GC;
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.start().trace(tracer);
        self.end().trace(tracer);
    }
}
