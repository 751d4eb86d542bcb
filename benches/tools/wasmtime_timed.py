#!/usr/bin/env python3
"""Run a WASI preview 1 command on wasmtime (PyPI `wasmtime==50.0.1`) and report phase timings.

Usage: wasmtime_timed.py TIMINGS.json MODULE.wasm [ARGS...]

Why not tests/tools/wasmtime_run.py: the benchmark needs compile, instantiate and run times measured
inside the process, so the Python interpreter's own start-up (~0.1 s) is not charged to wasmtime.
Engine configuration matches that script (GC and friends on). Module compilation uses Cranelift with
the default optimisation level and no on-disk cache, so every run compiles from scratch.
Exit status: the guest's `proc_exit` code, 0 when `_start` returns, 134 on a trap.
"""
import json
import sys
import time


def make_engine(wasmtime):
    config = wasmtime.Config()
    for feature in ("wasm_reference_types", "wasm_function_references", "wasm_gc", "wasm_tail_call",
                    "wasm_exceptions", "wasm_multi_value", "wasm_bulk_memory"):
        if hasattr(config, feature):
            setattr(config, feature, True)
    return wasmtime.Engine(config)


def main(argv):
    if len(argv) < 3:
        print("usage: wasmtime_timed.py TIMINGS.json MODULE.wasm [ARGS...]", file=sys.stderr)
        return 2
    import wasmtime
    timings_path, module_path, args = argv[1], argv[2], argv[3:]
    engine = make_engine(wasmtime)
    with open(module_path, "rb") as f:
        wasm = f.read()
    t0 = time.perf_counter()
    module = wasmtime.Module(engine, wasm)  # validate + compile
    t1 = time.perf_counter()
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = [module_path, *args]
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    store.set_wasi(wasi)
    instance = linker.instantiate(store, module)
    start = instance.exports(store)["_start"]
    t2 = time.perf_counter()
    code = 0
    try:
        start(store)
    except wasmtime.ExitTrap as exit_trap:
        code = exit_trap.code
    except (wasmtime.Trap, wasmtime.WasmtimeError) as trap:
        print(f"trap: {trap}", file=sys.stderr)
        code = 134
    t3 = time.perf_counter()
    sys.stdout.flush()
    with open(timings_path, "w") as f:
        json.dump({"compile": t1 - t0, "instantiate": t2 - t1, "run": t3 - t2}, f)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
