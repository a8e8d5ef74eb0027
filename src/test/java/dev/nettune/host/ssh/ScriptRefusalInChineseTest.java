package dev.nettune.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose shell has no base64 cannot run NetTune's command script: the script's own reason ("base64 is not
 * installed", NetTune's words printed by the host) is said in Chinese, on a real SSH server whose PATH lacks it.
 */
class ScriptRefusalInChineseTest {
    @TempDir
    Path dir;
    TestSshServer server;
    Path key;

    @BeforeEach
    void start() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        // A PATH with a shell and nothing else: the script finds no base64.
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        Files.createSymbolicLink(empty.resolve("sh"), Path.of("/bin/sh"));
        server.argv = c -> List.of("/usr/bin/env", "PATH=" + empty, "/bin/sh", "-c", c);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aHostWithoutBase64IsRefusedInChinese() throws Exception {
        SshOptions o = SshOptions.defaults().withKnownHosts(dir.resolve("known_hosts")).withAgentSocket(Optional.empty())
                .withHostKeyDecision(k -> HostKeyDecision.Choice.REFUSE);
        SshHost host = new SshHost("lab", new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)), o);
        try {
            Throwable t = catchThrowable(() -> host.runAll(List.of(Command.of("true"), Command.of("true")), Duration.ofSeconds(30)));
            assertThat(t).isInstanceOf(HostException.class).hasMessage("The host cannot run NetTune's command script: base64 is not installed.");
            String zh = Phrase.describe(t, Locale.SIMPLIFIED_CHINESE);
            assertThat(zh).isEqualTo("主机无法运行 NetTune 的命令脚本：主机上没有安装 base64。");
            assertThat(EnglishLeft.in(List.of(zh))).isEmpty();
        } finally {
            host.close();
        }
    }
}
