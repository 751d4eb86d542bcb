
// ---------------------------------------------------------------- std::cmp (std/cmp.rs)
// `std::cmp::Ordering` as an ordinary enum of the prelude: its repr (a fieldless enum is an i32 holding
// the discriminant) is exactly what the generated comparisons produce (-1, 0, 1), derived Debug prints
// `Less`/`Equal`/`Greater`, and its methods are plain prelude code. Paths `std::cmp::Ordering`
// resolve here (resolve.rs `std_adt`).

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
enum Ordering {
    Less = -1,
    Equal = 0,
    Greater = 1,
}

impl Ordering {
    fn reverse(self) -> Ordering {
        match self {
            Ordering::Less => Ordering::Greater,
            Ordering::Equal => Ordering::Equal,
            Ordering::Greater => Ordering::Less,
        }
    }
    fn then(self, other: Ordering) -> Ordering {
        match self {
            Ordering::Equal => other,
            _ => self,
        }
    }
    fn is_eq(self) -> bool {
        self == Ordering::Equal
    }
    fn is_ne(self) -> bool {
        self != Ordering::Equal
    }
    fn is_lt(self) -> bool {
        self == Ordering::Less
    }
    fn is_gt(self) -> bool {
        self == Ordering::Greater
    }
    fn is_le(self) -> bool {
        self != Ordering::Greater
    }
    fn is_ge(self) -> bool {
        self != Ordering::Less
    }
}

/// `partial_cmp` from the lowering's comparison result (-1/0/1, 2 = unordered).
fn ordering_from_partial(r: i32) -> Option<Ordering> {
    match r {
        -1 => Some(Ordering::Less),
        0 => Some(Ordering::Equal),
        1 => Some(Ordering::Greater),
        _ => None,
    }
}
