package dev.nettune.bench;

import dev.nettune.rss.Ipv4FlowHash;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The loops of src/jmh/c/toeplitz_bench.c in Java, timed by the thread's own CPU clock as the C
 * harness times them: on a machine other work keeps busy, time the thread spends preempted does
 * not count on either side, which the wall-clock JMH figures cannot say. Prints the median of 7
 * passes after a warm-up. Run: {@code java -cp target/benchmarks.jar dev.nettune.bench.ToeplitzCpuTime}.
 */
public final class ToeplitzCpuTime {
    private static final int BATCH = 1024;
    private static final int ROUNDS = 20_000;

    private final ToeplitzHash hash = new ToeplitzHash(RssKey.MICROSOFT);
    private final Ipv4FlowHash wide = new Ipv4FlowHash(hash);
    private final int[] src = new int[BATCH];
    private final int[] ports = new int[BATCH];
    private final int[] six = new int[BATCH * 4];

    private ToeplitzCpuTime() {
        // The C harness's xorshift, so both sides hash the same 4-tuples.
        long x = 88172645463325252L;
        for (int i = 0; i < BATCH * 4; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            six[i] = (int) x;
        }
        for (int i = 0; i < BATCH; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            src[i] = (int) x;
            ports[i] = (int) (x >>> 32);
        }
    }

    private int ipv4(int rounds) {
        int acc = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                acc ^= hash.hashIpv4(src[i] + r, 0x0a000005, p >>> 16, p & 0xffff);
            }
        }
        return acc;
    }

    private int ipv6(int rounds) {
        int acc = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                int o = i << 2;
                acc ^= hash.hashIpv6(six[o], six[o + 1], six[o + 2], six[o + 3], 0xfd000000, 0, 0, 5, (p >>> 16) ^ r, p & 0xffff);
            }
        }
        return acc;
    }

    private int ipv4OneDestination(int rounds) {
        int acc = 0;
        final int destination = hash.ipv4Destination(0x0a000005);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                acc ^= hash.hashIpv4ToDestination(src[i] + r, destination, p >>> 16, p & 0xffff);
            }
        }
        return acc;
    }

    /** The same flows through the 11-bit tables (6 lookups a flow); the C harness has the same loop. */
    private int ipv4OneDestinationWide(int rounds) {
        int acc = 0;
        final int destination = wide.destination(0x0a000005);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                acc ^= wide.hash(src[i] + r, destination, p >>> 16, p & 0xffff);
            }
        }
        return acc;
    }

    private int ipv6OneDestination(int rounds) {
        int acc = 0;
        final int destination = hash.ipv6Destination(0xfd000000, 0, 0, 5);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                int o = i << 2;
                acc ^= hash.hashIpv6(six[o], six[o + 1], six[o + 2], six[o + 3], destination, (p >>> 16) ^ r, p & 0xffff);
            }
        }
        return acc;
    }

    public static void main(String[] args) {
        ToeplitzCpuTime b = new ToeplitzCpuTime();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int w = 0; w < 20; w++) {
            sink ^= b.ipv4(ROUNDS / 10) ^ b.ipv6(ROUNDS / 40) ^ b.ipv6OneDestination(ROUNDS / 40) ^ b.ipv4OneDestination(ROUNDS / 10)
                    ^ b.ipv4OneDestinationWide(ROUNDS / 10);
        }
        double[] v4 = new double[7];
        double[] v6 = new double[7];
        double[] v6d = new double[7];
        double[] v4d = new double[7];
        double[] v4w = new double[7];
        for (int pass = 0; pass < v4.length; pass++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            sink ^= b.ipv4(ROUNDS);
            long t1 = cpu.getCurrentThreadCpuTime();
            sink ^= b.ipv6(ROUNDS / 4);
            long t2 = cpu.getCurrentThreadCpuTime();
            sink ^= b.ipv6OneDestination(ROUNDS / 4);
            long t3 = cpu.getCurrentThreadCpuTime();
            v6d[pass] = (t3 - t2) / ((double) ROUNDS / 4 * BATCH);
            sink ^= b.ipv4OneDestination(ROUNDS);
            long t4 = cpu.getCurrentThreadCpuTime();
            v4d[pass] = (t4 - t3) / ((double) ROUNDS * BATCH);
            sink ^= b.ipv4OneDestinationWide(ROUNDS);
            v4w[pass] = (cpu.getCurrentThreadCpuTime() - t4) / ((double) ROUNDS * BATCH);
            v4[pass] = (t1 - t0) / ((double) ROUNDS * BATCH);
            v6[pass] = (t2 - t1) / ((double) ROUNDS / 4 * BATCH);
        }
        Arrays.sort(v4);
        Arrays.sort(v6);
        Arrays.sort(v6d);
        Arrays.sort(v4d);
        Arrays.sort(v4w);
        System.out.printf(Locale.ROOT, "Java ipv4FourTupleLoop %.3f ns/hash (thread CPU time, median of 7)%n", v4[3]);
        System.out.printf(Locale.ROOT, "Java ipv6FourTupleLoop %.3f ns/hash (thread CPU time, median of 7)%n", v6[3]);
        System.out.printf(Locale.ROOT, "Java ipv4FourTupleOneDestinationLoop %.3f ns/hash (thread CPU time, median of 7)%n", v4d[3]);
        System.out.printf(Locale.ROOT, "Java ipv4FourTupleOneDestinationWideLoop %.3f ns/hash (thread CPU time, median of 7)%n", v4w[3]);
        System.out.printf(Locale.ROOT, "Java ipv6FourTupleOneDestinationLoop %.3f ns/hash (thread CPU time, median of 7)%n", v6d[3]);
        if (sink == 42) {
            System.out.println();
        }
    }
}
