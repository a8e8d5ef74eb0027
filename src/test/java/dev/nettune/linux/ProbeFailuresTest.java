package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plain-words reasons a failed read gives, from tools' real answers (nmcli's captured on Debian 12). */
class ProbeFailuresTest {
    @Test
    void nmcliWithoutItsDaemonSaysNetworkManagerIsNotRunning() {
        assertThat(ProbeFailures.reason("nmcli", 8, "Error: NetworkManager is not running.\n").toString())
                .isEqualTo("NetworkManager is not running on the host (Error: NetworkManager is not running.)");
    }

    @Test
    void nmcliWithoutASystemBusIsNotReadAsAMissingFile() {
        assertThat(ProbeFailures.reason("nmcli", 1,
                "Error: Could not create NMClient object: Could not connect: No such file or directory.\n").toString())
                .startsWith("NetworkManager is not running on the host (").doesNotContain("does not exist");
    }

    @Test
    void aMissingToolIsNamedAsNotInstalled() {
        assertThat(ProbeFailures.reason("nmcli", 127, "sh: 1: nmcli: not found\n").toString())
                .isEqualTo("nmcli is not installed on the host (nmcli could not run)");
    }

    @Test
    void aMissingFileStillReadsAsNotExisting() {
        assertThat(ProbeFailures.reason("cat /proc/net/nf_conntrack", 1,
                "cat: /proc/net/nf_conntrack: No such file or directory\n").toString()).startsWith("it does not exist on this host");
    }

    @Test
    void inChineseTheReasonIsChineseWithTheHostsOwnWordsKept() {
        assertThat(ProbeFailures.reason("nmcli", 8, "Error: NetworkManager is not running.\n").in(java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("主机上的 NetworkManager 未运行（Error: NetworkManager is not running.）");
        assertThat(ProbeFailures.reason("ethtool -x eth1", 127, "sh: 1: ethtool: not found\n").in(java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("主机上没有安装 ethtool（ethtool -x eth1 无法运行）");
    }
}
