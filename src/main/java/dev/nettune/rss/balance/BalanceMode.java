package dev.nettune.rss.balance;

import dev.nettune.rss.RssInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which proposal a balance makes: ethtool weights, a new key, both together, or a DPDK RETA. */
public enum BalanceMode {
    /** {@code ethtool -X weight W...}: contiguous blocks per queue, the key unchanged. */
    WEIGHTS,
    /** A new 40-byte key, the table unchanged. */
    KEY,
    /** A new key and new weights together. */
    BOTH,
    /** An arbitrary table, entry by entry, as DPDK's testpmd {@code port config P rss reta} sets it. */
    RETA;

    public static BalanceMode parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "weights", "weight" -> WEIGHTS;
            case "key" -> KEY;
            case "both" -> BOTH;
            case "reta", "dpdk" -> RETA;
            default -> throw new RssInputException(dev.nettune.Phrase.of("rss.balance.mode", "Unknown balance mode '{0}': use weights, key, both or reta.", text));
        };
    }

    /** What an engineer with ethtool can apply: weights, key, and both. */
    public static Set<BalanceMode> ethtoolModes() {
        return EnumSet.of(WEIGHTS, KEY, BOTH);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
