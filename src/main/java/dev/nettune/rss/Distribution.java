package dev.nettune.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * How a population of flows spreads over the buckets and queues of one key and table, beside
 * the share each queue would get under a uniform hash (its bucket count / table size), with a
 * chi-square test of both. Non-IP flows are not hashed: they count for queue 0 and no bucket.
 */
public final class Distribution {

    /** One queue's line: buckets it owns, flows it got, its observed and expected share. */
    public record QueueLoad(int queue, int buckets, long flows, double share, double expectedShare) {
    }

    private final IndirectionTable table;
    private final long[] bucketFlows;
    private final long[] queueFlows;
    private final long hashedFlows;
    private final long unhashedFlows;

    private Distribution(IndirectionTable table, long[] bucketFlows, long unhashedFlows) {
        this.table = table;
        this.bucketFlows = bucketFlows;
        this.unhashedFlows = unhashedFlows;
        long hashed = 0;
        int queues = Math.max(table.highestQueue() + 1, table.ringCount().orElse(0));
        long[] q = new long[Math.max(queues, 1)];
        for (int b = 0; b < bucketFlows.length; b++) {
            hashed += bucketFlows[b];
            q[table.entry(b)] += bucketFlows[b];
        }
        q[0] += unhashedFlows;
        this.queueFlows = q;
        this.hashedFlows = hashed;
    }

    /** Hears how far a long measurement has got, and may stop it. */
    @FunctionalInterface
    public interface Progress {
        /** Goes on without reporting. */
        Progress NONE = (done, total) -> true;

        /**
         * {@code done} of {@code total} flows are counted; return false to stop, and the measurement
         * throws {@link CancellationException}. Called once per {@value Distribution#REPORT_EVERY} flows.
         */
        boolean advanced(long done, long total);
    }

    /** Flows counted between two progress reports: many, so the hot loops stay tight. */
    public static final int REPORT_EVERY = 1 << 16;

    /** Measures a population: the hot paths hash on ints and allocate nothing per flow. */
    public static Distribution of(RssCalculator calculator, FlowPopulation population) {
        return of(calculator, population, Progress.NONE);
    }

    /**
     * Measures a population, reporting progress as it goes (for a screen's progress bar).
     *
     * @throws CancellationException when {@code progress} asks to stop
     */
    public static Distribution of(RssCalculator calculator, FlowPopulation population, Progress progress) {
        IndirectionTable table = calculator.table();
        long[] buckets = new long[table.size()];
        long unhashed = 0;
        if (population instanceof FlowPopulation.Hping h) {
            unhashed = hping(calculator.toeplitz(), table.size(), buckets, h, progress);
        } else if (population instanceof FlowPopulation.PortSweep s) {
            sweep(calculator.toeplitz(), table.size(), buckets, s);
            report(progress, s.size(), s.size());
        } else if (population instanceof FlowPopulation.FlowList l) {
            Counter counter = new Counter(calculator);
            List<Flow> flows = l.flows();
            int n = flows.size();
            for (int from = 0; from < n; from = blockEnd(from, n)) {
                for (int i = from, to = blockEnd(from, n); i < to; i++) {
                    counter.add(flows.get(i));
                }
                report(progress, blockEnd(from, n), n);
            }
            return counter.result();
        }
        return new Distribution(table, buckets, unhashed);
    }

    /**
     * Counts flows one at a time into per-bucket totals, for populations read as a stream (a CSV of
     * millions of flows): memory stays one counter per bucket however many flows pass. Belongs to
     * one thread.
     */
    public static final class Counter {
        private final ToeplitzHash hash;
        private final Ipv4FlowHash ipv4;
        private Ipv6FlowHash ipv6;
        private final IndirectionTable table;
        private final long[] buckets;
        private final int mask;
        private long unhashed;
        private boolean haveDestination;
        private int lastDestination;
        private int destinationPart;
        private IpAddress lastIpv6Destination;
        private int ipv6DestinationPart;

        public Counter(RssCalculator calculator) {
            this.hash = calculator.toeplitz();
            // The 11-bit tables cost about 0.1 ms once per counter and save 2 of 8 lookups a flow (IPv4).
            this.ipv4 = new Ipv4FlowHash(hash);
            this.table = calculator.table();
            this.buckets = new long[table.size()];
            this.mask = Integer.bitCount(table.size()) == 1 ? table.size() - 1 : -1;
        }

        /** Counts one flow: hashed into its bucket, or (non-IP) to queue 0 without a bucket. */
        public void add(Flow flow) {
            if (!flow.protocol().isHashed()) {
                unhashed++;
            } else if (flow.protocol().hashesPorts() && flow.isIpv4()) {
                addIpv4(flow.source().ipv4AsInt(), flow.destination().ipv4AsInt(), flow.sourcePort(), flow.destinationPort());
            } else if (flow.protocol().hashesPorts()) {
                addIpv6(flow);
            } else {
                addHash(hash.hash(flow));
            }
        }

        /**
         * An IPv6 4-tuple through {@link Ipv6FlowHash}'s 11-bit tables (built on the first one), the destination's
         * part kept while the destination repeats: 15 lookups a flow, not 36.
         */
        private void addIpv6(Flow flow) {
            if (ipv6 == null) {
                ipv6 = new Ipv6FlowHash(hash);
            }
            IpAddress d = flow.destination();
            if (!d.equals(lastIpv6Destination)) {
                lastIpv6Destination = d;
                ipv6DestinationPart = ipv6.destination(d.word(0), d.word(1), d.word(2), d.word(3));
            }
            IpAddress s = flow.source();
            addHash(ipv6.hash(s.word(0), s.word(1), s.word(2), s.word(3), ipv6DestinationPart, flow.sourcePort(),
                    flow.destinationPort()));
        }

        /**
         * Counts one IPv4 TCP/UDP 4-tuple given as ints, without allocating, through {@link Ipv4FlowHash}'s 11-bit
         * tables. The destination's part of the hash is kept while the destination repeats (flows to one NIC): 6
         * lookups a flow, not 12.
         */
        public void addIpv4(int source, int destination, int sourcePort, int destinationPort) {
            if (!haveDestination || destination != lastDestination) {
                lastDestination = destination;
                destinationPart = ipv4.destination(destination);
                haveDestination = true;
            }
            addHash(ipv4.hash(source, destinationPart, sourcePort, destinationPort));
        }

        private void addHash(int h) {
            buckets[mask >= 0 ? h & mask : Integer.remainderUnsigned(h, buckets.length)]++;
        }

        /** Flows counted so far. */
        public long count() {
            long n = unhashed;
            for (long b : buckets) {
                n += b;
            }
            return n;
        }

        /** The distribution of the flows counted so far (the counter may go on counting). */
        public Distribution result() {
            return new Distribution(table, buckets.clone(), unhashed);
        }
    }

    private static int blockEnd(int from, int n) {
        return (int) Math.min(n, (long) from + REPORT_EVERY);
    }

    private static void report(Progress progress, long done, long total) {
        if (!progress.advanced(done, total)) {
            throw new CancellationException("Stopped after " + done + " of " + total + " flows.");
        }
    }

    private static long hping(ToeplitzHash hash, int size, long[] buckets, FlowPopulation.Hping h, Progress progress) {
        int n = h.packets();
        if (!h.protocol().isHashed()) {
            report(progress, n, n);
            return n;
        }
        if (!h.protocol().hashesPorts()) {
            int hv = hash.hashAddresses(h.source(), h.destination());
            buckets[index(hv, size)] += n;
            report(progress, n, n);
            return 0;
        }
        final int mask = Integer.bitCount(size) == 1 ? size - 1 : -1;
        final int base = h.basePort();
        final boolean fixed = h.destinationPort().isPresent();
        final int fixedPort = h.destinationPort().orElse(0);
        final SplittableRandom random = new SplittableRandom(h.seed());
        if (h.source().isIpv4()) {
            // The 11-bit tables (built once here, about 0.1 ms) with the destination hoisted: 6 lookups a packet, not 12.
            final Ipv4FlowHash wide = new Ipv4FlowHash(hash);
            final int src = h.source().ipv4AsInt();
            final int dst = wide.destination(h.destination().ipv4AsInt());
            for (int from = 0; from < n; from = blockEnd(from, n)) {
                for (int i = from, to = blockEnd(from, n); i < to; i++) {
                    int dport = fixed ? fixedPort : random.nextInt() >>> 16;
                    int hv = wide.hash(src, dst, (base + i) & 0xffff, dport);
                    buckets[mask >= 0 ? hv & mask : Integer.remainderUnsigned(hv, size)]++;
                }
                report(progress, blockEnd(from, n), n);
            }
        } else {
            final int addresses = hash.hashAddresses(h.source(), h.destination());
            for (int from = 0; from < n; from = blockEnd(from, n)) {
                for (int i = from, to = blockEnd(from, n); i < to; i++) {
                    int dport = fixed ? fixedPort : random.nextInt() >>> 16;
                    int hv = addresses ^ hash.hashPorts(16, (base + i) & 0xffff, dport);
                    buckets[mask >= 0 ? hv & mask : Integer.remainderUnsigned(hv, size)]++;
                }
                report(progress, blockEnd(from, n), n);
            }
        }
        return 0;
    }

    private static void sweep(ToeplitzHash hash, int size, long[] buckets, FlowPopulation.PortSweep s) {
        Flow t = s.template();
        int addresses = hash.hashAddresses(t.source(), t.destination());
        int len = t.source().length();
        boolean source = s.side() == PortSide.SOURCE;
        for (int p = s.from(); p <= s.to(); p++) {
            int hv = addresses ^ (source ? hash.hashPorts(len, p, t.destinationPort())
                    : hash.hashPorts(len, t.sourcePort(), p));
            buckets[index(hv, size)]++;
        }
    }

    private static int index(int hash, int size) {
        return Integer.remainderUnsigned(hash, size);
    }

    public IndirectionTable table() {
        return table;
    }

    /** Every flow counted, hashed or not. */
    public long flows() {
        return hashedFlows + unhashedFlows;
    }

    /** Flows that were hashed into a bucket. */
    public long hashedFlows() {
        return hashedFlows;
    }

    /** Non-IP flows: not hashed, sent to queue 0. */
    public long unhashedFlows() {
        return unhashedFlows;
    }

    /** Flows per bucket, indexed by bucket. */
    public long[] bucketFlows() {
        return bucketFlows.clone();
    }

    public long bucketFlows(int bucket) {
        return bucketFlows[bucket];
    }

    /** Flows per queue, indexed by queue (queues the table does not use are there with 0). */
    public long[] queueFlows() {
        return queueFlows.clone();
    }

    public long queueFlows(int queue) {
        return queue >= 0 && queue < queueFlows.length ? queueFlows[queue] : 0;
    }

    /** The flows per queue with their shares, one line per queue. */
    public List<QueueLoad> queues() {
        var buckets = table.bucketsPerQueue();
        List<QueueLoad> out = new ArrayList<>(queueFlows.length);
        long all = flows();
        for (int q = 0; q < queueFlows.length; q++) {
            int b = buckets.getOrDefault(q, 0);
            out.add(new QueueLoad(q, b, queueFlows[q], all == 0 ? 0 : queueFlows[q] / (double) all,
                    b / (double) table.size()));
        }
        return out;
    }

    /** Hashed flows per queue against what a uniform hash would give them (bucket count / size). */
    public ChiSquare queueChiSquare() {
        long[] observed = new long[queueFlows.length];
        double[] expected = new double[queueFlows.length];
        var buckets = table.bucketsPerQueue();
        for (int q = 0; q < observed.length; q++) {
            observed[q] = queueFlows[q] - (q == 0 ? unhashedFlows : 0);
            expected[q] = hashedFlows * (buckets.getOrDefault(q, 0) / (double) table.size());
        }
        return ChiSquare.test(observed, expected);
    }

    /** Hashed flows per bucket against a uniform spread: whether the hash itself is even for this population. */
    public ChiSquare bucketChiSquare() {
        double[] expected = new double[bucketFlows.length];
        java.util.Arrays.fill(expected, hashedFlows / (double) bucketFlows.length);
        return ChiSquare.test(bucketFlows, expected);
    }
}
