package dev.nettune.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.linux.CounterSource;
import dev.nettune.linux.FlowType;
import dev.nettune.linux.HostState;
import dev.nettune.linux.NicName;
import dev.nettune.linux.NicState;
import dev.nettune.linux.Reading;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.testing.ProcessHost;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole host state in one round trip: on the sandbox, and for real on this machine. */
class HostStateReaderTest {

    @Test
    void theSandboxStateIsReadInOneRoundTrip() throws Exception {
        SandboxInstance sandbox = SandboxInstance.demo();
        int before = sandbox.roundTrips();
        HostState s = new HostStateReader().read(sandbox);
        assertThat(sandbox.roundTrips() - before).isEqualTo(1);
        assertThat(s.kernel().orElse("")).endsWith(".al8.x86_64");
        assertThat(s.os().orElse(null).isAlibabaCloudLinux3()).isTrue();
        assertThat(s.cpuCount().orElse(0)).isEqualTo(4);
        assertThat(s.nics()).extracting(NicState::name).containsExactly("eth0", "eth1");
    }

    @Test
    void sandboxEth1HasFourQueuesCustomRssAndPerQueueCounters() throws Exception {
        HostState s = new HostStateReader().read(SandboxInstance.demo());
        NicState eth1 = s.nic("eth1").orElseThrow();
        assertThat(eth1.driver().orElse(null).driver()).isEqualTo("virtio_net");
        assertThat(eth1.queueCount()).hasValue(4);
        assertThat(eth1.hasRssTable()).isTrue();
        assertThat(eth1.rss().orElse(null).table().orElseThrow().size()).isEqualTo(128);
        assertThat(eth1.rss().orElse(null).key().orElseThrow().length()).isEqualTo(40);
        assertThat(eth1.counters().orElse(null).source()).isEqualTo(CounterSource.ETHTOOL_STATS);
        assertThat(eth1.counters().orElse(null).rx()).hasSize(4);
        assertThat(eth1.flowHash().get(FlowType.TCP4).orElse(null).hashesFourTuple()).isTrue();
        assertThat(eth1.xps().orElse(null)).hasSize(4);
        assertThat(eth1.irqs().orElse(null)).filteredOn(q -> q.servesRx()).hasSize(4)
                .allMatch(q -> q.affinity().isPresent());
        assertThat(eth1.managedByNetworkManager().orElse(null)).isTrue();
        assertThat(eth1.link().orElse(null).mac()).hasValue("00:16:3e:0a:00:05");
    }

    @Test
    void sandboxEth0WithoutCustomRssSaysSoInsteadOfFailing() throws Exception {
        NicState eth0 = new HostStateReader().read(SandboxInstance.demo()).nic("eth0").orElseThrow();
        assertThat(eth0.hasRssTable()).isFalse();
        assertThat(eth0.rss().orElse(null).tableProblem()).hasValue("Operation not supported");
        assertThat(eth0.flowHash().get(FlowType.UDP6).orElse(null).hashesNothing()).isTrue();
    }

    @Test
    void sandboxHostWideFactsAreKnownOrSayWhy() throws Exception {
        HostState s = new HostStateReader().read(SandboxInstance.demo());
        assertThat(s.timeWaitSysctls().get("net.ipv4.tcp_max_tw_buckets").orElse("")).isEqualTo("5000");
        assertThat(s.smcSysctls().describe()).contains("unknown because net.smc does not exist");
        assertThat(s.smcModuleLoaded().orElse(null)).isFalse();
        assertThat(s.services().get("irqbalance").orElse("")).isEqualTo("active");
        assertThat(s.tuningConf().orElse(null)).isEmpty();
    }

    @Test
    void oneNicCanBeAskedForAndAMissingOneIsLeftOut() throws Exception {
        SandboxInstance sandbox = SandboxInstance.demo();
        HostState only = new HostStateReader().read(sandbox, Optional.of(NicName.of("eth1")), Duration.ofSeconds(5));
        assertThat(only.nics()).extracting(NicState::name).containsExactly("eth1");
        HostState none = new HostStateReader().read(sandbox, Optional.of(NicName.of("eth9")), Duration.ofSeconds(5));
        assertThat(none.nics()).isEmpty();
    }

    @Test
    void theLocalAdapterReadsThisMachineEvenWithToolsMissing() throws Exception {
        HostState s = new HostStateReader().read(new dev.nettune.host.local.LocalHost());
        assertThat(s.kernel().isKnown()).isTrue();
        // A tool that is missing or has no daemon is an unknown with the reason, not a failed read; whether nmcli
        // is installed depends on the machine (.ci/run installs it for the NetworkManager journeys), its daemon
        // does not run here.
        assertThat(s.nics()).isNotEmpty();
        String managed = s.nics().get(0).managedByNetworkManager().describe();
        if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/nmcli"))) {
            assertThat(managed).contains("NetworkManager is not running on the host");
        } else {
            assertThat(managed).contains("nmcli is not installed");
        }
    }

    @Test
    void thisMachineIsReadForRealInOneRoundTripWithReasonsForWhatIsMissing() throws Exception {
        ProcessHost local = new ProcessHost();
        HostState s = new HostStateReader().read(local);
        assertThat(local.runAllCalls()).isEqualTo(1);
        assertThat(s.kernel().isKnown()).isTrue();
        assertThat(s.onlineCpus().isKnown()).isTrue();
        assertThat(s.nics()).extracting(NicState::name).doesNotContain("lo").isNotEmpty();
        for (NicState n : s.nics()) {
            // Every part is either known or explains itself; nothing threw.
            for (Reading<?> r : java.util.List.of(n.driver(), n.link(), n.channels(), n.rss(), n.counters(), n.xps(), n.irqs(),
                    n.managedByNetworkManager())) {
                assertThat(r.describe()).isNotBlank();
            }
        }
        assertThat(s.services().get("tuned").describe()).isNotBlank();
    }
}
