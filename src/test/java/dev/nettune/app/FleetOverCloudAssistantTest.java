package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.InstancePreview;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.Transport;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet over ECS Cloud Assistant: the real Alibaba Cloud SDK sends signed RunCommand (RunShellScript,
 * Base64 content, one InvokeId per instance), DescribeInvocationResults and DescribeCloudAssistantStatus
 * calls to the local OpenAPI server, whose agents run each script on a simulated instance's shell.
 */
class FleetOverCloudAssistantTest {
    static final String FIN = "net.ipv4.tcp_fin_timeout";

    @TempDir
    Path config;
    AppContext ctx;
    FleetService fleet;
    LocalOpenApiServer server;

    @BeforeEach
    void setUp() {
        ctx = new AppContext(config);
        fleet = ctx.fleet();
        fleet.pollSleeper(d -> Thread.sleep(20));
        server = ctx.cloudSandbox();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private List<FleetInstance> demoFleet() {
        return fleet.instances(FleetService.CloudAccess.sandbox(), new FleetService.InstanceQuery.Tag(DemoSeed.FLEET_TAG_KEY,
                DemoSeed.FLEET_TAG_VALUE), Transport.CLOUD_ASSISTANT, HostOptions.defaults(), Optional.empty());
    }

    private SandboxInstance guest(int n) {
        return ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(n));
    }

    private FleetRun apply(Profile p, List<FleetInstance> members, RolloutPolicy policy) throws InterruptedException {
        return fleet.apply(p, members, policy, List.of(), HostOptions.defaults(), FleetListener.NONE, new Cancellation());
    }

    @Test
    void theTagFindsTheDozenSandboxInstancesEachReachedThroughCloudAssistant() {
        List<FleetInstance> members = demoFleet();

        assertThat(members).extracting(FleetInstance::hostName).containsExactlyElementsOf(DemoSeed.FLEET_INSTANCES);
        assertThat(members).allSatisfy(m -> {
            assertThat(m.reach().transport()).isEqualTo(Transport.CLOUD_ASSISTANT);
            assertThat(m.reach().region()).contains(DemoSeed.REGION);
        });
        assertThat(server.received("DescribeInstances").get(0).parameter("Tag.1.Key")).isEqualTo("fleet");
    }

    @Test
    void everyInstanceIsAppliedThroughSignedRunCommandCallsAndReadBack() throws Exception {
        List<FleetInstance> members = demoFleet();

        FleetRun run = apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(1, 4, 0));

        assertThat(run.status()).as(run.detail() + run.instances()).isEqualTo(RunStatus.SUCCEEDED);
        for (int n = 0; n < 12; n++) {
            assertThat(guest(n).sysctlValue(FIN)).contains("15");
            assertThat(guest(n).file("/etc/sysctl.d/99-network-tuning.conf")).isPresent();
        }
        List<LocalOpenApiServer.ReceivedCall> runs = server.received("RunCommand");
        assertThat(runs).allSatisfy(c -> {
            assertThat(c.parameter("Type")).isEqualTo("RunShellScript");
            assertThat(c.parameter("ContentEncoding")).isEqualTo("Base64");
            assertThat(c.parameter("InstanceId.2")).isNull();
        });
        assertThat(runs).extracting(c -> c.parameter("InstanceId.1")).containsAll(DemoSeed.FLEET_INSTANCES);
        assertThat(server.received("DescribeInvocationResults")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.parameter("InvokeId")).startsWith("t-"));
    }

    @Test
    void aFailingInstanceIsRolledBackAndThrottledCallsAreRetried() throws Exception {
        List<FleetInstance> members = demoFleet().subList(0, 4);
        String before = guest(2).sysctlValue(FIN).orElseThrow();
        guest(2).faults().failNext("sysctl -w " + FIN, 1, "sysctl: setting key \"" + FIN + "\": Operation not permitted\n");
        server.faults().throttleNext(2, "RunCommand");

        FleetRun run = apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(1, 2, 1));

        assertThat(run.instances()).extracting(r -> r.status()).containsExactly(InstanceStatus.APPLIED, InstanceStatus.APPLIED,
                InstanceStatus.ROLLED_BACK, InstanceStatus.APPLIED);
        assertThat(run.instances().get(2).reason()).contains("Operation not permitted");
        assertThat(guest(2).sysctlValue(FIN)).contains(before);
        assertThat(server.received("RunCommand")).anyMatch(c -> c.httpStatus() == 400);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void anInstanceWhoseAgentIsOfflineFailsWithNothingChangedAndIsListedAsOffline() throws Exception {
        List<FleetInstance> members = demoFleet().subList(0, 3);
        server.cloud().setAgentOnline(DemoSeed.FLEET_INSTANCES.get(1), false);

        assertThat(fleet.cloudAssistantOffline(members)).containsOnlyKeys(DemoSeed.FLEET_INSTANCES.get(1));
        FleetRun run = apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(0, 3, 5));

        assertThat(run.instances().get(1).status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(run.instances().get(1).reason()).contains("ClientNotRunning").contains("Nothing was changed");
        assertThat(run.instances().get(0).status()).isEqualTo(InstanceStatus.APPLIED);
        assertThat(run.instances().get(2).status()).isEqualTo(InstanceStatus.APPLIED);
    }

    @Test
    void aCommitConfirmedChangeArmsItsRevertOnTheInstanceAndDisarmsItAfterAFreshCall() throws Exception {
        List<FleetInstance> members = demoFleet().subList(0, 1);
        List<InstancePreview> previews = fleet.preview(members, Profile.seedWorkflow(), 1, HostOptions.defaults(),
                new Cancellation(), p -> { });
        assertThat(previews.get(0).plan().orElseThrow().needsCommitConfirmed()).isTrue();

        FleetRun run = fleet.apply(Profile.seedWorkflow(), members, new RolloutPolicy(0, 1, 0), previews, HostOptions.defaults(),
                FleetListener.NONE, new Cancellation());

        assertThat(run.status()).as(run.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(guest(0).commandLog()).anyMatch(l -> l.contains("systemd-run") && l.contains("nettune-revert-"))
                .anyMatch(l -> l.contains("systemctl stop nettune-revert-"));
        assertThat(guest(0).armedTimers()).isEmpty();
    }

    @Test
    void undoOfTheRunPutsBackEveryInstanceThroughCloudAssistant() throws Exception {
        List<FleetInstance> members = demoFleet().subList(0, 5);
        String before = guest(0).sysctlValue(FIN).orElseThrow();
        FleetRun run = apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(1, 5, 0));
        assertThat(run.succeeded()).isTrue();

        FleetRun undo = fleet.undo(run.id(), 5, HostOptions.defaults(), FleetListener.NONE, new Cancellation());

        assertThat(undo.status()).as(undo.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        for (int n = 0; n < 5; n++) {
            assertThat(guest(n).sysctlValue(FIN)).contains(before);
            assertThat(guest(n).file("/etc/sysctl.d/99-network-tuning.conf")).isEmpty();
        }
    }

    @Test
    void anOutputCutAtTheServicesLimitIsReportedAsTruncatedAndNeverParsedAsComplete() throws Exception {
        FleetInstance member = demoFleet().get(3);
        guest(3).faults().padNextOutput("sysctl -n " + FIN, 30 * 1024);

        try (dev.nettune.host.Host h = fleet.open(member, HostOptions.defaults())) {
            assertThatThrownBy(() -> h.run(dev.nettune.host.Command.of("sysctl", "-n", FIN), java.time.Duration.ofSeconds(30)))
                    .isInstanceOf(dev.nettune.host.HostException.class)
                    .hasMessageStartingWith("output truncated, could not verify")
                    .hasMessageMatching("(?s).*\\(\\d+ bytes dropped, invocation t-.*");
            // Without the chatter the same read comes back whole.
            assertThat(h.run(dev.nettune.host.Command.of("sysctl", "-n", FIN), java.time.Duration.ofSeconds(30)).stdout().strip())
                    .isEqualTo(guest(3).sysctlValue(FIN).orElseThrow());
        }
    }

    @Test
    void aReadBackCutAtTheServicesLimitFailsThatInstancesVerificationAndItIsRolledBack() throws Exception {
        List<FleetInstance> members = demoFleet().subList(0, 2);
        String before = guest(1).sysctlValue(FIN).orElseThrow();
        // Armed when the FIN step starts on the second instance: its read-back (not the plan's read) prints 30 KB more.
        FleetListener cutsTheReadBack = new FleetListener() {
            @Override
            public void instanceStep(FleetInstance instance, int seq, int total, String title, dev.nettune.tuning.Journal.Phase phase) {
                if (instance.position() == 1 && phase == dev.nettune.tuning.Journal.Phase.APPLY && title.equals(FIN)) {
                    guest(1).faults().padNextOutput("sysctl -n " + FIN, 30 * 1024);
                }
            }
        };

        FleetRun run = fleet.apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(0, 1, 5), List.of(), HostOptions.defaults(),
                cutsTheReadBack, new Cancellation());

        assertThat(run.instances().get(1).status()).isEqualTo(InstanceStatus.ROLLED_BACK);
        assertThat(run.instances().get(1).reason()).contains(FIN + ": output truncated, could not verify").contains("bytes dropped");
        assertThat(guest(1).sysctlValue(FIN)).contains(before);
        assertThat(run.instances().get(0).status()).isEqualTo(InstanceStatus.APPLIED);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    }
}
