package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.balance.ConntrackFlows;
import dev.nettune.rss.balance.ObservedFlow;
import dev.nettune.rss.balance.WeightUnit;
import dev.nettune.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sandbox's connection tracking: its demo traffic in the layouts of the captured conntrack listings. */
class SandboxConntrackTest {
    private static final String CAPTURED = "linux/conntrack-6.18-netns-captured/";
    private static final Set<IpAddress> NIC = Set.of(IpAddress.parse("10.0.0.5"));

    private final SandboxInstance box = SandboxInstance.demo();
    private final SandboxTraffic traffic = new SandboxTraffic(box, 1);

    private CommandResult run(String program, String... args) throws Exception {
        return box.run(Command.of(program, args), Duration.ofSeconds(5));
    }

    /** A line with every address, number and state word replaced, so only the layout is left. */
    private static String shape(String line) {
        return java.util.Arrays.stream(line.strip().split("\\s+"))
                .map(t -> t.contains("=") ? t.substring(0, t.indexOf('=')) + "=_"
                        : t.matches("\\d+") ? "_" : t.matches("[A-Z_]+") ? "STATE" : t)
                .collect(Collectors.joining(" "));
    }

    private static Set<String> shapes(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(SandboxConntrackTest::shape).collect(Collectors.toSet());
    }

    private void someTraffic() {
        traffic.send("eth1", Flow.tcp("10.0.0.251", "10.0.0.5", 40112, 5201), 300, 1400);
        traffic.send("eth1", Flow.udp("10.0.0.253", "10.0.0.5", 33000, 4789), 50, 1400);
    }

    @Test
    void withoutAccountingTheListingsHaveTheCapturedLayoutsAndNoCounters() throws Exception {
        someTraffic();
        assertThat(shapes(run("cat", "/proc/net/nf_conntrack").stdout()))
                .isSubsetOf(shapes(Fixtures.read(CAPTURED + "proc-net-nf_conntrack-noacct.txt")));
        assertThat(shapes(run("conntrack", "-L", "-o", "extended").stdout()))
                .isSubsetOf(shapes(Fixtures.read(CAPTURED + "conntrack-L-o-extended-noacct.txt")));
        assertThat(shapes(run("conntrack", "-L").stdout()))
                .isSubsetOf(shapes(Fixtures.read(CAPTURED + "conntrack-L-noacct.txt")));
        assertThat(ConntrackFlows.accounted(ConntrackFlows.parse(run("cat", "/proc/net/nf_conntrack").stdout()))).isFalse();
    }

    @Test
    void withAccountingOnNewEntriesCarryTheirPacketsAndBytesInTheCapturedLayouts() throws Exception {
        assertThat(run("sysctl", "-w", "net.netfilter.nf_conntrack_acct=1").exitCode()).isZero();
        someTraffic();
        assertThat(shapes(run("cat", "/proc/net/nf_conntrack").stdout()))
                .isEqualTo(shapes(Fixtures.read(CAPTURED + "proc-net-nf_conntrack-acct.txt")).stream()
                        .filter(s -> s.startsWith("ipv4")).collect(Collectors.toSet()));
        CommandResult tool = run("conntrack", "-L");
        assertThat(shapes(tool.stdout())).isSubsetOf(shapes(Fixtures.read(CAPTURED + "conntrack-L-acct.txt")));
        assertThat(tool.stderr()).isEqualTo("conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.\n");
        List<ObservedFlow> flows = ConntrackFlows.received(ConntrackFlows.parse(run("conntrack", "-L", "-o", "extended").stdout()),
                NIC, WeightUnit.PACKETS);
        assertThat(flows).containsExactlyInAnyOrder(new ObservedFlow(Flow.tcp("10.0.0.251", "10.0.0.5", 40112, 5201), 300),
                new ObservedFlow(Flow.udp("10.0.0.253", "10.0.0.5", 33000, 4789), 50));
    }

    @Test
    void entriesMadeBeforeAccountingWasSwitchedOnStayWithoutCounters() throws Exception {
        traffic.send("eth1", Flow.tcp("10.0.0.251", "10.0.0.5", 40112, 5201), 10, 100);
        run("sysctl", "-w", "net.netfilter.nf_conntrack_acct=1");
        traffic.send("eth1", Flow.tcp("10.0.0.251", "10.0.0.5", 40112, 5201), 10, 100);
        assertThat(run("cat", "/proc/net/nf_conntrack").stdout()).doesNotContain("packets=");
    }

    @Test
    void aRebootEmptiesTheTable() throws Exception {
        someTraffic();
        box.reboot();
        assertThat(run("conntrack", "-L").stdout()).isEmpty();
    }
}
