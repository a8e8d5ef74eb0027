package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cli.CliProcess.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it: a separate JVM through {@code Main} (so System.out and exit are real), an
 * isolated home, stdout and stderr read after the process ended. Text printed without a newline at the
 * end must not be lost at exit.
 */
class CliOutputProcessTest {
    @TempDir
    Path home;

    private Run nettune(String... args) throws IOException, InterruptedException {
        return nettuneWith(home.toString(), null, args);
    }

    /** Runs with Java's user.home at {@code javaHome}, $HOME at {@link #home} and XDG_CONFIG_HOME if given. */
    private Run nettuneWith(String javaHome, Path xdg, String... args) throws IOException, InterruptedException {
        return CliProcess.run(home, javaHome, e -> {
            if (xdg != null) {
                e.put("XDG_CONFIG_HOME", xdg.toString());
            }
        }, args);
    }

    @Test
    void tunePlanPrintsThePlanWithItsFilesAndCommands() throws Exception {
        Run r = nettune("tune", "plan", "sandbox", "--profile", "ECS high throughput");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("net.ipv4.tcp_fin_timeout").contains("/etc/sysctl.d/99-network-tuning.conf")
                .contains("sysctl -w");
    }

    @Test
    void tuneApplyDryRunPrintsThePlanAndChangesNothing() throws Exception {
        Run r = nettune("tune", "apply", "sandbox", "--profile", "ECS high throughput", "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("net.ipv4.tcp_fin_timeout").doesNotContain("APPLIED");
    }

    @Test
    void aProfileMarkedUnrestrictedIsPlannedOnlyWithTheFlagAndThenEachStepBeyondTheLimitsIsAWarningLine() throws Exception {
        Path profile = Files.writeString(home.resolve("marked.json"), "{\"name\": \"marked\", \"unrestricted\": true,"
                + " \"entries\": [{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"},"
                + " {\"type\": \"sysctl\", \"name\": \"net.ipv4.tcp_fin_timeout\", \"value\": \"15\"}]}");

        Run refused = nettune("tune", "plan", "sandbox", "--profile", profile.toString());
        Run allowed = nettune("tune", "plan", "sandbox", "--profile", profile.toString(), "--allow-unrestricted-profile");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("is marked unrestricted").contains("kernel.sysrq").contains("--allow-unrestricted-profile");
        assertThat(refused.out()).doesNotContain("sysctl -w");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("WARNING: this unrestricted profile goes beyond NetTune's limits in 1 step")
                .contains("   WARNING: beyond NetTune's limits (unrestricted profile): sysctl entry: sysctl 'kernel.sysrq' is"
                        + " outside net.*").contains("$ sudo sysctl -w kernel.sysrq=0");
    }

    @Test
    void rssApplyWithMoreQueuesThanRingsSaysWhyItExitsTwo() throws Exception {
        Run r = nettune("rss", "apply", "sandbox", "--nic", "eth1", "--equal", "8");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot be applied").containsIgnoringCase("ring");
    }

    @Test
    void rssApplyDryRunPrintsThePlan() throws Exception {
        Run r = nettune("rss", "apply", "sandbox", "--nic", "eth1", "--equal", "2", "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ethtool -X eth1 equal 2");
    }

    @Test
    void tuneTakesTheSameHostOptionsAsHostState() throws Exception {
        Path kh = Files.writeString(home.resolve("kh"), "");
        Run r = nettune("tune", "plan", "sandbox", "--profile", "ECS high throughput", "--known-hosts", kh.toString(),
                "--accept-new-host-key", "--identity", kh.toString());

        assertThat(r.err()).doesNotContain("Unknown option");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void finishingAPlanThatIsNotInTheJournalNamesItAndHowToListPlans() throws Exception {
        Run r = nettune("tune", "finish", "sandbox", "--plan", "nosuch");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no plan 'nosuch'").contains("nettune journal").doesNotContain("No value present");
    }

    @Test
    void theHomeFolderIsTakenFromHomeNotFromThePasswordFileAndTheDatabaseIsPrivate() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("java-user-home"));
        Run r = nettuneWith(elsewhere.toString(), null, "host", "add", "prod", "--address", "10.0.0.5", "--user", "ecs-user");

        assertThat(r.code()).as(r.err()).isZero();
        Path db = home.resolve(".config/nettune/nettune.db");
        assertThat(db).exists();
        assertThat(elsewhere.resolve(".config")).doesNotExist();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void xdgConfigHomeWinsOverHomeForNetTunesOwnFiles() throws Exception {
        Path xdg = home.resolve("xdg");
        Run r = nettuneWith(home.toString(), xdg, "host", "add", "prod", "--address", "10.0.0.5", "--user", "ecs-user");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(xdg.resolve("nettune/nettune.db")).exists();
    }

    @Test
    void batchWrittenStraightToTheConsoleIsWhatTheWriterPrints() throws Exception {
        Path csv = home.resolve("flows.csv");
        Files.writeString(csv, "src,dst,sport,dport\n10.0.0.1,10.0.0.2,1,2\nfe80::1,fe80::2,5,6\n1.2.3.4,5.6.7.8,0080,00\n"
                + "bad,row\n10.0.0.251,10.0.0.1,18042,26000\n");
        String[] args = {"rss", "hash", "--batch", csv.toString(), "-k", RssCliTest.SEED_KEY, "--equal", "64"};
        java.io.StringWriter out = new java.io.StringWriter();
        int code;
        try (dev.nettune.app.AppContext ctx = new dev.nettune.app.AppContext(home.resolve("config"))) {
            code = NetTuneCommand.commandLine(ctx, new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true))
                    .execute(args);
        }
        Run r = nettune(args);
        assertThat(r.code()).isEqualTo(code).isEqualTo(2);
        assertThat(r.out()).isEqualTo(out.toString()).contains("10.0.0.251,10.0.0.1,18042,26000,0x85005975,117,53\n");
        assertThat(r.err()).contains("line 5");
    }
}
