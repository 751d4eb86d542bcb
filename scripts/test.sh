#!/usr/bin/env bash
# WasmRust's whole test suite, as README.md documents it and CI (.ci/run) runs it.
#
# Installs what the suites need (scripts/install-test-deps.sh), then runs, in order:
#   1. `cargo test --workspace` (unit, integration and doc tests of every crate, natively);
#   2. the differential corpus: tests/programs/* built natively, run by `cargo wasm run` (gc-runtime) and
#      by wasmtime — all three must agree;
#   3. the WebAssembly spec conformance run of gc-runtime against its committed baseline;
#   4. gc-runtime vs wasmtime on 500 wasm-smith modules (same results or the same trap kind);
#   5. the benchmark harness in quick mode (proves it works; asserts nothing about speed).
# Each suite's own result lines are printed; the last line totals the test counts across suites.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

step() { printf '\n\033[1;32m==>\033[0m \033[1m%s\033[0m\n' "$*"; }
failures=()

step "Installing test dependencies"
bash scripts/install-test-deps.sh

step "Building cargo-wasm (release)"
cargo build --release -p cargo-wasm
export CARGO_WASM="$root/target/release/cargo-wasm"

step "cargo test --workspace"
if ! cargo test --workspace --no-fail-fast 2>&1 | tee "$logs/unit.log"; then failures+=("cargo test"); fi

if [ -d tests/programs ] && [ -n "$(ls -A tests/programs 2>/dev/null)" ]; then
  step "Differential corpus: native vs gc-runtime vs wasmtime"
  if ! cargo run --release -q -p wasmrust-tests -- programs 2>&1 | tee "$logs/programs.log"; then
    failures+=("differential corpus")
  fi
fi

if [ -f gc-runtime/examples/conformance.rs ]; then
  step "gc-runtime: WebAssembly spec conformance (against gc-runtime/conformance-baseline.txt)"
  if ! cargo run --release -q -p gc-runtime --example conformance -- --baseline gc-runtime/conformance-baseline.txt 2>&1 | tee "$logs/conformance.log"; then
    failures+=("spec conformance")
  fi
fi

step "gc-runtime: 10 million short-lived structs stay under a 64 MiB GC heap (release; debug runs 1 million)"
if ! cargo test --release -p gc-runtime --test gc_heap 2>&1 | tee "$logs/gc-heap.log"; then failures+=("gc heap (release)"); fi

if [ -f gc-runtime/scripts/differential.sh ]; then
  step "gc-runtime vs wasmtime on 500 wasm-smith modules (GC on)"
  if ! bash gc-runtime/scripts/differential.sh 500 2>&1 | tee "$logs/differential.txt"; then failures+=("differential wasm-smith"); fi
fi

if [ -f scripts/bench.sh ]; then
  step "Benchmarks harness (quick mode: checks the harness, not speed)"
  # Reuse the release cargo-wasm and the workspace target dir: nothing is built twice.
  if ! BENCH_CARGO_WASM="$CARGO_WASM" BENCH_TARGET_DIR="$root/target" bash scripts/bench.sh --quick 2>&1 | tee "$logs/bench.log"; then failures+=("bench harness"); fi
fi

# Totals: libtest's `test result:` lines plus the plain `N passed, M failed` lines of our own runners.
# Known failures (listed with reasons in tests/programs/KNOWN_FAILURES) are reported on their own line:
# they are neither passes nor regressions; a regression or a stale entry fails its suite above.
clean_logs() { cat "$logs"/*.log | sed -E 's/\x1b\[[0-9;]*m//g'; }
passed=0; failed=0; known=0
while read -r p f; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  clean_logs | grep -E '^test result: |^[0-9]+ passed, [0-9]+ failed' \
    | sed -E 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/; s/^([0-9]+) passed, ([0-9]+) failed.*/\1 \2/')
while read -r k; do known=$((known + k)); done < <(clean_logs | sed -nE 's/^([0-9]+) known failures.*/\1/p')

echo
[ "$known" -gt 0 ] && echo "known failures: $known (tests/programs/KNOWN_FAILURES; not counted as passed)"
if [ ${#failures[@]} -gt 0 ]; then
  echo "FAILED suites: ${failures[*]}"
  echo "$passed passed, $((failed - known)) failed"
  exit 1
fi
echo "$passed passed, $((failed - known)) failed"
