package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class Hping3SenderTest {
    @Test
    void scenarioOneIsTheSeedsCommandLine() {
        TestTraffic t = TestTraffic.spread("10.0.0.252", "10.0.0.5", 10000, Optional.of("eth0"));
        assertThat(Hping3Sender.command(t).display())
                .isEqualTo("sudo hping3 10.0.0.5 -S -a 10.0.0.252 --rand-dest -p 0 --baseport 10000 -c 10000 -i u100 -I eth0");
    }

    @Test
    void scenarioTwoIsTheSeedsCommandLine() {
        TestTraffic t = TestTraffic.fixedFlow("10.0.0.252", "10.0.0.5", 10000);
        assertThat(Hping3Sender.command(t).display())
                .isEqualTo("sudo hping3 10.0.0.5 -S -p 80 -c 10000 -s 12345 -a 10.0.0.252 --keep -i u100");
    }

    @Test
    void scenarioOneCountsTheSourcePortUpAndScenarioTwoKeepsIt() {
        TestTraffic spread = TestTraffic.spread("10.0.0.252", "10.0.0.5", 10, Optional.empty());
        assertThat(spread.flowOf(3).sourcePort()).isEqualTo(10003);
        assertThat(spread.flowOf(3).destinationPort()).isEqualTo(0);
        assertThat(TestTraffic.fixedFlow("10.0.0.252", "10.0.0.5", 10).flowOf(7).sourcePort()).isEqualTo(12345);
    }

    @Test
    void installHintFollowsTheDistribution() {
        assertThat(Hping3Sender.installHint("alinux rhel fedora centos").toString()).contains("yum install -y hping3");
        assertThat(Hping3Sender.installHint("ubuntu debian").toString()).contains("apt-get install -y hping3");
        assertThat(Hping3Sender.installHint("").toString()).contains("yum").contains("apt-get");
    }

    @Test
    void hostileInterfaceAndOutOfRangeValuesNeverBecomeACommand() {
        assertThatThrownBy(() -> TestTraffic.spread("10.0.0.252", "10.0.0.5", 100, Optional.of("eth0;reboot")))
                .hasMessageContaining("not a network interface name");
        assertThatThrownBy(() -> TestTraffic.spread("10.0.0.252", "10.0.0.5", 0, Optional.empty()))
                .hasMessageContaining("1 to 1000000 packets");
        assertThatThrownBy(() -> TestTraffic.fixedFlow("fe80::1", "10.0.0.5", 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
