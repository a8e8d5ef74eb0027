package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import dev.nettune.linux.Reading;

import dev.nettune.host.Command;
import dev.nettune.host.ShellQuoting;
import dev.nettune.rss.RssKey;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.tuning.Journal.Outcome;
import dev.nettune.tuning.Journal.Phase;
import dev.nettune.tuning.Journal.PlanStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the sandbox instance: plans, applies, undo, and faults injected at every step of
 * a multi-step plan. After each fault the host is either fully applied or fully back at "before",
 * and the journal says which.
 */
class TuningOnSandboxTest {
    static final String KEY = RssKey.symmetric(40).toColonHex();

    @TempDir
    Path dir;
    SandboxInstance sandbox;
    SqliteJournal journal;
    TuningEngine engine;
    ApplyOptions options;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxInstance(42, 8, 4);
        journal = new SqliteJournal(Database.open(dir.resolve("nettune.db")));
        engine = new TuningEngine(journal);
        options = ApplyOptions.defaults(sandbox::connect).withSleeper(sandbox::advanceTime);
    }

    /** The seed's host steps 4-8 for eth1, plus an RSS key and table: eleven steps of every kind. */
    static Profile seedProfile() {
        return new Profile("seed steps 4-8", "", List.of(
                new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"),
                new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new ProfileEntry.PersistSysctls(null),
                SmcChange.seedValues(),
                new ProfileEntry.PersistSmc(),
                new XpsChange("eth1", 0, "0-3"),
                new XpsChange("eth1", 1, "4-7"),
                NetworkManagerChange.unmanage("eth1"),
                new ProfileEntry.PersistNetworkManager("eth1"),
                new RssKeyChange("eth1", KEY),
                new RssTableChange("eth1", "equal 2")));
    }

    private Plan plan(Profile p) throws Exception {
        return new Planner().plan(sandbox, p);
    }

    /** Every change of the plan read now: true when each is at its "after" (applied) or each at its "before". */
    private String hostState(Plan plan) throws Exception {
        List<Change> changes = plan.steps().stream().map(Step::change).toList();
        List<Reading<String>> now = Planner.readAll(sandbox, changes);
        boolean allAfter = true;
        boolean allBefore = true;
        for (int i = 0; i < changes.size(); i++) {
            Step s = plan.steps().get(i);
            String v = now.get(i).asOptional().orElse("?");
            allAfter &= s.change().satisfies(v, s.after());
            allBefore &= s.change().satisfies(v, s.before());
        }
        return allAfter ? "applied" : allBefore ? "before" : "half";
    }

    @Test
    void theSeedPlanHasOneStepPerDifferenceAndMarksTheSessionNicChangesCommitConfirmed() throws Exception {
        Plan plan = plan(seedProfile());

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.steps()).extracting(s -> s.change().target()).contains("sysctl net.ipv4.tcp_tw_reuse",
                "file /etc/sysctl.d/99-network-tuning.conf", "smc", "xps eth1 tx-0", "networkmanager eth1",
                "rss-key eth1", "rss-table eth1");
        assertThat(plan.steps()).filteredOn(Step::commitConfirmed).extracting(s -> s.change().target())
                .containsExactly("networkmanager eth1", "rss-key eth1", "rss-table eth1");
        assertThat(PlanPreview.text(plan)).contains("sudo sysctl -w net.ipv4.tcp_tw_reuse=1")
                .contains("| net.ipv4.tcp_fin_timeout = 15").contains("unmanaged-devices=interface-name:eth1")
                .contains("ethtool -X eth1 equal 2");
    }

    @Test
    void theSeedsSmcSysctlsThatThisKernelLacksAreSkippedWithTheKernelVersion() throws Exception {
        ApplyResult r = engine.apply(sandbox, plan(seedProfile()), options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).isEqualTo(PlanStatus.APPLIED);
        Plan again = plan(new Profile("smc", "", List.of(SmcChange.seedValues())));
        assertThat(again.nothingToDo()).isTrue();
        assertThat(plan(seedProfile()).steps()).isEmpty();
        Plan fresh = new Planner().plan(new SandboxInstance(7, 8, 4), new Profile("smc", "", List.of(SmcChange.seedValues())));
        assertThat(fresh.steps().get(0).notes()).anyMatch(n -> n.contains("each one this kernel lacks is skipped"));
    }

    @Test
    void applyingTheSeedProfileSetsEveryValueAndTheSecondApplyChangesNothing() throws Exception {
        Plan plan = plan(seedProfile());
        ApplyResult r = engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(hostState(plan)).isEqualTo("applied");
        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("15");
        assertThat(sandbox.rssKey("eth1").toColonHex()).isEqualTo(KEY);
        assertThat(sandbox.file("/etc/sysctl.d/99-network-tuning.conf").orElseThrow()).contains("net.ipv4.tcp_tw_reuse = 1");
        assertThat(sandbox.armedTimers()).isEmpty();
        assertThat(plan(seedProfile()).nothingToDo()).isTrue();
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.APPLIED);
        assertThat(journal.entries(Optional.of(plan.id()), Optional.empty())).allMatch(e -> e.outcome() == Outcome.APPLIED);
    }

    @Test
    void theXpsMaskIsWrittenAsTheKernelTakesItNotAsTheSeedsCpuList() throws Exception {
        engine.apply(sandbox, plan(new Profile("xps", "", List.of(new XpsChange("eth1", 0, "0-3")))), options,
                ApplyListener.NONE, new Cancellation());

        assertThat(sandbox.commandLog()).contains("sudo tee /sys/class/net/eth1/queues/tx-0/xps_cpus");
        assertThat(sandbox.run(Command.of("cat", "/sys/class/net/eth1/queues/tx-0/xps_cpus"), Duration.ofSeconds(1))
                .stdout().strip()).isIn("0f", "f");
    }

    /** Where a fault strikes: the step, and the kind. */
    enum Fault { CONNECTION_DROPPED, COMMAND_FAILS, READ_BACK_DIFFERS }

    static Stream<Arguments> faultAtEveryStep() throws Exception {
        int steps = new Planner().plan(new SandboxInstance(42, 8, 4), seedProfile()).steps().size();
        List<Arguments> a = new ArrayList<>();
        for (int k = 1; k <= steps; k++) {
            for (Fault f : Fault.values()) {
                a.add(Arguments.of(k, f));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{1} at step {0}")
    @MethodSource("faultAtEveryStep")
    void aFaultAtAnyStepLeavesTheHostFullyAppliedOrFullyBackAndTheJournalSaysWhich(int k, Fault fault) throws Exception {
        Plan plan = plan(seedProfile());
        Step target = plan.steps().get(k - 1);
        BiConsumer<Step, Phase> inject = (step, phase) -> {
            if (step.seq() != k || phase != Phase.APPLY) {
                return;
            }
            switch (fault) {
                case CONNECTION_DROPPED -> sandbox.faults().dropConnectionOnNextCall();
                case COMMAND_FAILS -> sandbox.faults().failNext(Pattern.quote(step.commands().get(0).display()), 1,
                        "injected failure\n");
                case READ_BACK_DIFFERS -> {
                    // The first read answers something else than what was set (for `test`, "absent").
                    Command read = step.change().readCommands().get(0);
                    sandbox.faults().failNext("^" + Pattern.quote(read.display()) + "$",
                            read.program().equals("test") ? 1 : 0, "");
                }
            }
        };
        ApplyListener listener = new ApplyListener() {
            @Override
            public void stepStarted(Step step, int total, Phase phase) {
                inject.accept(step, phase);
            }
        };

        ApplyResult r = engine.apply(sandbox, plan, options, listener, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(hostState(plan)).isEqualTo("before");
        assertThat(sandbox.armedTimers()).isEmpty();
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.ROLLED_BACK);
        List<Journal.Entry> entries = journal.entries(Optional.of(plan.id()), Optional.empty());
        Outcome expected = fault == Fault.READ_BACK_DIFFERS ? Outcome.MISMATCH : Outcome.FAILED;
        assertThat(entries).filteredOn(e -> e.phase() == Phase.APPLY && e.seq() == target.seq())
                .extracting(Journal.Entry::outcome).containsExactly(expected);
        assertThat(entries).filteredOn(e -> e.phase() == Phase.APPLY).hasSize(k);
        assertThat(entries).filteredOn(e -> e.phase() == Phase.ROLLBACK)
                .allMatch(e -> e.outcome() == Outcome.ROLLED_BACK).hasSize(k);
    }

    @Test
    void aCommitConfirmedChangeIsDisarmedOverAFreshConnection() throws Exception {
        Plan plan = plan(new Profile("key", "", List.of(new RssKeyChange("eth1", KEY))));
        List<String> messages = new ArrayList<>();

        ApplyResult r = engine.apply(sandbox, plan, options, new ApplyListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        }, new Cancellation());

        assertThat(r.status()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.rssKey("eth1").toColonHex()).isEqualTo(KEY);
        assertThat(sandbox.commandLog()).anyMatch(c -> c.startsWith("sudo systemd-run --on-active=60s --unit=nettune-revert-"))
                .anyMatch(c -> c.matches("sudo systemctl stop nettune-revert-.*\\.timer"));
        assertThat(sandbox.armedTimers()).isEmpty();
        sandbox.advanceTime(Duration.ofMinutes(5));
        assertThat(sandbox.rssKey("eth1").toColonHex()).isEqualTo(KEY);
        assertThat(messages).anyMatch(m -> m.contains("Confirmed over a new connection"));
    }

    @Test
    void whenNoFreshConnectionCanBeOpenedTheArmedRevertFiresAndTheHostIsBackAtBefore() throws Exception {
        RssKey before = sandbox.rssKey("eth1");
        var table = sandbox.indirectionTable("eth1");
        Plan plan = plan(new Profile("rss", "", List.of(new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new RssKeyChange("eth1", KEY), new RssTableChange("eth1", "equal 2"))));
        // Step 2 arms, applies and then cannot reconnect (as if the key change had cut the session).
        sandbox.faults().refuseNextConnections(1);

        ApplyResult r = engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.REVERTED_BY_HOST);
        assertThat(sandbox.rssKey("eth1")).isEqualTo(before);
        assertThat(sandbox.indirectionTable("eth1")).isEqualTo(table);
        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
        assertThat(sandbox.armedTimers()).isEmpty();
        assertThat(sandbox.commandLog()).anyMatch(c -> c.startsWith("(timer nettune-revert-"));
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.REVERTED_BY_HOST);
        assertThat(journal.entries(Optional.of(plan.id()), Optional.empty()))
                .extracting(Journal.Entry::phase, Journal.Entry::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple(Phase.APPLY, Outcome.UNCONFIRMED),
                        org.assertj.core.groups.Tuple.tuple(Phase.ROLLBACK, Outcome.REVERTED_BY_HOST));
    }

    @Test
    void withoutSystemdTheRevertIsADetachedSleeperThatTheConfirmationKills() throws Exception {
        sandbox.systemd(false);
        Plan plan = plan(new Profile("key", "", List.of(new RssKeyChange("eth1", KEY))));

        ApplyResult r = engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.commandLog()).anyMatch(c -> c.startsWith("sudo sh -c " + ShellQuoting.quote(ArmedRevert.DETACH_SCRIPT)))
                .anyMatch(c -> c.startsWith("sudo sh -c " + ShellQuoting.quote(ArmedRevert.KILL_SCRIPT) + " sh /run/nettune/nettune-revert-"));
        assertThat(sandbox.armedTimers()).isEmpty();
    }

    @Test
    void withoutSystemdAnUnconfirmedChangeIsRevertedByTheSleeper() throws Exception {
        sandbox.systemd(false);
        RssKey before = sandbox.rssKey("eth1");
        sandbox.faults().refuseNextConnections(1);

        ApplyResult r = engine.apply(sandbox, plan(new Profile("key", "", List.of(new RssKeyChange("eth1", KEY)))),
                options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).isEqualTo(PlanStatus.REVERTED_BY_HOST);
        assertThat(sandbox.rssKey("eth1")).isEqualTo(before);
    }

    @Test
    void cancellingBetweenStepsRollsBackWhatWasDone() throws Exception {
        Plan plan = plan(seedProfile());
        Cancellation cancel = new Cancellation();

        ApplyResult r = engine.apply(sandbox, plan, options, new ApplyListener() {
            @Override
            public void stepFinished(Step step, Phase phase, Outcome outcome, String message) {
                if (step.seq() == 3) {
                    cancel.cancel();
                }
            }
        }, cancel);

        assertThat(r.status()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(r.message()).startsWith("Cancelled after 3 of");
        assertThat(hostState(plan)).isEqualTo("before");
    }

    @Test
    void undoingAPlanFromTheJournalPutsEveryValueBack() throws Exception {
        Plan plan = plan(seedProfile());
        engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());

        ApplyResult undo = new Undo(engine).undoPlan(sandbox, plan.id(), options, ApplyListener.NONE, new Cancellation());

        assertThat(undo.status()).as(undo.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(hostState(plan)).isEqualTo("before");
        assertThat(sandbox.file("/etc/sysctl.d/99-network-tuning.conf")).isEmpty();
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.UNDONE);
        assertThat(journal.plans(Optional.empty()).get(0).undoes()).contains(plan.id());
    }

    @Test
    void undoingOneEntryPutsBackOnlyThatValue() throws Exception {
        Plan plan = plan(seedProfile());
        engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());
        Journal.Entry fin = journal.entries(Optional.of(plan.id()), Optional.empty()).stream()
                .filter(e -> e.target().equals("sysctl net.ipv4.tcp_fin_timeout")).findFirst().orElseThrow();

        new Undo(engine).undoEntry(sandbox, fin.id(), options, ApplyListener.NONE, new Cancellation());

        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains(fin.before());
        assertThat(sandbox.sysctlValue("net.ipv4.tcp_tw_reuse")).contains("1");
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.PARTLY_UNDONE);
    }

    /** NetTune "dies" in step 5: the listener throws, as a crash would stop the engine mid-plan. */
    private Plan crashAtStep5() throws Exception {
        Plan plan = plan(seedProfile());
        try {
            engine.apply(sandbox, plan, options, new ApplyListener() {
                @Override
                public void stepFinished(Step step, Phase phase, Outcome outcome, String message) {
                    if (step.seq() == 5) {
                        throw new IllegalStateException("NetTune died");
                    }
                }
            }, new Cancellation());
        } catch (IllegalStateException expected) {
            // The crash.
        }
        return plan;
    }

    @Test
    void aPlanNetTuneDiedInIsOfferedAsUnfinished() throws Exception {
        Plan plan = crashAtStep5();

        assertThat(journal.unfinished()).extracting(Journal.PlanRecord::id).containsExactly(plan.id());
        assertThat(hostState(plan)).isEqualTo("half");
    }

    @Test
    void anUnfinishedPlanCanBeFinished() throws Exception {
        Plan plan = crashAtStep5();

        ApplyResult r = new Undo(engine).finishUnfinished(sandbox, plan.id(), options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(hostState(plan)).isEqualTo("applied");
        assertThat(journal.unfinished()).isEmpty();
    }

    @Test
    void anUnfinishedPlanCanBeReverted() throws Exception {
        Plan plan = crashAtStep5();

        ApplyResult r = new Undo(engine).revertUnfinished(sandbox, plan.id(), options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(hostState(plan)).isEqualTo("before");
        assertThat(journal.unfinished()).isEmpty();
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.ROLLED_BACK);
    }

    @Test
    void aCpuThatIsNotOnlineIsAPlanProblemAndNothingIsSent() throws Exception {
        int before = sandbox.commandLog().size();
        Plan plan = plan(new Profile("xps", "", List.of(new XpsChange("eth1", 0, "0-3,12"), new XpsChange("eth1", 9, "1"))));

        assertThat(plan.applicable()).isFalse();
        assertThat(plan.problems()).anyMatch(p -> p.contains("CPU 12 is not online") && p.contains("0-7"))
                .anyMatch(p -> p.contains("has 4 TX queues (tx-0..tx-3), not tx-9") || p.contains("no TX queue 9"));
        assertThat(sandbox.commandLog().subList(before, sandbox.commandLog().size()))
                .noneMatch(c -> c.startsWith("sudo"));
    }
}
