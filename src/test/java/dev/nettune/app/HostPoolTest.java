package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.Host;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.ssh.TestSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screens and commands naming the same host share one SSH connection, against a real server. */
class HostPoolTest {
    private static final Duration T = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    TestSshServer server;
    AppContext context;
    HostResolver resolver;
    HostOptions options;
    String name;

    @BeforeEach
    void setUp() throws Exception {
        server = TestSshServer.start();
        Path key = server.authorizeNewKey(dir.resolve("id"), null);
        Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        context = new AppContext(dir.resolve("config"));
        resolver = new HostResolver(context.builtInHosts(), context::hostInventory, () -> dir.resolve("no_ssh_config"),
                Duration.ofMillis(300));
        options = HostOptions.defaults().withIdentity(key).withKnownHosts(dir.resolve("known_hosts"))
                .withHostKeyDecision(HostKeyDecision.refuse());
        name = "tester@127.0.0.1:" + server.port();
    }

    @AfterEach
    void tearDown() throws Exception {
        resolver.closeAll();
        context.close();
        server.close();
    }

    @Test
    void twoHandlesOnOneHostShareOneConnection() throws Exception {
        try (Host a = resolver.resolve(name, options); Host b = resolver.resolve(name, options)) {
            a.run(Command.of("true"), T);
            b.run(Command.of("true"), T);
        }
        try (Host c = resolver.resolve(name, options)) {
            c.run(Command.of("true"), T);
        }
        assertThat(server.sessions.get()).isEqualTo(1);
    }

    @Test
    void aConnectionNobodyHoldsIsClosedAfterTheIdlePeriod() throws Exception {
        try (Host a = resolver.resolve(name, options)) {
            a.run(Command.of("true"), T);
            assertThat(resolver.openConnections()).isEqualTo(1);
        }
        for (int i = 0; i < 100 && resolver.openConnections() > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(resolver.openConnections()).isZero();
        for (int i = 0; i < 100 && !server.server.getActiveSessions().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(server.server.getActiveSessions()).isEmpty();
    }

    @Test
    void aSudoPasswordGivenOnceServesLaterHandlesOfThatHost() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("id"), "#!/bin/sh\necho 1000\n");
        Path seen = dir.resolve("sudo-saw");
        Files.writeString(bin.resolve("sudo"), "#!/bin/sh\n"
                + "if [ \"$1\" = -S ]; then IFS= read -r pw; printf '%s' \"$pw\" > " + seen + "; [ \"$pw\" = right ] && exit 0;"
                + " echo 'Sorry, try again.' >&2; exit 1; fi\n"
                + "[ -f " + seen + " ] || { echo 'sudo: a password is required' >&2; exit 1; }\n"
                + "shift 2; exec \"$@\"\n");
        bin.resolve("id").toFile().setExecutable(true);
        bin.resolve("sudo").toFile().setExecutable(true);
        server.pathPrefix.add(bin);
        try (Host a = resolver.resolve(name, options)) {
            a.useSudoPassword("right".toCharArray());
        }
        Thread.sleep(600); // the pooled connection is gone; a new one must still know the password
        try (Host b = resolver.resolve(name, options)) {
            assertThat(b.run(Command.of("echo", "as root").asRoot(), T).stdout()).isEqualTo("as root\n");
        }
        assertThat(Files.readString(seen)).isEqualTo("right");
        assertThat(server.execRequests).allMatch(r -> !r.contains("right"));
    }
}
