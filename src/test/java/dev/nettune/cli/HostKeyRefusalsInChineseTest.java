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
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's host-key refusals under {@code --lang zh_CN}, against a real SSH server: a key never seen (without
 * --accept-new-host-key), a changed key, a key of another type than the one known, a revoked key. Each is said in
 * Chinese with the fingerprints and the ssh-keygen command as they are; the English is as it was.
 */
class HostKeyRefusalsInChineseTest {
    @TempDir
    Path dir;
    TestSshServer server;
    Path key;
    final List<String> shown = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
    }

    @AfterEach
    void stop() throws Exception {
        CliText.use(Locale.ENGLISH);
        server.close();
    }

    private CliRun check(AppContext context, String knownHosts, String... more) throws Exception {
        Path known = Files.writeString(dir.resolve("known_hosts"), knownHosts);
        List<String> args = new ArrayList<>(List.of("host", "check", "tester@127.0.0.1:" + server.port(),
                "--identity", key.toString(), "--known-hosts", known.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.in(context, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.text()).isEqualTo(1);
        return r;
    }

    private CliRun chinese(AppContext context, String knownHosts) throws Exception {
        CliRun r = check(context, knownHosts, "--lang", "zh_CN");
        assertThat(r.err()).as(r.text()).matches("(?s).*\\p{IsHan}.*").contains(server.fingerprint());
        shown.add(r.text());
        return r;
    }

    private String line(String keyType, int bits) throws Exception {
        return "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(KeyUtils.generateKeyPair(keyType, bits).getPublic()) + "\n";
    }

    @Test
    void hostKeyRefusalsAreSaidInChinese() throws Exception {
        String changed = line("ecdsa-sha2-nistp256", 256);
        String otherType = line("ssh-ed25519", 256);
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            assertThat(chinese(context, "").err()).contains("的主机密钥不在").contains("--accept-new-host-key");
            assertThat(chinese(context, changed).err()).contains("警告：[127.0.0.1]:" + server.port() + " 的主机密钥已变更")
                    .contains("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'");
            assertThat(chinese(context, otherType).err()).contains("与已知的不同").contains("ssh-ed25519 SHA256:");
            assertThat(chinese(context, "@revoked " + server.knownHostsLine() + "\n").err()).contains("被标记为 @revoked");
            assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();

            CliText.use(Locale.ENGLISH);
            assertThat(check(context, changed).err()).contains("WARNING: THE HOST KEY OF [127.0.0.1]:" + server.port() + " HAS CHANGED. ")
                    .contains("; the host now presents " + server.fingerprint() + ". Someone may be intercepting the connection (man in"
                            + " the middle), or the host was re-installed. NetTune refuses to connect.");
            assertThat(check(context, "").err()).contains(") and was not accepted. Check the fingerprint and accept it"
                    + " (CLI: --accept-new-host-key).");
        }
    }
}
