#!/usr/bin/env bash
# Installs what WasmRust's test suites need on a fresh Debian bookworm machine (run as root):
#   - clang, lld, wasi-libc, libclang-rt-14-dev-wasm32: C → wasm32-wasi for interop suites;
#   - wabt: wat2wasm/wasm2wat for hand-written test modules;
#   - PyPI wasmtime 50.0.1: the independent engine the differential harness runs every module on
#     (python3-pip comes from apt first when pip is missing).
# Idempotent: when everything is present it only checks, without touching the network.
set -euo pipefail

WASMTIME_VERSION=50.0.1
APT_PACKAGES=(clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt)
PYTHON=${PYTHON:-python3}

die() {
    echo "install-test-deps: error: $*" >&2
    exit 1
}

installed_wasmtime_version() {
    "$PYTHON" - <<'PY' 2>/dev/null
import importlib.metadata, wasmtime
print(importlib.metadata.version("wasmtime"))
PY
}

# --- apt packages ----------------------------------------------------------------------------------------------
command -v "$PYTHON" >/dev/null || APT_PACKAGES+=(python3)
if ! "$PYTHON" -m pip --version >/dev/null 2>&1 && [[ "$(installed_wasmtime_version || true)" != "$WASMTIME_VERSION" ]]; then
    APT_PACKAGES+=(python3-pip)
fi
missing=()
for package in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "apt packages: all present (${APT_PACKAGES[*]})"
else
    [[ $(id -u) -eq 0 ]] || die "apt packages missing (${missing[*]}) and not running as root"
    echo "installing apt packages: ${missing[*]}"
    apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get could not install: ${missing[*]} (see the apt output above)"
fi
for tool in "$PYTHON" clang wasm-ld wat2wasm; do
    command -v "$tool" >/dev/null || die "\`$tool\` is not on PATH after installation"
done

# --- wasmtime (PyPI) -------------------------------------------------------------------------------------------
if [[ "$(installed_wasmtime_version || true)" == "$WASMTIME_VERSION" ]]; then
    echo "wasmtime $WASMTIME_VERSION (PyPI): already installed"
else
    echo "installing wasmtime==$WASMTIME_VERSION from PyPI"
    # Debian's system python refuses plain `pip install` (PEP 668); --break-system-packages is harmless elsewhere.
    pip_flags=()
    if "$PYTHON" -m pip install --help 2>/dev/null | grep -q -- --break-system-packages; then
        pip_flags+=(--break-system-packages)
    fi
    "$PYTHON" -m pip install --quiet "${pip_flags[@]}" "wasmtime==$WASMTIME_VERSION" \
        || die "pip could not install wasmtime==$WASMTIME_VERSION (is PyPI reachable?)"
    [[ "$(installed_wasmtime_version || true)" == "$WASMTIME_VERSION" ]] \
        || die "wasmtime was installed but \`import wasmtime\` fails or reports another version under $PYTHON"
fi
# A GC-enabled engine must compile a module using GC types, or the harness's wasmtime leg cannot work.
"$PYTHON" - <<'PY' || die "wasmtime imports but cannot compile a GC module"
import wasmtime
config = wasmtime.Config()
config.wasm_gc = True
config.wasm_function_references = True
engine = wasmtime.Engine(config)
wasmtime.Module(engine, "(module (type $p (struct (field i32))) (func (result (ref null $p)) ref.null $p))")
PY
echo "test dependencies ready"
