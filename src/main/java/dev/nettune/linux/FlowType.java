package dev.nettune.linux;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The flow types of {@code ethtool -n NIC rx-flow-hash TYPE} that NetTune reads. */
public enum FlowType {
    TCP4("tcp4", "TCP over IPV4"),
    UDP4("udp4", "UDP over IPV4"),
    TCP6("tcp6", "TCP over IPV6"),
    UDP6("udp6", "UDP over IPV6");

    private final String arg;
    private final String title;

    FlowType(String arg, String title) {
        this.arg = arg;
        this.title = title;
    }

    /** The word ethtool takes, e.g. {@code tcp4}. */
    public String arg() {
        return arg;
    }

    /** How ethtool names the type in its report, e.g. "TCP over IPV4". */
    public String title() {
        return title;
    }

    public static FlowType parse(String text) {
        for (FlowType t : values()) {
            if (t.arg.equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown flow type '" + text + "'; allowed: "
                + Arrays.stream(values()).map(FlowType::arg).collect(Collectors.joining(", ")) + ".");
    }
}
