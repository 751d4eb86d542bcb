//! The benchmark programs and the size parameter each one runs with in every mode.

/// One program under `benches/programs/<name>` (and `benches/programs/c/<name>.c` if `has_c`).
pub struct Program {
    pub name: &'static str,
    /// What the size argument means, for the report.
    pub size_meaning: &'static str,
    /// `--quick`: tiny, just proves the pipeline works.
    pub quick: u32,
    /// Full run (wall time, 5+ repetitions): chosen so the slowest engine (gc-runtime) needs
    /// a few seconds at most, which puts native runs at 10–100 ms.
    pub full: u32,
    /// Under callgrind (~50x slower): smaller, still dominated by the kernel, not by start-up.
    pub callgrind: u32,
    pub has_c: bool,
    /// CPU-bound: part of the gc-runtime / wasmi throughput comparison.
    pub cpu_bound: bool,
}

pub const PROGRAMS: &[Program] = &[
    Program { name: "hello", size_meaning: "(none)", quick: 0, full: 0, callgrind: 0, has_c: false, cpu_bound: false },
    Program { name: "binary_trees", size_meaning: "max depth", quick: 6, full: 11, callgrind: 9, has_c: true, cpu_bound: true },
    Program { name: "nbody", size_meaning: "steps", quick: 1000, full: 50_000, callgrind: 10_000, has_c: true, cpu_bound: true },
    Program { name: "fannkuch_redux", size_meaning: "n", quick: 6, full: 8, callgrind: 7, has_c: true, cpu_bound: true },
    Program { name: "spectral_norm", size_meaning: "n", quick: 50, full: 200, callgrind: 80, has_c: true, cpu_bound: true },
    Program { name: "fasta", size_meaning: "n", quick: 1000, full: 50_000, callgrind: 10_000, has_c: false, cpu_bound: false },
    Program { name: "json_parse", size_meaning: "records", quick: 50, full: 800, callgrind: 150, has_c: false, cpu_bound: false },
    Program { name: "word_freq", size_meaning: "words", quick: 1000, full: 20_000, callgrind: 5000, has_c: false, cpu_bound: false },
    Program { name: "coremark_like", size_meaning: "iterations", quick: 5, full: 150, callgrind: 30, has_c: true, cpu_bound: true },
];
