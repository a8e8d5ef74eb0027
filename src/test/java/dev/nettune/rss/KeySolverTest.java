package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeySolverTest {

    private static final IndirectionTable EQUAL4 = TableSpec.equal(4).build(OptionalInt.of(4));

    private static KeySolver.Options seeded(long seed) {
        return KeySolver.Options.defaults().withRandom(new Random(seed));
    }

    /** Checks with an independent calculator that every goal is met by the key. */
    private static void assertEveryFlowLandsWhereAsked(IndirectionTable table, List<KeySolver.Goal> goals, KeySolver.Result r) {
        assertThat(r.solved()).as("conflicts: %s", r.conflicts()).isTrue();
        RssKey key = r.solution().orElseThrow().key();
        for (KeySolver.Goal g : goals) {
            int h = ReferenceToeplitz.hash(key, g.flow());
            int index = (int) Long.remainderUnsigned(h & 0xffffffffL, table.size());
            if (g.target().bucket()) {
                assertThat(index).as("%s", g.flow()).isEqualTo(g.target().value());
            } else {
                assertThat(table.entry(index)).as("%s", g.flow()).isEqualTo(g.target().value());
            }
        }
    }

    private static Flow randomFlow(Random r, boolean ipv6) {
        byte[] s = new byte[ipv6 ? 16 : 4];
        byte[] d = new byte[ipv6 ? 16 : 4];
        r.nextBytes(s);
        r.nextBytes(d);
        return new Flow(IpAddress.of(s), IpAddress.of(d), r.nextInt(65536), r.nextInt(65536), Protocol.TCP);
    }

    @Test
    void solvesAKeyThatSendsEachFlowToItsQueue() {
        List<KeySolver.Goal> goals = List.of(
                KeySolver.Goal.toQueue(Flow.tcp("10.0.0.252", "10.0.0.5", 10000, 80), 0),
                KeySolver.Goal.toQueue(Flow.tcp("10.0.0.252", "10.0.0.5", 10001, 80), 1),
                KeySolver.Goal.toQueue(Flow.tcp("10.0.0.252", "10.0.0.5", 10002, 80), 2),
                KeySolver.Goal.toQueue(Flow.tcp("10.0.0.252", "10.0.0.5", 10003, 80), 3));
        KeySolver.Result r = new KeySolver(EQUAL4).solve(goals, seeded(1));
        assertEveryFlowLandsWhereAsked(EQUAL4, goals, r);
        KeySolver.Solution s = r.solution().orElseThrow();
        assertThat(s.key().length()).isEqualTo(40);
        assertThat(s.placements()).extracting(KeySolver.Placement::queue).containsExactly(0, 1, 2, 3);
        assertThat(s.bucketsUsed()).hasSizeBetween(1, 4).allSatisfy(b -> assertThat(b).isBetween(0, 127));
    }

    @ParameterizedTest(name = "table {0}")
    @ValueSource(strings = {"equal 4", "equal 64", "weight 6 4", "start 2 equal 40", "weight 1 2 3 4 5 6 7"})
    void randomFlowsToRandomQueuesAreAlwaysSolvedAndVerified(String spec) {
        IndirectionTable table = TableSpec.parse(spec).build(OptionalInt.empty());
        int[] queues = table.bucketsPerQueue().entrySet().stream().filter(e -> e.getValue() > 0).mapToInt(e -> e.getKey()).toArray();
        Random r = new Random(spec.hashCode());
        for (int trial = 0; trial < 25; trial++) {
            List<KeySolver.Goal> goals = new ArrayList<>();
            int n = 1 + r.nextInt(20);
            for (int i = 0; i < n; i++) {
                goals.add(KeySolver.Goal.toQueue(randomFlow(r, r.nextInt(4) == 0), queues[r.nextInt(queues.length)]));
            }
            assertEveryFlowLandsWhereAsked(table, goals, new KeySolver(table).solve(goals, seeded(trial)));
        }
    }

    @Test
    void solvesForBucketsToo() {
        List<KeySolver.Goal> goals = List.of(
                new KeySolver.Goal(Flow.tcp("10.0.0.251", "10.0.0.1", 18042, 26000), FlowTarget.bucket(117)),
                new KeySolver.Goal(Flow.udp("fd00::1", "fd00::2", 53, 5353), FlowTarget.bucket(5)));
        KeySolver.Result r = new KeySolver(EQUAL4).solve(goals, seeded(2));
        assertEveryFlowLandsWhereAsked(EQUAL4, goals, r);
        assertThat(r.solution().orElseThrow().bucketsUsed()).containsExactly(5, 117);
    }

    @Test
    void solvesForATableWhoseSizeIsNotAPowerOfTwo() {
        // Each flow pins all 32 hash bits here, and an IPv4 4-tuple reads only key bits 0-126:
        // three flows (96 equations) fit.
        IndirectionTable t = TableSpec.equal(3).build(100, OptionalInt.of(3));
        Random rnd = new Random(3);
        List<KeySolver.Goal> goals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            goals.add(KeySolver.Goal.toQueue(randomFlow(rnd, false), i % 3));
        }
        assertEveryFlowLandsWhereAsked(t, goals, new KeySolver(t).solve(goals, seeded(3)));
    }

    @Test
    void identicalTuplesWantingDifferentQueuesConflictByName() {
        Flow f = Flow.tcp("10.0.0.1", "10.0.0.2", 1000, 80);
        KeySolver.Result r = new KeySolver(EQUAL4).solve(List.of(
                KeySolver.Goal.toQueue(Flow.tcp("10.0.0.9", "10.0.0.2", 1, 2), 3),
                KeySolver.Goal.toQueue(f, 1),
                KeySolver.Goal.toQueue(new Flow(f.source(), f.destination(), 1000, 80, Protocol.UDP), 2)), seeded(4));
        assertThat(r.solved()).isFalse();
        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.goals()).containsExactly(2, 3);
            assertThat(c.reason()).startsWith("Flows 2 and 3 hash the same tuple").contains("no key can separate identical tuples");
        });
    }

    @Test
    void identicalTuplesWantingTheSameQueueAreFine() {
        Flow f = Flow.tcp("10.0.0.1", "10.0.0.2", 1000, 80);
        List<KeySolver.Goal> goals = List.of(KeySolver.Goal.toQueue(f, 1), KeySolver.Goal.toQueue(f, 1));
        assertEveryFlowLandsWhereAsked(EQUAL4, goals, new KeySolver(EQUAL4).solve(goals, seeded(5)));
    }

    @Test
    void linearlyDependentTuplesWithIncompatibleQueuesConflictNamingExactlyThem() {
        // hash(a XOR b) = hash(a) XOR hash(b): flow 4's tuple is flow 1's XOR flow 2's, so its low
        // bits are theirs XORed: queues 1 and 2 (low bits 01, 10) force queue 3 (11), never 0.
        Flow a = Flow.tcp("10.0.0.1", "10.0.0.2", 1000, 80);
        Flow b = Flow.tcp("10.0.0.3", "10.0.0.2", 2000, 80);
        Flow x = Flow.tcp("0.0.0.2", "0.0.0.0", 1000 ^ 2000, 0);
        Flow other = Flow.tcp("192.168.1.1", "192.168.1.2", 4444, 443);
        List<KeySolver.Goal> goals = List.of(KeySolver.Goal.toQueue(a, 1), KeySolver.Goal.toQueue(b, 2),
                KeySolver.Goal.toQueue(other, 0), KeySolver.Goal.toQueue(x, 0));
        KeySolver.Result r = new KeySolver(EQUAL4).solve(goals, seeded(6));
        assertThat(r.solved()).isFalse();
        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.goals()).containsExactly(1, 2, 4);
            assertThat(c.reason()).startsWith("Flows 1, 2 and 4 cannot all be met").contains("linearly dependent");
        });
    }

    @Test
    void theSameDependentTuplesWithCompatibleQueuesAreSolved() {
        Flow a = Flow.tcp("10.0.0.1", "10.0.0.2", 1000, 80);
        Flow b = Flow.tcp("10.0.0.3", "10.0.0.2", 2000, 80);
        Flow x = Flow.tcp("0.0.0.2", "0.0.0.0", 1000 ^ 2000, 0);
        List<KeySolver.Goal> goals = List.of(KeySolver.Goal.toQueue(a, 1), KeySolver.Goal.toQueue(b, 2),
                KeySolver.Goal.toQueue(x, 3));
        assertEveryFlowLandsWhereAsked(EQUAL4, goals, new KeySolver(EQUAL4).solve(goals, seeded(7)));
    }

    @Test
    void backtracksWhenAnEarlierBucketChoiceRulesOutALaterFlow() {
        // Table 0,1,1,1: queue 1 owns buckets 1, 2 and 3, not an affine set. x = a XOR b lands in
        // bucket(a) XOR bucket(b), which is queue 0 whenever a and b took the same bucket, so a
        // first choice that is wrong must be undone. Every seed must still find the key.
        IndirectionTable t = IndirectionTable.of(new int[] {0, 1, 1, 1});
        Flow a = Flow.tcp("10.0.0.1", "10.0.0.2", 1000, 80);
        Flow b = Flow.tcp("10.0.0.3", "10.0.0.2", 2000, 80);
        Flow x = Flow.tcp("0.0.0.2", "0.0.0.0", 1000 ^ 2000, 0);
        List<KeySolver.Goal> goals = List.of(KeySolver.Goal.toQueue(a, 1), KeySolver.Goal.toQueue(b, 1), KeySolver.Goal.toQueue(x, 1));
        int backtracked = 0;
        for (long seed = 0; seed < 30; seed++) {
            KeySolver.Result r = new KeySolver(t).solve(goals, seeded(seed));
            assertEveryFlowLandsWhereAsked(t, goals, r);
            if (r.tries() > 3) {
                backtracked++;
            }
        }
        assertThat(backtracked).as("seeds whose first choices failed").isPositive();
    }

    @Test
    void exhaustsEveryBucketChoiceBeforeReportingAConflict() {
        // Same table: a to queue 0 (bucket 0) and b to queue 1 put x in bucket(b), never queue 0.
        IndirectionTable t = IndirectionTable.of(new int[] {0, 1, 1, 1});
        Flow a = Flow.tcp("10.0.0.1", "10.0.0.2", 1000, 80);
        Flow b = Flow.tcp("10.0.0.3", "10.0.0.2", 2000, 80);
        Flow x = Flow.tcp("0.0.0.2", "0.0.0.0", 1000 ^ 2000, 0);
        KeySolver.Result r = new KeySolver(t).solve(List.of(KeySolver.Goal.toQueue(a, 0), KeySolver.Goal.toQueue(b, 1),
                KeySolver.Goal.toQueue(x, 0)), seeded(17));
        assertThat(r.solved()).isFalse();
        assertThat(r.tries()).isGreaterThanOrEqualTo(3);
        assertThat(r.conflicts()).singleElement().satisfies(c -> assertThat(c.goals()).containsExactly(1, 2, 3));
    }

    @Test
    void allZeroTupleCanOnlyReachBucketZero() {
        Flow zero = Flow.tcp("0.0.0.0", "0.0.0.0", 0, 0);
        KeySolver.Result r = new KeySolver(EQUAL4).solve(List.of(KeySolver.Goal.toQueue(zero, 1)), seeded(8));
        assertThat(r.solved()).isFalse();
        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.goals()).containsExactly(1);
            assertThat(c.reason()).startsWith("Flow 1 (tcp 0.0.0.0:0 -> 0.0.0.0:0) cannot reach queue 1 with any key");
        });
    }

    @Test
    void nonIpFlowCanOnlyBeSentToQueueZero() {
        Flow arp = new Flow(null, null, 0, 0, Protocol.NON_IP);
        KeySolver.Result bad = new KeySolver(EQUAL4).solve(List.of(KeySolver.Goal.toQueue(arp, 2)), seeded(9));
        assertThat(bad.conflicts()).singleElement().extracting(KeySolver.Conflict::reason).asString()
                .contains("non-IP").contains("queue 0");
        assertThat(new KeySolver(EQUAL4).solve(List.of(KeySolver.Goal.toQueue(arp, 0)), seeded(9)).solved()).isTrue();
    }

    @Test
    void tooManyIndependentFlowsForTheKeyAreReportedNotSolved() {
        // 60 flows x 7 bucket bits is more than a 40-byte key's 320 bits can satisfy.
        Random rnd = new Random(10);
        List<KeySolver.Goal> goals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            goals.add(new KeySolver.Goal(randomFlow(rnd, true), FlowTarget.bucket(rnd.nextInt(128))));
        }
        KeySolver.Result r = new KeySolver(EQUAL4).solve(goals, seeded(10).withMaxTries(5_000));
        assertThat(r.solved()).isFalse();
        assertThat(r.conflicts()).singleElement().satisfies(c -> assertThat(c.goals()).hasSizeGreaterThan(1));
    }

    @Test
    void baseKeyFreeBitsChangeOnlyAFewBitsOfTheBase() {
        Flow f = Flow.tcp("10.0.0.251", "10.0.0.1", 18042, 26000);
        int current = new RssCalculator(RssKey.MICROSOFT, EQUAL4).calculate(f).queue();
        List<KeySolver.Goal> goals = List.of(KeySolver.Goal.toQueue(f, (current + 1) % 4));
        KeySolver.Result r = new KeySolver(EQUAL4).solve(goals, seeded(11).withBaseKey(RssKey.MICROSOFT));
        assertEveryFlowLandsWhereAsked(EQUAL4, goals, r);
        byte[] a = r.solution().orElseThrow().key().bytes();
        byte[] b = RssKey.MICROSOFT.bytes();
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            differing += Integer.bitCount((a[i] ^ b[i]) & 0xff);
        }
        assertThat(differing).isBetween(1, 7);
    }

    @Test
    void zeroFreeBitsGiveTheSparsestKeyAndRandomOnesALooksRandomKey() {
        List<KeySolver.Goal> goals = List.of(KeySolver.Goal.toQueue(Flow.tcp("10.0.0.1", "10.0.0.2", 1, 2), 3));
        RssKey sparse = new KeySolver(EQUAL4).solve(goals, seeded(12).withFreeBits(KeySolver.FreeBits.ZERO)).solution().orElseThrow().key();
        RssKey random = new KeySolver(EQUAL4).solve(goals, seeded(12)).solution().orElseThrow().key();
        assertThat(ones(sparse)).isBetween(1, 7);
        assertThat(ones(random)).isBetween(100, 220);
    }

    private static int ones(RssKey k) {
        int n = 0;
        for (byte x : k.bytes()) {
            n += Integer.bitCount(x & 0xff);
        }
        return n;
    }

    @Test
    void shorterKeysCanBeSolvedForIpv4() {
        List<KeySolver.Goal> goals = List.of(KeySolver.Goal.toQueue(Flow.tcp("10.0.0.1", "10.0.0.2", 1, 2), 2));
        KeySolver.Result r = new KeySolver(EQUAL4).solve(goals, seeded(13).withKeyLength(16));
        assertEveryFlowLandsWhereAsked(EQUAL4, goals, r);
        assertThat(r.solution().orElseThrow().key().length()).isEqualTo(16);
    }

    @Test
    void moreGoalsThanTheLimitAreBadInput() {
        List<KeySolver.Goal> goals = new ArrayList<>();
        for (int i = 0; i <= KeySolver.MAX_GOALS; i++) {
            goals.add(KeySolver.Goal.toQueue(Flow.tcp("10.0.0.1", "10.0.0.2", i, 80), 0));
        }
        assertThatThrownBy(() -> new KeySolver(EQUAL4).solve(goals, seeded(15)))
                .isInstanceOf(RssInputException.class).hasMessageStartingWith("2001 flows are too many to solve for: at most 2000");
    }

    @Test
    void manyIdenticalGoalsAreSolvedWithoutDeepTrouble() {
        List<KeySolver.Goal> goals = new ArrayList<>();
        for (int i = 0; i < KeySolver.MAX_GOALS; i++) {
            goals.add(KeySolver.Goal.toQueue(Flow.tcp("10.0.0.1", "10.0.0.2", 1000 + i % 3, 80), i % 3));
        }
        assertEveryFlowLandsWhereAsked(EQUAL4, goals, new KeySolver(EQUAL4).solve(goals, seeded(16)));
    }

    @Test
    void anInterruptedSearchStops() {
        Random rnd = new Random(18);
        List<KeySolver.Goal> goals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            goals.add(KeySolver.Goal.toQueue(randomFlow(rnd, false), rnd.nextInt(4)));
        }
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new KeySolver(EQUAL4).solve(goals, seeded(18)))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void unreachableQueueIsBadInput() {
        assertThatThrownBy(() -> new KeySolver(EQUAL4).solve(List.of(KeySolver.Goal.toQueue(Flow.tcp("10.0.0.1", "10.0.0.2", 1, 2), 9)),
                seeded(14))).isInstanceOf(RssInputException.class).hasMessageStartingWith("Queue 9 has no bucket in this table");
    }
}
