#!/usr/bin/env bash
# Regenerates BENCHMARKS.md (tables, chart, raw JSON) from scratch, installing the baselines first
# if they are missing. Everything heavy runs under `nice -n 10` (the machine may be shared).
#
#   bash scripts/bench.sh            full run: writes BENCHMARKS.md and benches/results/
#   bash scripts/bench.sh --quick    CI smoke test: tiny sizes, one repetition, whatever baselines
#                                    are present; writes target-bench/quick/; fails only if the
#                                    harness itself breaks (nothing is asserted about speed)
# Extra arguments go to the harness (see `benches/src/main.rs`), e.g. --only nbody,fasta --reps 7.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR=${BENCH_TARGET_DIR:-$ROOT/target-bench}
mkdir -p "$CARGO_TARGET_DIR"
QUICK=()
for a in "$@"; do [[ "$a" == "--quick" ]] && QUICK=(--quick); done

INSTALL_LOG="$CARGO_TARGET_DIR/install-times.txt"
: >"$INSTALL_LOG"
BENCH_INSTALL_LOG="$INSTALL_LOG" bash scripts/bench-install.sh "${QUICK[@]}"

# Our toolchain and interpreter (release). A build failure is reported, not fatal: the report
# then shows "—" for our columns with the reason.
# BENCH_CARGO_WASM=/path/to/cargo-wasm skips this build and uses that binary.
CARGO_WASM=()
if [[ -n "${BENCH_CARGO_WASM:-}" ]]; then
  CARGO_WASM=(--cargo-wasm "$BENCH_CARGO_WASM")
elif nice -n 10 cargo build --release -q -p cargo-wasm 2>"$CARGO_TARGET_DIR/cargo-wasm-build.log"; then
  CARGO_WASM=(--cargo-wasm "$CARGO_TARGET_DIR/release/cargo-wasm")
else
  echo "bench: cargo-wasm does not build; see $CARGO_TARGET_DIR/cargo-wasm-build.log" >&2
fi

# The harness. Until `benches` is a member of the root workspace, build it from a standalone
# manifest generated under the target dir (same sources, same pinned versions).
if cargo metadata --no-deps --format-version 1 -q 2>/dev/null | grep -q '"name":"benches"'; then
  nice -n 10 cargo build --release -q -p benches
else
  HARNESS="$CARGO_TARGET_DIR/harness-standalone"
  mkdir -p "$HARNESS"
  sed -e 's/^version.workspace = true/version = "0.1.0"/' -e 's/^edition.workspace = true/edition = "2024"/' \
      -e '/^license.workspace/d' -e '/^rust-version.workspace/d' \
      -e 's/^anyhow.workspace = true/anyhow = "1.0"/' \
      -e 's/^serde.workspace = true/serde = { version = "1.0", features = ["derive"] }/' \
      -e 's/^serde_json.workspace = true/serde_json = "1.0"/' \
      -e 's/^wasmparser.workspace = true/wasmparser = "=0.263.0"/' \
      -e "s|^path = \"src/main.rs\"|path = \"$ROOT/benches/src/main.rs\"|" \
      benches/Cargo.toml >"$HARNESS/Cargo.toml"
  printf '\n[workspace]\n' >>"$HARNESS/Cargo.toml"
  # CARGO_MANIFEST_DIR must still point at benches/ (the harness finds programs from it).
  nice -n 10 cargo build --release -q --manifest-path "$HARNESS/Cargo.toml"
  cp "$CARGO_TARGET_DIR/release/wasmrust-bench" "$CARGO_TARGET_DIR/release/wasmrust-bench.standalone" 2>/dev/null || true
fi

COMMAND="bash scripts/bench.sh${*:+ $*}"
exec nice -n 10 "$CARGO_TARGET_DIR/release/wasmrust-bench" "${CARGO_WASM[@]}" \
  --root "$ROOT" --target-dir "$CARGO_TARGET_DIR" --install-log "$INSTALL_LOG" --command "$COMMAND" "$@"
