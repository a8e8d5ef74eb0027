package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.RssKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The verdict and the named cause, from what each burst did under one mapping or another. */
class DesignedVerdictTest {
    static final RssKey KEY = RssKey.MICROSOFT;
    static final IndirectionTable TABLE = IndirectionTable.weight(128, List.of(3, 1, 2, 2), 0, OptionalInt.of(4));
    static final IndirectionTable BEFORE = IndirectionTable.defaultFor(128, 4);
    static final RssKey OLD_KEY = RssKey.of(new java.util.Random(3).ints(40, 0, 256).collect(java.io.ByteArrayOutputStream::new,
            (o, b) -> o.write(b), (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray());
    static final FlowDesign DESIGN = FlowDesign.design(KEY, TABLE,
            Mapping.alternatives(KEY, TABLE, 4, Optional.of(OLD_KEY), Optional.of(BEFORE)),
            Flow.tcp("10.0.0.252", "10.0.0.5", 10000, 80), PortSide.SOURCE, 10000, 60000, 100, 1000);

    /** What each burst shows when the NIC steers by {@code m}, plus a little background noise on queue 3. */
    static List<BurstObservation> under(Mapping m) {
        List<BurstObservation> out = new ArrayList<>();
        for (Burst b : DESIGN.bursts()) {
            long[] excess = new long[4];
            for (DesignedFlow f : b.flows()) {
                excess[m.queueOf(f.flow())] += b.packetsPerFlow();
            }
            excess[3] += 2;
            out.add(new BurstObservation(b, excess));
        }
        return out;
    }

    static Mapping first(Explanation e) {
        return DESIGN.alternatives().stream().filter(m -> m.explanation() == e && !DESIGN.indistinguishable().contains(m.description()))
                .reduce((a, b) -> e == Explanation.RSS_NOT_ACTIVE ? b : a).orElseThrow();
    }

    @Test
    void passesWhenEveryBurstLandsAsPredictedAndSaysTheFalsePassProbability() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(Mapping.predicted(KEY, TABLE)), true, DesignedVerdict.Context.none());
        assertThat(v.verdict()).as(v.summary()).isEqualTo(Verdict.PASS);
        assertThat(v.summary()).contains(DESIGN.falsePassText());
        assertThat(v.falsePassProbability()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void failsNamingTheShiftedKey() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(first(Explanation.SHIFTED_KEY)), true, DesignedVerdict.Context.none());
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.SHIFTED_KEY);
    }

    @Test
    void failsNamingThePreviousTable() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(first(Explanation.PREVIOUS_TABLE)), true, DesignedVerdict.Context.none());
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.PREVIOUS_TABLE);
    }

    @Test
    void failsNamingASymmetricTuple() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(first(Explanation.SYMMETRIC_TUPLE)), true, DesignedVerdict.Context.none());
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.SYMMETRIC_TUPLE);
    }

    @Test
    void failsNamingADifferentTableSize() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(first(Explanation.TABLE_SIZE)), true, DesignedVerdict.Context.none());
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.TABLE_SIZE);
    }

    @Test
    void failsNamingAQueueCountChange() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(first(Explanation.QUEUE_COUNT)), true, DesignedVerdict.Context.none());
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.QUEUE_COUNT);
    }

    @Test
    void everythingOnOneQueueIsRssNotActive() {
        Mapping one = new Mapping(Explanation.RSS_NOT_ACTIVE, dev.nettune.Phrase.literal("x"), f -> 0);
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(one), true, DesignedVerdict.Context.none());
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.RSS_NOT_ACTIVE);
        assertThat(v.summary()).contains("every flow on queue 0").contains("--force");
    }

    @Test
    void anUnknownHashIsRssNotActiveWhenTheHostSaysNoKeyWasSetSinceBoot() {
        Mapping unknown = Mapping.predicted(RssKey.random(40), BEFORE);
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(unknown), true,
                new DesignedVerdict.Context(Optional.of(dev.nettune.Phrase.literal("NetTune has not set the key and table since this boot"))));
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.RSS_NOT_ACTIVE);
        assertThat(v.summary()).contains("since this boot");
    }

    @Test
    void anUnknownHashWithoutAReasonSaysPlainlyThatNoneFits() {
        Mapping unknown = Mapping.predicted(RssKey.random(40), BEFORE);
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(unknown), true, DesignedVerdict.Context.none());
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.NONE_FITS);
        assertThat(v.summary()).contains("None of the known explanations fits");
    }

    @Test
    void tooLittleSeenIsInconclusiveAndSaysHowMuch() {
        List<BurstObservation> obs = new ArrayList<>(under(Mapping.predicted(KEY, TABLE)));
        Burst b = obs.get(1).burst();
        obs.set(1, new BurstObservation(b, new long[] {0, 3, 0, 0}, Optional.empty(), 2));
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, obs, true, DesignedVerdict.Context.none());
        assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(v.summary()).contains("saw 3 packets").contains("sent " + b.packets()).contains("twice");
    }

    @Test
    void aOneQueueTableNeverReadsPassBesideItsProbability() {
        IndirectionTable one = IndirectionTable.equal(128, 1, 2, OptionalInt.of(4));
        FlowDesign d = FlowDesign.design(KEY, one, Mapping.alternatives(KEY, one, 4, Optional.empty(), Optional.empty()),
                Flow.tcp("10.0.0.252", "10.0.0.5", 10000, 80), PortSide.SOURCE, 10000, 20000, 10, 1000);
        List<BurstObservation> obs = d.bursts().stream().map(b -> new BurstObservation(b, new long[] {0, 0, b.packets(), 0})).toList();
        DesignedVerdict v = DesignedVerdict.judge(d, obs, true, DesignedVerdict.Context.none());
        assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(v.summary()).contains("probability 1");
    }

    @Test
    void perPacketAttributionFailsABurstWhoseSingleFlowStrays() {
        List<BurstObservation> obs = new ArrayList<>();
        for (Burst b : DESIGN.bursts()) {
            List<long[]> per = new ArrayList<>();
            for (DesignedFlow f : b.flows()) {
                long[] c = new long[4];
                c[f.predictedQueue()] = b.packetsPerFlow();
                per.add(c);
            }
            obs.add(new BurstObservation(b, new long[4], Optional.of(per), 1));
        }
        assertThat(DesignedVerdict.judge(DESIGN, obs, true, DesignedVerdict.Context.none()).verdict()).isEqualTo(Verdict.PASS);
        Burst b0 = DESIGN.bursts().get(0);
        List<long[]> per = new ArrayList<>(obs.get(0).perFlow().orElseThrow());
        long[] stray = new long[4];
        stray[(b0.queue() + 1) % 4] = b0.packetsPerFlow();
        per.set(0, stray);
        obs.set(0, new BurstObservation(b0, new long[4], Optional.of(per), 1));
        assertThat(DesignedVerdict.judge(DESIGN, obs, true, DesignedVerdict.Context.none()).verdict()).isEqualTo(Verdict.FAIL);
    }

    /**
     * Interrupt counts under {@code m} as NAPI leaves them: the queue that got most of a burst's flows raised one
     * interrupt, every other queue the burst used three; the split of interrupts is not the split of packets.
     */
    static List<BurstObservation> coalescedUnder(Mapping m) {
        List<BurstObservation> out = new ArrayList<>();
        for (Burst b : DESIGN.bursts()) {
            long[] flows = new long[4];
            b.flows().forEach(f -> flows[m.queueOf(f.flow())]++);
            int most = 0;
            for (int q = 1; q < 4; q++) {
                most = flows[q] > flows[most] ? q : most;
            }
            long[] interrupts = new long[4];
            for (int q = 0; q < 4; q++) {
                interrupts[q] = flows[q] == 0 ? 0 : q == most ? 1 : 3;
            }
            out.add(new BurstObservation(b, interrupts));
        }
        return out;
    }

    @Test
    void countingCoalescedInterruptsStillNamesTheShiftedKeyByTheQueuesInterrupted() {
        List<BurstObservation> obs = coalescedUnder(first(Explanation.SHIFTED_KEY));
        assertThat(obs).as("some burst's interrupts split unlike its flows").anyMatch(o -> java.util.Arrays.stream(o.excess())
                .filter(x -> x > 0).count() > 1);

        DesignedVerdict v = DesignedVerdict.judge(DESIGN, obs, false, DesignedVerdict.Context.none());

        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.cause()).as(v.summary()).isEqualTo(Explanation.SHIFTED_KEY);
    }

    @Test
    void aPassSaysItsExplanationInChinese() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(Mapping.predicted(KEY, TABLE)), true, DesignedVerdict.Context.none());

        assertThat(v.said().in(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("与预测一致：全部 ").contains(DESIGN.falsePassText())
                .doesNotContain("As predicted");
    }

    @Test
    void aFailNamesItsCauseAndWhatToDoInChinese() {
        DesignedVerdict v = DesignedVerdict.judge(DESIGN, under(first(Explanation.SHIFTED_KEY)), true, DesignedVerdict.Context.none());

        assertThat(v.said().in(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("与预测不符：").contains("原因：哈希密钥偏移了一个字节")
                .contains("请换用其他内核").doesNotContain("Cause:");
    }

}
