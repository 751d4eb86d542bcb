#!/usr/bin/env python3
"""Run a WASI preview 1 command on wasmtime (PyPI `wasmtime==50.0.1`) with preopens and environment,
the way `wasmtime run --dir HOST::GUEST --env K=V MODULE ARGS...` does. Used by gc-runtime's
`tests/wasi_c.rs` to compare our WASI with wasmtime's on the same module and directory tree.

Usage: run_wasmtime.py [--dir HOST::GUEST]... [--env K=V]... MODULE.wasm [ARGS...]
argv[0] of the guest is the module's file name. Exit status: the guest's; 134 on a trap.
"""

import os
import sys

TRAP_EXIT_CODE = 134
USAGE_EXIT_CODE = 2


def main(argv):
    dirs, envs = [], []
    rest = argv[1:]
    while rest and rest[0] in ("--dir", "--env"):
        if len(rest) < 2:
            break
        (dirs if rest[0] == "--dir" else envs).append(rest[1])
        rest = rest[2:]
    if not rest:
        print(__doc__, file=sys.stderr)
        return USAGE_EXIT_CODE
    try:
        import wasmtime
    except ImportError as error:
        print(f"run_wasmtime.py: cannot import wasmtime ({error}); run scripts/install-test-deps.sh",
              file=sys.stderr)
        return USAGE_EXIT_CODE
    module_path, args = rest[0], rest[1:]
    engine = wasmtime.Engine()
    module = wasmtime.Module.from_file(engine, module_path)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = [os.path.basename(module_path), *args]
    wasi.env = [tuple(e.split("=", 1)) for e in envs]
    for d in dirs:
        host, _, guest = d.partition("::")
        wasi.preopen_dir(host, guest or host)
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    store.set_wasi(wasi)
    try:
        instance = linker.instantiate(store, module)
        instance.exports(store)["_start"](store)
    except wasmtime.ExitTrap as exit_trap:
        sys.stdout.flush()
        return exit_trap.code
    except (wasmtime.Trap, wasmtime.WasmtimeError) as trap:
        sys.stdout.flush()
        print(f"Error: {trap}", file=sys.stderr)
        return TRAP_EXIT_CODE
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
