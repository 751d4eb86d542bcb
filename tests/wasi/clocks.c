// Clocks: monotonic time increases across a sleep (poll_oneoff), realtime is plausible.
#include <stdio.h>
#include <time.h>

int main(void) {
    struct timespec a, b, r, res;
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec nap = {0, 20 * 1000 * 1000};
    int slept = nanosleep(&nap, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long da = a.tv_sec * 1000000000LL + a.tv_nsec, db = b.tv_sec * 1000000000LL + b.tv_nsec;
    printf("nanosleep: %d\n", slept);
    printf("monotonic increases: %s\n", db > da ? "yes" : "no");
    printf("slept at least 20ms: %s\n", db - da >= 20 * 1000 * 1000 ? "yes" : "no");
    clock_gettime(CLOCK_REALTIME, &r);
    printf("realtime after 2024: %s\n", r.tv_sec > 1704067200 ? "yes" : "no");
    printf("realtime before 2100: %s\n", r.tv_sec < 4102444800LL ? "yes" : "no");
    printf("getres ok: %s\n", clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 ? "yes" : "no");
    time_t t = time(NULL);
    printf("time() plausible: %s\n", t > 1704067200 ? "yes" : "no");
    return 0;
}
