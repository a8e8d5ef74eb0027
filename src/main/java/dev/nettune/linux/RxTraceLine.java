package dev.nettune.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of tracefs's {@code trace} file for a receive tracepoint of the kernel's
 * {@code net_dev_rx_verbose_template} ({@code net:napi_gro_receive_entry}, {@code net:netif_receive_skb_entry}):
 * the device, {@code queue_mapping} (the RX queue + 1; 0 when the driver recorded none), the EtherType,
 * the skb's hash and whether it is an L4 hash, and {@code len}, the packet after its Ethernet header
 * (the whole IP packet for an unfragmented frame).
 */
public record RxTraceLine(String event, String device, int queueMapping, int protocol, long hash, boolean l4Hash, int length) {
    /** "TASK-PID [CPU] FLAGS TIMESTAMP: EVENT: dev=..."; the task name may hold spaces and dashes, so only the tail is anchored. */
    private static final Pattern LINE = Pattern.compile("^.*?\\[\\d+]\\s+\\S+\\s+\\d+\\.\\d+: (\\w+): dev=(\\S+) (.*)$");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");
    /** The entries the ring buffer holds and the ones written since it was cleared, from the trace file's header. */
    private static final Pattern ENTRIES = Pattern.compile("^# entries-in-buffer/entries-written: (\\d+)/(\\d+)");

    /** The IPv4 EtherType. */
    public static final int IPV4 = 0x0800;
    /** The IPv6 EtherType. */
    public static final int IPV6 = 0x86dd;

    /** The RX queue the packet was received on, or -1 when the driver recorded none ({@code queue_mapping=0}). */
    public int queue() {
        return queueMapping - 1;
    }

    /** Whether the line is an IP packet (IPv4 or IPv6). */
    public boolean ip() {
        return protocol == IPV4 || protocol == IPV6;
    }

    /** The hash the driver passed up with the packet, empty when it passed none ({@code hash=0x00000000}). */
    public OptionalLong reportedHash() {
        return hash == 0 ? OptionalLong.empty() : OptionalLong.of(hash);
    }

    /** Parses one line; empty for comments, blank lines and events of another layout. */
    public static Optional<RxTraceLine> parse(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Matcher f = FIELD.matcher(m.group(3));
        Integer queue = null;
        Integer protocol = null;
        Long hash = null;
        Boolean l4 = null;
        Integer len = null;
        try {
            while (f.find()) {
                String v = f.group(2);
                switch (f.group(1)) {
                    case "queue_mapping" -> queue = Integer.parseInt(v);
                    case "protocol" -> protocol = (int) number(v);
                    case "hash" -> hash = number(v);
                    case "l4_hash" -> l4 = !v.equals("0");
                    case "len" -> len = Integer.parseInt(v);
                    default -> {
                        // the template's other fields (napi_id, skbaddr, vlan, truesize, ...) say nothing about steering
                    }
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (queue == null || protocol == null || hash == null || l4 == null || len == null) {
            return Optional.empty();
        }
        return Optional.of(new RxTraceLine(m.group(1), m.group(2), queue, protocol, hash, l4, len));
    }

    /** Every receive line of a trace file's text (its header and other events skipped). */
    public static List<RxTraceLine> parseAll(String trace) {
        List<RxTraceLine> out = new ArrayList<>();
        trace.lines().forEach(l -> parse(l).ifPresent(out::add));
        return out;
    }

    /**
     * How many events the ring buffer dropped, from the header of the {@code trace} file
     * ({@code entries-written} less {@code entries-in-buffer}); 0 when the header is missing.
     */
    public static long overwritten(String trace) {
        for (String l : (Iterable<String>) trace.lines()::iterator) {
            Matcher m = ENTRIES.matcher(l);
            if (m.find()) {
                return Math.max(0, Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)));
            }
            if (!l.startsWith("#")) {
                break;
            }
        }
        return 0;
    }

    private static long number(String v) {
        return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    }
}
