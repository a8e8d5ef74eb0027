package dev.nettune.rss.balance;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.rss.ToeplitzHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Turns observed flows into balance proposals for a NIC's key and table: the per-bucket load
 * today, then ethtool weights (solved exactly), a key (searched through the hash's linearity in
 * the key bits), both, or a DPDK RETA. Every proposal is checked again from scratch, by hashing
 * every flow with its key and table, before it is reported; one that does not beat today keeps
 * today's mapping.
 */
public final class BalanceAdvisor {
    private final KeySearch.Options searchOptions;

    public BalanceAdvisor(KeySearch.Options searchOptions) {
        this.searchOptions = searchOptions;
    }

    public BalanceAdvisor() {
        this(KeySearch.Options.defaults());
    }

    /** The report for {@code flows} under today's {@code key} and {@code table}, with proposals for {@code modes}. */
    public BalanceReport advise(List<ObservedFlow> flows, RssKey key, IndirectionTable table, Set<BalanceMode> modes,
                                BooleanSupplier cancelled) {
        if (flows.isEmpty()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.noFlows", "No flows to balance: none were observed on the NIC's addresses."));
        }
        int size = table.size();
        QueueSpan span = QueueSpan.of(table);
        long[] today = BucketLoads.of(flows, new ToeplitzHash(key), size);
        LoadStats todayStats = span.stats(today, table.entries());
        List<BalanceProposal> out = new ArrayList<>();
        ContiguousPartition.Result weights = null;
        if (modes.contains(BalanceMode.WEIGHTS) || modes.contains(BalanceMode.BOTH)) {
            weights = ContiguousPartition.solve(today, span, table.ringCount());
        }
        if (modes.contains(BalanceMode.WEIGHTS)) {
            out.add(checked(flows, key, table, todayStats, today, BalanceMode.WEIGHTS, key, Optional.of(weights.spec()),
                    weights.table(), false));
        }
        KeySearch.Result keyed = null;
        if (modes.contains(BalanceMode.KEY) || modes.contains(BalanceMode.BOTH)) {
            keyed = KeySearch.over(flows, key, table.entries(), span).run(searchOptions, cancelled);
        }
        if (modes.contains(BalanceMode.KEY)) {
            out.add(checked(flows, key, table, todayStats, today, BalanceMode.KEY, keyed.key(), Optional.empty(), table, true));
        }
        if (modes.contains(BalanceMode.BOTH)) {
            // Three routes, the best kept: (a) a key for today's table, then weights for that key;
            // (b) weights for today's key, a key for those weights, weights again; (c) a key that evens
            // the buckets themselves (every bucket its own queue), then weights for it.
            List<KeySearch.Result> keys = new ArrayList<>();
            keys.add(keyed);
            keys.add(KeySearch.over(flows, key, weights.table().entries(), span).run(searchOptions, cancelled));
            int[] identity = new int[size];
            for (int b = 0; b < size; b++) {
                identity[b] = b;
            }
            keys.add(KeySearch.over(flows, key, identity, new QueueSpan(0, size)).run(searchOptions, cancelled));
            KeySearch.Result bestKey = null;
            ContiguousPartition.Result bestWeights = null;
            for (KeySearch.Result k : keys) {
                ContiguousPartition.Result w = ContiguousPartition.solve(k.bucketLoads(), span, table.ringCount());
                if (bestWeights == null || w.stats().max() < bestWeights.stats().max()
                        || (w.stats().max() == bestWeights.stats().max()
                        && w.stats().coefficientOfVariation() < bestWeights.stats().coefficientOfVariation())) {
                    bestKey = k;
                    bestWeights = w;
                }
            }
            out.add(checked(flows, key, table, todayStats, today, BalanceMode.BOTH, bestKey.key(),
                    Optional.of(bestWeights.spec()), bestWeights.table(), true));
        }
        if (modes.contains(BalanceMode.RETA)) {
            int[] reta = RetaPartition.solve(today, span, table.entries());
            IndirectionTable t = IndirectionTable.of(reta, table.ringCount());
            out.add(checked(flows, key, table, todayStats, today, BalanceMode.RETA, key, Optional.empty(), t, false));
        }
        return new BalanceReport(key, table, span, flows.size(), today, todayStats, out,
                Elephants.of(flows, span.count()));
    }

    /**
     * Re-hashes every flow with the proposal's key into its table, and keeps the proposal only if
     * it beats today (a lighter heaviest queue, or the same with a lower spread).
     */
    private static BalanceProposal checked(List<ObservedFlow> flows, RssKey todayKey, IndirectionTable todayTable,
                                           LoadStats todayStats, long[] todayBuckets, BalanceMode mode, RssKey key,
                                           Optional<TableSpec> weights, IndirectionTable table, boolean newKey) {
        QueueSpan span = QueueSpan.of(todayTable);
        long[] buckets = BucketLoads.of(flows, new ToeplitzHash(key), table.size());
        LoadStats stats = span.stats(buckets, table.entries());
        boolean sameMapping = key.equals(todayKey) && Arrays.equals(table.entries(), todayTable.entries());
        boolean better = !sameMapping && (stats.max() < todayStats.max()
                || (stats.max() == todayStats.max() && stats.coefficientOfVariation() < todayStats.coefficientOfVariation() - 1e-12));
        if (!better) {
            return new BalanceProposal(mode, Optional.empty(), Optional.empty(), todayTable, todayBuckets, todayStats, false,
                    "No " + mode.label() + " proposal beats today's mapping for these flows: keep it.");
        }
        return new BalanceProposal(mode, newKey ? Optional.of(key) : Optional.empty(), weights, table, buckets, stats, true,
                String.format("max/mean %.3f -> %.3f, CV %.3f -> %.3f", todayStats.maxOverMean(), stats.maxOverMean(),
                        todayStats.coefficientOfVariation(), stats.coefficientOfVariation()));
    }
}
