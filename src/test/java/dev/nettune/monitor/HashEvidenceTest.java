package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** Reported hashes against NetTune's Toeplitz over the live key, and the verdict they decide. */
class HashEvidenceTest {
    static final RssKey KEY = DesignedVerdictTest.KEY;
    static final FlowDesign DESIGN = DesignedVerdictTest.DESIGN;

    /** Every burst landing on its predicted queue, each flow reporting the hash {@code h} gives it. */
    static List<BurstObservation> landedReporting(ToLongFunction<Flow> h) {
        List<BurstObservation> out = new ArrayList<>();
        for (Burst b : DESIGN.bursts()) {
            List<long[]> per = new ArrayList<>();
            List<OptionalLong> hashes = new ArrayList<>();
            for (DesignedFlow f : b.flows()) {
                long[] q = new long[4];
                q[b.queue()] = b.packetsPerFlow();
                per.add(q);
                hashes.add(OptionalLong.of(h.applyAsLong(f.flow())));
            }
            long[] excess = new long[4];
            excess[b.queue()] = b.packets();
            out.add(new BurstObservation(b, excess, Optional.of(per), 1, hashes));
        }
        return out;
    }

    static ToLongFunction<Flow> toeplitz(RssKey k) {
        ToeplitzHash h = new ToeplitzHash(k);
        return f -> h.hash(f) & 0xffffffffL;
    }

    @Test
    void hashesEqualToTheLiveKeysAgree() {
        HashEvidence e = HashEvidence.compare(KEY, Optional.empty(), landedReporting(toeplitz(KEY))).orElseThrow();

        assertThat(e.agrees()).isTrue();
        assertThat(e.compared()).isEqualTo(DESIGN.flows().size());
    }

    @Test
    void hashesOfTheKeyShiftedByOneByteAreNamedSo() {
        HashEvidence e = HashEvidence.compare(KEY, Optional.empty(),
                landedReporting(toeplitz(Mapping.shiftedByOneByte(KEY)))).orElseThrow();

        assertThat(e.cause()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(e.sentence()).contains("the key shifted by one byte").contains("reported 0x");
    }

    @Test
    void hashesOfThePreviousKeyAreNamedTheKeyBeforeTheLastChange() {
        HashEvidence e = HashEvidence.compare(KEY, Optional.of(DesignedVerdictTest.OLD_KEY),
                landedReporting(toeplitz(DesignedVerdictTest.OLD_KEY))).orElseThrow();

        assertThat(e.cause()).isEqualTo(Explanation.PREVIOUS_TABLE);
    }

    @Test
    void hashesOfTheReversedTupleAreNamedSymmetric() {
        ToeplitzHash h = new ToeplitzHash(KEY);
        HashEvidence e = HashEvidence.compare(KEY, Optional.empty(), landedReporting(f -> h.hash(f.reversed()) & 0xffffffffL))
                .orElseThrow();

        assertThat(e.cause()).isEqualTo(Explanation.SYMMETRIC_TUPLE);
    }

    @Test
    void hashesNoVariantGivesAreAnotherHash() {
        HashEvidence e = HashEvidence.compare(KEY, Optional.empty(), landedReporting(f -> f.hashCode() & 0xffffffffL)).orElseThrow();

        assertThat(e.cause()).isEqualTo(Explanation.OTHER_HASH);
    }

    @Test
    void withoutAReportedHashThereIsNothingToCompare() {
        assertThat(HashEvidence.compare(KEY, Optional.empty(), DesignedVerdictTest.under(Mapping.predicted(KEY, DesignedVerdictTest.TABLE))))
                .isEmpty();
    }

    @Test
    void shiftedHashesFailTheRunEvenWhereEveryBurstLandedOnItsQueue() {
        List<BurstObservation> obs = landedReporting(toeplitz(Mapping.shiftedByOneByte(KEY)));

        DesignedVerdict v = DesignedVerdict.judge(DESIGN, obs, true, DesignedVerdict.Context.none(),
                HashEvidence.compare(KEY, Optional.empty(), obs));

        assertThat(v.verdict()).as(v.summary()).isEqualTo(Verdict.FAIL);
        assertThat(v.cause()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(v.summary()).contains("hash the driver reported").contains(Explanation.SHIFTED_KEY.advice());
    }

    @Test
    void agreeingHashesAreSaidBesideAPass() {
        List<BurstObservation> obs = landedReporting(toeplitz(KEY));

        DesignedVerdict v = DesignedVerdict.judge(DESIGN, obs, true, DesignedVerdict.Context.none(),
                HashEvidence.compare(KEY, Optional.empty(), obs));

        assertThat(v.verdict()).as(v.summary()).isEqualTo(Verdict.PASS);
        assertThat(v.summary()).contains("equals NetTune's Toeplitz over the live key for all " + DESIGN.flows().size() + " flows");
    }

    @Test
    void aSoftwareHashBesideLandedBurstsDoesNotFailTheRunButIsSaid() {
        // veth carries the sender's software hash (l4_hash=1) across: not the device's Toeplitz.
        List<BurstObservation> obs = landedReporting(f -> f.hashCode() & 0xffffffffL);

        DesignedVerdict v = DesignedVerdict.judge(DESIGN, obs, true, DesignedVerdict.Context.none(),
                HashEvidence.compare(KEY, Optional.empty(), obs));

        assertThat(v.verdict()).as(v.summary()).isEqualTo(Verdict.PASS);
        assertThat(v.summary()).contains("software hash");
    }

    @Test
    void anUnknownHashBesideBurstsThatMissedIsNamedAnotherHash() {
        List<BurstObservation> landed = landedReporting(f -> f.hashCode() & 0xffffffffL);
        List<BurstObservation> obs = new ArrayList<>();
        for (BurstObservation o : landed) {
            // every flow of every burst on the queue after the predicted one: no known mapping does that to all of them
            List<long[]> per = new ArrayList<>();
            for (int i = 0; i < o.burst().flows().size(); i++) {
                long[] q = new long[4];
                q[(o.burst().queue() + 1 + i) % 4] = o.burst().packetsPerFlow();
                per.add(q);
            }
            obs.add(new BurstObservation(o.burst(), new long[4], Optional.of(per), 1, o.reportedHashes()));
        }

        DesignedVerdict v = DesignedVerdict.judge(DESIGN, obs, true, DesignedVerdict.Context.none(),
                HashEvidence.compare(KEY, Optional.empty(), obs));

        assertThat(v.verdict()).as(v.summary()).isEqualTo(Verdict.FAIL);
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.OTHER_HASH);
    }
}
