package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What NetTune says about an ssh configuration under {@code --lang zh_CN}: the notes on what it does not run (Match
 * exec, ProxyCommand, CanonicalizeHostname) beside a real login through an alias, and the refusals of lines it cannot
 * use (a Host without a pattern, a bad Port, an Include loop, an unterminated quote ...). The file's own words and
 * places stay as written; the English is as it was.
 */
class SshConfigInChineseTest {
    @TempDir
    Path dir;
    TestSshServer server;
    Path key;
    Path known;
    Path sshConfig;
    final List<String> shown = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        known = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        sshConfig = dir.resolve("ssh_config");
    }

    @AfterEach
    void stop() throws Exception {
        CliText.use(Locale.ENGLISH);
        server.close();
    }

    private CliRun check(String config, String alias, boolean chinese) throws Exception {
        Files.writeString(sshConfig, config);
        List<String> args = new ArrayList<>(List.of("host", "check", alias, "--identity", key.toString(), "--known-hosts", known.toString()));
        if (chinese) {
            args.addAll(List.of("--lang", "zh_CN"));
        }
        try (AppContext context = new AppContext(dir.resolve("config"), () -> sshConfig)) {
            CliRun r = CliRun.in(context, args.toArray(String[]::new));
            if (chinese) {
                assertThat(r.err()).as(r.text()).matches("(?s).*\\p{IsHan}.*");
                shown.add(r.text());
            }
            return r;
        } finally {
            CliText.use(Locale.ENGLISH);
        }
    }

    @Test
    void whatNetTuneDoesNotRunIsNotedInChineseBesideARealLogin() throws Exception {
        String config = "Match exec \"true\"\n  User nobody\nMatch localnetwork 10.0.0.0/8\n  User nobody\n"
                + "Host lab\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User tester\n  ProxyCommand nc %h %p\n"
                + "  CanonicalizeHostname yes\n";
        CliRun zh = check(config, "lab", true);
        assertThat(zh.exit()).as(zh.text()).isZero();
        assertThat(zh.err()).contains(sshConfig + ":1：NetTune 不运行 'Match exec'").contains("ProxyCommand").contains("CanonicalizeHostname");
        assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();

        CliRun en = check(config, "lab", false);
        assertThat(en.err()).contains(sshConfig + ":1: 'Match exec' is not run by NetTune (it would run a command from the config);"
                + " that block is treated as not matching.");
    }

    @Test
    void linesNetTuneCannotUseAreRefusedInChinese() throws Exception {
        Path loop = dir.resolve("loop_config");
        Files.writeString(loop, "Include " + loop + "\n");
        List<String> broken = List.of("Host\n  User x\n", "Host lab\n  Port abc\n", "Host lab\n  User\n",
                "Host lab\n  StrictHostKeyChecking maybe\n", "Host lab\n  UserKnownHostsFile\n", "Match\n", "Match all host x\n",
                "Match host\n", "Match colour blue\n", "Host lab\n  User \"ops\n", "Include\n", "Include " + loop + "\n",
                "Host lab\n  ProxyJump lab\n");
        for (String config : broken) {
            CliRun zh = check(config, "lab", true);
            assertThat(zh.exit()).as(config + zh.text()).isNotZero();
        }
        assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();
        // Each refusal is "cannot read the ssh configuration X: <why>": the why must be Chinese too, not only its frame.
        assertThat(EnglishLeft.in(shown.stream().flatMap(t -> java.util.Arrays.stream(t.split("[：；（）。，]"))).toList()))
                .as("English inside the Chinese frame of " + shown).isEmpty();

        assertThat(check("Host lab\n  Port abc\n", "lab", false).err())
                .contains(sshConfig + ":2: Port 'abc' is not a port; allowed: 1 to 65535.");
    }
}
