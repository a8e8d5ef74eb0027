package dev.nettune.linux;

/** Where per-queue counters came from; every number NetTune shows carries its source. */
public enum CounterSource {
    ETHTOOL_STATS("ethtool -S", "packets per queue from the driver's ethtool statistics"),
    NETDEV_QSTATS("netdev qstats-get", "packets per queue from the kernel's netdev netlink queue statistics"),
    PROC_INTERRUPTS("/proc/interrupts", "interrupts per queue from /proc/interrupts: they follow the traffic but are not packets"),
    TOTALS_ONLY("totals only", "no per-queue counters: only the NIC's totals");

    private final String label;
    private final String meaning;

    CounterSource(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** A short label for a column header or chart legend. */
    public String label() {
        return label;
    }

    /** {@link #label()} as shown to a person: a command or a file stays as it is, "totals only" is said in their language. */
    public dev.nettune.Phrase labelPhrase() {
        return this == TOTALS_ONLY ? dev.nettune.Phrase.of("linux.counters.totalsOnly", "totals only") : dev.nettune.Phrase.literal(label);
    }

    /** One sentence saying what the numbers are. */
    public String meaning() {
        return meaning;
    }
}
