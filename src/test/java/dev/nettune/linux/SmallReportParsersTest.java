package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ethtool -i / -l / -n, ip -o link, os-release, uname: each on real captures. */
class SmallReportParsersTest {

    @Test
    void driverInfoOfTheVirtioGuestIgnoresTheEthtoolVersionLine() {
        DriverInfo d = DriverInfo.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-i.txt"));
        assertThat(d.driver()).isEqualTo("virtio_net");
        assertThat(d.version()).isEqualTo("1.0.0");
        assertThat(d.busInfo()).isEqualTo("0000:00:03.0");
        assertThat(d.firmwareVersion()).isEmpty();
    }

    @Test
    void driverInfoOfMlx5NamesItsFirmwareAndBus() {
        DriverInfo d = DriverInfo.parse(Fixtures.read("linux/mlx5-documented/ethtool-i.txt"));
        assertThat(d.driver()).isEqualTo("mlx5_core");
        assertThat(d.busInfo()).isEqualTo("0000:00:06.0");
        assertThat(d.firmwareVersion()).startsWith("16.35.2000");
    }

    @Test
    void driverInfoRejectsOutputWithoutADriverLine() {
        assertThatThrownBy(() -> DriverInfo.parse("Cannot get driver information: No such device\n"))
                .isInstanceOf(LinuxParseException.class).hasMessageContaining("No such device");
    }

    @Test
    void channelsOfTheFourQueueGuest() {
        Channels c = Channels.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-l.txt"));
        assertThat(c.maxCombined()).hasValue(4);
        assertThat(c.combined()).hasValue(4);
        assertThat(c.rx()).isEmpty();
        assertThat(c.rxQueues()).isEqualTo(4);
    }

    @Test
    void channelsOfThisMachineHaveOneQueue() {
        Channels c = Channels.parse(Fixtures.read("linux/this-machine-6.18.44/ethtool-l.txt"));
        assertThat(c.combined()).hasValue(1);
        assertThat(c.txQueues()).isEqualTo(1);
    }

    @Test
    void channelsFormatReadsBackToTheSameValues() {
        Channels c = Channels.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-l.txt"));
        assertThat(c.format("eth0")).isEqualTo(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-l.txt"));
    }

    @Test
    void rxFlowHashTcp4OfTheGuestHashesTheFourTuple() {
        RxFlowHash h = RxFlowHash.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-n-rx-flow-hash-tcp4.txt"));
        assertThat(h.flowType()).isEqualTo(FlowType.TCP4);
        assertThat(h.hashesFourTuple()).isTrue();
        assertThat(h.letters()).isEqualTo("sdfn");
    }

    @Test
    void rxFlowHashNoneMeansNothingIsHashed() {
        RxFlowHash h = RxFlowHash.parse(Fixtures.read("linux/virtio_net-6.18-1q/ethtool-n-rx-flow-hash-tcp4.txt"));
        assertThat(h.hashesNothing()).isTrue();
        assertThat(h.format()).isEqualTo(Fixtures.read("linux/virtio_net-6.18-1q/ethtool-n-rx-flow-hash-tcp4.txt"));
    }

    @Test
    void rxFlowHashOfEveryFlowTypeInTheCombinedCapture() {
        String all = Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-n-rx-flow-hash-all.txt");
        String[] parts = all.split("### ethtool -n eth0 rx-flow-hash \\w+\n");
        List<FlowType> seen = new java.util.ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                RxFlowHash h = RxFlowHash.parse(p);
                assertThat(h.hashesFourTuple()).isTrue();
                assertThat(h.format()).isEqualTo(p);
                seen.add(h.flowType());
            }
        }
        assertThat(seen).containsExactly(FlowType.TCP4, FlowType.UDP4, FlowType.TCP6, FlowType.UDP6);
    }

    @Test
    void rxFlowHashOnThisMachineIsNoneForAllFourTypes() {
        for (FlowType t : FlowType.values()) {
            RxFlowHash h = RxFlowHash.parse(Fixtures.read("linux/this-machine-6.18.44/ethtool-n-rx-flow-hash-" + t.arg() + ".txt"));
            assertThat(h.flowType()).isEqualTo(t);
            assertThat(h.hashesNothing()).isTrue();
        }
    }

    @Test
    void ipOneLineLinkGivesMacMtuAndState() {
        List<LinkInfo> links = LinkInfo.parseAll(Fixtures.read("linux/this-machine-6.18.44/ip-o-link.txt"));
        assertThat(links).extracting(LinkInfo::name).containsExactly("lo", "ifb0", "ifb1", "eth0");
        LinkInfo eth0 = links.get(3);
        assertThat(eth0.mtu()).isEqualTo(1400);
        assertThat(eth0.state()).isEqualTo("UP");
        assertThat(eth0.mac()).hasValue("02:fc:00:00:00:01");
        assertThat(eth0.flags()).contains("UP", "LOWER_UP");
        assertThat(links.get(1).isUp()).isFalse();
    }

    @Test
    void ipJsonLinkReadsTheSameAsTheOneLineLayout() {
        List<LinkInfo> json = LinkInfo.parseJson(Fixtures.read("linux/this-machine-6.18.44/ip-j-link.txt"));
        List<LinkInfo> oneLine = LinkInfo.parseAll(Fixtures.read("linux/this-machine-6.18.44/ip-o-link.txt"));
        assertThat(json).hasSize(4);
        for (int i = 1; i < json.size(); i++) {
            assertThat(json.get(i)).isEqualTo(oneLine.get(i));
        }
        assertThat(json.get(0).mac()).isEmpty();
    }

    @Test
    void ipJsonLinkSkipsNestedObjects() {
        List<LinkInfo> l = LinkInfo.parseJson("[{\"ifindex\":7,\"ifname\":\"bond0\",\"flags\":[\"UP\"],\"mtu\":9000,"
                + "\"linkinfo\":{\"info_kind\":\"bond\",\"ifname\":\"inner\",\"mtu\":1},\"operstate\":\"UP\","
                + "\"link_type\":\"ether\",\"address\":\"00:16:3e:00:00:01\"}]");
        assertThat(l).containsExactly(new LinkInfo(7, "bond0", Set.of("UP"), 9000, "UP", java.util.Optional.of("00:16:3e:00:00:01")));
    }

    @Test
    void osReleaseOfThisMachineIsDebian12() {
        OsRelease os = OsRelease.parse(Fixtures.read("linux/this-machine-6.18.44/os-release.txt"));
        assertThat(os.id()).isEqualTo("debian");
        assertThat(os.versionId()).isEqualTo("12");
        assertThat(os.prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(os.isAlibabaCloudLinux3()).isFalse();
    }

    @Test
    void nmcliTerseOutputUnescapesColons() {
        Map<String, String> states = ServiceStates.parseNmcliDevices("eth0:connected\neth1:unmanaged\nweird\\:name:disconnected\n");
        assertThat(states).containsEntry("eth0", "connected").containsEntry("eth1", "unmanaged")
                .containsEntry("weird:name", "disconnected");
    }

    @Test
    void systemctlIsActiveOfAHostWithoutSystemdIsNotReadAsStates() {
        String out = Fixtures.read("linux/this-machine-6.18.44/systemctl-is-active.txt");
        assertThatThrownBy(() -> ServiceStates.parseIsActive(List.of("irqbalance", "tuned"), out))
                .isInstanceOf(LinuxParseException.class);
        assertThat(ServiceStates.parseIsActive(List.of("irqbalance", "tuned"), "active\ninactive\n"))
                .isEqualTo(Map.of("irqbalance", "active", "tuned", "inactive"));
    }

    @Test
    void nicNamesAreValidatedWithTheAllowedCharacters() {
        assertThat(NicName.of("eth1").value()).isEqualTo("eth1");
        assertThat(NicName.isValid("enp0s3.100")).isTrue();
        for (String bad : List.of("", "eth0; rm -rf /", "$(id)", "a".repeat(16), "..", "eth 0", "eth0\n")) {
            assertThatThrownBy(() -> NicName.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 15 characters");
        }
    }

    @Test
    void hashFieldLettersFollowEthtool() {
        assertThat(new RxFlowHash(FlowType.UDP4, Set.of(HashField.IP_SA, HashField.IP_DA)).letters()).isEqualTo("sd");
    }
}
