package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.linux.HostState;
import dev.nettune.linux.HostStateAssembler;
import dev.nettune.linux.HostStateDocument;
import dev.nettune.linux.HostStateScript;
import dev.nettune.linux.ProbeOutput;
import dev.nettune.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune host state --lang zh_CN} over a real SSH server whose tools print real captured output cut or
 * garbled (a missing header, a non-number, a gap in the table, a flow type ethtool does not have): each part NetTune
 * cannot read says so in Chinese, quoting the tool's own line as it came; the English report is as it was.
 */
class LinuxParseErrorsInChineseTest {
    private static final String RIG = "linux/virtio_net-6.1-rig-weight/";

    @TempDir
    Path dir;
    TestSshServer server;
    Path key;
    Path known;

    @BeforeEach
    void start() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        known = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        String i = Fixtures.read(RIG + "ethtool-i.txt");
        String l = Fixtures.read(RIG + "ethtool-l.txt");
        String x = Fixtures.read(RIG + "ethtool-x.txt");
        String s = Fixtures.read(RIG + "ethtool-S.txt");
        String udp4 = Fixtures.read(RIG + "ethtool-n-rx-flow-hash-udp4.txt");
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        for (String nic : List.of("eth0", "ifb0", "ifb1")) {
            boolean first = nic.equals("eth0");
            // ethtool -i reads on every NIC: `host state` also asks it whether the RSS shown is in effect, and stops on
            // an unreadable one (that refusal is said in Chinese too; the missing 'driver:' line is read below).
            outputs.put(nic + ".-i", i);
            outputs.put(nic + ".-l", first ? l.replace("Combined:\t4\nCurrent", "Combined:\tmany\nCurrent")
                    : l.substring(0, l.indexOf("Current hardware settings:")));
            outputs.put(nic + ".-x", first ? x.replaceFirst("(?m)^    8:.*\n", "") : nic.equals("ifb0") ? x.substring(x.indexOf('\n') + 1) : "");
            outputs.put(nic + ".-S", s.substring(s.indexOf('\n') + 1));
            outputs.put(nic + ".-n.tcp4", udp4.replace("IP DA", "IP DA\nL5 bytes 0 & 1"));
            outputs.put(nic + ".-n.udp4", udp4.replace("UDP over IPV4", "SCTP over IPV4"));
            outputs.put(nic + ".-n.tcp6", "rxhash: 7");
            outputs.put(nic + ".-n.udp6", udp4.lines().skip(1).collect(java.util.stream.Collectors.joining("\n")));
        }
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            Files.writeString(out.resolve(e.getKey()), e.getValue());
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        tool(bin, "ethtool", "if [ \"$1\" = -n ]; then exec cat \"" + out + "/$2.-n.$4\"; fi\nexec cat \"" + out + "/$2.$1\"\n");
        tool(bin, "uname", "echo 'Linux 6.1.0-rig #1 SMP'\n");
        tool(bin, "ip", "echo '2 eth0 state UP mtu 1500'\n");
        tool(bin, "systemctl", "printf 'active\\ninactive\\n'\n");
        tool(bin, "nmcli", "echo 'Error connecting'\n");
        tool(bin, "ynl", "echo 'netdev family has no such op'\n");
        server.pathPrefix.add(bin);
    }

    private static void tool(Path bin, String name, String body) throws Exception {
        Path f = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body);
        assertThat(f.toFile().setExecutable(true)).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        CliText.use(Locale.ENGLISH);
        server.close();
    }

    private CliRun state(AppContext context, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("host", "state", "tester@127.0.0.1:" + server.port(),
                "--identity", key.toString(), "--known-hosts", known.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.in(context, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.text()).isZero();
        return r;
    }

    @Test
    void toolOutputNetTuneCannotReadIsSaidInChineseWithTheToolsWordsAsTheyCame() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            CliRun zh = state(context, "--lang", "zh_CN");
            assertThat(zh.out()).contains("uname -r 输出了 'Linux 6.1.0-rig #1 SMP'")
                    .contains("不是 ip -o link 的输出：'2 eth0 state UP mtu 1500'")
                    .contains("ethtool -l：'Combined' 为 'many'")
                    .contains("不是 ethtool -l 的输出")
                    .contains("ethtool -x：第 16 行排在 8 个条目之后")
                    .contains("不是 ethtool -x 的输出").contains("（无输出）")
                    .contains("不是 ethtool -S 的输出")
                    .contains("未知的哈希字段 'L5 bytes 0 & 1'")
                    .contains("未知的流类型 'SCTP over IPV4'")
                    .contains("不是 ethtool -n rx-flow-hash 的输出：'rxhash: 7'")
                    .contains("不是 nmcli -t 的输出：'Error connecting'");
            assertThat(EnglishLeft.in(List.of(zh.text()))).as(zh.text()).isEmpty();

            CliText.use(Locale.ENGLISH);
            CliRun en = state(context);
            assertThat(en.out()).contains("unknown because uname -r printed something NetTune cannot read (uname -r printed 'Linux 6.1.0-rig #1 SMP')")
                    .contains("ethtool -l: 'Combined' is 'many', expected a number or n/a.")
                    .contains("ethtool -x: row 16 follows 8 entries; the table is not contiguous.")
                    .contains("Not ethtool -x output: expected 'RX flow hash indirection table for ...', got '(no output)'.")
                    .contains("ethtool -S printed something NetTune cannot read: Not ethtool -S output: expected 'NIC statistics:', got '")
                    .contains("ethtool -n rx-flow-hash: unknown flow type 'SCTP over IPV4'.")
                    .contains("Not nmcli -t output: 'Error connecting'.");
        }
    }

    @Test
    void theProbesAHostStateReadsAreSaidInChineseWhenTheirOutputIsCut() {
        String i = Fixtures.read(RIG + "ethtool-i.txt");
        String perNic = HostStateScript.section("eth1", "ifindex", 0, "3")
                + HostStateScript.section("eth1", "ethtool-i", 0, i.substring(i.indexOf('\n') + 1));
        HostState s = HostStateAssembler.assemble("web1", Instant.EPOCH, Map.of(
                HostStateScript.OS_RELEASE, new ProbeOutput(0, "VERSION=\"12 (bookworm)\"\n", ""),
                HostStateScript.LINKS, new ProbeOutput(0, "", ""),
                HostStateScript.SERVICES, new ProbeOutput(0, "active\nnot running\nactive\n", ""),
                HostStateScript.PER_NIC, new ProbeOutput(0, perNic, "")));

        String zh = HostStateDocument.toText(s, false, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).contains("不是 /etc/os-release：'VERSION=\"12 (bookworm)\"' 中没有 ID= 或 NAME=")
                .contains("不是 ethtool -i 的输出：'version: 1.0.0' 中没有 'driver:' 行");
        assertThat(EnglishLeft.in(List.of(zh))).as(zh).isEmpty();
        assertThat(HostStateDocument.toText(s, false)).contains("Not ethtool -i output: no 'driver:' line in 'version: 1.0.0'.")
                .contains("Not /etc/os-release: no ID= or NAME= in 'VERSION=\"12 (bookworm)\"'.");
    }
}
