/* A table-driven Toeplitz hash in C, the yardstick for ToeplitzBenchmark: the same layout as
 * dev.nettune.rss.ToeplitzHash (per input byte position, per byte value, the XOR of the key windows
 * its set bits select) and the 11-bit layouts of Ipv4FlowHash/Ipv6FlowHash, the same random 4-tuples,
 * 1,024 per batch. Written for NetTune; prints nanoseconds per hash by the thread's CPU clock
 * (ToeplitzCpuTime is the Java side: on a busy machine preemption counts on neither side).
 * Like for like: where a loop hashes every flow's own destination, each flow here has its own too
 * (a constant destination let gcc fold 4 or 16 of the lookups away, which Java does not); where a loop
 * is given one destination's part, both sides compute it once, outside the loop.
 * Build: gcc -O2 -march=native. With arguments LOOP PASSES it runs only loop LOOP (0-5, in the order printed) for
 * PASSES counted passes after one warm-up: ToeplitzCpuTime --paired calls it between its own passes of that loop, so
 * the two sides of each ratio are measured a moment apart under the same load. */
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

/* Every lookup of the 36-byte IPv6 4-tuple: the destination varies per flow, as in Java's ipv6FourTupleLoop. */
static inline uint32_t v6(const uint32_t *s, const uint32_t *d, uint32_t sp, uint32_t dp) {
    return W(0, s[0]) ^ W(4, s[1]) ^ W(8, s[2]) ^ W(12, s[3]) ^ W(16, d[0]) ^ W(20, d[1]) ^ W(24, d[2]) ^ W(28, d[3])
        ^ T[32 * 256 + ((sp >> 8) & 0xff)] ^ T[33 * 256 + (sp & 0xff)] ^ T[34 * 256 + ((dp >> 8) & 0xff)] ^ T[35 * 256 + (dp & 0xff)];
}

/* One destination, its part given (Java: ToeplitzHash.hashIpv6 with a destination part): 20 lookups a flow. */
static inline uint32_t v6dest(const uint32_t *s, uint32_t d, uint32_t sp, uint32_t dp) {
    return W(0, s[0]) ^ W(4, s[1]) ^ W(8, s[2]) ^ W(12, s[3]) ^ d
        ^ T[32 * 256 + ((sp >> 8) & 0xff)] ^ T[33 * 256 + (sp & 0xff)] ^ T[34 * 256 + ((dp >> 8) & 0xff)] ^ T[35 * 256 + (dp & 0xff)];
}

/* 11-bit tables as dev.nettune.rss.Ipv6FlowHash has them: bits 31-21, 20-10, 9-0 of each source word and the port pair. */
static uint32_t WT6[15 * 2048];

#define C3(base, w) (WT6[(base) * 2048 + ((w) >> 21)] ^ WT6[((base) + 1) * 2048 + (((w) >> 10) & 0x7ff)] \
    ^ WT6[((base) + 2) * 2048 + ((w) & 0x3ff)])

static inline uint32_t v6wide(const uint32_t *s, uint32_t d, uint32_t sp, uint32_t dp) {
    uint32_t p = (sp << 16) | (dp & 0xffff);
    return C3(0, s[0]) ^ C3(3, s[1]) ^ C3(6, s[2]) ^ C3(9, s[3]) ^ d ^ C3(12, p);
}

static void build_wide6(void) {
    for (int word = 0; word < 5; word++)
        for (uint32_t c = 0; c < 2048; c++)
            for (int k = 0; k < 3; k++) {
                if (k == 2 && c >= 1024) continue;
                uint32_t bits = k == 0 ? c << 21 : k == 1 ? c << 10 : c, s[4] = {0, 0, 0, 0}, z[4] = {0, 0, 0, 0};
                if (word < 4) s[word] = bits;
                WT6[(word * 3 + k) * 2048 + c] = word < 4 ? v6(s, z, 0, 0) : v6(s, z, bits >> 16, bits & 0xffff);
            }
}

static double clock_ns(clockid_t c) {
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static double cpu(void) { return clock_ns(CLOCK_THREAD_CPUTIME_ID); }

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

/* The median of n thread-CPU figures (sorts them). */
static double median(double *v, int n) {
    qsort(v, n, sizeof(double), cmp);
    return v[n / 2];
}

int main(int argc, char **argv) {
    enum { BATCH = 1024, ROUNDS = 100000, LOOPS = 6 };
    /* The same xorshift and order as dev.nettune.bench.ToeplitzCpuTime, so both sides hash the same 4-tuples. */
    static uint32_t src[BATCH], ports[BATCH], six[BATCH * 4], dst[BATCH], dst6[BATCH * 4];
    uint64_t x = 88172645463325252ull;
#define NEXT (x ^= x << 13, x ^= x >> 7, x ^= x << 17, x)
    for (int i = 0; i < BATCH * 4; i++) six[i] = (uint32_t) NEXT;
    for (int i = 0; i < BATCH; i++) { (void) NEXT; src[i] = (uint32_t) x; ports[i] = (uint32_t) (x >> 32); }
    for (int i = 0; i < BATCH; i++) dst[i] = (uint32_t) NEXT;
    for (int i = 0; i < BATCH * 4; i++) dst6[i] = (uint32_t) NEXT;
    build();
    build_wide();
    build_wide6();
    static const char *names[LOOPS] = {
        "ipv4FourTupleLoop (every flow its own destination, 12 lookups)",
        "ipv6FourTupleLoop (every flow its own destination, 36 lookups)",
        "ipv4FourTupleOneDestinationLoop (destination part given, 8 lookups)",
        "ipv6FourTupleOneDestinationLoop (destination part given, 20 lookups)",
        "ipv4FourTupleOneDestinationWideLoop (11-bit tables as Ipv4FlowHash, 6 lookups)",
        "ipv6FourTupleOneDestinationWideLoop (11-bit tables as Ipv6FlowHash, 15 lookups)"};
    static const int rounds[LOOPS] = {ROUNDS, ROUNDS / 4, ROUNDS, ROUNDS / 4, ROUNDS, ROUNDS / 4};
    volatile uint32_t sink = 0;
    /* The destinations' parts as Java's one-destination loops pass them; read through a volatile so gcc cannot fold
     * the destination's lookups into constants the Java side has to compute (it computes them once, too). */
    volatile uint32_t d4in = 0x0a000005u, d6in[4] = {0xfd000000u, 0, 0, 5};
    uint32_t d4 = d4in, d6w[4] = {d6in[0], d6in[1], d6in[2], d6in[3]};
    enum { MAX_PASSES = 32 };
    /* the first pass warms caches and clocks; each figure is the median of the others (7 unless given) */
    int only = argc > 2 ? atoi(argv[1]) : -1;
    int PASSES = argc > 2 ? atoi(argv[2]) + 1 : 8;
    if (PASSES < 2 || PASSES > MAX_PASSES || only >= LOOPS) {
        fprintf(stderr, "usage: toeplitz_bench [LOOP(0-5) PASSES(1-31)]\n");
        return 2;
    }
    double c[LOOPS][MAX_PASSES];
    for (int pass = 0; pass < PASSES; pass++) {
        const uint32_t part4 = W(4, d4), part6 = W(16, d6w[0]) ^ W(20, d6w[1]) ^ W(24, d6w[2]) ^ W(28, d6w[3]);
        for (int loop = 0; loop < LOOPS; loop++) {
            if (only >= 0 && loop != only) {
                continue;
            }
            double u0 = cpu();
            uint32_t acc = 0;
            for (int r = 0; r < rounds[loop]; r++) {
                switch (loop) {
                case 0: for (int i = 0; i < BATCH; i++) acc ^= v4(src[i] + r, dst[i], ports[i] >> 16, ports[i] & 0xffff); break;
                case 1: for (int i = 0; i < BATCH; i++) acc ^= v6(&six[i * 4], &dst6[i * 4], (ports[i] >> 16) ^ r, ports[i] & 0xffff); break;
                case 2: for (int i = 0; i < BATCH; i++) acc ^= (W(0, src[i] + r) ^ part4 ^ T[8 * 256 + ((ports[i] >> 24) & 0xff)]
                        ^ T[9 * 256 + ((ports[i] >> 16) & 0xff)] ^ T[10 * 256 + ((ports[i] >> 8) & 0xff)] ^ T[11 * 256 + (ports[i] & 0xff)]); break;
                case 3: for (int i = 0; i < BATCH; i++) acc ^= v6dest(&six[i * 4], part6, (ports[i] >> 16) ^ r, ports[i] & 0xffff); break;
                case 4: for (int i = 0; i < BATCH; i++) acc ^= v4wide(src[i] + r, part4, ports[i] >> 16, ports[i] & 0xffff); break;
                default: for (int i = 0; i < BATCH; i++) acc ^= v6wide(&six[i * 4], part6, (ports[i] >> 16) ^ r, ports[i] & 0xffff); break;
                }
            }
            double u1 = cpu();
            sink ^= acc;
            if (pass > 0) c[loop][pass - 1] = (u1 - u0) / ((double) rounds[loop] * BATCH);
        }
    }
    for (int loop = 0; loop < LOOPS; loop++)
        if (only < 0 || loop == only)
            printf("C %s %.3f ns/hash (thread CPU time, median of %d)\n", names[loop], median(c[loop], PASSES - 1), PASSES - 1);
    return (int) (sink & 0);
}
