package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.store.SavedHost;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune host ...} as a user runs it, against a real SQLite file and a real SSH server. */
class HostCommandTest {
    @TempDir
    Path dir;
    AppContext context;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void setUp() {
        context = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return NetTuneCommand.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void addThenListShowsTheSavedHostAfterTheBuiltIns() {
        assertThat(run("host", "add", "prod", "--address", "10.0.0.5", "--user", "ecs-user", "--port", "2222",
                "--jump", "jump@47.1.2.3", "--identity", "/keys/prod")).isZero();
        assertThat(run("host", "list", "--ssh-config", dir.resolve("none").toString())).isZero();
        assertThat(out.toString()).containsSubsequence("local", "built-in", "prod", "saved", "10.0.0.5", "ecs-user", "2222",
                "jump@47.1.2.3", "/keys/prod");
    }

    @Test
    void listJsonIsMachineReadable() throws Exception {
        run("host", "add", "prod", "--address", "10.0.0.5");
        assertThat(run("host", "list", "--json", "--ssh-config", dir.resolve("none").toString())).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        // One host list for the CLI and the screens: the sandbox first, as the GUI shows it.
        assertThat(rows.get(0).get("name").asText()).isEqualTo("sandbox");
        assertThat(rows.get(1).get("name").asText()).isEqualTo("local");
        assertThat(rows.get(1).get("kind").asText()).isEqualTo("built-in");
        assertThat(rows.get(2).get("kind").asText()).isEqualTo("saved");
        assertThat(rows.get(2).get("address").asText()).isEqualTo("10.0.0.5");
    }

    @Test
    void addFromSshConfigCopiesTheAlias() throws Exception {
        Path cfg = dir.resolve("ssh_config");
        Files.writeString(cfg, "Host web\n  HostName 10.0.0.5\n  User admin\n  Port 2222\n  IdentityFile /keys/web\n"
                + "  ProxyJump bastion\nHost bastion\n  HostName 47.1.2.3\n  User jump\n");
        assertThat(run("host", "add", "--from-ssh-config", "web", "--ssh-config", cfg.toString())).isZero();
        assertThat(context.hostInventory().find("web")).hasValueSatisfying(h -> {
            assertThat(h.address()).isEqualTo("10.0.0.5");
            assertThat(h.user()).contains("admin");
            assertThat(h.port()).hasValue(2222);
            assertThat(h.jump()).contains("jump@47.1.2.3");
            assertThat(h.keyPath()).contains(Path.of("/keys/web"));
        });
    }

    @Test
    void addFromAnUnknownAliasNamesTheAliasesThere() throws Exception {
        Path cfg = dir.resolve("ssh_config");
        Files.writeString(cfg, "Host web\n  HostName 10.0.0.5\n");
        assertThat(run("host", "add", "--from-ssh-config", "nope", "--ssh-config", cfg.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a Host alias").contains("web");
    }

    @Test
    void badInputIsExitCodeTwoAndSavesNothing() {
        assertThat(run("host", "add", "x", "--address", "$(reboot)")).isEqualTo(2);
        assertThat(err.toString()).contains("Not an address");
        assertThat(run("host", "add", "local", "--address", "1.2.3.4")).isEqualTo(2);
        assertThat(context.hostInventory().list()).isEmpty();
    }

    @Test
    void removeForgetsTheHost() {
        run("host", "add", "prod", "--address", "10.0.0.5");
        assertThat(run("host", "remove", "prod")).isZero();
        assertThat(context.hostInventory().list()).extracting(SavedHost::name).isEmpty();
        assertThat(run("host", "remove", "prod")).isEqualTo(2);
    }

    @Test
    void checkLocalPrintsTheKernel() {
        assertThat(run("host", "check", "local")).isZero();
        assertThat(out.toString()).startsWith("local: reachable, kernel ").contains(System.getProperty("os.version"));
    }

    @Test
    void checkOverSshRefusesAnUnknownKeyThenTrustsItNowWithTheFlagThenVerifiesIt() throws Exception {
        try (TestSshServer server = TestSshServer.start()) {
            Path key = server.authorizeNewKey(dir.resolve("id"), null);
            Path known = dir.resolve("known_hosts");
            String target = "tester@127.0.0.1:" + server.port();
            assertThat(run("host", "check", target, "--identity", key.toString(), "--known-hosts", known.toString())).isEqualTo(1);
            assertThat(err.toString()).contains(server.fingerprint()).contains("--accept-new-host-key");
            assertThat(run("host", "check", target, "--identity", key.toString(), "--known-hosts", known.toString(),
                    "--accept-new-host-key")).isZero();
            assertThat(out.toString()).contains("reachable, kernel")
                    .contains("host key " + server.fingerprint() + " trusted now (first connection; saved to " + known + ")")
                    .doesNotContain("verified");
            assertThat(Files.readString(known)).contains("[127.0.0.1]:" + server.port());
            out.getBuffer().setLength(0);
            assertThat(run("host", "check", target, "--identity", key.toString(), "--known-hosts", known.toString())).isZero();
            assertThat(out.toString()).contains("host key " + server.fingerprint() + " verified against " + known);
            assertThat(server.execRequests).hasSize(2);
        }
    }
}
