// dependencies: wasm
//! A persistent singly linked list of `GcBox` cells: new lists share their tails with old ones.

use wasm::GcBox;

#[wasm::gc]
#[derive(Clone)]
enum List {
    Nil,
    Cons(i64, GcBox<List>),
}

fn nil() -> GcBox<List> {
    GcBox::new(List::Nil)
}

fn cons(head: i64, tail: &GcBox<List>) -> GcBox<List> {
    GcBox::new(List::Cons(head, tail.clone()))
}

fn from_slice(values: &[i64]) -> GcBox<List> {
    let mut list = nil();
    for v in values.iter().rev() {
        list = cons(*v, &list);
    }
    list
}

fn len(list: &GcBox<List>) -> usize {
    let mut n = 0;
    let mut cur = list.clone();
    while let List::Cons(_, next) = &*cur.clone() {
        n += 1;
        cur = next.clone();
    }
    n
}

fn sum(list: &GcBox<List>) -> i64 {
    match &**list {
        List::Nil => 0,
        List::Cons(head, tail) => head + sum(tail),
    }
}

fn reverse(list: &GcBox<List>) -> GcBox<List> {
    let mut out = nil();
    let mut cur = list.clone();
    while let List::Cons(head, next) = &*cur.clone() {
        out = cons(*head, &out);
        cur = next.clone();
    }
    out
}

fn show(list: &GcBox<List>) -> String {
    let mut s = String::from("(");
    let mut cur = list.clone();
    let mut first = true;
    while let List::Cons(head, next) = &*cur.clone() {
        if !first {
            s.push_str(" ");
        }
        s.push_str(&head.to_string());
        first = false;
        cur = next.clone();
    }
    s.push(')');
    s
}

fn main() {
    let tail = from_slice(&[3, 4, 5]);
    let a = cons(1, &tail);
    let b = cons(10, &cons(20, &tail));
    println!("a = {} len {} sum {}", show(&a), len(&a), sum(&a));
    println!("b = {} len {} sum {}", show(&b), len(&b), sum(&b));
    println!("reversed a = {}", show(&reverse(&a)));
    if let (List::Cons(_, ta), List::Cons(_, tb)) = (&*a, &*b) {
        if let List::Cons(_, tb2) = &**tb {
            println!("tails shared: {}", GcBox::ptr_eq(ta, tb2));
            println!("a's tail is b's tail's tail: {}", GcBox::ptr_eq(ta, &tail));
        }
    }
    let copy = a.clone();
    println!("clone aliases: {}", GcBox::ptr_eq(&a, &copy));
    let rebuilt = from_slice(&[1, 3, 4, 5]);
    println!("same contents, new cells: {} {}", show(&rebuilt) == show(&a), GcBox::ptr_eq(&rebuilt, &a));
    let mut long = nil();
    for i in 0..1000 {
        long = cons(i, &long);
    }
    println!("long: len {} sum {}", len(&long), sum(&long));
    println!("empty: {} {}", show(&nil()), len(&nil()));
}
