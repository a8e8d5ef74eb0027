package dev.nettune.cloud;

import dev.nettune.Phrase;

/**
 * A security-group port range {@code from/to}: 1-65535 with from &le; to, or {@code -1/-1}
 * (no ports), which the API allows only for ICMP, GRE and "all".
 */
public record PortRange(int from, int to) {
    /** {@code -1/-1}: the rule covers no particular port. */
    public static final PortRange ANY = new PortRange(-1, -1);

    public PortRange {
        if (from == -1 && to == -1) {
            // ANY: checked against the protocol by SecurityGroupRule.
        } else if (from < 1 || from > 65535 || to < 1 || to > 65535) {
            throw new CloudInputException(Phrase.of("cloud.ports.outOfRange",
                    "Port range {0}/{1} is out of range: ports are 1-65535 (or -1/-1 for icmp, gre, all).", from, to));
        } else if (from > to) {
            throw new CloudInputException(Phrase.of("cloud.ports.backwards",
                    "Port range {0}/{1} runs backwards: write from/to with ports 1-65535 and from not above to, e.g. {1}/{0}.", from, to));
        }
    }

    /** Parses {@code 8000/9000}, {@code 22/22} or {@code -1/-1}; a single port {@code 22} means {@code 22/22}. */
    public static PortRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CloudInputException(Phrase.of("cloud.ports.empty",
                    "The port range is empty; write it as from/to, e.g. 8000/9000 (or -1/-1 for icmp, gre, all)."));
        }
        String t = text.strip();
        String[] parts = t.split("/", -1);
        try {
            for (String part : parts) {
                if (!part.strip().matches("-?[0-9]{1,5}")) {
                    throw new NumberFormatException();
                }
            }
            if (parts.length == 1) {
                int p = Integer.parseInt(parts[0]);
                return new PortRange(p, p);
            }
            if (parts.length == 2) {
                return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new CloudInputException(Phrase.of("cloud.ports.invalid",
                "'{0}' is not a port range: write it as from/to with ports 1-65535, e.g. 8000/9000 (or -1/-1 for icmp, gre, all).", text));
    }

    public boolean isAny() {
        return from == -1;
    }

    public boolean contains(PortRange other) {
        return isAny() ? other.isAny() : !other.isAny() && from <= other.from && other.to <= to;
    }

    /** As the API and the aliyun CLI write it: {@code 8000/9000}. */
    public String apiValue() {
        return from + "/" + to;
    }

    @Override
    public String toString() {
        return apiValue();
    }
}
