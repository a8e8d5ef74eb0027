package dev.nettune.ui.cloud;

import dev.nettune.ui.common.TestTasks;
import dev.nettune.ui.common.TaskRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.IpProtocol;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.PreflightCheck;
import dev.nettune.cloud.aliyun.SandboxCloud;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import dev.nettune.ui.cloud.eni.SecondaryEniWizardModel;
import dev.nettune.ui.cloud.rss.RssWizardModel;
import dev.nettune.ui.cloud.timeouts.TimeoutsWizardModel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cloud screen's view models without a toolkit, against the local OpenAPI server through the real SDK. */
class CloudViewModelsTest {
    @TempDir
    Path dir;
    private SandboxCloud sandbox;
    private CloudSession session;
    private final TaskRunner tasks = TestTasks.sameThread();
    private static final NetworkInterfaceId ENI = NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI);

    @BeforeEach
    void start() {
        sandbox = new SandboxCloud();
        session = new CloudSession(sandbox.api, SandboxCloud.REGION, "test sandbox", new CloudJournalStore(Database.open(dir.resolve("n.db"))),
                SandboxCloud.waiter());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theScreenReadsTheRegionContext() {
        CloudViewModel vm = new CloudViewModel(tasks, () -> session);
        vm.start();
        assertThat(vm.instances()).extracting(i -> i.id().value()).contains(DemoSeed.SANDBOX_INSTANCE);
        assertThat(vm.networkInterfaces()).extracting(n -> n.id().value()).contains(DemoSeed.SECONDARY_ENI);
        assertThat(vm.securityGroups()).isNotEmpty();
        assertThat(vm.eips()).isNotEmpty();
        assertThat(vm.connectionProperty().get()).startsWith("cn-hongkong via test sandbox");
        assertThat(vm.eniActionsDisabledProperty().get()).as("no ENI selected").isTrue();
    }

    @Test
    void theTimeoutsFormStartsFromTheCurrentValuesAndIsInvalidUntilRead() {
        TimeoutsWizardModel m = new TimeoutsWizardModel(session, tasks, ENI);
        assertThat(m.invalidProperty().get()).isTrue();
        m.load();
        assertThat(m.currentProperty().get()).isEqualTo(ConnectionTrackingTimeouts.DEFAULTS);
        assertThat(m.invalidProperty().get()).isFalse();
    }

    @Test
    void aValueOutsideTheAllowedListIsReportedAsTheUserTypes() {
        TimeoutsWizardModel m = new TimeoutsWizardModel(session, tasks, ENI);
        m.load();
        m.tcpEstablishedProperty().set(90);
        assertThat(m.validationProperty().get()).contains("30, 60, 80, 100, 200, 300, 500, 700, 910");
        assertThat(m.invalidProperty().get()).isTrue();
        m.tcpEstablishedProperty().set(300);
        assertThat(m.invalidProperty().get()).isFalse();
    }

    @Test
    void behindALoadBalancerTheFormTakesTheLoadBalancerDefaults() {
        TimeoutsWizardModel m = new TimeoutsWizardModel(session, tasks, ENI);
        m.load();
        m.behindLoadBalancerProperty().set(true);
        assertThat(m.timeWaitProperty().get()).isEqualTo(15);
        assertThat(m.udpProperty().get()).isEqualTo(100);
        assertThat(m.notes()).contains("new connections only", "listener");
    }

    @Test
    void theTimeoutsPlanRunsAndTheValuesReadBack() {
        TimeoutsWizardModel m = new TimeoutsWizardModel(session, tasks, ENI);
        m.load();
        m.tcpEstablishedProperty().set(300);
        m.udpProperty().set(60);
        m.runner().run(m.plan());
        assertThat(m.runner().succeededProperty().get()).as(String.join("\n", m.runner().log())).isTrue();
        assertThat(sandbox.api.describeConnectionTracking(SandboxCloud.REGION, ENI)).isEqualTo(new ConnectionTrackingTimeouts(300, 3, 60));
    }

    @Test
    void theRssPreflightUpdatesAsTheUserTypesTheDpdkVersion() {
        NetworkInterface eni = sandbox.api.describeNetworkInterface(SandboxCloud.REGION, ENI).orElseThrow();
        RssWizardModel m = new RssWizardModel(session, tasks, eni);
        m.load();
        m.dpdkProperty().set(true);
        m.dpdkVersionProperty().set("20.11");
        assertThat(m.checks()).anyMatch(c -> c.name().equals("DPDK version") && c.status() == PreflightCheck.Status.FAIL);
        assertThat(m.invalidProperty().get()).isTrue();
        m.dpdkVersionProperty().set("22.11.3");
        assertThat(m.checks()).noneMatch(c -> c.status() == PreflightCheck.Status.FAIL);
        assertThat(m.plan().steps()).isNotEmpty();
    }

    @Test
    void afterEnablingRssTheWizardReadsEthtoolXInTheGuest() {
        dev.nettune.sandbox.SandboxInstance guest = dev.nettune.sandbox.SandboxInstance.demo();
        sandbox.server.cloud().addListener(new dev.nettune.sandbox.SandboxCloudBridge(guest, DemoSeed.SANDBOX_INSTANCE));
        CloudSession withHosts = new CloudSession(session.api(), session.region(), "test", session.journal(), session.waiter(), name -> guest);
        sandbox.api.attachNetworkInterface(SandboxCloud.REGION, ENI, dev.nettune.cloud.InstanceId.of(DemoSeed.SANDBOX_INSTANCE));
        SandboxCloud.waiter().await("eni", "InUse", () -> sandbox.api.describeNetworkInterface(SandboxCloud.REGION, ENI)
                .map(NetworkInterface::status), dev.nettune.cloud.ProgressListener.NONE);
        NetworkInterface eni = sandbox.api.describeNetworkInterface(SandboxCloud.REGION, ENI).orElseThrow();
        RssWizardModel m = new RssWizardModel(withHosts, tasks, eni);
        m.load();
        m.runner().interruptionsAcceptedProperty().set(true);
        m.runner().run(m.plan());
        assertThat(m.runner().succeededProperty().get()).as(String.join("\n", m.runner().log())).isTrue();
        m.hostProperty().set("sandbox");
        m.checkGuest();
        assertThat(m.guestRssProperty().get()).contains("sandbox: eth1:", "table 128 entries");
    }

    @Test
    void theSecondaryEniWizardValidatesEachPageAndPlansTheWholeWorkflow() {
        CloudViewModel vm = new CloudViewModel(tasks, () -> session);
        vm.start();
        SecondaryEniWizardModel m = new SecondaryEniWizardModel(session, tasks, vm.instances(), vm.networkInterfaces(), vm.securityGroups(),
                vm.eips(), vm.instances().stream().filter(i -> i.id().value().equals(DemoSeed.SANDBOX_INSTANCE)).findFirst().orElseThrow());
        assertThat(m.instanceProblemProperty().get()).isEmpty();
        assertThat(m.vSwitchProperty().get()).as("prefilled from the instance").isNotBlank();
        assertThat(m.eniProblemProperty().get()).isEmpty();
        m.portsProperty().set("9000/8000");
        assertThat(m.ruleProblemProperty().get()).contains("runs backwards");
        m.portsProperty().set("8000/9000");
        m.protocolProperty().set(IpProtocol.ICMP);
        assertThat(m.ruleProblemProperty().get()).contains("-1/-1");
        m.protocolProperty().set(IpProtocol.TCP);
        m.bindEipProperty().set(true);
        m.eipModeProperty().set(EipMode.BINDED);
        assertThat(m.eipProblemProperty().get()).contains("only when binding the EIP to an ENI");
        m.eipOnEniProperty().set(true);
        m.eipModeProperty().set(EipMode.BINDED);
        assertThat(m.eipProblemProperty().get()).isEmpty();
        m.runner().run(m.plan());
        assertThat(m.runner().succeededProperty().get()).as(String.join("\n", m.runner().log())).isTrue();
        assertThat(sandbox.api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.of(dev.nettune.cloud.InstanceId.of(DemoSeed.SANDBOX_INSTANCE))))
                .hasSize(2);
    }

    @Test
    void bindingTheEipToTheEniKeepsNatOffersEveryModeAndPlansTheChosenOne() {
        CloudViewModel vm = new CloudViewModel(tasks, () -> session);
        vm.start();
        SecondaryEniWizardModel m = new SecondaryEniWizardModel(session, tasks, vm.instances(), vm.networkInterfaces(), vm.securityGroups(),
                vm.eips(), vm.instances().stream().filter(i -> i.id().value().equals(DemoSeed.SANDBOX_INSTANCE)).findFirst().orElseThrow());
        m.bindEipProperty().set(true);
        m.eipOnEniProperty().set(true);
        assertThat(m.eipModes()).containsExactly(EipMode.values());
        assertThat(m.eipModeProperty().get()).isEqualTo(EipMode.NAT);
        m.eipModeProperty().set(EipMode.MULTI_BINDED);
        assertThat(m.eipProblemProperty().get()).isEmpty();
        assertThat(PlanRunModel.reviewText(m.plan())).contains("MULTI_BINDED");
        m.eipOnEniProperty().set(false);
        assertThat(m.eipModes()).containsExactly(EipMode.NAT);
        assertThat(m.eipModeProperty().get()).as("an instance takes NAT only").isEqualTo(EipMode.NAT);
        m.eipModeProperty().set(null);
        assertThat(m.eipProblemProperty().get()).startsWith("Choose a mode");
    }

    @Test
    void theRunLogPrintsTheTimeoutsNowInEffectNotTheJournaledOldOnes() {
        TimeoutsWizardModel m = new TimeoutsWizardModel(session, tasks, ENI);
        m.load();
        m.udpProperty().set(100);

        m.runner().run(m.plan());

        assertThat(m.runner().succeededProperty().get()).as(m.runner().statusProperty().get()).isTrue();
        assertThat(m.runner().log()).anyMatch(l -> l.equals("ok Step 1: now 910,3,100 (was 910,3,30)"))
                .noneMatch(l -> l.equals("ok Step 1: 910,3,30"));
    }

    @Test
    void undoFromTheRunPageSetsTheOldTimeoutsBackAndSaysUndone() {
        TimeoutsWizardModel m = new TimeoutsWizardModel(session, tasks, ENI);
        m.load();
        m.udpProperty().set(100);
        m.runner().run(m.plan());

        m.runner().undo();

        assertThat(m.runner().statusProperty().get()).startsWith("UNDONE: plan " + m.runner().planId());
        assertThat(m.runner().log()).anyMatch(l -> l.equals("ok Step 1 undone: now 910,3,30 (was 910,3,100)"));
        assertThat(sandbox.api.describeConnectionTracking(SandboxCloud.REGION, ENI).udp()).isEqualTo(30);
        assertThat(m.runner().undoneProperty().get()).isTrue();
    }
}
