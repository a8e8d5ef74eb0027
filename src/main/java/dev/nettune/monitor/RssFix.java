package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.util.Optional;

/**
 * What to change when the NIC does not do what the table says, as the seed suggests: a new key,
 * a different table, or the same key and table pushed again. {@code ethtoolArguments} is what
 * {@code ethtool -X NIC} would take; the tuning screen applies it with preview and rollback.
 */
public record RssFix(Phrase said, Optional<RssKey> key, Optional<IndirectionTable> table, String ethtoolArguments) {
    /** What to do, in English ({@link #said()} in the user's language). */
    public String summary() {
        return said.toString();
    }
}
