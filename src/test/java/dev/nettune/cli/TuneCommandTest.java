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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext ctx = new AppContext(config)) {
            int code = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
            return new Out(code, out.toString(), err.toString());
        }
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
}
