#!/usr/bin/env bash
# What thin monomorphization (and identical-code folding) save: builds every non-GC program of
# tests/programs with the compiler driver three ways and prints the module sizes.
#   neither: WASMRUST_NO_THIN=1 WASMRUST_NO_FOLD=1   fold: WASMRUST_NO_THIN=1   thin+fold: default
# Usage: bash scripts/thin-size.sh [--release] [FILTER]   (only programs whose sizes differ are listed)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target-compiler}
cargo build -q -p wasmrust-compiler --example wasmrustc
W=$CARGO_TARGET_DIR/debug/examples/wasmrustc
REL=(); FILTER=""
for a in "$@"; do if [[ $a == --release ]]; then REL=(--release); else FILTER=$a; fi; done
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
n=0; t0=0; t1=0; t2=0; thin_programs=0
printf '%-40s %10s %10s %10s\n' program neither fold thin+fold
for d in "$ROOT"/tests/programs/*/; do
  p=$(basename "$d")
  case $p in gc_*|i7_*) continue;; esac
  [[ -n $FILTER && $p != *$FILTER* ]] && continue
  WASMRUST_NO_THIN=1 WASMRUST_NO_FOLD=1 "$W" "$d/main.rs" "$TMP/a.wasm" "${REL[@]}" >/dev/null 2>&1 || continue
  WASMRUST_NO_THIN=1 "$W" "$d/main.rs" "$TMP/b.wasm" "${REL[@]}" >/dev/null 2>&1 || continue
  "$W" "$d/main.rs" "$TMP/c.wasm" "${REL[@]}" >/dev/null 2>&1 || continue
  s0=$(stat -c %s "$TMP/a.wasm"); s1=$(stat -c %s "$TMP/b.wasm"); s2=$(stat -c %s "$TMP/c.wasm")
  n=$((n+1)); t0=$((t0+s0)); t1=$((t1+s1)); t2=$((t2+s2))
  if [[ $s1 != "$s2" ]]; then thin_programs=$((thin_programs+1)); fi
  if [[ $s0 != "$s1" || $s1 != "$s2" ]]; then printf '%-40s %10d %10d %10d\n' "$p" "$s0" "$s1" "$s2"; fi
done
printf '%-40s %10d %10d %10d\n' "TOTAL ($n programs)" "$t0" "$t1" "$t2"
echo "programs changed by thin monomorphization: $thin_programs"
