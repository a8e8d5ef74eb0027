package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.Host;
import dev.nettune.host.local.LocalHost;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.store.SavedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host names as users type them, turned into hosts. */
class HostResolverTest {
    @TempDir
    Path dir;
    AppContext context;
    HostResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        context = new AppContext(dir.resolve("config"));
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host web\n  HostName 10.0.0.5\n  User admin\n  Port 2222\n\nHost bastion\n  HostName 47.1.2.3\n  User jump\n");
        resolver = new HostResolver(context.builtInHosts(), context::hostInventory, () -> sshConfig);
    }

    @Test
    void localIsThisWorkstation() throws Exception {
        try (Host h = resolver.resolve("local", HostOptions.defaults())) {
            assertThat(h).isInstanceOf(LocalHost.class);
            assertThat(h.run(Command.of("echo", "here"), Duration.ofSeconds(10)).stdout()).isEqualTo("here\n");
        }
    }

    @Test
    void aRegisteredBuiltInHostIsFoundByName() throws Exception {
        context.builtInHosts().register("sandbox", LocalHost::new);
        try (Host h = resolver.resolve("sandbox", HostOptions.defaults())) {
            assertThat(h).isInstanceOf(LocalHost.class);
        }
        assertThat(context.builtInHosts().names()).containsExactly("sandbox", "local");
    }

    @Test
    void anSshAliasUsesTheConfigFile() throws Exception {
        try (Host h = resolver.resolve("web", HostOptions.defaults())) {
            assertThat(h).isInstanceOf(SharedSshHost.class);
            assertThat(((SharedSshHost) h).target().display()).isEqualTo("admin@10.0.0.5:2222");
        }
    }

    @Test
    void userAtHostPortIsTakenAsTyped() throws Exception {
        assertThat(resolver.sshTarget("ecs-user@47.100.1.2:2200", HostOptions.defaults()).display())
                .isEqualTo("ecs-user@47.100.1.2:2200");
    }

    @Test
    void aSavedHostBringsItsUserPortKeyAndBastion() throws Exception {
        context.hostInventory().add(new SavedHost("prod", "10.9.0.7", Optional.of("ecs-user"), OptionalInt.of(22),
                Optional.of("bastion"), Optional.of(Path.of("/keys/prod"))));
        SshTarget t = resolver.sshTarget("prod", HostOptions.defaults());
        assertThat(t.display()).isEqualTo("ecs-user@10.9.0.7 via jump@47.1.2.3");
        assertThat(t.identities()).startsWith(Path.of("/keys/prod"));
    }

    @Test
    void theIdentityOptionIsTriedFirst() throws Exception {
        SshTarget t = resolver.sshTarget("web", HostOptions.defaults().withIdentity(Path.of("/keys/mine")));
        assertThat(t.identities()).first().isEqualTo(Path.of("/keys/mine"));
    }

    @Test
    void somethingThatIsNotAHostNeverReachesSsh() {
        for (String bad : new String[] {"-oProxyCommand=touch /tmp/x", "a;b", "$(id)", "", "user@", "a b"}) {
            assertThatThrownBy(() -> resolver.resolve(bad, HostOptions.defaults()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user@host[:port]");
        }
    }
}
