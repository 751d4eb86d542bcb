/* CoreMark-like integer benchmark, C version of benches/programs/coremark_like
 * (same algorithms, same arithmetic widths, same output). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NIL SIZE_MAX
#define LIST_LEN 64
#define MAT_N 16
#define TOKENS 192
enum { START, S1, INT, FLOAT, S2, EXPONENT, SCIENTIFIC, INVALID };

static uint32_t crcu8(uint32_t data, uint32_t crc) {
    data &= 0xff; crc &= 0xffff;
    for (int i = 0; i < 8; i++) {
        uint32_t x16 = (data & 1) ^ (crc & 1);
        data >>= 1;
        if (x16 == 1) { crc ^= 0x4002; crc = (crc >> 1) | 0x8000; }
        else crc = (crc >> 1) & 0x7fff;
    }
    return crc;
}
static uint32_t crcu16(uint32_t v, uint32_t crc) { return crcu8((v >> 8) & 0xff, crcu8(v & 0xff, crc)); }
static uint32_t crcu32(uint32_t v, uint32_t crc) { return crcu16(v >> 16, crcu16(v & 0xffff, crc)); }

typedef struct { uint32_t data, idx; size_t next; } ListNode;
static ListNode nodes[LIST_LEN];

static void list_init(uint32_t seed) {
    for (size_t i = 0; i < LIST_LEN; i++) {
        nodes[i].data = (seed ^ ((uint32_t)i * 0x9e37u)) & 0xffff;
        nodes[i].idx = (uint32_t)i;
        nodes[i].next = i + 1 < LIST_LEN ? i + 1 : NIL;
    }
}
static size_t list_reverse(size_t head) {
    size_t prev = NIL, cur = head;
    while (cur != NIL) { size_t next = nodes[cur].next; nodes[cur].next = prev; prev = cur; cur = next; }
    return prev;
}
static size_t list_find(size_t head, uint32_t low) {
    size_t cur = head;
    while (cur != NIL && (nodes[cur].data & 0xff) != low) cur = nodes[cur].next;
    return cur;
}
static int list_less_eq(size_t a, size_t b, int by_data) {
    if (by_data && nodes[a].data != nodes[b].data) return nodes[a].data < nodes[b].data;
    return nodes[a].idx <= nodes[b].idx;
}
static size_t list_sort(size_t head, int by_data) {
    size_t list = head, insize = 1;
    for (;;) {
        size_t p = list, tail = NIL; int merges = 0;
        list = NIL;
        while (p != NIL) {
            merges++;
            size_t q = p, psize = 0;
            for (size_t i = 0; i < insize; i++) { psize++; q = nodes[q].next; if (q == NIL) break; }
            size_t qsize = insize;
            while (psize > 0 || (qsize > 0 && q != NIL)) {
                size_t e;
                if (psize == 0) { e = q; q = nodes[q].next; qsize--; }
                else if (qsize == 0 || q == NIL) { e = p; p = nodes[p].next; psize--; }
                else if (list_less_eq(p, q, by_data)) { e = p; p = nodes[p].next; psize--; }
                else { e = q; q = nodes[q].next; qsize--; }
                if (tail != NIL) nodes[tail].next = e; else list = e;
                tail = e;
            }
            p = q;
        }
        nodes[tail].next = NIL;
        if (merges <= 1) return list;
        insize *= 2;
    }
}
static uint32_t bench_list(size_t *head_io, uint32_t seed) {
    uint32_t crc = 0, found = 0, missed = 0;
    size_t head = *head_io;
    for (size_t cur = head; cur != NIL; cur = nodes[cur].next) nodes[cur].data = (nodes[cur].data * 31u + seed) & 0xffff;
    for (uint32_t i = 0; i < 8; i++) {
        size_t hit = list_find(head, (i ^ seed) & 0xff);
        if (hit != NIL) { found++; crc = crcu16(nodes[hit].data, crc); } else missed++;
        head = list_reverse(head);
    }
    head = list_sort(head, 1);
    for (size_t cur = head; cur != NIL; cur = nodes[cur].next) crc = crcu16(nodes[cur].data, crc);
    head = list_sort(head, 0);
    crc = crcu16(found, crc);
    crc = crcu16(missed, crc);
    *head_io = head;
    return crc;
}

static uint32_t matrix_sum(const int32_t *c, size_t len, int32_t clip) {
    int32_t tmp = 0, prev = 0; uint32_t result = 0;
    for (size_t i = 0; i < len; i++) {
        int32_t cur = c[i];
        tmp += cur;
        if (tmp > clip) { result += 10; tmp = 0; }
        else if (cur > prev) result += 1;
        prev = cur;
    }
    return result & 0xffff;
}
static uint32_t bench_matrix(int32_t *a, const int32_t *b, int32_t *c, uint32_t seed) {
    int32_t value = (int32_t)(seed & 0xf) + 1, clip = value * 2000;
    const size_t n = MAT_N;
    uint32_t crc = 0;
    for (size_t i = 0; i < n * n; i++) a[i] += value;
    for (size_t i = 0; i < n * n; i++) c[i] = a[i] * value;
    crc = crcu16(matrix_sum(c, n * n, clip), crc);
    for (size_t i = 0; i < n; i++) { int32_t s = 0; for (size_t j = 0; j < n; j++) s += a[i * n + j] * b[j * n]; c[i] = s; }
    crc = crcu16(matrix_sum(c, n * n, clip), crc);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) { int32_t s = 0; for (size_t k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j]; c[i * n + j] = s; }
    crc = crcu16(matrix_sum(c, n * n, clip), crc);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int32_t s = 0;
            for (size_t k = 0; k < n; k++) { int32_t p = a[i * n + k] * b[k * n + j]; s += ((p >> 2) & 0xf) * ((p >> 5) & 0x7f); }
            c[i * n + j] = s;
        }
    crc = crcu16(matrix_sum(c, n * n, clip), crc);
    for (size_t i = 0; i < n * n; i++) a[i] -= value;
    return crc;
}

static const char *PATTERNS[16] = {
    "5012", "1234", "-874", "+122", "35.54400", ".1234500", "-110.700", "+0.64400",
    "5.500e+3", "-.123e-2", "-87e+832", "+0.6e-12", "T0.3e-1F", "-T.T++Tq", "1T3.4e4z", "34.0e-T^",
};
static uint8_t buffer[TOKENS * 9];
static size_t buffer_len;

static void state_input(uint32_t seed) {
    uint32_t state = seed;
    buffer_len = 0;
    for (int t = 0; t < TOKENS; t++) {
        state = state * 1103515245u + 12345u;
        const char *p = PATTERNS[(state >> 16) & 15];
        size_t len = strlen(p);
        memcpy(buffer + buffer_len, p, len);
        buffer_len += len;
        buffer[buffer_len++] = ',';
    }
}
static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static int step(int s, uint8_t c) {
    switch (s) {
    case START: return is_digit(c) ? INT : (c == '+' || c == '-') ? S1 : c == '.' ? FLOAT : INVALID;
    case S1: return is_digit(c) ? INT : c == '.' ? FLOAT : INVALID;
    case INT: return is_digit(c) ? INT : c == '.' ? FLOAT : (c == 'e' || c == 'E') ? S2 : INVALID;
    case FLOAT: return is_digit(c) ? FLOAT : (c == 'e' || c == 'E') ? S2 : INVALID;
    case S2: return (c == '+' || c == '-') ? EXPONENT : INVALID;
    case EXPONENT: return is_digit(c) ? SCIENTIFIC : INVALID;
    case SCIENTIFIC: return is_digit(c) ? SCIENTIFIC : INVALID;
    default: return INVALID;
    }
}
static void scan(uint32_t *finals, uint32_t *transitions) {
    size_t pos = 0;
    while (pos < buffer_len) {
        int s = START;
        while (pos < buffer_len && buffer[pos] != ',') {
            int next = step(s, buffer[pos]);
            if (next != s) transitions[next]++;
            s = next;
            pos++;
        }
        finals[s]++;
        pos++;
    }
}
static uint32_t bench_state(uint32_t seed) {
    uint32_t finals[8] = {0}, transitions[8] = {0};
    scan(finals, transitions);
    size_t stride = 3 + seed % 5;
    uint8_t flip = (uint8_t)((seed >> 4) & 0x3f) | 1;
    for (size_t i = 0; i < buffer_len; i += stride)
        if (buffer[i] != ',' && (uint8_t)(buffer[i] ^ flip) != ',') buffer[i] ^= flip;
    scan(finals, transitions);
    for (size_t i = 0; i < buffer_len; i += stride)
        if (buffer[i] != ',' && (uint8_t)(buffer[i] ^ flip) != ',') buffer[i] ^= flip;
    uint32_t crc = 0;
    for (int s = 0; s < 8; s++) { crc = crcu32(finals[s], crc); crc = crcu32(transitions[s], crc); }
    return crc;
}

int main(int argc, char **argv) {
    uint32_t iterations = argc > 1 ? (uint32_t)strtoul(argv[1], 0, 10) : 10;
    static int32_t a[MAT_N * MAT_N], b[MAT_N * MAT_N], c[MAT_N * MAT_N];
    size_t head = 0;
    list_init(0x3415);
    for (size_t i = 0; i < MAT_N * MAT_N; i++) {
        a[i] = (int32_t)((i * 7 + 3) % 64) - 32;
        b[i] = (int32_t)((i * 13 + 5) % 64) - 32;
        c[i] = 0;
    }
    state_input(0x66);
    uint32_t crc_list = 0, crc_matrix = 0, crc_state = 0, crc = 0;
    for (uint32_t it = 0; it < iterations; it++) {
        uint32_t seed = (it * 0x9e3779b1u ^ crc) >> 7;
        uint32_t list = bench_list(&head, seed);
        uint32_t matrix = bench_matrix(a, b, c, seed);
        uint32_t state = bench_state(seed);
        crc_list = crcu16(list, crc_list);
        crc_matrix = crcu16(matrix, crc_matrix);
        crc_state = crcu16(state, crc_state);
        crc = crcu16(list, crc);
        crc = crcu16(matrix, crc);
        crc = crcu16(state, crc);
    }
    printf("iterations %u\n", iterations);
    printf("crc list   0x%04x\n", crc_list);
    printf("crc matrix 0x%04x\n", crc_matrix);
    printf("crc state  0x%04x\n", crc_state);
    printf("crc final  0x%04x\n", crc);
    return 0;
}
