package dev.nettune.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.host.Command;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in with keys held by a real OpenSSH ssh-agent, spoken to over its Unix socket. */
class SshAgentTest {
    @TempDir
    Path dir;
    Process agent;
    Path socket;
    TestSshServer server;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")) && Files.isExecutable(Path.of("/usr/bin/ssh-add")),
                "OpenSSH's ssh-agent is not installed here");
        socket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        assertThat(socket).exists();
        server = TestSshServer.start();
        Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (agent != null) {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void addToAgent(String keyType, int bits) throws Exception {
        KeyPair kp = KeyUtils.generateKeyPair(keyType, bits);
        Path file = dir.resolve("agent_" + bits);
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "agent-key", null, out);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/ssh-add", file.toString()).redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process add = pb.start();
        String out = new String(add.getInputStream().readAllBytes());
        assertThat(add.waitFor()).as(out).isZero();
        Files.delete(file); // from now on only the agent has the private key
        server.authorizedKeys.add(kp.getPublic());
    }

    private SshHost host(Optional<Path> agentSocket) {
        SshOptions o = SshOptions.defaults().withKnownHosts(dir.resolve("known_hosts"))
                .withHostKeyDecision(HostKeyDecision.refuse()).withAgentSocket(agentSocket);
        return new SshHost("agent", new SshTarget("127.0.0.1", server.port(), "tester", List.of(dir.resolve("no-such-key")),
                Optional.empty()), o);
    }

    @Test
    void anEd25519KeyInTheAgentLogsIn() throws Exception {
        addToAgent("ssh-ed25519", 256);
        try (SshHost h = host(Optional.of(socket))) {
            assertThat(h.run(Command.of("echo", "via agent"), Duration.ofSeconds(20)).stdout()).isEqualTo("via agent\n");
        }
    }

    @Test
    void anRsaKeyInTheAgentSignsWithSha2() throws Exception {
        addToAgent("ssh-rsa", 2048);
        try (SshHost h = host(Optional.of(socket))) {
            assertThat(h.run(Command.of("echo", "rsa"), Duration.ofSeconds(20)).stdout()).isEqualTo("rsa\n");
        }
    }

    @Test
    void theAgentListsWhatWasAdded() throws Exception {
        addToAgent("ssh-ed25519", 256);
        assertThat(new SshAgent(socket).identities()).singleElement()
                .satisfies(id -> assertThat(id.keyType()).isEqualTo("ssh-ed25519"));
    }

    @Test
    void anAgentThatIsNotRunningIsSkippedAndTheFailureSaysWhatWasTried() throws Exception {
        addToAgent("ssh-ed25519", 256);
        try (SshHost h = host(Optional.of(dir.resolve("gone.sock")))) {
            assertThatThrownBy(() -> h.run(Command.of("true"), Duration.ofSeconds(20)))
                    .isInstanceOf(HostException.class).hasMessageContaining("refused the login");
        }
    }
}
