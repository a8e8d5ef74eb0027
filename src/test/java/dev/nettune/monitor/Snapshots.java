package dev.nettune.monitor;

/** Builds counter snapshots for tests: cumulative packets per queue, bytes = 100 x packets. */
final class Snapshots {
    private Snapshots() {
    }

    static CounterSnapshot of(double uptime, long... rxPackets) {
        int n = rxPackets.length;
        long[] bytes = new long[n];
        long[][] irq = new long[n][2];
        for (int q = 0; q < n; q++) {
            bytes[q] = rxPackets[q] * 100;
            irq[q][q % 2] = rxPackets[q] / 10;
        }
        return new CounterSnapshot(uptime, (long) (uptime * 1000), n, rxPackets.clone(), bytes, rxPackets.clone(), bytes.clone(),
                irq, new long[] {(long) uptime * 7, (long) uptime * 3}, sum(rxPackets), sum(rxPackets), "test");
    }

    static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }
}
