package dev.nettune.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.fleet.Transport;
import dev.nettune.monitor.FleetMonitor;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.tuning.Profile;
import dev.nettune.ui.common.SteppableScheduler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fleet screen's view model without a toolkit: against the built-in sandbox region (real SDK, local
 * OpenAPI server, Cloud Assistant agents on simulated instances), work and results run on the test's thread.
 */
class FleetViewModelTest {
    static final String FIN = "net.ipv4.tcp_fin_timeout";

    @TempDir
    Path config;
    AppContext ctx;
    FleetService fleet;
    FleetViewModel model;
    SteppableScheduler scheduler;

    @BeforeEach
    void setUp() {
        ctx = new AppContext(config);
        fleet = ctx.fleet();
        fleet.pollSleeper(d -> Thread.sleep(20));
        Executor direct = Runnable::run;
        scheduler = new SteppableScheduler();
        model = new FleetViewModel(fleet, HostOptions.defaults(), direct, direct, scheduler, scheduler.clock());
        model.loadProfiles();
    }

    @AfterEach
    void tearDown() {
        model.close();
        ctx.close();
    }

    private SandboxInstance guest(String id) {
        return ctx.sandboxFleet().instance(id);
    }

    @Test
    void theSandboxTagFindsTheDemoFleetEachPickedAndReachedThroughCloudAssistant() {
        model.load();

        assertThat(model.members()).extracting(FleetViewModel.MemberRow::name).containsExactlyElementsOf(DemoSeed.FLEET_INSTANCES);
        assertThat(model.members()).allSatisfy(r -> assertThat(r.member.reach().transport()).isEqualTo(Transport.CLOUD_ASSISTANT));
        assertThat(model.statusProperty().get()).startsWith("12 instances found");
        assertThat(model.profileProperty().get().name()).isEqualTo(Profile.ECS_HIGH_THROUGHPUT);
    }

    @Test
    void overSshTheInstancesAreDialedAtTheAddressAsTheUserThroughTheBastionGiven() {
        model.viaProperty().set(Transport.SSH);
        model.sshUserProperty().set("ecs-user");
        model.bastionProperty().set("ops@jump.example:2222");

        model.load();

        assertThat(model.members()).hasSize(DemoSeed.FLEET_INSTANCES.size()).allSatisfy(r -> {
            assertThat(r.member.reach().transport()).isEqualTo(Transport.SSH);
            assertThat(r.member.reach().address()).startsWith("ecs-user@10.0.1.");
            assertThat(r.member.reach().bastion()).contains("ops@jump.example:2222");
        });
    }

    @Test
    void aBadBastionSaysWhatABastionIsAndFindsNothing() {
        model.viaProperty().set(Transport.SSH);
        model.bastionProperty().set("-oProxyCommand=x");

        model.load();

        assertThat(model.members()).isEmpty();
        assertThat(model.statusProperty().get()).contains("Not a bastion");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aBadTagSaysWhatATagLooksLikeAndFindsNothing() {
        model.tagProperty().set("fleet");

        model.load();

        assertThat(model.members()).isEmpty();
        assertThat(model.statusProperty().get()).contains("KEY=VALUE");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void previewShowsWhatDiffersOnEachPickedInstanceOnly() {
        model.load();
        model.members().subList(3, 12).forEach(r -> r.selected.set(false));

        model.preview();

        assertThat(model.members().subList(0, 3)).allSatisfy(r -> assertThat(r.preview.get()).startsWith("5 settings differ: "));
        assertThat(model.members().get(3).preview.get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("3 of 3 instances differ from \"" + Profile.ECS_HIGH_THROUGHPUT + "\".");
        assertThat(model.previewedProperty().get()).isTrue();
    }

    @Test
    void applyingRollsOutWithPerInstanceResultsAndUndoPutsEveryInstanceBack() {
        model.load();
        model.members().subList(4, 12).forEach(r -> r.selected.set(false));
        List<String> ids = DemoSeed.FLEET_INSTANCES.subList(0, 4);
        String before = guest(ids.get(0)).sysctlValue(FIN).orElseThrow();

        model.preview();
        model.apply();

        assertThat(model.members().subList(0, 4)).allSatisfy(r -> {
            assertThat(r.status.get()).isEqualTo("APPLIED");
            assertThat(r.progress.get()).isEqualTo(1.0);
        });
        assertThat(model.statusProperty().get()).startsWith("Run ").contains("succeeded: 4 instances: 4 applied");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        ids.forEach(id -> assertThat(guest(id).sysctlValue(FIN)).contains("15"));
        assertThat(model.lastRunProperty().get()).isNotBlank();

        model.undo();

        assertThat(model.statusProperty().get()).startsWith("Undo ").contains("succeeded");
        ids.forEach(id -> assertThat(guest(id).sysctlValue(FIN)).contains(before));
        assertThat(model.lastRunProperty().get()).isEmpty();
    }

    @Test
    void aFailingInstanceIsRolledBackAndShownWithItsReason() {
        model.load();
        model.members().subList(3, 12).forEach(r -> r.selected.set(false));
        String bad = DemoSeed.FLEET_INSTANCES.get(1);
        guest(bad).faults().failNext("sysctl -w " + FIN, 1, "sysctl: setting key \"" + FIN + "\": Operation not permitted\n");
        model.maxFailuresProperty().set(1);

        model.apply();

        assertThat(model.members().get(1).status.get()).isEqualTo("ROLLED_BACK");
        assertThat(model.members().get(1).reason.get()).contains("Operation not permitted");
        assertThat(model.members().get(0).status.get()).isEqualTo("APPLIED");
        assertThat(model.statusProperty().get()).contains("1 rolled back");
    }

    @Test
    void stopBeforeTheRunStartsLeavesEveryInstanceUntouched() {
        model.load();
        model.members().subList(3, 12).forEach(r -> r.selected.set(false));
        String before = guest(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue(FIN).orElseThrow();
        // The run's worker is held until Stop is pressed, as a slow first connection would hold it.
        java.util.List<Runnable> held = new java.util.ArrayList<>();
        FleetViewModel slow = new FleetViewModel(fleet, HostOptions.defaults(), held::add, Runnable::run, scheduler, scheduler.clock());
        slow.members().setAll(model.members());
        slow.profileProperty().set(Profile.ecsHighThroughput());

        slow.apply();
        assertThat(slow.busyProperty().get()).isTrue();
        slow.stop();
        held.forEach(Runnable::run);

        assertThat(slow.members().subList(0, 3)).allSatisfy(r -> assertThat(r.status.get()).isEqualTo("SKIPPED"));
        assertThat(guest(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue(FIN)).contains(before);
        assertThat(slow.busyProperty().get()).isFalse();
    }

    @Test
    void theFleetMonitorShowsOneRowPerWatchedInstanceFromTheirSnapshots() {
        model.load();
        model.members().subList(2, 12).forEach(r -> r.selected.set(false));

        model.startMonitor();
        // Two polls of each instance (one snapshot each) give each a first rate.
        scheduler.runDue();
        scheduler.advance(java.time.Duration.ofSeconds(5));
        scheduler.runDue();

        assertThat(model.monitor().monitoringProperty().get()).isTrue();
        assertThat(model.monitor().rows()).extracting(FleetMonitor.Row::instance)
                .containsExactlyInAnyOrderElementsOf(DemoSeed.FLEET_INSTANCES.subList(0, 2));
        assertThat(model.monitor().rows()).allSatisfy(r -> {
            assertThat(r.queues()).isPositive();
            assertThat(r.health()).isNotEqualTo(FleetMonitor.Health.WAITING);
        });

        model.monitor().stop();
        assertThat(model.monitor().monitoringProperty().get()).isFalse();
    }

    /** The NetTune process dying, as seen from inside a run: nothing catches it. */
    static final class Death extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aRunThatDidNotFinishIsOfferedWhenTheScreenOpensAndResumeContinuesIt() throws Exception {
        var members = fleet.instances(FleetService.CloudAccess.sandbox(), new FleetService.InstanceQuery.Tag("fleet", "demo"),
                Transport.CLOUD_ASSISTANT, HostOptions.defaults(), java.util.Optional.empty()).subList(0, 4);
        try {
            fleet.apply(Profile.ecsHighThroughput(), members, new dev.nettune.fleet.RolloutPolicy(1, 1, 0), List.of(),
                    HostOptions.defaults(), new dev.nettune.fleet.FleetListener() {
                        @Override
                        public void instanceStarted(dev.nettune.fleet.FleetInstance instance, boolean canary) {
                            if (instance.position() == 2) {
                                throw new Death();
                            }
                        }
                    }, new dev.nettune.tuning.Cancellation());
        } catch (Death expected) {
            // the run broke off, as if NetTune had died
        }
        Executor direct = Runnable::run;
        FleetViewModel reopened = new FleetViewModel(fleet, HostOptions.defaults(), direct, direct, scheduler, scheduler.clock());

        reopened.loadProfiles();

        assertThat(reopened.resumableRunProperty().get()).startsWith("fleet-");
        assertThat(reopened.statusProperty().get()).contains("did not finish (UNFINISHED: 2 done, 1 in flight, 1 pending)");

        reopened.resume();

        assertThat(reopened.members()).hasSize(4).allSatisfy(r -> assertThat(r.status.get()).isEqualTo("APPLIED"));
        assertThat(reopened.statusProperty().get()).contains("resumed and succeeded: 4 instances: 4 applied");
        assertThat(reopened.resumableRunProperty().get()).isEmpty();
        assertThat(guest(DemoSeed.FLEET_INSTANCES.get(3)).sysctlValue(FIN)).contains("15");
        reopened.close();
    }
}
