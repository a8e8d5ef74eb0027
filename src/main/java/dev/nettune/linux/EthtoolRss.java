package dev.nettune.linux;

import dev.nettune.Phrase;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code ethtool -x NIC} reports: ring count, indirection table, hash key and hash functions.
 * A part the NIC does not support is empty and {@code tableProblem}/{@code keyProblem} say why.
 */
public record EthtoolRss(
        String nic,
        OptionalInt ringCount,
        Optional<IndirectionTable> table,
        Optional<String> tableProblem,
        Optional<RssKey> key,
        Optional<String> keyProblem,
        Map<String, Boolean> hashFunctions) {

    public EthtoolRss {
        hashFunctions = Map.copyOf(new LinkedHashMap<>(hashFunctions));
    }

    /** The hash function that is on (for example {@code toeplitz}), if any. */
    public Optional<String> activeHashFunction() {
        return hashFunctions.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .sorted().findFirst();
    }

    /** NetTune's words when ethtool printed no table at all (the problem is otherwise ethtool's own line). */
    static final String NO_TABLE = "no indirection table in the output";
    /** NetTune's words when ethtool printed no key at all. */
    static final String NO_KEY = "no hash key in the output";

    /**
     * Why there is no table, in the reader's language: ethtool's own line (e.g. "Operation not supported") as it came,
     * or NetTune's "no indirection table in the output" translated. {@link #tableProblem()} stays the English (JSON).
     */
    public Optional<Phrase> tableReason() {
        return tableProblem.map(p -> p.equals(NO_TABLE)
                ? Phrase.of("linux.rss.noTableInOutput", "no indirection table in the output")
                : Phrase.literal(p));
    }

    /** Why there is no key, in the reader's language (see {@link #tableReason()}). */
    public Optional<Phrase> keyReason() {
        return keyProblem.map(p -> p.equals(NO_KEY)
                ? Phrase.of("linux.rss.noKeyInOutput", "no hash key in the output")
                : Phrase.literal(p));
    }

    public boolean supportsCustomTable() {
        return table.isPresent();
    }
}
