package dev.nettune.linux;

/** One packet field that can go into the RSS hash, as {@code ethtool -n/-N rx-flow-hash} names it. */
public enum HashField {
    L2_DA('m', "L2DA"),
    VLAN('v', "VLAN tag"),
    L3_PROTO('t', "L3 proto"),
    IP_SA('s', "IP SA"),
    IP_DA('d', "IP DA"),
    L4_SRC('f', "L4 bytes 0 & 1 [TCP/UDP src port]"),
    L4_DST('n', "L4 bytes 2 & 3 [TCP/UDP dst port]");

    private final char letter;
    private final String label;

    HashField(char letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    /** The letter {@code ethtool -N ... rx-flow-hash tcp4 sdfn} takes. */
    public char letter() {
        return letter;
    }

    /** The line ethtool prints for it. */
    public String label() {
        return label;
    }

    static HashField fromLabel(String line) {
        for (HashField f : values()) {
            if (f.label.equals(line)) {
                return f;
            }
        }
        return null;
    }
}
