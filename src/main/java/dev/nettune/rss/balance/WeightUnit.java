package dev.nettune.rss.balance;

import dev.nettune.rss.RssInputException;
import java.util.Locale;

/** What a flow's weight counts: bytes received, packets (segments) received, or one per flow. */
public enum WeightUnit {
    BYTES, PACKETS, FLOWS;

    public static WeightUnit parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "bytes", "byte" -> BYTES;
            case "packets", "packet", "segments", "segs" -> PACKETS;
            case "flows", "flow", "count" -> FLOWS;
            default -> throw new RssInputException(dev.nettune.Phrase.of("rss.balance.unit", "Unknown weight unit '{0}': use bytes, packets or flows.", text));
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
