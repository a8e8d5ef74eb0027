package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.ssh.TestSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UserKnownHostsFile and StrictHostKeyChecking an engineer wrote in ~/.ssh/config decide how NetTune checks
 * the host's key, as they do for ssh; a command-line choice wins. Against a real SSH server.
 */
class SshConfigHostKeysTest {
    private static final Duration T = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    TestSshServer server;
    AppContext context;
    Path key;
    Path sshConfig;

    @BeforeEach
    void setUp() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id"), null);
        context = new AppContext(dir.resolve("config"));
        sshConfig = dir.resolve("ssh_config");
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        server.close();
    }

    private HostResolver resolverWith(String hostBlockExtra) throws Exception {
        Files.writeString(sshConfig, "Host lab\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User tester\n"
                + "  IdentityFile " + key + "\n" + hostBlockExtra);
        return new HostResolver(context.builtInHosts(), context::hostInventory, () -> sshConfig, Duration.ofMillis(300));
    }

    /** A GUI-like decision that counts how often it was asked and would accept. */
    private static HostKeyDecision askingAndAccepting(AtomicInteger asked) {
        return k -> {
            asked.incrementAndGet();
            return HostKeyDecision.Choice.ACCEPT_AND_SAVE;
        };
    }

    @Test
    void theKeyIsVerifiedAgainstTheUserKnownHostsFileOfTheConfig() throws Exception {
        Path kh = Files.writeString(dir.resolve("work_known_hosts"), server.knownHostsLine() + "\n");
        HostResolver resolver = resolverWith("  UserKnownHostsFile " + kh + "\n");

        try (Host h = resolver.resolve("lab", HostOptions.defaults())) {
            assertThat(h.run(Command.of("echo", "in"), T).stdout().strip()).isEqualTo("in");
            assertThat(((SharedSshHost) h).hostKeyTrust().map(dev.nettune.host.HostKeyTrust::describe)).contains("verified against " + kh);
        } finally {
            resolver.closeAll();
        }
    }

    @Test
    void aKeyInTheSecondOfSeveralUserKnownHostsFilesIsFoundAndANewKeyGoesToTheFirst() throws Exception {
        Path first = dir.resolve("first_known_hosts");
        Path second = Files.writeString(dir.resolve("second_known_hosts"), server.knownHostsLine() + "\n");
        HostResolver resolver = resolverWith("  UserKnownHostsFile " + first + " " + second + "\n");

        try (Host h = resolver.resolve("lab", HostOptions.defaults())) {
            h.run(Command.of("true"), T);
        } finally {
            resolver.closeAll();
        }
        assertThat(first).as("nothing was written: the key was known").doesNotExist();
    }

    @Test
    void acceptNewInTheConfigSavesANewKeyToItsKnownHostsFileAndSaysTrustedNow() throws Exception {
        Path kh = dir.resolve("lab_known_hosts");
        HostResolver resolver = resolverWith("  UserKnownHostsFile " + kh + "\n  StrictHostKeyChecking accept-new\n");

        try (Host h = resolver.resolve("lab", HostOptions.defaults())) {
            h.run(Command.of("true"), T);
            assertThat(((SharedSshHost) h).hostKeyTrust().map(dev.nettune.host.HostKeyTrust::describe)).get().asString().startsWith("trusted now").contains(kh.toString());
        } finally {
            resolver.closeAll();
        }
        assertThat(Files.readString(kh)).contains("[127.0.0.1]:" + server.port());
    }

    @Test
    void strictHostKeyCheckingYesRefusesAnUnknownKeyWithoutAsking() throws Exception {
        HostResolver resolver = resolverWith("  UserKnownHostsFile " + dir.resolve("empty_known_hosts") + "\n"
                + "  StrictHostKeyChecking yes\n");
        AtomicInteger asked = new AtomicInteger();

        try (Host h = resolver.resolve("lab", HostOptions.defaults().withHostKeyDecision(askingAndAccepting(asked)))) {
            assertThatThrownBy(() -> h.run(Command.of("true"), T)).isInstanceOf(HostException.class)
                    .hasMessageContaining("empty_known_hosts");
        } finally {
            resolver.closeAll();
        }
        assertThat(asked.get()).isZero();
        assertThat(dir.resolve("empty_known_hosts")).doesNotExist();
    }

    @Test
    void acceptNewHostKeyOnTheCommandLineWinsOverStrictHostKeyCheckingYes() throws Exception {
        Path kh = dir.resolve("lab_known_hosts");
        HostResolver resolver = resolverWith("  UserKnownHostsFile " + kh + "\n  StrictHostKeyChecking yes\n");

        try (Host h = resolver.resolve("lab", HostOptions.defaults().withHostKeyDecision(HostKeyDecision.acceptAndSave()))) {
            h.run(Command.of("true"), T);
        } finally {
            resolver.closeAll();
        }
        assertThat(Files.readString(kh)).contains("[127.0.0.1]:" + server.port());
    }

    @Test
    void knownHostsOnTheCommandLineWinsOverTheUserKnownHostsFileOfTheConfig() throws Exception {
        Path given = Files.writeString(dir.resolve("given_known_hosts"), server.knownHostsLine() + "\n");
        HostResolver resolver = resolverWith("  UserKnownHostsFile " + dir.resolve("nowhere") + "\n");

        try (Host h = resolver.resolve("lab", HostOptions.defaults().withKnownHosts(given))) {
            h.run(Command.of("true"), T);
            assertThat(((SharedSshHost) h).hostKeyTrust().map(dev.nettune.host.HostKeyTrust::describe)).contains("verified against " + given);
        } finally {
            resolver.closeAll();
        }
    }

    @Test
    void aConfigThatSaysNothingAboutHostKeysLeavesTheDecisionToWhoeverAsks() throws Exception {
        Path kh = dir.resolve("kh");
        HostResolver resolver = resolverWith("");
        AtomicInteger asked = new AtomicInteger();

        try (Host h = resolver.resolve("lab", HostOptions.defaults().withKnownHosts(kh)
                .withHostKeyDecision(askingAndAccepting(asked)))) {
            h.run(Command.of("true"), T);
        } finally {
            resolver.closeAll();
        }
        assertThat(asked.get()).isEqualTo(1);
    }
}
