#!/usr/bin/env python3
"""Runs a WASI preview-1 command module with GC on wasmtime (PyPI `wasmtime`), passing stdout/stderr
through and exiting with the module's exit status. Usage: run_wasm.py module.wasm"""
import sys
import wasmtime


def main() -> int:
    path = sys.argv[1]
    cfg = wasmtime.Config()
    cfg.wasm_gc = True
    cfg.wasm_function_references = True
    cfg.wasm_reference_types = True
    cfg.wasm_exceptions = True
    engine = wasmtime.Engine(cfg)
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    wasi.argv = [path] + sys.argv[2:]
    store.set_wasi(wasi)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    module = wasmtime.Module.from_file(engine, path)
    instance = linker.instantiate(store, module)
    start = instance.exports(store)["_start"]
    try:
        start(store)
    except wasmtime.ExitTrap as e:
        return e.code
    except wasmtime.Trap as e:
        sys.stderr.write(f"wasm trap: {e}\n")
        return 134
    return 0


if __name__ == "__main__":
    sys.exit(main())
