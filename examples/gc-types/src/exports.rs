//! The functions this library exports from its wasm module.

use wasm::{ExternRef, GcArray, GcBox, GcRc, GcString};

use crate::{matrix, text};

#[wasm::gc]
#[derive(Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[wasm::gc]
pub struct Counter {
    pub label: GcString,
    pub count: i32,
}

#[wasm::export]
pub fn fib(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

#[wasm::export(name = "makePoint")]
pub fn make_point(x: f64, y: f64) -> GcBox<Point> {
    GcBox::new(Point { x, y })
}

#[wasm::export]
pub fn distance(a: GcBox<Point>, b: GcBox<Point>) -> f64 {
    let (dx, dy) = (a.x - b.x, a.y - b.y);
    (dx * dx + dy * dy).sqrt()
}

#[wasm::export]
pub fn greet(name: GcString) -> GcString {
    GcString::from("Hello, ").concat(&name).concat("!")
}

#[wasm::export]
pub fn dot(a: GcArray<f64>, b: GcArray<f64>) -> f64 {
    matrix::dot(&a, &b)
}

#[wasm::export(name = "reverseWords")]
pub fn reverse_words(s: GcString) -> GcString {
    text::reverse_words(&s)
}

#[wasm::export]
pub fn new_counter(label: GcString) -> GcRc<Counter> {
    GcRc::new(Counter { label, count: 0 })
}

#[wasm::export]
pub fn increment(counter: GcRc<Counter>, by: i32) -> i32 {
    let mut c = counter.borrow_mut();
    c.count += by;
    c.count
}

#[wasm::export]
pub fn is_vowel(c: char) -> bool {
    "aeiouAEIOU".contains(c)
}

/// Host values pass through untouched.
#[wasm::export]
pub fn pick(first: bool, a: ExternRef, b: ExternRef) -> ExternRef {
    if first { a } else { b }
}

/// Natively an ordinary `async fn`; exported from wasm as a promising export whose awaits would
/// suspend the stack (JSPI).
#[wasm::export(name = "addLater")]
#[wasm::r#async]
pub async fn add_later(a: i32, b: i32) -> i32 {
    a + b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(fib(0), 0);
        assert_eq!(fib(10), 55);
        assert_eq!(fib(90), 2880067194370816120);
        assert!(is_vowel('e'));
        assert!(!is_vowel('x'));
    }

    #[test]
    fn gc_struct_exports() {
        let a = make_point(0.0, 0.0);
        let b = make_point(3.0, 4.0);
        assert_eq!(distance(a.clone(), b), 5.0);
        assert_eq!(*a, Point { x: 0.0, y: 0.0 });
    }

    #[test]
    fn strings_and_arrays() {
        assert_eq!(greet(GcString::from("wasm")), "Hello, wasm!");
        assert_eq!(reverse_words(GcString::from("b a")), "a b");
        assert_eq!(
            dot(GcArray::from(vec![1.0, 2.0]), GcArray::new(2, 0.5)),
            1.5
        );
    }

    #[test]
    fn counters_are_shared() {
        let c = new_counter(GcString::from("clicks"));
        assert_eq!(increment(c.clone(), 2), 2);
        assert_eq!(increment(c.clone(), 3), 5);
        assert_eq!(c.borrow().count, 5);
        assert_eq!(c.borrow().label, "clicks");
    }

    #[test]
    fn extern_refs_pass_through() {
        let a = ExternRef::new(1u8);
        let b = ExternRef::new("two");
        assert!(ExternRef::ptr_eq(&pick(true, a.clone(), b.clone()), &a));
        assert_eq!(pick(false, a, b).downcast_ref::<&str>(), Some(&"two"));
    }

    /// Native only: drives the future with a no-op waker (it never awaits anything pending).
    #[cfg(not(target_family = "wasm"))]
    #[test]
    fn async_functions_are_ordinary_futures() {
        use std::future::Future;
        use std::pin::pin;
        use std::task::{Context, Poll, Waker};
        let mut future = pin!(add_later(2, 3));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(5));
    }
}
