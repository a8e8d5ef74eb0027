package dev.nettune.bench;

import dev.nettune.rss.Ipv4FlowHash;
import dev.nettune.rss.Ipv6FlowHash;
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
 * passes after a warm-up, and each loop's ratio to the C figure when the C harness's output is given
 * on standard input. Run: {@code java -cp target/benchmarks.jar dev.nettune.bench.ToeplitzCpuTime}.
 * With {@code --paired C_BINARY} it runs the C harness itself, one loop at a time, just before each of its own
 * passes of that loop and prints the median of those pairs' ratios: on a machine whose load moves from second to
 * second, C measured a minute earlier (the stdin way) can be under another load than Java is.
 */
public final class ToeplitzCpuTime {
    private static final int BATCH = 1024;
    private static final int ROUNDS = 20_000;

    private final ToeplitzHash hash = new ToeplitzHash(RssKey.MICROSOFT);
    private final Ipv4FlowHash wide4 = new Ipv4FlowHash(hash);
    private final Ipv6FlowHash wide6 = new Ipv6FlowHash(hash);
    private final int[] src = new int[BATCH];
    private final int[] ports = new int[BATCH];
    private final int[] six = new int[BATCH * 4];
    private final int[] dst = new int[BATCH];
    private final int[] dst6 = new int[BATCH * 4];
    private long x = 88172645463325252L;

    private ToeplitzCpuTime() {
        // The C harness's xorshift in the same order, so both sides hash the same 4-tuples.
        for (int i = 0; i < BATCH * 4; i++) {
            six[i] = (int) next();
        }
        for (int i = 0; i < BATCH; i++) {
            long v = next();
            src[i] = (int) v;
            ports[i] = (int) (v >>> 32);
        }
        for (int i = 0; i < BATCH; i++) {
            dst[i] = (int) next();
        }
        for (int i = 0; i < BATCH * 4; i++) {
            dst6[i] = (int) next();
        }
    }

    private long next() {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }

    /** Every flow its own destination: all 12 lookups a flow, as C's loop with per-flow destinations. */
    private int ipv4(int rounds) {
        int acc = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                acc ^= hash.hashIpv4(src[i] + r, dst[i], p >>> 16, p & 0xffff);
            }
        }
        return acc;
    }

    /** Every flow its own destination: all 36 lookups a flow. */
    private int ipv6(int rounds) {
        int acc = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                int o = i << 2;
                acc ^= hash.hashIpv6(six[o], six[o + 1], six[o + 2], six[o + 3], dst6[o], dst6[o + 1], dst6[o + 2], dst6[o + 3],
                        (p >>> 16) ^ r, p & 0xffff);
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

    /** The same flows through the 11-bit tables (6 lookups a flow); the C harness has the same loop. */
    private int ipv4OneDestinationWide(int rounds) {
        int acc = 0;
        final int destination = wide4.destination(0x0a000005);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                acc ^= wide4.hash(src[i] + r, destination, p >>> 16, p & 0xffff);
            }
        }
        return acc;
    }

    /** The same flows through Ipv6FlowHash's 11-bit tables (15 lookups a flow); the C harness has the same loop. */
    private int ipv6OneDestinationWide(int rounds) {
        int acc = 0;
        final int destination = wide6.destination(0xfd000000, 0, 0, 5);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                int p = ports[i];
                int o = i << 2;
                acc ^= wide6.hash(six[o], six[o + 1], six[o + 2], six[o + 3], destination, (p >>> 16) ^ r, p & 0xffff);
            }
        }
        return acc;
    }

    private static final String[] NAMES = {"ipv4FourTupleLoop", "ipv6FourTupleLoop", "ipv4FourTupleOneDestinationLoop",
        "ipv6FourTupleOneDestinationLoop", "ipv4FourTupleOneDestinationWideLoop", "ipv6FourTupleOneDestinationWideLoop"};

    private int loop(int which, int rounds) {
        return switch (which) {
            case 0 -> ipv4(rounds);
            case 1 -> ipv6(rounds / 4);
            case 2 -> ipv4OneDestination(rounds);
            case 3 -> ipv6OneDestination(rounds / 4);
            case 4 -> ipv4OneDestinationWide(rounds);
            default -> ipv6OneDestinationWide(rounds / 4);
        };
    }

    /** One C figure of one loop (ns/hash): the C harness run for that loop alone, 3 passes after a warm-up. */
    private static double cLoop(String binary, int loop) throws java.io.IOException {
        Process p = new ProcessBuilder(binary, String.valueOf(loop), "3").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(binary + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String[] f = out.trim().split(" ");
        return Double.parseDouble(f[Arrays.asList(f).indexOf("ns/hash") - 1]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    public static void main(String[] args) throws java.io.IOException {
        ToeplitzCpuTime b = new ToeplitzCpuTime();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int w = 0; w < 20; w++) {
            for (int l = 0; l < NAMES.length; l++) {
                sink ^= b.loop(l, ROUNDS / 10);
            }
        }
        if (args.length > 1 && args[0].equals("--paired")) {
            double[][] javaNs = new double[NAMES.length][7];
            double[][] cNs = new double[NAMES.length][7];
            double[][] ratio = new double[NAMES.length][7];
            String load0 = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
            for (int pass = 0; pass < 7; pass++) {
                for (int l = 0; l < NAMES.length; l++) {
                    cNs[l][pass] = cLoop(args[1], l);
                    long t0 = cpu.getCurrentThreadCpuTime();
                    sink ^= b.loop(l, ROUNDS);
                    javaNs[l][pass] = (cpu.getCurrentThreadCpuTime() - t0) / ((double) (l % 2 == 0 ? ROUNDS : ROUNDS / 4) * BATCH);
                    ratio[l][pass] = javaNs[l][pass] / cNs[l][pass];
                }
            }
            String load1 = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
            System.out.printf(Locale.ROOT, "7 pairs, C run just before each Java pass of the same loop; load %s -> %s%n", load0, load1);
            for (int l = 0; l < NAMES.length; l++) {
                double[] r = ratio[l].clone();
                Arrays.sort(r);
                System.out.printf(Locale.ROOT, "%s Java %.3f C %.3f ns/hash (medians), Java/C %.2fx (median of pairs, %.2f-%.2f)%n",
                        NAMES[l], median(javaNs[l]), median(cNs[l]), r[3], r[0], r[6]);
            }
            if (sink == 42) {
                System.out.println();
            }
            return;
        }
        double[][] ns = new double[NAMES.length][7];
        for (int pass = 0; pass < 7; pass++) {
            for (int l = 0; l < NAMES.length; l++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                sink ^= b.loop(l, ROUNDS);
                ns[l][pass] = (cpu.getCurrentThreadCpuTime() - t0) / ((double) (l % 2 == 0 ? ROUNDS : ROUNDS / 4) * BATCH);
            }
        }
        // With the C harness's output on stdin (toeplitz_bench | java ... ToeplitzCpuTime -), each loop's ratio to C.
        java.util.Map<String, Double> c = new java.util.HashMap<>();
        if (args.length > 0 && args[0].equals("-")) {
            for (String line : new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(" ");
                int at = Arrays.asList(f).indexOf("ns/hash");
                if (f.length > 2 && f[0].equals("C") && at > 0) {
                    c.put(f[1], Double.parseDouble(f[at - 1]));
                }
            }
        }
        for (int l = 0; l < NAMES.length; l++) {
            Arrays.sort(ns[l]);
            Double cns = c.get(NAMES[l]);
            System.out.printf(Locale.ROOT, "Java %s %.3f ns/hash (thread CPU time, median of 7)%s%n", NAMES[l], ns[l][3],
                    cns == null ? "" : String.format(Locale.ROOT, ": %.2fx C's %.3f", ns[l][3] / cns, cns));
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
