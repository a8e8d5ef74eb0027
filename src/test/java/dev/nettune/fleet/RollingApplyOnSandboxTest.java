package dev.nettune.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.HostException;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteFleetJournal;
import dev.nettune.store.SqliteJournal;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.SysctlChange;
import dev.nettune.tuning.TuningEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rolling apply over simulated instances (each its own kernel and files) with the real tuning engine
 * and a real SQLite journal: canary first, batches, the failure threshold, rollback of a failed instance,
 * and undo of a whole run by its id.
 */
class RollingApplyOnSandboxTest {
    static final Profile PROFILE = new Profile("fleet test", "", List.of(
            new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
            new SysctlChange("net.ipv4.tcp_fin_timeout", "15")));

    @TempDir
    Path dir;
    Map<String, SandboxInstance> boxes = new HashMap<>();
    List<FleetInstance> members = new ArrayList<>();
    SqliteFleetJournal fleetJournal;
    TuningEngine engine;
    RollingApply rolling;
    String defaultFinTimeout;
    String defaultTwReuse;

    @BeforeEach
    void setUp() {
        Database db = Database.open(dir.resolve("nettune.db"));
        engine = new TuningEngine(new SqliteJournal(db));
        fleetJournal = new SqliteFleetJournal(db);
        for (int i = 0; i < 6; i++) {
            String name = "web-" + i;
            boxes.put(name, new SandboxInstance(100 + i, 4, 4).named(name));
            members.add(new FleetInstance(i, FleetTarget.host(name), TransportChoice.builtIn(name)));
        }
        defaultFinTimeout = boxes.get("web-0").sysctlValue("net.ipv4.tcp_fin_timeout").orElseThrow();
        defaultTwReuse = boxes.get("web-0").sysctlValue("net.ipv4.tcp_tw_reuse").orElseThrow();
        FleetHosts hosts = m -> {
            SandboxInstance s = boxes.get(m.hostName());
            if (s == null) {
                throw new HostException("no such box " + m.hostName());
            }
            return s.connect();
        };
        rolling = new RollingApply(engine, fleetJournal, hosts,
                m -> ApplyOptions.defaults(() -> boxes.get(m.hostName()).connect()).withSleeper(d -> { }));
    }

    private FleetRun apply(RolloutPolicy policy) throws InterruptedException {
        return rolling.apply(PROFILE.name(), PROFILE, members, policy, Map.of(), FleetListener.NONE, new Cancellation());
    }

    private void failOn(String name) {
        boxes.get(name).faults().failNext("sysctl -w net.ipv4.tcp_fin_timeout", 1,
                "sysctl: permission denied on key \"net.ipv4.tcp_fin_timeout\"\n");
    }

    private String fin(String name) {
        return boxes.get(name).sysctlValue("net.ipv4.tcp_fin_timeout").orElseThrow();
    }

    private static List<InstanceStatus> statuses(FleetRun run) {
        return run.instances().stream().map(FleetInstanceResult::status).toList();
    }

    @Test
    void everyInstanceIsAppliedAndReadBackAndTheRunSucceeds() throws Exception {
        FleetRun run = apply(new RolloutPolicy(1, 3, 0));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(statuses(run)).containsOnly(InstanceStatus.APPLIED);
        assertThat(boxes.values()).allSatisfy(b -> assertThat(b.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("15"));
    }

    @Test
    void aFailedInstanceIsRolledBackWhileTheOthersApplyWithinMaxFailures() throws Exception {
        failOn("web-3");

        FleetRun run = apply(new RolloutPolicy(1, 2, 1));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.instances().get(3).status()).isEqualTo(InstanceStatus.ROLLED_BACK);
        assertThat(run.instances().get(3).reason()).contains("permission denied");
        assertThat(fin("web-3")).isEqualTo(defaultFinTimeout);
        assertThat(boxes.get("web-3").sysctlValue("net.ipv4.tcp_tw_reuse")).contains(defaultTwReuse);
        assertThat(List.of(0, 1, 2, 4, 5)).allSatisfy(i -> assertThat(run.instances().get(i).status()).isEqualTo(InstanceStatus.APPLIED));
    }

    @Test
    void aFailingCanaryStopsTheRunAndLeavesEveryOtherInstanceUntouched() throws Exception {
        failOn("web-0");

        FleetRun run = apply(new RolloutPolicy(1, 4, 5));

        assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(run.instances().get(0).status()).isEqualTo(InstanceStatus.ROLLED_BACK);
        assertThat(run.instances().get(0).canary()).isTrue();
        assertThat(run.instances().subList(1, 6)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(InstanceStatus.SKIPPED);
            assertThat(r.reason()).contains("canary web-0 failed");
        });
        assertThat(List.of("web-1", "web-2", "web-3", "web-4", "web-5")).allSatisfy(n -> assertThat(fin(n)).isEqualTo(defaultFinTimeout));
    }

    @Test
    void maxFailuresToleratesNFailuresAndStopsStartingNewInstancesAtNPlusOne() throws Exception {
        failOn("web-1");
        failOn("web-2");

        // One at a time, so "started" is deterministic: web-1 fails (1 <= 1, go on), web-2 fails (2 > 1, stop).
        FleetRun run = apply(new RolloutPolicy(0, 1, 1));

        assertThat(statuses(run)).containsExactly(InstanceStatus.APPLIED, InstanceStatus.ROLLED_BACK, InstanceStatus.ROLLED_BACK,
                InstanceStatus.SKIPPED, InstanceStatus.SKIPPED, InstanceStatus.SKIPPED);
        assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(run.instances().get(3).reason()).contains("more than --max-failures 1");
        assertThat(fin("web-3")).isEqualTo(defaultFinTimeout);
    }

    @Test
    void undoOfTheRunRestoresEveryInstanceItChanged() throws Exception {
        failOn("web-2");
        FleetRun run = apply(new RolloutPolicy(1, 3, 2));
        assertThat(fin("web-0")).isEqualTo("15");

        FleetRun undo = rolling.undo(run.id(), 3, FleetListener.NONE, new Cancellation());

        assertThat(undo.kind()).isEqualTo("undo");
        assertThat(undo.undoes()).contains(run.id());
        assertThat(undo.instances().get(2).status()).isEqualTo(InstanceStatus.SKIPPED);
        assertThat(undo.instances().stream().filter(r -> r.instance().position() != 2).map(FleetInstanceResult::status))
                .containsOnly(InstanceStatus.APPLIED);
        assertThat(boxes.keySet()).allSatisfy(n -> assertThat(fin(n)).isEqualTo(defaultFinTimeout));
        assertThat(engine.journal().plan(run.instances().get(0).planId().orElseThrow()).orElseThrow().status())
                .isEqualTo(Journal.PlanStatus.UNDONE);
    }

    @Test
    void theJournalKeepsEachInstanceWithHowItWasReachedAndItsPlan() throws Exception {
        FleetRun run = apply(new RolloutPolicy(1, 3, 0));

        FleetRun read = fleetJournal.run(run.id()).orElseThrow();
        assertThat(read.instances()).extracting(r -> r.instance().reach().transport()).containsOnly(Transport.BUILT_IN);
        assertThat(read.instances()).allSatisfy(r -> {
            String planId = r.planId().orElseThrow();
            assertThat(engine.journal().entries(Optional.of(planId), Optional.empty()))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.host()).isEqualTo(r.instance().hostName()));
        });
        assertThat(fleetJournal.runs()).extracting(FleetRun::id).contains(run.id());
    }

    @Test
    void previewReadsEveryInstanceAndChangesNothing() throws Exception {
        List<InstancePreview> seen = new CopyOnWriteArrayList<>();

        List<InstancePreview> previews = RollingApply.preview(members, PROFILE, m -> boxes.get(m.hostName()).connect(), 6,
                new Cancellation(), seen::add);

        assertThat(previews).hasSize(6);
        assertThat(seen).hasSize(6);
        assertThat(previews.get(0).changes()).isEqualTo(2);
        assertThat(previews.get(0).summary()).contains("net.ipv4.tcp_fin_timeout");
        assertThat(boxes.keySet()).allSatisfy(n -> assertThat(fin(n)).isEqualTo(defaultFinTimeout));
    }

    @Test
    void aCancelledRunStartsNothingAndSaysSo() throws Exception {
        Cancellation cancel = new Cancellation();
        cancel.cancel();

        FleetRun run = rolling.apply(PROFILE.name(), PROFILE, members, new RolloutPolicy(1, 2, 0), Map.of(),
                FleetListener.NONE, cancel);

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(statuses(run)).containsOnly(InstanceStatus.SKIPPED);
        assertThat(boxes.keySet()).allSatisfy(n -> assertThat(fin(n)).isEqualTo(defaultFinTimeout));
    }

    @Test
    void policiesOutOfRangeAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> new RolloutPolicy(0, 0, 0)).hasMessageContaining("1 to 256");
        assertThatThrownBy(() -> new RolloutPolicy(-1, 1, 0)).hasMessageContaining("--canary");
        assertThatThrownBy(() -> new RolloutPolicy(0, 1, -1)).hasMessageContaining("--max-failures");
        assertThatThrownBy(() -> FleetTarget.parseList("i-abc,,i-def", FleetTarget.Kind.INSTANCE)).hasMessageContaining("empty item");
        assertThatThrownBy(() -> FleetTarget.parseList("web,web", FleetTarget.Kind.HOST)).hasMessageContaining("twice");
        assertThatThrownBy(() -> FleetTarget.host("-oProxyCommand=x")).hasMessageContaining("Not a host");
    }
}
