package dev.nettune.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RSS calculator: a key and an indirection table, and which bucket and queue any flow lands
 * in. Immutable; the Toeplitz tables are built once here, so keep one per key and table.
 */
public final class RssCalculator {
    private final ToeplitzHash hash;
    private final IndirectionTable table;

    public RssCalculator(RssKey key, IndirectionTable table) {
        this(new ToeplitzHash(Objects.requireNonNull(key, "key")), table);
    }

    public RssCalculator(ToeplitzHash hash, IndirectionTable table) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.table = Objects.requireNonNull(table, "table");
    }

    public RssKey key() {
        return hash.key();
    }

    public IndirectionTable table() {
        return table;
    }

    public ToeplitzHash toeplitz() {
        return hash;
    }

    /** Hash, bucket and queue of one flow; non-IP goes to queue 0 unhashed. */
    public FlowResult calculate(Flow flow) {
        if (!flow.protocol().isHashed()) {
            return new FlowResult(flow, 0, FlowResult.NO_BUCKET, 0);
        }
        int h = hash.hash(flow);
        int index = table.indexOf(h);
        return new FlowResult(flow, h, index, table.entry(index));
    }

    /** The results of many flows, in their order. */
    public List<FlowResult> calculateAll(List<Flow> flows) {
        List<FlowResult> out = new ArrayList<>(flows.size());
        for (Flow f : flows) {
            out.add(calculate(f));
        }
        return out;
    }

    /** The same key with another table (the tables of the key are reused). */
    public RssCalculator withTable(IndirectionTable other) {
        return new RssCalculator(hash, other);
    }
}
