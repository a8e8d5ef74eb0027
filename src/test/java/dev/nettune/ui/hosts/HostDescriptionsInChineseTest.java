package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.HostDirectory;
import dev.nettune.ui.common.Messages;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Hosts screen's line under each host says what it is in Chinese: built-in hosts, saved hosts' addresses, ssh aliases. */
class HostDescriptionsInChineseTest {
    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    private static HostDirectory.Entry entry(String name, HostDirectory.Kind kind, String description, Optional<String> address,
            Optional<String> jump) {
        return new HostDirectory.Entry(name, kind, description, address, Optional.of("ops"), OptionalInt.of(2222), jump,
                Optional.<Path>empty());
    }

    @Test
    void theBuiltInHostsAreDescribedInChinese() {
        assertThat(HostsView.description(entry("sandbox", HostDirectory.Kind.BUILT_IN, "simulated ECS, Alibaba Cloud Linux 3",
                Optional.empty(), Optional.empty()))).isEqualTo("模拟的 ECS 实例，Alibaba Cloud Linux 3");
        assertThat(HostsView.description(entry("local", HostDirectory.Kind.BUILT_IN, "this workstation", Optional.empty(),
                Optional.empty()))).isEqualTo("本机");
    }

    @Test
    void aSavedHostBehindABastionSaysViaInChinese() {
        assertThat(HostsView.description(entry("web1", HostDirectory.Kind.SAVED, "", Optional.of("10.0.0.5"), Optional.of("bastion"))))
                .isEqualTo("ops@10.0.0.5:2222，经由 bastion");
    }

    @Test
    void anSshConfigAliasNamesItsFileInChinese() {
        assertThat(HostsView.description(entry("db", HostDirectory.Kind.SSH_CONFIG, "alias of /home/u/.ssh/config", Optional.empty(),
                Optional.empty()))).isEqualTo("/home/u/.ssh/config 中的别名");
    }
}
