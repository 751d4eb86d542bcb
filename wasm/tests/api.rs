//! The GC types behave like the std types they mirror (`Rc`, `RefCell`, slices, `str`). Panic
//! messages are compared with what std itself produces, not with copies of it.

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::panic::{self, AssertUnwindSafe};

use wasm::{ExternRef, GcArray, GcBox, GcRc, GcString};

/// The message of the panic `f` raises.
fn panic_message(f: impl FnOnce()) -> String {
    let payload = panic::catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else {
        panic!("non-string panic payload")
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

// ---- GcRc ------------------------------------------------------------------------------------

#[test]
fn gc_rc_borrow_panics_like_refcell() {
    let std_cell = RefCell::new(1);
    let cell = GcRc::new(1);

    let expected = panic_message(|| {
        let _w = std_cell.borrow_mut();
        let _ = std_cell.borrow();
    });
    let actual = panic_message(|| {
        let _w = cell.borrow_mut();
        let _ = cell.borrow();
    });
    assert_eq!(actual, expected);

    let expected = panic_message(|| {
        let _r = std_cell.borrow();
        let _ = std_cell.borrow_mut();
    });
    let actual = panic_message(|| {
        let _r = cell.borrow();
        let _ = cell.borrow_mut();
    });
    assert_eq!(actual, expected);

    let expected = panic_message(|| {
        let _r = std_cell.borrow();
        std_cell.replace(3);
    });
    let actual = panic_message(|| {
        let _r = cell.borrow();
        cell.set(3);
    });
    assert_eq!(actual, expected);
    assert_eq!(cell.get(), 1, "nothing was written");
}

#[test]
#[should_panic(expected = "RefCell already borrowed")]
fn gc_rc_borrow_mut_through_an_alias_panics() {
    let a = GcRc::new(String::new());
    let b = a.clone();
    let _read = a.borrow();
    b.borrow_mut().push('x');
}

#[test]
fn gc_rc_shares_and_mutates() {
    let a = GcRc::new(vec![1]);
    let b = a.clone();
    assert!(GcRc::ptr_eq(&a, &b));
    assert!(!GcRc::ptr_eq(&a, &GcRc::new(vec![1])));
    b.borrow_mut().push(2);
    assert_eq!(*a.borrow(), [1, 2]);
    {
        let r1 = a.borrow();
        let r2 = b.borrow();
        assert_eq!(r1.len() + r2.len(), 4, "any number of shared borrows");
        assert!(a.try_borrow_mut().is_err());
    }
    assert!(a.try_borrow_mut().is_ok());
    {
        let _w = a.borrow_mut();
        assert!(b.try_borrow().is_err());
    }
    assert_eq!(a.replace(vec![9]), [1, 2]);
    assert_eq!(a.take(), [9]);
    assert!(b.borrow().is_empty());

    let n = GcRc::new(41);
    n.set(n.get() + 1);
    assert_eq!(n.get(), 42);
    let m = GcRc::new(7);
    n.swap(&m);
    assert_eq!((n.get(), m.get()), (7, 42));
    let std_cell = RefCell::new(7);
    let expected = panic_message(|| std_cell.swap(&std_cell));
    assert_eq!(
        panic_message(|| n.swap(&n.clone())),
        expected,
        "swapping a cell with itself"
    );
    assert_eq!(n.get(), 7);
}

#[test]
fn gc_rc_compares_and_formats_like_rc_refcell() {
    let a = GcRc::new(3);
    assert_eq!(a, GcRc::new(3));
    assert!(a < GcRc::new(4));
    assert_eq!(a.cmp(&GcRc::new(2)), std::cmp::Ordering::Greater);
    assert_eq!(format!("{a:?}"), "GcRc { value: 3 }");
    let w = a.borrow_mut();
    assert_eq!(format!("{a:?}"), "GcRc { value: <borrowed> }");
    drop(w);
    assert_eq!(GcRc::<Vec<u8>>::default().borrow().len(), 0);
}

// ---- GcBox -----------------------------------------------------------------------------------

#[test]
fn gc_box_aliases_and_forwards_traits() {
    let a = GcBox::new(String::from("text"));
    let b = a.clone();
    assert!(GcBox::ptr_eq(&a, &b));
    let c = GcBox::new(String::from("text"));
    assert!(!GcBox::ptr_eq(&a, &c));
    assert_eq!(a, c);
    assert_eq!(a.len(), 4, "derefs to the value");
    assert_eq!(format!("{a} {a:?} {a:>6}"), "text \"text\"   text");
    assert_eq!(hash_of(&a), hash_of(&String::from("text")));
    let set: BTreeSet<GcBox<i32>> = [3, 1, 2].into_iter().map(GcBox::new).collect();
    assert_eq!(set.iter().map(|b| **b).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(*GcBox::<i64>::default(), 0);
    assert_eq!(format!("{:p}", a), format!("{:p}", GcBox::as_ptr(&b)));
    let n = GcBox::new(5);
    assert_eq!(
        panic::catch_unwind(|| *n + 1).ok(),
        Some(6),
        "unwind safe, like `Rc<i32>`"
    );
}

// ---- GcArray ---------------------------------------------------------------------------------

#[test]
fn gc_array_bounds_panics_match_slice_indexing() {
    let v = vec![1, 2, 3];
    let index = std::hint::black_box(3);
    let expected = panic_message(|| {
        let _ = v[index];
    });
    let a = GcArray::from(v.clone());
    assert_eq!(
        panic_message(|| {
            a.get(index);
        }),
        expected
    );
    assert_eq!(panic_message(|| a.set(index, 0)), expected);
    assert_eq!(a.to_vec(), v, "a failed set writes nothing");
    assert_eq!(a.try_get(index), None);
    assert_eq!(a.try_get(2), Some(3));
}

#[test]
fn gc_array_copy_from_slice_panics_like_slices() {
    let expected = panic_message(|| [0u8; 3].copy_from_slice(&[1, 2]));
    let a = GcArray::new(3, 0u8);
    assert_eq!(panic_message(|| a.copy_from_slice(&[1, 2])), expected);
    a.copy_from_slice(&[4, 5, 6]);
    assert_eq!(a.to_vec(), [4, 5, 6]);
}

#[test]
fn gc_array_reads_writes_and_iterates() {
    let a = GcArray::new(4, 0i64);
    assert_eq!((a.len(), a.is_empty()), (4, false));
    assert!(GcArray::<u8>::from(vec![]).is_empty());
    for i in 0..4 {
        a.set(i, i as i64 * 10);
    }
    let alias = a.clone();
    alias.set(0, -1);
    assert_eq!(a.get(0), -1);
    assert_eq!(a.iter().collect::<Vec<_>>(), [-1, 10, 20, 30]);
    assert_eq!(a.iter().rev().collect::<Vec<_>>(), [30, 20, 10, -1]);
    assert_eq!(a.iter().len(), 4);
    assert_eq!((&a).into_iter().max(), Some(30));
    a.fill(7);
    assert_eq!(a.to_vec(), [7; 4]);
    assert_eq!(format!("{a:?}"), format!("{:?}", [7; 4]));
    assert_eq!(a, GcArray::from([7, 7, 7, 7]));
    assert_ne!(a, GcArray::from(vec![7, 7, 7]));
    let nan = GcArray::from(vec![f64::NAN]);
    assert_ne!(nan, nan.clone(), "element comparison, as for slices");
    let collected: GcArray<u32> = (1..=3).collect();
    assert_eq!(collected.iter().sum::<u32>(), 6);
}

#[test]
fn gc_array_of_references_aliases_the_elements() {
    let cell = GcRc::new(0);
    let a = GcArray::new(2, cell.clone());
    a.get(1).set(5);
    assert_eq!(
        cell.get(),
        5,
        "`new` stores the same reference in every element"
    );
    assert!(GcRc::ptr_eq(&a.get(0), &a.get(1)));
}

// ---- GcString --------------------------------------------------------------------------------

#[test]
fn gc_string_behaves_like_str() {
    let s = GcString::from("héllo");
    assert_eq!(s, "héllo");
    assert_eq!("héllo", s);
    assert_eq!(s, *"héllo");
    assert_eq!(s, String::from("héllo"));
    assert_eq!(String::from("héllo"), s);
    assert_eq!(s.len(), "héllo".len());
    assert_eq!(s.chars().rev().collect::<String>(), "olléh");
    assert_eq!(hash_of(&s), hash_of("héllo"));
    assert_eq!(format!("{s:?}"), format!("{:?}", "héllo"));
    assert_eq!(
        format!("{:?}", GcString::from("tab\t\"q\"")),
        format!("{:?}", "tab\t\"q\"")
    );
    assert_eq!(format!("[{s:^9}]"), format!("[{:^9}]", "héllo"));
    let (abc, abd) = (GcString::from("abc"), GcString::from("abd"));
    assert!(abc < abd);
    assert_eq!(abc.cmp(&abd), "abc".cmp("abd"));
    assert_eq!(GcString::new(), "");
    assert_eq!(String::from(s.clone()), "héllo");
    assert!(GcString::ptr_eq(&s, &s.clone()));
    assert!(!GcString::ptr_eq(&s, &GcString::from("héllo")));
}

#[test]
fn gc_string_concat_builds_new_strings() {
    let a = GcString::from("ab");
    let b = GcString::from(String::from("cd"));
    let c = a.concat(&b).concat("").concat("é");
    assert_eq!(c, "abcdé");
    assert_eq!(a, "ab", "the operands are unchanged");
    let built: GcString = ["x", "y", "z"].into_iter().collect();
    assert_eq!(built, "xyz");
    assert_eq!(GcString::from('€'), "€");
}

#[test]
fn gc_string_keys_can_be_looked_up_by_str() {
    let mut counts: HashMap<GcString, u32> = HashMap::new();
    for word in "a b a c a".split(' ') {
        *counts.entry(GcString::from(word)).or_default() += 1;
    }
    assert_eq!(counts.get("a"), Some(&3));
    assert_eq!(counts.get("c"), Some(&1));
}

// ---- ExternRef -------------------------------------------------------------------------------

#[test]
fn extern_ref_is_opaque_but_downcastable() {
    struct Host {
        id: u32,
    }
    let r = ExternRef::new(Host { id: 9 });
    let alias = r.clone();
    assert!(ExternRef::ptr_eq(&r, &alias));
    assert!(!ExternRef::ptr_eq(&r, &ExternRef::new(Host { id: 9 })));
    assert!(r.is::<Host>());
    assert_eq!(alias.downcast_ref::<Host>().map(|h| h.id), Some(9));
    assert!(r.downcast_ref::<u32>().is_none());
    assert!(format!("{r:?}").starts_with("ExternRef(0x"));
}
