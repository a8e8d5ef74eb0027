package dev.nettune.rss.balance;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.util.List;
import java.util.Optional;

/** Today's per-bucket and per-queue load, the proposals, and the elephant flows no mapping can balance. */
public record BalanceReport(RssKey key, IndirectionTable table, QueueSpan span, int flows, long[] bucketLoads,
                            LoadStats today, List<BalanceProposal> proposals, Elephants elephants) {
    public BalanceReport {
        bucketLoads = bucketLoads.clone();
        proposals = List.copyOf(proposals);
    }

    @Override
    public long[] bucketLoads() {
        return bucketLoads.clone();
    }

    public Optional<BalanceProposal> proposal(BalanceMode mode) {
        return proposals.stream().filter(p -> p.mode() == mode).findFirst();
    }

    /** The proposal with the lowest predicted max/mean (today's mapping when none improves). */
    public Optional<BalanceProposal> best() {
        return proposals.stream().filter(BalanceProposal::improves)
                .min(java.util.Comparator.comparingDouble((BalanceProposal p) -> p.stats().maxOverMean())
                        .thenComparingDouble(p -> p.stats().coefficientOfVariation()));
    }
}
