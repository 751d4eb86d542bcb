/* spectral-norm, C version of benches/programs/spectral_norm (same operation order and output). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_a(size_t i, size_t j) { size_t ij = i + j; return 1.0 / (double)(ij * (ij + 1) / 2 + i + 1); }

static void mul_av(size_t n, const double *v, double *out) {
    for (size_t i = 0; i < n; i++) { double s = 0; for (size_t j = 0; j < n; j++) s += eval_a(i, j) * v[j]; out[i] = s; }
}
static void mul_atv(size_t n, const double *v, double *out) {
    for (size_t i = 0; i < n; i++) { double s = 0; for (size_t j = 0; j < n; j++) s += eval_a(j, i) * v[j]; out[i] = s; }
}
static void mul_atav(size_t n, const double *v, double *out, double *tmp) { mul_av(n, v, tmp); mul_atv(n, tmp, out); }

int main(int argc, char **argv) {
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], 0, 10) : 100;
    double *u = malloc(n * sizeof(double)), *v = malloc(n * sizeof(double)), *tmp = malloc(n * sizeof(double));
    for (size_t i = 0; i < n; i++) { u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0; }
    for (int i = 0; i < 10; i++) { mul_atav(n, u, v, tmp); mul_atav(n, v, u, tmp); }
    double vbv = 0, vv = 0;
    for (size_t i = 0; i < n; i++) { vbv += u[i] * v[i]; vv += v[i] * v[i]; }
    printf("%.9f\n", sqrt(vbv / vv));
    return 0;
}
