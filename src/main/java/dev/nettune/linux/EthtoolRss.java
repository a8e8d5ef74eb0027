package dev.nettune.linux;

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

    public boolean supportsCustomTable() {
        return table.isPresent();
    }
}
