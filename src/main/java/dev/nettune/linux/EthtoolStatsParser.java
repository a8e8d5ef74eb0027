package dev.nettune.linux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code ethtool -S NIC}: all statistics by name, and the per-queue counters through the parser
 * of the NIC's driver (chosen from {@code ethtool -i}). A driver NetTune has no layout for gives totals
 * only, and says so.
 */
public final class EthtoolStatsParser {
    private static final List<DriverStatsParser> PARSERS = List.of(new VirtioNetStatsParser(), new Mlx5StatsParser(),
            new EnaStatsParser(), new IntelQueueStatsParser(), new I40eStatsParser());

    private EthtoolStatsParser() {
    }

    /** The parser for a driver name as {@code ethtool -i} prints it, if NetTune knows its layout. */
    public static Optional<DriverStatsParser> forDriver(String driver) {
        for (DriverStatsParser p : PARSERS) {
            if (p.drivers().contains(driver)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every statistic, in the order printed. */
    public static Map<String, Long> parseAll(String output) {
        Map<String, Long> all = new LinkedHashMap<>();
        forEach(output, (text, from, to, value) -> all.put(text.substring(from, to), value));
        return all;
    }

    /**
     * Per-queue counters for {@code driver}. Source {@link CounterSource#ETHTOOL_STATS} when the driver's
     * layout yielded per-queue packets; otherwise {@link CounterSource#TOTALS_ONLY} with the reason in the note.
     */
    public static QueueCounters parse(String driver, String output) {
        Optional<DriverStatsParser> parser = forDriver(driver);
        QueueCounters.Builder b = new QueueCounters.Builder();
        long[] totals = {-1, -1};
        DriverStatsParser p = parser.orElse(null);
        forEach(output, (text, from, to, value) -> {
            if (p != null && p.accept(text, from, to, value, b)) {
                return;
            }
            if (to - from == 10 && text.startsWith("rx_packets", from)) {
                totals[0] = value;
            } else if (to - from == 10 && text.startsWith("tx_packets", from)) {
                totals[1] = value;
            }
        });
        OptionalLong rxTotal = totals[0] >= 0 ? OptionalLong.of(totals[0]) : OptionalLong.empty();
        OptionalLong txTotal = totals[1] >= 0 ? OptionalLong.of(totals[1]) : OptionalLong.empty();
        if (parser.isEmpty()) {
            return QueueCounters.totalsOnly(rxTotal, txTotal, dev.nettune.Phrase.of("linux.counters.unknownDriver", "driver {0} has no"
                    + " per-queue counter layout NetTune knows (virtio_net, mlx5_core, ena, ixgbe, ice, i40e): totals only", driver));
        }
        if (!b.hasPackets()) {
            return QueueCounters.totalsOnly(rxTotal, txTotal, dev.nettune.Phrase.of("linux.counters.noPackets", "ethtool -S of {0} has no"
                    + " per-queue packet counters (virtio_net from kernel 6.10 prints only rxN_drops/rxN_kicks)", driver));
        }
        return b.build(CounterSource.ETHTOOL_STATS, rxTotal, txTotal, dev.nettune.Phrase.literal(""));
    }

    private interface StatSink {
        /** The statistic named by {@code text[from, to)} has {@code value}. */
        void stat(String text, int from, int to, long value);
    }

    private static void forEach(String output, StatSink sink) {
        int n = output.length();
        int pos = 0;
        boolean header = false;
        while (pos < n) {
            int eol = output.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int s = pos;
            while (s < eol && (output.charAt(s) == ' ' || output.charAt(s) == '\t')) {
                s++;
            }
            int e = eol;
            while (e > s && (output.charAt(e - 1) == '\r' || output.charAt(e - 1) == ' ')) {
                e--;
            }
            if (e > s) {
                int colon = output.lastIndexOf(':', e - 1);
                if (colon > s && !(s == pos && output.startsWith("NIC statistics:", s))) {
                    long v = parseValue(output, colon + 1, e);
                    if (v >= 0) {
                        sink.stat(output, s, colon, v);
                    }
                } else if (output.startsWith("NIC statistics:", s)) {
                    header = true;
                }
            }
            pos = eol + 1;
        }
        if (!header) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notEthtoolS", "Not ethtool -S output: expected 'NIC statistics:', got '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
    }

    /** The unsigned decimal between {@code from} and {@code to} (spaces allowed before), or -1. */
    private static long parseValue(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        if (i == to) {
            return -1;
        }
        long v = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v < 0) {
                return Long.MAX_VALUE;
            }
        }
        return v;
    }
}
