#!/usr/bin/env python3
"""Quick differential check of tests/programs: native rustc vs our compiler + wasmtime.
Usage: diff_corpus.py [SUBSTRING]  (prints PASS/FAIL per program and a summary)"""
import os, re, subprocess, sys, shutil, concurrent.futures

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PROGS = os.path.join(ROOT, "tests", "programs")
WRC = os.path.join(ROOT, "target-compiler", "debug", "examples", "wasmrustc")
RUN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_wasm.py")
WORK = "/tmp/wr-corpus"


def header(src):
    args, release = [], False
    for line in src.splitlines():
        if not line.startswith("//"):
            break
        l = line[2:].strip()
        if l.startswith("args:"):
            args = l[5:].split()
        if l.startswith("profile:") and "release" in l:
            release = True
    return args, release


def run(cmd, cwd):
    env = dict(os.environ)
    env.pop("RUST_BACKTRACE", None)
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=60, env=env)
    # rustc >= 1.89 prints the thread id: `thread 'main' (1234) panicked`; normalize it away.
    err = re.sub(rb"thread 'main' \(\d+\) panicked", b"thread 'main' panicked", p.stderr)
    return p.returncode, p.stdout, err


def check(name):
    src_path = os.path.join(PROGS, name, "main.rs")
    src = open(src_path).read()
    args, release = header(src)
    d = os.path.join(WORK, name)
    os.makedirs(os.path.join(d, "src"), exist_ok=True)
    shutil.copy(src_path, os.path.join(d, "src", "main.rs"))
    results = []
    for rel in ([False, True] if release else [False]):
        tag = "release" if rel else "dev"
        nat = os.path.join(d, "native-" + tag)
        flags = ["-C", "overflow-checks=" + ("off" if rel else "on"), "-C", "debug-assertions=" + ("off" if rel else "on")]
        if rel:
            flags += ["-O"]
        if not os.path.exists(nat) or os.path.getmtime(nat) < os.path.getmtime(src_path):
            rc, _, err = run(["rustc", "--edition", "2021", "-o", nat, "src/main.rs"] + flags, d)
            if rc != 0:
                return name, "NATIVE-BUILD-FAIL", err.decode()[:300]
        n = run([nat] + args, d)
        wasm = os.path.join(d, tag + ".wasm")
        rc, _, err = run([WRC, "src/main.rs", wasm] + (["--release"] if rel else []), d)
        if rc != 0:
            return name, "COMPILE-FAIL", err.decode()[:600]
        w = run(["python3", RUN, wasm] + args, d)
        if n != w:
            diff = []
            if n[0] != w[0]:
                diff.append(f"exit native={n[0]} wasm={w[0]}")
            if n[1] != w[1]:
                nl, wl = n[1].decode(errors='replace').splitlines(), w[1].decode(errors='replace').splitlines()
                for i in range(max(len(nl), len(wl))):
                    a = nl[i] if i < len(nl) else "<none>"
                    b = wl[i] if i < len(wl) else "<none>"
                    if a != b:
                        diff.append(f"stdout line {i+1}: native={a!r} wasm={b!r}")
                        break
            if n[2] != w[2]:
                diff.append(f"stderr native={n[2].decode(errors='replace')[:200]!r} wasm={w[2].decode(errors='replace')[:300]!r}")
            return name, "FAIL-" + tag, "\n    ".join(diff)
    return name, "PASS", ""


def main():
    rest = [a for a in sys.argv[1:] if not a.startswith("-")]
    sub = rest[0] if rest else ""
    names = sorted(n for n in os.listdir(PROGS) if os.path.isdir(os.path.join(PROGS, n)) and sub in n)
    passed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        for name, status, info in ex.map(check, names):
            if status == "PASS":
                passed += 1
            print(f"{status:18} {name}" + (f"\n    {info}" if info and "-v" in sys.argv else ""))
    print(f"{passed} passed, {len(names) - passed} failed")


if __name__ == "__main__":
    main()
