package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.rss.Flow;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * What the hashes a driver passed up with the designed packets say: whether each equals NetTune's
 * Toeplitz over the live key for its flow and, when not, which known variant gives every one of them
 * (the key shifted by one byte, the key before the last change, the tuple reversed, sorted or folded),
 * or none. Where a driver reports the device's hash, this decides the key question outright, without
 * waiting for a queue to differ.
 */
public record HashEvidence(int compared, int agreeing, Explanation cause, Phrase variant, Phrase example) {
    /** One hash function a device may use, named by the explanation it stands for. */
    private record Candidate(Explanation cause, Phrase variant, ToLongFunction<Flow> hash) {
    }

    /** Whether every reported hash equals Toeplitz over the live key. */
    public boolean agrees() {
        return cause == Explanation.AS_PREDICTED;
    }

    /** How it reads beside a verdict, in English ({@link #said()} in the user's language). */
    public String sentence() {
        return said().toString();
    }

    /** How it reads beside a verdict. */
    public Phrase said() {
        if (agrees()) {
            return Phrase.of("monitor.hash.agrees", "The hash the driver reported equals NetTune's Toeplitz over the live key for "
                    + "all {0} flows.", compared);
        }
        if (cause == Explanation.OTHER_HASH) {
            return Phrase.of("monitor.hash.otherHash", "The hash the driver reported differs from NetTune's Toeplitz over the live"
                    + " key for {0} of {1} flows ({2}), and no known variant gives it.", compared - agreeing, compared, example);
        }
        return Phrase.of("monitor.hash.variant", "The hash the driver reported differs from NetTune's Toeplitz over the live key "
                + "for {0} of {1} flows ({2}); every one is Toeplitz over {3}.", compared - agreeing, compared, example, variant);
    }

    /**
     * Compares the reported hashes of every burst with the live key's; empty when no flow came with a hash
     * (virtio_net passes none up: {@code hash=0x00000000}).
     */
    public static Optional<HashEvidence> compare(RssKey key, Optional<RssKey> previousKey, List<BurstObservation> observed) {
        List<Flow> flows = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        for (BurstObservation o : observed) {
            for (int i = 0; i < o.burst().flows().size(); i++) {
                OptionalLong h = o.reportedHashes().get(i);
                if (h.isPresent()) {
                    flows.add(o.burst().flows().get(i).flow());
                    reported.add(h.getAsLong() & 0xffffffffL);
                }
            }
        }
        if (flows.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = candidates(key, previousKey);
        Candidate live = candidates.get(0);
        int agreeing = 0;
        Phrase example = Phrase.literal("");
        for (int i = 0; i < flows.size(); i++) {
            long want = live.hash().applyAsLong(flows.get(i));
            if (want == reported.get(i)) {
                agreeing++;
            } else if (example.english().isEmpty()) {
                example = Phrase.of("monitor.hash.example", "{0}: reported {1}, the live key gives {2}", flows.get(i),
                        String.format(Locale.ROOT, "0x%08x", reported.get(i)), String.format(Locale.ROOT, "0x%08x", want));
            }
        }
        if (agreeing == flows.size()) {
            return Optional.of(new HashEvidence(flows.size(), agreeing, Explanation.AS_PREDICTED, live.variant(), Phrase.literal("")));
        }
        for (Candidate c : candidates.subList(1, candidates.size())) {
            boolean all = true;
            for (int i = 0; i < flows.size() && all; i++) {
                all = c.hash().applyAsLong(flows.get(i)) == reported.get(i);
            }
            if (all) {
                return Optional.of(new HashEvidence(flows.size(), agreeing, c.cause(), c.variant(), example));
            }
        }
        return Optional.of(new HashEvidence(flows.size(), agreeing, Explanation.OTHER_HASH,
                Phrase.of("monitor.hash.unknownVariant", "no key or tuple order NetTune knows"), example));
    }

    private static List<Candidate> candidates(RssKey key, Optional<RssKey> previousKey) {
        ToeplitzHash h = new ToeplitzHash(key);
        List<Candidate> c = new ArrayList<>();
        c.add(new Candidate(Explanation.AS_PREDICTED, Phrase.of("monitor.hash.liveKey", "the live key"), f -> h.hash(f) & 0xffffffffL));
        ToeplitzHash shifted = new ToeplitzHash(Mapping.shiftedByOneByte(key));
        c.add(new Candidate(Explanation.SHIFTED_KEY, Phrase.of("monitor.hash.shiftedKey", "the key shifted by one byte"), f -> shifted.hash(f) & 0xffffffffL));
        if (previousKey.isPresent() && !previousKey.get().equals(key)) {
            ToeplitzHash p = new ToeplitzHash(previousKey.get());
            c.add(new Candidate(Explanation.PREVIOUS_TABLE, Phrase.of("monitor.hash.previousKey", "the key before the last change"), f -> p.hash(f) & 0xffffffffL));
        }
        c.add(new Candidate(Explanation.SYMMETRIC_TUPLE, Phrase.of("monitor.hash.reversed", "the live key over the reversed tuple"),
                f -> h.hash(f.reversed()) & 0xffffffffL));
        c.add(new Candidate(Explanation.SYMMETRIC_TUPLE, Phrase.of("monitor.hash.sorted", "the live key over the sorted tuple"),
                f -> h.hash(Mapping.sorted(f)) & 0xffffffffL));
        c.add(new Candidate(Explanation.SYMMETRIC_TUPLE, Phrase.of("monitor.hash.xorFolded", "the live key over the XOR-folded tuple"),
                f -> h.hash(Mapping.xorFolded(f)) & 0xffffffffL));
        return c;
    }
}
