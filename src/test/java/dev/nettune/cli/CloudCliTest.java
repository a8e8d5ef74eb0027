package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.sandbox.cloud.SandboxCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code nettune cloud ...} end to end: validation exit codes, dry runs, the sandbox, credentials that never show. */
class CloudCliTest {
    static final String ENI = DemoSeed.SECONDARY_ENI;
    static final String INSTANCE = DemoSeed.SANDBOX_INSTANCE;

    @TempDir
    Path dir;
    @TempDir
    Path home;
    private AppContext context;


    @BeforeEach
    void isolateCredentials() {
        // No test may read the real environment or ~/.aliyun: an empty environment and a temp home.
        context = new AppContext(dir);
        context.cloudCredentialsFrom(Map.of(), home);
    }

    @AfterEach
    void restore() {
        context.close();
    }

    CliRun run(String... args) {
        return CliRun.in(context, args);
    }

    @Test
    void dryRunAttachPrintsTheAliyunCliLineAndSendsNothing() {
        CliRun r = run("cloud", "eni", "attach", "eni-bp17pdijfczax0001", "--instance", "i-bp67acfmxazb4p0001", "--device-index", "1",
                "--region", "cn-hongkong", "--dry-run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("aliyun ecs AttachNetworkInterface --RegionId cn-hongkong --InstanceId i-bp67acfmxazb4p0001 "
                + "--NetworkInterfaceId eni-bp17pdijfczax0001").contains("Dry run: nothing was sent");
    }

    @Test
    void dryRunJsonCarriesParametersAndCliLines() throws Exception {
        CliRun r = run("cloud", "sg", "allow", "sg-bp67acfmxazb4p0001", "--protocol", "tcp", "--ports", "8000/9000", "--source", "10.0.0.0/8",
                "--region", "cn-hongkong", "--dry-run", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("steps").get(0).path("parameters").path("PortRange").asText()).isEqualTo("8000/9000");
        assertThat(doc.path("steps").get(0).path("aliyunCli").asText()).startsWith("aliyun ecs AuthorizeSecurityGroup");
    }

    @Test
    void badInputExitsWith2BeforeAnyCall() {
        CliRun ports = run("cloud", "sg", "allow", "sg-bp67acfmxazb4p0001", "--protocol", "tcp", "--ports", "9000/8000", "--source", "10.0.0.0/8",
                "--region", "cn-hongkong");
        assertThat(ports.exit()).isEqualTo(2);
        assertThat(ports.err()).contains("runs backwards");
        CliRun id = run("cloud", "eni", "attach", "eni_bad", "--instance", "i-bp67acfmxazb4p0001", "--region", "cn-hongkong");
        assertThat(id.exit()).isEqualTo(2);
        assertThat(id.err()).contains("must start with 'eni-'");
        CliRun timeout = run("cloud", "eni", "timeouts", ENI, "--tcp-established", "90", "--endpoint", "sandbox");
        assertThat(timeout.exit()).isEqualTo(2);
        assertThat(timeout.err()).contains("30, 60, 80, 100, 200, 300, 500, 700, 910");
        CliRun mode = run("cloud", "eip", "associate", "eip-bp1eipfake000001", "--instance", INSTANCE, "--mode", "BINDED", "--region", "cn-hongkong");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("only when binding the EIP to an ENI");
        CliRun region = run("cloud", "eni", "show", "--region", "Hong Kong", "--endpoint", "sandbox");
        assertThat(region.exit()).isEqualTo(2);
        assertThat(region.err()).contains("not a region id");
    }

    @Test
    void withoutCredentialsTheMessageSaysWhereToPutThem() {
        CliRun r = run("cloud", "instances", "--region", "cn-hongkong");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ALIBABA_CLOUD_ACCESS_KEY_ID", "aliyun configure", "--endpoint sandbox");
    }

    @Test
    void timeoutsAreSetAndShownAgainstTheSandbox() {
        CliRun set = run("cloud", "eni", "timeouts", ENI, "--tcp-established", "300", "--udp", "100", "--endpoint", "sandbox");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("--ConnectionTrackingConfiguration.TcpEstablishedTimeout 300", "new connections only", "NLB or CLB", "Done");
        CliRun show = run("cloud", "eni", "timeouts", ENI, "--endpoint", "sandbox", "--json");
        assertThat(show.out()).contains("\"tcpEstablishedTimeout\":300", "\"tcpClosedAndTimeWaitTimeout\":3", "\"udpTimeout\":100");
    }

    @Test
    void theSameRuleTwiceIsAddedOnce() {
        String[] allow = {"cloud", "sg", "allow", DemoSeed.SECURITY_GROUP, "--protocol", "tcp", "--ports", "8000/9000", "--source", "10.0.0.0/8",
            "--endpoint", "sandbox"};
        CliRun first = run(allow);
        CliRun second = run(allow);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("ok Step 1: added");
        assertThat(second.out()).contains("ok Step 1: existed");
    }

    @Test
    void rssRunsThePreflightFirst() {
        CliRun r = run("cloud", "eni", "rss", ENI, "--enable", "--endpoint", "sandbox");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[PASS] Region", "EnhancedNetwork.EnableRss true --force", "takes effect when it is attached", "Done");
        CliRun show = run("cloud", "eni", "show", ENI, "--endpoint", "sandbox");
        assertThat(show.out()).contains("custom RSS: enabled");
    }

    @Test
    void attachRefusesABadHostBeforeAnyApiCall() throws Exception {
        String before = run("cloud", "eni", "show", ENI, "--endpoint", "sandbox", "--json").out();
        CliRun r = run("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox", "--host", "x;y");
        assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Not a host: 'x;y'");
        assertThat(r.out()).doesNotContain("Attach");
        String after = run("cloud", "eni", "show", ENI, "--endpoint", "sandbox", "--json").out();
        assertThat(after).isEqualTo(before).doesNotContain(INSTANCE);
    }

    @Test
    void rssRefusesABadHostBeforeAnyApiCall() {
        CliRun r = run("cloud", "eni", "rss", ENI, "--enable", "--endpoint", "sandbox", "--host", "$(id)");
        assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Not a host: '$(id)'");
        assertThat(r.out()).doesNotContain("Preflight");
    }

    @Test
    void aStepThatInterruptsServiceNeedsYes() {
        assertThat(run("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox").exit()).isZero();
        CliRun detach = run("cloud", "eni", "detach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox");
        assertThat(detach.exit()).isEqualTo(1);
        assertThat(detach.err()).contains("Add --yes");
        CliRun yes = run("cloud", "eni", "detach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox", "--yes");
        assertThat(yes.exit()).as(yes.err()).isZero();
    }

    @Test
    void planExportWritesTerraformAndSaysWhatItCannotExpress() throws Exception {
        run("cloud", "eni", "create", "--vswitch", DemoSeed.VSWITCH_B, "--security-group", DemoSeed.SECURITY_GROUP, "--udp", "100", "--rss", "on",
                "--region", "cn-hongkong", "--dry-run");
        Path tf = dir.resolve("eni.tf");
        CliRun r = run("cloud", "plan", "export", "--format", "terraform", "-o", tf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(tf)).contains("resource \"alicloud_ecs_network_interface\" \"eni\"");
        assertThat(r.err()).contains("Terraform cannot express", "EnhancedNetwork.EnableRss=true", "Connection-tracking timeouts");
        CliRun script = run("cloud", "plan", "export", "--format", "aliyun-cli");
        assertThat(script.out()).startsWith("#!/bin/sh").contains("ENI_ID=$(aliyun ecs CreateNetworkInterface");
        assertThat(run("cloud", "plan", "export", "--format", "yaml").exit()).isEqualTo(2);
    }

    @Test
    void aFailedPlanIsResumedAndUndoneFromTheCli() {
        LocalOpenApiServer server = context.cloudSandbox();
        server.faults().failNext(1, "AttachNetworkInterface", 400, "InvalidParameter", "Injected for the test.");
        CliRun failed = run("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox", "--json");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("\"code\":\"InvalidParameter\"", "\"requestId\":");
        String planId = failed.out().replaceAll("(?s).*\"planId\":\"([^\"]+)\".*", "$1");
        CliRun resumed = run("cloud", "plan", "resume", planId, "--endpoint", "sandbox");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(server.cloud().networkInterfaceStatus(ENI)).contains("InUse");
        CliRun undone = run("cloud", "plan", "undo", planId, "--endpoint", "sandbox", "--yes");
        assertThat(undone.exit()).as(undone.err()).isZero();
        assertThat(server.cloud().networkInterfaceStatus(ENI)).contains("Available");
    }

    @Test
    void attachWithAHostWaitsUntilTheGuestShowsTheNicByMac() {
        CliRun r = run("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--device-index", "1", "--endpoint", "sandbox", "--host", "sandbox");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Guest sandbox: " + ENI + " is eth1.");
    }

    @Test
    void rssWithAHostReadsEthtoolXAfterTheReattach() {
        assertThat(run("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox").exit()).isZero();
        CliRun r = run("cloud", "eni", "rss", ENI, "--enable", "--endpoint", "sandbox", "--host", "sandbox", "--yes");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Detach ENI", "Attach ENI", "Guest sandbox: eth1:", "RX rings", "table 128 entries");
    }

    @Test
    void environmentCredentialsShowOnlyTheKeysLastFourAndNeverTheSecretInOutputOrLogs() throws Exception {
        String secret = "cli-test-secret-MUST-NOT-APPEAR-42";
        SandboxCredentials keys = new SandboxCredentials("LTAI5tCliEnvKey0XY42", secret);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        ch.qos.logback.classic.Level level = root.getLevel();
        // Everything down to DEBUG, the SDK's own logging included, must be free of the secret.
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try (LocalOpenApiServer server = new LocalOpenApiServer(DemoSeed.create(Clock.systemUTC()), keys).start(0)) {
            server.cloud().setTransitionDelay(Duration.ZERO);
            server.faults().throttleNext(1);
            context.cloudCredentialsFrom(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", keys.accessKeyId(),
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret), home);
            CliRun r = run("cloud", "instances", "--region", "cn-hongkong", "--endpoint", "http://" + server.endpoint());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("AccessKey ****XY42 (environment)").contains(DemoSeed.SANDBOX_INSTANCE);
            assertThat(r.out() + r.err()).doesNotContain(secret).doesNotContain("LTAI5tCliEnvKey0");
            CliRun change = run("cloud", "sg", "allow", DemoSeed.SECURITY_GROUP, "--protocol", "udp", "--ports", "4789/4789", "--source", "10.0.0.0/8",
                    "--region", "cn-hongkong", "--endpoint", "http://" + server.endpoint());
            assertThat(change.exit()).as(change.err()).isZero();
            assertThat(change.out() + change.err()).doesNotContain(secret);
            assertThat(logs.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(secret));
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
                }
            }
            assertThat(context.cloudJournal().recent(1)).as("the change was journaled").hasSize(1);
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
    }
}
