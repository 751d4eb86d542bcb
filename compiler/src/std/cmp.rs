
// ---------------------------------------------------------------- std::cmp (std/cmp.rs)
// `std::cmp::Ordering` is the prelude enum of `prelude.rs` (variant index 0/1/2 = Less/Equal/Greater; the
// lowering's comparisons give -1/0/1 and add one). Helpers for the derived `PartialOrd` methods.

/// `partial_cmp` from the lowering's comparison result (-1/0/1, 2 = unordered).
fn ordering_from_partial(r: i32) -> Option<Ordering> {
    match r {
        -1 => Some(Ordering::Less),
        0 => Some(Ordering::Equal),
        1 => Some(Ordering::Greater),
        _ => None,
    }
}
