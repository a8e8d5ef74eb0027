package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.sandbox.cloud.NicEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ENI attached in the simulated region appears in the guest as eth<DeviceIndex>, and goes when detached. */
class SandboxCloudBridgeTest {
    private final SandboxInstance box = SandboxInstance.demo();
    private final SandboxCloudBridge bridge = new SandboxCloudBridge(box, "i-1");

    @Test
    void anAttachedEniAppearsUnderItsDeviceIndex() {
        bridge.networkInterfaceAttached(new NicEvent("i-1", "eni-2", "00:16:3e:00:00:22", 2, 8, true, false));
        assertThat(box.nicNames()).contains("eth2");
        assertThat(box.queueCount("eth2")).isEqualTo(8);
    }

    @Test
    void anEniOfAnotherInstanceIsIgnored() {
        bridge.networkInterfaceAttached(new NicEvent("i-other", "eni-2", "00:16:3e:00:00:22", 2, 8, true, false));
        assertThat(box.nicNames()).containsExactly("eth0", "eth1");
    }

    @Test
    void aDetachedEniVanishes() {
        bridge.networkInterfaceDetached(new NicEvent("i-1", "eni-x", "00:16:3e:0a:00:05", 1, 4, true, false));
        assertThat(box.nicNames()).containsExactly("eth0");
    }

    @Test
    void afterARebootRssFollowsTheCloudsSetting() throws Exception {
        bridge.instanceStarted("i-1", List.of(new NicEvent("i-1", "eni-p", "00:16:3e:0a:00:0a", 0, 2, false, true),
                new NicEvent("i-1", "eni-s", "00:16:3e:0a:00:05", 1, 4, false, false)));
        assertThat(box.nicNames()).containsExactly("eth0", "eth1");
        String x = box.run(dev.nettune.host.Command.of("ethtool", "-x", "eth1"), java.time.Duration.ofSeconds(5)).stdout();
        assertThat(dev.nettune.linux.EthtoolRssParser.parse(x).supportsCustomTable()).isFalse();
    }
}
