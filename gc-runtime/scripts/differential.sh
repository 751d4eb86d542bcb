#!/usr/bin/env bash
# CI smoke run of the differential check: N wasm-smith modules (GC on) through gc-runtime and wasmtime.
# Usage: gc-runtime/scripts/differential.sh [COUNT=500] [DIR=target/differential]
set -euo pipefail
count="${1:-500}"
dir="${2:-target/differential}"
cd "$(dirname "$0")/../.."
python3 -c "import wasmtime" 2>/dev/null || python3 -m pip install --quiet "wasmtime==50.0.1"
rm -rf "$dir"
cargo run --quiet --release -p gc-runtime --features smith --example differential -- "$dir" "$count"
python3 gc-runtime/scripts/differential.py "$dir"
