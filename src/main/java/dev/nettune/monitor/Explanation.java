package dev.nettune.monitor;

/**
 * The explanations a real NIC offers when traffic does not land where the live key and table
 * say, each with what to do about it. The order is the order they are tried in.
 */
public enum Explanation {
    /** Every flow landed where the live key and table say. */
    AS_PREDICTED("as predicted", "Nothing to do: the NIC steers as its key and table say."),
    /** The device does not use what ethtool -x shows: one queue, the default or an earlier mapping, or an unknown hash. */
    RSS_NOT_ACTIVE("RSS not active", "Push the key and table again: nettune rss apply HOST --nic NIC --force "
            + "(virtio_net ignores the table until the first ethtool -X after boot, and ethtool -L switches RSS off again)."),
    /** The device hashes with the key shifted by one byte (virtio_net on 6.12 under QEMU 7.2). */
    SHIFTED_KEY("key shifted by one byte", "Predictions cannot hold on this kernel and device: it hashes with 00 + the first "
            + "39 bytes of the key that ethtool -x shows. Use another kernel (6.1 works) or device, or plan with the shifted key."),
    /** The device still uses the key and table from before the last change. */
    PREVIOUS_TABLE("the table before the last change", "The last change did not reach the device: push the key and table "
            + "again (nettune rss apply HOST --nic NIC --force) and verify again."),
    /** The device hashes the tuple in another order or folded (symmetric / sorted hashing). */
    SYMMETRIC_TUPLE("a symmetric or sorted tuple", "The device hashes the tuple in another order (symmetric or sorted): "
            + "predict with the reversed flow, or switch symmetric hashing off (ethtool -N NIC rx-flow-hash ... / ethtool -X NIC hfunc)."),
    /** The device indexes a table of another size than ethtool -x shows. */
    TABLE_SIZE("a different table size", "The device indexes a table of another size than ethtool -x shows: fill the table "
            + "so that every size it may use gives the same queue (equal N with N dividing the size), or ask the vendor."),
    /** The device spreads over another number of queues than the table references. */
    QUEUE_COUNT("a queue count change", "The device spreads over another number of queues (a channel change after the last "
            + "ethtool -X): read ethtool -l, then push the key and table again (nettune rss apply HOST --nic NIC --force)."),
    /** The driver reports hashes that no Toeplitz over the live key (or a known variant of it) gives. */
    OTHER_HASH("another hash key or function", "The device reports hashes NetTune's Toeplitz over the live key does not "
            + "give, nor any known variant: it hashes with another key or function. Read ethtool -x NIC (hfunc, key) again, "
            + "push the key and table (nettune rss apply HOST --nic NIC --force) and verify again; if it persists, ask the "
            + "driver or device vendor."),
    /** None of the above fits the observations. */
    NONE_FITS("none of the known explanations", "None of the known explanations fits: the device hashes in a way NetTune "
            + "cannot model. Read the per-burst counts below and ask the driver or device vendor.");

    private final String label;
    private final String advice;

    Explanation(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    /** How the cause reads in a sentence: "key shifted by one byte". */
    public String label() {
        return label;
    }

    /** What to do about it. */
    public String advice() {
        return advice;
    }

    /** {@link #label()} as a phrase the GUI and the CLI say in the user's language. */
    public dev.nettune.Phrase labelPhrase() {
        return dev.nettune.Phrase.of("monitor.explanation." + name() + ".label", label);
    }

    /** {@link #advice()} as a phrase the GUI and the CLI say in the user's language. */
    public dev.nettune.Phrase advicePhrase() {
        return dev.nettune.Phrase.of("monitor.explanation." + name() + ".advice", advice);
    }
}
