package dev.nettune.linux;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields a NIC hashes for one flow type ({@code ethtool -n NIC rx-flow-hash tcp4}); an empty set
 * is ethtool's "None" (the NIC does not hash that type, all of it lands in one queue).
 */
public record RxFlowHash(FlowType flowType, Set<HashField> fields) {
    public RxFlowHash {
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    public boolean hashesNothing() {
        return fields.isEmpty();
    }

    /** True when both addresses and both ports go into the hash (the 4-tuple an ENI uses for TCP/UDP). */
    public boolean hashesFourTuple() {
        return fields.containsAll(EnumSet.of(HashField.IP_SA, HashField.IP_DA, HashField.L4_SRC, HashField.L4_DST));
    }

    public static RxFlowHash parse(String output) {
        String[] lines = output.replace("\r", "").split("\n");
        FlowType type = null;
        int i = 0;
        for (; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.endsWith("flows use these fields for computing Hash flow key:")) {
                String title = l.substring(0, l.indexOf(" flows use")).strip();
                for (FlowType t : FlowType.values()) {
                    if (t.title().equals(title)) {
                        type = t;
                    }
                }
                if (type == null) {
                    throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.unknownFlowType", "ethtool -n rx-flow-hash: unknown flow type '{0}'.",
                            title));
                }
                i++;
                break;
            }
        }
        if (type == null) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notRxFlowHash", "Not ethtool -n rx-flow-hash output: '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
        List<HashField> fields = new ArrayList<>();
        for (; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.equals("None")) {
                continue;
            }
            HashField f = HashField.fromLabel(l);
            if (f == null) {
                throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.unknownHashField", "ethtool -n rx-flow-hash: unknown hash field '{0}'.",
                        l));
            }
            fields.add(f);
        }
        return new RxFlowHash(type, fields.isEmpty() ? Set.of() : EnumSet.copyOf(fields));
    }

    /** Prints the report in the layout of {@code ethtool -n NIC rx-flow-hash TYPE}. */
    public String format() {
        StringBuilder sb = new StringBuilder(flowType.title()).append(" flows use these fields for computing Hash flow key:\n");
        if (fields.isEmpty()) {
            sb.append("None\n");
        } else {
            for (HashField f : HashField.values()) {
                if (fields.contains(f)) {
                    sb.append(f.label()).append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The letters for {@code ethtool -N NIC rx-flow-hash TYPE LETTERS}. */
    public String letters() {
        StringBuilder sb = new StringBuilder();
        for (HashField f : HashField.values()) {
            if (fields.contains(f)) {
                sb.append(f.letter());
            }
        }
        return sb.toString();
    }
}
