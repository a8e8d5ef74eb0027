package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.testing.KillingHost;
import dev.nettune.tuning.Journal.PlanStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery after NetTune is killed in the middle of the built-in profile on the sandbox: finish reads
 * a PENDING step back instead of counting it done, revert leaves no temporary file, undo covers the
 * apply and the finish that completed it, and one run at a time holds the host.
 */
class RecoveryOnSandboxTest {
    static final String CONF = SysctlFileChange.DEFAULT_PATH;
    static final String TMP = CONF + ".nettune-tmp";

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

    /** Applies the built-in profile through a client killed just before the command matching {@code at}. */
    private Plan killedBefore(String at) throws Exception {
        Plan plan = new Planner().plan(sandbox, Profile.ecsHighThroughput());
        List<String> sent = new ArrayList<>();
        // A dry pass to find the index of the command: the plan's commands run in this order after the lock.
        int n = 1;
        boolean found = false;
        for (Step s : plan.steps()) {
            for (var c : s.commands()) {
                n++;
                sent.add(c.display());
                if (c.display().contains(at)) {
                    found = true;
                    break;
                }
            }
            if (found) {
                break;
            }
        }
        assertThat(found).as("a command containing '%s' in %s", at, sent).isTrue();
        KillingHost client = new KillingHost(sandbox, n, false);
        try {
            engine.apply(client, plan, options, ApplyListener.NONE, new Cancellation());
        } catch (KillingHost.Killed expected) {
            // kill -9 of NetTune
        }
        assertThat(client.killed()).isTrue();
        return plan;
    }

    private String[] sysctls() {
        return new String[] {sandbox.sysctlValue("net.ipv4.tcp_tw_reuse").orElseThrow(),
            sandbox.sysctlValue("net.ipv4.tcp_max_tw_buckets").orElseThrow(),
            sandbox.sysctlValue("net.ipv4.tcp_fin_timeout").orElseThrow()};
    }

    @Test
    void finishReadsBackAStepKilledBetweenTempWriteAndRenameAndCompletesIt() throws Exception {
        Plan plan = killedBefore("mv -f " + TMP);
        assertThat(sandbox.file(CONF)).isEmpty();
        assertThat(sandbox.file(TMP)).isPresent();

        ApplyResult r = new Undo(engine).finishUnfinished(sandbox, plan.id(), options, ApplyListener.NONE,
                new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.file(CONF)).get().asString().contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(sandbox.file(TMP)).isEmpty();
        assertThat(sysctls()).containsExactly("1", "200000", "15");
        assertThat(r.message()).contains("read back");
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.APPLIED);
    }

    @Test
    void revertAfterAKillBetweenTempWriteAndRenameRemovesTheTemporaryFile() throws Exception {
        String[] before = sysctls();
        Plan plan = killedBefore("mv -f " + TMP);

        ApplyResult r = new Undo(engine).revertUnfinished(sandbox, plan.id(), options, ApplyListener.NONE,
                new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.file(TMP)).isEmpty();
        assertThat(sandbox.file(CONF)).isEmpty();
        assertThat(sysctls()).containsExactly(before);
    }

    @Test
    void undoAfterKillAndFinishPutsBackTheWholeLogicalChange() throws Exception {
        String[] before = sysctls();
        String sysctlConf = sandbox.file(SysctlFileChange.SYSTEM_CONF).orElse("(none)");
        Plan plan = killedBefore("net.ipv4.tcp_fin_timeout=15");
        ApplyResult fin = new Undo(engine).finishUnfinished(sandbox, plan.id(), options, ApplyListener.NONE,
                new Cancellation());
        assertThat(fin.status()).as(fin.message()).isEqualTo(PlanStatus.APPLIED);

        ApplyResult undo = new Undo(engine).undoPlan(sandbox, plan.id(), options, ApplyListener.NONE, new Cancellation());

        assertThat(undo.status()).as(undo.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sysctls()).containsExactly(before);
        assertThat(sandbox.file(CONF)).isEmpty();
        assertThat(sandbox.file(SysctlFileChange.SYSTEM_CONF).orElse("(none)")).isEqualTo(sysctlConf);
        assertThat(journal.plans(Optional.empty())).filteredOn(p -> !p.kind().equals("undo"))
                .extracting(Journal.PlanRecord::status).containsOnly(PlanStatus.UNDONE);
    }

    @Test
    void finishingAPlanThatIsNotInTheJournalSaysSoAndHowToListThem() {
        assertThatThrownBy(() -> new Undo(engine).finishUnfinished(sandbox, "nosuch", options, ApplyListener.NONE,
                new Cancellation())).isInstanceOf(TuningInputException.class)
                .hasMessageContaining("no plan 'nosuch'").hasMessageContaining("nettune journal");
    }

    @Test
    void aSecondRunOnThisMachineIsRefusedNamingTheHolderAndSinceWhen() throws Exception {
        Plan first = killedBefore("net.ipv4.tcp_fin_timeout=15");
        Plan second = new Planner().plan(sandbox, Profile.ecsHighThroughput());

        assertThatThrownBy(() -> engine.apply(sandbox, second, options, ApplyListener.NONE, new Cancellation()))
                .isInstanceOf(TuningLockedException.class)
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining(first.id()).hasMessageContaining("since");
        assertThat(journal.plan(second.id())).isEmpty();
    }

    @Test
    void aRunFromAnotherMachineIsRefusedByTheLockOnTheHost() throws Exception {
        Plan first = killedBefore("net.ipv4.tcp_fin_timeout=15");
        TuningEngine other = new TuningEngine(new SqliteJournal(Database.open(dir.resolve("other.db"))));
        Plan second = new Planner().plan(sandbox, Profile.ecsHighThroughput());

        assertThatThrownBy(() -> other.apply(sandbox, second, options, ApplyListener.NONE, new Cancellation()))
                .isInstanceOf(TuningLockedException.class)
                .hasMessageContaining("plan " + first.id()).hasMessageContaining(HostLock.DIR)
                .hasMessageContaining(" s ago");
        assertThat(sandbox.file(HostLock.DIR + "/owner")).get().asString().contains("plan=" + first.id());
    }

    @Test
    void aStaleLockOnTheHostIsTakenOver() throws Exception {
        killedBefore("net.ipv4.tcp_fin_timeout=15");
        TuningEngine other = new TuningEngine(new SqliteJournal(Database.open(dir.resolve("other.db"))));
        sandbox.advanceTime(options.lockStaleAfter().plus(Duration.ofSeconds(1)));
        Plan second = new Planner().plan(sandbox, Profile.ecsHighThroughput());

        ApplyResult r = other.apply(sandbox, second, options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.file(HostLock.DIR + "/owner")).isEmpty();
    }

    @Test
    void aPlanMadeBeforeAnotherRunChangedTheHostIsRefusedUntouched() throws Exception {
        Plan stale = new Planner().plan(sandbox, Profile.ecsHighThroughput());
        engine.apply(sandbox, new Planner().plan(sandbox, Profile.ecsHighThroughput()), options, ApplyListener.NONE,
                new Cancellation());

        assertThatThrownBy(() -> engine.apply(sandbox, stale, options, ApplyListener.NONE, new Cancellation()))
                .isInstanceOf(TuningInputException.class).hasMessageContaining("plan again");
        assertThat(journal.plan(stale.id()).orElseThrow().status()).isEqualTo(PlanStatus.REFUSED);
        assertThat(journal.entries(Optional.of(stale.id()), Optional.empty())).isEmpty();
    }

    @Test
    void reconnectAttemptsBackOffOneTwoFourUpToThirtySeconds() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 9)).extracting(TuningEngine::reconnectDelay)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void aTrailingBlankLineInSysctlConfIsNoDifference() {
        var c = SysctlFileChange.overridesIn(SysctlFileChange.SYSTEM_CONF, java.util.Map.of("net.ipv4.tcp_fin_timeout", "15"));
        String current = "# system settings\nkernel.sysrq = 16\n\n";

        assertThat(c.desiredGiven(current)).isEqualTo(current);
        assertThat(c.desiredGiven("net.ipv4.tcp_fin_timeout = 30\n\n")).isEqualTo("net.ipv4.tcp_fin_timeout = 15\n\n");
        assertThat(c.desiredGiven("kernel.sysrq = 16")).isEqualTo("kernel.sysrq = 16");
    }
}
