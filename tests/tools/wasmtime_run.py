#!/usr/bin/env python3
"""Run a WASI preview 1 command module on wasmtime (PyPI `wasmtime==50.0.1`), like the wasmtime CLI would.

Usage: wasmtime_run.py MODULE.wasm [ARGS...]

Why a script and not the wasmtime CLI: PyPI is reachable from CI, GitHub releases are not. The behaviour mirrors
`wasmtime run`: the GC proposals are enabled, stdio is inherited, argv is `[MODULE, ARGS...]`, the process exits
with the `proc_exit` code (0 when `_start` returns), and a trap prints the trap to stderr and exits with 134.
"""

import sys

TRAP_EXIT_CODE = 134  # what the wasmtime CLI returns for a trap (128 + SIGABRT)
USAGE_EXIT_CODE = 2


def make_engine(wasmtime):
    """An engine with every proposal our compiler may emit turned on."""
    config = wasmtime.Config()
    for feature in (
        "wasm_reference_types",
        "wasm_function_references",
        "wasm_gc",
        "wasm_tail_call",
        "wasm_exceptions",
        "wasm_multi_value",
        "wasm_bulk_memory",
    ):
        if hasattr(config, feature):
            setattr(config, feature, True)
    if hasattr(config, "gc_support"):
        config.gc_support = True
    return wasmtime.Engine(config)


def main(argv):
    if len(argv) < 2:
        print("usage: wasmtime_run.py MODULE.wasm [ARGS...]", file=sys.stderr)
        return USAGE_EXIT_CODE
    try:
        import wasmtime
    except ImportError as error:
        print(f"wasmtime_run.py: cannot import wasmtime ({error}); run scripts/install-test-deps.sh",
              file=sys.stderr)
        return USAGE_EXIT_CODE

    module_path, args = argv[1], argv[2:]
    engine = make_engine(wasmtime)
    try:
        module = wasmtime.Module.from_file(engine, module_path)
    except (wasmtime.WasmtimeError, OSError) as error:
        print(f"Error: failed to load module {module_path!r}: {error}", file=sys.stderr)
        return 1

    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = [module_path, *args]
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    wasi.inherit_stdin()
    store.set_wasi(wasi)

    try:
        instance = linker.instantiate(store, module)
        start = instance.exports(store).get("_start")
        if start is None:
            print(f"Error: module {module_path!r} does not export `_start`", file=sys.stderr)
            return 1
        start(store)
    except wasmtime.ExitTrap as exit_trap:
        sys.stdout.flush()
        return exit_trap.code
    except (wasmtime.Trap, wasmtime.WasmtimeError) as trap:
        sys.stdout.flush()
        print(f"Error: failed to run main module `{module_path}`\n\nCaused by:\n    {trap}", file=sys.stderr)
        return TRAP_EXIT_CODE
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
