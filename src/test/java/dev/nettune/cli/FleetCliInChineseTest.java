package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune fleet ... --lang zh_CN} against the sandbox region's Cloud Assistant fleet: what apply, status, undo and
 * drift print themselves (preview, progress, the run's header, detail and summary, how each instance was reached).
 */
class FleetCliInChineseTest {
    private static final String FIN = "net.ipv4.tcp_fin_timeout";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    private AppContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        ctx = new AppContext(home.resolve(".config/nettune"));
        ctx.cloudCredentialsFrom(Map.of(), home);
        ctx.fleet().pollSleeper(d -> Thread.sleep(20));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
        CliText.use(Locale.ENGLISH);
    }

    private CliRun zh(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--lang";
        all[args.length + 1] = "zh_CN";
        return CliRun.in(ctx, all);
    }

    private static String ids(int n) {
        return String.join(",", DemoSeed.FLEET_INSTANCES.subList(0, n));
    }

    @Test
    void applyStatusAndUndoSayTheirOwnLinesInChinese() throws Exception {
        // The third instance already has the profile's FIN_WAIT timeout: two sets of changes in the preview.
        ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(2)).run(dev.nettune.host.Command.of("sysctl", "-w", FIN + "=15"),
                java.time.Duration.ofSeconds(5));

        CliRun apply = zh("fleet", "apply", "--profile", "ECS high throughput", "--instances", ids(3), "--endpoint", "sandbox",
                "--parallel", "3", "--yes");
        assertThat(apply.exit()).as(apply.text()).isZero();
        String id = ctx.fleet().runs().get(0).id();
        CliRun list = zh("fleet", "status");
        CliRun one = zh("fleet", "status", id);
        CliRun undo = zh("fleet", "undo", id, "--yes");
        CliRun drift = zh("fleet", "drift", "--profile", "ECS high throughput", "--instances", ids(3), "--endpoint", "sandbox");

        assertThat(undo.exit()).as(undo.text()).isZero();
        assertThat(drift.exit()).as(drift.text()).isEqualTo(1);
        List<String> said = List.of(apply.text(), list.text(), one.text(), undo.text(), drift.text());
        assertThat(EnglishLeft.in(said)).as(String.join("\n----\n", said)).isEmpty();
    }

    /** The NetTune process dying, as seen from inside the run: nothing catches it. */
    static final class Death extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A run whose process "died" (an error nothing catches) when it reached the third of four instances. */
    private String unfinishedRun() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> id = new java.util.concurrent.atomic.AtomicReference<>();
        var members = ctx.fleet().instances(dev.nettune.app.FleetService.CloudAccess.sandbox(),
                new dev.nettune.app.FleetService.InstanceQuery.Tag("fleet", "demo"), dev.nettune.fleet.Transport.CLOUD_ASSISTANT,
                dev.nettune.app.HostOptions.defaults(), java.util.Optional.empty()).subList(0, 4);
        try {
            ctx.fleet().apply(dev.nettune.tuning.Profile.ecsHighThroughput(), members, new dev.nettune.fleet.RolloutPolicy(1, 1, 0),
                    List.of(), dev.nettune.app.HostOptions.defaults(), new dev.nettune.fleet.FleetListener() {
                        @Override
                        public void runStarted(String runId, List<dev.nettune.fleet.FleetInstance> instances) {
                            id.set(runId);
                        }

                        @Override
                        public void instanceStarted(dev.nettune.fleet.FleetInstance instance, boolean canary) {
                            if (instance.position() == 2) {
                                throw new Death();
                            }
                        }
                    }, new dev.nettune.tuning.Cancellation());
        } catch (Death expected) {
            // the run stops here as if the process had died
        }
        return id.get();
    }

    @Test
    void anUnfinishedRunIsShownAndResumedInChinese() throws Exception {
        String id = unfinishedRun();

        CliRun list = zh("fleet", "status");
        CliRun one = zh("fleet", "status", id);
        CliRun resumed = zh("fleet", "apply", "--resume", id, "--yes");

        assertThat(one.out()).contains("未完成：").contains("nettune fleet apply --resume " + id);
        assertThat(resumed.exit()).as(resumed.text()).isZero();
        assertThat(ctx.fleet().run(id).orElseThrow().detail()).contains("Resumed: 2 of 4 were done before.");
        List<String> said = List.of(list.text(), one.text(), resumed.text());
        assertThat(EnglishLeft.in(said)).as(String.join("\n----\n", said)).isEmpty();
    }

    @Test
    void aRunThatSkipsAnOfflineAgentSaysSoInChinese() throws Exception {
        ctx.cloudSandbox().cloud().setAgentOnline(DemoSeed.FLEET_INSTANCES.get(0), false);

        CliRun apply = zh("fleet", "apply", "--profile", "ECS high throughput", "--instances", ids(3), "--endpoint", "sandbox",
                "--skip-offline", "--yes");
        CliRun status = zh("fleet", "status", ctx.fleet().runs().get(0).id());

        assertThat(apply.exit()).as(apply.text()).isEqualTo(1);
        assertThat(status.out()).contains("3 个实例中有 1 个未启动：运行前无法连接（预检）。");
        List<String> said = List.of(apply.text(), status.text());
        assertThat(EnglishLeft.in(said)).as(String.join("\n----\n", said)).isEmpty();
    }

    @Test
    void theFleetMonitorsHeaderIsChinese() {
        CliRun r = zh("fleet", "monitor", "--hosts", "sandbox", "--nic", "eth1", "--duration", "3");

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.out()).contains("eth1，共 1 个实例").contains("各队列 RX 占比（%）");
        assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
    }
}
