package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.linux.LinkInfo;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which NIC the Monitor opens on: the one carrying traffic, never a down ifb1. */
class MonitorTargetTest {
    private static final String LINKS = """
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\\    link/ether 00:16:3e:01:02:03 brd ff:ff:ff:ff:ff:ff
            3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\\    link/ether 00:16:3e:0a:0b:0c brd ff:ff:ff:ff:ff:ff
            4: ifb1: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 32\\    link/ether 5e:2f:aa:bb:cc:dd brd ff:ff:ff:ff:ff:ff
            """;
    private static final String STATS = """
            2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\\    link/ether 00:16:3e:01:02:03 brd ff:ff:ff:ff:ff:ff\\    RX: bytes  packets  errors  dropped missed  mcast   \\    9876543    12345    0       0       0       0       \\    TX: bytes  packets  errors  dropped carrier collsns \\    1234       12       0       0       0       0
            3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\\    link/ether 00:16:3e:0a:0b:0c brd ff:ff:ff:ff:ff:ff\\    RX: bytes  packets  errors  dropped missed  mcast   \\    987654321  7654321  0       0       0       0       \\    TX: bytes  packets  errors  dropped carrier collsns \\    1234       12       0       0       0       0
            """;

    @TempDir
    Path dir;

    @Test
    void theBusiestUpNicIsChosenWhenTheCurrentOneIsDown() {
        assertThat(MonitorTarget.chooseNic(LinkInfo.parseAll(LINKS), MonitorTarget.rxPackets(STATS), "ifb1")).contains("eth1");
    }

    @Test
    void anUpCurrentNicIsKept() {
        assertThat(MonitorTarget.chooseNic(LinkInfo.parseAll(LINKS), MonitorTarget.rxPackets(STATS), "eth0")).contains("eth0");
    }

    @Test
    void withoutCountersTheFirstUpNicWinsNotTheDownOne() {
        assertThat(MonitorTarget.chooseNic(LinkInfo.parseAll(LINKS), Map.of(), "missing")).contains("eth0");
    }

    @Test
    void packetCountsAreReadFromIpStatistics() {
        assertThat(MonitorTarget.rxPackets(STATS)).containsExactlyInAnyOrderEntriesOf(Map.of("eth0", 12345L, "eth1", 7654321L));
    }

    @Test
    void theSandboxOpensOnItsTrafficNic() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            MonitorTarget target = new MonitorTarget(List.of("sandbox"));
            target.nicProperty().set("ifb1");
            List<String> problems = new ArrayList<>();

            target.loadNics(context.hostResolver(), TestTasks.sameThread(), problems::add);

            assertThat(problems).isEmpty();
            assertThat(target.nics()).contains("eth0", "eth1").doesNotContain("lo");
            assertThat(target.nicProperty().get()).isIn("eth0", "eth1");
        }
    }
}
