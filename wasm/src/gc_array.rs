//! `GcArray<T>`: a fixed-length, shared, mutable GC array.

use std::cell::RefCell;
use std::fmt;

use crate::collector::node::Handle;
use crate::collector::{Trace, Tracer};

/// A fixed-length array in GC memory whose elements can be replaced (a WasmGC mutable array).
/// Cloning aliases the same array. Elements are read by value (`get` clones, as `array.get` copies
/// a number or a reference) and written with `set`, so no borrow of the storage ever escapes.
///
/// Out-of-bounds `get`/`set` panic with rustc's message for slice indexing,
/// `index out of bounds: the len is L but the index is I` (reported at the caller's location);
/// [`GcArray::try_get`] returns `None` instead.
///
/// ```
/// use wasm::GcArray;
///
/// let a = GcArray::new(3, 0i32);
/// a.set(1, 7);
/// let alias = a.clone();
/// alias.set(2, 9);
/// assert_eq!(a.to_vec(), [0, 7, 9]);
/// assert_eq!(a.iter().sum::<i32>(), 16);
/// assert_eq!(a.try_get(3), None);
/// assert_eq!(format!("{a:?}"), "[0, 7, 9]");
/// ```
pub struct GcArray<T> {
    handle: Handle<RefCell<Box<[T]>>>,
}

impl<T: Trace + 'static> GcArray<T> {
    /// An array of `len` copies of `value` (`array.new`).
    pub fn new(len: usize, value: T) -> Self
    where
        T: Clone,
    {
        GcArray::from(vec![value; len])
    }
}

impl<T> GcArray<T> {
    #[track_caller]
    fn cell(&self) -> &RefCell<Box<[T]>> {
        self.handle.value()
    }

    /// The number of elements (`array.len`); fixed at allocation.
    #[track_caller]
    pub fn len(&self) -> usize {
        self.cell().borrow().len()
    }

    /// Whether the array has no elements.
    #[track_caller]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element at `index` (`array.get`). Panics if `index >= len`.
    #[track_caller]
    pub fn get(&self, index: usize) -> T
    where
        T: Clone,
    {
        let elements = self.cell().borrow();
        match elements.get(index) {
            Some(element) => element.clone(),
            None => out_of_bounds(elements.len(), index),
        }
    }

    /// The element at `index`, or `None` if `index >= len`.
    #[track_caller]
    pub fn try_get(&self, index: usize) -> Option<T>
    where
        T: Clone,
    {
        self.cell().borrow().get(index).cloned()
    }

    /// Stores `value` at `index` (`array.set`). Panics if `index >= len`. The old element is
    /// dropped after the array is released, so its `Drop` may use the array.
    #[track_caller]
    pub fn set(&self, index: usize, value: T) {
        let old = {
            let mut elements = self.cell().borrow_mut();
            let len = elements.len();
            match elements.get_mut(index) {
                Some(slot) => std::mem::replace(slot, value),
                None => out_of_bounds(len, index),
            }
        };
        drop(old);
    }

    /// Stores a clone of `value` in every element (`array.fill`).
    #[track_caller]
    pub fn fill(&self, value: T)
    where
        T: Clone,
    {
        // Clone first: a user `Clone` may read this array, which must not be borrowed mutably then.
        let fresh: Box<[T]> = (0..self.len()).map(|_| value.clone()).collect();
        let old = std::mem::replace(&mut *self.cell().borrow_mut(), fresh);
        drop(old);
    }

    /// Copies `src` into the array (`array.copy`/`array.init_data`). Panics, like
    /// [`slice::copy_from_slice`], if the lengths differ.
    #[track_caller]
    pub fn copy_from_slice(&self, src: &[T])
    where
        T: Copy,
    {
        let mut elements = self.cell().borrow_mut();
        if elements.len() != src.len() {
            len_mismatch(src.len(), elements.len());
        }
        elements.copy_from_slice(src);
    }

    /// An iterator over clones of the elements, from first to last. Each element is read when the
    /// iterator reaches it, so a `set` made during the iteration is seen.
    pub fn iter(&self) -> Iter<'_, T>
    where
        T: Clone,
    {
        Iter {
            array: self,
            front: 0,
            back: self.len(),
        }
    }

    /// The elements, cloned into a `Vec`.
    #[track_caller]
    pub fn to_vec(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.cell().borrow().to_vec()
    }

    /// Whether both references point to the same array (`ref.eq` in WasmGC).
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        this.handle.ptr_eq(&other.handle)
    }

    /// The array's address, for identity hashing and debugging (type-erased).
    pub fn as_ptr(this: &Self) -> *const () {
        this.handle.as_ptr()
    }
}

#[cold]
#[track_caller]
fn out_of_bounds(len: usize, index: usize) -> ! {
    panic!("index out of bounds: the len is {len} but the index is {index}")
}

#[cold]
#[track_caller]
fn len_mismatch(src: usize, dst: usize) -> ! {
    panic!(
        "copy_from_slice: source slice length ({src}) does not match destination slice length ({dst})"
    )
}

/// Iterator returned by [`GcArray::iter`].
pub struct Iter<'a, T> {
    array: &'a GcArray<T>,
    front: usize,
    back: usize,
}

impl<T: Clone> Iterator for Iter<'_, T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        if self.front >= self.back {
            return None;
        }
        let item = self.array.try_get(self.front);
        self.front += 1;
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl<T: Clone> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<T> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.array.try_get(self.back)
    }
}

impl<T: Clone> ExactSizeIterator for Iter<'_, T> {}

impl<'a, T: Clone> IntoIterator for &'a GcArray<T> {
    type Item = T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T: Trace + 'static> From<Vec<T>> for GcArray<T> {
    fn from(elements: Vec<T>) -> Self {
        GcArray {
            handle: Handle::new(RefCell::new(elements.into_boxed_slice())),
        }
    }
}

impl<T: Trace + Clone + 'static> From<&[T]> for GcArray<T> {
    fn from(elements: &[T]) -> Self {
        GcArray::from(elements.to_vec())
    }
}

impl<T: Trace + 'static, const N: usize> From<[T; N]> for GcArray<T> {
    fn from(elements: [T; N]) -> Self {
        GcArray::from(Vec::from(elements))
    }
}

impl<T: Trace + 'static> FromIterator<T> for GcArray<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        GcArray::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<T> Clone for GcArray<T> {
    /// Another reference to the same array.
    fn clone(&self) -> Self {
        GcArray {
            handle: self.handle.clone(),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for GcArray<T> {
    /// Formats like a slice: `[1, 2, 3]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.cell().try_borrow() {
            Ok(elements) => fmt::Debug::fmt(&**elements, f),
            Err(_) => f.write_str("[<borrowed>]"),
        }
    }
}

/// Compares the elements, like slices.
impl<T: PartialEq> PartialEq for GcArray<T> {
    fn eq(&self, other: &Self) -> bool {
        **self.cell().borrow() == **other.cell().borrow()
    }
}

impl<T: Eq> Eq for GcArray<T> {}

// SAFETY: a `GcArray` owns exactly one handle.
unsafe impl<T> Trace for GcArray<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.handle.trace(tracer)
    }
}
