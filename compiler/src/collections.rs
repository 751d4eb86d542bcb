//! The std collections the compiler knows natively (`HashMap`, `HashSet`, `BTreeMap`, `BTreeSet`,
//! `VecDeque`, `BinaryHeap`, `cmp::Reverse`): one `Ty::Coll(kind, args)` constructor for all of them, so
//! adding one touches no other `Ty` match. Typed in `typeck::methods::collections`, lowered in
//! `lower::collections`.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum CollKind {
    HashMap,
    HashSet,
    BTreeMap,
    BTreeSet,
    VecDeque,
    BinaryHeap,
    /// `std::cmp::Reverse<T>`: same representation as `T`, opposite order.
    Reverse,
    /// `Entry<'_, K, V>` of a HashMap (`hash` = true) or BTreeMap: only consumed in place by
    /// `or_insert*`/`or_default`/`and_modify`.
    Entry,
    /// `Rc<T>` / `Weak<T>`: a counted box `{value, strong, weak}` (see `lower::cells`).
    Rc,
    Weak,
    /// `RefCell<T>`: the `GcRc` representation and borrow machinery (`gc.rc.*` ops, `gc_borrows`).
    RefCell,
    /// `Cell<T>`: a one-field mutable struct.
    Cell,
}

impl CollKind {
    pub fn from_name(name: &str) -> Option<CollKind> {
        Some(match name {
            "HashMap" => CollKind::HashMap,
            "HashSet" => CollKind::HashSet,
            "BTreeMap" => CollKind::BTreeMap,
            "BTreeSet" => CollKind::BTreeSet,
            "VecDeque" => CollKind::VecDeque,
            "BinaryHeap" => CollKind::BinaryHeap,
            "Reverse" => CollKind::Reverse,
            "Rc" => CollKind::Rc,
            "Weak" => CollKind::Weak,
            "RefCell" => CollKind::RefCell,
            "Cell" => CollKind::Cell,
            _ => return None,
        })
    }

    /// Number of type arguments.
    pub fn arity(self) -> usize {
        match self {
            CollKind::HashMap | CollKind::BTreeMap => 2,
            // Entry: K, V, and a marker (`Bool` for hash, `Unit` for btree).
            CollKind::Entry => 3,
            _ => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CollKind::HashMap => "HashMap",
            CollKind::HashSet => "HashSet",
            CollKind::BTreeMap => "BTreeMap",
            CollKind::BTreeSet => "BTreeSet",
            CollKind::VecDeque => "VecDeque",
            CollKind::BinaryHeap => "BinaryHeap",
            CollKind::Reverse => "Reverse",
            CollKind::Entry => "Entry",
            CollKind::Rc => "Rc",
            CollKind::Weak => "Weak",
            CollKind::RefCell => "RefCell",
            CollKind::Cell => "Cell",
        }
    }

    /// Maps and sets share one representation (sets have `V = ()`).
    pub fn is_map_like(self) -> bool {
        matches!(self, CollKind::HashMap | CollKind::HashSet | CollKind::BTreeMap | CollKind::BTreeSet)
    }
    pub fn is_hashed(self) -> bool {
        matches!(self, CollKind::HashMap | CollKind::HashSet)
    }
    /// The shared-ownership and interior-mutability types (typed in `typeck::methods::cells`).
    pub fn is_cell(self) -> bool {
        matches!(self, CollKind::Rc | CollKind::Weak | CollKind::RefCell | CollKind::Cell)
    }
    pub fn is_set(self) -> bool {
        matches!(self, CollKind::HashSet | CollKind::BTreeSet)
    }

    pub fn write_name(self, f: &mut fmt::Formatter<'_>, args: &[&dyn fmt::Display]) -> fmt::Result {
        let n = if self == CollKind::Entry { 2.min(args.len()) } else { args.len() };
        write!(f, "{}<", self.name())?;
        for (i, a) in args[..n].iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{a}")?;
        }
        f.write_str(">")
    }
}
