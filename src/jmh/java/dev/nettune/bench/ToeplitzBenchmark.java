package dev.nettune.bench;

import dev.nettune.rss.Flow;
import dev.nettune.rss.Ipv4FlowHash;
import dev.nettune.rss.Ipv6FlowHash;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One Toeplitz hash of an IPv4 and of an IPv6 4-tuple (target: at most 5 ns for IPv4 on a 2-core machine). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ToeplitzBenchmark {

    private ToeplitzHash hash;
    private Ipv4FlowHash wide;
    private Ipv6FlowHash wide6;
    private int src;
    private int dst;
    private int sport;
    private int dport;
    private Flow ipv6;
    private final int[] sources = new int[BATCH];
    private final int[] ports = new int[BATCH];
    // Every flow of the full 4-tuple loops has its own destination: with one, the JIT (like gcc in the C harness)
    // may hoist the destination's lookups out of the loop, and the loop no longer measures a whole 4-tuple.
    private final int[] destinations = new int[BATCH];
    private final int[] destinations6 = new int[BATCH * 4];
    private static final int BATCH = 1024;

    @Setup
    public void setUp() {
        hash = new ToeplitzHash(RssKey.MICROSOFT);
        wide = new Ipv4FlowHash(hash);
        wide6 = new Ipv6FlowHash(hash);
        Flow v4 = Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766);
        src = v4.source().ipv4AsInt();
        dst = v4.destination().ipv4AsInt();
        sport = v4.sourcePort();
        dport = v4.destinationPort();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < BATCH; i++) {
            sources[i] = r.nextInt();
            ports[i] = r.nextInt();
        }
        for (int i = 0; i < v6.length; i++) {
            v6[i] = r.nextInt();
        }
        for (int i = 0; i < BATCH; i++) {
            destinations[i] = r.nextInt();
        }
        for (int i = 0; i < destinations6.length; i++) {
            destinations6[i] = r.nextInt();
        }
        ipv6 = Flow.tcp("3ffe:2501:200:1fff::7", "3ffe:2501:200:3::1", 2794, 1766);
    }

    /** The hot path: ints in, no allocation. Ports vary so the JIT cannot fold the hash. */
    @Benchmark
    public int ipv4FourTuple() {
        sport = (sport + 1) & 0xffff;
        return hash.hashIpv4(src, dst, sport, dport);
    }

    /** 1,024 different IPv4 4-tuples (destinations too) per call, so call overhead is spread: the per-hash cost of a tight loop. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ipv4FourTupleLoop() {
        int acc = 0;
        for (int i = 0; i < BATCH; i++) {
            int p = ports[i];
            acc ^= hash.hashIpv4(sources[i], destinations[i], p >>> 16, p & 0xffff);
        }
        return acc;
    }

    /** The same IPv4 4-tuples with the destination's part hashed once, as flows to one NIC are hashed in a distribution. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ipv4FourTupleOneDestinationLoop() {
        int acc = 0;
        final int destination = hash.ipv4Destination(dst);
        for (int i = 0; i < BATCH; i++) {
            int p = ports[i];
            acc ^= hash.hashIpv4ToDestination(sources[i], destination, p >>> 16, p & 0xffff);
        }
        return acc;
    }

    /** The same one-destination flows through Ipv4FlowHash's 11-bit tables: 6 lookups a flow instead of 8. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ipv4FourTupleOneDestinationWideLoop() {
        int acc = 0;
        final int destination = wide.destination(dst);
        for (int i = 0; i < BATCH; i++) {
            int p = ports[i];
            acc ^= wide.hash(sources[i], destination, p >>> 16, p & 0xffff);
        }
        return acc;
    }

    private final int[] v6 = new int[BATCH * 4];

    /** 1,024 different IPv6 4-tuples (destinations too) per call on the int path: all 36 lookups a flow. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ipv6FourTupleLoop() {
        int acc = 0;
        final int[] w = v6;
        final int[] d = destinations6;
        for (int i = 0; i < BATCH; i++) {
            int p = ports[i];
            int o = i << 2;
            acc ^= hash.hashIpv6(w[o], w[o + 1], w[o + 2], w[o + 3], d[o], d[o + 1], d[o + 2], d[o + 3], p >>> 16, p & 0xffff);
        }
        return acc;
    }

    /**
     * The same 1,024 IPv6 4-tuples to one destination, its part hashed once ({@link ToeplitzHash#ipv6Destination}):
     * the destination's part computed once, as the C harness's one-destination loop computes it.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ipv6FourTupleOneDestinationLoop() {
        int acc = 0;
        final int[] w = v6;
        final int destination = hash.ipv6Destination(0xfd000000, 0, 0, 5);
        for (int i = 0; i < BATCH; i++) {
            int p = ports[i];
            int o = i << 2;
            acc ^= hash.hashIpv6(w[o], w[o + 1], w[o + 2], w[o + 3], destination, p >>> 16, p & 0xffff);
        }
        return acc;
    }

    /** The same one-destination IPv6 flows through Ipv6FlowHash's 11-bit tables: 15 lookups a flow instead of 20. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ipv6FourTupleOneDestinationWideLoop() {
        int acc = 0;
        final int[] w = v6;
        final int destination = wide6.destination(0xfd000000, 0, 0, 5);
        for (int i = 0; i < BATCH; i++) {
            int p = ports[i];
            int o = i << 2;
            acc ^= wide6.hash(w[o], w[o + 1], w[o + 2], w[o + 3], destination, p >>> 16, p & 0xffff);
        }
        return acc;
    }

    /** A Flow record in, as the calculator hashes it (builds the 36-byte input). */
    @Benchmark
    public int ipv6FourTuple() {
        return hash.hash(ipv6);
    }
}
