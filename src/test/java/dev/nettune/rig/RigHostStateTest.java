package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.HostKeyRejectedException;
import dev.nettune.host.HostStateReader;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshOptions;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.linux.CounterSource;
import dev.nettune.linux.DriverInfo;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.HostState;
import dev.nettune.linux.NicState;
import dev.nettune.rss.RssKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** NetTune's SshHost and HostStateReader against the real guest: host key checked, the whole state in one round trip. */
@ExtendWith(RigExtension.class)
class RigHostStateTest {
    @BeforeEach
    void fourQueuesDefaultTable(RigGuest rig) throws Exception {
        rig.reset();
    }

    @Test
    void theGuestsStateIsReadInOneRoundTripWithEth0sFourQueuesKeyTableAndDriver(RigGuest rig) throws Exception {
        CountingHost counting = new CountingHost(rig.host());

        HostState state = new HostStateReader().read(counting);

        assertThat(counting.roundTrips()).isEqualTo(1);
        assertThat(state.kernel().asOptional()).hasValueSatisfying(k -> assertThat(k).startsWith("6.1."));
        NicState eth0 = state.nic(RigGuest.NIC).orElseThrow();
        assertThat(eth0.driver().asOptional().map(DriverInfo::driver)).contains("virtio_net");
        assertThat(eth0.queueCount()).contains(4);
        EthtoolRss rss = eth0.rss().asOptional().orElseThrow();
        assertThat(rss.key().map(RssKey::length)).contains(40);
        assertThat(rss.table().orElseThrow().size()).isEqualTo(128);
        assertThat(rss.ringCount()).hasValue(4);
        assertThat(eth0.counters().asOptional().orElseThrow().source()).isEqualTo(CounterSource.ETHTOOL_STATS);
        assertThat(eth0.xps().asOptional().orElseThrow()).hasSize(4);
        assertThat(state.nic("eth1")).as("the management NIC SSH arrives on").isPresent();
    }

    @Test
    void aKnownHostsEntryWithAnotherKeyIsRefused(RigGuest rig, @TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("known_hosts");
        // a valid ed25519 key that is not the guest's
        RigGuest.script(dir, Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "other");
        String[] other = Files.readString(dir.resolve("other.pub")).split("\\s+");
        Files.writeString(wrong, "[127.0.0.1]:" + RigGuest.SSH_PORT + " " + other[0] + " " + other[1] + "\n");
        SshTarget target = new SshTarget("127.0.0.1", RigGuest.SSH_PORT, "root").withIdentities(List.of(rig.dir().resolve("keys/id_ed25519")));
        try (SshHost h = new SshHost("rig", target, SshOptions.defaults().withKnownHosts(wrong).withAgentSocket(Optional.empty()))) {
            assertThatThrownBy(() -> h.run(Command.of("true"), Duration.ofSeconds(60))).isInstanceOf(HostKeyRejectedException.class);
        }
    }
}
