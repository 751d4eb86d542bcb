//! Panics raised by the GC types point at the caller's line, as std's do (`#[track_caller]`): the
//! `thread 'main' panicked at src/main.rs:L:C:` line must match between native and WasmGC runs.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe, Location};

use wasm::{GcArray, GcRc};

thread_local! {
    static LAST: RefCell<Option<(String, u32)>> = const { RefCell::new(None) };
}

/// Runs `f`, expecting a panic, and returns the file and line it was reported at.
fn panic_location(f: impl FnOnce()) -> (String, u32) {
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    assert!(result.is_err(), "expected a panic");
    LAST.with(|l| l.borrow_mut().take())
        .expect("the hook saw the panic")
}

#[track_caller]
fn here(line_offset: i32) -> (String, u32) {
    let l = Location::caller();
    (l.file().to_string(), (l.line() as i32 + line_offset) as u32)
}

#[test]
fn panics_are_reported_at_the_callers_line() {
    panic::set_hook(Box::new(|info| {
        let l = info.location().unwrap();
        LAST.with(|last| *last.borrow_mut() = Some((l.file().to_string(), l.line())));
        eprintln!("{info}");
    }));

    let cell = GcRc::new(1);
    let _read = cell.borrow();
    let expected = here(1);
    let at = panic_location(|| drop(cell.borrow_mut()));
    assert_eq!(at, expected);

    let expected = here(1);
    let at = panic_location(|| cell.set(2));
    assert_eq!(at, expected);

    let array = GcArray::new(2, 0u8);
    let expected = here(2);
    let at = panic_location(|| {
        array.get(2);
    });
    assert_eq!(at, expected);

    let expected = here(1);
    let at = panic_location(|| array.set(5, 1));
    assert_eq!(at, expected);

    let expected = here(1);
    let at = panic_location(|| array.copy_from_slice(&[1]));
    assert_eq!(at, expected);

    let _ = panic::take_hook();
}
