package dev.nettune.ui.cloud.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.app.SetupProgress;
import dev.nettune.app.VerificationService;
import dev.nettune.cloud.aliyun.SandboxCloud;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production setup's view models without a toolkit: each host step previews, applies through the
 * tuning engine on the sandbox host, reads back and undoes; steps block the wizard until applied or
 * skipped; the progress is saved and a new wizard resumes it with Undo still working.
 */
class ProductionWizardModelTest {
    @TempDir
    Path config;
    private AppContext context;
    private SandboxCloud cloud;
    private CloudSession session;

    @BeforeEach
    void open() {
        context = new AppContext(config);
        cloud = new SandboxCloud();
        session = new CloudSession(cloud.api, SandboxCloud.REGION, "test sandbox",
                new CloudJournalStore(Database.open(config.resolve("cloud.db"))), SandboxCloud.waiter());
    }

    @AfterEach
    void close() {
        cloud.close();
        context.close();
    }

    private ProductionWizardModel wizard() {
        HostWork work = new HostWork(List.of("sandbox", "local"), name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context.tuningEngine(), context.nicRss(), new VerificationService(context), "sandbox"::equals, Runnable::run, Runnable::run);
        var api = cloud.api;
        return new ProductionWizardModel(session, TestTasks.sameThread(), api.describeInstances(SandboxCloud.REGION),
                api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.empty()), api.describeSecurityGroups(SandboxCloud.REGION),
                api.describeEips(SandboxCloud.REGION), null, work, context.setupProgress());
    }

    @Test
    void inChineseTheStepsTheirReasonsAndTheProgressSummaryAreChinese() {
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            ProductionWizardModel m = wizard();

            assertThat(m.smc.title()).isEqualTo("SMC 加速");
            assertThat(m.xps.why()).contains("发送包导向");
            assertThat(m.progressTextProperty().get()).startsWith("云上（弹性网卡、规则、弹性公网IP、超时、RSS）: 待完成")
                    .contains("RSS 哈希密钥和间接表: ");
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }

    @Test
    void onTheSandboxRegionTheHostPartTunesTheSandboxHostsEth1() {
        ProductionWizardModel m = wizard();

        assertThat(m.hostProperty().get()).isEqualTo("sandbox");
        assertThat(m.nicProperty().get()).isEqualTo("eth1");
        assertThat(m.hostProblemProperty().get()).isEmpty();
        assertThat(m.cloud().instanceProperty().get()).as("the cloud part starts on the region's instance").isNotNull();
    }

    @Test
    void theTimeWaitStepIsPreviewedAppliedReadBackAndUndone() {
        ProductionWizardModel m = wizard();
        TimeWaitStepModel step = m.timeWait;

        step.preview();
        assertThat(step.stateProperty().get()).as(step.statusProperty().get()).isEqualTo(HostStepModel.State.PLANNED);
        assertThat(step.previewProperty().get()).contains("net.ipv4.tcp_fin_timeout").contains("after:  15");
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).as("a preview changes nothing").contains("60");

        step.apply();
        assertThat(step.stateProperty().get()).as(step.statusProperty().get()).isEqualTo(HostStepModel.State.APPLIED);
        assertThat(step.readBackProperty().get()).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).contains("15");
        assertThat(context.tuningJournal().plans(Optional.of("sandbox"))).anyMatch(p -> p.id().equals(step.planIdProperty().get()));

        step.undo();
        assertThat(step.stateProperty().get()).as(step.statusProperty().get()).isEqualTo(HostStepModel.State.UNDONE);
        assertThat(step.statusProperty().get()).startsWith("UNDONE");
        assertThat(step.readBackProperty().get()).contains("net.ipv4.tcp_fin_timeout = 60");
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
    }

    @Test
    void withNetworkManagerStoppedTheNetworkManagerStepIsSkippedWithTheHostsReasonAndItsConfFileIsStillPersisted() throws Exception {
        assertThat(context.sandboxInstance().run(dev.nettune.host.Command.of("systemctl", "stop", "NetworkManager"),
                java.time.Duration.ofSeconds(5)).ok()).isTrue();
        ProductionWizardModel m = wizard();

        m.networkManager.preview();

        assertThat(m.networkManager.stateProperty().get()).isEqualTo(HostStepModel.State.SKIPPED);
        assertThat(m.networkManager.statusProperty().get()).startsWith("Skipped: NetworkManager on eth1: NetworkManager is not running"
                + " on this host").doesNotContain("already");
        assertThat(m.progressTextProperty().get()).contains("NetworkManager: skipped");
        assertThat(m.persistence.profile().entries()).as("the conf.d file NetworkManager reads when it starts")
                .contains(new ProfileEntry.PersistNetworkManager("eth1"));
    }

    @Test
    void aStepTheUserSkipsIsNotPersisted() {
        ProductionWizardModel m = wizard();
        m.timeWait.preview();
        m.timeWait.apply();

        m.networkManager.skip();

        assertThat(m.persistence.profile().entries()).doesNotContain(new ProfileEntry.PersistNetworkManager("eth1"));
    }

    @Test
    void aStepHoldsTheWizardUntilItIsAppliedOrSkipped() {
        ProductionWizardModel m = wizard();

        assertThat(m.smc.blocksNextProperty().get()).isTrue();
        m.smc.skip();
        assertThat(m.smc.blocksNextProperty().get()).isFalse();
        assertThat(m.progressTextProperty().get()).contains("SMC acceleration: skipped");
        m.smc.unskip();
        assertThat(m.smc.blocksNextProperty().get()).isTrue();
    }

    @Test
    void aValueThatIsNotAllowedIsReportedAsTheUserTypesAndCannotBePreviewed() {
        ProductionWizardModel m = wizard();

        m.timeWait.finTimeoutProperty().set("fifteen");

        assertThat(m.timeWait.problemProperty().get()).contains("tcp_fin_timeout must be a whole number from 1 to 3600, not 'fifteen'");
        assertThat(m.timeWait.canPreviewProperty().get()).isFalse();
    }

    @Test
    void xpsWritesTheHexMaskTheKernelTakesNotTheSeedsCpuList() throws Exception {
        ProductionWizardModel m = wizard();

        assertThat(m.xps.masksProperty().get()).contains("tx-0: CPUs 0-3 \u2192 writes the mask f to /sys/class/net/eth1/queues/tx-0/xps_cpus");
        m.xps.preview();
        m.xps.apply();

        assertThat(m.xps.stateProperty().get()).as(m.xps.statusProperty().get()).isEqualTo(HostStepModel.State.APPLIED);
        assertThat(context.sandboxInstance().run(dev.nettune.host.Command.of("cat", "/sys/class/net/eth1/queues/tx-0/xps_cpus"),
                java.time.Duration.ofSeconds(5)).stdout().strip()).isEqualTo("f");
        assertThat(m.xps.readBackProperty().get()).contains("XPS of eth1 tx-0 = 0-3");
    }

    @Test
    void changingAValueAfterThePreviewAsksForANewPreview() {
        ProductionWizardModel m = wizard();
        m.timeWait.preview();

        m.timeWait.maxBucketsProperty().set("100000");

        assertThat(m.timeWait.stateProperty().get()).isEqualTo(HostStepModel.State.TO_DO);
        assertThat(m.timeWait.canApplyProperty().get()).isFalse();
        assertThat(m.timeWait.previewProperty().get()).isEmpty();
    }

    @Test
    void persistenceWritesOnlyWhatAnEarlierStepApplied() {
        ProductionWizardModel m = wizard();
        assertThat(m.persistence.problemProperty().get()).startsWith("Nothing to persist");

        m.timeWait.preview();
        m.timeWait.apply();
        m.smc.skip();

        assertThat(m.persistence.problemProperty().get()).isEmpty();
        assertThat(m.persistence.profile().entries()).hasAtLeastOneElementOfType(ProfileEntry.PersistSysctls.class)
                .noneMatch(e -> e instanceof ProfileEntry.PersistSmc);
        m.persistence.preview();
        m.persistence.apply();
        assertThat(context.sandboxInstance().file("/etc/sysctl.d/99-network-tuning.conf")).hasValueSatisfying(f -> assertThat(f)
                .contains("net.ipv4.tcp_fin_timeout = 15"));
    }

    @Test
    void aNewWizardResumesTheSavedProgressAndCanStillUndoAStepDoneBefore() {
        ProductionWizardModel first = wizard();
        first.skipCloud(true);
        first.timeWait.preview();
        first.timeWait.apply();
        first.smc.skip();
        String plan = first.timeWait.planIdProperty().get();

        ProductionWizardModel second = wizard();
        assertThat(second.canResumeProperty().get()).isTrue();
        assertThat(second.resumeNoteProperty().get()).contains("3 of 9 steps done or skipped on sandbox");
        second.resume();

        assertThat(second.runCloudProperty().get()).as("the cloud part was skipped before").isFalse();
        assertThat(second.timeWait.stateProperty().get()).isEqualTo(HostStepModel.State.APPLIED);
        assertThat(second.timeWait.planIdProperty().get()).isEqualTo(plan);
        assertThat(second.smc.stateProperty().get()).isEqualTo(HostStepModel.State.SKIPPED);
        assertThat(second.xps.stateProperty().get()).isEqualTo(HostStepModel.State.TO_DO);
        second.timeWait.undo();
        assertThat(second.timeWait.stateProperty().get()).as(second.timeWait.statusProperty().get()).isEqualTo(HostStepModel.State.UNDONE);
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
    }

    @Test
    void aResumedSetupVerifiesFromTheSenderChosenBefore() {
        ProductionWizardModel first = wizard();
        first.hostProperty().set("root@198.51.100.7");
        first.senderProperty().set("root@198.51.100.9");
        first.smc.skip();

        ProductionWizardModel second = wizard();
        assertThat(second.senderProperty().get()).as("before the resume").isNotEqualTo("root@198.51.100.9");
        second.resume();

        assertThat(second.hostProperty().get()).isEqualTo("root@198.51.100.7");
        assertThat(second.senderProperty().get()).isEqualTo("root@198.51.100.9");
        assertThat(second.verify.senderProperty().get()).as("the verify page sends from it too").isEqualTo("root@198.51.100.9");
    }

    @Test
    void startingAfreshForgetsTheSavedProgress() {
        ProductionWizardModel first = wizard();
        first.smc.skip();

        ProductionWizardModel second = wizard();
        second.startAfresh();

        assertThat(second.canResumeProperty().get()).isFalse();
        assertThat(new SetupProgress(config).load()).isEmpty();
    }

    /** Pushes a key and table through a first wizard, so that NetTune pushed this boot (the shown values are in effect). */
    private void pushedThisBoot(String key, String table) {
        ProductionWizardModel first = wizard();
        first.rss.keyProperty().set(key);
        first.rss.tableProperty().set(table);
        first.rss.runPreflight();
        first.rss.preview();
        first.rss.apply();
        assertThat(first.rss.stateProperty().get()).as(first.rss.statusProperty().get()).isEqualTo(HostStepModel.State.APPLIED);
    }

    @Test
    void theRssPreflightChecksHostNicDriverChannelsLiveKeyAndTableAndTheSenderBeforeAnythingChanges() {
        ProductionWizardModel m = wizard();
        assertThat(m.rss.canPreviewProperty().get()).as("Preview waits for the preflight").isFalse();

        m.rss.runPreflight();

        assertThat(m.rss.preflightProperty().get()).as(m.rss.preflightTextProperty().get()).isEqualTo(RssStepModel.Preflight.PASSED);
        assertThat(m.rss.preflightTextProperty().get()).contains("ok    Host reachable: sandbox", "ok    NIC exists: eth1", "ok    Driver: virtio_net",
                "ok    Channels: 4 RX queue(s) in use", "ok    Key and table read back: key " + context.sandboxInstance().rssKey("eth1")
                        .toColonHex().substring(0, 11), "ok    Sender for the verification: ");
        assertThat(m.rss.canPreviewProperty().get()).isTrue();
        assertThat(context.tuningJournal().plans(Optional.of("sandbox"))).as("a preflight changes nothing").isEmpty();
    }

    @Test
    void aPreflightOnANicTheHostDoesNotHaveFailsAndPreviewStaysOff() {
        ProductionWizardModel m = wizard();
        m.nicProperty().set("eth7");

        m.rss.runPreflight();

        assertThat(m.rss.preflightProperty().get()).isEqualTo(RssStepModel.Preflight.FAILED);
        assertThat(m.rss.preflightTextProperty().get()).contains("FAIL  NIC exists: no eth7 in /sys/class/net");
        assertThat(m.rss.canPreviewProperty().get()).isFalse();
    }

    @Test
    void aPreflightWithoutASenderFailsOnTheSenderAndSaysWhatToName() {
        ProductionWizardModel m = wizard();
        m.senderProperty().set("");

        m.rss.runPreflight();

        assertThat(m.rss.preflightProperty().get()).isEqualTo(RssStepModel.Preflight.FAILED);
        assertThat(m.rss.preflightTextProperty().get()).contains("ok    NIC exists", "FAIL  Sender for the verification: no sender named");
    }

    @Test
    void aHostWhoseKeyAndTableDifferFromTheWantedOnesIsNotAlreadyInEffect() {
        pushedThisBoot(dev.nettune.rss.RssKey.random(40).toColonHex(), "equal 2");
        String wantedKey = dev.nettune.rss.RssKey.random(40).toColonHex();
        ProductionWizardModel m = wizard();
        m.rss.keyProperty().set(wantedKey);
        m.rss.tableProperty().set("equal 4");
        m.rss.runPreflight();

        m.rss.preview();

        assertThat(m.rss.stateProperty().get()).as(m.rss.statusProperty().get()).isEqualTo(HostStepModel.State.PLANNED);
        assertThat(m.rss.statusProperty().get()).doesNotContainIgnoringCase("already");
        assertThat(m.rss.previewProperty().get()).as("planned for differing, not re-pushed for being suspect").doesNotContain("Re-push")
                .contains("ethtool -X eth1 hkey " + wantedKey).contains("ethtool -X eth1 default");
    }

    @Test
    void aTableThatDiffersWhileTheKeyIsEqualIsNotAlreadyInEffect() {
        String key = dev.nettune.rss.RssKey.random(40).toColonHex();
        pushedThisBoot(key, "weight 1 1 2 2");
        ProductionWizardModel m = wizard();
        m.rss.keyProperty().set(key);
        m.rss.tableProperty().set("equal 4");
        m.rss.runPreflight();

        m.rss.preview();

        assertThat(m.rss.stateProperty().get()).as(m.rss.statusProperty().get()).isEqualTo(HostStepModel.State.PLANNED);
        assertThat(m.rss.previewProperty().get()).contains("ethtool -X eth1 default").doesNotContain("hkey");
    }

    @Test
    void keyAndTablePushedThroughTheServiceReadBackAndAPreviewAfterwardsSaysAlreadyInEffectWithTheLiveValues() {
        String wantedKey = dev.nettune.rss.RssKey.random(40).toColonHex();
        ProductionWizardModel m = wizard();
        m.rss.keyProperty().set(wantedKey);
        m.rss.tableProperty().set("equal 2");
        m.rss.runPreflight();
        m.rss.preview();
        m.rss.apply();
        assertThat(m.rss.stateProperty().get()).as(m.rss.statusProperty().get()).isEqualTo(HostStepModel.State.APPLIED);
        assertThat(context.sandboxInstance().rssKey("eth1").toColonHex()).isEqualTo(wantedKey);
        assertThat(m.rss.readBackProperty().get()).contains("RSS hash key of eth1 = " + wantedKey, "equal 2");
        assertThat(context.tuningJournal().rssPushes("sandbox", "eth1")).last().extracting(p -> p.bootId())
                .isEqualTo(context.sandboxInstance().bootId());

        ProductionWizardModel again = wizard();
        again.rss.keyProperty().set(wantedKey);
        again.rss.tableProperty().set("equal 2");
        again.rss.runPreflight();
        again.rss.preview();

        assertThat(again.rss.stateProperty().get()).as(again.rss.statusProperty().get()).isEqualTo(HostStepModel.State.NOTHING_TO_DO);
        assertThat(again.rss.statusProperty().get()).startsWith("Already in effect: the key and table read back from eth1 on sandbox equal the"
                + " wanted ones").contains("table equal 2 (128 entries, 4 rings)");
    }

    @Test
    void onAVirtioNicNotPushedThisBootEqualLookingValuesArePushedAgainNotCalledAlreadyInEffect() {
        ProductionWizardModel m = wizard();
        m.rss.tableProperty().set("equal 4");
        m.rss.runPreflight();

        m.rss.preview();

        assertThat(m.rss.stateProperty().get()).as(m.rss.statusProperty().get()).isEqualTo(HostStepModel.State.PLANNED);
        assertThat(m.rss.previewProperty().get()).contains("Re-push: RSS indirection table of eth1 already reads default");
    }

    @Test
    void theVerificationAfterThePushPassesWithItsFalsePassProbability() {
        ProductionWizardModel m = wizard();
        m.rss.runPreflight();
        m.rss.preview();
        m.rss.apply();

        m.verify.run();

        assertThat(m.verify.outcomeProperty().get()).as(m.verify.detailProperty().get()).isEqualTo(VerifyStepModel.Outcome.PASS);
        assertThat(m.verify.verdictProperty().get()).startsWith("PASS").contains("false-pass probability");
        assertThat(m.verify.falsePassProbabilityProperty().get()).isLessThan(0.01);
        assertThat(m.verify.detailProperty().get()).contains("burst for queue 0");
        assertThat(m.verify.blocksNextProperty().get()).isFalse();
        assertThat(m.unverified()).isFalse();
        assertThat(m.progressTextProperty().get()).contains("Verify RSS with traffic: PASS");
    }

    @Test
    void aFailNamesItsCauseOffersTheRepushAndTheSetupDoesNotReadAsASuccess() {
        ProductionWizardModel m = wizard();
        context.sandboxInstance().faults().rssInactiveUntilFirstSet(true);
        context.sandboxInstance().reboot();
        m.rss.skip();

        m.verify.run();

        assertThat(m.verify.outcomeProperty().get()).as(m.verify.detailProperty().get()).isEqualTo(VerifyStepModel.Outcome.FAIL);
        assertThat(m.verify.verdictProperty().get()).startsWith("FAIL: RSS not active").contains("false-pass probability");
        assertThat(m.verify.adviceProperty().get()).contains("Push the key and table again");
        assertThat(m.verify.canRepushProperty().get()).isTrue();
        assertThat(m.unverified()).isTrue();
        assertThat(m.progressTextProperty().get()).contains("Verify RSS with traffic: FAIL: RSS not active");
        m.finish();
        assertThat(context.setupProgress().load()).as("an unverified setup stays to be resumed").isPresent();
    }

    @Test
    void theConfirmedRepushIsJournaledAndTheNextVerificationPasses() {
        ProductionWizardModel m = wizard();
        context.sandboxInstance().faults().rssInactiveUntilFirstSet(true);
        context.sandboxInstance().reboot();
        m.verify.run();

        m.verify.previewRepush();
        assertThat(m.verify.repushPreviewProperty().get()).contains("ethtool -X eth1 hkey");
        assertThat(context.tuningJournal().plans(Optional.of("sandbox"))).as("nothing runs before the user's yes").isEmpty();
        m.verify.confirmRepush();

        assertThat(m.verify.statusProperty().get()).startsWith("Re-pushed the key and table of eth1 on sandbox");
        assertThat(m.verify.outcomeProperty().get()).as("the FAIL no longer describes the NIC").isEqualTo(VerifyStepModel.Outcome.TO_DO);
        assertThat(context.tuningJournal().rssPushes("sandbox", "eth1")).last().extracting(p -> p.bootId())
                .isEqualTo(context.sandboxInstance().bootId());
        m.verify.run();
        assertThat(m.verify.outcomeProperty().get()).as(m.verify.detailProperty().get()).isEqualTo(VerifyStepModel.Outcome.PASS);
    }

    @Test
    void aVerificationThatCannotRunSaysSoAndIsNotAPass() {
        ProductionWizardModel m = wizard();
        m.hostProperty().set("local");
        m.verify.senderProperty().set("sandbox");

        m.verify.run();

        assertThat(m.verify.outcomeProperty().get()).isEqualTo(VerifyStepModel.Outcome.NOT_RUN);
        assertThat(m.verify.verdictProperty().get()).isEqualTo("COULD NOT RUN");
        assertThat(m.verify.detailProperty().get()).contains("The sandbox sender reaches only the sandbox instance");
        assertThat(m.unverified()).isTrue();
    }
}
