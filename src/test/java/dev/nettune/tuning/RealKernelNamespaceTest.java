package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tuning engine against this machine's real kernel, inside a network namespace the test creates
 * and removes: net.ipv4 sysctls are per namespace, so the host's own values are never touched.
 */
class RealKernelNamespaceTest {
    @TempDir
    Path dir;
    private NetworkNamespace ns;
    private TuningEngine engine;
    private SqliteJournal journal;

    @BeforeEach
    void setUp() throws Exception {
        ns = NetworkNamespace.create();
        journal = new SqliteJournal(Database.open(dir.resolve("nettune.db")));
        engine = new TuningEngine(journal);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (ns != null) {
            ns.close();
        }
    }

    private Profile timeWaitProfile() {
        return new Profile("ECS high throughput (test file)", "", List.of(
                new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"),
                new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new ProfileEntry.PersistSysctls(dir.resolve("sysctl.d/99-network-tuning.conf").toString())),
                // The file goes to a temporary folder, not /etc/sysctl.d: beyond the limits, so marked and allowed.
                true);
    }

    @Test
    void appliesTheTimeWaitProfileToTheNamespaceKernelAndUndoesItBackToTheOldValues() throws Exception {
        String reuse = ns.inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse");
        String buckets = ns.inside("sysctl", "-n", "net.ipv4.tcp_max_tw_buckets");
        String fin = ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout");
        var host = ns.host();

        Plan plan = Planner.allowingUnrestricted().plan(host, timeWaitProfile());
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.steps()).hasSize(4);
        ApplyResult result = engine.apply(host, plan, ApplyOptions.defaults(null), ApplyListener.NONE, new Cancellation());

        assertThat(result.status()).isEqualTo(Journal.PlanStatus.APPLIED);
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse")).isEqualTo("1");
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_max_tw_buckets")).isEqualTo("200000");
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout")).isEqualTo("15");
        assertThat(Files.readString(dir.resolve("sysctl.d/99-network-tuning.conf")))
                .contains("net.ipv4.tcp_fin_timeout = 15\n");

        ApplyResult undo = new Undo(engine).undoPlan(host, plan.id(), ApplyOptions.defaults(null), ApplyListener.NONE,
                new Cancellation());

        assertThat(undo.status()).isEqualTo(Journal.PlanStatus.APPLIED);
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse")).isEqualTo(reuse);
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_max_tw_buckets")).isEqualTo(buckets);
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout")).isEqualTo(fin);
        assertThat(dir.resolve("sysctl.d/99-network-tuning.conf")).doesNotExist();
        assertThat(journal.plan(plan.id()).orElseThrow().status()).isEqualTo(Journal.PlanStatus.UNDONE);
    }

    @Test
    void applyingTheSameProfileTwiceChangesNothingTheSecondTime() throws Exception {
        var host = ns.host();
        engine.apply(host, Planner.allowingUnrestricted().plan(host, timeWaitProfile()), ApplyOptions.defaults(null),
                ApplyListener.NONE, new Cancellation());

        Plan again = Planner.allowingUnrestricted().plan(host, timeWaitProfile());

        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.unchanged()).hasSize(4);
    }

    @Test
    void aFailingStepRollsTheKernelBackToItsValuesFromBefore() throws Exception {
        String reuse = ns.inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse");
        var host = ns.host();
        // The directory is a file, so writing the sysctl file fails after two sysctls were set.
        Path blocker = dir.resolve("blocked");
        Files.writeString(blocker, "not a directory");
        Profile p = new Profile("fails at the file", "", List.of(
                new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new ProfileEntry.PersistSysctls(blocker.resolve("99-network-tuning.conf").toString())), true);

        ApplyResult result = engine.apply(host, Planner.allowingUnrestricted().plan(host, p), ApplyOptions.defaults(null),
                ApplyListener.NONE, new Cancellation());

        assertThat(result.status()).isEqualTo(Journal.PlanStatus.ROLLED_BACK);
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse")).isEqualTo(reuse);
        assertThat(journal.entries(Optional.of(result.planId()), Optional.empty()))
                .extracting(Journal.Entry::phase, Journal.Entry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Journal.Phase.APPLY, Journal.Outcome.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(Journal.Phase.APPLY, Journal.Outcome.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(Journal.Phase.APPLY, Journal.Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple(Journal.Phase.ROLLBACK, Journal.Outcome.ROLLED_BACK),
                        org.assertj.core.groups.Tuple.tuple(Journal.Phase.ROLLBACK, Journal.Outcome.ROLLED_BACK),
                        org.assertj.core.groups.Tuple.tuple(Journal.Phase.ROLLBACK, Journal.Outcome.ROLLED_BACK));
    }

    @Test
    void xpsIsSpreadOverTheRealTxQueuesAsHexMasksAndUndoneToTheOldMasks() throws Exception {
        var host = ns.host();
        String online = ns.inside("cat", "/sys/devices/system/cpu/online");
        int[] cpus = dev.nettune.linux.CpuSet.parseList(online).cpus().toArray();
        String before = ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-1/xps_cpus");
        Plan plan = new Planner().plan(host, new Profile("xps", "", List.of(new XpsChange.Spread(ns.nic))));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.steps()).hasSizeBetween(1, 4);

        ApplyResult r = engine.apply(host, plan, ApplyOptions.defaults(null), ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(Journal.PlanStatus.APPLIED);
        for (int q = 0; q < 4; q++) {
            String mask = ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-" + q + "/xps_cpus");
            assertThat(dev.nettune.linux.CpuSet.parseMask(mask)).isEqualTo(dev.nettune.linux.CpuSet.of(cpus[q % cpus.length]));
        }
        new Undo(engine).undoPlan(host, plan.id(), ApplyOptions.defaults(null), ApplyListener.NONE, new Cancellation());
        assertThat(ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-1/xps_cpus")).isEqualTo(before);
    }

    @Test
    void theKernelItselfRejectsTheSeedsCpuListInXpsCpus() throws Exception {
        var r = ns.host().run(dev.nettune.host.Command.of("tee", "/sys/class/net/" + ns.nic + "/queues/tx-0/xps_cpus")
                .withStdin("0-1\n"), java.time.Duration.ofSeconds(5));

        assertThat(r.ok()).isFalse();
        assertThat(r.stderr()).contains("Invalid argument");
    }
}
