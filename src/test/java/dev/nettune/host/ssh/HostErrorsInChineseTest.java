package dev.nettune.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nettune.host.Command;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.SudoPasswordRequiredException;
import dev.nettune.host.local.LocalHost;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese user hears a host's connection faults in Chinese, as the screens say them ({@link Messages#problem}):
 * a real SSH server's timed-out command, sudo wanting or refusing a password, a closed handle, this workstation's
 * timeout and sudo, and the sandbox's dropped connection. The English messages stay as they were.
 */
class HostErrorsInChineseTest {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TestSshServer server;
    Path key;
    final List<String> shown = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void stop() throws Exception {
        Messages.use(Messages.ENGLISH);
        server.close();
    }

    private SshHost host() {
        SshOptions o = SshOptions.defaults().withKnownHosts(dir.resolve("known_hosts")).withAgentSocket(Optional.empty())
                .withHostKeyDecision(k -> HostKeyDecision.Choice.REFUSE);
        return new SshHost("lab", new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)), o);
    }

    // What the screen shows for the failure, kept for the English check; the error itself is returned.
    private Throwable shownFor(Throwable t) {
        assertThat(t).isInstanceOf(HostException.class);
        String text = Messages.problem(t);
        assertThat(text).as(t.getMessage()).matches("(?s).*\\p{IsHan}.*");
        shown.add(text);
        return t;
    }

    private void posingAsUserWithSudo(String sudoScript) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("id"), "#!/bin/sh\necho 1000\n");
        Files.writeString(bin.resolve("sudo"), sudoScript);
        bin.resolve("id").toFile().setExecutable(true);
        bin.resolve("sudo").toFile().setExecutable(true);
        server.pathPrefix.add(bin);
    }

    @Test
    void anSshHostsTimeoutSudoAndClosedConnectionAreChinese() throws Exception {
        posingAsUserWithSudo("#!/bin/sh\nif [ \"$1\" = -S ]; then echo 'Sorry, try again.' >&2; exit 1; fi\n"
                + "echo 'sudo: a password is required' >&2\nexit 1\n");
        SshHost host = host();
        try {
            Throwable timedOut = shownFor(catchThrowable(() -> host.run(Command.of("sleep", "30"), Duration.ofSeconds(1))));
            assertThat(timedOut.getMessage()).isEqualTo("'sleep 30' did not finish within 1 s on lab; it was stopped on the host.");
            shownFor(catchThrowable(() -> host.runAll(List.of(Command.of("sleep", "30"), Command.of("true")), Duration.ofSeconds(1))));

            Throwable needed = shownFor(catchThrowable(() -> host.run(Command.of("ethtool", "-X", "eth1", "equal", "4").asRoot(), T)));
            assertThat(needed).isInstanceOfSatisfying(SudoPasswordRequiredException.class, e -> assertThat(e.passwordRejected()).isFalse());
            assertThat(Messages.problem(needed)).contains("ethtool -X eth1 equal 4");

            host.useSudoPassword("wrong".toCharArray());
            Throwable rejected = shownFor(catchThrowable(() -> host.run(Command.of("echo", "x").asRoot(), T)));
            assertThat(rejected).isInstanceOfSatisfying(SudoPasswordRequiredException.class, e -> assertThat(e.passwordRejected()).isTrue());
        } finally {
            host.close();
        }
        Throwable closed = shownFor(catchThrowable(() -> host.run(Command.of("true"), T)));
        assertThat(closed.getMessage()).isEqualTo("The connection to lab was closed.");

        assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();
    }

    @Test
    void thisWorkstationsTimeoutIsChinese() throws Exception {
        try (LocalHost local = new LocalHost()) {
            Throwable timedOut = shownFor(catchThrowable(() -> local.run(Command.of("sleep", "30"), Duration.ofMillis(500))));
            assertThat(timedOut.getMessage()).isEqualTo("'sleep 30' did not finish within 0 s on this workstation; it was stopped.");
        }
        assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();
    }

    @Test
    void theSandboxsDroppedConnectionIsChinese() throws Exception {
        SandboxInstance box = new SandboxInstance(7, 4, 4);
        box.faults().dropConnectionOnNextCall();
        Throwable dropped = shownFor(catchThrowable(() -> box.run(Command.of("ethtool", "-x", "eth1"), T)));
        assertThat(dropped.getMessage()).isEqualTo("Connection to sandbox lost (the sandbox dropped it on purpose: an injected fault).");
        box.faults().clear().delayEveryCall(Duration.ofSeconds(5));
        shownFor(catchThrowable(() -> box.run(Command.of("ethtool", "-x", "eth1"), Duration.ofMillis(200))));

        assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();
    }
}
