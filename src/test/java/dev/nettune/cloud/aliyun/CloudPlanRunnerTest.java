package dev.nettune.cloud.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cloud.Cidr;
import dev.nettune.cloud.ClientToken;
import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanRunner;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.DeviceIndex;
import dev.nettune.cloud.EipAllocationId;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.IpProtocol;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.PortRange;
import dev.nettune.cloud.ProgressListener;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.SecurityGroupRule;
import dev.nettune.cloud.StepState;
import dev.nettune.cloud.VSwitchId;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans run through the real SDK against the local OpenAPI server, journaled in a real SQLite file. */
class CloudPlanRunnerTest {
    static final InstanceId INSTANCE = InstanceId.of(DemoSeed.SANDBOX_INSTANCE);
    static final SecurityGroupId SG = SecurityGroupId.of(DemoSeed.SECURITY_GROUP);
    static final SecurityGroupRule SEED_RULE = SecurityGroupRule.of(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"));

    @TempDir
    Path dir;
    private final SandboxCloud sandbox = new SandboxCloud();
    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CloudJournalStore journal() {
        return new CloudJournalStore(Database.open(dir.resolve("nettune.db")));
    }

    private CloudPlanRunner runner() {
        return new CloudPlanRunner(sandbox.api, journal(), SandboxCloud.waiter());
    }

    private CloudPlan workflow(String token) {
        EniSpec spec = EniSpec.of(VSwitchId.of(DemoSeed.VSWITCH_B), List.of(SG)).withQueueNumber(4).withClientToken(new ClientToken(token));
        return CloudPlanner.secondaryEni(new CloudPlanner.SecondaryEniRequest(SandboxCloud.REGION, INSTANCE, Optional.of(spec), Optional.empty(),
                Optional.of(DeviceIndex.of(1)), Optional.of(new ConnectionTrackingTimeouts(300, 15, 100)), Optional.of(true),
                Optional.of(SG), Optional.of(SEED_RULE), Optional.of(EipAllocationId.of(DemoSeed.EIP)), EipMode.NAT, true));
    }

    private NetworkInterfaceId created(String planId) {
        return NetworkInterfaceId.of(journal().load(planId).orElseThrow().steps().get(0).output());
    }

    @Test
    void theSecondaryEniWorkflowRunsEndToEnd() {
        CloudPlan plan = workflow("nettune-e2e-1");
        CloudPlanRunner.PlanRun run = runner().run(plan, m -> progress.add(m.toString()), CloudPlanRunner.Confirmation.NEVER);
        assertThat(run.failure()).isEmpty();
        assertThat(run.completed()).isTrue();
        NetworkInterfaceId eni = created(plan.id());
        NetworkInterface n = sandbox.api.describeNetworkInterface(SandboxCloud.REGION, eni).orElseThrow();
        assertThat(n.status()).isEqualTo("InUse");
        assertThat(n.instanceId()).contains(INSTANCE);
        assertThat(sandbox.api.describeConnectionTracking(SandboxCloud.REGION, eni)).isEqualTo(new ConnectionTrackingTimeouts(300, 15, 100));
        assertThat(sandbox.api.describeCustomRss(SandboxCloud.REGION, eni)).contains(true);
        assertThat(sandbox.api.describeIngressRules(SandboxCloud.REGION, SG)).filteredOn(r -> r.sameTrafficAs(SEED_RULE)).hasSize(1);
        ElasticIp eip = sandbox.api.describeEips(SandboxCloud.REGION).stream().filter(e -> e.allocationId().value().equals(DemoSeed.EIP))
                .findFirst().orElseThrow();
        assertThat(eip.instanceId()).contains(eni.value());
        assertThat(journal().load(plan.id()).orElseThrow().isComplete()).isTrue();
        assertThat(progress).anyMatch(p -> p.contains("Waiting for") && p.contains("InUse"));
    }

    @Test
    void anEqualSecurityGroupRuleIsNotAddedTwice() {
        CloudPlanRunner.PlanRun first = runner().run(CloudPlanner.allow(SandboxCloud.REGION, SG, SEED_RULE), m -> progress.add(m.toString()),
                CloudPlanRunner.Confirmation.NEVER);
        SecurityGroupRule sameTrafficOtherPriority = new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"),
                5, "again");
        CloudPlan second = CloudPlanner.allow(SandboxCloud.REGION, SG, sameTrafficOtherPriority);
        CloudPlanRunner.PlanRun again = runner().run(second, m -> progress.add(m.toString()), CloudPlanRunner.Confirmation.NEVER);
        assertThat(first.stepResults()).singleElement().asString().endsWith("added");
        assertThat(again.stepResults()).singleElement().asString().endsWith("existed");
        assertThat(sandbox.api.describeIngressRules(SandboxCloud.REGION, SG)).filteredOn(r -> r.sameTrafficAs(SEED_RULE)).hasSize(1);
        assertThat(runner().undo(second.id(), m -> progress.add(m.toString()), CloudPlanRunner.Confirmation.ALWAYS).completed()).isTrue();
        assertThat(sandbox.api.describeIngressRules(SandboxCloud.REGION, SG)).as("undo keeps a rule it did not add")
                .filteredOn(r -> r.sameTrafficAs(SEED_RULE)).hasSize(1);
    }

    @Test
    void aPlanThatFailsHalfwayIsResumedFromWhereItStopped() {
        CloudPlan plan = workflow("nettune-resume-1");
        sandbox.server.faults().failNext(1, "AuthorizeSecurityGroup", 400, "InvalidParameter", "Injected failure for the test.");
        CloudPlanRunner.PlanRun run = runner().run(plan, m -> progress.add(m.toString()), CloudPlanRunner.Confirmation.NEVER);
        assertThat(run.completed()).isFalse();
        assertThat(run.failure()).get().asString().contains("Step 4 failed", "InvalidParameter", "RequestId");
        CloudJournal.JournaledPlan journaled = journal().load(plan.id()).orElseThrow();
        assertThat(journaled.steps()).extracting(CloudJournal.JournaledStep::state)
                .containsExactly(StepState.DONE, StepState.DONE, StepState.DONE, StepState.FAILED, StepState.PENDING);

        CloudPlanRunner.PlanRun resumed = runner().resume(plan.id(), m -> progress.add(m.toString()), CloudPlanRunner.Confirmation.NEVER);
        assertThat(resumed.completed()).isTrue();
        assertThat(resumed.stepResults()).hasSize(2);
        assertThat(sandbox.api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.of(INSTANCE)))
                .as("resuming did not create a second ENI").hasSize(2);
    }

    @Test
    void aPlanThatFailsHalfwayIsUndoneFromWhereItStopped() {
        int enisBefore = sandbox.api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.empty()).size();
        CloudPlan plan = workflow("nettune-undo-1");
        sandbox.server.faults().failNext(1, "AuthorizeSecurityGroup", 400, "InvalidParameter", "Injected failure for the test.");
        runner().run(plan, m -> progress.add(m.toString()), CloudPlanRunner.Confirmation.NEVER);

        CloudPlanRunner.PlanRun undone = runner().undo(plan.id(), m -> progress.add(m.toString()), CloudPlanRunner.Confirmation.ALWAYS);
        assertThat(undone.failure()).isEmpty();
        assertThat(undone.completed()).isTrue();
        assertThat(sandbox.api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.empty())).as("the created ENI is deleted again")
                .hasSize(enisBefore);
        assertThat(journal().load(plan.id()).orElseThrow().steps()).extracting(CloudJournal.JournaledStep::state)
                .containsExactly(StepState.UNDONE, StepState.UNDONE, StepState.UNDONE, StepState.FAILED, StepState.PENDING);
    }

    @Test
    void undoRestoresThePreviousTimeouts() {
        NetworkInterfaceId eni = NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI);
        CloudPlan plan = CloudPlanner.timeouts(SandboxCloud.REGION, eni, new ConnectionTrackingTimeouts(60, 5, 10), Optional.empty());
        assertThat(runner().run(plan, ProgressListener.NONE, CloudPlanRunner.Confirmation.NEVER).completed()).isTrue();
        assertThat(sandbox.api.describeConnectionTracking(SandboxCloud.REGION, eni)).isEqualTo(new ConnectionTrackingTimeouts(60, 5, 10));
        runner().undo(plan.id(), ProgressListener.NONE, CloudPlanRunner.Confirmation.ALWAYS);
        assertThat(sandbox.api.describeConnectionTracking(SandboxCloud.REGION, eni)).isEqualTo(ConnectionTrackingTimeouts.DEFAULTS);
    }

    @Test
    void anInterruptingStepWaitsForConfirmation() {
        NetworkInterfaceId eni = NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI);
        runner().run(CloudPlanner.attach(SandboxCloud.REGION, eni, INSTANCE, Optional.empty()), ProgressListener.NONE,
                CloudPlanRunner.Confirmation.NEVER);
        NetworkInterface attached = sandbox.api.describeNetworkInterface(SandboxCloud.REGION, eni).orElseThrow();
        CloudPlan rss = CloudPlanner.customRss(SandboxCloud.REGION, attached, true);
        List<String> asked = new ArrayList<>();
        CloudPlanRunner.PlanRun declined = runner().run(rss, ProgressListener.NONE, (step, why) -> {
            asked.add(why);
            return false;
        });
        assertThat(declined.completed()).isFalse();
        assertThat(asked).singleElement().asString().contains("stops until it is attached again");
        assertThat(sandbox.api.describeNetworkInterface(SandboxCloud.REGION, eni).orElseThrow().status()).as("not detached").isEqualTo("InUse");

        CloudPlanRunner.PlanRun confirmed = runner().resume(rss.id(), ProgressListener.NONE, CloudPlanRunner.Confirmation.ALWAYS);
        assertThat(confirmed.failure()).isEmpty();
        assertThat(sandbox.api.describeCustomRss(SandboxCloud.REGION, eni)).contains(true);
        assertThat(sandbox.api.describeNetworkInterface(SandboxCloud.REGION, eni).orElseThrow().status()).isEqualTo("InUse");
    }
}
