package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a designed verification: the verdict and its explanation (with the cause when it
 * failed), the design (bursts, flows, false-pass probability), what each burst did, the exact
 * commands, where the counts came from, how long it took, and what the hashes the driver reported say (where it
 * reported any).
 */
public record DesignedResult(Verdict verdict, Phrase said, Explanation cause, Optional<FlowDesign> design,
        List<BurstObservation> bursts, List<String> commands, Optional<RssKey> key, Optional<IndirectionTable> table,
        Phrase counted, Optional<RssFix> fix, Duration elapsed, Optional<HashEvidence> hashes) {
    public DesignedResult {
        bursts = List.copyOf(bursts);
        commands = List.copyOf(commands);
        java.util.Objects.requireNonNull(hashes, "hashes");
    }

    /** The verdict's explanation in English ({@link #said()} in the user's language). */
    public String explanation() {
        return said.toString();
    }

    /** Where the counts came from, in English ({@link #counted()} in the user's language); empty when nothing was counted. */
    public String counterSource() {
        return counted.toString();
    }

    /** The probability a NIC steering any other way had to pass (1 when nothing was designed). */
    public double falsePassProbability() {
        return design.map(FlowDesign::falsePassProbability).orElse(1.0);
    }

    /** A result of a test that could not run or judge anything. */
    static DesignedResult without(Verdict verdict, Phrase why, List<String> commands, Optional<RssKey> key,
            Optional<IndirectionTable> table, Duration elapsed) {
        return new DesignedResult(verdict, why, Explanation.AS_PREDICTED, Optional.empty(), List.of(), commands, key, table,
                Phrase.literal(""), Optional.empty(), elapsed, Optional.empty());
    }
}
