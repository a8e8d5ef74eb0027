package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one scenario: the verdict and why, what was sent (the exact commands), the
 * queue predicted from the receiver's live key and table (scenario 2) or the share test
 * (scenario 1), the packets per queue above the background, and a fix when it failed.
 */
public record VerificationResult(
        TestTraffic traffic,
        Verdict verdict,
        Phrase said,
        List<String> commands,
        Optional<RssKey> key,
        Optional<IndirectionTable> table,
        OptionalInt predictedQueue,
        long[] excessPackets,
        double[] backgroundPps,
        Optional<ShareCheck> shares,
        Phrase counted,
        Optional<RssFix> fix) {
    public VerificationResult {
        commands = List.copyOf(commands);
    }

    /** The verdict's explanation in English ({@link #said()} in the user's language). */
    public String explanation() {
        return said.toString();
    }

    /** Where the counts came from, in English ({@link #counted()} in the user's language); empty when nothing was counted. */
    public String counterSource() {
        return counted.toString();
    }

    /** The queue that received most of the test packets, or -1. */
    public int busiestQueue() {
        int best = -1;
        for (int q = 0; q < excessPackets.length; q++) {
            if (best < 0 || excessPackets[q] > excessPackets[best]) {
                best = q;
            }
        }
        return best;
    }
}
