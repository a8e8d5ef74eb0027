package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune fleet ... --lang zh_CN} on the sandbox fleet: why each instance ended as it did, while it runs and in {@code fleet status}. */
class FleetReasonsCliInChineseTest {
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

    /** The lines that name one of these instances. */
    private static List<String> linesOf(String text, List<String> instances) {
        return Arrays.stream(text.split("\n")).filter(l -> instances.stream().anyMatch(l::contains)).toList();
    }

    @Test
    void theInstancesLeftUntouchedAfterTheCanaryFailedSayWhyInChinese() {
        List<String> ids = DemoSeed.FLEET_INSTANCES.subList(0, 3);
        ctx.sandboxFleet().instance(ids.get(0)).faults().failNext("sysctl -w net.ipv4.tcp_fin_timeout", 1, "sysctl: denied\n");

        CliRun apply = CliRun.in(ctx, "fleet", "apply", "--profile", "ECS high throughput", "--instances", String.join(",", ids),
                "--endpoint", "sandbox", "--canary", "1", "--yes", "--lang", "zh_CN");

        assertThat(apply.exit()).as(apply.text()).isEqualTo(1);
        // --max-failures is 0 by default: the canary's failure is one too many.
        String notStarted = "未启动：1 个实例失败，超过了 --max-failures 0 允许的数量。";
        List<String> untouched = ids.subList(1, 3);
        assertThat(linesOf(apply.out(), untouched)).anyMatch(l -> l.contains(ids.get(1)) && l.contains(notStarted))
                .anyMatch(l -> l.contains(ids.get(2)) && l.contains(notStarted));
        assertThat(EnglishLeft.in(linesOf(apply.out(), untouched).stream().filter(l -> l.contains("SKIPPED")).toList())).isEmpty();
    }
}
