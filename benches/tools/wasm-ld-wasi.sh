#!/bin/sh
# Linker wrapper for rustc's wasm32-wasip1 target with Debian's wasi-libc: rustc passes the
# bare name `crt1-command.o` and `-lc` expecting its own self-contained copies, which Debian's
# rustc-web does not ship; point wasm-ld at /usr/lib/wasm32-wasi instead.
WASI_LIB=${WASI_LIB:-/usr/lib/wasm32-wasi}
skip=0
for arg do
  shift
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$arg" in
    -flavor) skip=1 ;;  # rustc adds `-flavor wasm` for an lld it does not recognise by name
    crt1-command.o|crt1-reactor.o|crt1.o) set -- "$@" "$WASI_LIB/$arg" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
exec wasm-ld -L "$WASI_LIB" "$@"
