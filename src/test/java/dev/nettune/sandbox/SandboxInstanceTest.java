package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.HostException;
import dev.nettune.linux.Channels;
import dev.nettune.linux.CpuSet;
import dev.nettune.linux.DriverInfo;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.EthtoolStatsParser;
import dev.nettune.linux.LinkInfo;
import dev.nettune.linux.ProcInterrupts;
import dev.nettune.linux.QueueCounters;
import dev.nettune.linux.QueueIrqs;
import dev.nettune.linux.RxFlowHash;
import dev.nettune.linux.SysctlOutput;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandbox answers in the real tools' layout (same parser as the real captures) and refuses what the kernel refuses. */
class SandboxInstanceTest {
    private final SandboxInstance box = SandboxInstance.demo();

    private CommandResult run(String program, String... args) throws Exception {
        return box.run(Command.of(program, args), Duration.ofSeconds(5));
    }

    @Test
    void ethtoolXOfTheSandboxAndOfTheRealGuestReadWithTheSameParser() throws Exception {
        EthtoolRss real = EthtoolRssParser.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"));
        EthtoolRss sandbox = EthtoolRssParser.parse(run("ethtool", "-x", "eth1").stdout());
        assertThat(real.table().orElseThrow().size()).isEqualTo(128);
        assertThat(sandbox.table().orElseThrow().size()).isEqualTo(128);
        assertThat(sandbox.ringCount()).hasValue(4);
        assertThat(sandbox.key().orElseThrow().length()).isEqualTo(real.key().orElseThrow().length());
        assertThat(sandbox.activeHashFunction()).isEqualTo(real.activeHashFunction());
    }

    @Test
    void ethtoolXWithoutCustomRssLooksLikeTheRealUnsupportedNic() throws Exception {
        EthtoolRss real = EthtoolRssParser.parse(Fixtures.read("linux/virtio_net-6.18-1q/ethtool-x.txt"));
        EthtoolRss sandbox = EthtoolRssParser.parse(run("ethtool", "-x", "eth0").stdout());
        assertThat(sandbox.tableProblem()).isEqualTo(real.tableProblem());
        assertThat(sandbox.keyProblem()).isEqualTo(real.keyProblem());
    }

    @Test
    void ethtoolSOfTheSandboxReadsLikeTheRealVirtio61Capture() throws Exception {
        QueueCounters real = EthtoolStatsParser.parse("virtio_net", Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-S.txt"));
        QueueCounters sandbox = EthtoolStatsParser.parse("virtio_net", run("ethtool", "-S", "eth1").stdout());
        assertThat(sandbox.source()).isEqualTo(real.source());
        assertThat(sandbox.rx()).hasSize(real.rx().size());
        assertThat(EthtoolStatsParser.parseAll(run("ethtool", "-S", "eth1").stdout()).keySet())
                .containsAll(EthtoolStatsParser.parseAll(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-S.txt")).keySet().stream()
                        .filter(k -> !k.endsWith("tx_timeouts")).toList());
    }

    @Test
    void ethtoolIAndLAndNAndIpLinkAndInterruptsParse() throws Exception {
        DriverInfo d = DriverInfo.parse(run("ethtool", "-i", "eth1").stdout());
        assertThat(d.driver()).isEqualTo(DriverInfo.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-i.txt")).driver());
        Channels c = Channels.parse(run("ethtool", "-l", "eth1").stdout());
        assertThat(c.combined()).hasValue(4);
        assertThat(RxFlowHash.parse(run("ethtool", "-n", "eth1", "rx-flow-hash", "tcp4").stdout()).format())
                .isEqualTo(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-n-rx-flow-hash-tcp4.txt"));
        assertThat(LinkInfo.parseAll(run("ip", "-o", "link").stdout())).extracting(LinkInfo::name).containsExactly("lo", "eth0", "eth1");
        assertThat(LinkInfo.parseJson(run("ip", "-j", "link").stdout())).isEqualTo(LinkInfo.parseAll(run("ip", "-o", "link").stdout()));
        ProcInterrupts irq = ProcInterrupts.parse(run("cat", "/proc/interrupts").stdout());
        assertThat(irq.cpuColumns()).isEqualTo(4);
        assertThat(QueueIrqs.find(irq, "virtio_net", "eth1", d.busInfo(), Optional.of("virtio2"))).hasSize(8);
    }

    @Test
    void procInterruptsLinesHaveTheKernelsColumnLayout() throws Exception {
        String real = Fixtures.read("linux/virtio_net-6.1-qemu-4q/proc-interrupts.txt").lines()
                .filter(l -> l.endsWith("virtio0-input.0")).findFirst().orElseThrow();
        String ours = run("cat", "/proc/interrupts").stdout().lines().filter(l -> l.endsWith("-input.0")).findFirst().orElseThrow();
        // Same widths (both have 4 CPUs): "%3d: " then "%10u " per CPU, then " %8s %d-%-8s  name".
        assertThat(ours.indexOf("PCI-MSI") - ours.indexOf(':')).isEqualTo(real.indexOf("PCI-MSI") - real.indexOf(':'));
        assertThat(ours.substring(ours.indexOf("-edge"))).hasSize(real.substring(real.indexOf("-edge")).length());
    }

    @Test
    void xpsTakesAHexMaskAndRefusesTheSeedsCpuList() throws Exception {
        String path = "/sys/class/net/eth1/queues/tx-0/xps_cpus";
        CommandResult list = box.run(Command.of("tee", path).withStdin("0-3\n"), Duration.ofSeconds(5));
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.stderr()).isEqualTo("tee: " + path + ": Invalid argument\n");
        CommandResult echo = run("sh", "-c", "echo 0-3 > " + path);
        assertThat(echo.stderr()).contains("write error: Invalid argument");
        assertThat(box.run(Command.of("tee", path).withStdin("f\n"), Duration.ofSeconds(5)).ok()).isTrue();
        assertThat(run("cat", path).stdout()).isEqualTo("f\n");
        assertThat(CpuSet.parseMask(run("cat", path).stdout())).isEqualTo(CpuSet.range(0, 3));
    }

    @Test
    void aTableEntryBeyondTheRingCountIsRefused() throws Exception {
        CommandResult r = run("ethtool", "-X", "eth1", "equal", "8");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Cannot set RX flow hash configuration: Invalid argument\n");
        assertThat(box.indirectionTable("eth1")).isEqualTo(IndirectionTable.defaultFor(128, 4));
    }

    @Test
    void ethtoolXSetsKeyAndTableExactlyAsEthtoolComputesThem() throws Exception {
        String key = "6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa";
        assertThat(run("ethtool", "-X", "eth1", "hkey", key, "weight", "3", "1").ok()).isTrue();
        EthtoolRss r = EthtoolRssParser.parse(run("ethtool", "-x", "eth1").stdout());
        assertThat(r.key().orElseThrow().toColonHex()).isEqualTo(key);
        assertThat(r.table().orElseThrow()).isEqualTo(IndirectionTable.weight(128, List.of(3, 1), 0, java.util.OptionalInt.empty()));
    }

    @Test
    void fewerChannelsThanACustomTableUsesAreRefusedUntilTheTableIsReset() throws Exception {
        assertThat(run("ethtool", "-X", "eth1", "equal", "4").ok()).isTrue();
        CommandResult r = run("ethtool", "-L", "eth1", "combined", "2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("requested channel counts are too low for existing indirection table settings");
        assertThat(run("ethtool", "-X", "eth1", "default").ok()).isTrue();
        assertThat(run("ethtool", "-L", "eth1", "combined", "2").ok()).isTrue();
        assertThat(Channels.parse(run("ethtool", "-l", "eth1").stdout()).combined()).hasValue(2);
        // virtio_net keeps the 4-ring table it had (the rig's capture, see SandboxMatchesRigGuestTest).
        assertThat(box.indirectionTable("eth1")).isEqualTo(IndirectionTable.defaultFor(128, 4));
    }

    @Test
    void anUnknownSysctlIsRefusedLikeProcpsDoes() throws Exception {
        CommandResult r = run("sysctl", "-w", "net.smc.smc_enabled=1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).isEqualTo("sysctl: cannot stat /proc/sys/net/smc/smc_enabled: No such file or directory\n");
        assertThat(SysctlOutput.parse(r.stderr()).errors()).containsKey("net.smc.smc_enabled");
    }

    @Test
    void smcSysctlsExistOnlyAfterModprobeAndOnlyTheAlinuxOnes() throws Exception {
        assertThat(run("sysctl", "net.smc").stderr()).contains("cannot stat /proc/sys/net/smc");
        assertThat(run("modprobe", "smc").ok()).isTrue();
        SysctlOutput smc = SysctlOutput.parse(run("sysctl", "net.smc").stdout());
        assertThat(smc.values().keySet()).containsExactlyElementsOf(SandboxInstance.SMC_KEYS);
        assertThat(run("sysctl", "-w", "net.smc.smc_rdma_enabled=1").ok()).isFalse();
        assertThat(run("sysctl", "-w", "net.smc.tcp2smc=1").stdout()).isEqualTo("net.smc.tcp2smc = 1\n");
        assertThat(run("cat", "/proc/modules").stdout()).startsWith("smc ");
    }

    @Test
    void timeWaitSysctlsAreWrittenAndReadBackWithTheSeedsValues() throws Exception {
        CommandResult w = run("sysctl", "-w", "net.ipv4.tcp_tw_reuse=1", "net.ipv4.tcp_max_tw_buckets=200000", "net.ipv4.tcp_fin_timeout=15");
        assertThat(w.stdout()).isEqualTo("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_max_tw_buckets = 200000\nnet.ipv4.tcp_fin_timeout = 15\n");
        assertThat(run("sysctl", "-w", "net.ipv4.tcp_tw_reuse=3").stderr()).contains("setting key \"net.ipv4.tcp_tw_reuse\": Invalid argument");
        assertThat(box.sysctlValue("net.ipv4.tcp_tw_reuse")).hasValue("1");
    }

    @Test
    void sysctlSystemAppliesSysctlConfLastSoItsValuesWin() throws Exception {
        box.run(Command.of("tee", "/etc/sysctl.d/99-network-tuning.conf")
                .withStdin("net.ipv4.tcp_max_tw_buckets = 200000\nnet.ipv4.tcp_fin_timeout = 15\n"), Duration.ofSeconds(5));
        CommandResult r = run("sysctl", "--system");
        assertThat(r.stdout()).contains("* Applying /etc/sysctl.d/99-network-tuning.conf ...\n").endsWith("net.ipv4.tcp_synack_retries = 2\n");
        assertThat(box.sysctlValue("net.ipv4.tcp_fin_timeout")).hasValue("15");
        assertThat(box.sysctlValue("net.ipv4.tcp_max_tw_buckets")).hasValue("5000");
    }

    @Test
    void networkManagerLetsGoOfANicAndKeepsItThroughARestartButNotAReboot() throws Exception {
        assertThat(run("nmcli", "dev", "set", "eth1", "managed", "no").ok()).isTrue();
        assertThat(run("systemctl", "restart", "NetworkManager").ok()).isTrue();
        assertThat(run("nmcli", "-t", "-f", "DEVICE,STATE", "device").stdout()).contains("eth1:unmanaged\n");
        box.reboot();
        assertThat(run("nmcli", "-t", "-f", "DEVICE,STATE", "device").stdout()).contains("eth1:connected\n");
        box.run(Command.of("tee", "/etc/NetworkManager/conf.d/99-nettune-unmanaged.conf")
                .withStdin("[keyfile]\nunmanaged-devices=interface-name:eth1\n"), Duration.ofSeconds(5));
        box.reboot();
        assertThat(run("nmcli", "-t", "-f", "DEVICE,STATE", "device").stdout()).contains("eth1:unmanaged\n");
    }

    /** As NetworkManager 1.42 does (NetworkManagerSshJourneysTest): conf.d is read at start and reload only. */
    @Test
    void networkManagerSeesAConfFileRemovedWhileItRunsOnlyAfterAReload() throws Exception {
        box.run(Command.of("tee", "/etc/NetworkManager/conf.d/99-nettune-unmanaged.conf")
                .withStdin("[keyfile]\nunmanaged-devices=interface-name:eth1\n"), Duration.ofSeconds(5));
        assertThat(run("nmcli", "-t", "-f", "DEVICE,STATE", "device").stdout()).contains("eth1:connected\n");
        assertThat(run("nmcli", "general", "reload", "conf").ok()).isTrue();
        assertThat(run("nmcli", "-t", "-f", "DEVICE,STATE", "device").stdout()).contains("eth1:unmanaged\n");
        box.run(Command.of("rm", "-f", "/etc/NetworkManager/conf.d/99-nettune-unmanaged.conf"), Duration.ofSeconds(5));

        assertThat(run("nmcli", "device", "set", "eth1", "managed", "yes").ok()).isTrue();
        assertThat(run("nmcli", "-t", "-f", "DEVICE,STATE", "device").stdout()).contains("eth1:unmanaged\n");
        assertThat(run("nmcli", "general", "reload", "conf").ok()).isTrue();
        assertThat(run("nmcli", "-t", "-f", "DEVICE,STATE", "device").stdout()).contains("eth1:connected\n");
    }

    @Test
    void anEnabledUnitReappliesRssAfterAReboot() throws Exception {
        box.run(Command.of("tee", "/etc/systemd/system/nettune-rss.service").withStdin(
                "[Service]\nType=oneshot\nExecStart=/usr/sbin/ethtool -X eth1 equal 2\n[Install]\nWantedBy=multi-user.target\n"),
                Duration.ofSeconds(5));
        assertThat(run("systemctl", "enable", "nettune-rss").ok()).isTrue();
        box.reboot();
        assertThat(box.indirectionTable("eth1")).isEqualTo(IndirectionTable.equal(128, 2, 0, java.util.OptionalInt.empty()));
    }

    @Test
    void aMissingProgramIsExit127() throws Exception {
        CommandResult r = run("ynl", "--family", "netdev");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.stderr()).contains("ynl: command not found");
    }

    @Test
    void injectedFailureHitsTheNextMatchingCommandOnce() throws Exception {
        box.faults().failNext("ethtool -X", 1, "Cannot set RX flow hash configuration: Device or resource busy\n");
        assertThat(run("ethtool", "-x", "eth1").ok()).isTrue();
        assertThat(run("ethtool", "-X", "eth1", "equal", "2").stderr()).contains("busy");
        assertThat(run("ethtool", "-X", "eth1", "equal", "2").ok()).isTrue();
    }

    @Test
    void aDroppedConnectionFailsTheCallAndTheNextOneWorks() throws Exception {
        box.faults().dropConnectionOnNextCall();
        assertThatThrownBy(() -> run("uname", "-r")).isInstanceOf(HostException.class).hasMessageContaining("lost");
        assertThat(run("uname", "-r").stdout()).isEqualTo("5.10.134-16.3.al8.x86_64\n");
    }

    @Test
    void aDelayLongerThanTheTimeoutTimesOut() {
        box.faults().delayEveryCall(Duration.ofMillis(300));
        assertThatThrownBy(() -> box.run(Command.of("uname", "-r"), Duration.ofMillis(50)))
                .isInstanceOf(HostException.class).hasMessageContaining("timed out");
    }

    @Test
    void theSameSeedGivesTheSameInstance() {
        assertThat(new SandboxInstance(7, 8, 4).rssKey("eth1")).isEqualTo(new SandboxInstance(7, 8, 4).rssKey("eth1"));
        assertThat(new SandboxInstance(7, 8, 4).rssKey("eth1")).isNotEqualTo(new SandboxInstance(8, 8, 4).rssKey("eth1"));
    }

    @Test
    void attachingAnEniMakesANicAppearAndDetachingRemovesIt() throws Exception {
        String name = box.attachNic(null, "00:16:3e:aa:bb:cc", 8, true);
        assertThat(name).isEqualTo("eth2");
        assertThat(Channels.parse(run("ethtool", "-l", "eth2").stdout()).combined()).hasValue(8);
        assertThat(box.detachNic("00:16:3e:aa:bb:cc")).isTrue();
        assertThat(run("ethtool", "-i", "eth2").exitCode()).isNotZero();
    }

    @Test
    void sixtyFourQueuesAreTheMostAnEth1Has() {
        assertThat(new SandboxInstance(1, 64, 64).queueCount("eth1")).isEqualTo(64);
        assertThatThrownBy(() -> new SandboxInstance(1, 8, 65)).hasMessageContaining("1 to 64 queues");
    }
}
