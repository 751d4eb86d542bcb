;; The guest: logs through the host's `log(ptr, len)` import and exports `fib`, which logs one line
;; per call and returns the n-th Fibonacci number.
(module
  (import "host" "log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "computing fib")
  (data (i32.const 32) "done")
  (func (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (call $log (i32.const 0) (i32.const 13))
    (local.set $b (i64.const 1))
    (block $out
      (loop $next
        (br_if $out (i32.eqz (local.get $n)))
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (call $log (i32.const 32) (i32.const 4))
    (local.get $a)))
