//! A persistent singly linked list: immutable cells shared between lists with `GcBox`.

use wasm::GcBox;

#[wasm::gc]
#[derive(Clone)]
pub enum List {
    Nil,
    Cons(i64, GcBox<List>),
}

impl List {
    pub fn nil() -> GcBox<List> {
        GcBox::new(List::Nil)
    }

    /// A new list with `head` in front of `tail`; `tail` is shared, not copied.
    pub fn cons(head: i64, tail: &GcBox<List>) -> GcBox<List> {
        GcBox::new(List::Cons(head, tail.clone()))
    }

    pub fn from_slice(values: &[i64]) -> GcBox<List> {
        let mut list = List::nil();
        for v in values.iter().rev() {
            list = List::cons(*v, &list);
        }
        list
    }
}

pub fn len(list: &GcBox<List>) -> usize {
    let mut n = 0;
    let mut cur = list.clone();
    while let List::Cons(_, next) = &*cur.clone() {
        n += 1;
        cur = next.clone();
    }
    n
}

pub fn sum(list: &GcBox<List>) -> i64 {
    match &**list {
        List::Nil => 0,
        List::Cons(head, tail) => head + sum(tail),
    }
}

pub fn reverse(list: &GcBox<List>) -> GcBox<List> {
    let mut out = List::nil();
    let mut cur = list.clone();
    while let List::Cons(head, next) = &*cur.clone() {
        out = List::cons(*head, &out);
        cur = next.clone();
    }
    out
}

pub fn to_vec(list: &GcBox<List>) -> Vec<i64> {
    let mut out = Vec::new();
    let mut cur = list.clone();
    while let List::Cons(head, next) = &*cur.clone() {
        out.push(*head);
        cur = next.clone();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_folds() {
        let list = List::from_slice(&[1, 2, 3, 4]);
        assert_eq!(len(&list), 4);
        assert_eq!(sum(&list), 10);
        assert_eq!(to_vec(&reverse(&list)), vec![4, 3, 2, 1]);
        assert_eq!(len(&List::nil()), 0);
    }

    #[test]
    fn tails_are_shared() {
        let tail = List::from_slice(&[2, 3]);
        let a = List::cons(1, &tail);
        let b = List::cons(10, &tail);
        match (&*a, &*b) {
            (List::Cons(_, ta), List::Cons(_, tb)) => assert!(GcBox::ptr_eq(ta, tb)),
            _ => panic!("expected two cons cells"),
        }
        assert_eq!((sum(&a), sum(&b)), (6, 15));
    }
}
