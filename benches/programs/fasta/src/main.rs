//! fasta (Computer Language Benchmarks Game), single-threaded. The sequence is generated into a
//! buffer and summarised (length + FNV-1a hash per section) instead of written out, so the figure
//! measures generation, not the engine's stdout plumbing. Argument: n (default 1000).

const IM: u32 = 139968;
const IA: u32 = 3877;
const IC: u32 = 29573;
const LINE: usize = 60;

const ALU: &str = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

struct Random {
    seed: u32,
}

impl Random {
    fn next(&mut self) -> f64 {
        self.seed = (self.seed * IA + IC) % IM;
        self.seed as f64 / IM as f64
    }
}

struct Acid {
    symbol: u8,
    cumulative: f64,
}

fn make_table(symbols: &[u8], probabilities: &[f64]) -> Vec<Acid> {
    let mut table = Vec::new();
    let mut total = 0.0;
    let mut i = 0;
    while i < symbols.len() {
        total += probabilities[i];
        table.push(Acid { symbol: symbols[i], cumulative: total });
        i += 1;
    }
    table
}

fn repeat_fasta(out: &mut Vec<u8>, source: &[u8], n: usize) {
    let mut pos = 0;
    let mut written = 0;
    while written < n {
        let line = if n - written < LINE { n - written } else { LINE };
        let mut k = 0;
        while k < line {
            out.push(source[pos]);
            pos += 1;
            if pos == source.len() {
                pos = 0;
            }
            k += 1;
        }
        out.push(b'\n');
        written += line;
    }
}

fn random_fasta(out: &mut Vec<u8>, table: &Vec<Acid>, n: usize, rng: &mut Random) {
    let mut written = 0;
    while written < n {
        let line = if n - written < LINE { n - written } else { LINE };
        let mut k = 0;
        while k < line {
            let r = rng.next();
            let mut i = 0;
            while i + 1 < table.len() && r >= table[i].cumulative {
                i += 1;
            }
            out.push(table[i].symbol);
            k += 1;
        }
        out.push(b'\n');
        written += line;
    }
}

fn fnv1a(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x01000193);
        i += 1;
    }
    hash
}

fn report(title: &str, section: &Vec<u8>) {
    println!("{}: {} bytes, fnv1a {:08x}", title, section.len(), fnv1a(section));
}

fn size_arg(default: usize) -> usize {
    match std::env::args().nth(1) {
        Some(text) => text.parse().unwrap_or(default),
        None => default,
    }
}

fn main() {
    let n = size_arg(1000);
    let mut rng = Random { seed: 42 };

    let mut one = Vec::new();
    repeat_fasta(&mut one, ALU.as_bytes(), n * 2);
    report(">ONE Homo sapiens alu", &one);

    let iub = make_table(
        b"acgtBDHKMNRSVWY",
        &[0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02],
    );
    let mut two = Vec::new();
    random_fasta(&mut two, &iub, n * 3, &mut rng);
    report(">TWO IUB ambiguity codes", &two);

    let homo = make_table(
        b"acgt",
        &[0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008],
    );
    let mut three = Vec::new();
    random_fasta(&mut three, &homo, n * 5, &mut rng);
    report(">THREE Homo sapiens frequency", &three);

    let mut first = String::new();
    let mut i = 0;
    while i < LINE && i < three.len() {
        first.push(three[i] as char);
        i += 1;
    }
    println!("first line of THREE: {}", first);
}
