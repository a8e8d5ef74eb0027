package dev.nettune.rss.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The flows no mapping can balance: RSS keeps every packet of a flow on one queue by design (so
 * that it is not reordered), so a flow heavier than a queue's fair share lifts its queue above
 * the mean whatever the key or table. Their weight bounds the best max/mean any proposal reaches.
 */
public record Elephants(List<ObservedFlow> flows, double lowerBoundMaxOverMean, double fairShare) {

    /** A flow counts as an elephant when it alone carries more than this share of one queue's fair load. */
    public static final double THRESHOLD = 1.10;

    public Elephants {
        flows = List.copyOf(flows);
    }

    /** The elephants among {@code observed} for {@code queues} queues. */
    public static Elephants of(List<ObservedFlow> observed, int queues) {
        long total = 0;
        long heaviest = 0;
        for (ObservedFlow f : observed) {
            total += f.weight();
            heaviest = Math.max(heaviest, f.weight());
        }
        if (total == 0) {
            return new Elephants(List.of(), 1.0, 0);
        }
        double fair = total / (double) queues;
        List<ObservedFlow> big = new ArrayList<>();
        for (ObservedFlow f : observed) {
            if (f.weight() > THRESHOLD * fair) {
                big.add(f);
            }
        }
        big.sort(Comparator.comparingLong(ObservedFlow::weight).reversed());
        return new Elephants(big, Math.max(1.0, heaviest / fair), fair);
    }

    /** Whether some flows are too heavy to balance. */
    public boolean present() {
        return !flows.isEmpty();
    }

    /** One sentence for a person: which flows, how heavy, and why no mapping helps. */
    public String warning() {
        if (flows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(flows.size() == 1 ? "One flow carries" : flows.size() + " flows each carry")
                .append(" more than a queue's fair share: ");
        int shown = Math.min(5, flows.size());
        for (int i = 0; i < shown; i++) {
            ObservedFlow f = flows.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(f.flow()).append(String.format(" (%.1fx fair)", f.weight() / fairShare));
        }
        if (flows.size() > shown) {
            sb.append("; and ").append(flows.size() - shown).append(" more");
        }
        sb.append(String.format(". RSS keeps every packet of a flow on one queue by design, so no key or table can bring"
                + " max/mean below %.2f; split such traffic over more connections, or pin it with flow steering (ethtool -N).",
                lowerBoundMaxOverMean));
        return sb.toString();
    }
}
