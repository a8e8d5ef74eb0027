package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune fleet ... --lang zh_CN} refusing what it cannot do, on the sandbox region: targets that name nothing or
 * mix ways of reaching, instances and tags the region does not have, a profile beyond the limits, runs that do not exist,
 * agents the preflight finds offline, and a change asked for with no terminal and no --yes.
 */
class FleetRefusalsInChineseTest {
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

    private static final String PROFILE = "ECS high throughput";

    @Test
    void badTargetsAndRunsAreRefusedInChinese() throws Exception {
        String first = DemoSeed.FLEET_INSTANCES.get(0);
        Path marked = Files.writeString(home.resolve("marked.json"), "{\"name\": \"marked\", \"unrestricted\": true,"
                + " \"entries\": [{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"}]}");
        List<CliRun> refused = List.of(
                zh("fleet", "apply", "--profile", PROFILE, "--yes"),
                zh("fleet", "apply", "--hosts", "sandbox", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--instances", "i-j6c0nosuchinstance", "--endpoint", "sandbox", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--tag", "fleet=nothing", "--endpoint", "sandbox", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--tag", "fleet", "--endpoint", "sandbox", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--hosts", "sandbox", "--via", "cloud-assistant", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--hosts", "sandbox", "--ssh-user", "ops", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--instances", first, "--endpoint", "sandbox", "--ssh-user", "ops", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--instances", first, "--endpoint", "sandbox", "--via", "ssh",
                        "--ssh-user", "-x", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--instances", first, "--endpoint", "sandbox", "--via", "ssh",
                        "--bastion", "sandbox", "--yes"),
                zh("fleet", "apply", "--profile", PROFILE, "--instances", first, "--endpoint", "sandbox", "--via", "ssh",
                        "--address", "eip", "--yes"),
                zh("fleet", "apply", "--profile", marked.toString(), "--instances", first, "--endpoint", "sandbox", "--yes"),
                zh("fleet", "apply", "--resume", "fleet-20261203-000000-abcd", "--yes"),
                zh("fleet", "apply", "--resume", "fleet-20261203-000000-abcd", "--canary", "2", "--yes"),
                zh("fleet", "apply", "--resume", "fleet-20261203-000000-abcd", "--hosts", "sandbox", "--yes"),
                zh("fleet", "status", "fleet-20261203-000000-abcd"),
                zh("fleet", "undo", "fleet-20261203-000000-abcd", "--yes"),
                zh("fleet", "monitor", "--hosts", "sandbox", "--nic", "eth1", "--duration", "0"),
                zh("fleet", "monitor", "--hosts", "sandbox", "--nic", "eth1", "--poll", "1", "--duration", "1"));

        List<String> said = new ArrayList<>();
        for (CliRun r : refused) {
            assertThat(r.exit()).as(r.text()).isNotZero();
            assertThat(r.err()).as(r.text()).isNotBlank();
            said.add(r.text());
        }
        assertThat(EnglishLeft.in(said)).as(String.join("\n----\n", said)).isEmpty();
    }

    @Test
    void agentsThePreflightFindsOfflineAndAChangeWithoutATerminalAreRefusedInChinese() {
        ctx.cloudSandbox().cloud().setAgentOnline(DemoSeed.FLEET_INSTANCES.get(1), false);
        ctx.cloudSandbox().cloud().uninstallAgent(DemoSeed.FLEET_INSTANCES.get(2));
        String ids = String.join(",", DemoSeed.FLEET_INSTANCES.subList(0, 4));

        CliRun offline = zh("fleet", "apply", "--profile", PROFILE, "--instances", ids, "--endpoint", "sandbox", "--yes");
        CliRun noTerminal = zh("fleet", "apply", "--profile", PROFILE, "--instances", DemoSeed.FLEET_INSTANCES.get(0),
                "--endpoint", "sandbox");

        assertThat(offline.exit()).as(offline.text()).isEqualTo(1);
        assertThat(offline.text()).contains("无法连接").contains("--skip-offline");
        assertThat(noTerminal.exit()).as(noTerminal.text()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(noTerminal.err()).contains("--yes");
        List<String> said = List.of(offline.text(), noTerminal.text());
        assertThat(EnglishLeft.in(said)).as(String.join("\n----\n", said)).isEmpty();
    }
}
