#!/usr/bin/env bash
# Installs the benchmark baselines if they are missing (idempotent; safe to re-run).
# Prints the seconds each step took so BENCHMARKS.md can report installation cost.
# Usage: scripts/bench-install.sh [--quick]   (--quick skips installs that need a long compile: wasmi_cli)
set -euo pipefail
QUICK=0; [[ "${1:-}" == "--quick" ]] && QUICK=1
LOG=${BENCH_INSTALL_LOG:-/dev/stdout}
step() { echo "install: $1 ${2}s" >>"$LOG"; }

apt_pkgs=(clang lld wasi-libc libclang-rt-14-dev-wasm32 rustc-web cargo-web rust-web-src binaryen valgrind)
missing=()
for p in "${apt_pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  t0=$(date +%s)
  if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    apt-get update -qq >/dev/null || true
    DEBIAN_FRONTEND=noninteractive nice -n 10 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "install: warning: apt-get install ${missing[*]} failed; those baselines will be skipped" >&2
  else
    echo "install: warning: not root or no apt-get; missing: ${missing[*]}" >&2
  fi
  step "apt(${missing[*]})" $(( $(date +%s) - t0 ))
else
  step "apt(all present)" 0
fi

if ! python3 -c 'import wasmtime' 2>/dev/null; then
  t0=$(date +%s)
  nice -n 10 python3 -m pip install -q 'wasmtime==50.0.1' || echo "install: warning: pip wasmtime failed" >&2
  step "pip(wasmtime==50.0.1)" $(( $(date +%s) - t0 ))
else
  step "pip(wasmtime present)" 0
fi

if ! command -v wasmi >/dev/null && [[ ! -x "$HOME/.cargo/bin/wasmi" ]]; then  # wasmi_cli installs `wasmi`
  if ((QUICK)); then
    echo "install: wasmi_cli missing; skipped in --quick mode" >&2
  else
    t0=$(date +%s)
    nice -n 10 cargo install --locked -q wasmi_cli@2.0.0 || echo "install: warning: cargo install wasmi_cli failed" >&2
    step "cargo(wasmi_cli)" $(( $(date +%s) - t0 ))
  fi
else
  step "cargo(wasmi_cli present)" 0
fi
