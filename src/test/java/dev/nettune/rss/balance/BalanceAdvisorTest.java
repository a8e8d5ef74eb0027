package dev.nettune.rss.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BalanceAdvisorTest {
    private static final IndirectionTable EQUAL8 = IndirectionTable.equal(128, 8, 0, OptionalInt.of(8));
    private final BalanceAdvisor advisor = new BalanceAdvisor(new KeySearch.Options(5_000, 20_000_000L, 1));
    /** The product's own budget, for the tests that ask how far a search gets. */
    private final BalanceAdvisor thorough = new BalanceAdvisor(new KeySearch.Options(50_000, 200_000_000L, 1));

    private BalanceReport advise(List<ObservedFlow> flows, IndirectionTable t) {
        return advisor.advise(flows, RssKey.MICROSOFT, t, EnumSet.allOf(BalanceMode.class), () -> false);
    }

    @Test
    void noProposalIsEverWorseThanToday() {
        for (long seed = 1; seed <= 8; seed++) {
            List<ObservedFlow> flows = SkewedFlows.generate(seed, (int) seed, 20_000 * seed, 500 * (int) seed, seed % 3 == 0);
            BalanceReport r = advise(flows, seed % 2 == 0 ? EQUAL8 : IndirectionTable.weight(128, List.of(5, 1, 1, 1), 0, OptionalInt.of(4)));
            for (BalanceProposal p : r.proposals()) {
                assertThat(p.stats().maxOverMean()).as(p.mode() + " seed " + seed).isLessThanOrEqualTo(r.today().maxOverMean());
            }
        }
    }

    @Test
    void aKeyAndWeightsReachTenPercentWhenNoFlowIsTooHeavy() {
        // Heavy flows well under a queue's fair share, many mice on clustered ports: balanceable.
        List<ObservedFlow> flows = SkewedFlows.generate(11, 6, 20_000, 4000, false);
        BalanceReport r = thorough.advise(flows, RssKey.MICROSOFT, EQUAL8, EnumSet.allOf(BalanceMode.class), () -> false);
        assertThat(r.elephants().present()).isFalse();
        assertThat(r.today().maxOverMean()).isGreaterThan(1.10);
        assertThat(r.proposal(BalanceMode.BOTH).orElseThrow().stats().maxOverMean()).isLessThanOrEqualTo(1.10);
        assertThat(r.proposal(BalanceMode.RETA).orElseThrow().stats().maxOverMean()).isLessThanOrEqualTo(1.10);
    }

    @Test
    void aKeyAloneReachesTenPercentWhenTheHeavyFlowsCanBeParted() {
        // 16 equal heavy flows over 8 queues balance only when a key puts exactly two in each queue;
        // the mice are 10 % of the load. A linear map of the inputs has to part them.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(21);
        List<ObservedFlow> flows = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long w = i < 16 ? 10_000 : 1 + rnd.nextInt(20);
            flows.add(new ObservedFlow(dev.nettune.rss.Flow.tcp("10.1." + rnd.nextInt(256) + "." + rnd.nextInt(256), "10.0.0.5",
                    32768 + rnd.nextInt(28232), 5201), w));
        }
        BalanceReport r = advise(flows, EQUAL8);
        assertThat(r.elephants().present()).isFalse();
        assertThat(r.today().maxOverMean()).isGreaterThan(1.10);
        assertThat(r.proposal(BalanceMode.KEY).orElseThrow().stats().maxOverMean()).isLessThanOrEqualTo(1.10);
    }

    @Test
    void anIpv6PopulationIsBalancedToo() {
        List<ObservedFlow> flows = SkewedFlows.generate(12, 6, 20_000, 4000, true);
        BalanceReport r = thorough.advise(flows, RssKey.MICROSOFT, EQUAL8, EnumSet.of(BalanceMode.BOTH), () -> false);
        assertThat(r.proposal(BalanceMode.BOTH).orElseThrow().stats().maxOverMean()).isLessThanOrEqualTo(1.10);
    }

    @Test
    void aKeyProposalIsVerifiedByHashingEveryFlowAgain() {
        List<ObservedFlow> flows = SkewedFlows.generate(13, 6, 20_000, 4000, false);
        BalanceProposal p = advise(flows, EQUAL8).proposal(BalanceMode.KEY).orElseThrow();
        RssKey k = p.key().orElseThrow();
        long[] again = BucketLoads.of(flows, new ToeplitzHash(k), 128);
        assertThat(again).isEqualTo(p.bucketLoads());
        assertThat(QueueSpan.of(EQUAL8).stats(again, EQUAL8.entries()).maxOverMean()).isEqualTo(p.stats().maxOverMean());
    }

    @Test
    void weightsProposalsReproduceExactlyThroughEthtoolsFill() {
        List<ObservedFlow> flows = SkewedFlows.generate(14, 3, 30_000, 2000, false);
        BalanceProposal p = advise(flows, EQUAL8).proposal(BalanceMode.BOTH).orElseThrow();
        IndirectionTable filled = p.weights().orElseThrow().build(128, OptionalInt.of(8));
        assertThat(filled).isEqualTo(p.table());
    }

    @Test
    void anElephantHeavierThanAQueueIsNamedAndBoundsEveryProposal() {
        List<ObservedFlow> flows = new java.util.ArrayList<>(SkewedFlows.generate(15, 0, 1, 2000, false));
        ObservedFlow elephant = new ObservedFlow(dev.nettune.rss.Flow.tcp("10.0.9.9", "10.0.0.5", 50000, 5201), 1_000_000);
        flows.add(elephant);
        BalanceReport r = advise(flows, EQUAL8);
        assertThat(r.elephants().flows()).containsExactly(elephant);
        assertThat(r.elephants().warning()).contains("10.0.9.9:50000 -> 10.0.0.5:5201").contains("one queue by design");
        for (BalanceProposal p : r.proposals()) {
            assertThat(p.stats().maxOverMean()).isGreaterThanOrEqualTo(r.elephants().lowerBoundMaxOverMean() - 1e-9);
        }
    }

    @Test
    void aBalancedTodayKeepsItsMappingAndSaysSo() {
        List<ObservedFlow> flows = List.of(
                new ObservedFlow(dev.nettune.rss.Flow.tcp("10.0.0.1", "10.0.0.5", 1000, 80), 10));
        BalanceReport r = advisor.advise(flows, RssKey.MICROSOFT, IndirectionTable.equal(128, 1, 0, OptionalInt.of(1)),
                EnumSet.allOf(BalanceMode.class), () -> false);
        assertThat(r.proposals()).allSatisfy(p -> {
            assertThat(p.improves()).isFalse();
            assertThat(p.changes()).isFalse();
            assertThat(p.note()).contains("keep it");
        });
    }

    @Test
    void aRetaProposalSpreadsBucketsOverEveryQueue() {
        List<ObservedFlow> flows = SkewedFlows.generate(16, 5, 20_000, 3000, false);
        BalanceProposal p = advise(flows, EQUAL8).proposal(BalanceMode.RETA).orElseThrow();
        assertThat(p.improves()).isTrue();
        assertThat(p.table().bucketsPerQueue().values()).allSatisfy(c -> assertThat(c).isPositive());
    }
}
