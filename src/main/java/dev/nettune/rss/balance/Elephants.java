package dev.nettune.rss.balance;

import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

    /** One sentence for a person in English: which flows, how heavy, and why no mapping helps ({@link #said()} in any language). */
    public String warning() {
        return flows.isEmpty() ? "" : said().toString();
    }

    /**
     * One sentence for a person: which flows (the five heaviest), how heavy, and why no mapping helps, as a phrase the
     * Balance screen and the CLI say in the user's language; an empty literal when no flow is too heavy.
     */
    public Phrase said() {
        if (flows.isEmpty()) {
            return Phrase.literal("");
        }
        int shown = Math.min(5, flows.size());
        List<Phrase> parts = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            ObservedFlow f = flows.get(i);
            parts.add(Phrase.of("rss.elephants.flow", "{0} ({1}x fair)", f.flow(), String.format(Locale.ROOT, "%.1f", f.weight() / fairShare)));
        }
        if (flows.size() > shown) {
            parts.add(Phrase.of("rss.elephants.more", "and {0} more", flows.size() - shown));
        }
        Phrase which = Phrase.joined("; ", parts);
        String bound = String.format(Locale.ROOT, "%.2f", lowerBoundMaxOverMean);
        return flows.size() == 1
                ? Phrase.of("rss.elephants.one", "One flow carries more than a queue's fair share: {0}. RSS keeps every packet of"
                        + " a flow on one queue by design, so no key or table can bring max/mean below {1}; split such traffic over"
                        + " more connections, or pin it with flow steering (ethtool -N).", which, bound)
                : Phrase.of("rss.elephants.many", "{0} flows each carry more than a queue's fair share: {1}. RSS keeps every packet"
                        + " of a flow on one queue by design, so no key or table can bring max/mean below {2}; split such traffic"
                        + " over more connections, or pin it with flow steering (ethtool -N).", flows.size(), which, bound);
    }
}
