package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.sandbox.cloud.DemoSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune fleet ...} against the sandbox region (its Cloud Assistant fleet), in an isolated home:
 * exit codes 0/1/2, the --json report, status and undo by run id alone, drift.
 */
class FleetCommandTest {
    static final String FIN = "net.ipv4.tcp_fin_timeout";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    AppContext ctx;


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
    }

    private CliRun run(String... args) {
        return CliRun.in(ctx, args);
    }

    private String instances(int n) {
        return String.join(",", DemoSeed.FLEET_INSTANCES.subList(0, n));
    }

    @Test
    void applyPrintsTheRunIdAndEveryInstanceAppliedAsJsonAndExitsZero() throws Exception {
        CliRun r = run("fleet", "apply", "--profile", "ECS high throughput", "--instances", instances(3), "--endpoint", "sandbox",
                "--parallel", "3", "--yes", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("run").asText()).startsWith("fleet-");
        assertThat(j.path("instances")).hasSize(3).allSatisfy(i -> {
            assertThat(i.path("status").asText()).isEqualTo("APPLIED");
            assertThat(i.path("transport").asText()).isEqualTo("cloud-assistant");
        });
        assertThat(j.path("instances").get(0).path("canary").asBoolean()).isTrue();
        assertThat(r.err()).contains("Preview of \"ECS high throughput\" on 3 instances").contains(FIN);
    }

    @Test
    void aProfileMarkedUnrestrictedIsRefusedBeforeAnyInstanceIsReadAndFleetOffersNoOverride() throws Exception {
        Path marked = Files.writeString(home.resolve("marked.json"), "{\"name\": \"marked\", \"unrestricted\": true,"
                + " \"entries\": [{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"}]}");

        CliRun r = run("fleet", "apply", "--profile", marked.toString(), "--instances", instances(2), "--endpoint", "sandbox", "--yes");

        assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("a fleet run takes only profiles within NetTune's limits").contains("kernel.sysrq")
                .contains("nettune tune apply HOST");
        assertThat(r.out()).doesNotContain("Preview of");
        assertThat(ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue("kernel.sysrq")).isNotEqualTo(java.util.Optional.of("0"));
    }

    @Test
    void thePreviewPrintsEachDistinctSetOfChangesOnceWithTheInstancesItIsOn() throws Exception {
        // The third instance already has the profile's FIN_WAIT timeout: it differs from the other two in one setting less.
        ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(2)).run(dev.nettune.host.Command.of("sysctl", "-w", FIN + "=15"),
                java.time.Duration.ofSeconds(5));

        CliRun r = run("fleet", "apply", "--profile", "ECS high throughput", "--instances", instances(3), "--endpoint", "sandbox",
                "--parallel", "3", "--yes");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String preview = r.out();
        assertThat(preview).contains("Changes A (on 2 instances):").contains("Changes B (on 1 instance):");
        assertThat(preview.lines().filter(l -> l.strip().startsWith(FIN + ": 60 -> 15"))).hasSize(1);
        assertThat(preview.lines().filter(l -> l.contains(DemoSeed.FLEET_INSTANCES.get(2)) && l.contains("changes B"))).hasSize(1);
    }

    @Test
    void aFailedInstanceMakesTheExitCodeOneAndTheRestAreListedUntouched() throws Exception {
        ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).faults().failNext("sysctl -w " + FIN, 1, "sysctl: denied\n");

        CliRun r = run("fleet", "apply", "--profile", "ECS high throughput", "--instances", instances(3), "--endpoint", "sandbox",
                "--canary", "1", "--yes");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("ROLLED_BACK").contains("[canary]").contains("STOPPED")
                .contains("Untouched: " + DemoSeed.FLEET_INSTANCES.get(1) + ", " + DemoSeed.FLEET_INSTANCES.get(2));
        assertThat(ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(1)).sysctlValue(FIN)).isNotEqualTo(java.util.Optional.of("15"));
    }

    @Test
    void statusAndUndoNeedNothingButTheRunId() throws Exception {
        CliRun apply = run("fleet", "apply", "--profile", "ECS high throughput", "--tag", "fleet=demo", "--endpoint", "sandbox",
                "--parallel", "6", "--yes", "--json");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        String id = JSON.readTree(apply.out()).path("run").asText();

        CliRun status = run("fleet", "status", id);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains(id).contains("12 instances: 12 applied")
                .contains("reached by cloud-assistant " + DemoSeed.FLEET_INSTANCES.get(0) + " in cn-hongkong via sandbox");

        CliRun undo = run("fleet", "undo", id, "--yes", "--json");
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(JSON.readTree(undo.out()).path("undoes").asText()).isEqualTo(id);
        assertThat(ctx.sandboxFleet().instances().values()).allSatisfy(g -> assertThat(g.sysctlValue(FIN)).isNotEqualTo(java.util.Optional.of("15")));
        assertThat(run("fleet", "status").out()).contains(id).contains("undo");
    }

    @Test
    void driftListsWhoDiffersFromTheProfile() {
        run("fleet", "apply", "--profile", "ECS high throughput", "--instances", DemoSeed.FLEET_INSTANCES.get(1), "--endpoint", "sandbox",
                "--yes");

        CliRun drift = run("fleet", "drift", "--profile", "ECS high throughput", "--instances", instances(3), "--endpoint", "sandbox");

        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out()).containsPattern(DemoSeed.FLEET_INSTANCES.get(1) + "\\s+ok\\s+matches the profile")
                .containsPattern(DemoSeed.FLEET_INSTANCES.get(0) + "\\s+DIFFERS").contains("2 of 3 differ");
    }

    @Test
    void badInputIsRefusedWithExitTwoBeforeAnythingIsReached() {
        assertThat(run("fleet", "apply", "--profile", "ECS high throughput", "--instances", "i-abc,,i-def", "--endpoint", "sandbox", "--yes")
                .exit()).isEqualTo(2);
        assertThat(run("fleet", "apply", "--profile", "ECS high throughput", "--hosts", "a", "--instances", "i-abcdef", "--yes").exit())
                .isEqualTo(2);
        CliRun p = run("fleet", "apply", "--profile", "ECS high throughput", "--hosts", "sandbox", "--parallel", "0", "--yes");
        assertThat(p.exit()).isEqualTo(2);
        assertThat(p.err()).contains("--parallel is 0");
        assertThat(run("fleet", "apply", "--profile", "ECS high throughput", "--hosts", "sandbox", "--via", "carrier-pigeon").err())
                .contains("Allowed: ssh, cloud-assistant");
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsChanged() {
        CliRun r = run("fleet", "apply", "--profile", "ECS high throughput", "--instances", instances(1), "--endpoint", "sandbox");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("needs --yes");
        assertThat(ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue(FIN)).isNotEqualTo(java.util.Optional.of("15"));
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
                    java.util.List.of(), dev.nettune.app.HostOptions.defaults(), new dev.nettune.fleet.FleetListener() {
                        @Override
                        public void runStarted(String runId, java.util.List<dev.nettune.fleet.FleetInstance> instances) {
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
    void statusShowsAnUnfinishedRunAsNotFinishedWithWhoIsDoneInFlightAndPending() throws Exception {
        String id = unfinishedRun();

        CliRun list = run("fleet", "status");
        CliRun one = run("fleet", "status", id);

        assertThat(list.out()).containsPattern(id + "\\s+apply\\s+UNFINISHED").contains("--resume");
        assertThat(one.exit()).isEqualTo(1);
        assertThat(one.out()).contains("UNFINISHED").contains("NOT FINISHED")
                .contains("Done: " + DemoSeed.FLEET_INSTANCES.get(0) + ", " + DemoSeed.FLEET_INSTANCES.get(1) + " (2)")
                .contains("In flight: " + DemoSeed.FLEET_INSTANCES.get(2) + " (1)")
                .contains("Pending: " + DemoSeed.FLEET_INSTANCES.get(3) + " (1)")
                .contains("nettune fleet apply --resume " + id)
                .doesNotContain("SUCCEEDED").doesNotContain("Every instance done");
        assertThat(JSON.readTree(run("fleet", "status", id, "--json").out()).has("finished")).isFalse();
    }

    @Test
    void applyResumeContinuesTheRunByItsIdAlone() throws Exception {
        String id = unfinishedRun();

        CliRun r = run("fleet", "apply", "--resume", id, "--yes", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("run").asText()).isEqualTo(id);
        assertThat(j.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(j.path("instances")).hasSize(4).allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("APPLIED"));
        assertThat(ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(3)).sysctlValue(FIN)).contains("15");
    }

    @Test
    void resumeTakesNoTargetsProfileOrPolicyOfItsOwn() throws Exception {
        CliRun withProfile = run("fleet", "apply", "--resume", "fleet-20261203-000000-abcd", "--profile", "ECS high throughput", "--yes");
        CliRun withTargets = run("fleet", "apply", "--resume", "fleet-20261203-000000-abcd", "--hosts", "sandbox", "--yes");
        CliRun unknown = run("fleet", "apply", "--resume", "fleet-20261203-000000-abcd", "--yes");
        CliRun neither = run("fleet", "apply", "--hosts", "sandbox", "--yes");

        assertThat(withProfile.exit()).isEqualTo(2);
        assertThat(withProfile.err()).contains("--profile cannot be given with it");
        assertThat(withTargets.exit()).isEqualTo(2);
        assertThat(withTargets.err()).contains("own targets");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no fleet run fleet-20261203-000000-abcd");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--profile NAME").contains("--resume RUN");
    }

    @Test
    void aRunIsRefusedBeforeAnythingIsSentWhenThePreflightFindsAgentsOfflineOrNotInstalled() {
        var cloud = ctx.cloudSandbox().cloud();
        cloud.setAgentOnline(DemoSeed.FLEET_INSTANCES.get(1), false);
        cloud.uninstallAgent(DemoSeed.FLEET_INSTANCES.get(2));

        CliRun r = run("fleet", "apply", "--profile", "ECS high throughput", "--instances", instances(4), "--endpoint", "sandbox", "--yes");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern(DemoSeed.FLEET_INSTANCES.get(1) + ".*NOT REACHABLE: its Cloud Assistant agent is offline")
                .containsPattern(DemoSeed.FLEET_INSTANCES.get(2) + ".*NOT REACHABLE: Cloud Assistant is not installed");
        assertThat(r.err()).contains("nothing was changed: 2 of 4 instances cannot be reached").contains("--skip-offline");
        assertThat(ctx.cloudSandbox().received("DescribeCloudAssistantStatus")).isNotEmpty();
        assertThat(ctx.cloudSandbox().received("RunCommand")).noneMatch(c -> c.parameter("InstanceId.1").equals(DemoSeed.FLEET_INSTANCES.get(1))
                || c.parameter("InstanceId.1").equals(DemoSeed.FLEET_INSTANCES.get(2)));
        assertThat(ctx.fleet().runs()).isEmpty();
        assertThat(ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue(FIN)).isNotEqualTo(java.util.Optional.of("15"));
    }

    @Test
    void skipOfflineRunsOnTheOthersAndJournalsTheOfflineOnesSkippedWithExitOne() throws Exception {
        ctx.cloudSandbox().cloud().setAgentOnline(DemoSeed.FLEET_INSTANCES.get(0), false);

        CliRun r = run("fleet", "apply", "--profile", "ECS high throughput", "--instances", instances(3), "--endpoint", "sandbox",
                "--skip-offline", "--yes", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("status").asText()).isEqualTo("FAILED");
        assertThat(j.path("detail").asText()).contains("1 of 3 not started: unreachable before the run (preflight)");
        JsonNode offline = j.path("instances").get(0);
        assertThat(offline.path("status").asText()).isEqualTo("SKIPPED");
        assertThat(offline.path("reason").asText()).contains("Cloud Assistant agent is offline").contains("preflight");
        // The canary is the first instance that can be started.
        assertThat(j.path("instances").get(1).path("canary").asBoolean()).isTrue();
        assertThat(j.path("instances").get(1).path("status").asText()).isEqualTo("APPLIED");
        assertThat(j.path("instances").get(2).path("status").asText()).isEqualTo("APPLIED");
        assertThat(ctx.cloudSandbox().received("RunCommand")).noneMatch(c -> c.parameter("InstanceId.1").equals(DemoSeed.FLEET_INSTANCES.get(0)));
    }

    @Test
    void theFleetMonitorShowsDropsPerSecondAndAVerdictForEachInstance() {
        CliRun r = run("fleet", "monitor", "--hosts", "sandbox", "--nic", "eth1", "--duration", "3");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("instance\\s+health\\s+rx pkt/s\\s+busy/mean\\s+drops/s\\s+rx share per queue \\(%\\)\\s+verdict")
                .containsPattern("(?m)^sandbox\\s+[A-Z]+\\s");
    }
}
