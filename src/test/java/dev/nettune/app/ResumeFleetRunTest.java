package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.nettune.app.CrashedFleetRig.FIN;
import static dev.nettune.app.CrashedFleetRig.statuses;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.Transport;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a fleet run NetTune stopped in the middle of, over the sandbox fleet's Cloud Assistant (real SDK
 * calls to the local OpenAPI server) and the real SQLite file of the app's config: the "death" is an error
 * thrown from inside the run at a chosen point (between instances, in the middle of an instance's steps, in
 * the middle of its rollback), after which a new FleetService over the same file resumes it.
 */
class ResumeFleetRunTest {
    @TempDir
    Path config;
    CrashedFleetRig rig;
    AppContext ctx;
    LocalOpenApiServer server;
    List<FleetInstance> members;

    @BeforeEach
    void setUp() {
        rig = new CrashedFleetRig(config, 6);
        ctx = rig.ctx;
        server = rig.server;
        members = rig.members;
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    /** Runs the profile one instance at a time and returns the id of the run the listener's death cut short. */
    private String runThatDies(FleetListener dying) {
        AtomicReference<String> id = new AtomicReference<>();
        FleetListener listener = new FleetListener() {
            @Override
            public void runStarted(String runId, List<FleetInstance> instances) {
                id.set(runId);
            }

            @Override
            public void instanceStarted(FleetInstance instance, boolean canary) {
                dying.instanceStarted(instance, canary);
            }

            @Override
            public void instanceStep(FleetInstance instance, int seq, int total, String title, Journal.Phase phase) {
                dying.instanceStep(instance, seq, total, title, phase);
            }
        };
        assertThatThrownBy(() -> ctx.fleet().apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(1, 1, 0), List.of(),
                HostOptions.defaults(), listener, new Cancellation())).isInstanceOf(CrashedFleetRig.Death.class);
        return id.get();
    }

    private static FleetListener diesWhenStarting(int position) {
        return new FleetListener() {
            @Override
            public void instanceStarted(FleetInstance instance, boolean canary) {
                if (instance.position() == position) {
                    throw new CrashedFleetRig.Death();
                }
            }
        };
    }

    private static FleetListener diesAtStep(int position, int seq, Journal.Phase phase) {
        return new FleetListener() {
            @Override
            public void instanceStep(FleetInstance instance, int s, int total, String title, Journal.Phase p) {
                if (instance.position() == position && s == seq && p == phase) {
                    throw new CrashedFleetRig.Death();
                }
            }
        };
    }

    @Test
    void aRunThatDiedBetweenInstancesReadsUnfinishedWithWhichAreDoneInFlightAndPending() {
        String id = runThatDies(diesWhenStarting(3));

        try (FleetService after = rig.restarted()) {
            FleetRun run = after.run(id).orElseThrow();

            assertThat(run.status()).isEqualTo(RunStatus.UNFINISHED);
            assertThat(run.succeeded()).isFalse();
            assertThat(run.finished()).isEmpty();
            assertThat(statuses(run)).containsExactly(InstanceStatus.APPLIED, InstanceStatus.APPLIED, InstanceStatus.APPLIED,
                    InstanceStatus.IN_FLIGHT, InstanceStatus.PENDING, InstanceStatus.PENDING);
            assertThat(run.summary()).contains("3 applied", "1 in flight", "2 pending");
        }
    }

    @Test
    void resumeLeavesTheDoneInstancesAloneAndAppliesTheRestUnderTheSamePolicy() throws Exception {
        String id = runThatDies(diesWhenStarting(3));
        long[] sentBefore = {rig.runCommandsTo(members.get(0).hostName()), rig.runCommandsTo(members.get(1).hostName()),
            rig.runCommandsTo(members.get(2).hostName())};

        FleetRun run;
        try (FleetService after = rig.restarted()) {
            run = after.resume(id, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        }

        assertThat(run.id()).isEqualTo(id);
        assertThat(run.status()).as(run.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(statuses(run)).containsOnly(InstanceStatus.APPLIED);
        assertThat(run.policy()).isEqualTo(new RolloutPolicy(1, 1, 0));
        assertThat(run.detail()).contains("Resumed: 3 of 6 were done before");
        for (int n = 0; n < 3; n++) {
            assertThat(rig.runCommandsTo(members.get(n).hostName())).as("RunCommand calls to done instance " + n).isEqualTo(sentBefore[n]);
        }
        for (int n = 0; n < 6; n++) {
            assertThat(rig.guest(n).sysctlValue(FIN)).contains("15");
        }
    }

    @Test
    void anInstanceInFlightWhenNetTuneDiedIsReadAgainAndFinished() throws Exception {
        String id = runThatDies(diesAtStep(2, 3, Journal.Phase.APPLY));
        FleetRun died = rig.restarted().run(id).orElseThrow();
        assertThat(died.instances().get(2).status()).isEqualTo(InstanceStatus.IN_FLIGHT);
        String planId = died.instances().get(2).planId().orElseThrow();
        assertThat(ctx.tuningEngine().journal().plan(planId).orElseThrow().status()).isEqualTo(Journal.PlanStatus.RUNNING);

        FleetRun run;
        try (FleetService after = rig.restarted()) {
            run = after.resume(id, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        }

        assertThat(run.status()).as(run.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.instances().get(2).status()).isEqualTo(InstanceStatus.APPLIED);
        assertThat(run.instances().get(2).reason()).contains("Finished on resume").contains("read back as planned");
        assertThat(ctx.tuningEngine().journal().plan(planId).orElseThrow().status()).isEqualTo(Journal.PlanStatus.APPLIED);
        assertThat(rig.guest(2).sysctlValue(FIN)).contains("15");
        assertThat(rig.guest(2).file("/etc/sysctl.d/99-network-tuning.conf")).isPresent();
    }

    @Test
    void anInstanceThatWasRollingBackWhenNetTuneDiedIsRolledBackAndTheFailureStillStopsTheRun() throws Exception {
        String before = rig.guest(2).sysctlValue(FIN).orElseThrow();
        rig.guest(2).faults().failNext("sysctl -w " + FIN, 1, "sysctl: permission denied on key \"" + FIN + "\"\n");
        String id = runThatDies(diesAtStep(2, 1, Journal.Phase.ROLLBACK));

        FleetRun run;
        try (FleetService after = rig.restarted()) {
            run = after.resume(id, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        }

        assertThat(run.instances().get(2).status()).isEqualTo(InstanceStatus.ROLLED_BACK);
        assertThat(run.instances().get(2).reason()).contains("was rolling back when NetTune stopped");
        assertThat(rig.guest(2).sysctlValue(FIN)).contains(before);
        // --max-failures 0 of the run: the failure found on resume stops it as it would have stopped the first time.
        assertThat(statuses(run).subList(3, 6)).containsOnly(InstanceStatus.SKIPPED);
        assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(rig.guest(3).sysctlValue(FIN)).contains(before);
    }

    @Test
    void aCancelledRunIsResumedFromWhereTheUserStoppedIt() throws Exception {
        Cancellation cancel = new Cancellation();
        FleetRun stopped = ctx.fleet().apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(1, 1, 0), List.of(),
                HostOptions.defaults(), new FleetListener() {
                    @Override
                    public void instanceFinished(FleetInstanceResult result) {
                        if (result.instance().position() == 1) {
                            cancel.cancel();
                        }
                    }
                }, cancel);
        assertThat(stopped.status()).isEqualTo(RunStatus.CANCELLED);

        FleetRun run = rig.restarted().resume(stopped.id(), HostOptions.defaults(), FleetListener.NONE, new Cancellation());

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(statuses(run)).containsOnly(InstanceStatus.APPLIED);
    }

    @Test
    void aRunThatEndedIsNotResumedAndTheMessageSaysWhatToDoInstead() throws Exception {
        FleetRun done = ctx.fleet().apply(Profile.ecsHighThroughput(), members.subList(0, 2), new RolloutPolicy(1, 2, 0), List.of(),
                HostOptions.defaults(), FleetListener.NONE, new Cancellation());

        assertThatThrownBy(() -> rig.restarted().resume(done.id(), HostOptions.defaults(), FleetListener.NONE, new Cancellation()))
                .hasMessageContaining("ended SUCCEEDED").hasMessageContaining("nothing to resume")
                .hasMessageContaining("fleet undo " + done.id());
    }

    @Test
    void theRunKeepsTheProfileItAppliesSoThatAResumeAppliesTheSameOne() throws Exception {
        String id = runThatDies(diesWhenStarting(1));

        assertThat(ctx.fleet().journal().keptProfile(id)).contains(Profile.ecsHighThroughput());
    }

    @Test
    void anAgentThatWentOfflineBeforeTheResumeIsSkippedByThePreflightNotFoundMidway() throws Exception {
        String id = runThatDies(diesWhenStarting(3));
        server.cloud().setAgentOnline(members.get(4).hostName(), false);

        FleetRun run;
        try (FleetService after = rig.restarted()) {
            run = after.resume(id, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        }

        assertThat(statuses(run)).containsExactly(InstanceStatus.APPLIED, InstanceStatus.APPLIED, InstanceStatus.APPLIED,
                InstanceStatus.APPLIED, InstanceStatus.SKIPPED, InstanceStatus.APPLIED);
        assertThat(run.instances().get(4).reason()).contains("offline").contains("preflight");
        assertThat(rig.runCommandsTo(members.get(4).hostName())).isZero();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    }
}
