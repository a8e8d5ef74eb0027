package dev.nettune.linux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Per-queue receive and transmit counters of one NIC at one moment, with the source they came from
 * and, when the source is not the driver's packet counters, a note saying what that means (a phrase the screens say in
 * the user's language; {@link #note()} is its English).
 */
public record QueueCounters(CounterSource source, List<QueueCount> rx, List<QueueCount> tx,
                            OptionalLong rxPacketsTotal, OptionalLong txPacketsTotal, dev.nettune.Phrase notePhrase) {
    public QueueCounters {
        rx = List.copyOf(rx);
        tx = List.copyOf(tx);
        java.util.Objects.requireNonNull(notePhrase, "notePhrase");
        if (source == CounterSource.TOTALS_ONLY && (!rx.isEmpty() || !tx.isEmpty())) {
            throw new IllegalArgumentException("Totals-only counters cannot carry per-queue values.");
        }
    }

    /** The note in English; empty when the counters are the driver's own packet counters. */
    public String note() {
        return notePhrase.toString();
    }

    public static QueueCounters totalsOnly(OptionalLong rxTotal, OptionalLong txTotal, dev.nettune.Phrase note) {
        return new QueueCounters(CounterSource.TOTALS_ONLY, List.of(), List.of(), rxTotal, txTotal, note);
    }

    public boolean hasPerQueue() {
        return !rx.isEmpty() || !tx.isEmpty();
    }

    /** Packets (or interrupts) received on {@code queue}, 0 if the queue is not listed. */
    public long rxPackets(int queue) {
        for (QueueCount c : rx) {
            if (c.queue() == queue) {
                return c.packets();
            }
        }
        return 0;
    }

    /** Accumulates counters per queue index as a parser meets them, in any order. */
    static final class Builder {
        private long[] rxPackets = new long[8];
        private long[] rxBytes = new long[8];
        private long[] txPackets = new long[8];
        private long[] txBytes = new long[8];
        private byte[] seen = new byte[8];
        private int max = -1;
        private boolean any;

        static final byte RX_PACKETS = 1;
        static final byte RX_BYTES = 2;
        static final byte TX_PACKETS = 4;
        static final byte TX_BYTES = 8;

        void put(int queue, byte what, long value) {
            if (queue >= seen.length) {
                int n = Math.max(queue + 1, seen.length * 2);
                rxPackets = Arrays.copyOf(rxPackets, n);
                rxBytes = Arrays.copyOf(rxBytes, n);
                txPackets = Arrays.copyOf(txPackets, n);
                txBytes = Arrays.copyOf(txBytes, n);
                seen = Arrays.copyOf(seen, n);
            }
            switch (what) {
                case RX_PACKETS -> rxPackets[queue] = value;
                case RX_BYTES -> rxBytes[queue] = value;
                case TX_PACKETS -> txPackets[queue] = value;
                default -> txBytes[queue] = value;
            }
            seen[queue] |= what;
            max = Math.max(max, queue);
            if (what == RX_PACKETS || what == TX_PACKETS) {
                any = true;
            }
        }

        boolean hasPackets() {
            return any;
        }

        QueueCounters build(CounterSource source, OptionalLong rxTotal, OptionalLong txTotal, dev.nettune.Phrase note) {
            List<QueueCount> rx = new ArrayList<>();
            List<QueueCount> tx = new ArrayList<>();
            for (int q = 0; q <= max; q++) {
                if ((seen[q] & RX_PACKETS) != 0) {
                    rx.add(new QueueCount(q, rxPackets[q], (seen[q] & RX_BYTES) != 0 ? OptionalLong.of(rxBytes[q]) : OptionalLong.empty()));
                }
                if ((seen[q] & TX_PACKETS) != 0) {
                    tx.add(new QueueCount(q, txPackets[q], (seen[q] & TX_BYTES) != 0 ? OptionalLong.of(txBytes[q]) : OptionalLong.empty()));
                }
            }
            return new QueueCounters(source, rx, tx, rxTotal, txTotal, note);
        }
    }
}
