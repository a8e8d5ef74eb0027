package dev.nettune.linux;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-queue statistics from the kernel's generic netlink {@code netdev} family ({@code qstats-get},
 * queue scope, kernel 6.10+), as printed by the kernel's YNL CLI:
 * {@code ynl --family netdev --dump qstats-get --json '{"scope": "queue"}' --output-json}
 * (JSON objects) or without {@code --output-json} (Python's pprint: single quotes). NetTune reads
 * both; objects are matched to a NIC by {@code ifindex}.
 */
public final class NetdevQstats {
    /** The command NetTune runs on a host (program and arguments). */
    public static final java.util.List<String> COMMAND = java.util.List.of("ynl", "--family", "netdev", "--dump", "qstats-get",
            "--json", "{\"scope\": \"queue\"}", "--output-json");

    private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern FIELD = Pattern.compile("[\"']([a-z-]+)[\"']\\s*:\\s*(?:[\"']([a-z]+)[\"']|(\\d+))");

    private NetdevQstats() {
    }

    /** The queues of interface {@code ifindex}, labelled {@link CounterSource#NETDEV_QSTATS}; totals only if none. */
    public static QueueCounters parse(String output, int ifindex) {
        if (!output.strip().startsWith("[")) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notQstats", "Not ynl qstats-get output: expected a list, got '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
        QueueCounters.Builder b = new QueueCounters.Builder();
        Matcher o = OBJECT.matcher(output);
        while (o.find()) {
            long index = -1;
            long queue = -1;
            String type = "";
            long rxP = -1;
            long rxB = -1;
            long txP = -1;
            long txB = -1;
            Matcher f = FIELD.matcher(o.group(1));
            while (f.find()) {
                String k = f.group(1);
                long n = f.group(3) == null ? -1 : Long.parseLong(f.group(3));
                switch (k) {
                    case "ifindex" -> index = n;
                    case "queue-id" -> queue = n;
                    case "queue-type" -> type = f.group(2) == null ? "" : f.group(2);
                    case "rx-packets" -> rxP = n;
                    case "rx-bytes" -> rxB = n;
                    case "tx-packets" -> txP = n;
                    case "tx-bytes" -> txB = n;
                    default -> {
                    }
                }
            }
            if (index != ifindex || queue < 0) {
                continue;
            }
            int q = (int) queue;
            if (type.equals("rx") && rxP >= 0) {
                b.put(q, QueueCounters.Builder.RX_PACKETS, rxP);
                if (rxB >= 0) {
                    b.put(q, QueueCounters.Builder.RX_BYTES, rxB);
                }
            } else if (type.equals("tx") && txP >= 0) {
                b.put(q, QueueCounters.Builder.TX_PACKETS, txP);
                if (txB >= 0) {
                    b.put(q, QueueCounters.Builder.TX_BYTES, txB);
                }
            }
        }
        if (!b.hasPackets()) {
            return QueueCounters.totalsOnly(OptionalLong.empty(), OptionalLong.empty(),
                    dev.nettune.Phrase.of("linux.counters.noQstats", "the kernel's netdev qstats have no per-queue packets for ifindex {0}", ifindex));
        }
        return b.build(CounterSource.NETDEV_QSTATS, OptionalLong.empty(), OptionalLong.empty(), dev.nettune.Phrase.literal(""));
    }
}
