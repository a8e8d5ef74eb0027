package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.tuning.Journal.PlanStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an ENI loses on reboot or re-attach comes back: the re-apply script, unit and udev rule NetTune writes and removes. */
class PersistenceOnSandboxTest {
    @TempDir
    Path dir;
    SandboxInstance sandbox;
    TuningEngine engine;
    ApplyOptions options;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxInstance(42, 8, 4);
        engine = new TuningEngine(new SqliteJournal(Database.open(dir.resolve("nettune.db"))));
        options = ApplyOptions.defaults(sandbox::connect).withSleeper(sandbox::advanceTime);
    }

    private static Profile profile() {
        return new Profile("eth1 persisted", "", List.of(new RssTableChange("eth1", "equal 2"),
                new XpsChange("eth1", 0, "1"), new BootReapply("eth1"), new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new ProfileEntry.PersistSysctls(null), SmcChange.seedValues(), new ProfileEntry.PersistSmc()));
    }

    @Test
    void theRssTableXpsSysctlsAndSmcAreBackAfterAReboot() throws Exception {
        ApplyResult r = engine.apply(sandbox, new Planner().plan(sandbox, profile()), options, ApplyListener.NONE,
                new Cancellation());
        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.file("/usr/local/sbin/nettune-reapply-eth1").orElseThrow())
                .contains("ethtool -X eth1 equal 2").contains("echo 2 > /sys/class/net/eth1/queues/tx-0/xps_cpus");
        assertThat(sandbox.file("/etc/udev/rules.d/99-nettune-reapply-eth1.rules").orElseThrow())
                .contains("ENV{SYSTEMD_WANTS}+=\"nettune-reapply@eth1.service\"");

        sandbox.reboot();

        assertThat(sandbox.indirectionTable("eth1"))
                .isEqualTo(IndirectionTable.equal(128, 2, 0, OptionalInt.empty()));
        assertThat(sandbox.run(Command.of("cat", "/sys/class/net/eth1/queues/tx-0/xps_cpus"), Duration.ofSeconds(1))
                .stdout().strip()).matches("0*2");
        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("15");
        assertThat(sandbox.run(Command.of("test", "-d", "/sys/module/smc"), Duration.ofSeconds(1)).ok()).isTrue();
        assertThat(new Planner().plan(sandbox, profile()).nothingToDo()).isTrue();
    }

    @Test
    void theBuiltInProfileStillHoldsAfterARebootAlthoughTheImagesSysctlConfSetsOtherValues() throws Exception {
        assertThat(sandbox.file(SysctlFileChange.SYSTEM_CONF).orElseThrow()).contains("net.ipv4.tcp_max_tw_buckets = 5000");
        Plan plan = new Planner().plan(sandbox, Profile.ecsHighThroughput());
        ApplyResult r = engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());
        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);

        sandbox.reboot();

        assertThat(sandbox.sysctlValue("net.ipv4.tcp_max_tw_buckets")).contains("200000");
        assertThat(sandbox.sysctlValue("net.ipv4.tcp_tw_reuse")).contains("1");
        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("15");
        assertThat(sandbox.file(SysctlFileChange.SYSTEM_CONF).orElseThrow())
                .contains("net.ipv4.tcp_max_tw_buckets = 200000").doesNotContain("tcp_fin_timeout");
    }

    @Test
    void undoPutsTheImagesSysctlConfBack() throws Exception {
        String before = sandbox.file(SysctlFileChange.SYSTEM_CONF).orElseThrow();
        Plan plan = new Planner().plan(sandbox, Profile.ecsHighThroughput());
        engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());

        ApplyResult undo = new Undo(engine).undoPlan(sandbox, plan.id(), options, ApplyListener.NONE, new Cancellation());

        assertThat(undo.status()).as(undo.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.file(SysctlFileChange.SYSTEM_CONF).orElseThrow()).isEqualTo(before);
    }

    @Test
    void undoRemovesTheUnitTheRuleAndTheScript() throws Exception {
        Plan plan = new Planner().plan(sandbox, profile());
        engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());

        ApplyResult undo = new Undo(engine).undoPlan(sandbox, plan.id(), options, ApplyListener.NONE, new Cancellation());

        assertThat(undo.status()).as(undo.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.file("/usr/local/sbin/nettune-reapply-eth1")).isEmpty();
        assertThat(sandbox.file(BootReapply.UNIT_PATH)).isEmpty();
        assertThat(sandbox.file("/etc/udev/rules.d/99-nettune-reapply-eth1.rules")).isEmpty();
        assertThat(sandbox.run(Command.of("systemctl", "is-enabled", "nettune-reapply@eth1.service"), Duration.ofSeconds(1))
                .stdout().strip()).isEqualTo("disabled");
    }

    @Test
    void manualIrqAffinityWarnsThatIrqbalanceRunsAndCanStopIt() throws Exception {
        Plan plan = new Planner().plan(sandbox, new Profile("irq", "", List.of(new IrqAffinityChange(24, "1", "eth0 queue"),
                new ProfileEntry.BanIrqs(List.of(24)), ServiceChange.stopIrqbalance())));

        assertThat(plan.steps().get(0).notes()).anyMatch(n -> n.contains("irqbalance is running and will move IRQ 24"));
        ApplyResult r = engine.apply(sandbox, plan, options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.run(Command.of("cat", "/proc/irq/24/smp_affinity_list"), Duration.ofSeconds(1)).stdout().strip())
                .isEqualTo("1");
        assertThat(sandbox.file(ProfileEntry.BanIrqs.PATH).orElseThrow()).contains("IRQBALANCE_ARGS=--banirq=24");
        assertThat(sandbox.run(Command.of("systemctl", "is-active", "irqbalance"), Duration.ofSeconds(1)).stdout().strip())
                .isEqualTo("inactive");
    }
}
