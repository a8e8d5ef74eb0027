package dev.nettune.tuning;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One time NetTune set (or re-pushed) a NIC's RSS key and/or table and read it back: which plan, when, the host's
 * boot id then (the key and table do not survive a reboot, and some drivers ignore the table until the first
 * {@code ethtool -X} after boot), and the key and table before and after, in the journal's canonical values
 * (colon hex; {@code request|rings|entries}), so that a verification can test "the table before the last change".
 */
public record RssPush(String planId, String host, String nic, Instant time, String bootId, Optional<String> keyBefore,
        Optional<String> keyAfter, Optional<String> tableBefore, Optional<String> tableAfter) {
    /** The boot id recorded when the host did not say it ({@code /proc/sys/kernel/random/boot_id} unreadable). */
    public static final String UNKNOWN_BOOT = "unknown";

    public RssPush {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(host, "host");
        TuningInputException.checkNic(nic);
        Objects.requireNonNull(time, "time");
        bootId = bootId == null || bootId.isBlank() ? UNKNOWN_BOOT : bootId.strip();
        Objects.requireNonNull(keyBefore, "keyBefore");
        Objects.requireNonNull(keyAfter, "keyAfter");
        Objects.requireNonNull(tableBefore, "tableBefore");
        Objects.requireNonNull(tableAfter, "tableAfter");
    }

    /** Whether this push changed the key or the table (a re-push of the same values did not). */
    public boolean changed() {
        return !keyBefore.equals(keyAfter) || !RssTableChange.sameEntries(tableBefore, tableAfter);
    }

    /** The key before this push, when it was journaled and readable. */
    public Optional<RssKey> previousKey() {
        return keyBefore.flatMap(RssPush::key);
    }

    /** The table before this push, when it was journaled and readable. */
    public Optional<IndirectionTable> previousTable() {
        return tableBefore.flatMap(RssTableChange::tableOf);
    }

    private static Optional<RssKey> key(String colonHex) {
        try {
            return Optional.of(RssKey.parse(colonHex, colonHex.split(":").length));
        } catch (RssInputException e) {
            return Optional.empty();
        }
    }
}
