package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tune and journal commands: what they print, their exit codes, bad input refused before any host is touched. */
class TuneCommandTest {
    @TempDir
    Path config;

    private record Out(int code, String out, String err) {
    }

    private Out run(String... args) {
        try (AppContext ctx = new AppContext(config)) {
            return run(ctx, args);
        }
    }

    private static Out run(AppContext ctx, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Out(code, out.toString(), err.toString());
    }

    @Test
    void applyOnTheSandboxIsJournaledAndUndoPutsItBack() {
        try (AppContext ctx = new AppContext(config)) {
            Out apply = run(ctx, "tune", "apply", "sandbox", "--profile", "ECS high throughput");
            assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
            assertThat(apply.out()).contains("$ sudo sysctl -w net.ipv4.tcp_fin_timeout=15").contains("APPLIED:");

            Out journal = run(ctx, "journal", "--host", "sandbox");
            assertThat(journal.out()).contains("ECS high throughput").contains("net.ipv4.tcp_fin_timeout: 60 -> 15");

            Out undo = run(ctx, "tune", "undo", "sandbox");
            assertThat(undo.code()).as(undo.out() + undo.err()).isZero();
            assertThat(run(ctx, "tune", "plan", "sandbox", "--profile", "ECS high throughput").out())
                    .contains("1. net.ipv4.tcp_tw_reuse");
            assertThat(run(ctx, "journal", "--json").out()).contains("\"status\":\"UNDONE\"");
        }
    }

    @Test
    void rssApplySetsTheTableOnTheSandboxCommitConfirmed() {
        try (AppContext ctx = new AppContext(config)) {
            Out r = run(ctx, "rss", "apply", "sandbox", "--nic", "eth1", "--equal", "2");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("[commit-confirmed: a revert is armed first]").contains("ethtool -X eth1 equal 2")
                    .contains("disarmed");
            assertThat(run(ctx, "rss", "apply", "sandbox", "--nic", "eth1", "--equal", "2").out()).contains("Nothing to do");
        }
    }

    @Test
    void rssApplyRefusesAHostileNicNameBeforeAnythingIsSent() {
        Out r = run("rss", "apply", "sandbox", "--nic", "eth1;reboot", "--equal", "2");

        assertThat(r.code()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("not a network interface name");
    }

    @Test
    void planOnThisMachineShowsTheBuiltInProfileWithoutChangingAnything() {
        Out r = run("tune", "plan", "local", "--profile", "ECS high throughput", "--json");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\"profile\":\"ECS high throughput\"").contains("\"steps\"");
    }

    @Test
    void anUnknownProfileIsBadInputNamingTheProfilesThatExist() {
        Out r = run("tune", "plan", "local", "--profile", "no-such-profile");

        assertThat(r.code()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("No profile 'no-such-profile'").contains("ECS high throughput");
    }

    @Test
    void aProfileFileWithAnOutOfRangeValueIsRefusedBeforeAnyHostIsContacted() throws Exception {
        Path f = config.resolve("bad.json");
        Files.writeString(f, "{\"name\":\"bad\",\"entries\":[{\"type\":\"sysctl\",\"name\":\"net.ipv4.tcp_fin_timeout\","
                + "\"value\":\"0\"}]}");

        Out r = run("tune", "apply", "nonexistent.invalid", "--profile", f.toString());

        assertThat(r.code()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("1-120");
    }

    @Test
    void aConfirmTimeoutOutOfRangeIsBadInput() {
        Out r = run("tune", "apply", "local", "--profile", "ECS high throughput", "--confirm-timeout", "3");

        assertThat(r.code()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("10-3600");
    }

    @Test
    void anEmptyJournalSaysSo() {
        Out r = run("journal");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("The journal is empty");
    }

    @Test
    void theProfileListNamesASavedFileThatCannotBeUsedAndWhy() throws Exception {
        Files.createDirectories(config.resolve("profiles"));
        Files.writeString(config.resolve("profiles/old-vm.json"), "{\"name\": \"old vm\", \"entries\": [{\"type\": \"sysctl\","
                + " \"name\": \"vm.swappiness\", \"value\": \"10\"}]}");

        Out r = run("tune", "profiles");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ECS high throughput").contains("NOT USABLE: " + config.resolve("profiles/old-vm.json"))
                .contains("vm.swappiness");
    }

    @Test
    void profilesCanBeExportedAndImportedAsReadableFiles() throws Exception {
        Path f = config.resolve("exported.json");
        assertThat(run("tune", "profiles", "--export", "ECS high throughput", "--to", f.toString()).code()).isZero();
        String text = Files.readString(f).replace("ECS high throughput", "My copy");
        Files.writeString(f, text);

        Out r = run("tune", "profiles", "--import", f.toString());

        assertThat(r.out()).contains("Imported \"My copy\"");
        assertThat(run("tune", "profiles").out()).contains("My copy");
        assertThat(text).contains("\"net.ipv4.tcp_tw_reuse\"");
    }

    @Test
    void aProfileIsExportedAsAnAnsiblePlaybookFile() throws Exception {
        Path f = config.resolve("seed.yml");
        Out r = run("tune", "profiles", "--export", "ECS networking workflow (seed steps 4-8)", "--format", "ansible", "--to", f.toString());

        assertThat(r.code()).isZero();
        assertThat(Files.readString(f)).contains("ansible.posix.sysctl:", "name: \"net.ipv4.tcp_fin_timeout\"",
                "changed_when:", "handlers:");
    }

    @Test
    void aProfileIsPrintedAsCloudInitUserDataWithoutAFile() {
        Out r = run("tune", "profiles", "--export", "ECS high throughput", "--format", "cloud-init");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("#cloud-config\n").contains("write_files:", "runcmd:",
                "net.ipv4.tcp_max_tw_buckets = 200000");
    }

    @Test
    void anUnknownExportFormatIsBadInputNamingTheFormats() {
        Out r = run("tune", "profiles", "--export", "ECS high throughput", "--format", "puppet");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'puppet' is not an export format: use json, ansible or cloud-init.");
    }
}
