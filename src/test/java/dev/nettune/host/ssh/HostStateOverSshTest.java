package dev.nettune.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.HostStateReader;
import dev.nettune.linux.HostState;
import dev.nettune.linux.NicName;
import dev.nettune.linux.NicState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host state over a real SSH server on loopback (host key verified): one channel, the per-NIC script intact. */
class HostStateOverSshTest {
    @TempDir
    Path dir;
    TestSshServer server;
    SshHost host;

    @BeforeEach
    void start() throws Exception {
        server = TestSshServer.start();
        Path key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        SshOptions options = SshOptions.defaults().withKnownHosts(knownHosts).withAgentSocket(Optional.empty())
                .withHostKeyDecision(k -> HostKeyDecision.Choice.REFUSE);
        host = new SshHost("loopback", new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)), options);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
        server.close();
    }

    @Test
    void theWholeStateTakesOneChannel() throws Exception {
        host.run(Command.of("true"), Duration.ofSeconds(30)); // connect first: only the read is counted
        int before = server.sessionChannels.get();
        HostState s = new HostStateReader().read(host);
        assertThat(server.sessionChannels.get() - before).isEqualTo(1);
        assertThat(s.kernel().orElse("")).isEqualTo(System.getProperty("os.version"));
        assertThat(s.nics()).isNotEmpty().extracting(NicState::name).doesNotContain("lo");
        NicState first = s.nics().get(0);
        assertThat(first.driver().isKnown() || !first.driver().describe().isBlank()).isTrue();
    }

    @Test
    void oneNicIsPassedAsAnArgumentAndArrivesIntact() throws Exception {
        String nic = Files.list(Path.of("/sys/class/net")).map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("lo") && NicName.isValid(n)).sorted().findFirst().orElseThrow();
        HostState s = new HostStateReader().read(host, Optional.of(NicName.of(nic)), Duration.ofSeconds(30));
        assertThat(s.nics()).extracting(NicState::name).containsExactly(nic);
        assertThat(s.nics().get(0).link().isKnown()).isTrue();
    }
}
