#!/usr/bin/env python3
"""Differential check, part 2: runs the modules written by `examples/differential.rs` in wasmtime
(PyPI `wasmtime`, GC on) and compares every export's outcome with gc-runtime's.

Usage: python3 gc-runtime/scripts/differential.py DIR
Values are compared exactly (NaNs as "nan", references as null/non-null); traps by kind.
Exits 1 on any mismatch."""
import json
import os
import struct
import sys

import wasmtime

KINDS = [
    ("divide by zero", "div0"), ("integer overflow", "overflow"), ("invalid conversion", "conversion"),
    ("out of bounds memory", "oob-memory"), ("undefined element", "oob-table"),
    ("out of bounds table", "oob-table"), ("uninitialized element", "null-element"),
    ("indirect call type mismatch", "signature"), ("null", "null"), ("cast", "cast"),
    ("out of bounds array", "oob-array"), ("array", "oob-array"), ("stack", "stack"),
    ("unreachable", "unreachable"), ("fuel", "fuel"), ("allocation", "alloc"),
]


def trap_kind(msg):
    for key, kind in KINDS:
        if key in msg:
            return kind
    return "other"


def render(ty, v):
    t = str(ty)
    if t == "i32":
        return f"i32:{v}"
    if t == "i64":
        return f"i64:{v}"
    if t == "f32":
        if v != v:
            return "f32:nan"
        return f"f32:{struct.unpack('<I', struct.pack('<f', v))[0]}"
    if t == "f64":
        if v != v:
            return "f64:nan"
        return f"f64:{struct.unpack('<Q', struct.pack('<d', v))[0]}"
    return "ref:null" if v is None else "ref:nonnull"


def arg(ty, pattern):
    t = str(ty)
    if t in ("i32", "i64"):
        return pattern
    if t in ("f32", "f64"):
        return float(pattern)
    return None


def main():
    d = sys.argv[1]
    cfg = wasmtime.Config()
    for flag in ("wasm_gc", "wasm_function_references", "wasm_exceptions", "wasm_tail_call",
                 "wasm_memory64", "wasm_multi_memory", "gc_support"):
        try:
            setattr(cfg, flag, True)
        except Exception:
            pass
    engine = wasmtime.Engine(cfg)
    modules = calls = mismatches = skipped = skipped_calls = resource_diffs = 0
    files = sorted((f for f in os.listdir(d) if f.endswith(".wasm")), key=lambda f: int(f[:-5]))
    for f in files:
        ours = json.load(open(os.path.join(d, f[:-5] + ".json")))
        wasm = open(os.path.join(d, f), "rb").read()
        modules += 1
        store = wasmtime.Store(engine)
        try:
            module = wasmtime.Module(engine, wasm)
            inst = wasmtime.Instance(store, module, [])
        except wasmtime.Trap as e:
            ours_err = ours.get("instantiate_error", "")
            if "too large" in ours_err:
                resource_diffs += 1
                print(f"{f}: resource limit in gc-runtime ({ours_err}) before wasmtime's trap")
                continue
            if trap_kind(ours_err) != trap_kind(str(e)):
                mismatches += 1
                print(f"{f}: instantiation: gc-runtime {ours_err!r}, wasmtime trap {str(e).splitlines()[0]!r}")
            continue
        except Exception as e:  # noqa: BLE001 - engine limitation, not a semantic difference
            skipped += 1
            if "instantiate_error" not in ours:
                print(f"{f}: wasmtime could not instantiate ({str(e).splitlines()[0]}), gc-runtime did")
            continue
        if "instantiate_error" in ours and "too large" in ours["instantiate_error"]:
            # Resource limits are implementation-defined: wasmtime reserves GC heap lazily and
            # accepts multi-GiB arrays; gc-runtime caps a single array at 1 GiB.
            resource_diffs += 1
            print(f"{f}: resource limit only in gc-runtime ({ours['instantiate_error']})")
            continue
        if "instantiate_error" in ours:
            mismatches += 1
            print(f"{f}: we failed to instantiate ({ours['instantiate_error']}), wasmtime did not")
            continue
        for key, expected in ours["exports"]:
            name, pattern = key.rsplit("#", 1)
            try:
                func = inst.exports(store)[name]
                fty = func.type(store)
                args = [arg(p, [0, 1, -1][int(pattern)]) for p in fty.params]
            except Exception:  # noqa: BLE001 - wasmtime-py cannot pass GC references yet
                skipped_calls += 1
                continue
            calls += 1
            try:
                r = func(store, *args)
            except NotImplementedError:
                skipped_calls += 1
                calls -= 1
                continue
            except Exception as e:  # noqa: BLE001
                r = e
            try:
                if isinstance(r, Exception):
                    raise r
                results = fty.results
                vals = [] if len(results) == 0 else ([r] if len(results) == 1 else list(r))
                got = {"values": [render(t, v) for t, v in zip(results, vals)]}
            except NotImplementedError:
                skipped_calls += 1
                calls -= 1
                continue
            except wasmtime.Trap as e:
                # wasmtime-py reports an uncaught wasm exception as a trap "thrown Wasm exception".
                got = {"exception": True} if "thrown Wasm exception" in str(e) else {"trap": trap_kind(str(e))}
            except wasmtime.WasmtimeError as e:
                got = {"exception": True} if "exception" in str(e).lower() else {"error": str(e)}
            if got != expected:
                mismatches += 1
                print(f"{f} (seed {ours['seed']}) export {key!r}: gc-runtime {expected}, wasmtime {got}")
    print(f"{modules} modules, {calls} calls compared, {mismatches} mismatches; "
          f"skipped: {skipped} modules wasmtime could not instantiate, {skipped_calls} calls with GC-typed signatures, "
          f"{resource_diffs} modules hitting a gc-runtime resource limit")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
