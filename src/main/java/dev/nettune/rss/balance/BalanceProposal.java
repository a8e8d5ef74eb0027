package dev.nettune.rss.balance;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * One proposal: the key and table it sets (empty = keep today's), the per-bucket loads and queue
 * statistics it predicts, and whether it beats today. A proposal that would not beat today keeps
 * today's mapping and says so, so a proposal is never worse than today.
 */
public record BalanceProposal(BalanceMode mode, Optional<RssKey> key, Optional<TableSpec> weights,
                              IndirectionTable table, long[] bucketLoads, LoadStats stats, boolean improves,
                              String note) {
    public BalanceProposal {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(note, "note");
        bucketLoads = bucketLoads.clone();
    }

    @Override
    public long[] bucketLoads() {
        return bucketLoads.clone();
    }

    /** Whether applying it changes anything on the NIC. */
    public boolean changes() {
        return improves && (key.isPresent() || weights.isPresent() || mode == BalanceMode.RETA);
    }
}
