//! A CPU-bound integer benchmark in the spirit of CoreMark (not CoreMark itself, and not
//! comparable to published CoreMark scores): per iteration it runs linked-list operations
//! (find, reverse, merge sort), small matrix arithmetic and a number-parsing state machine,
//! and folds every result into a CRC-16. Argument: iterations (default 10).

const NIL: usize = usize::MAX;
const LIST_LEN: usize = 64;
const MAT_N: usize = 16;
const TOKENS: usize = 192;

// States of the number recogniser.
const START: usize = 0;
const S1: usize = 1;
const INT: usize = 2;
const FLOAT: usize = 3;
const S2: usize = 4;
const EXPONENT: usize = 5;
const SCIENTIFIC: usize = 6;
const INVALID: usize = 7;

fn crcu8(data: u32, crc: u32) -> u32 {
    let mut data = data & 0xff;
    let mut crc = crc & 0xffff;
    let mut i = 0;
    while i < 8 {
        let x16 = (data & 1) ^ (crc & 1);
        data >>= 1;
        if x16 == 1 {
            crc ^= 0x4002;
            crc = (crc >> 1) | 0x8000;
        } else {
            crc = (crc >> 1) & 0x7fff;
        }
        i += 1;
    }
    crc
}

fn crcu16(value: u32, crc: u32) -> u32 {
    let crc = crcu8(value & 0xff, crc);
    crcu8((value >> 8) & 0xff, crc)
}

fn crcu32(value: u32, crc: u32) -> u32 {
    let crc = crcu16(value & 0xffff, crc);
    crcu16(value >> 16, crc)
}

// ---- list ----

struct ListNode {
    data: u32,
    idx: u32,
    next: usize,
}

fn list_init(seed: u32) -> Vec<ListNode> {
    let mut nodes = Vec::new();
    let mut i = 0;
    while i < LIST_LEN {
        let data = ((seed ^ (i as u32).wrapping_mul(0x9e37)) & 0xffff) as u32;
        let next = if i + 1 < LIST_LEN { i + 1 } else { NIL };
        nodes.push(ListNode { data, idx: i as u32, next });
        i += 1;
    }
    nodes
}

fn list_reverse(nodes: &mut Vec<ListNode>, head: usize) -> usize {
    let mut previous = NIL;
    let mut current = head;
    while current != NIL {
        let next = nodes[current].next;
        nodes[current].next = previous;
        previous = current;
        current = next;
    }
    previous
}

fn list_find(nodes: &Vec<ListNode>, head: usize, low_byte: u32) -> usize {
    let mut current = head;
    while current != NIL && (nodes[current].data & 0xff) != low_byte {
        current = nodes[current].next;
    }
    current
}

/// Ordering used by the sort: by data then index (`by_data`), or by index alone.
fn list_less_eq(nodes: &Vec<ListNode>, a: usize, b: usize, by_data: bool) -> bool {
    if by_data && nodes[a].data != nodes[b].data {
        return nodes[a].data < nodes[b].data;
    }
    nodes[a].idx <= nodes[b].idx
}

/// Bottom-up merge sort of a singly linked list (Simon Tatham's algorithm, as in CoreMark).
fn list_sort(nodes: &mut Vec<ListNode>, head: usize, by_data: bool) -> usize {
    let mut list = head;
    let mut insize = 1;
    loop {
        let mut p = list;
        list = NIL;
        let mut tail = NIL;
        let mut merges = 0;
        while p != NIL {
            merges += 1;
            let mut q = p;
            let mut psize = 0;
            let mut i = 0;
            while i < insize {
                psize += 1;
                q = nodes[q].next;
                if q == NIL {
                    break;
                }
                i += 1;
            }
            let mut qsize = insize;
            while psize > 0 || (qsize > 0 && q != NIL) {
                let e;
                if psize == 0 {
                    e = q;
                    q = nodes[q].next;
                    qsize -= 1;
                } else if qsize == 0 || q == NIL {
                    e = p;
                    p = nodes[p].next;
                    psize -= 1;
                } else if list_less_eq(nodes, p, q, by_data) {
                    e = p;
                    p = nodes[p].next;
                    psize -= 1;
                } else {
                    e = q;
                    q = nodes[q].next;
                    qsize -= 1;
                }
                if tail != NIL {
                    nodes[tail].next = e;
                } else {
                    list = e;
                }
                tail = e;
            }
            p = q;
        }
        nodes[tail].next = NIL;
        if merges <= 1 {
            return list;
        }
        insize *= 2;
    }
}

fn bench_list(nodes: &mut Vec<ListNode>, head: usize, seed: u32) -> (usize, u32) {
    let mut crc = 0;
    let mut found = 0;
    let mut missed = 0;
    let mut head = head;
    let mut current = head;
    while current != NIL {
        nodes[current].data = (nodes[current].data.wrapping_mul(31).wrapping_add(seed)) & 0xffff;
        current = nodes[current].next;
    }
    let mut i = 0;
    while i < 8 {
        let hit = list_find(nodes, head, (i ^ seed) & 0xff);
        if hit != NIL {
            found += 1;
            crc = crcu16(nodes[hit].data, crc);
        } else {
            missed += 1;
        }
        head = list_reverse(nodes, head);
        i += 1;
    }
    head = list_sort(nodes, head, true);
    let mut current = head;
    while current != NIL {
        crc = crcu16(nodes[current].data, crc);
        current = nodes[current].next;
    }
    head = list_sort(nodes, head, false);
    crc = crcu16(found, crc);
    crc = crcu16(missed, crc);
    (head, crc)
}

// ---- matrix ----

fn matrix_sum(c: &Vec<i32>, clip: i32) -> u32 {
    let mut tmp: i32 = 0;
    let mut previous: i32 = 0;
    let mut result: u32 = 0;
    let mut i = 0;
    while i < c.len() {
        let current = c[i];
        tmp += current;
        if tmp > clip {
            result += 10;
            tmp = 0;
        } else if current > previous {
            result += 1;
        }
        previous = current;
        i += 1;
    }
    result & 0xffff
}

fn bench_matrix(a: &mut Vec<i32>, b: &Vec<i32>, c: &mut Vec<i32>, seed: u32) -> u32 {
    let value = (seed & 0xf) as i32 + 1;
    let clip = value * 2000;
    let mut crc = 0;
    let n = MAT_N;
    // A += value
    let mut i = 0;
    while i < n * n {
        a[i] += value;
        i += 1;
    }
    // C = A * value
    i = 0;
    while i < n * n {
        c[i] = a[i] * value;
        i += 1;
    }
    crc = crcu16(matrix_sum(c, clip), crc);
    // C = A * column 0 of B (matrix times vector)
    i = 0;
    while i < n {
        let mut sum = 0;
        let mut j = 0;
        while j < n {
            sum += a[i * n + j] * b[j * n];
            j += 1;
        }
        c[i] = sum;
        i += 1;
    }
    crc = crcu16(matrix_sum(c, clip), crc);
    // C = A * B
    i = 0;
    while i < n {
        let mut j = 0;
        while j < n {
            let mut sum = 0;
            let mut k = 0;
            while k < n {
                sum += a[i * n + k] * b[k * n + j];
                k += 1;
            }
            c[i * n + j] = sum;
            j += 1;
        }
        i += 1;
    }
    crc = crcu16(matrix_sum(c, clip), crc);
    // C = bit fields extracted from the products of A * B
    i = 0;
    while i < n {
        let mut j = 0;
        while j < n {
            let mut sum = 0;
            let mut k = 0;
            while k < n {
                let product = a[i * n + k] * b[k * n + j];
                sum += ((product >> 2) & 0xf) * ((product >> 5) & 0x7f);
                k += 1;
            }
            c[i * n + j] = sum;
            j += 1;
        }
        i += 1;
    }
    crc = crcu16(matrix_sum(c, clip), crc);
    // Undo A += value so every iteration starts from the same matrix.
    i = 0;
    while i < n * n {
        a[i] -= value;
        i += 1;
    }
    crc
}

// ---- state machine ----

const PATTERNS: [&str; 16] = [
    "5012", "1234", "-874", "+122", "35.54400", ".1234500", "-110.700", "+0.64400",
    "5.500e+3", "-.123e-2", "-87e+832", "+0.6e-12", "T0.3e-1F", "-T.T++Tq", "1T3.4e4z", "34.0e-T^",
];

fn state_input(seed: u32) -> Vec<u8> {
    let mut buffer = Vec::new();
    let mut state = seed;
    let mut t = 0;
    while t < TOKENS {
        state = state.wrapping_mul(1103515245).wrapping_add(12345);
        let pattern = PATTERNS[((state >> 16) & 15) as usize].as_bytes();
        let mut k = 0;
        while k < pattern.len() {
            buffer.push(pattern[k]);
            k += 1;
        }
        buffer.push(b',');
        t += 1;
    }
    buffer
}

fn is_digit(c: u8) -> bool {
    c >= b'0' && c <= b'9'
}

fn step(state: usize, c: u8) -> usize {
    if state == START {
        if is_digit(c) { INT } else if c == b'+' || c == b'-' { S1 } else if c == b'.' { FLOAT } else { INVALID }
    } else if state == S1 {
        if is_digit(c) { INT } else if c == b'.' { FLOAT } else { INVALID }
    } else if state == INT {
        if is_digit(c) { INT } else if c == b'.' { FLOAT } else if c == b'e' || c == b'E' { S2 } else { INVALID }
    } else if state == FLOAT {
        if is_digit(c) { FLOAT } else if c == b'e' || c == b'E' { S2 } else { INVALID }
    } else if state == S2 {
        if c == b'+' || c == b'-' { EXPONENT } else { INVALID }
    } else if state == EXPONENT {
        if is_digit(c) { SCIENTIFIC } else { INVALID }
    } else if state == SCIENTIFIC {
        if is_digit(c) { SCIENTIFIC } else { INVALID }
    } else {
        INVALID
    }
}

fn scan(buffer: &Vec<u8>, finals: &mut [u32; 8], transitions: &mut [u32; 8]) {
    let mut pos = 0;
    while pos < buffer.len() {
        let mut state = START;
        while pos < buffer.len() && buffer[pos] != b',' {
            let next = step(state, buffer[pos]);
            if next != state {
                transitions[next] += 1;
            }
            state = next;
            pos += 1;
        }
        finals[state] += 1;
        pos += 1;
    }
}

fn bench_state(buffer: &mut Vec<u8>, seed: u32) -> u32 {
    let mut finals = [0u32; 8];
    let mut transitions = [0u32; 8];
    scan(buffer, &mut finals, &mut transitions);
    // Corrupt every stride-th byte (never into a separator), scan again, then restore.
    let stride = 3 + (seed % 5) as usize;
    let flip = ((seed >> 4) & 0x3f) as u8 | 1;
    let mut i = 0;
    while i < buffer.len() {
        if buffer[i] != b',' && (buffer[i] ^ flip) != b',' {
            buffer[i] ^= flip;
        }
        i += stride;
    }
    scan(buffer, &mut finals, &mut transitions);
    i = 0;
    while i < buffer.len() {
        if buffer[i] != b',' && (buffer[i] ^ flip) != b',' {
            buffer[i] ^= flip;
        }
        i += stride;
    }
    let mut crc = 0;
    let mut s = 0;
    while s < 8 {
        crc = crcu32(finals[s], crc);
        crc = crcu32(transitions[s], crc);
        s += 1;
    }
    crc
}

fn size_arg(default: u32) -> u32 {
    match std::env::args().nth(1) {
        Some(text) => text.parse().unwrap_or(default),
        None => default,
    }
}

fn main() {
    let iterations = size_arg(10);
    let mut nodes = list_init(0x3415);
    let mut head = 0;
    let mut a = Vec::new();
    let mut b = Vec::new();
    let mut c = Vec::new();
    let mut i = 0;
    while i < MAT_N * MAT_N {
        a.push(((i * 7 + 3) % 64) as i32 - 32);
        b.push(((i * 13 + 5) % 64) as i32 - 32);
        c.push(0);
        i += 1;
    }
    let mut buffer = state_input(0x66);

    let mut crc_list = 0;
    let mut crc_matrix = 0;
    let mut crc_state = 0;
    let mut crc = 0;
    let mut iteration: u32 = 0;
    while iteration < iterations {
        let seed = (iteration.wrapping_mul(0x9e3779b1) ^ crc) >> 7;
        let (new_head, list) = bench_list(&mut nodes, head, seed);
        head = new_head;
        let matrix = bench_matrix(&mut a, &b, &mut c, seed);
        let state = bench_state(&mut buffer, seed);
        crc_list = crcu16(list, crc_list);
        crc_matrix = crcu16(matrix, crc_matrix);
        crc_state = crcu16(state, crc_state);
        crc = crcu16(list, crc);
        crc = crcu16(matrix, crc);
        crc = crcu16(state, crc);
        iteration += 1;
    }
    println!("iterations {}", iterations);
    println!("crc list   0x{:04x}", crc_list);
    println!("crc matrix 0x{:04x}", crc_matrix);
    println!("crc state  0x{:04x}", crc_state);
    println!("crc final  0x{:04x}", crc);
}
