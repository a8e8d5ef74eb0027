package dev.nettune.monitor;

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
public record HashEvidence(int compared, int agreeing, Explanation cause, String description, String example) {
    /** One hash function a device may use, named by the explanation it stands for. */
    private record Candidate(Explanation cause, String description, ToLongFunction<Flow> hash) {
    }

    /** Whether every reported hash equals Toeplitz over the live key. */
    public boolean agrees() {
        return cause == Explanation.AS_PREDICTED;
    }

    /** How it reads beside a verdict. */
    public String sentence() {
        if (agrees()) {
            return String.format(Locale.ROOT, "The hash the driver reported equals NetTune's Toeplitz over the live key for "
                    + "all %d flows.", compared);
        }
        if (cause == Explanation.OTHER_HASH) {
            return String.format(Locale.ROOT, "The hash the driver reported differs from NetTune's Toeplitz over the live key "
                    + "for %d of %d flows (%s), and no known variant gives it.", compared - agreeing, compared, example);
        }
        return String.format(Locale.ROOT, "The hash the driver reported differs from NetTune's Toeplitz over the live key "
                + "for %d of %d flows (%s); every one is Toeplitz over %s.", compared - agreeing, compared, example, description);
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
        String example = "";
        for (int i = 0; i < flows.size(); i++) {
            long want = live.hash().applyAsLong(flows.get(i));
            if (want == reported.get(i)) {
                agreeing++;
            } else if (example.isEmpty()) {
                example = String.format(Locale.ROOT, "%s: reported 0x%08x, the live key gives 0x%08x", flows.get(i),
                        reported.get(i), want);
            }
        }
        if (agreeing == flows.size()) {
            return Optional.of(new HashEvidence(flows.size(), agreeing, Explanation.AS_PREDICTED, live.description(), ""));
        }
        for (Candidate c : candidates.subList(1, candidates.size())) {
            boolean all = true;
            for (int i = 0; i < flows.size() && all; i++) {
                all = c.hash().applyAsLong(flows.get(i)) == reported.get(i);
            }
            if (all) {
                return Optional.of(new HashEvidence(flows.size(), agreeing, c.cause(), c.description(), example));
            }
        }
        return Optional.of(new HashEvidence(flows.size(), agreeing, Explanation.OTHER_HASH,
                "no key or tuple order NetTune knows", example));
    }

    private static List<Candidate> candidates(RssKey key, Optional<RssKey> previousKey) {
        ToeplitzHash h = new ToeplitzHash(key);
        List<Candidate> c = new ArrayList<>();
        c.add(new Candidate(Explanation.AS_PREDICTED, "the live key", f -> h.hash(f) & 0xffffffffL));
        ToeplitzHash shifted = new ToeplitzHash(Mapping.shiftedByOneByte(key));
        c.add(new Candidate(Explanation.SHIFTED_KEY, "the key shifted by one byte", f -> shifted.hash(f) & 0xffffffffL));
        if (previousKey.isPresent() && !previousKey.get().equals(key)) {
            ToeplitzHash p = new ToeplitzHash(previousKey.get());
            c.add(new Candidate(Explanation.PREVIOUS_TABLE, "the key before the last change", f -> p.hash(f) & 0xffffffffL));
        }
        c.add(new Candidate(Explanation.SYMMETRIC_TUPLE, "the live key over the reversed tuple",
                f -> h.hash(f.reversed()) & 0xffffffffL));
        c.add(new Candidate(Explanation.SYMMETRIC_TUPLE, "the live key over the sorted tuple",
                f -> h.hash(Mapping.sorted(f)) & 0xffffffffL));
        c.add(new Candidate(Explanation.SYMMETRIC_TUPLE, "the live key over the XOR-folded tuple",
                f -> h.hash(Mapping.xorFolded(f)) & 0xffffffffL));
        return c;
    }
}
