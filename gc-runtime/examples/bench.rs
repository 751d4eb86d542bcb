//! Micro-benchmarks of the interpreter: `cargo run --release -p gc-runtime --example bench`.

use std::time::Instant;

use gc_runtime::{Extern, Store, Val};

const WAT: &str = r#"
(module
  (type $p (struct (field i32) (field i32)))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "loop") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (memory 1)
  (func (export "mem") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (loop $l
      (i32.store (i32.and (local.get $i) (i32.const 1020)) (local.get $i))
      (local.set $acc (i32.add (local.get $acc) (i32.load (i32.and (local.get $i) (i32.const 1020)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (func (export "alloc") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc) (struct.get $p 0 (struct.new $p (local.get $i) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc)))
"#;

fn main() {
    let buf = wast::parser::ParseBuffer::new(WAT).unwrap();
    let mut wat: wast::Wat<'_> = wast::parser::parse(&buf).unwrap();
    let bytes = wat.encode().unwrap();
    let mut store = Store::new();
    let m = store.compile(&bytes).unwrap();
    let inst = store.instantiate(&m, &mut |_, _, _| None).unwrap();
    for (name, arg) in [("fib", 30), ("loop", 50_000_000), ("mem", 20_000_000), ("alloc", 10_000_000)] {
        let Some(Extern::Func(f)) = store.instance_export(inst, name) else { panic!() };
        let t = Instant::now();
        let r = store.call_func(f, &[Val::I32(arg)]).unwrap();
        println!("{name}({arg}) = {:?} in {:.3}s", r[0], t.elapsed().as_secs_f64());
    }
    println!("gc: {:?}", store.gc_stats());
    println!("size_of Op = {}, Val = {}", std::mem::size_of::<gc_runtime::ir::Op>(), std::mem::size_of::<Val>());
}
