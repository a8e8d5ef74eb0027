package dev.nettune.rss.dpdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The testpmd interactive commands that give a port a key and table, and read them back.
 *
 * <p>What testpmd really accepts (its cmdline grammar): {@code port config <port_id> rss reta
 * (hash,queue)[,(hash,queue)]} with a numeric port id; the seed's {@code port config all rss reta}
 * is rejected as bad arguments, because that token is parsed as a port number. The list is one
 * cmdline token of at most 127 characters, so 128 entries do not fit on one line: the table is
 * written in lines of {@value #ENTRIES_PER_LINE} pairs. The key is a run of hex digits without
 * separators, exactly twice the device's key size.
 */
public final class TestpmdCommands {
    /** Pairs per {@code rss reta} line: "(127,63)," is 9 characters, 8 of them stay well under the 127-character token. */
    public static final int ENTRIES_PER_LINE = 8;
    /** testpmd's cmdline_fixed_string_t holds 128 bytes including the terminating NUL. */
    public static final int MAX_TOKEN = 127;
    /** The flow types testpmd's {@code rss-hash-key} accepts. */
    public static final Set<String> FLOW_TYPES = Set.of("ipv4", "ipv4-frag", "ipv4-tcp", "ipv4-udp", "ipv4-sctp",
            "ipv4-other", "ipv6", "ipv6-frag", "ipv6-tcp", "ipv6-udp", "ipv6-sctp", "ipv6-other", "l2-payload",
            "ipv6-ex", "ipv6-tcp-ex", "ipv6-udp-ex");

    private final DpdkRssConfig config;
    private final String flowType;

    public TestpmdCommands(DpdkRssConfig config, String flowType) {
        this.config = Objects.requireNonNull(config, "config");
        String t = Objects.requireNonNull(flowType, "flowType").strip().toLowerCase(Locale.ROOT);
        if (!FLOW_TYPES.contains(t)) {
            throw new dev.nettune.rss.RssInputException(dev.nettune.Phrase.of("rss.dpdk.flowType", "testpmd does not know the flow type"
                    + " '{0}': use one of {1} (ipv4-tcp for TCP over IPv4).", flowType, String.join(", ", FLOW_TYPES.stream().sorted().toList())));
        }
        this.flowType = t;
    }

    /** For TCP over IPv4, the flow type the seed's scenarios exercise. */
    public TestpmdCommands(DpdkRssConfig config) {
        this(config, "ipv4-tcp");
    }

    /** {@code port config P rss-hash-key TYPE HEX}. */
    public String keyCommand() {
        return "port config " + config.portId() + " rss-hash-key " + flowType + " " + config.keyHex();
    }

    /** The table as {@code port config P rss reta (i,q),...} lines, {@value #ENTRIES_PER_LINE} entries each. */
    public List<String> retaCommands() {
        List<String> lines = new ArrayList<>();
        int size = config.table().size();
        for (int start = 0; start < size; start += ENTRIES_PER_LINE) {
            StringBuilder items = new StringBuilder();
            for (int i = start; i < Math.min(size, start + ENTRIES_PER_LINE); i++) {
                if (i > start) {
                    items.append(',');
                }
                items.append('(').append(i).append(',').append(config.table().entry(i)).append(')');
            }
            if (items.length() > MAX_TOKEN) {
                throw new IllegalStateException("RETA token longer than testpmd accepts: " + items);
            }
            lines.add("port config " + config.portId() + " rss reta " + items);
        }
        return lines;
    }

    /** {@code show port P rss reta SIZE (mask,...)}, every mask all ones: prints every entry. */
    public String showRetaCommand() {
        StringBuilder masks = new StringBuilder("(");
        for (int g = 0; g < config.groupCount(); g++) {
            if (g > 0) {
                masks.append(',');
            }
            masks.append("0xffffffffffffffff");
        }
        masks.append(')');
        return "show port " + config.portId() + " rss reta " + config.table().size() + " " + masks;
    }

    /** {@code show port P rss-hash key}: reads the key back. */
    public String showKeyCommand() {
        return "show port " + config.portId() + " rss-hash key";
    }

    /**
     * The whole session, to paste at the {@code testpmd>} prompt: stop forwarding, key, table,
     * read back, start again (the ENI applies RSS changes when forwarding restarts).
     */
    public String script() {
        StringBuilder sb = new StringBuilder();
        sb.append("stop\n");
        sb.append(keyCommand()).append('\n');
        for (String line : retaCommands()) {
            sb.append(line).append('\n');
        }
        sb.append(showKeyCommand()).append('\n');
        sb.append(showRetaCommand()).append('\n');
        sb.append("start\n");
        return sb.toString();
    }

    /**
     * How to start testpmd for this port: {@code dpdk-testpmd -a PCI -- -i --portmask=... --rxq=N --txq=N
     * --forward-mode=rxonly}, the seed's receive-only test.
     */
    public String launchCommand(String pciAddress) {
        PciAddress pci = PciAddress.parse(pciAddress);
        int q = config.queueCount();
        return "dpdk-testpmd -a " + pci + " --socket-mem 1024 -- -i --portmask=0x" + Long.toHexString(1L << Math.min(config.portId(), 63))
                + " --rxq=" + q + " --txq=" + q + " --forward-mode=rxonly";
    }
}
