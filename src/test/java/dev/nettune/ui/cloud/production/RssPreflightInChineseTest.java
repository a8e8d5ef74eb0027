package dev.nettune.ui.cloud.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.app.VerificationService;
import dev.nettune.cloud.aliyun.SandboxCloud;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.store.Database;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production setup's RSS step in Chinese on the sandbox host: the NIC RSS preflight's checks and what they found. */
class RssPreflightInChineseTest {
    @TempDir
    Path config;
    private AppContext context;
    private SandboxCloud cloud;
    private CloudSession session;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(config);
        cloud = new SandboxCloud();
        session = new CloudSession(cloud.api, SandboxCloud.REGION, "test sandbox",
                new CloudJournalStore(Database.open(config.resolve("cloud.db"))), SandboxCloud.waiter());
    }

    @AfterEach
    void close() {
        Messages.use(Messages.ENGLISH);
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
    void aPassingPreflightNamesItsChecksInChinese() {
        ProductionWizardModel m = wizard();

        m.rss.runPreflight();

        String text = m.rss.preflightTextProperty().get();
        assertThat(text).contains("ok    主机可达：sandbox，内核 ", "ok    网卡存在：eth1 在 /sys/class/net 中", "ok    驱动：virtio_net",
                "ok    通道：正在使用 4 个 RX 队列", "ok    回读哈希密钥和间接表：哈希密钥 ");
        assertThat(EnglishLeft.in(List.of(text))).as(text).isEmpty();
    }

    @Test
    void aNicTheHostDoesNotHaveIsSaidInChinese() {
        ProductionWizardModel m = wizard();
        m.nicProperty().set("eth7");

        m.rss.runPreflight();

        String text = m.rss.preflightTextProperty().get();
        assertThat(text).contains("FAIL  网卡存在：/sys/class/net 中没有 eth7");
        assertThat(EnglishLeft.in(List.of(text))).isEmpty();
    }
}
