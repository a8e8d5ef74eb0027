/* A table-driven Toeplitz hash in C, the yardstick for ToeplitzBenchmark: the same layout as
 * dev.nettune.rss.ToeplitzHash (per input byte position, per byte value, the XOR of the key windows
 * its set bits select), the same random 4-tuples, 1,024 per batch. Written for NetTune; prints
 * nanoseconds per hash for IPv4 and IPv6 4-tuples, by the wall clock and by the thread's CPU clock
 * (ToeplitzCpuTime is the Java side of the latter: on a busy machine preemption counts on neither).
 * Build: gcc -O2 -march=native. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const uint8_t KEY[40] = {0x6d,0x5a,0x56,0xda,0x25,0x5b,0x0e,0xc2,0x41,0x67,0x25,0x3d,0x43,0xa3,0x8f,0xb0,
    0xd0,0xca,0x2b,0xcb,0xae,0x7b,0x30,0xb4,0x77,0xcb,0x2d,0xa3,0x80,0x30,0xf2,0x0c,0x6a,0x42,0xb7,0x3b,0xbe,0xac,0x01,0xfa};
static uint32_t T[36 * 256];
/* 11-bit tables as dev.nettune.rss.Ipv4FlowHash has them: source bits 31-21, 20-10, 9-0, then the port pair's. */
static uint32_t WT[6 * 2048];

static uint32_t window(int bit) {
    uint32_t w = 0;
    for (int i = 0; i < 32; i++) {
        int b = bit + i, byte = b >> 3;
        w = (w << 1) | (byte < 40 ? (KEY[byte] >> (7 - (b & 7))) & 1 : 0);
    }
    return w;
}

static void build(void) {
    for (int pos = 0; pos < 36; pos++) {
        uint32_t win[8];
        for (int b = 0; b < 8; b++) win[b] = window(pos * 8 + b);
        for (int v = 0; v < 256; v++) {
            uint32_t h = 0;
            for (int b = 0; b < 8; b++) if (v & (0x80 >> b)) h ^= win[b];
            T[pos * 256 + v] = h;
        }
    }
}

#define W(pos, w) (T[(pos) * 256 + ((w) >> 24)] ^ T[((pos) + 1) * 256 + (((w) >> 16) & 0xff)] \
    ^ T[((pos) + 2) * 256 + (((w) >> 8) & 0xff)] ^ T[((pos) + 3) * 256 + ((w) & 0xff)])

static inline uint32_t v4(uint32_t s, uint32_t d, uint32_t sp, uint32_t dp) {
    return W(0, s) ^ W(4, d) ^ T[8 * 256 + ((sp >> 8) & 0xff)] ^ T[9 * 256 + (sp & 0xff)]
        ^ T[10 * 256 + ((dp >> 8) & 0xff)] ^ T[11 * 256 + (dp & 0xff)];
}

static inline uint32_t v4wide(uint32_t s, uint32_t d, uint32_t sp, uint32_t dp) {
    uint32_t p = (sp << 16) | (dp & 0xffff);
    return WT[s >> 21] ^ WT[2048 + ((s >> 10) & 0x7ff)] ^ WT[4096 + (s & 0x3ff)] ^ d
        ^ WT[6144 + (p >> 21)] ^ WT[8192 + ((p >> 10) & 0x7ff)] ^ WT[10240 + (p & 0x3ff)];
}

static void build_wide(void) {
    for (uint32_t c = 0; c < 2048; c++) {
        WT[c] = v4(c << 21, 0, 0, 0);
        WT[2048 + c] = v4(c << 10, 0, 0, 0);
        WT[8192 + c] = v4(0, 0, (c << 10) >> 16, (c << 10) & 0xffff);
        WT[6144 + c] = v4(0, 0, (c << 21) >> 16, 0);
        if (c < 1024) {
            WT[4096 + c] = v4(c, 0, 0, 0);
            WT[10240 + c] = v4(0, 0, 0, c);
        }
    }
}

static inline uint32_t v6(const uint32_t *s, uint32_t sp, uint32_t dp) {
    return W(0, s[0]) ^ W(4, s[1]) ^ W(8, s[2]) ^ W(12, s[3]) ^ W(16, 0xfd000000u) ^ W(20, 0u) ^ W(24, 0u) ^ W(28, 5u)
        ^ T[32 * 256 + ((sp >> 8) & 0xff)] ^ T[33 * 256 + (sp & 0xff)] ^ T[34 * 256 + ((dp >> 8) & 0xff)] ^ T[35 * 256 + (dp & 0xff)];
}

static double clock_ns(clockid_t c) {
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static double now(void) { return clock_ns(CLOCK_MONOTONIC); }
static double cpu(void) { return clock_ns(CLOCK_THREAD_CPUTIME_ID); }

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(void) {
    enum { BATCH = 1024, ROUNDS = 100000 };
    static uint32_t src[BATCH], ports[BATCH], six[BATCH * 4];
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < BATCH * 4; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; six[i] = (uint32_t) x; }
    for (int i = 0; i < BATCH; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; src[i] = (uint32_t) x; ports[i] = (uint32_t) (x >> 32); }
    build();
    build_wide();
    volatile uint32_t sink = 0;
    enum { PASSES = 8 }; /* the first pass warms caches and clocks; the CPU-time figure is the median of the other 7 */
    double c4[PASSES - 1], c6[PASSES - 1], c4w[PASSES - 1];
    for (int pass = 0; pass < PASSES; pass++) {
        double t0 = now(), u0 = cpu();
        uint32_t acc = 0;
        for (int r = 0; r < ROUNDS; r++)
            for (int i = 0; i < BATCH; i++) acc ^= v4(src[i] + r, 0x0a000005u, ports[i] >> 16, ports[i] & 0xffff);
        double t1 = now(), u1 = cpu();
        for (int r = 0; r < ROUNDS / 4; r++)
            for (int i = 0; i < BATCH; i++) acc ^= v6(&six[i * 4], (ports[i] >> 16) ^ r, ports[i] & 0xffff);
        double t2 = now(), u2 = cpu();
        /* The destination's part as Java's one-destination loops pass it (here gcc folds it either way). */
        const uint32_t dpart = W(4, 0x0a000005u);
        for (int r = 0; r < ROUNDS; r++)
            for (int i = 0; i < BATCH; i++) acc ^= v4wide(src[i] + r, dpart, ports[i] >> 16, ports[i] & 0xffff);
        double u3 = cpu();
        sink ^= acc;
        if (pass == 1) {
            printf("C ipv4FourTupleLoop %.3f ns/hash\n", (t1 - t0) / ((double) ROUNDS * BATCH));
            printf("C ipv6FourTupleLoop %.3f ns/hash\n", (t2 - t1) / ((double) ROUNDS / 4 * BATCH));
        }
        if (pass > 0) {
            c4[pass - 1] = (u1 - u0) / ((double) ROUNDS * BATCH);
            c6[pass - 1] = (u2 - u1) / ((double) ROUNDS / 4 * BATCH);
            c4w[pass - 1] = (u3 - u2) / ((double) ROUNDS * BATCH);
        }
    }
    qsort(c4, PASSES - 1, sizeof(double), cmp);
    qsort(c6, PASSES - 1, sizeof(double), cmp);
    qsort(c4w, PASSES - 1, sizeof(double), cmp);
    printf("C ipv4FourTupleLoop %.3f ns/hash (thread CPU time, median of 7)\n", c4[3]);
    printf("C ipv6FourTupleLoop %.3f ns/hash (thread CPU time, median of 7)\n", c6[3]);
    printf("C ipv4FourTupleWideLoop %.3f ns/hash (thread CPU time, median of 7; 11-bit tables as Ipv4FlowHash)\n", c4w[3]);
    return (int) (sink & 0);
}
