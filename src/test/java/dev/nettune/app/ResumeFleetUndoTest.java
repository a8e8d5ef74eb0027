package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.nettune.app.CrashedFleetRig.FIN;
import static dev.nettune.app.CrashedFleetRig.statuses;

import dev.nettune.fleet.FleetInputException;
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
 * An undo of a fleet run that NetTune stopped in the middle of (the "death" is an error thrown from inside the run,
 * as in ResumeFleetRunTest), continued from the real SQLite file by a new service, over the sandbox fleet's Cloud
 * Assistant (real SDK calls to the local OpenAPI server): instances already put back are skipped, the rest undone.
 */
class ResumeFleetUndoTest {
    static final int N = 4;

    @TempDir
    Path config;
    CrashedFleetRig rig;
    AppContext ctx;
    List<FleetInstance> members;
    String defaultFin;
    String applyRun;

    @BeforeEach
    void setUp() throws Exception {
        rig = new CrashedFleetRig(config, N);
        ctx = rig.ctx;
        members = rig.members;
        defaultFin = fin(0);
        FleetRun applied = ctx.fleet().apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(1, N, 0), List.of(),
                HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        assertThat(applied.status()).as(applied.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        applyRun = applied.id();
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private String fin(int n) throws Exception {
        return rig.guest(n).sysctlValue(FIN).orElseThrow();
    }

    /** Undoes the apply run one instance at a time, dying at undo step {@code seq} of instance {@code position}; returns the undo run's id. */
    private String undoThatDiesAt(int position, int seq) {
        AtomicReference<String> id = new AtomicReference<>();
        FleetListener dying = new FleetListener() {
            @Override
            public void runStarted(String runId, List<FleetInstance> instances) {
                id.set(runId);
            }

            @Override
            public void instanceStep(FleetInstance instance, int s, int total, String title, Journal.Phase phase) {
                if (instance.position() == position && s == seq) {
                    throw new CrashedFleetRig.Death();
                }
            }
        };
        assertThatThrownBy(() -> ctx.fleet().undo(applyRun, 1, HostOptions.defaults(), dying, new Cancellation()))
                .isInstanceOf(CrashedFleetRig.Death.class);
        return id.get();
    }

    @Test
    void anUndoThatDiedReadsUnfinished() {
        String undoRun = undoThatDiesAt(2, 2);

        try (FleetService after = rig.restarted()) {
            FleetRun run = after.run(undoRun).orElseThrow();

            assertThat(run.status()).isEqualTo(RunStatus.UNFINISHED);
            assertThat(run.undoes()).contains(applyRun);
        }
    }

    @Test
    void undoOfTheRunAgainFinishesWhatIsLeftAndSkipsTheInstancesAlreadyPutBack() throws Exception {
        undoThatDiesAt(2, 2);
        long toFirst = rig.runCommandsTo(DemoSeed.FLEET_INSTANCES.get(0));

        FleetRun again;
        try (FleetService after = rig.restarted()) {
            again = after.undo(applyRun, 1, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        }

        assertThat(again.status()).as(again.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(statuses(again)).containsExactly(InstanceStatus.SKIPPED, InstanceStatus.SKIPPED, InstanceStatus.APPLIED,
                InstanceStatus.APPLIED);
        assertThat(again.instances().get(0).reason()).contains("undone already");
        for (int n = 0; n < N; n++) {
            assertThat(fin(n)).as("instance " + n).isEqualTo(defaultFin);
        }
        assertThat(rig.runCommandsTo(DemoSeed.FLEET_INSTANCES.get(0))).isEqualTo(toFirst);
    }

    @Test
    void anUndoThatDiedReadsContinuedByTheUndoOfTheApplyRunThatTookItOver() throws Exception {
        String undoRun = undoThatDiesAt(2, 2);

        try (FleetService after = rig.restarted()) {
            FleetRun again = after.undo(applyRun, 1, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
            FleetRun died = after.run(undoRun).orElseThrow();

            assertThat(died.status()).isEqualTo(RunStatus.CONTINUED);
            assertThat(died.detail()).startsWith("Continued by undo run " + again.id() + " (this one was UNFINISHED");
            assertThat(after.runs()).extracting(FleetRun::status).doesNotContain(RunStatus.UNFINISHED);
        }
    }

    @Test
    void anUndoThatDiedAndIsContinuedByItsIdReadsContinuedByTheNewRun() throws Exception {
        String undoRun = undoThatDiesAt(1, 1);

        try (FleetService after = rig.restarted()) {
            FleetRun continued = after.undo(undoRun, 1, HostOptions.defaults(), FleetListener.NONE, new Cancellation());

            assertThat(after.run(undoRun).orElseThrow().status()).isEqualTo(RunStatus.CONTINUED);
            assertThat(after.run(undoRun).orElseThrow().detail()).contains(continued.id());
            assertThatThrownBy(() -> after.undo(undoRun, 1, HostOptions.defaults(), FleetListener.NONE, new Cancellation()))
                    .isInstanceOf(FleetInputException.class).hasMessageContaining("ended CONTINUED (Continued by undo run "
                            + continued.id());
        }
    }

    @Test
    void undoGivenTheIdOfTheUndoThatDiedContinuesIt() throws Exception {
        String undoRun = undoThatDiesAt(1, 1);

        FleetRun continued;
        try (FleetService after = rig.restarted()) {
            continued = after.undo(undoRun, 1, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        }

        assertThat(continued.undoes()).contains(applyRun);
        assertThat(continued.status()).as(continued.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(continued.detail()).contains(undoRun);
        for (int n = 0; n < N; n++) {
            assertThat(fin(n)).as("instance " + n).isEqualTo(defaultFin);
        }
    }

    @Test
    void theCliSaysHowToContinueAnUndoThatDiedAndContinuesItByItsId() throws Exception {
        String undoRun = undoThatDiesAt(2, 1);
        java.io.StringWriter statusOut = new java.io.StringWriter();
        java.io.StringWriter undoOut = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();

        int status = dev.nettune.cli.NetTuneCommand.commandLine(ctx, new java.io.PrintWriter(statusOut, true),
                new java.io.PrintWriter(err, true)).execute("fleet", "status", undoRun);
        int undo = dev.nettune.cli.NetTuneCommand.commandLine(ctx, new java.io.PrintWriter(undoOut, true),
                new java.io.PrintWriter(err, true)).execute("fleet", "undo", undoRun, "--yes");

        assertThat(statusOut.toString()).contains("UNFINISHED").contains("Continue it with `nettune fleet undo " + undoRun + "`");
        assertThat(undo).as(undoOut + "\n" + err).isZero();
        assertThat(undoOut.toString()).contains("Continues undo run " + undoRun);
        java.io.StringWriter after = new java.io.StringWriter();
        dev.nettune.cli.NetTuneCommand.commandLine(ctx, new java.io.PrintWriter(after, true), new java.io.PrintWriter(err, true))
                .execute("fleet", "status", undoRun);
        assertThat(after.toString()).contains("CONTINUED. Continued by undo run ").doesNotContain("Continue it with");
        for (int n = 0; n < N; n++) {
            assertThat(fin(n)).as("instance " + n).isEqualTo(defaultFin);
        }
    }

    @Test
    void anUndoRunThatEndedIsNotContinuedAgain() throws Exception {
        FleetRun done = ctx.fleet().undo(applyRun, N, HostOptions.defaults(), FleetListener.NONE, new Cancellation());

        assertThatThrownBy(() -> ctx.fleet().undo(done.id(), 1, HostOptions.defaults(), FleetListener.NONE, new Cancellation()))
                .isInstanceOf(FleetInputException.class).hasMessageContaining("ended SUCCEEDED");
    }
}
