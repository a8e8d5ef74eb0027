package dev.nettune.ui.calculator;

import dev.nettune.ui.common.TestTasks;
import dev.nettune.ui.common.BackgroundWork;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Distribution;
import dev.nettune.rss.FlowPopulation;
import dev.nettune.rss.KeySolver;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution, reverse search and key solving panels, without the FX toolkit: the work runs
 * on the calling thread (both executors direct), so each test reads the outcome right after run().
 */
class AnalysisViewModelsTest {
    private CalculatorViewModel calculator;
    private DistributionViewModel distribution;
    private ReverseSearchViewModel reverse;
    private KeySolverViewModel solver;

    @BeforeEach
    void setUp() {
        calculator = new CalculatorViewModel();
        calculator.keyTextProperty().set(RssKey.MICROSOFT.toColonHex());
        calculator.equalQueuesProperty().set("4");
        // The seed's scenario 1 hosts: 10.0.0.252 sends to the ENI 10.0.0.5.
        calculator.sourceProperty().set("10.0.0.252");
        calculator.destinationProperty().set("10.0.0.5");
        distribution = new DistributionViewModel(calculator, direct());
        reverse = new ReverseSearchViewModel(calculator, direct());
        solver = new KeySolverViewModel(calculator, direct());
    }

    private static BackgroundWork direct() {
        return TestTasks.sameThread().newWork();
    }

    private static RssCalculator microsoftEqual4() {
        return new RssCalculator(RssKey.MICROSOFT, TableSpec.equal(4).build(OptionalInt.empty()));
    }

    @Test
    void scenarioOneCountsTheSeedsTenThousandPacketsPerQueue() {
        distribution.run();

        Distribution expected = Distribution.of(microsoftEqual4(),
                FlowPopulation.Hping.randomDestinationPorts("10.0.0.252", "10.0.0.5", 10_000, 10_000, 1));
        assertThat(distribution.queues()).extracting(Distribution.QueueLoad::flows)
                .containsExactly(expected.queueFlows()[0], expected.queueFlows()[1], expected.queueFlows()[2], expected.queueFlows()[3]);
        assertThat(distribution.queues()).extracting(Distribution.QueueLoad::expectedShare).containsOnly(0.25);
        assertThat(distribution.summaryProperty().get()).startsWith("10,000 flows").contains("Chi-square p =");
        assertThat(distribution.work().statusProperty().get()).isEqualTo("10,000 flows measured.");
        assertThat(distribution.work().progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aSweepCountsEveryPortOfTheRange() {
        distribution.scenarioProperty().set(PopulationChoice.SWEEP);
        distribution.sweepSideProperty().set(PortSide.DESTINATION);
        distribution.sweepFromProperty().set("2000");
        distribution.sweepToProperty().set("2999");

        distribution.run();

        assertThat(distribution.resultProperty().get().flows()).isEqualTo(1000);
    }

    @Test
    void aBackwardsSweepSaysSoInTheStatus() {
        distribution.scenarioProperty().set(PopulationChoice.SWEEP);
        distribution.sweepFromProperty().set("3000");
        distribution.sweepToProperty().set("2000");

        distribution.run();

        assertThat(distribution.work().failedProperty().get()).isTrue();
        assertThat(distribution.work().statusProperty().get()).contains("backwards");
        assertThat(distribution.queues()).isEmpty();
    }

    @Test
    void aCsvFileIsMeasuredAndItsBadRowsAreNamed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("flows.csv");
        Files.writeString(csv, "src,dst,sport,dport\n10.0.0.1,10.0.0.5,1000,80\n10.0.0.1,10.0.0.5,1001,80\n10.0.0.1,10.0.0.999,1,2\n");
        distribution.scenarioProperty().set(PopulationChoice.CSV);
        distribution.csvFileProperty().set(csv);

        distribution.run();

        assertThat(distribution.resultProperty().get().flows()).isEqualTo(2);
        assertThat(distribution.summaryProperty().get()).contains("1 bad row(s) skipped, first: line 4");
    }

    @Test
    void csvWithoutAFileAsksForOne() {
        distribution.scenarioProperty().set(PopulationChoice.CSV);

        distribution.run();

        assertThat(distribution.work().statusProperty().get()).startsWith("Choose a CSV file");
    }

    @Test
    void aBadPacketCountIsRefusedWithTheRange() {
        distribution.packetsProperty().set("0");

        distribution.run();

        assertThat(distribution.work().statusProperty().get()).contains("Packets '0'").contains("1-100,000,000");
    }

    @Test
    void reverseSearchListsThePortsThatReachTheQueueWithTheirBuckets() {
        calculator.destinationPortProperty().set("80");
        reverse.fromProperty().set("10000");
        reverse.toProperty().set("10099");
        reverse.targetProperty().set("3");

        reverse.run();

        assertThat(reverse.ports()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.queue()).isEqualTo(3);
            assertThat(r.bucket() % 4).isEqualTo(3);
            assertThat(microsoftEqual4().calculate(dev.nettune.rss.Flow.tcp("10.0.0.252", "10.0.0.5", r.port(), 80)).queue())
                    .isEqualTo(3);
        });
        assertThat(reverse.summaryProperty().get()).contains("of 100 source ports 10000-10099").contains("queue 3");
    }

    @Test
    void aDistributionExportsOneRowPerQueueAndOnePerBucket(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        distribution.run();
        java.nio.file.Path csv = dir.resolve("d.csv");

        distribution.exportCsv(csv);

        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("kind,index,queue,buckets,flows,share,expected_share");
        assertThat(lines).filteredOn(l -> l.startsWith("queue,")).hasSize(4);
        assertThat(lines).filteredOn(l -> l.startsWith("bucket,")).hasSize(128);
        long bucketFlows = lines.stream().filter(l -> l.startsWith("bucket,")).mapToLong(l -> Long.parseLong(l.split(",")[4])).sum();
        assertThat(bucketFlows).isEqualTo(distribution.resultProperty().get().hashedFlows());
        assertThat(distribution.work().statusProperty().get()).isEqualTo("Saved " + csv + ".");
    }

    @Test
    void nothingMeasuredMeansNothingToExport() {
        org.assertj.core.api.Assertions.assertThatThrownBy(distribution::csv).hasMessageContaining("press Measure first");
    }

    @Test
    void aReverseSearchExportsItsPorts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        calculator.destinationPortProperty().set("80");
        reverse.fromProperty().set("10000");
        reverse.toProperty().set("10099");
        reverse.targetProperty().set("3");
        reverse.run();
        java.nio.file.Path csv = dir.resolve("r.csv");

        reverse.exportCsv(csv);

        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("port,hash,bucket,queue");
        assertThat(lines).hasSize(reverse.ports().size() + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).endsWith(",3"));
    }

    @Test
    void reverseSearchToAQueueTheTableDoesNotUseSaysWhichItUses() {
        reverse.targetProperty().set("9");

        reverse.run();

        assertThat(reverse.work().statusProperty().get()).contains("Queue 9 has no bucket").contains("0, 1, 2, 3");
    }

    @Test
    void reverseSearchNeedsPorts() {
        calculator.protocolProperty().set(Protocol.ICMP);

        reverse.run();

        assertThat(reverse.work().statusProperty().get()).contains("tcp or udp");
    }

    @Test
    void theSolvedKeySendsEveryExampleFlowToItsQueue() {
        solver.run();

        assertThat(solver.work().statusProperty().get()).startsWith("Solved");
        assertThat(solver.placements()).hasSize(4).allSatisfy(p -> assertThat(p.queue()).isEqualTo(p.goal() - 1));
        RssCalculator withKey = new RssCalculator(solver.solvedKeyProperty().get(), calculator.tableProperty().get());
        assertThat(withKey.calculate(dev.nettune.rss.Flow.tcp("10.0.0.254", "10.0.0.5", 40003, 80)).queue()).isEqualTo(2);
        assertThat(solver.bucketsUsedProperty().get()).isNotEmpty();
    }

    @Test
    void theExampleIsSolvableOnTheTableTheScreenOpensWith() {
        KeySolverViewModel fresh = new KeySolverViewModel(new CalculatorViewModel(), direct());

        fresh.run();

        assertThat(fresh.placements()).extracting(KeySolver.Placement::queue).containsExactly(0, 1, 2, 3);
    }

    @Test
    void consecutivePortsToConsecutiveQueuesOf64AreTiedTogether() {
        calculator.equalQueuesProperty().set("64");
        solver.goalsProperty().set("10.0.0.252,10.0.0.5,10000,80,0\n10.0.0.252,10.0.0.5,10001,80,1\n"
                + "10.0.0.252,10.0.0.5,10002,80,2\n");

        solver.run();

        assertThat(solver.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.goals()).containsExactly(1, 2, 3);
            assertThat(c.reason()).contains("linearly dependent");
        });
    }

    @Test
    void usingTheSolvedKeyPutsItInTheCalculator() {
        solver.run();

        solver.useSolvedKey();

        assertThat(calculator.keyProperty().get()).isEqualTo(solver.solvedKeyProperty().get());
    }

    @Test
    void theSameTupleSentToTwoQueuesIsAConflictNamingBoth() {
        solver.goalsProperty().set("10.0.0.252,10.0.0.5,10000,80,0\n10.0.0.252,10.0.0.5,10000,80,1\n");

        solver.run();

        assertThat(solver.conflicts()).hasSize(1);
        assertThat(solver.conflicts().get(0).goals()).containsExactly(1, 2);
        assertThat(solver.placements()).isEmpty();
        assertThat(solver.solvedKeyTextProperty().get()).isEmpty();
    }

    @Test
    void aBadGoalRowIsNamedByItsLine() {
        solver.goalsProperty().set("10.0.0.252,10.0.0.5,10000,80,0\n10.0.0.252,10.0.0.5,10000,80\n");

        solver.run();

        assertThat(solver.work().statusProperty().get()).contains("line 2").contains("5 columns");
    }

    @Test
    void freeBitsFromTheCurrentKeyKeepTheKeysOtherBits() {
        solver.freeBitsProperty().set(KeySolver.FreeBits.BASE_KEY);
        solver.goalsProperty().set("10.0.0.252,10.0.0.5,10000,80,1\n");

        solver.run();

        // One IPv4 4-tuple reads key bits 0-126 only: the last bytes come from the base key unchanged.
        assertThat(solver.solvedKeyProperty().get().byteAt(39)).isEqualTo(RssKey.MICROSOFT.byteAt(39));
    }

    @Test
    void addingTheCurrentFlowAppendsItWithItsQueue() {
        solver.goalsProperty().set("");
        calculator.sourcePortProperty().set("1234");
        calculator.destinationPortProperty().set("80");

        solver.addCurrentFlow();

        assertThat(solver.goalsProperty().get()).isEqualTo("10.0.0.252,10.0.0.5,1234,80," + calculator.queueProperty().get() + "\n");
    }
}
