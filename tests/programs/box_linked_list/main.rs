// A singly linked list as a recursive enum with Box: push, length, sum, reverse, map into a new list.

#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

impl List {
    fn push(self, value: i32) -> List {
        Cons(value, Box::new(self))
    }

    fn len(&self) -> usize {
        match self {
            Cons(_, rest) => 1 + rest.len(),
            Nil => 0,
        }
    }

    fn sum(&self) -> i64 {
        let mut total = 0i64;
        let mut node = self;
        while let Cons(value, rest) = node {
            total += *value as i64;
            node = rest;
        }
        total
    }

    fn reversed(self) -> List {
        let mut out = Nil;
        let mut node = self;
        while let Cons(value, rest) = node {
            out = Cons(value, Box::new(out));
            node = *rest;
        }
        out
    }

    fn doubled(&self) -> List {
        match self {
            Cons(value, rest) => Cons(value * 2, Box::new(rest.doubled())),
            Nil => Nil,
        }
    }

    fn to_string(&self) -> String {
        let mut parts = Vec::new();
        let mut node = self;
        while let Cons(value, rest) = node {
            parts.push(value.to_string());
            node = rest;
        }
        format!("[{}]", parts.join(" -> "))
    }
}

fn main() {
    let mut list = Nil;
    for v in 1..=6 {
        list = list.push(v * v);
    }
    println!("{} len {} sum {}", list.to_string(), list.len(), list.sum());
    let doubled = list.doubled();
    println!("doubled {}", doubled.to_string());
    let reversed = list.reversed();
    println!("reversed {}", reversed.to_string());
    println!("{:?}", Nil.push(1).push(2));
    // `len` recurses once per node: 2000 frames stay within wasmtime's default 512 KiB wasm stack.
    let mut long = Nil;
    for v in 0..2_000 {
        long = long.push(v % 7);
    }
    println!("long list: len {} sum {}", long.len(), long.sum());
    let emptied = Nil.reversed();
    println!("empty: {} {}", emptied.to_string(), emptied.len());
}
